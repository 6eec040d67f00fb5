import { describe, expect, it } from 'vitest';
import { Pipe } from '../../../os/streams.js';
import { nodeHarness, until } from './testing/harness.js';

async function session(lines: string[], finish: (stdin: Pipe, t: ReturnType<typeof nodeHarness>) => void) {
  const t = nodeHarness({ '/app/lib.js': 'module.exports = { twice: (x) => x * 2 };\n' });
  const stdin = new Pipe();
  const run = t.start(['node'], { stdin, tty: true });
  await until(() => t.stdout.text.endsWith('> '));
  for (const line of lines) {
    const before = t.stdout.text.length;
    stdin.write(`${line}\n`);
    await until(() => t.stdout.text.length > before && (t.stdout.text.endsWith('> ') || t.stdout.text.endsWith('... ')));
  }
  finish(stdin, t);
  return { code: await run, out: t.stdout.text };
}

describe('node REPL', () => {
  it('prints the banner and evaluates lines like Node', async () => {
    const { code, out } = await session(
      ['1 + 1', '[1,2,3].map(x => x * 2)', "'hi'", 'let n = 5', 'n * 2', '{ a: 1 }', 'undefinedThing', 'require("./lib").twice(21)', 'function add(a, b) {', '  return a + b;', '}', 'add(2, 3)'],
      (stdin) => stdin.write('.exit\n'),
    );
    expect(code).toBe(0);
    expect(out).toBe(
      'Welcome to Node.js v26.7.0.\nType ".help" for more information.\n> ' +
        '2\n> [ 2, 4, 6 ]\n> \'hi\'\n> undefined\n> 10\n> { a: 1 }\n> ' +
        'Uncaught ReferenceError: undefinedThing is not defined\n> 42\n> ... ... undefined\n> 5\n> ',
    );
  });

  it('ends on Ctrl-D (end of input)', async () => {
    const { code, out } = await session(['40 + 2'], (stdin) => stdin.close());
    expect(code).toBe(0);
    expect(out.endsWith('> 42\n> \n')).toBe(true);
  });

  it('Ctrl-C once warns, twice exits', async () => {
    const { code, out } = await session([], (_stdin, t) => {
      t.signals.emit('SIGINT');
      void until(() => t.stdout.text.includes('(To exit')).then(() => t.signals.emit('SIGINT'));
    });
    expect(code).toBe(0);
    expect(out).toBe('Welcome to Node.js v26.7.0.\nType ".help" for more information.\n> \n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n> ');
  });
});
