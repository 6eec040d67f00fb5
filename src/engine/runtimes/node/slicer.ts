/**
 * Time slices for a `node` process. Loops that may await carry a pause
 * point (instrument.ts): the sandbox's tick asks `due()` every so often, and
 * once the slice is used up the loop awaits `pause()`, a promise this class
 * settles after one engine turn. Meanwhile `docker ps`, the other containers
 * and the UI get the thread; `docker kill` ends the process at that turn.
 *
 * While a pause is pending the process's own event loop stays held (no
 * timers, immediates, HTTP or stdin callbacks run), as a busy loop holds
 * Node's; only promise jobs already queued may run in between (a deviation
 * the README lists).
 *
 * An earlier attempt used quickjs-emscripten's asyncify build, which can
 * suspend any loop, even in a plain function. It was dropped: under V8's
 * optimizing tier its interpreter function takes tens of kilobytes of the
 * host's native stack per JavaScript call, so a recursion 40 calls deep
 * overflowed the engine's own stack.
 */
import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle } from 'quickjs-emscripten';
import type { CancelToken, Clock } from '../../../os/clock.js';

/** Real time one slice may run before the engine gets a turn. */
export const SLICE_MS = 20;
/**
 * A clock that did not move during a slice is a virtual clock (tests, replays):
 * the slice ends after this many interrupt-handler calls (each about 10k
 * QuickJS operations) and is charged FROZEN_CHARGE_MS of that clock's time,
 * so a 10-second `docker stop` wait still elapses while a loop spins.
 */
export const FROZEN_SLICE_WORK = 2;
export const FROZEN_CHARGE_MS = 250;
const MAX_COUNTDOWN = 4096;

export class Slicer {
  private sliceStart: number;
  /** Interrupt-handler calls in the current slice. */
  private work = 0;
  private workAtCheck = 0;
  private countdown = 64;
  private pending: QuickJSDeferredPromise[] = [];
  private charge = 0;

  constructor(
    private readonly vm: QuickJSContext,
    private readonly clock: Clock,
  ) {
    this.sliceStart = clock.monotonic();
  }

  /** Interrupt-handler calls in this slice (the CPU-work measure of the runaway budget). */
  get used(): number {
    return this.work;
  }

  get sliceElapsed(): number {
    return this.clock.monotonic() - this.sliceStart;
  }

  /** A loop is waiting for its engine turn. */
  get pausing(): boolean {
    return this.pending.length > 0;
  }

  resetSlice(): void {
    this.work = 0;
    this.workAtCheck = 0;
    this.sliceStart = this.clock.monotonic();
  }

  /** Called by the interrupt handler. */
  interrupted(): void {
    this.work++;
  }

  /** Adds `due` and `pause` to the sandbox's `__host` object (the prelude's tick uses them). */
  install(host: QuickJSHandle): void {
    const due = this.vm.newFunction('due', () => this.vm.newNumber(this.due()));
    const pause = this.vm.newFunction('pause', () => this.pause());
    this.vm.setProp(host, 'due', due);
    this.vm.setProp(host, 'pause', pause);
    due.dispose();
    pause.dispose();
  }

  /** The next tick countdown: negative when this slice is over and the loop should pause. */
  private due(): number {
    // Aim for about one question per interrupt-handler call, whatever a loop round costs.
    const since = this.work - this.workAtCheck;
    this.workAtCheck = this.work;
    if (since > 1) this.countdown = Math.max(1, this.countdown >> 1);
    else if (since === 0) this.countdown = Math.min(MAX_COUNTDOWN, this.countdown * 2);
    // Once one loop pauses, every other loop reaching its tick pauses for the same turn.
    if (this.pausing) return -this.countdown;
    const elapsed = this.sliceElapsed;
    return elapsed >= SLICE_MS || (elapsed === 0 && this.work >= FROZEN_SLICE_WORK) ? -this.countdown : this.countdown;
  }

  private pause(): QuickJSHandle {
    if (!this.pausing) this.charge = this.sliceElapsed === 0 ? FROZEN_CHARGE_MS : 0;
    const deferred = this.vm.newPromise();
    this.pending.push(deferred);
    // The binding's caller disposes the returned handle; the deferred keeps its own resolvers.
    return deferred.handle.dup();
  }

  /** One engine turn (or the slice's charge on a virtual clock), then the paused loops go on. */
  async resume(killed: CancelToken): Promise<void> {
    await this.clock.sleep(this.charge, killed);
    const pending = this.pending;
    this.pending = [];
    for (const deferred of pending) {
      if (!killed.cancelled) deferred.resolve();
      deferred.dispose();
    }
    this.resetSlice();
  }

  dispose(): void {
    for (const deferred of this.pending) deferred.dispose();
    this.pending = [];
  }
}
