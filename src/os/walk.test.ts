import { describe, expect, it } from 'vitest';
import { MemFs } from './memfs.js';
import { copyTree, walkTree } from './walk.js';
import { textDecode } from './streams.js';

describe('walkTree / copyTree', () => {
  it('walks parents first without following symlinks, and copies across file systems', () => {
    const a = new MemFs();
    a.mkdir('/ctx/src', { recursive: true });
    a.writeFile('/ctx/src/x.js', 'x', { mode: 0o755 });
    a.writeFile('/ctx/Dockerfile', 'FROM alpine');
    a.symlink('/etc', '/ctx/etc');
    expect(walkTree(a, '/ctx/').map((e) => [e.relative, e.stat.kind])).toEqual([
      ['Dockerfile', 'file'],
      ['etc', 'symlink'],
      ['src', 'dir'],
      ['src/x.js', 'file'],
    ]);
    const b = new MemFs();
    copyTree(a, '/ctx', b, '/app');
    expect(textDecode(b.readFile('/app/src/x.js'))).toBe('x');
    expect(b.stat('/app/src/x.js')?.mode).toBe(0o755);
    expect(b.readlink('/app/etc')).toBe('/etc');
  });
});
