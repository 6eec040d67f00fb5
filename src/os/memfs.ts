/**
 * The in-memory file system: the student's workspace, and the writable upper
 * of every container and RUN step. Paths resolve like Linux does, component by
 * component, so symlinks in the middle of a path and `..` after a symlink
 * behave as they would in a real container.
 */
import { FsError } from './vfs.js';
import type { FileKind, Stat, Vfs, WriteOptions } from './vfs.js';

interface Meta {
  mode: number;
  mtime: number;
  uid: number;
  gid: number;
}
interface DirNode extends Meta {
  readonly kind: 'dir';
  readonly children: Map<string, Node>;
}
interface FileNode extends Meta {
  readonly kind: 'file';
  data: Uint8Array;
}
interface LinkNode extends Meta {
  readonly kind: 'symlink';
  readonly target: string;
}
type Node = DirNode | FileNode | LinkNode;

/** One path of a tree listing or snapshot; `data` for files, `target` for symlinks. */
export interface TreeEntry {
  /** Absolute path; the root itself is not listed. */
  readonly path: string;
  readonly kind: FileKind;
  readonly mode: number;
  readonly mtime: number;
  readonly uid: number;
  readonly gid: number;
  readonly data?: Uint8Array;
  readonly target?: string;
}

/** A serialisable copy of a whole MemFs (structured-clone friendly, for persistence). */
export interface TreeSnapshot {
  readonly version: 1;
  readonly entries: readonly TreeEntry[];
}

export interface MemFsOptions {
  /** Source of mtimes; defaults to a constant 0 so that tests stay deterministic. */
  readonly now?: () => number;
  /** Owner of new nodes (default root, 0:0). */
  readonly uid?: number;
  readonly gid?: number;
}

/** Linux gives up after 40 symlink hops (MAXSYMLINKS). */
const MAX_LINK_HOPS = 40;

interface Resolved {
  /** The directory holding the final component. */
  readonly dir: DirNode;
  /** The final component's name; '' when the path names a directory reached through `/` or `..`. */
  readonly name: string;
  readonly node: Node | undefined;
}

const encoder = new TextEncoder();

export class MemFs implements Vfs {
  private readonly root: DirNode;
  private readonly now: () => number;
  private readonly uid: number;
  private readonly gid: number;

  constructor(options: MemFsOptions = {}) {
    this.now = options.now ?? (() => 0);
    this.uid = options.uid ?? 0;
    this.gid = options.gid ?? 0;
    this.root = this.newDir(0o755);
  }

  /** Rebuilds a file system from `snapshotTree()` output or any entry list (parents first). */
  static fromTree(tree: TreeSnapshot | readonly TreeEntry[], options: MemFsOptions = {}): MemFs {
    const fs = new MemFs(options);
    const entries: readonly TreeEntry[] = isEntryList(tree) ? tree : tree.entries;
    for (const e of entries) fs.restore(e);
    // Metadata goes on in a second pass: creating a child bumps its parent's mtime.
    for (const e of entries) fs.restoreMeta(e);
    return fs;
  }

  stat(path: string): Stat | null {
    return this.statOf(path, true);
  }

  lstat(path: string): Stat | null {
    return this.statOf(path, false);
  }

  readFile(path: string): Uint8Array {
    const { node } = this.resolve(path, true, 'open');
    if (!node) throw new FsError('ENOENT', path, 'open');
    if (node.kind === 'dir') throw new FsError('EISDIR', path, 'read');
    return (node as FileNode).data.slice();
  }

  writeFile(path: string, data: Uint8Array | string, options: WriteOptions = {}): void {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data.slice();
    const { dir, name, node } = this.resolve(path, true, 'open');
    if (node?.kind === 'dir' || (!node && name === '')) throw new FsError('EISDIR', path, 'open');
    if (node) {
      const file = node as FileNode;
      file.data = options.append ? concat(file.data, bytes) : bytes;
      file.mtime = this.now();
      return;
    }
    dir.children.set(name, { kind: 'file', data: bytes, ...this.meta(options.mode ?? 0o644) });
    dir.mtime = this.now();
  }

  mkdir(path: string, options: { readonly recursive?: boolean; readonly mode?: number } = {}): void {
    const mode = options.mode ?? 0o755;
    if (!options.recursive) {
      const { dir, name, node } = this.resolve(path, false, 'mkdir');
      if (node || name === '') throw new FsError('EEXIST', path, 'mkdir');
      dir.children.set(name, this.newDir(mode));
      dir.mtime = this.now();
      return;
    }
    const parts = path.split('/').filter((p) => p !== '');
    let prefix = '';
    for (const [i, part] of parts.entries()) {
      prefix += '/' + part;
      const { dir, name, node } = this.resolve(prefix, true, 'mkdir');
      if (node) {
        if (node.kind !== 'dir') throw new FsError(i === parts.length - 1 ? 'EEXIST' : 'ENOTDIR', path, 'mkdir');
        continue;
      }
      if (name === '') continue;
      dir.children.set(name, this.newDir(mode));
      dir.mtime = this.now();
    }
  }

  readdir(path: string): string[] {
    const { node } = this.resolve(path, true, 'scandir');
    if (!node) throw new FsError('ENOENT', path, 'scandir');
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path, 'scandir');
    return [...node.children.keys()].sort();
  }

  rm(path: string, options: { readonly recursive?: boolean; readonly force?: boolean } = {}): void {
    let found: Resolved;
    try {
      found = this.resolve(path, false, 'rm');
    } catch (e) {
      if (options.force && e instanceof FsError && e.code === 'ENOENT') return;
      throw e;
    }
    const { dir, name, node } = found;
    if (!node) {
      if (options.force) return;
      throw new FsError('ENOENT', path, 'rm');
    }
    if (node.kind === 'dir' && !options.recursive) throw new FsError('EISDIR', path, 'rm');
    if (name === '') {
      // The root (or a path ending in `..`) cannot be unlinked; emptying it is what a recursive rm achieves.
      if (node.kind === 'dir') node.children.clear();
      return;
    }
    dir.children.delete(name);
    dir.mtime = this.now();
  }

  rename(from: string, to: string): void {
    const src = this.resolve(from, false, 'rename');
    if (!src.node || src.name === '') throw new FsError(src.node ? 'EINVAL' : 'ENOENT', from, 'rename');
    const dst = this.resolve(to, false, 'rename');
    if (dst.name === '') throw new FsError('EISDIR', to, 'rename');
    if (dst.node === src.node) return;
    if (src.node.kind === 'dir' && contains(src.node, dst.dir)) throw new FsError('EINVAL', from, 'rename');
    if (dst.node) {
      if (dst.node.kind === 'dir' && src.node.kind !== 'dir') throw new FsError('EISDIR', to, 'rename');
      if (dst.node.kind !== 'dir' && src.node.kind === 'dir') throw new FsError('ENOTDIR', to, 'rename');
      if (dst.node.kind === 'dir' && dst.node.children.size > 0) throw new FsError('ENOTEMPTY', to, 'rename');
    }
    src.dir.children.delete(src.name);
    dst.dir.children.set(dst.name, src.node);
    src.dir.mtime = dst.dir.mtime = this.now();
  }

  symlink(target: string, path: string): void {
    const { dir, name, node } = this.resolve(path, false, 'symlink');
    if (node || name === '') throw new FsError('EEXIST', path, 'symlink');
    dir.children.set(name, { kind: 'symlink', target, ...this.meta(0o777) });
    dir.mtime = this.now();
  }

  readlink(path: string): string {
    const { node } = this.resolve(path, false, 'readlink');
    if (!node) throw new FsError('ENOENT', path, 'readlink');
    if (node.kind !== 'symlink') throw new FsError('EINVAL', path, 'readlink');
    return node.target;
  }

  chmod(path: string, mode: number): void {
    const { node } = this.resolve(path, true, 'chmod');
    if (!node) throw new FsError('ENOENT', path, 'chmod');
    node.mode = mode & 0o7777;
  }

  /** Changes owner (follows symlinks), for COPY --chown and USER. */
  chown(path: string, uid: number, gid: number): void {
    const { node } = this.resolve(path, true, 'chown');
    if (!node) throw new FsError('ENOENT', path, 'chown');
    node.uid = uid;
    node.gid = gid;
  }

  /** Sets the modification time (follows symlinks), for `touch` of an existing file. */
  utimes(path: string, mtime: number): void {
    const { node } = this.resolve(path, true, 'utime');
    if (!node) throw new FsError('ENOENT', path, 'utime');
    node.mtime = mtime;
  }

  /** Every path under `root` (default `/`), parents before children, siblings sorted. */
  entries(root = '/'): TreeEntry[] {
    const start = this.resolve(root, true, 'scandir').node;
    if (!start) throw new FsError('ENOENT', root, 'scandir');
    const out: TreeEntry[] = [];
    const visit = (node: Node, path: string): void => {
      if (node.kind !== 'dir') return;
      for (const name of [...node.children.keys()].sort()) {
        const child = node.children.get(name)!;
        const childPath = path === '/' ? `/${name}` : `${path}/${name}`;
        out.push(entryOf(child, childPath));
        visit(child, childPath);
      }
    };
    visit(start, root === '/' ? '/' : root.replace(/\/+$/, ''));
    return out;
  }

  snapshotTree(): TreeSnapshot {
    return { version: 1, entries: this.entries('/') };
  }

  private restore(e: TreeEntry): void {
    if (e.kind === 'dir') this.mkdir(e.path, { recursive: true, mode: e.mode });
    else if (e.kind === 'symlink') this.symlink(e.target ?? '', e.path);
    else this.writeFile(e.path, e.data ?? new Uint8Array(0), { mode: e.mode });
  }

  private restoreMeta(e: TreeEntry): void {
    const { node } = this.resolve(e.path, false, 'open');
    if (node) Object.assign(node, { mode: e.mode, mtime: e.mtime, uid: e.uid, gid: e.gid });
  }

  private statOf(path: string, follow: boolean): Stat | null {
    let node: Node | undefined;
    try {
      node = this.resolve(path, follow, 'stat').node;
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
    if (!node) return null;
    const size = node.kind === 'file' ? node.data.length : node.kind === 'symlink' ? encoder.encode(node.target).length : 0;
    return { kind: node.kind, mode: node.mode, size, mtime: node.mtime, uid: node.uid, gid: node.gid };
  }

  private meta(mode: number): Meta {
    return { mode, mtime: this.now(), uid: this.uid, gid: this.gid };
  }

  private newDir(mode: number): DirNode {
    return { kind: 'dir', children: new Map(), ...this.meta(mode) };
  }

  /**
   * Walks `path` from the root. Intermediate symlinks are always followed; the
   * last one only when `followLast`. A missing last component is not an error
   * (callers decide); a missing or non-directory middle one is.
   */
  private resolve(path: string, followLast: boolean, syscall: string): Resolved {
    if (!path.startsWith('/')) throw new FsError('EINVAL', path, syscall);
    const queue = components(path);
    const stack: DirNode[] = [this.root];
    let hops = 0;
    while (queue.length > 0) {
      const part = queue.shift()!;
      const dir = stack[stack.length - 1];
      if (part === '..') {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const isLast = queue.length === 0;
      const child = dir.children.get(part);
      if (!child) {
        if (isLast) return { dir, name: part, node: undefined };
        throw new FsError('ENOENT', path, syscall);
      }
      if (child.kind === 'symlink' && (!isLast || followLast)) {
        if (++hops > MAX_LINK_HOPS) throw new FsError('ELOOP', path, syscall);
        if (child.target.startsWith('/')) stack.length = 1;
        queue.unshift(...components(child.target));
        continue;
      }
      if (isLast) return { dir, name: part, node: child };
      if (child.kind !== 'dir') throw new FsError('ENOTDIR', path, syscall);
      stack.push(child);
    }
    const top = stack[stack.length - 1];
    return { dir: stack[stack.length - 2] ?? top, name: '', node: top };
  }
}

function components(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function contains(dir: DirNode, target: DirNode): boolean {
  if (dir === target) return true;
  for (const child of dir.children.values()) if (child.kind === 'dir' && contains(child, target)) return true;
  return false;
}

function entryOf(node: Node, path: string): TreeEntry {
  const base = { path, kind: node.kind, mode: node.mode, mtime: node.mtime, uid: node.uid, gid: node.gid };
  if (node.kind === 'file') return { ...base, data: node.data.slice() };
  if (node.kind === 'symlink') return { ...base, target: node.target };
  return base;
}

function isEntryList(tree: TreeSnapshot | readonly TreeEntry[]): tree is readonly TreeEntry[] {
  return Array.isArray(tree);
}
