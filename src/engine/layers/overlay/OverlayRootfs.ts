/**
 * A container's (or build step's) root filesystem: a cached read-only
 * LowerView plus a writable upper, with overlayfs semantics. Writes copy the
 * file (and its parent directories) up; deletions of lower paths leave
 * whiteouts; a directory re-created over a deleted one is opaque. Lookups are
 * index hits on the upper map and the lower view, never a copy.
 */
import type { LayerEntry, WritableRootfs } from '../../context.js';
import { FsError, type Stat, type WriteOptions } from '../../../os/vfs.js';
import type { LowerEntry, LowerView } from './LowerView.js';
import { ancestors, baseOf, childPath, components, normalizeAbs, parentOf } from './paths.js';

interface UpperNode {
  readonly entry: LayerEntry;
  readonly mtime: number;
}

type Node = { readonly entry: LowerEntry; readonly mtime: number };

const MAX_SYMLINKS = 40;
const encoder = new TextEncoder();

export class OverlayRootfs implements WritableRootfs {
  private readonly upper = new Map<string, UpperNode>();
  private readonly upperKids = new Map<string, Set<string>>();
  /** Upper entries that hide lower descendants (whiteouts, opaque dirs, non-dirs); ancestor checks are skipped while zero. */
  private hiders = 0;
  /** Files the daemon bind-mounts over the rootfs (/etc/hostname, /etc/hosts): visible, but not container changes. */
  private readonly mounts = new Set<string>();

  constructor(
    private readonly lower: LowerView,
    private readonly now: () => number,
    /** mtime reported for lower files (the image's creation time). */
    private readonly lowerMtime = 0,
  ) {}

  // ------------------------------------------------------------ lookups

  /** The merged node at a normalised path, without following symlinks. */
  private node(path: string): Node | null {
    const up = this.upper.get(path);
    if (up) {
      if (up.entry.type === 'whiteout') return null;
      if (up.entry.type === 'opaque') return { entry: { type: 'dir', mode: up.entry.mode, uid: 0, gid: 0 }, mtime: up.mtime };
      return { entry: up.entry, mtime: up.mtime };
    }
    if (this.hiddenInLower(path)) return null;
    const low = this.lower.get(path);
    return low ? { entry: low, mtime: this.lowerMtime } : null;
  }

  private hiddenInLower(path: string): boolean {
    if (this.hiders === 0) return false;
    for (const a of ancestors(path)) {
      const up = this.upper.get(a);
      if (up && up.entry.type !== 'dir') return true;
    }
    return false;
  }

  /** Resolves symlinks in every component (and the last one when `follow`). */
  private resolve(input: string, follow: boolean, syscall: string): { path: string; node: Node | null } {
    let parts = components(input);
    let hops = 0;
    for (;;) {
      let current = '/';
      let restarted = false;
      for (let i = 0; i < parts.length; i++) {
        const path = childPath(current, parts[i]);
        const node = this.node(path);
        const last = i === parts.length - 1;
        if (!node) {
          if (last) return { path, node: null };
          throw new FsError('ENOENT', input, syscall);
        }
        if (node.entry.type === 'symlink' && (!last || follow)) {
          if (++hops > MAX_SYMLINKS) throw new FsError('ELOOP', input, syscall);
          const target = node.entry.target;
          // `current` has no symlinks left, so `..` in a relative target resolves lexically against it.
          const base = target.startsWith('/') ? components(target) : components(`${current}/${target}`);
          parts = [...base, ...parts.slice(i + 1)];
          restarted = true;
          break;
        }
        if (!last && node.entry.type !== 'dir') throw new FsError('ENOTDIR', input, syscall);
        if (last) return { path, node };
        current = path;
      }
      if (!restarted) return { path: '/', node: this.node('/') };
    }
  }

  private toStat(node: Node): Stat {
    const e = node.entry;
    switch (e.type) {
      case 'file':
        return { kind: 'file', mode: e.mode, size: e.data.length, mtime: node.mtime, uid: e.uid, gid: e.gid };
      case 'dir':
        return { kind: 'dir', mode: e.mode, size: 0, mtime: node.mtime, uid: e.uid, gid: e.gid };
      case 'symlink':
        return { kind: 'symlink', mode: 0o777, size: e.target.length, mtime: node.mtime, uid: 0, gid: 0 };
    }
  }

  stat(path: string): Stat | null {
    try {
      const { node } = this.resolve(path, true, 'stat');
      return node ? this.toStat(node) : null;
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
  }

  lstat(path: string): Stat | null {
    try {
      const { node } = this.resolve(path, false, 'lstat');
      return node ? this.toStat(node) : null;
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
  }

  readFile(path: string): Uint8Array {
    const { node } = this.resolve(path, true, 'open');
    if (!node) throw new FsError('ENOENT', path, 'open');
    if (node.entry.type === 'dir') throw new FsError('EISDIR', path, 'read');
    return (node.entry as Extract<LowerEntry, { type: 'file' }>).data;
  }

  readdir(path: string): string[] {
    const { path: dir, node } = this.resolve(path, true, 'scandir');
    if (!node) throw new FsError('ENOENT', path, 'scandir');
    if (node.entry.type !== 'dir') throw new FsError('ENOTDIR', path, 'scandir');
    const names = new Set<string>();
    const up = this.upper.get(dir);
    if (!(up && up.entry.type === 'opaque') && !this.hiddenInLower(dir) && !(up && up.entry.type !== 'dir')) {
      for (const name of this.lower.children(dir) ?? []) {
        const child = this.upper.get(childPath(dir, name));
        if (child?.entry.type !== 'whiteout') names.add(name);
      }
    }
    for (const name of this.upperKids.get(dir) ?? []) {
      if (this.upper.get(childPath(dir, name))?.entry.type !== 'whiteout') names.add(name);
    }
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  readlink(path: string): string {
    const { node } = this.resolve(path, false, 'readlink');
    if (!node) throw new FsError('ENOENT', path, 'readlink');
    if (node.entry.type !== 'symlink') throw new FsError('EINVAL', path, 'readlink');
    return node.entry.target;
  }

  // ------------------------------------------------------------ upper writes

  private setUpper(path: string, entry: LayerEntry): void {
    const before = this.upper.get(path);
    if (before && before.entry.type !== 'dir') this.hiders--;
    if (entry.type !== 'dir') this.hiders++;
    this.upper.set(path, { entry, mtime: this.now() });
    if (path !== '/') {
      const parent = parentOf(path);
      let kids = this.upperKids.get(parent);
      if (!kids) this.upperKids.set(parent, (kids = new Set()));
      kids.add(baseOf(path));
    }
  }

  private dropUpper(path: string): void {
    const before = this.upper.get(path);
    if (!before) return;
    if (before.entry.type !== 'dir') this.hiders--;
    for (const name of [...(this.upperKids.get(path) ?? [])]) this.dropUpper(childPath(path, name));
    this.upperKids.delete(path);
    this.upper.delete(path);
    this.upperKids.get(parentOf(path))?.delete(baseOf(path));
  }

  /** Copies directory metadata up for every ancestor, as overlayfs does before a child changes. */
  private copyUpParents(path: string): void {
    const chain = [...ancestors(path)].reverse();
    for (const dir of chain) {
      if (this.upper.has(dir)) continue;
      const node = this.node(dir);
      if (node?.entry.type === 'dir') this.setUpper(dir, node.entry);
    }
  }

  /** Whether a lower node is visible at `path` (so a delete needs a whiteout). */
  private lowerVisible(path: string): boolean {
    return this.lower.get(path) !== undefined && !this.hiddenInLower(path) && this.upper.get(path)?.entry.type !== 'opaque';
  }

  private requireParentDir(path: string, original: string, syscall: string): void {
    const { node } = this.resolve(parentOf(path), true, syscall);
    if (!node) throw new FsError('ENOENT', original, syscall);
    if (node.entry.type !== 'dir') throw new FsError('ENOTDIR', original, syscall);
  }

  writeFile(path: string, data: Uint8Array | string, options: WriteOptions = {}): void {
    const { path: target, node } = this.resolve(path, true, 'open');
    if (node?.entry.type === 'dir') throw new FsError('EISDIR', path, 'open');
    if (!node) this.requireParentDir(target, path, 'open');
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    const old = node?.entry.type === 'file' ? node.entry : undefined;
    let content = bytes;
    if (options.append && old) {
      content = new Uint8Array(old.data.length + bytes.length);
      content.set(old.data);
      content.set(bytes, old.data.length);
    }
    this.copyUpParents(target);
    this.setUpper(target, { type: 'file', data: content, mode: old?.mode ?? options.mode ?? 0o644, uid: old?.uid ?? 0, gid: old?.gid ?? 0 });
  }

  mkdir(path: string, options: { readonly recursive?: boolean; readonly mode?: number } = {}): void {
    if (!options.recursive) {
      this.mkdirOne(path, path, options.mode);
      return;
    }
    let prefix = '';
    for (const part of components(path)) {
      prefix += `/${part}`;
      const st = this.stat(prefix);
      if (!st) this.mkdirOne(prefix, path, options.mode);
      else if (st.kind !== 'dir') throw new FsError(prefix === normalizeAbs(path) ? 'EEXIST' : 'ENOTDIR', path, 'mkdir');
    }
  }

  private mkdirOne(path: string, original: string, mode = 0o755): void {
    const { path: target, node } = this.resolve(path, true, 'mkdir');
    if (node) throw new FsError('EEXIST', original, 'mkdir');
    this.requireParentDir(target, original, 'mkdir');
    this.copyUpParents(target);
    // Re-creating a deleted lower directory must not resurrect its old contents.
    const wasWhiteout = this.upper.get(target)?.entry.type === 'whiteout';
    this.setUpper(target, wasWhiteout ? { type: 'opaque', mode } : { type: 'dir', mode, uid: 0, gid: 0 });
  }

  rm(path: string, options: { readonly recursive?: boolean; readonly force?: boolean } = {}): void {
    let resolved: { path: string; node: Node | null };
    try {
      resolved = this.resolve(path, false, 'rm');
    } catch (e) {
      if (options.force && e instanceof FsError && e.code === 'ENOENT') return;
      throw e;
    }
    const { path: target, node } = resolved;
    if (!node) {
      if (options.force) return;
      throw new FsError('ENOENT', path, 'rm');
    }
    if (target === '/') throw new FsError('EINVAL', path, 'rm');
    if (node.entry.type === 'dir' && !options.recursive) {
      if (this.readdir(target).length > 0) throw new FsError('ENOTEMPTY', path, 'rm');
      throw new FsError('EISDIR', path, 'rm');
    }
    const needsWhiteout = this.lowerVisible(target);
    this.dropUpper(target);
    if (needsWhiteout) {
      this.copyUpParents(target);
      this.setUpper(target, { type: 'whiteout' });
    }
  }

  rename(from: string, to: string): void {
    const src = this.resolve(from, false, 'rename');
    if (!src.node) throw new FsError('ENOENT', from, 'rename');
    const dst = this.resolve(to, false, 'rename');
    if (!dst.node) this.requireParentDir(dst.path, to, 'rename');
    if (dst.path === src.path) return;
    if (dst.path.startsWith(`${src.path}/`)) throw new FsError('EINVAL', to, 'rename');
    if (dst.node?.entry.type === 'dir') {
      if (src.node.entry.type !== 'dir') throw new FsError('EISDIR', to, 'rename');
      if (this.readdir(dst.path).length > 0) throw new FsError('ENOTEMPTY', to, 'rename');
    } else if (dst.node && src.node.entry.type === 'dir') {
      throw new FsError('ENOTDIR', to, 'rename');
    }
    // Collect the merged subtree before anything changes, then write it at the destination.
    const moved: [string, LowerEntry][] = [];
    const collect = (path: string, rel: string): void => {
      const n = this.node(path)!;
      moved.push([rel, n.entry]);
      if (n.entry.type === 'dir') for (const name of this.readdir(path)) collect(childPath(path, name), `${rel}/${name}`);
    };
    collect(src.path, '');
    if (dst.node) this.rm(dst.path, { recursive: true });
    this.rm(src.path, { recursive: true });
    for (const [rel, entry] of moved) {
      const path = dst.path + rel;
      this.copyUpParents(path);
      const wasWhiteout = this.upper.get(path)?.entry.type === 'whiteout';
      this.setUpper(path, entry.type === 'dir' && (wasWhiteout || this.lowerVisible(path)) ? { type: 'opaque', mode: entry.mode } : entry);
    }
  }

  symlink(target: string, path: string): void {
    const { path: at, node } = this.resolve(path, false, 'symlink');
    if (node) throw new FsError('EEXIST', path, 'symlink');
    this.requireParentDir(at, path, 'symlink');
    this.copyUpParents(at);
    this.setUpper(at, { type: 'symlink', target });
  }

  chmod(path: string, mode: number): void {
    const { path: at, node } = this.resolve(path, true, 'chmod');
    if (!node) throw new FsError('ENOENT', path, 'chmod');
    const e = node.entry;
    if (e.type === 'symlink') return;
    this.copyUpParents(at);
    const up = this.upper.get(at);
    if (up?.entry.type === 'opaque') this.setUpper(at, { type: 'opaque', mode: mode & 0o7777 });
    else this.setUpper(at, { ...e, mode: mode & 0o7777 });
  }

  // ------------------------------------------------------------ changes

  diff(): Map<string, LayerEntry> {
    const out = new Map<string, LayerEntry>();
    for (const [path, node] of this.upper) if (!this.mounts.has(path)) out.set(path, node.entry);
    return out;
  }

  /** Places a daemon-managed file (a bind mount in Docker): readable and writable, left out of diff() and upperSize(). */
  mountFile(path: string, data: string): void {
    const abs = normalizeAbs(path);
    const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (!this.stat(dir)) this.mkdir(dir, { recursive: true });
    this.writeFile(abs, data);
    this.mounts.add(abs);
  }

  upperSize(): number {
    let size = 0;
    for (const [path, { entry }] of this.upper) {
      if (this.mounts.has(path)) continue;
      if (entry.type === 'file') size += entry.data.length;
      else if (entry.type === 'symlink') size += entry.target.length;
    }
    return size;
  }

  /** `docker diff` rows: A(dded), C(hanged), D(eleted), sorted by path. */
  changes(): { readonly kind: 'A' | 'C' | 'D'; readonly path: string }[] {
    const out: { kind: 'A' | 'C' | 'D'; path: string }[] = [];
    for (const [path, node] of this.upper) {
      if (path === '/') continue;
      const inLower = this.lower.get(path) !== undefined && !this.hiddenInLower(path);
      if (node.entry.type === 'whiteout') out.push({ kind: 'D', path });
      else out.push({ kind: inLower ? 'C' : 'A', path });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Replays a saved upper (from `diff()`), e.g. when a container is restored from a snapshot. */
  load(entries: ReadonlyMap<string, LayerEntry>): void {
    for (const path of [...entries.keys()].sort()) this.setUpper(normalizeAbs(path), entries.get(path)!);
  }
}
