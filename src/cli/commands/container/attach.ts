import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { attachConfig } from '../shared/containerConfig.js';
import { attachAndWait } from '../shared/hijack.js';

export const attachCommand: CommandSpec = {
  name: 'attach',
  use: '[OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  ownsSignals: true,
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'detach-keys', kind: 'string', usage: 'Override the key sequence for detaching a container' },
    { long: 'no-stdin', kind: 'bool', usage: 'Do not attach STDIN' },
    { long: 'sig-proxy', kind: 'bool', usage: 'Proxy all received signals to the process', def: 'true' },
  ],
  async run({ flags, args }, ctx) {
    const config = attachConfig(args[0], ctx);
    if (!config.running) throw new StatusError('cannot attach to a stopped container, start it first', 1);
    if (config.paused) throw new StatusError('cannot attach to a paused container, unpause it first', 1);
    const stdin = !flags.bool('no-stdin') && config.openStdin;
    if (config.tty && stdin && !ctx.terminal) throw new StatusError('the input device is not a TTY', 1);
    const outcome = await attachAndWait({ id: config.id, stdin, tty: config.tty, sigProxy: flags.bool('sig-proxy', true), detachKeys: flags.string('detach-keys') }, ctx);
    if (outcome.kind === 'detached') {
      // The escape sequence ends `docker attach` with an error (exit 1), unlike `docker run -it`.
      ctx.stderr.write('read escape sequence\n');
      return 1;
    }
    if (outcome.kind === 'forced') throw new StatusError('', 1);
    return outcome.code;
  },
};
