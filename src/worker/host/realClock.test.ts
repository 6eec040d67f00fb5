import { describe, expect, it } from 'vitest';
import { CancelSource } from '../../os/streams.js';
import { CryptoIds, RealClock } from './realClock.js';

describe('RealClock', () => {
  it('sleeps for real and can be cancelled early', async () => {
    const clock = new RealClock();
    const start = clock.monotonic();
    await clock.sleep(20);
    expect(clock.monotonic() - start).toBeGreaterThanOrEqual(15);
    const cancel = new CancelSource();
    const t0 = clock.monotonic();
    const pending = clock.sleep(10_000, cancel);
    cancel.cancel();
    await pending;
    expect(clock.monotonic() - t0).toBeLessThan(1000);
  });
});

describe('CryptoIds', () => {
  it('makes 64-hex IDs whose short form is never all digits', () => {
    const ids = new CryptoIds();
    for (let i = 0; i < 50; i++) {
      const id = ids.hex64();
      expect(id).toMatch(/^[0-9a-f]{64}$/);
      expect(id.slice(0, 12)).not.toMatch(/^\d{12}$/);
    }
  });

  it('draws integers in range', () => {
    const ids = new CryptoIds();
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(ids.int(5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(ids.int(1)).toBe(0);
  });
});
