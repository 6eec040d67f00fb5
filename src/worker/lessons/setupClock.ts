/**
 * The clock of a lesson space's engine. While the lesson's setup is typed
 * headless, time fast-forwards: a sleep (an image pull's progress, a build
 * step, `sleep 2` in a container) wakes as soon as the worker is idle, and
 * the clock jumps to its deadline, earliest first, the way the validator's
 * virtual clock does. Opening a lesson whose setup builds an image then takes
 * a moment instead of the build's simulated seconds. Once the setup is done,
 * time runs at the real pace, a few seconds ahead of the wall clock (the
 * skipped time; the engine only compares its own timestamps).
 */
import type { CancelToken, Clock, IdSource } from '../../os/clock.js';
import { SleeperQueue } from '../../os/sleepers.js';
import type { WorldTime } from '../session/lessonsCheck.js';

export class SetupClock implements Clock {
  private skipped = 0;
  private fast = true;
  private readonly sleepers = new SleeperQueue();
  private pumping = false;

  constructor(
    private readonly real: Clock,
    /** Resolves after the current task (a macrotask hop). */
    private readonly hop: () => Promise<void>,
  ) {}

  now(): number {
    return this.real.now() + this.skipped;
  }

  monotonic(): number {
    return this.real.monotonic() + this.skipped;
  }

  hold<T>(work: Promise<T>): Promise<T> {
    return this.real.hold ? this.real.hold(work) : work;
  }

  sleep(ms: number, cancel?: CancelToken): Promise<void> {
    if (!this.fast) return this.real.sleep(ms, cancel);
    const woken = this.sleepers.add(this.now() + Math.max(0, ms), cancel);
    void this.pump();
    return woken;
  }

  /** Typing time, as the validator lets it pass between lines. */
  advance(ms: number): void {
    if (this.fast) this.skipped += ms;
  }

  /** The setup is over: from now on sleeps take real time, including the ones still pending. */
  finish(): void {
    this.fast = false;
    for (const sleeper of this.sleepers.drain()) void this.real.sleep(Math.max(0, sleeper.deadline - this.now()), sleeper.cancel).then(sleeper.wake);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.fast && this.sleepers.size > 0) {
        // A few hops let chains of awaits settle before time moves on.
        for (let i = 0; i < 3; i++) await this.hop();
        const next = this.fast ? this.sleepers.nextDeadline() : undefined;
        if (next === undefined) break;
        this.skipped = Math.max(this.skipped, next - this.real.now());
        this.sleepers.wakeNext();
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** Setup time for the browser: a fast-forwarding clock over the real one; `done()` ends the fast part. */
export function fastSetupTime(real: Clock, ids: IdSource, defer: (task: () => void) => void): WorldTime & { done(): void } {
  const hop = macrotaskHop(defer);
  const clock = new SetupClock(real, hop);
  return { clock, ids, advance: (ms) => clock.advance(ms), settle: hop, done: () => clock.finish() };
}

/**
 * A macrotask hop through a MessageChannel where there is one: nested
 * `setTimeout(0)` is clamped to 4 ms by browsers, and a setup with an image
 * pull takes hundreds of hops.
 */
function macrotaskHop(defer: (task: () => void) => void): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise<void>((resolve) => defer(resolve));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  // Node: an open port would keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}
