import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { attachAndWait } from '../shared/hijack.js';
import { CONTAINER_CONFIG_FLAGS } from './createFlags.js';
import { createContainer } from './createContainer.js';
import { parseContainerOptions } from './containerOptions.js';
import { runStatusError } from './runErrors.js';

export const runCommand: CommandSpec = {
  name: 'run',
  use: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  ownsSignals: (flags) => !flags.bool('detach'),
  args: { kind: 'min', n: 1 },
  interspersed: false,
  noHelpShorthand: true,
  flags: [
    ...CONTAINER_CONFIG_FLAGS,
    { long: 'detach', short: 'd', kind: 'bool', usage: 'Run container in background and print container ID' },
    { long: 'detach-keys', kind: 'string', usage: 'Override the key sequence for detaching a container' },
    { long: 'sig-proxy', kind: 'bool', usage: 'Proxy received signals to the process', def: 'true' },
  ],
  async run({ flags, args }, ctx) {
    const detach = flags.bool('detach');
    let id: string;
    let opts;
    try {
      opts = parseContainerOptions(flags, args, ctx, detach);
      // streams.In.CheckTty runs before anything is created.
      if (opts.create.tty && opts.attach.stdin && !ctx.terminal) throw new StatusError('the input device is not a TTY', 1);
      id = await createContainer(opts, ctx);
    } catch (error) {
      throw runStatusError(error, 'run');
    }
    const { attach } = opts;
    const start = async (): Promise<void> => {
      try {
        await ctx.engine.containers.start(id);
      } catch (error) {
        throw runStatusError(error, 'run');
      }
    };
    if (!attach.stdout && !attach.stderr && !attach.stdin) {
      ctx.stdout.write(`${id}\n`);
      await start();
      return 0;
    }
    const tty = opts.create.tty ?? false;
    const outcome = await attachAndWait({ id, stdin: attach.stdin, tty, sigProxy: opts.sigProxy, detachKeys: opts.detachKeys, afterAttach: start }, ctx);
    if (outcome.kind === 'detached') return 0;
    if (outcome.kind === 'forced') throw new StatusError('', 1);
    return outcome.code;
  },
};
