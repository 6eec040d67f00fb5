/**
 * The filesystem side of COPY/ADD and WORKDIR: writing selected entries into
 * an overlay of the parent layers and turning its diff into a layer.
 */
import type { ImageStore, Layer, LayerEntry } from '../../context.js';
import type { Vfs } from '../../../os/vfs.js';
import type { CopyRoot } from './copySources.js';

export interface CopyTarget {
  /** Absolute destination, trailing `/` kept (it means "into this directory"). */
  readonly dest: string;
  readonly chmod?: number;
  readonly chown?: { readonly uid: number; readonly gid: number };
}

export function normalizeAbs(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

export function copyIntoLayer(images: ImageStore, parent: readonly Layer[], roots: readonly CopyRoot[], target: CopyTarget, heredocs: readonly { name: string; content: string }[] = []): Layer {
  const fs = images.rootfs(parent);
  const written = new Set<string>();
  const destAbs = normalizeAbs(target.dest);
  const many = roots.length + heredocs.length > 1;
  const intoDir = target.dest.endsWith('/') || many || fs.stat(destAbs)?.kind === 'dir' || roots.some((r) => r.isDir);
  mkdirs(fs, intoDir ? destAbs : parentDir(destAbs), written);
  for (const root of roots) {
    for (const e of root.entries) {
      const path = root.isDir ? join(destAbs, e.rel) : intoDir ? join(destAbs, e.rel) : destAbs;
      writeEntry(fs, path, e.kind, target.chmod ?? e.mode, e.kind === 'file' ? e.read() : undefined, e.target);
      written.add(path);
    }
  }
  for (const h of heredocs) {
    const path = intoDir ? join(destAbs, h.name) : destAbs;
    writeEntry(fs, path, 'file', target.chmod ?? 0o644, new TextEncoder().encode(h.content));
    written.add(path);
  }
  const diff = fs.diff();
  if (target.chown) chownEntries(diff, written, target.chown);
  return images.createLayer(diff);
}

/** WORKDIR's `mkdir -p`; an existing directory gives an empty layer, as in BuildKit. */
export function mkdirLayer(images: ImageStore, parent: readonly Layer[], path: string, owner?: { uid: number; gid: number }): Layer {
  const fs = images.rootfs(parent);
  const written = new Set<string>();
  mkdirs(fs, path, written);
  const diff = fs.diff();
  if (owner) chownEntries(diff, written, owner);
  return images.createLayer(diff);
}

function writeEntry(fs: Vfs, path: string, kind: 'file' | 'dir' | 'symlink', mode: number, data?: Uint8Array, linkTarget?: string): void {
  const existing = fs.lstat(path);
  if (kind === 'dir') {
    if (existing?.kind !== 'dir') {
      if (existing) fs.rm(path, { recursive: true, force: true });
      fs.mkdir(path, { recursive: true, mode });
    }
    fs.chmod(path, mode);
    return;
  }
  if (existing?.kind === 'dir' || existing?.kind === 'symlink') fs.rm(path, { recursive: true, force: true });
  if (kind === 'symlink') {
    fs.symlink(linkTarget ?? '', path);
    return;
  }
  fs.writeFile(path, data ?? new Uint8Array(), { mode });
  fs.chmod(path, mode);
}

function mkdirs(fs: Vfs, path: string, written: Set<string>): void {
  let cur = '';
  for (const part of path.split('/').filter((p) => p !== '')) {
    cur += `/${part}`;
    if (fs.stat(cur)?.kind !== 'dir') {
      fs.mkdir(cur, { mode: 0o755 });
      written.add(cur);
    }
  }
}

function parentDir(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

function chownEntries(diff: Map<string, LayerEntry>, paths: ReadonlySet<string>, owner: { uid: number; gid: number }): void {
  for (const path of paths) {
    const e = diff.get(path);
    if (e && (e.type === 'file' || e.type === 'dir')) diff.set(path, { ...e, uid: owner.uid, gid: owner.gid });
  }
}

/**
 * `--chown=user:group` resolved against the target's /etc/passwd and
 * /etc/group, as BuildKit does; numbers pass through.
 */
export function resolveChown(fs: Vfs, spec: string): { uid: number; gid: number } | { error: string } {
  const [user, group] = spec.split(':');
  const lookup = (file: string, name: string): number | undefined => {
    if (/^\d+$/.test(name)) return Number(name);
    try {
      const text = new TextDecoder().decode(fs.readFile(file));
      for (const line of text.split('\n')) {
        const f = line.split(':');
        if (f[0] === name) return Number(f[2]);
      }
    } catch {
      // No passwd/group file: treat as unknown.
    }
    return undefined;
  };
  const uid = lookup('/etc/passwd', user);
  if (uid === undefined) return { error: `unable to convert uid/gid chown string to host mapping: can't find uid for user ${user}: no such user: ${user}` };
  if (group === undefined) {
    // Without a group, the user's primary group from /etc/passwd (or the uid) is used.
    let gid = uid;
    try {
      const line = new TextDecoder().decode(fs.readFile('/etc/passwd')).split('\n').find((l) => l.split(':')[0] === user);
      if (line) gid = Number(line.split(':')[3]);
    } catch {
      // keep gid = uid
    }
    return { uid, gid };
  }
  const gid = lookup('/etc/group', group);
  if (gid === undefined) return { error: `unable to convert uid/gid chown string to host mapping: can't find gid for group ${group}: no such group: ${group}` };
  return { uid, gid };
}
