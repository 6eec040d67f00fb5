import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { attachConfig } from '../shared/containerConfig.js';
import { errorText } from '../shared/daemonError.js';
import { attachAndWait } from '../shared/hijack.js';

export const startCommand: CommandSpec = {
  name: 'start',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  ownsSignals: (flags) => flags.bool('attach') || flags.bool('interactive'),
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'attach', short: 'a', kind: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
    { long: 'detach-keys', kind: 'string', usage: 'Override the key sequence for detaching a container' },
    { long: 'interactive', short: 'i', kind: 'bool', usage: "Attach container's STDIN" },
  ],
  async run({ flags, args }, ctx) {
    const attach = flags.bool('attach');
    const interactive = flags.bool('interactive');
    if (attach || interactive) {
      if (args.length > 1) throw new StatusError('you cannot start and attach multiple containers at once', 1);
      const config = attachConfig(args[0], ctx);
      const stdin = interactive && config.openStdin;
      if (config.tty && stdin && !ctx.terminal) throw new StatusError('the input device is not a TTY', 1);
      const outcome = await attachAndWait(
        { id: config.id, stdin, tty: config.tty, sigProxy: true, detachKeys: flags.string('detach-keys'), afterAttach: () => ctx.engine.containers.start(config.id) },
        ctx,
      );
      if (outcome.kind === 'detached') return 0;
      if (outcome.kind === 'forced') throw new StatusError('', 1);
      return outcome.code;
    }
    const failed: string[] = [];
    for (const ref of args) {
      try {
        await ctx.engine.containers.start(ref);
        ctx.stdout.write(`${ref}\n`);
      } catch (error) {
        ctx.stderr.write(`${errorText(error)}\n`);
        failed.push(ref);
      }
    }
    if (failed.length > 0) throw new StatusError(`failed to start containers: ${failed.join(', ')}`, 1);
    return 0;
  },
};
