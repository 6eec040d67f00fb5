import { describe, expect, it } from 'vitest';
import { Pipe } from '../../../os/streams.js';
import { needsMore } from './repl.js';
import { pythonHarness, until } from './testing/harness.js';

const BANNER = 'Python 3.14.0 (main, Nov  4 2025, 21:27:05) [GCC 14.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n';

async function session(lines: string[], finish: (stdin: Pipe, t: ReturnType<typeof pythonHarness>) => void) {
  const t = pythonHarness();
  const stdin = new Pipe();
  const run = t.start(['python'], { stdin, tty: true });
  await until(() => t.stdout.text.endsWith('>>> '));
  for (const line of lines) {
    const before = t.stdout.text.length;
    stdin.write(`${line}\n`);
    await until(() => t.stdout.text.length > before && (t.stdout.text.endsWith('>>> ') || t.stdout.text.endsWith('... ')));
  }
  finish(stdin, t);
  return { code: await run, out: t.stdout.text, err: t.stderr.text };
}

describe('python REPL', () => {
  it('prints the banner, echoes expression values and keeps state', async () => {
    const { code, out } = await session(['1 + 1', 'x = [1, 2]', 'x', "'hi'", 'None', 'def sq(n):', '    return n * n', '', 'sq(7)', 'print("p")'], (stdin) => stdin.close());
    expect(code).toBe(0);
    expect(out).toBe(`${BANNER}>>> 2\n>>> >>> [1, 2]\n>>> 'hi'\n>>> >>> ... ... >>> 49\n>>> p\n>>> \n`);
  });

  it('prints tracebacks and carries on', async () => {
    const { code, out, err } = await session(['1/0', '2'], (stdin) => stdin.close());
    expect(code).toBe(0);
    expect(err).toBe('Traceback (most recent call last):\n  File "<python-input-0>", line 1, in <module>\n    1/0\nZeroDivisionError: division by zero\n');
    expect(out).toBe(`${BANNER}>>> >>> 2\n>>> \n`);
  });

  it('Ctrl-C at the prompt prints KeyboardInterrupt; exit() ends with its status', async () => {
    const t = pythonHarness();
    const stdin = new Pipe();
    const run = t.start(['python3'], { stdin, tty: true });
    await until(() => t.stdout.text.endsWith('>>> '));
    t.signals.emit('SIGINT');
    await until(() => t.stdout.text.endsWith('KeyboardInterrupt\n>>> '));
    stdin.write('import sys\n');
    await until(() => t.stdout.text.endsWith('>>> >>> '));
    stdin.write('sys.exit(4)\n');
    expect(await run).toBe(4);
    expect(t.stdout.text).toBe(`${BANNER}>>> \nKeyboardInterrupt\n>>> >>> `);
  });

  it('exit() and a bare quit leave the REPL', async () => {
    expect((await session(['x = 1'], (stdin) => stdin.write('exit(2)\n'))).code).toBe(2);
    expect((await session([], (stdin) => stdin.write('quit\n'))).code).toBe(0);
  });

  it('knows when a statement needs more lines', () => {
    expect(needsMore(['if x:'])).toBe(true);
    expect(needsMore(['if x:', '  y()'])).toBe(true);
    expect(needsMore(['if x:', '  y()', ''])).toBe(false);
    expect(needsMore(['f(1,'])).toBe(true);
    expect(needsMore(['f(1,', '2)'])).toBe(false);
    expect(needsMore(['s = """a'])).toBe(true);
    expect(needsMore(['x = 1  # a comment:'])).toBe(false);
  });
});
