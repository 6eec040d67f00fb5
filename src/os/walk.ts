/**
 * Walking any Vfs (an overlay rootfs, a build context) without knowing its
 * implementation: what the builder, `docker cp` and persistence need.
 */
import type { Stat, Vfs } from './vfs.js';

export interface WalkEntry {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the walk's root, with `/` separators. */
  readonly relative: string;
  /** lstat of the entry: symlinks are reported, never followed. */
  readonly stat: Stat;
}

/** Every entry below `root` (not `root` itself), parents before children, siblings sorted. */
export function walkTree(fs: Vfs, root: string): WalkEntry[] {
  const out: WalkEntry[] = [];
  const base = root === '/' ? '' : root.replace(/\/+$/, '');
  const visit = (dir: string, rel: string): void => {
    for (const name of fs.readdir(dir === '' ? '/' : dir)) {
      const path = `${dir}/${name}`;
      const relative = rel === '' ? name : `${rel}/${name}`;
      const stat = fs.lstat(path);
      if (!stat) continue;
      out.push({ path, relative, stat });
      if (stat.kind === 'dir') visit(path, relative);
    }
  };
  visit(base, '');
  return out;
}

/** Copies a file, symlink or tree from one Vfs (or place) to another, keeping modes. */
export function copyTree(from: Vfs, fromPath: string, to: Vfs, toPath: string): void {
  const stat = from.lstat(fromPath);
  if (!stat) return;
  if (stat.kind === 'symlink') {
    to.symlink(from.readlink(fromPath), toPath);
  } else if (stat.kind === 'file') {
    to.writeFile(toPath, from.readFile(fromPath), { mode: stat.mode });
    to.chmod(toPath, stat.mode);
  } else {
    if (!to.stat(toPath)) to.mkdir(toPath, { mode: stat.mode });
    for (const name of from.readdir(fromPath)) {
      copyTree(from, `${fromPath === '/' ? '' : fromPath}/${name}`, to, `${toPath === '/' ? '' : toPath}/${name}`);
    }
  }
}
