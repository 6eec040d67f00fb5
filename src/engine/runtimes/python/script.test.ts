import { describe, expect, it } from 'vitest';
import { inputFrom, Pipe } from '../../../os/streams.js';
import { pythonHarness, until } from './testing/harness.js';

const RNG = `from random import randint

min_number = int(input('Please enter the min number: '))
max_number = int(input('Please enter the max number: '))

if (max_number < min_number):
  print('Invalid input - shutting down...')
else:
  rnd_number = randint(min_number, max_number)
  print(rnd_number)
`;

describe('python FILE', () => {
  it('runs the course script with two numbers on stdin', async () => {
    const t = pythonHarness({ '/app/rng.py': RNG });
    const code = await t.start(['python', 'rng.py'], { stdin: inputFrom('10\n20\n') });
    expect(t.stderr.text).toBe('');
    expect(code).toBe(0);
    const m = /^Please enter the min number: Please enter the max number: (\d+)\n$/.exec(t.stdout.text);
    expect(m).not.toBeNull();
    const n = Number(m![1]);
    expect(n).toBeGreaterThanOrEqual(10);
    expect(n).toBeLessThanOrEqual(20);
  });

  it('is deterministic for the same seed', async () => {
    const outs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const t = pythonHarness({ '/app/r.py': 'import random\nprint(random.randint(1, 1000000), random.random())\n' });
      await t.start(['python', '/app/r.py']);
      outs.push(t.stdout.text);
    }
    expect(outs[0]).toBe(outs[1]);
  });

  it('raises EOFError with a traceback and exits 1 when stdin is at EOF (docker run without -i)', async () => {
    const t = pythonHarness({ '/app/rng.py': RNG });
    const code = await t.start(['python', 'rng.py']);
    expect(code).toBe(1);
    expect(t.stdout.text).toBe('Please enter the min number: ');
    expect(t.stderr.text).toBe(
      "Traceback (most recent call last):\n  File \"/app/rng.py\", line 3, in <module>\n    min_number = int(input('Please enter the min number: '))\nEOFError: EOF when reading a line\n",
    );
  });

  it('waits for typed input without blocking, like -it', async () => {
    const t = pythonHarness({ '/app/rng.py': RNG });
    const stdin = new Pipe();
    const run = t.start(['python', 'rng.py'], { stdin, tty: true });
    await until(() => t.stdout.text.endsWith('min number: '));
    stdin.write('5\n');
    await until(() => t.stdout.text.endsWith('max number: '));
    stdin.write('5\n');
    expect(await run).toBe(0);
    expect(t.stdout.text).toBe('Please enter the min number: Please enter the max number: 5\n');
  });

  it('makes functions that call input() async, with their callers', async () => {
    const src = 'def ask(q):\n    return int(input(q))\n\ndef total():\n    return ask("a? ") + ask("b? ")\n\nprint("sum", total())\n';
    const t = pythonHarness({ '/app/f.py': src });
    expect(await t.start(['python3', 'f.py'], { stdin: inputFrom('2\n', '3\n') })).toBe(0);
    expect(t.stdout.text).toBe('a? b? sum 5\n');
  });

  it('prints exceptions with CPython wording and frames, exit 1', async () => {
    const t = pythonHarness({ '/app/e.py': 'def f(x):\n    return x / 0\n\nf(1)\n' });
    expect(await t.start(['python', 'e.py'])).toBe(1);
    expect(t.stderr.text).toBe(
      'Traceback (most recent call last):\n  File "/app/e.py", line 4, in <module>\n    f(1)\n  File "/app/e.py", line 2, in f\n    return x / 0\nZeroDivisionError: division by zero\n',
    );
  });

  it('sys.exit(n), sys.exit("msg") and sys.exit()', async () => {
    const cases: [string, number, string][] = [
      ['import sys\nprint("a")\nsys.exit(3)\nprint("b")\n', 3, ''],
      ['import sys\nsys.exit("bye")\n', 1, 'bye\n'],
      ['import sys\nsys.exit()\n', 0, ''],
    ];
    for (const [src, status, err] of cases) {
      const t = pythonHarness({ '/app/x.py': src });
      expect(await t.start(['python', 'x.py'])).toBe(status);
      expect(t.stderr.text).toBe(err);
    }
  });

  it('has sys.argv, os.environ and time.time from the container clock', async () => {
    const t = pythonHarness({ '/app/a.py': 'import sys, os, time\nprint(sys.argv)\nprint(os.environ["HOSTNAME"], os.getenv("NOPE", "-"))\nprint(int(time.time()))\n' });
    expect(await t.start(['python', 'a.py', 'x', 'y'])).toBe(0);
    expect(t.stdout.text).toBe("['a.py', 'x', 'y']\nc0ffee123456 -\n1768471200\n");
  });

  it('time.sleep waits on the container clock', async () => {
    const t = pythonHarness({ '/app/s.py': 'import time\nt0 = time.time()\ntime.sleep(5)\nprint(round(time.time() - t0))\n' });
    expect(await t.start(['python', 's.py'])).toBe(0);
    expect(t.stdout.text).toBe('5\n');
  });

  it('reports a missing script like CPython (exit 2)', async () => {
    const t = pythonHarness();
    expect(await t.start(['python', 'nope.py'])).toBe(2);
    expect(t.stderr.text).toBe("python: can't open file '/app/nope.py': [Errno 2] No such file or directory\n");
  });

  it('-c, --version, and a script on stdin; no args without a tty and empty stdin exits 0', async () => {
    const t = pythonHarness();
    expect(await t.start(['python', '-c', 'print(6 * 7)'])).toBe(0);
    expect(await t.start(['python', '--version'])).toBe(0);
    expect(await t.start(['python'], { stdin: inputFrom('print("from stdin")\n') })).toBe(0);
    expect(await t.start(['python'])).toBe(0);
    expect(t.stdout.text).toBe('42\nPython 3.14.0\nfrom stdin\n');
  });
});
