/**
 * One `python` process: a MicroPython interpreter wired to the container's
 * stdio, clock, ids, env and signals. Blocking calls (`input`, `time.sleep`)
 * are host awaits (see transform.ts), so a waiting script never blocks the engine.
 */
import type { ProgramContext } from '../../programs/types.js';
import { INTERRUPTED, LineReader } from './lineReader.js';
import type { MicroPythonLoader } from './loader.js';
import { defaultLoader, PythonVm } from './loader.js';
import { cpythonTraceback, exceptionOf } from './traceback.js';
import type { TracebackSource } from './traceback.js';
import { CpuBudget } from './budget.js';
import { FsMirror } from './fsMirror.js';
import { tickLoops } from './loops.js';
import { makeAwaitable } from './transform.js';

export interface PythonRuntimeOptions {
  /** Creates the interpreter; defaults to the package's own loader (see loader.ts). */
  readonly loader?: MicroPythonLoader;
  /** MicroPython's initial heap in bytes (it grows on demand). */
  readonly heapSize?: number;
  /** Bytes of Python heap a process may allocate before it ends like an OOM kill (137), checked in loops. Default 256 MiB. */
  readonly memoryLimit?: number;
}

/** Thrown out of a run when the process was killed: the interpreter is simply abandoned. */
export class Killed extends Error {}

const PRELUDE = `
import sys, time, random, os, json, gc
__slipway_mem_limit = 0
async def __slipway_input(prompt=''):
    r = await __slipway_read(str(prompt))
    if r is None:
        raise EOFError('EOF when reading a line')
    if r is False:
        raise KeyboardInterrupt
    return r
async def __slipway_sleep(seconds):
    if (await __slipway_wait(seconds * 1000)) is False:
        raise KeyboardInterrupt
__slipway_ticks = 0
def __slipway_tick():
    global __slipway_ticks
    __slipway_ticks += 1
    if __slipway_ticks >= 1000:
        __slipway_ticks = 0
        if gc.mem_alloc() > __slipway_mem_limit:
            raise SystemExit(137)
        if __slipway_due():
            return False
    return True
async def __slipway_pause():
    if (await __slipway_yield()) is False:
        raise KeyboardInterrupt
    return True
def __slipway_tick_sync():
    global __slipway_ticks
    __slipway_ticks += 1
    if __slipway_ticks >= 1000:
        __slipway_ticks = 0
        if gc.mem_alloc() > __slipway_mem_limit or (__slipway_due() and __slipway_runaway()):
            raise SystemExit(137)
    return True
def __slipway_open(file, *args, **kwargs):
    try:
        return __slipway_builtin_open(file, *args, **kwargs)
    except OSError as e:
        if e.args and e.args[0] == 44:
            raise OSError('[Errno 2] No such file or directory: ' + repr(file))
        raise
def exit(code=None):
    raise SystemExit(code)
quit = exit
def __slipway_echo(value):
    if value is not None:
        print(repr(value))
def __slipway_is_expr(src):
    try:
        compile(src, '<stdin>', 'eval')
        return True
    except SyntaxError:
        return False
def __slipway_setup(cfg):
    global __slipway_mem_limit
    cfg = json.loads(cfg)
    # The heap grows on demand, so the container's memory limit is checked on what is allocated.
    __slipway_mem_limit = cfg['memLimit']
    del sys.argv[:]
    sys.argv.extend(cfg['argv'])
    sys.path.insert(0, cfg['path0'])
    os.chdir(cfg['cwd'])
    random.seed(cfg['seed'])
    time.time = lambda: int(__slipway_now()) / 1000
    time.time_ns = lambda: int(__slipway_now()) * 1000000
    time.sleep = lambda s: None
    os.environ = cfg['env']
    os.getenv = lambda k, d=None: os.environ.get(k, d)
    import builtins
    try:
        builtins.open = __slipway_open
    except Exception:
        pass
__slipway_builtin_open = open
`;

export class PythonProcess {
  private readonly decoder = new TextDecoder();
  private readonly pending = { out: [] as number[], err: [] as number[] };
  private readonly reader: LineReader;
  private readonly budget: CpuBudget;
  private mirror: FsMirror | undefined;
  private interruptWaiters: ((v: typeof INTERRUPTED) => void)[] = [];
  private readonly killedPromise: Promise<never>;

  private readonly memoryLimit: number;

  private constructor(
    readonly ctx: ProgramContext,
    readonly vm: PythonVm,
    options: PythonRuntimeOptions,
  ) {
    this.memoryLimit = options.memoryLimit ?? 256 * 1024 * 1024;
    this.reader = new LineReader(ctx.stdin);
    this.budget = new CpuBudget(ctx.clock);
    this.killedPromise = new Promise<never>((_, reject) => ctx.killed.onCancel(() => reject(new Killed('killed'))));
    this.killedPromise.catch(() => undefined);
  }

  static async start(ctx: ProgramContext, options: PythonRuntimeOptions, argv: readonly string[], path0: string): Promise<PythonProcess> {
    // Output can only reach the process once it exists; nothing is printed while loading.
    const sink: { proc?: PythonProcess } = {};
    const creating = PythonVm.create(options.loader ?? defaultLoader(), {
      heapsize: options.heapSize ?? 4 * 1024 * 1024,
      linebuffer: false,
      stdout: (bytes) => sink.proc?.writeOut(bytes),
      stderr: (bytes) => sink.proc?.writeErr(bytes),
    });
    // Instantiating the wasm is real async work: a virtual clock must not race past it.
    const vm = await (ctx.clock.hold?.(creating) ?? creating);
    const proc = new PythonProcess(ctx, vm, options);
    sink.proc = proc;
    proc.install(argv, path0);
    return proc;
  }

  private install(argv: readonly string[], path0: string): void {
    const { ctx } = this;
    const roots = [...new Set([path0, ctx.cwd])].filter((dir) => ctx.fs.stat(dir)?.kind === 'dir' && dir !== '/');
    this.mirror = new FsMirror(ctx.fs, this.vm.mp.FS, roots);
    this.mirror.copyIn();
    this.vm.mp.FS.mkdirTree(ctx.cwd);
    this.vm.enter(() => {
      this.vm.mp.globals.set('__slipway_read', (prompt: string) => this.host(this.read(prompt)));
      this.vm.mp.globals.set('__slipway_wait', (ms: number) => this.host(this.wait(ms)));
      // As a string: the proxy passes JS integers as 32-bit.
      this.vm.mp.globals.set('__slipway_due', () => this.budget.due());
      this.vm.mp.globals.set('__slipway_yield', () => this.host(this.yieldToEngine()));
      this.vm.mp.globals.set('__slipway_runaway', () => this.budget.runaway(ctx.stderr));
      this.vm.mp.globals.set('__slipway_now', () => String(ctx.clock.now()));
      this.vm.mp.globals.set('__slipway_cfg', JSON.stringify({ argv, path0, cwd: ctx.cwd, memLimit: this.memoryLimit, seed: ctx.ids.int(0x7fffffff), env: Object.fromEntries(ctx.env) }));
    });
    this.vm.run(`${PRELUDE}\n__slipway_setup(__slipway_cfg)\ndel __slipway_setup, __slipway_cfg\n`);
  }

  /** Wraps a host promise as a thenable whose resume re-enters this interpreter; a kill never resumes it. */
  private host(promise: Promise<unknown>): { then(ok: (v: unknown) => void, fail: (e: unknown) => void): void } {
    return {
      then: (ok, fail) => {
        promise.then(
          (value) => {
            if (!this.ctx.killed.cancelled) this.vm.enter(() => ok(value));
          },
          (error: unknown) => {
            if (!this.ctx.killed.cancelled) this.vm.enter(() => fail(error));
          },
        );
      },
    };
  }

  private pendingInterrupt = false;

  private interrupted(): Promise<typeof INTERRUPTED> {
    if (this.pendingInterrupt) {
      this.pendingInterrupt = false;
      return Promise.resolve(INTERRUPTED);
    }
    return new Promise((resolve) => this.interruptWaiters.push(resolve));
  }

  /** Ctrl-C: wakes whatever the script waits on with KeyboardInterrupt (or the next wait, if it is busy). */
  interrupt(): void {
    const waiters = this.interruptWaiters.splice(0);
    if (waiters.length === 0) this.pendingInterrupt = true;
    for (const wake of waiters) wake(INTERRUPTED);
  }

  private async read(prompt: string): Promise<string | null | false> {
    this.flush();
    if (prompt) this.ctx.stdout.write(prompt);
    const line = await this.reader.readLine(this.interrupted());
    return line === INTERRUPTED ? false : line;
  }

  private async yieldToEngine(): Promise<boolean> {
    this.flush();
    await this.ctx.clock.sleep(this.budget.charge(), this.ctx.killed);
    this.budget.yielded();
    if (!this.pendingInterrupt) return true;
    this.pendingInterrupt = false;
    return false;
  }

  private async wait(ms: number): Promise<boolean> {
    this.flush();
    const cancel = new WakeToken();
    const woken = this.interrupted().then(() => cancel.fire());
    await this.ctx.clock.sleep(Math.max(0, ms), cancel);
    void woken;
    return !cancel.cancelled;
  }

  readLine(): Promise<string | null | typeof INTERRUPTED> {
    return this.reader.readLine(this.interrupted());
  }

  readAll(): Promise<string> {
    return this.reader.readAll();
  }

  // The wasm writes a byte at a time; lines are decoded whole so multi-byte characters stay intact.
  private writeOut(bytes: Uint8Array): void {
    this.pending.out.push(...bytes);
    if (bytes[bytes.length - 1] === 10) this.flush();
  }

  private writeErr(bytes: Uint8Array): void {
    this.pending.err.push(...bytes);
    if (bytes[bytes.length - 1] === 10) this.flush();
  }

  /** Sends buffered output. */
  flush(): void {
    for (const stream of ['out', 'err'] as const) {
      if (this.pending[stream].length === 0) continue;
      const text = this.decoder.decode(new Uint8Array(this.pending[stream]));
      this.pending[stream] = [];
      (stream === 'out' ? this.ctx.stdout : this.ctx.stderr).write(text);
    }
  }

  /** Runs code that may await the host; resolves to its exit status (null: it ran to the end). Rejects with Killed. */
  async exec(code: string, source: TracebackSource): Promise<number | null> {
    this.lastWasError = false;
    try {
      await Promise.race([this.vm.runAsync(tickLoops(makeAwaitable(code))), this.killedPromise]);
      this.flush();
      return null;
    } catch (error) {
      this.flush();
      if (error instanceof Killed) throw error;
      return this.report(error, source);
    } finally {
      this.mirror?.copyOut();
    }
  }

  /** Whether `src` is a single expression (the REPL echoes its value). */
  isExpression(src: string): boolean {
    return this.vm.enter(() => (this.vm.mp.globals.get('__slipway_is_expr') as (s: string) => boolean)(src));
  }

  /** True when the last `exec` ended in an exception other than SystemExit (the REPL keeps going). */
  lastWasError = false;

  /** Prints an uncaught exception like CPython and gives the exit status. */
  report(error: unknown, source: TracebackSource): number {
    this.lastWasError = true;
    const err = error as { name?: string; type?: string; message?: string };
    if (err.name !== 'PythonError') {
      this.ctx.stderr.write(`Fatal Python error: ${String(err.message ?? error)}\n`);
      return 1;
    }
    const text = err.message ?? '';
    const { type, message } = exceptionOf(text);
    if (type === 'SystemExit') {
      this.lastWasError = false;
      if (message === '' || message === 'None') return 0;
      if (/^-?\d+$/.test(message)) return Number(message) & 0xff;
      this.ctx.stderr.write(`${message}\n`);
      return 1;
    }
    // Running out of the container's Python heap is what an OOM kill is on Docker: no traceback, 137.
    if (type === 'MemoryError') return 137;
    this.ctx.stderr.write(cpythonTraceback(text, source));
    // CPython re-raises an unhandled SIGINT on itself, so the shell sees 128 + 2.
    return type === 'KeyboardInterrupt' ? 130 : 1;
  }
}

/** A cancel token the process fires itself, to cut a `time.sleep` short on Ctrl-C. */
class WakeToken {
  cancelled = false;
  private readonly listeners: (() => void)[] = [];
  fire(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const l of this.listeners.splice(0)) l();
  }
  onCancel(listener: () => void): () => void {
    if (this.cancelled) listener();
    else this.listeners.push(listener);
    return () => undefined;
  }
}
