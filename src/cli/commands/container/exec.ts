import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { isEngineError } from '../../../engine/index.js';
import { errorText } from '../shared/daemonError.js';

export const execCommand: CommandSpec = {
  name: 'exec',
  use: '[OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  ownsSignals: true,
  args: { kind: 'min', n: 2 },
  interspersed: false,
  flags: [
    { long: 'detach', short: 'd', kind: 'bool', usage: 'Detached mode: run command in the background' },
    { long: 'detach-keys', kind: 'string', usage: 'Override the key sequence for detaching a container' },
    { long: 'env', short: 'e', kind: 'list', usage: 'Set environment variables' },
    { long: 'env-file', kind: 'list', usage: 'Read in a file of environment variables' },
    { long: 'interactive', short: 'i', kind: 'bool', usage: 'Keep STDIN open even if not attached' },
    { long: 'privileged', kind: 'bool', usage: 'Give extended privileges to the command' },
    { long: 'tty', short: 't', kind: 'bool', usage: 'Allocate a pseudo-TTY' },
    { long: 'user', short: 'u', kind: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { long: 'workdir', short: 'w', kind: 'string', usage: 'Working directory inside the container' },
  ],
  async run({ flags, args }, ctx) {
    const [container, ...cmd] = args;
    const tty = flags.bool('tty');
    const interactive = flags.bool('interactive');
    const detach = flags.bool('detach');
    if (tty && interactive && !detach && !ctx.terminal) throw new StatusError('the input device is not a TTY', 1);
    // The engine's exec has no pseudo-terminal line discipline of its own (run/attach sessions do),
    // so the terminal stays cooked and the process reads whole lines.
    try {
      const code = await ctx.engine.containers.exec(
        container,
        {
          cmd,
          tty,
          interactive,
          detach,
          env: flags.list('env'),
          workdir: flags.string('workdir') || undefined,
          user: flags.string('user') || undefined,
        },
        { stdin: ctx.stdin, stdout: ctx.stdout, stderr: tty ? ctx.stdout : ctx.stderr, signals: ctx.signals, terminal: ctx.terminal },
      );
      return detach ? 0 : code;
    } catch (error) {
      // A failed exec start reports the runtime's error and the 126/127 exit code the daemon set.
      if (isEngineError(error) && error.category === 'startFailed') throw new StatusError(error.message, error.exitCode ?? 126);
      throw new StatusError(errorText(error), 1);
    }
  },
};
