/**
 * Pending sleeps of a clock that moves time itself instead of waiting for it:
 * the virtual clock of tests and replays, and a lesson setup's fast-forward.
 * Sleepers wake in deadline order, ties in the order they went to sleep, so
 * events keep their order however far time jumps.
 */
import type { CancelToken } from './clock.js';

interface Sleeper {
  readonly deadline: number;
  readonly seq: number;
  readonly cancel?: CancelToken;
  readonly wake: () => void;
}

export class SleeperQueue {
  private seq = 0;
  private sleepers: Sleeper[] = [];

  get size(): number {
    return this.sleepers.length;
  }

  /** Resolves at `deadline` (or at once when cancelled, now or later). */
  add(deadline: number, cancel?: CancelToken): Promise<void> {
    if (cancel?.cancelled) return Promise.resolve();
    return new Promise((resolve) => {
      let unsubscribe = (): void => undefined;
      const sleeper: Sleeper = {
        deadline,
        seq: this.seq++,
        cancel,
        wake: () => {
          unsubscribe();
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      if (cancel) {
        unsubscribe = cancel.onCancel(() => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          resolve();
        });
      }
    });
  }

  /** The earliest deadline, if anyone sleeps. */
  nextDeadline(): number | undefined {
    this.sort();
    return this.sleepers[0]?.deadline;
  }

  /** Wakes every sleeper whose deadline is at or before `now`, earliest first. */
  wakeUntil(now: number): void {
    this.sort();
    while (this.sleepers.length > 0 && this.sleepers[0].deadline <= now) this.sleepers.shift()!.wake();
  }

  /** Wakes the earliest sleeper alone (others with the same deadline wait their turn). */
  wakeNext(): void {
    this.sort();
    this.sleepers.shift()?.wake();
  }

  /** Hands every sleeper over (to a real clock, say) and forgets them. */
  drain(): { readonly deadline: number; readonly cancel?: CancelToken; readonly wake: () => void }[] {
    this.sort();
    return this.sleepers.splice(0);
  }

  private sort(): void {
    this.sleepers.sort((a, b) => a.deadline - b.deadline || a.seq - b.seq);
  }
}
