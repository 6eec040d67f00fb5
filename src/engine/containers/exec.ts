/**
 * `docker exec`: a process beside PID 1, in the same rootfs, network and
 * lifetime. With `-t` it gets a pseudo-terminal of its own, as runc gives an
 * exec'd process: echo, Ctrl-C/Ctrl-\ to the process, Ctrl-D at line start
 * as end of input, one output stream with `\n` turned into `\r\n`.
 */
import type { CommandIO, OutputStream, SignalName } from '../../os/process.js';
import { emptyInput, SignalEmitter } from '../../os/streams.js';
import type { ExecOptions } from '../api.js';
import type { EngineContext } from '../context.js';
import { EngineError } from '../errors/EngineError.js';
import { ExecError, execFailureMessage, lookPath, selectProgram } from '../programs/resolve.js';
import type { ProcessSpec } from '../programs/types.js';
import type { ContainerRecord } from './model.js';
import type { Run } from './runtime.js';
import { processEnv } from './runtime.js';
import { Pty, StdinQueue } from './stdio.js';

/** ONLCR over one output stream (the pty has only one). */
function ttyOutput(out: OutputStream): OutputStream {
  let last = '';
  return {
    write: (text) => {
      let converted = '';
      for (const ch of text) {
        if (ch === '\n' && last !== '\r') converted += '\r';
        converted += ch;
        last = ch;
      }
      if (converted !== '') out.write(converted);
    },
  };
}

interface ExecPty {
  readonly io: CommandIO;
  /** Feeds the client's keys into the pty until the process ends. */
  pump(done: Promise<unknown>): void;
}

function execPty(io: CommandIO, interactive: boolean): ExecPty {
  const stdin = new StdinQueue();
  const signals = new SignalEmitter();
  const out = ttyOutput(io.stdout);
  const pty = new Pty(stdin, (text) => out.write(text), (signal: SignalName) => signals.emit(signal));
  return {
    io: { stdin: interactive ? stdin : emptyInput, stdout: out, stderr: out, signals, terminal: pty },
    pump: (done) => {
      if (!interactive) return;
      let over = false;
      const end = (): void => {
        over = true;
        stdin.close();
      };
      done.then(end, end);
      void (async () => {
        for (;;) {
          const chunk = await io.stdin.read();
          if (over) return;
          if (chunk === null) {
            // The client's stream ended (a pipe): no more input ever.
            stdin.close();
            return;
          }
          pty.input(chunk);
        }
      })();
    },
  };
}

export async function execInContainer(c: ContainerRecord, run: Run, ctx: EngineContext, options: ExecOptions, io: CommandIO): Promise<number> {
  const tty = options.tty ?? false;
  const interactive = options.interactive ?? false;
  const spec: ProcessSpec = {
    argv: options.cmd,
    env: processEnv(c, options.env ?? [], tty),
    cwd: options.workdir ?? (c.config.workingDir || '/'),
    user: options.user ?? c.config.user,
    tty,
    openStdin: interactive,
  };
  try {
    const path = lookPath(c.fs, spec.argv[0] ?? '', spec.env, spec.cwd);
    selectProgram(c.fs, path, spec.argv, ctx.programs, spec.env, spec.cwd);
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    throw new EngineError(execFailureMessage(error), 'startFailed', error.exitCode);
  }
  // Detached, no client is attached: a pty still reads its (silent) terminal, a pipe reads end of file.
  const attachStdin = interactive && !options.detach;
  const pty = tty ? execPty(io, interactive) : undefined;
  const execIo: CommandIO = pty?.io ?? { ...io, stdin: attachStdin ? io.stdin : emptyInput, terminal: undefined };
  // The exec'd process dies with the container (its kill switch is PID 1's).
  const running = ctx.runner.run(spec, c.fs, execIo, { killed: run.killed.token, pid1: false, listen: run.network.listen });
  if (attachStdin) pty?.pump(running);
  if (options.detach) {
    running.catch(() => undefined);
    return 0;
  }
  return running;
}
