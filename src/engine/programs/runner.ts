/**
 * Runs programs as processes: resolves the executable in the rootfs, builds
 * the ProgramContext, and models what the kernel would do with signals
 * (trap handlers, PID 1's immunity to unhandled signals, 128+n deaths) and
 * with SIGKILL (the run resolves 137 at once, whatever the program does).
 */
import type { CancelToken } from '../../os/clock.js';
import type { CommandIO, OutputStream, SignalName, SignalSource } from '../../os/process.js';
import { basename } from '../../os/path.js';
import { SIGNAL_NUMBERS } from '../../os/process.js';
import { CancelSource, noSignals } from '../../os/streams.js';
import type { Vfs } from '../../os/vfs.js';
import type { EngineContext, ProcessRunner } from '../context.js';
import type { HttpHandler, Listener } from '../net/http.js';
import { Network } from '../net/network.js';
import type { ListenFn } from '../net/network.js';
import { ExecError, lookPath, selectProgram } from './resolve.js';
import type { Program, ProcessSpec, ProgramContext } from './types.js';
import { ProgramExit } from './types.js';

interface RunOptions {
  readonly killed: CancelToken;
  readonly pid1: boolean;
  readonly listen?: (port: number, handler: HttpHandler) => Listener;
}

/** Signals whose default action is to be ignored (SIGCONT continues; SIGSTOP is not modelled). */
const IGNORED_BY_DEFAULT = new Set<SignalName>(['SIGWINCH', 'SIGCONT', 'SIGSTOP']);

/** What the daemon may know about a process from outside: for `docker stop`'s explanation. */
export interface ProcessView {
  /** Basename of the program running now (after any exec). */
  readonly name: string;
  handles(signal: SignalName): boolean;
}

const views = new WeakMap<SignalSource, ProcessView>();

/** The process whose signals arrive through `signals` (the channel the runner was given), while it runs. */
export function processOn(signals: SignalSource): ProcessView | undefined {
  return views.get(signals);
}

const EXEC = Symbol('slipway.exec');
type ExecCapable = ProgramContext & { [EXEC]?: (argv: readonly string[]) => Promise<number> };

/**
 * Replaces the running program with another, in the same process (shell `exec`,
 * an entrypoint script's final `exec "$@"`): same PID, same signals, same stdio.
 * Throws ExecError when argv[0] cannot be executed.
 */
export function execve(ctx: ProgramContext, argv: readonly string[]): Promise<number> {
  const exec = (ctx as ExecCapable)[EXEC];
  if (!exec) throw new Error('execve: context was not created by the Runner');
  return exec(argv);
}

function envMap(env: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of env) {
    const eq = entry.indexOf('=');
    if (eq < 0) map.set(entry, '');
    else map.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return map;
}

function gate(out: OutputStream, isDone: () => boolean): OutputStream {
  return { write: (text) => (isDone() ? undefined : out.write(text)) };
}

export class Runner implements ProcessRunner {
  constructor(private readonly ctx: EngineContext) {}

  /** Rejects with ExecError (never starts anything) when argv[0] cannot be executed. */
  async run(spec: ProcessSpec, fs: Vfs, io: CommandIO, options: RunOptions): Promise<number> {
    const path = lookPath(fs, spec.argv[0] ?? '', spec.env, spec.cwd);
    const { program, argv } = selectProgram(fs, path, spec.argv, this.ctx.programs, spec.env, spec.cwd);
    return this.launch(program, argv, spec, fs, io, options);
  }

  private launch(program: Program, argv: readonly string[], spec: ProcessSpec, fs: Vfs, io: CommandIO, options: RunOptions): Promise<number> {
    const killed = new CancelSource();
    const attached = (options.listen as ListenFn | undefined)?.network;
    const network = attached ?? new Network();
    // A caller's plain listen function (a build step's private network) still lets the process reach its own ports.
    const listen: (port: number, handler: HttpHandler) => Listener = attached
      ? options.listen!
      : (port, handler) => {
          const local = network.listen(port, handler);
          const outer = options.listen?.(port, handler);
          return { port, close: () => (local.close(), outer?.close()) };
        };
    const listeners = new Set<Listener>();
    const traps = new Map<SignalName, (() => void)[]>();
    let done = false;
    let resolveResult!: (code: number) => void;
    const result = new Promise<number>((resolve) => (resolveResult = resolve));
    const cleanups: (() => void)[] = [];

    const finish = (code: number): void => {
      if (done) return;
      done = true;
      for (const cleanup of cleanups) cleanup();
      for (const listener of listeners) listener.close();
      killed.cancel();
      resolveResult(code);
    };
    cleanups.push(options.killed.onCancel(() => finish(128 + SIGNAL_NUMBERS.SIGKILL)));

    const stdout = gate(io.stdout, () => done);
    const stderr = gate(io.stderr, () => done);

    const deliver = (signal: SignalName): void => {
      if (done) return;
      if (signal === 'SIGKILL') return finish(128 + SIGNAL_NUMBERS.SIGKILL);
      const handlers = traps.get(signal);
      if (handlers && handlers.length > 0) {
        try {
          handlers[handlers.length - 1]();
        } catch (error) {
          if (!(error instanceof ProgramExit)) {
            stderr.write(`${argv[0]}: ${error instanceof Error ? error.message : String(error)}\n`);
            finish(1);
          }
        }
        return;
      }
      if (IGNORED_BY_DEFAULT.has(signal) || options.pid1) return;
      finish(128 + SIGNAL_NUMBERS[signal]);
    };
    cleanups.push(io.signals.on(deliver));
    let name = basename(argv[0] ?? '');
    if (options.pid1) {
      views.set(io.signals, { get name() { return name; }, handles: (signal) => (traps.get(signal)?.length ?? 0) > 0 });
      cleanups.push(() => views.delete(io.signals));
    }

    const ctx: ExecCapable = {
      stdin: io.stdin,
      stdout,
      stderr,
      signals: io.signals,
      terminal: io.terminal,
      argv,
      env: envMap(spec.env),
      cwd: spec.cwd || '/',
      user: spec.user,
      fs,
      tty: spec.tty,
      clock: this.ctx.clock,
      ids: this.ctx.ids,
      killed: killed.token,
      pid1: options.pid1,
      trap: (signal, handler) => {
        const list = traps.get(signal) ?? [];
        list.push(handler);
        traps.set(signal, list);
        return () => {
          const i = list.indexOf(handler);
          if (i >= 0) list.splice(i, 1);
        };
      },
      exit: (code: number): never => {
        finish(code);
        throw new ProgramExit(code);
      },
      net: {
        listen: (port, handler) => {
          const listener = listen(port, handler);
          listeners.add(listener);
          return listener;
        },
        request: (port, request) => network.request(port, request),
      },
      spawn: async (childArgv, childIo, childOptions) => {
        const env = childOptions?.env ?? ctx.env;
        const childSpec: ProcessSpec = {
          argv: childArgv,
          env: [...env].map(([k, v]) => `${k}=${v}`),
          cwd: childOptions?.cwd ?? ctx.cwd,
          user: spec.user,
          tty: spec.tty,
          openStdin: spec.openStdin,
        };
        const merged: CommandIO = {
          stdin: childIo?.stdin ?? ctx.stdin,
          stdout: childIo?.stdout ?? stdout,
          stderr: childIo?.stderr ?? stderr,
          signals: childIo?.signals ?? noSignals,
          terminal: childIo?.terminal ?? io.terminal,
        };
        try {
          return await this.run(childSpec, fs, merged, { killed: killed.token, pid1: false, listen });
        } catch (error) {
          if (!(error instanceof ExecError)) throw error;
          merged.stderr.write(`${childArgv[0]}: ${error.exitCode === 127 ? 'not found' : 'Permission denied'}\n`);
          return error.exitCode ?? 127;
        }
      },
    };
    ctx[EXEC] = async (newArgv) => {
      const newPath = lookPath(fs, newArgv[0] ?? '', ctx.env, ctx.cwd);
      const next = selectProgram(fs, newPath, newArgv, this.ctx.programs, ctx.env, ctx.cwd);
      traps.clear();
      name = basename(next.argv[0] ?? name);
      return next.program({ ...ctx, argv: next.argv, [EXEC]: ctx[EXEC] } as ExecCapable);
    };

    Promise.resolve()
      .then(() => program(ctx))
      .then(
        (code) => finish(code),
        (error: unknown) => {
          if (error instanceof ProgramExit) return finish(error.code);
          stderr.write(`${argv[0]}: ${error instanceof Error ? error.message : String(error)}\n`);
          finish(1);
        },
      );
    return result;
  }
}
