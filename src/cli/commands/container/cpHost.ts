/**
 * The host side of `docker cp`: reading a local tree into archive entries and
 * extracting entries under a destination with docker's rules (into an
 * existing directory under the source's name; onto a new path as that name;
 * `SRC/.` copies a directory's contents).
 */
import type { ArchiveEntry } from '../../../engine/index.js';
import type { Vfs } from '../../../os/vfs.js';
import { StatusError } from '../../argv/status.js';

function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || '/';
}

function parent(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** Reads `abs` (file, dir or symlink) into entries relative to its parent. */
export function readHostTree(fs: Vfs, abs: string): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  const walk = (path: string, rel: string): void => {
    const st = fs.lstat(path);
    if (!st) return;
    if (st.kind === 'symlink') entries.push({ path: rel, kind: 'symlink', mode: st.mode, target: fs.readlink(path) });
    else if (st.kind === 'file') entries.push({ path: rel, kind: 'file', mode: st.mode, data: fs.readFile(path) });
    else {
      entries.push({ path: rel, kind: 'dir', mode: st.mode });
      for (const name of fs.readdir(path)) walk(`${path === '/' ? '' : path}/${name}`, `${rel}/${name}`);
    }
  };
  walk(abs, basename(abs));
  return entries;
}

/** Writes entries (whose first path component is the copied item) to `dest` on the host. */
export function extractToHost(fs: Vfs, entries: readonly ArchiveEntry[], dest: string, contentsOnly: boolean): void {
  if (entries.length === 0) return;
  const top = entries[0];
  const destStat = fs.stat(dest);
  let root: string;
  if (destStat?.kind === 'dir') root = contentsOnly ? dest : `${dest.replace(/\/+$/, '')}/${basename(top.path)}`;
  else {
    if (dest.endsWith('/') && !destStat) throw new StatusError(`destination directory ${dest} does not exist`, 1);
    if (destStat && top.kind === 'dir') throw new StatusError(`cannot copy a directory to a file`, 1);
    const up = parent(dest);
    if (!fs.stat(up)) throw new StatusError(`lstat ${up}: no such file or directory`, 1);
    root = dest.replace(/\/+$/, '') || '/';
  }
  const topName = top.path.split('/')[0];
  for (const entry of entries) {
    const rest = entry.path === topName ? '' : entry.path.slice(topName.length + 1);
    const target = rest ? `${root}/${rest}` : root;
    if (entry.kind === 'dir') {
      if (!fs.stat(target)) fs.mkdir(target, { recursive: true, mode: entry.mode });
    } else if (entry.kind === 'file') {
      fs.writeFile(target, entry.data ?? new Uint8Array(), { mode: entry.mode });
    } else {
      if (fs.lstat(target)) fs.rm(target, { force: true });
      fs.symlink(entry.target ?? '', target);
    }
  }
}
