import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globToRegex, IgnoreMatcher } from './dockerignore.js';

describe('IgnoreMatcher', () => {
  const cases: [string, string, boolean][] = [
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/express/index.js', true],
    ['node_modules', 'src/node_modules', false],
    ['**/node_modules', 'src/node_modules/x.js', true],
    ['*.log', 'debug.log', true],
    ['*.log', 'logs/debug.log', false],
    ['**/*.log', 'logs/debug.log', true],
    ['/secret.txt', 'secret.txt', true],
    ['docs/', 'docs/readme.md', true],
    ['temp?', 'temp1', true],
    ['temp?', 'temp12', false],
    ['[abc].txt', 'b.txt', true],
    ['[^abc].txt', 'b.txt', false],
    ['# comment', '# comment', false],
    ['.', 'anything', false],
    ['*\n!keep.log', 'keep.log', false],
    ['*\n!keep.log', 'other.log', true],
    ['*.md\n!README.md\nREADME.md', 'README.md', true],
    ['dist\n!dist/keep', 'dist/keep', false],
    ['dist\n!dist/keep', 'dist/other', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**', 'a/x/y', true],
  ];
  it.each(cases)('pattern %j on %j excludes=%s', (patterns, path, expected) => {
    expect(new IgnoreMatcher(patterns).excludes(path)).toBe(expected);
  });

  const segment = fc.stringMatching(/^[a-z0-9]{1,6}$/);
  const relPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => p.join('/'));

  it('a literal pattern excludes exactly itself and what is below it', () => {
    fc.assert(
      fc.property(relPath, relPath, (pattern, path) => {
        const expected = path === pattern || path.startsWith(`${pattern}/`);
        expect(new IgnoreMatcher(pattern).excludes(path)).toBe(expected);
      }),
    );
  });

  it('an exception after its pattern re-includes the path (last match wins)', () => {
    fc.assert(
      fc.property(relPath, (path) => {
        expect(new IgnoreMatcher(`${path}\n!${path}`).excludes(path)).toBe(false);
        expect(new IgnoreMatcher(`!${path}\n${path}`).excludes(path)).toBe(true);
      }),
    );
  });

  it('`*` never crosses a slash in COPY globs', () => {
    fc.assert(
      fc.property(segment, segment, (a, b) => {
        expect(globToRegex('*').test(`${a}/${b}`)).toBe(false);
        expect(globToRegex('*').test(a)).toBe(true);
      }),
    );
  });
});
