import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ShellSyntaxError } from './errors.js';
import { parseScript } from './parser.js';
import { quoteForShell } from './index.js';

import { harness } from './testing/harness.js';

const shellish = fc.string({ unit: fc.constantFrom(...'abc $\'"`\\(){};|&<>*?[]#~=\n\t-!0123456789_xyzfidonecas'.split('')), maxLength: 40 });

describe('properties', () => {
  it('the parser throws nothing but ShellSyntaxError', () => {
    fc.assert(
      fc.property(fc.oneof(shellish, fc.string({ maxLength: 40 })), (src) => {
        try {
          parseScript(src);
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('echo of a quoted word prints the word', async () => {
    const h = harness();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }).filter((s) => !s.includes('\0')), async (s) => {
        // echo would read a leading -n/-e as options; printf %s\n shows the raw word the same way.
        const r = await h.run(`printf '%s\\n' ${quoteForShell(s)}`);
        expect(r.out).toBe(s + '\n');
        const e = await h.run(`echo x${quoteForShell(s)}`);
        expect(e.out).toBe('x' + s + '\n');
      }),
      { numRuns: 200 },
    );
  });

  it('pipelines of cat preserve content', async () => {
    const h = harness();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 4 }), async (text, n) => {
        const r = await h.run(Array(n).fill('cat').join(' | '), text);
        expect(r.out).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('the interpreter only ever returns a status for plausible command lines', async () => {
    const h = harness();
    h.fs.writeFile('/home/user/f.txt', 'one\ntwo\n');
    const token = fc.constantFrom('echo', 'cat', 'ls', 'grep', 'o', 'wc', '-l', 'f.txt', '*', '$x', '"$x"', "'q'", 'x=1', '|', '&&', '||', ';', '>', '>>', '<', '2>&1', 'if', 'then', 'else', 'fi', 'for', 'in', 'do', 'done', 'case', 'esac', '(', ')', '{', '}', '$(echo', '`', 'true', 'false', 'cd', '..', 'rm', 'mkdir', 'head', '-n', '1', 'sort', 'tr', 'a-z', 'A-Z', '$((1+2))', '${x:-d}', '&', 'nosuch', 'exit', 'test', '[', ']', '!', '\n');
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 12 }), async (tokens) => {
        const r = await h.run(tokens.join(' '));
        expect(Number.isInteger(r.status)).toBe(true);
        expect(r.status).toBeGreaterThanOrEqual(0);
        expect(r.status).toBeLessThan(256);
      }),
      { numRuns: 300 },
    );
  });

  it('deep recursion stops with an error instead of hanging', async () => {
    const r = await harness().run('f() { f; }; f');
    expect(r.err).toContain('maximum function nesting level exceeded (1000)');
  });
});
