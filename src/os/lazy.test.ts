import { describe, expect, it } from 'vitest';
import { loadOnce } from './lazy.js';

describe('loadOnce', () => {
  it('loads once and shares the result', async () => {
    let calls = 0;
    const get = loadOnce(async () => ++calls);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    expect(await get()).toBe(1);
    expect(calls).toBe(1);
  });

  it('retries after a failed load', async () => {
    let calls = 0;
    const get = loadOnce(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return 'module';
    });
    await expect(get()).rejects.toThrow('offline');
    expect(await get()).toBe('module');
  });
});
