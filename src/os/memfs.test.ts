import { describe, expect, it } from 'vitest';
import { MemFs } from './memfs.js';
import { FsError } from './vfs.js';
import { textDecode } from './streams.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return undefined;
}

describe('MemFs', () => {
  it('writes, reads, appends and stats files with the injected clock', () => {
    let t = 1000;
    const fs = new MemFs({ now: () => t });
    fs.mkdir('/app');
    fs.writeFile('/app/a.txt', 'hi');
    t = 2000;
    fs.writeFile('/app/a.txt', ' there', { append: true });
    expect(textDecode(fs.readFile('/app/a.txt'))).toBe('hi there');
    expect(fs.stat('/app/a.txt')).toEqual({ kind: 'file', mode: 0o644, size: 8, mtime: 2000, uid: 0, gid: 0 });
    expect(fs.stat('/app')?.kind).toBe('dir');
    expect(fs.stat('/nope')).toBeNull();
  });

  it('reports errno codes like Linux', () => {
    const fs = new MemFs();
    fs.writeFile('/f', 'x');
    expect(code(() => fs.readFile('/missing'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/no/dir/x', ''))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/f/x', ''))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/f'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/f', { recursive: true }))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/f/g', { recursive: true }))).toBe('ENOTDIR');
    expect(code(() => fs.readdir('/f'))).toBe('ENOTDIR');
    expect(code(() => fs.readlink('/f'))).toBe('EINVAL');
    expect(code(() => fs.rm('/nope'))).toBe('ENOENT');
    expect(code(() => fs.rm('/nope', { force: true }))).toBeUndefined();
    expect(code(() => fs.readFile('relative'))).toBe('EINVAL');
    const err = (() => {
      try {
        fs.readFile('/missing');
      } catch (e) {
        return e as FsError;
      }
    })();
    expect(err?.reason).toBe('No such file or directory');
    expect(err?.path).toBe('/missing');
  });

  it('mkdir -p, readdir sorted by code unit, rm -r', () => {
    const fs = new MemFs();
    fs.mkdir('/a/b/c', { recursive: true });
    fs.mkdir('/a/b/c', { recursive: true });
    fs.writeFile('/a/b/Z', '');
    fs.writeFile('/a/b/a', '');
    expect(fs.readdir('/a/b')).toEqual(['Z', 'a', 'c']);
    expect(code(() => fs.rm('/a'))).toBe('EISDIR');
    fs.rm('/a', { recursive: true });
    expect(fs.readdir('/')).toEqual([]);
  });

  it('follows symlinks in the middle and at the end, but lstat and rm do not', () => {
    const fs = new MemFs();
    fs.mkdir('/real/sub', { recursive: true });
    fs.writeFile('/real/sub/f', 'data');
    fs.symlink('/real', '/abs');
    fs.symlink('real/sub', '/rel');
    fs.symlink('../real/sub/f', '/real/link-up');
    expect(textDecode(fs.readFile('/abs/sub/f'))).toBe('data');
    expect(textDecode(fs.readFile('/rel/f'))).toBe('data');
    expect(textDecode(fs.readFile('/real/link-up'))).toBe('data');
    expect(fs.lstat('/abs')?.kind).toBe('symlink');
    expect(fs.lstat('/abs')?.size).toBe(5);
    expect(fs.stat('/abs')?.kind).toBe('dir');
    expect(fs.readlink('/rel')).toBe('real/sub');
    fs.rm('/abs');
    expect(fs.stat('/real/sub/f')).not.toBeNull();
    expect(code(() => fs.symlink('x', '/rel'))).toBe('EEXIST');
  });

  it('writes through a dangling symlink and detects loops', () => {
    const fs = new MemFs();
    fs.symlink('/target', '/link');
    fs.writeFile('/link', 'x');
    expect(fs.stat('/target')?.size).toBe(1);
    fs.symlink('/loop2', '/loop1');
    fs.symlink('/loop1', '/loop2');
    expect(code(() => fs.readFile('/loop1'))).toBe('ELOOP');
    expect(fs.stat('/loop1')).toBeNull();
  });

  it('renames files and directories with Linux checks', () => {
    const fs = new MemFs();
    fs.mkdir('/d/inner', { recursive: true });
    fs.writeFile('/d/inner/f', '1');
    fs.writeFile('/g', '2');
    fs.rename('/d', '/e');
    expect(fs.stat('/e/inner/f')).not.toBeNull();
    expect(fs.stat('/d')).toBeNull();
    expect(code(() => fs.rename('/e', '/e/inner/x'))).toBe('EINVAL');
    expect(code(() => fs.rename('/g', '/e'))).toBe('EISDIR');
    expect(code(() => fs.rename('/e', '/g'))).toBe('ENOTDIR');
    fs.writeFile('/h', '3');
    fs.rename('/h', '/g');
    expect(textDecode(fs.readFile('/g'))).toBe('3');
    expect(code(() => fs.rename('/missing', '/x'))).toBe('ENOENT');
  });

  it('chmod, chown, utimes', () => {
    const fs = new MemFs();
    fs.writeFile('/s', 'x', { mode: 0o600 });
    expect(fs.stat('/s')?.mode).toBe(0o600);
    fs.chmod('/s', 0o755);
    fs.chown('/s', 1000, 1000);
    fs.utimes('/s', 42);
    expect(fs.stat('/s')).toMatchObject({ mode: 0o755, uid: 1000, gid: 1000, mtime: 42 });
    expect(code(() => fs.chmod('/nope', 0o644))).toBe('ENOENT');
  });

  it('returns copies so callers cannot mutate stored content', () => {
    const fs = new MemFs();
    const data = new Uint8Array([1, 2, 3]);
    fs.writeFile('/b', data);
    data[0] = 9;
    const read = fs.readFile('/b');
    read[1] = 9;
    expect([...fs.readFile('/b')]).toEqual([1, 2, 3]);
  });

  it('enumerates entries and round-trips a snapshot', () => {
    const fs = new MemFs({ now: () => 7 });
    fs.mkdir('/w/src', { recursive: true });
    fs.writeFile('/w/src/app.js', 'console.log(1)', { mode: 0o755 });
    fs.symlink('src/app.js', '/w/main');
    fs.chown('/w/src', 5, 6);
    expect(fs.entries('/w').map((e) => e.path)).toEqual(['/w/main', '/w/src', '/w/src/app.js']);
    const copy = MemFs.fromTree(fs.snapshotTree());
    expect(copy.snapshotTree()).toEqual(fs.snapshotTree());
    expect(copy.stat('/w/src')).toMatchObject({ uid: 5, gid: 6, mtime: 7 });
    expect(copy.readlink('/w/main')).toBe('src/app.js');
  });
});
