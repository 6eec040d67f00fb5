/**
 * One `node` process: a QuickJS runtime and context with the Node surface
 * installed, and the event loop that drives it. The loop runs due timers,
 * immediates and events posted from outside (HTTP requests, stdin chunks,
 * signals), drains nextTick and promise jobs after each callback, and sleeps
 * on the engine clock until the next timer or event. It ends, like Node, when
 * nothing is left that could call back into the script. A loop that pauses
 * for an engine turn (slicer.ts) holds the loop until it goes on.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
import type { SignalName } from '../../../os/process.js';
import { CancelSource } from '../../../os/streams.js';
import type { HttpRequest, HttpResponse, Listener } from '../../net/http.js';
import type { ProgramContext } from '../../programs/types.js';
import { containerHostname, installHost } from './bindings.js';
import { wasmHeapSize } from './loader.js';
import { describeFatal, formatUncaught, inspectInSandbox, offerToScript, wrapMainModule } from './errors.js';
import type { Fatal } from './errors.js';
import { instrumentLoops } from './instrument.js';
import { FETCH_JS } from './js/fetch.js';
import { MODULES_JS } from './js/modules.js';
import { sendRequest } from './outbound.js';
import { PRELUDE_JS } from './js/prelude.js';
import { PROCESS_JS } from './js/process.js';
import { Slicer } from './slicer.js';
import { StdinPump } from './stdin.js';
import { BUILTIN_SOURCES } from './sources.js';

export interface NodeRuntimeOptions {
  /** Interrupt-handler calls (about 10k QuickJS operations each) one callback may use before it is stopped. */
  readonly sliceBudget?: number;
  /** Heap limit of the sandbox in bytes. */
  readonly memoryLimit?: number;
  /** Node version when the image does not set NODE_VERSION. */
  readonly version?: string;
}

export const DEFAULT_SLICE_BUDGET = 400;
export const DEFAULT_MEMORY_LIMIT = 128 * 1024 * 1024;
export const FALLBACK_NODE_VERSION = '26.7.0';
/** Wall-clock cap on code that runs without pausing, where the clock is real (the UI notices a hung worker after 2 s). */
const MAX_SLICE_MS = 1500;

const encoder = new TextEncoder();
const BUILTIN_NAMES = JSON.stringify(Object.keys(BUILTIN_SOURCES));

export class NodeProcess {
  readonly vm: QuickJSContext;
  readonly runtime: QuickJSRuntime;
  readonly slicer: Slicer;
  readonly version: string;
  private readonly S: QuickJSHandle;
  private readonly tasks: (() => void)[] = [];
  private wakeUp: (() => void) | null = null;
  private readonly listeners = new Map<number, Listener>();
  private readonly responses = new Map<number, (response: HttpResponse) => void>();
  private readonly untraps = new Map<string, () => void>();
  private nextRequest = 1;
  private readonly memoryLimit: number;
  private readonly budget: number;
  private exitCode: number | null = null;
  private fatal: Fatal | null = null;
  private readonly stdin = new StdinPump(this);
  /** Extra reasons to stay alive (the REPL waiting for input). */
  keepAlive = 0;

  constructor(
    qjs: QuickJSWASMModule,
    readonly ctx: ProgramContext,
    argv: readonly string[],
    options: NodeRuntimeOptions = {},
  ) {
    this.version = ctx.env.get('NODE_VERSION') ?? options.version ?? FALLBACK_NODE_VERSION;
    this.budget = options.sliceBudget ?? DEFAULT_SLICE_BUDGET;
    this.runtime = qjs.newRuntime();
    // QuickJS's own limit makes allocation crawl (a GC per failed malloc) and can leave the wasm
    // heap unusable, so the real limit is the instance's linear memory, checked from the interrupt
    // handler; the QuickJS limit is only a backstop.
    this.memoryLimit = options.memoryLimit ?? DEFAULT_MEMORY_LIMIT;
    const baseline = wasmHeapSize(qjs);
    this.runtime.setMemoryLimit(Math.min(this.memoryLimit * 2 + 64 * 1024 * 1024, 1536 * 1024 * 1024));
    this.runtime.setMaxStackSize(256 * 1024);
    this.vm = this.runtime.newContext();
    this.slicer = new Slicer(this.vm, ctx.clock);
    this.runtime.setInterruptHandler(() => {
      if (this.finished) return true;
      this.slicer.interrupted();
      if (this.slicer.used > this.budget || this.slicer.sliceElapsed > MAX_SLICE_MS) {
        this.fatal = 'runaway';
        return true;
      }
      if (wasmHeapSize(qjs) - baseline > this.memoryLimit) {
        this.fatal = 'oom';
        return true;
      }
      return false;
    });
    const started = ctx.clock.now();
    const hostname = containerHostname(ctx);
    const uid = ctx.user === '' || ctx.user === 'root' || ctx.user === '0' ? 0 : 1000;
    const info = JSON.stringify({
      argv, env: Object.fromEntries(ctx.env), cwd: ctx.cwd, version: this.version, pid: ctx.pid1 ? 1 : 7, tty: ctx.tty,
      columns: ctx.terminal?.columns ?? 80, rows: ctx.terminal?.rows ?? 24, hostname, started, uid,
    });
    installHost(this.vm, ctx.fs, {
      write: (fd, text) => {
        if (this.exitCode === null && this.fatal === null) (fd === 2 ? ctx.stderr : ctx.stdout).write(text);
      },
      now: () => ctx.clock.now(),
      random: () => ctx.ids.int(0x100000000) / 0x100000000,
      info: () => info,
      compile: (code, filename, main) => {
        const result = this.vm.evalCode(wrapMainModule(instrumentLoops(code, { wrapped: true, topLevel: main })), filename);
        return 'error' in result && result.error ? { error: result.error } : (result as { value: QuickJSHandle }).value;
      },
      exit: (code) => {
        if (this.exitCode === null) this.exitCode = code;
      },
      listen: (port, id) => this.listen(port, id),
      unlisten: (id) => {
        this.listeners.get(id)?.close();
        this.listeners.delete(id);
      },
      respond: (id, status, statusText, headers, body) => {
        const resolve = this.responses.get(id);
        this.responses.delete(id);
        resolve?.({ status, statusText, headers: JSON.parse(headers) as Record<string, string>, body });
      },
      signal: (name, on) => this.setTrap(name as SignalName, on),
      stdin: (ref) => this.stdin.ref(ref),
      rawMode: (raw) => ctx.terminal?.setRawMode(raw),
      builtinNames: () => BUILTIN_NAMES,
      request: (id, port, method, path, headers, body) => sendRequest(this, id, port, method, path, headers, body),
      loadBuiltin: (name) => {
        const body = Object.hasOwn(BUILTIN_SOURCES, name) ? BUILTIN_SOURCES[name] : 'module.exports = {};';
        const result = this.vm.evalCode(`(function (module, exports, require, host, S) {${body}\n})`, `node:${name}`);
        return result.error ? { error: result.error } : result.value;
      },
      // A rejected async main (a script whose top-level loops pause): reported at once, as a throw would be.
      uncaught: (error) => this.uncaught(error),
    });
    const host = this.vm.getProp(this.vm.global, '__host');
    this.slicer.install(host);
    host.dispose();
    this.evalOrThrow(PRELUDE_JS, 'node:internal/bootstrap');
    this.S = this.vm.getProp(this.vm.global, '__slipway');
    this.evalOrThrow(PROCESS_JS, 'node:internal/process');
    this.evalOrThrow(MODULES_JS, 'node:internal/modules');
    this.evalOrThrow(FETCH_JS, 'node:internal/deps/undici');
  }

  private evalOrThrow(code: string, filename: string): void {
    this.resetSlice();
    const result = this.vm.evalCode(code, filename);
    if (result.error) {
      const detail = JSON.stringify(this.vm.dump(result.error));
      result.error.dispose();
      throw new Error(`node runtime bootstrap failed in ${filename}: ${detail}`);
    }
    result.value.dispose();
  }

  private resetSlice(): void {
    this.slicer.resetSlice();
  }

  get finished(): boolean {
    return this.exitCode !== null || this.fatal !== null || this.ctx.killed.cancelled;
  }

  /** Nothing but the paused loop may run (or the process is ending). */
  private get held(): boolean {
    return this.finished || this.slicer.pausing;
  }

  /** Ends the process with this code after the current callback (process.exit from the host side). */
  requestExit(code: number): void {
    if (this.exitCode === null) this.exitCode = code;
    this.wake();
  }

  /** Queues work that calls into the sandbox; the loop runs it in order. */
  post(task: () => void): void {
    this.tasks.push(task);
    this.wake();
  }

  private wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = null;
    wake?.();
  }

  /** Calls `__slipway[name](...args)`; uncaught errors end the process the way Node reports them. */
  callS(name: string, ...args: (string | number | QuickJSHandle)[]): QuickJSHandle | null {
    return this.enter(() => {
      const fn = this.vm.getProp(this.S, name);
      const handles = args.map((a) => (typeof a === 'string' ? this.vm.newString(a) : typeof a === 'number' ? this.vm.newNumber(a) : a));
      try {
        return this.vm.callFunction(fn, this.vm.undefined, ...handles);
      } finally {
        fn.dispose();
        handles.forEach((h, i) => typeof args[i] !== 'object' && h.dispose());
      }
    });
  }

  /** Runs one entry into the sandbox with a fresh time slice. */
  enter(run: () => { value: QuickJSHandle; error?: undefined } | { error: QuickJSHandle; value?: undefined }): QuickJSHandle | null {
    if (this.finished) return null;
    this.resetSlice();
    const result = run();
    if (result.error) {
      this.uncaught(result.error);
      result.error.dispose();
      return null;
    }
    return result.value ?? null;
  }

  /**
   * Evaluates REPL input with a fresh time slice, leaving the result (or error) to the caller.
   * Its async functions and inline timer callbacks may pause; its top level cannot (it must
   * keep its completion value and global declarations).
   */
  evalRaw(code: string, filename: string): { value: QuickJSHandle; error?: undefined } | { error: QuickJSHandle; value?: undefined } | null {
    if (this.finished) return null;
    this.resetSlice();
    return this.vm.evalCode(instrumentLoops(code).code, filename);
  }

  /** Reports an error value that escaped the script, unless the process is already ending. */
  uncaught(error: QuickJSHandle): void {
    if (this.finished) return;
    const dumped = this.vm.dump(error) as unknown;
    if (dumped && typeof dumped === 'object' && (dumped as { slipwayExit?: boolean }).slipwayExit) return;
    if (dumped && typeof dumped === 'object' && (dumped as { message?: string }).message === 'out of memory') {
      this.fatal = 'oom';
      return;
    }
    this.resetSlice();
    const offered = offerToScript(this.vm, this.S, error);
    if (offered === true || this.exitCode !== null || this.fatal !== null) {
      if (typeof offered === 'object') offered.dispose();
      return;
    }
    // A listener that throws ends the process with Node's exit code 7.
    const reported = offered === false ? error : offered;
    const inspected = this.inspect(reported, true);
    this.ctx.stderr.write(formatUncaught(this.ctx.fs, this.vm.dump(reported), inspected, this.version));
    this.exitCode = offered === false ? 1 : 7;
    if (offered !== false) offered.dispose();
  }

  /** util.inspect inside the sandbox; falls back to a plain dump when that fails (e.g. out of memory). */
  inspect(value: QuickJSHandle, rawFrames = false): string {
    this.resetSlice();
    return inspectInSandbox(this.vm, value, rawFrames);
  }

  /** Runs nextTick callbacks and promise jobs until both queues are empty. */
  drain(): void {
    for (let round = 0; round < 10_000 && !this.finished; round++) {
      const ticks = this.callS('runTicks');
      const ranTicks = ticks ? this.vm.getNumber(ticks) : 0;
      ticks?.dispose();
      if (this.finished) return;
      this.resetSlice();
      const jobs = this.runtime.executePendingJobs();
      let ranJobs: number;
      if (jobs.error) {
        this.uncaught(jobs.error);
        jobs.error.dispose();
        ranJobs = 1;
      } else ranJobs = jobs.value;
      if (ranTicks === 0 && ranJobs === 0) return;
    }
  }

  private listen(port: number, id: number): string {
    try {
      const listener = this.ctx.net.listen(port, (request) => this.dispatch(id, request));
      this.listeners.set(id, listener);
      return '';
    } catch {
      return 'EADDRINUSE';
    }
  }

  private dispatch(serverId: number, request: HttpRequest): Promise<HttpResponse> {
    return new Promise((resolve) => {
      const id = this.nextRequest++;
      this.responses.set(id, resolve);
      this.post(() => {
        const body = this.vm.newArrayBuffer(request.body.slice().buffer);
        const result = this.callS('httpDispatch', serverId, id, request.method, request.url, JSON.stringify(request.headers), body);
        body.dispose();
        result?.dispose();
      });
    });
  }

  private setTrap(name: SignalName, on: boolean): void {
    this.untraps.get(name)?.();
    this.untraps.delete(name);
    if (on) this.untraps.set(name, this.ctx.trap(name, () => this.post(() => this.callS('signal', name)?.dispose())));
  }

  private num(name: string, ...args: number[]): number {
    const h = this.callS(name, ...args);
    if (!h) return 0;
    const n = this.vm.typeof(h) === 'number' ? this.vm.getNumber(h) : this.vm.dump(h) === true ? 1 : 0;
    h.dispose();
    return n;
  }

  /** The event loop. Resolves with the exit code once nothing can call back into the script. */
  async loop(): Promise<number> {
    const unsubscribe = this.ctx.killed.onCancel(() => this.wake());
    try {
      for (;;) {
        this.drain();
        if (this.slicer.pausing && !this.finished) {
          await this.slicer.resume(this.ctx.killed);
          continue;
        }
        while (this.tasks.length > 0 && !this.held) {
          this.tasks.shift()!();
          this.drain();
        }
        // Timers scheduled by this phase wait for the next turn, so a setTimeout(f, 0) chain yields.
        const timerLimit = this.held ? 0 : this.num('timerSeq');
        while (!this.held && this.num('runOneTimer', this.ctx.clock.now(), timerLimit) === 1) this.drain();
        const immediates = this.held ? 0 : this.num('beginImmediates');
        for (let i = 0; i < immediates && !this.finished; i++) {
          this.num('runOneImmediate');
          this.drain();
        }
        if (this.finished) break;
        if (this.tasks.length > 0 || this.slicer.pausing) continue;
        const next = this.num('nextTimer');
        const alive = next >= 0 || this.listeners.size > 0 || this.stdin.open || this.responses.size > 0 || this.keepAlive > 0;
        if (!alive) {
          const code = this.num('finish');
          if (this.exitCode === null && this.fatal === null) this.exitCode = code;
          break;
        }
        // Even with work due now, give the engine a turn (a setImmediate loop must not freeze it).
        await this.wait(next === 0 ? 0 : next > 0 ? Math.max(0, next - this.ctx.clock.now()) : null);
      }
      return this.result();
    } finally {
      unsubscribe();
      this.dispose();
    }
  }

  private result(): number {
    if (this.ctx.killed.cancelled) return 137;
    if (this.fatal !== null) {
      this.ctx.stderr.write(describeFatal(this.fatal));
      return 137;
    }
    return this.exitCode ?? 0;
  }

  private async wait(ms: number | null): Promise<void> {
    if (this.tasks.length > 0 || this.finished) return;
    const cancel = new CancelSource();
    const woken = new Promise<void>((resolve) => (this.wakeUp = resolve));
    const sleeping = ms === null ? new Promise<void>(() => undefined) : this.ctx.clock.sleep(ms, cancel.token);
    await Promise.race([woken, sleeping]);
    this.wakeUp = null;
    cancel.cancel();
  }

  private dispose(): void {
    for (const untrap of this.untraps.values()) untrap();
    for (const listener of this.listeners.values()) listener.close();
    for (const resolve of this.responses.values()) {
      resolve({ status: 502, statusText: 'Bad Gateway', headers: { 'content-length': '0' }, body: encoder.encode('') });
    }
    this.responses.clear();
    // Each process has a wasm instance of its own (program.ts), dropped with it. A runtime that ran
    // out of memory or was killed mid-script still holds objects, and freeing it then fails an
    // assertion inside QuickJS that prints `Aborted(...)` to the console: let it go unfreed.
    if (this.fatal !== null || this.ctx.killed.cancelled) return;
    try {
      this.slicer.dispose();
      this.S.dispose();
      this.vm.dispose();
      this.runtime.dispose();
    } catch {
      // A runtime stopped mid-callback may still hold objects; the wasm memory is released with it either way.
    }
  }
}
