/**
 * Deterministic time for tests and scenario replays. `sleep` never waits for
 * real time: pending sleeps are kept in a queue, and whenever the JavaScript
 * job queue has drained (checked with a macrotask hop) the clock jumps to the
 * earliest deadline and wakes that sleeper. A 10-second `docker stop` wait
 * therefore costs a few microseconds, yet events still happen in time order.
 */
import type { CancelToken, Clock, IdSource } from '../clock.js';
import { SleeperQueue } from '../sleepers.js';

/** Resolves after pending promise jobs have run (a macrotask boundary), in Node and browsers. */
function macrotask(): Promise<void> {
  const g = globalThis as unknown as { setImmediate?: (cb: () => void) => void; setTimeout: (cb: () => void, ms: number) => void };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : g.setTimeout(resolve, 0)));
}

export class VirtualClock implements Clock {
  private current: number;
  private readonly sleepers = new SleeperQueue();
  private pumping = false;
  /** Set by `driveByHand`: time moves only when the driver calls `step`. */
  private manual = false;
  private readonly held = new Set<Promise<unknown>>();

  /** Starts at 2026-01-15T10:00:00Z unless told otherwise. */
  constructor(start = Date.UTC(2026, 0, 15, 10, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  monotonic(): number {
    return this.current;
  }

  /** Moves time forward by hand (e.g. to make `Up 2 minutes` appear), waking due sleepers. */
  advance(ms: number): void {
    this.current += ms;
    this.sleepers.wakeUntil(this.current);
  }

  hold<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.held.add(settled);
    void settled.then(() => this.held.delete(settled));
    return work;
  }

  /**
   * Resolves once no held real work is pending. Transcript runners call it
   * before deciding that a program has gone quiet: a runtime still loading is
   * busy, not idle.
   */
  async heldWork(): Promise<void> {
    while (this.held.size > 0) await Promise.all([...this.held]);
  }

  /**
   * Lets chains of awaits run (`hops` macrotask hops) until no held real work
   * is pending, checked again after the hops: work reached only after a hop
   * or two (a program importing its module once the shell has parsed the
   * line) must hold time still too, or a driver would move time while a cold
   * module loads and a warm one would not.
   */
  async quiesce(hops: number): Promise<void> {
    do {
      await this.heldWork();
      for (let i = 0; i < hops; i++) await macrotask();
    } while (this.held.size > 0);
  }

  /**
   * Hands the moving of time to a driver (a transcript runner). The automatic
   * pump races the driver's own rounds, so how far time had moved when a line
   * was typed depended on how many macrotask hops unrelated real work (a wasm
   * compile finishing earlier or later) took; a driver that steps time only
   * between its rounds types every line at the same virtual instant.
   */
  driveByHand(): void {
    this.manual = true;
  }

  /** Moves time to the earliest pending deadline and wakes its sleepers; false when nothing sleeps. */
  step(): boolean {
    const next = this.sleepers.nextDeadline();
    if (next === undefined) return false;
    if (next > this.current) this.current = next;
    this.sleepers.wakeUntil(this.current);
    return true;
  }

  sleep(ms: number, cancel?: CancelToken): Promise<void> {
    const woken = this.sleepers.add(this.current + Math.max(0, ms), cancel);
    void this.pump();
    return woken;
  }

  /** Advances to the next deadline each time the job queue goes idle. */
  private async pump(): Promise<void> {
    if (this.pumping || this.manual) return;
    this.pumping = true;
    try {
      while (this.sleepers.size > 0) {
        await this.quiesce(3);
        if (!this.step()) break;
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** A reproducible IdSource (mulberry32) so IDs and random names are the same on every run. */
export class SeededIds implements IdSource {
  private state: number;

  constructor(seed = 0x5eed) {
    this.state = seed >>> 0;
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  hex64(): string {
    for (;;) {
      let out = '';
      for (let i = 0; i < 64; i++) out += this.int(16).toString(16);
      // moby regenerates IDs whose 12-char prefix is all digits (they could be mistaken for numbers).
      if (!/^\d{12}/.test(out)) return out;
    }
  }
}
