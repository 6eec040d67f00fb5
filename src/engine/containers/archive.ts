/**
 * `docker cp` on the daemon side: a path in the container's rootfs as tar-like
 * entries (relative to the path's parent), and extraction of entries into it.
 * Works whether or not the container runs: the writable layer is kept.
 */
import { basename, dirname, normalize } from '../../os/path.js';
import { walkTree } from '../../os/walk.js';
import type { Vfs } from '../../os/vfs.js';
import type { ArchiveEntry } from '../api.js';
import { EngineError } from '../errors/EngineError.js';
import type { ContainerRecord } from './model.js';

const BLOCK = 512;

/** Bytes of the tar stream for these entries: a header block each, data padded to blocks, two end blocks. */
export function tarSize(entries: readonly ArchiveEntry[]): number {
  let size = 2 * BLOCK;
  for (const e of entries) {
    size += BLOCK;
    if (e.kind === 'file') size += Math.ceil((e.data?.length ?? 0) / BLOCK) * BLOCK;
  }
  return size;
}

function notFound(path: string, ref: string): EngineError {
  return new EngineError(`Could not find the file ${path} in container ${ref}`, 'notFound');
}

function entryAt(fs: Vfs, abs: string, rel: string): ArchiveEntry | undefined {
  const stat = fs.lstat(abs);
  if (!stat) return undefined;
  if (stat.kind === 'dir') return { path: rel, kind: 'dir', mode: stat.mode };
  if (stat.kind === 'symlink') return { path: rel, kind: 'symlink', mode: stat.mode, target: fs.readlink(abs) };
  return { path: rel, kind: 'file', mode: stat.mode, data: fs.readFile(abs) };
}

export function copyFromContainer(c: ContainerRecord, path: string, ref: string): { readonly entries: readonly ArchiveEntry[]; readonly tarSize: number } {
  const contentsOnly = /\/\.$/.test(path);
  const abs = normalize(path.startsWith('/') ? path : `/${path}`);
  const root = entryAt(c.fs, abs, abs === '/' ? '.' : basename(abs));
  if (!root) throw notFound(path, ref);
  const entries: ArchiveEntry[] = contentsOnly ? [] : [root];
  if (root.kind === 'dir') {
    const prefix = contentsOnly ? '' : `${root.path}/`;
    for (const w of walkTree(c.fs, abs)) {
      const entry = entryAt(c.fs, w.path, `${prefix}${w.relative}`);
      if (entry) entries.push(entry);
    }
  }
  return { entries, tarSize: tarSize(entries) };
}

function extract(fs: Vfs, target: string, entry: ArchiveEntry): void {
  if (entry.kind === 'dir') {
    if (fs.lstat(target)?.kind !== 'dir') fs.mkdir(target, { recursive: true, mode: entry.mode });
    fs.chmod(target, entry.mode);
    return;
  }
  fs.mkdir(dirname(target), { recursive: true });
  if (fs.lstat(target)) fs.rm(target, { recursive: true, force: true });
  if (entry.kind === 'symlink') fs.symlink(entry.target ?? '', target);
  else fs.writeFile(target, entry.data ?? new Uint8Array(0), { mode: entry.mode });
  if (entry.kind === 'file') fs.chmod(target, entry.mode);
}

/**
 * Into an existing directory the entries land inside it; onto a missing path
 * (whose parent exists) the top-level entry takes that name, as `docker cp
 * app.js web:/srv/server.js` renames.
 */
export function copyToContainer(c: ContainerRecord, destPath: string, entries: readonly ArchiveEntry[], ref: string): { readonly tarSize: number } {
  const dest = normalize(destPath.startsWith('/') ? destPath : `/${destPath}`);
  const stat = c.fs.stat(dest);
  if (stat?.kind === 'dir') {
    for (const e of entries) extract(c.fs, normalize(`${dest}/${e.path}`), e);
    return { tarSize: tarSize(entries) };
  }
  if (c.fs.stat(dirname(dest))?.kind !== 'dir') throw notFound(destPath, ref);
  const top = entries[0]?.path.split('/')[0];
  for (const e of entries) {
    const parts = e.path.split('/');
    const rest = parts[0] === top ? parts.slice(1) : parts;
    extract(c.fs, normalize([dest, ...rest].join('/')), e);
  }
  return { tarSize: tarSize(entries) };
}
