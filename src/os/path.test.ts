import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { basename, dirname, isAbsolute, join, normalize, relative, resolvePath } from './path.js';

describe('path', () => {
  it('normalizes', () => {
    expect(normalize('/a//b/./c/..')).toBe('/a/b');
    expect(normalize('/../..')).toBe('/');
    expect(normalize('a/../../b')).toBe('../b');
    expect(normalize('')).toBe('.');
    expect(normalize('./')).toBe('.');
    expect(normalize('/a/b/')).toBe('/a/b');
  });
  it('resolves against a cwd', () => {
    expect(resolvePath('/home/user', 'app/x')).toBe('/home/user/app/x');
    expect(resolvePath('/home/user', '../..')).toBe('/');
    expect(resolvePath('/home/user', '/etc//hosts')).toBe('/etc/hosts');
  });
  it('dirname and basename match coreutils', () => {
    expect(dirname('/a/b/')).toBe('/a');
    expect(dirname('a')).toBe('.');
    expect(dirname('/a')).toBe('/');
    expect(dirname('/')).toBe('/');
    expect(basename('/a/b/')).toBe('b');
    expect(basename('/')).toBe('/');
    expect(basename('x.txt', '.txt')).toBe('x');
    expect(basename('.txt', '.txt')).toBe('.txt');
  });
  it('joins, relatives and absoluteness', () => {
    expect(join('/a', 'b', '../c')).toBe('/a/c');
    expect(join()).toBe('.');
    expect(relative('/a/b', '/a/c/d')).toBe('../c/d');
    expect(relative('/a', '/a')).toBe('');
    expect(isAbsolute('/x')).toBe(true);
    expect(isAbsolute('x')).toBe(false);
  });
  it('normalize is idempotent and resolvePath is absolute', () => {
    const seg = fc.constantFrom('a', 'b', '.', '..', '', 'c.d');
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 8 }), fc.boolean(), (parts, abs) => {
        const p = (abs ? '/' : '') + parts.join('/');
        const n = normalize(p);
        expect(normalize(n)).toBe(n);
        expect(resolvePath('/w', p).startsWith('/')).toBe(true);
        expect(resolvePath('/w', p)).not.toMatch(/(^|\/)\.\.?(\/|$)/);
      }),
    );
  });
});
