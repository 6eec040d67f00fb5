import { describe, expect, it } from 'vitest';
import type { Layer, LayerEntry } from '../../context.js';
import { FsError } from '../../../os/vfs.js';
import { LayerStore } from '../LayerStore.js';
import { OverlayRootfs } from './OverlayRootfs.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const file = (text: string, mode = 0o644): LayerEntry => ({ type: 'file', data: enc.encode(text), mode, uid: 0, gid: 0 });
const dir = (mode = 0o755): LayerEntry => ({ type: 'dir', mode, uid: 0, gid: 0 });

function setup(...layers: [string, LayerEntry][][]): { fs: OverlayRootfs; stack: Layer[]; store: LayerStore } {
  const store = new LayerStore();
  const stack = layers.map((entries) => store.create(new Map(entries)));
  return { fs: new OverlayRootfs(store.view(stack), () => 42, 7), stack, store };
}

describe('OverlayRootfs', () => {
  const base: [string, LayerEntry][] = [
    ['/etc', dir()],
    ['/etc/os-release', file('ID=alpine\n')],
    ['/etc/conf.d', dir()],
    ['/etc/conf.d/a.conf', file('a')],
    ['/etc/conf.d/b.conf', file('b')],
    ['/bin', dir()],
    ['/bin/busybox', file('#!slipway busybox', 0o755)],
    ['/bin/sh', { type: 'symlink', target: '/bin/busybox' }],
    ['/usr', dir()],
    ['/usr/bin', dir()],
    ['/usr/bin/env', { type: 'symlink', target: '../../bin/busybox' }],
  ];

  it('reads through stacked layers, later layers winning', () => {
    const { fs } = setup(base, [['/etc/os-release', file('ID=ubuntu\n')], ['/etc/new', file('n')]]);
    expect(dec.decode(fs.readFile('/etc/os-release'))).toBe('ID=ubuntu\n');
    expect(fs.readdir('/etc')).toEqual(['conf.d', 'new', 'os-release']);
    expect(fs.stat('/etc/new')).toMatchObject({ kind: 'file', size: 1, mtime: 7 });
  });

  it('follows absolute and relative symlinks; lstat does not', () => {
    const { fs } = setup(base);
    expect(dec.decode(fs.readFile('/bin/sh'))).toBe('#!slipway busybox');
    expect(dec.decode(fs.readFile('/usr/bin/env'))).toBe('#!slipway busybox');
    expect(fs.stat('/bin/sh')?.kind).toBe('file');
    expect(fs.lstat('/bin/sh')?.kind).toBe('symlink');
    expect(fs.readlink('/bin/sh')).toBe('/bin/busybox');
  });

  it('copies up on write and records only the upper in diff()', () => {
    const { fs } = setup(base);
    fs.writeFile('/etc/os-release', 'changed', { append: true });
    expect(dec.decode(fs.readFile('/etc/os-release'))).toBe('ID=alpine\nchanged');
    const diff = fs.diff();
    expect([...diff.keys()].sort()).toEqual(['/etc', '/etc/os-release']);
    expect(fs.upperSize()).toBe('ID=alpine\nchanged'.length);
    expect(fs.changes()).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'C', path: '/etc/os-release' },
    ]);
  });

  it('whiteouts hide deleted lower files and trees', () => {
    const { fs, store, stack } = setup(base);
    fs.rm('/etc/conf.d/a.conf');
    expect(fs.stat('/etc/conf.d/a.conf')).toBeNull();
    expect(fs.readdir('/etc/conf.d')).toEqual(['b.conf']);
    fs.rm('/etc', { recursive: true });
    expect(fs.stat('/etc/conf.d/b.conf')).toBeNull();
    expect(fs.readdir('/')).toEqual(['bin', 'usr']);
    expect(fs.diff().get('/etc')).toEqual({ type: 'whiteout' });
    // The layer made from this diff hides /etc for images built on it.
    const next = store.create(fs.diff());
    const child = new OverlayRootfs(store.view([...stack, next]), () => 0);
    expect(child.readdir('/')).toEqual(['bin', 'usr']);
  });

  it('a directory re-created over a deleted one is opaque', () => {
    const { fs, store, stack } = setup(base);
    fs.rm('/etc/conf.d', { recursive: true });
    fs.mkdir('/etc/conf.d');
    fs.writeFile('/etc/conf.d/c.conf', 'c');
    expect(fs.readdir('/etc/conf.d')).toEqual(['c.conf']);
    expect(fs.diff().get('/etc/conf.d')).toEqual({ type: 'opaque', mode: 0o755 });
    const child = new OverlayRootfs(store.view([...stack, store.create(fs.diff())]), () => 0);
    expect(child.readdir('/etc/conf.d')).toEqual(['c.conf']);
  });

  it('reports errors as FsError with errno codes', () => {
    const { fs } = setup(base);
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof FsError ? e.code : 'other';
      }
      return undefined;
    };
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/nope/x', 'x'))).toBe('ENOENT');
    expect(code(() => fs.readdir('/etc/os-release'))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => fs.rm('/etc'))).toBe('ENOTEMPTY');
    expect(code(() => fs.readlink('/etc'))).toBe('EINVAL');
    expect(code(() => fs.rm('/nope', { force: true }))).toBeUndefined();
    fs.symlink('/loop2', '/loop1');
    fs.symlink('/loop1', '/loop2');
    expect(code(() => fs.readFile('/loop1'))).toBe('ELOOP');
  });

  it('mkdir -p, rename and chmod', () => {
    const { fs } = setup(base);
    fs.mkdir('/app/src/lib', { recursive: true });
    fs.writeFile('/app/src/lib/x.js', 'x');
    fs.rename('/app/src', '/app/dest');
    expect(fs.readdir('/app')).toEqual(['dest']);
    expect(dec.decode(fs.readFile('/app/dest/lib/x.js'))).toBe('x');
    fs.rename('/etc/conf.d/a.conf', '/etc/moved.conf');
    expect(fs.readdir('/etc/conf.d')).toEqual(['b.conf']);
    fs.chmod('/etc/moved.conf', 0o600);
    expect(fs.stat('/etc/moved.conf')?.mode).toBe(0o600);
    expect(fs.stat('/etc/moved.conf')?.mtime).toBe(42);
  });

  it('builds a fresh rootfs over a cached stack quickly', () => {
    const entries: [string, LayerEntry][] = [['/data', dir()]];
    for (let i = 0; i < 5000; i++) entries.push([`/data/f${i}`, file(String(i))]);
    const store = new LayerStore();
    const stack = [store.create(new Map(entries)), store.create(new Map([['/top', file('t')]]))];
    store.view(stack);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) new OverlayRootfs(store.view(stack), () => 0).stat('/data/f10');
    expect((performance.now() - t0) / 100).toBeLessThan(20);
  });
});
