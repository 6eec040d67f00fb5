import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { isEngineError } from '../../../engine/index.js';
import type { CommandIO } from '../../../os/process.js';
import { errorText } from '../shared/daemonError.js';
import { escapeInput } from '../shared/escapeInput.js';
import { parseDetachKeys } from '../shared/hijack.js';

const DEFAULT_DETACH = '\x10\x11';

type ExecOutcome = { readonly kind: 'exited'; readonly code: number } | { readonly kind: 'detached' } | { readonly kind: 'interrupted' };

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
    let escape = DEFAULT_DETACH;
    const detachKeys = flags.string('detach-keys');
    try {
      if (detachKeys) escape = parseDetachKeys(detachKeys);
    } catch (error) {
      throw new StatusError(error instanceof Error ? error.message : String(error), 1);
    }
    // With -it the terminal goes raw: the engine's pty for the exec'd process echoes and turns
    // Ctrl-C into SIGINT, and only the client watches for the detach keys (hijack.go setupInput).
    const raw = tty && interactive && !detach && ctx.terminal !== undefined;
    const keys = raw ? escapeInput(ctx.stdin, escape) : undefined;
    const io: CommandIO = { stdin: keys ?? ctx.stdin, stdout: ctx.stdout, stderr: tty ? ctx.stdout : ctx.stderr, signals: ctx.signals, terminal: ctx.terminal };
    if (raw) ctx.terminal!.setRawMode(true);
    let unsubscribe = (): void => undefined;
    try {
      const running = ctx.engine.containers.exec(
        container,
        { cmd, tty, interactive, detach, env: flags.list('env'), workdir: flags.string('workdir') || undefined, user: flags.string('user') || undefined },
        io,
      );
      const outcomes: Promise<ExecOutcome>[] = [running.then((code) => ({ kind: 'exited', code }))];
      if (keys) outcomes.push(keys.detached.then(() => ({ kind: 'detached' })));
      // A TTY process gets no signals from the client; Ctrl-C outside raw mode ends only the client, as it would kill the docker binary.
      if (tty && !raw && !detach) outcomes.push(new Promise((resolve) => (unsubscribe = ctx.signals.on((s) => s === 'SIGINT' && resolve({ kind: 'interrupted' })))));
      const outcome = await Promise.race(outcomes);
      if (outcome.kind === 'detached') {
        running.catch(() => undefined);
        // The escape sequence comes back as the hijack's error, which the CLI prints (exit 1), like attach.
        ctx.stderr.write('read escape sequence\n');
        return 1;
      }
      if (outcome.kind === 'interrupted') {
        running.catch(() => undefined);
        return 130;
      }
      return detach ? 0 : outcome.code;
    } catch (error) {
      // A failed exec start reports the runtime's error and the 126/127 exit code the daemon set.
      if (isEngineError(error) && error.category === 'startFailed') throw new StatusError(error.message, error.exitCode ?? 126);
      throw new StatusError(errorText(error), 1);
    } finally {
      unsubscribe();
      if (raw) ctx.terminal!.setRawMode(false);
    }
  },
};
