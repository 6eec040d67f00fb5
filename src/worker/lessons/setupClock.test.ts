import { describe, expect, it } from 'vitest';
import type { Clock } from '../../os/clock.js';
import { SetupClock } from './setupClock.js';

/** A wall clock that stands still; its sleeps end only when `release()` is called. */
function stillClock(): Clock & { sleeps: number[]; release(): void } {
  const waiting: (() => void)[] = [];
  return {
    sleeps: [],
    now: () => 1_000_000,
    monotonic: () => 0,
    sleep(ms) {
      this.sleeps.push(ms);
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    release: () => waiting.splice(0).forEach((wake) => wake()),
  };
}

const hop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('SetupClock', () => {
  it('fast-forwards sleeps during the setup, earliest deadline first', async () => {
    const real = stillClock();
    const clock = new SetupClock(real, hop);
    const woke: string[] = [];
    const long = clock.sleep(5_000).then(() => woke.push(`long at +${clock.now() - 1_000_000}`));
    const short = clock.sleep(1_000).then(() => woke.push(`short at +${clock.now() - 1_000_000}`));
    await Promise.all([long, short]);
    expect(woke).toEqual(['short at +1000', 'long at +5000']);
    expect(real.sleeps).toEqual([]);
  });

  it('runs at the real pace once the setup is over, pending sleeps included', async () => {
    const real = stillClock();
    const clock = new SetupClock(real, hop);
    clock.advance(2_000);
    let pendingWoke = false;
    const pending = clock.sleep(3_000).then(() => (pendingWoke = true));
    clock.finish();
    let laterWoke = false;
    void clock.sleep(500).then(() => (laterWoke = true));
    for (let i = 0; i < 20; i++) await hop();
    expect([pendingWoke, laterWoke]).toEqual([false, false]);
    expect(real.sleeps).toEqual([3_000, 500]);
    // The skipped time stays: the engine's timestamps keep their order.
    expect(clock.now()).toBe(1_002_000);
    real.release();
    await pending;
    expect(pendingWoke).toBe(true);
  });
});
