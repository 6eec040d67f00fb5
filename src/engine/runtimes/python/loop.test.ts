import { describe, expect, it } from 'vitest';
import { pythonHarness, until } from './testing/harness.js';

describe('python loops', () => {
  it('loops still compute the right thing', async () => {
    const t = pythonHarness({ '/app/l.py': 'def count(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\ni = 0\nwhile i < 5000:\n    i += 1\nprint(i, count(3000))\n' });
    expect(await t.start(['python', 'l.py'])).toBe(0);
    expect(t.stdout.text).toBe('5000 3000\n');
  });

  it('a runaway loop yields to the engine, and docker kill stops it (137)', async () => {
    const t = pythonHarness({ '/app/spin.py': 'print("spinning")\nwhile True:\n    pass\n' });
    const run = t.start(['python', 'spin.py']);
    let exited = false;
    void run.then(() => (exited = true));
    await until(() => t.stdout.text === 'spinning\n');
    // The test itself keeps running while the loop spins: the engine is not frozen.
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(exited).toBe(false);
    t.killed.cancel();
    expect(await run).toBe(137);
  });

  it('a spinning loop lets a virtual clock move, so a 10 s docker stop grace period ends', async () => {
    const t = pythonHarness({ '/app/spin.py': 'print("spinning")\nwhile True:\n    pass\n' });
    const run = t.start(['python', 'spin.py']);
    await until(() => t.stdout.text === 'spinning\n');
    const before = t.clock.now();
    // What docker stop does for a PID 1 that ignores SIGTERM: wait 10 s of engine time, then kill.
    await t.clock.sleep(10_000);
    t.killed.cancel();
    expect(await run).toBe(137);
    expect(t.clock.now() - before).toBeGreaterThanOrEqual(10_000);
  });

  it('Ctrl-C stops a busy loop with KeyboardInterrupt (130)', async () => {
    const t = pythonHarness({ '/app/spin.py': 'print("go")\nn = 0\nwhile True:\n    n += 1\n' });
    const run = t.start(['python', 'spin.py']);
    await until(() => t.stdout.text === 'go\n');
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    t.signals.emit('SIGINT');
    expect(await run).toBe(130);
    expect(t.stderr.text).toMatch(/^Traceback \(most recent call last\):\n {2}File "\/app\/spin.py", line (3, in <module>\n {4}while True:|4, in <module>\n {4}n \+= 1)\nKeyboardInterrupt\n$/);
  });
});

describe('python memory', () => {
  it('allocating without bound ends like an OOM kill (137)', async () => {
    const t = pythonHarness({ '/app/m.py': 'x = []\nwhile True:\n    x.append("a" * 10000)\n' }, 7, { memoryLimit: 48 * 1024 * 1024 });
    expect(await t.start(['python', 'm.py'])).toBe(137);
    expect(t.stderr.text).toBe('');
  });
});
