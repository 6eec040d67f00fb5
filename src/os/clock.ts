/**
 * Time and randomness are injected everywhere so that tests, golden files and
 * lesson checks are deterministic. Nothing in the pure layers may call
 * `Date.now()`, `setTimeout` or `Math.random()` directly.
 */

/** Something that can be cancelled from outside: Ctrl-C, `docker kill`, a build cancel. */
export interface CancelToken {
  readonly cancelled: boolean;
  /** Runs `listener` once when cancelled (at once if already cancelled). Returns an unsubscribe. */
  onCancel(listener: () => void): () => void;
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds of this clock's time. If `cancel` fires
   * first, resolves early (it never rejects): callers check `cancel.cancelled`.
   */
  sleep(ms: number, cancel?: CancelToken): Promise<void>;
  /** High-resolution monotonic milliseconds, used only to report durations. */
  monotonic(): number;
  /**
   * Declares real asynchronous work in flight (loading a wasm runtime, say).
   * A virtual clock does not jump ahead while it is pending, so a 2-second
   * `sleep` elsewhere cannot overtake a runtime that is still starting. Real
   * clocks need not implement it; callers use `clock.hold?.(work) ?? work`.
   */
  hold?<T>(work: Promise<T>): Promise<T>;
}

/** The source of every random choice: IDs, container names, ephemeral ports, build timings. */
export interface IdSource {
  /** 64 lowercase hex characters (32 random bytes), as moby's stringid.GenerateRandomID. */
  hex64(): string;
  /** A uniformly distributed integer in [0, n). */
  int(n: number): number;
}
