import { describe, expect, it } from 'vitest';
import { Pipe } from '../../../os/streams.js';
import { pythonHarness, until } from './testing/harness.js';

describe('two python processes at once', () => {
  it('each interpreter keeps its own state while both wait for input', async () => {
    const src = 'items = []\nwhile True:\n    line = input("> ")\n    if line == "end":\n        break\n    items.append(line)\nprint(",".join(items))\n';
    const a = pythonHarness({ '/app/c.py': src });
    const b = pythonHarness({ '/app/c.py': src });
    const inA = new Pipe();
    const inB = new Pipe();
    const runA = a.start(['python', 'c.py'], { stdin: inA, tty: true });
    const runB = b.start(['python', 'c.py'], { stdin: inB, tty: true });
    await until(() => a.stdout.text.endsWith('> ') && b.stdout.text.endsWith('> '));
    for (const [pipe, word, t] of [[inA, 'a1', a], [inB, 'b1', b], [inA, 'a2', a], [inB, 'b2', b], [inB, 'b3', b]] as const) {
      const before = t.stdout.text.length;
      pipe.write(`${word}\n`);
      await until(() => t.stdout.text.length > before);
    }
    inA.write('end\n');
    inB.write('end\n');
    expect(await runA).toBe(0);
    expect(await runB).toBe(0);
    expect(a.stdout.text).toBe('> > > a1,a2\n');
    expect(b.stdout.text).toBe('> > > > b1,b2,b3\n');
  });
});
