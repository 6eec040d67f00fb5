import { describe, expect, it } from 'vitest';
import { SleeperQueue } from './sleepers.js';
import { CancelSource } from './streams.js';

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('SleeperQueue', () => {
  it('wakes in deadline order, ties in the order they slept, and only those due', async () => {
    const queue = new SleeperQueue();
    const woke: string[] = [];
    for (const [name, at] of [['late', 30], ['first', 10], ['tie-a', 20], ['tie-b', 20]] as const) void queue.add(at).then(() => woke.push(name));
    expect(queue.nextDeadline()).toBe(10);
    queue.wakeUntil(20);
    await flush();
    expect(woke).toEqual(['first', 'tie-a', 'tie-b']);
    expect(queue.size).toBe(1);
    expect(queue.nextDeadline()).toBe(30);
  });

  it('wakeNext wakes one sleeper even when another shares its deadline', async () => {
    const queue = new SleeperQueue();
    const woke: number[] = [];
    void queue.add(5).then(() => woke.push(1));
    void queue.add(5).then(() => woke.push(2));
    queue.wakeNext();
    await flush();
    expect(woke).toEqual([1]);
    expect(queue.size).toBe(1);
  });

  it('a cancelled sleeper resolves at once and leaves the queue; one cancelled before it slept never joins', async () => {
    const queue = new SleeperQueue();
    const cancel = new CancelSource();
    let woke = false;
    void queue.add(100, cancel).then(() => (woke = true));
    expect(queue.size).toBe(1);
    cancel.cancel();
    await flush();
    expect(woke).toBe(true);
    expect(queue.size).toBe(0);
    await queue.add(50, cancel);
    expect(queue.size).toBe(0);
    expect(queue.nextDeadline()).toBeUndefined();
  });

  it('drain hands every sleeper over, earliest first, and empties the queue', () => {
    const queue = new SleeperQueue();
    void queue.add(9);
    void queue.add(3);
    expect(queue.drain().map((s) => s.deadline)).toEqual([3, 9]);
    expect(queue.size).toBe(0);
  });
});
