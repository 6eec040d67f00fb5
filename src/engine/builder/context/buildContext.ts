/**
 * The build context as BuildKit sees it: the files under the context
 * directory minus `.dockerignore` exclusions, with content checksums that
 * cover path, mode, size and bytes (never mtime).
 */
import { digestOf } from '../../layers/digest.js';
import type { Vfs } from '../../../os/vfs.js';
import { globToRegex, hasGlob, IgnoreMatcher } from './dockerignore.js';

export interface ContextEntry {
  /** Context-relative, `/`-separated, no leading slash. */
  readonly rel: string;
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly mode: number;
  readonly size: number;
}

/** One matched COPY source: a file, or a directory whose contents are copied. */
export interface SelectedSource {
  readonly root: ContextEntry;
  /** The root itself for a file; every entry below it (parents first) for a directory. */
  readonly entries: readonly ContextEntry[];
}

export class BuildContext {
  private readonly hashes = new Map<string, string>();

  private constructor(
    private readonly fs: Vfs,
    readonly dir: string,
    readonly entries: ReadonlyMap<string, ContextEntry>,
    readonly ignore: IgnoreMatcher,
  ) {}

  /** Reads `<Dockerfile>.dockerignore` (preferred) or `.dockerignore`, then walks the context. */
  static load(fs: Vfs, dir: string, dockerfile: string): { context: BuildContext; ignoreFileSize: number } {
    let ignoreText = '';
    for (const candidate of [`${dockerfile}.dockerignore`, `${dir === '/' ? '' : dir}/.dockerignore`]) {
      const st = fs.stat(candidate);
      if (st?.kind === 'file') {
        ignoreText = new TextDecoder().decode(fs.readFile(candidate));
        break;
      }
    }
    const ignore = new IgnoreMatcher(ignoreText);
    const entries = new Map<string, ContextEntry>();
    // `pending`: excluded directories above the current one; like fsutil's walker, they are sent
    // after all when something below them is re-included, so the file has its parents.
    const visit = (abs: string, rel: string, pending: readonly ContextEntry[]): void => {
      for (const name of fs.readdir(abs)) {
        const path = abs === '/' ? `/${name}` : `${abs}/${name}`;
        const childRel = rel === '' ? name : `${rel}/${name}`;
        const st = fs.lstat(path);
        if (!st) continue;
        const entry: ContextEntry = { rel: childRel, path, kind: st.kind, mode: st.mode, size: st.size };
        const excluded = ignore.excludes(childRel);
        if (!excluded) {
          for (const parent of pending) entries.set(parent.rel, parent);
          entries.set(childRel, entry);
        }
        // An excluded directory is still walked when an exception might re-include something below it.
        if (st.kind === 'dir' && (!excluded || ignore.hasExceptions)) visit(path, childRel, excluded ? [...pending.filter((p) => !entries.has(p.rel)), entry] : []);
      }
    };
    visit(dir, '', []);
    return { context: new BuildContext(fs, dir, entries, ignore), ignoreFileSize: new TextEncoder().encode(ignoreText).length };
  }

  /** Bytes of every included file, what `transferring context:` reports on a first transfer. */
  totalSize(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.kind === 'file') n += e.size;
    return n;
  }

  read(entry: ContextEntry): Uint8Array {
    return this.fs.readFile(entry.path);
  }

  readlink(entry: ContextEntry): string {
    return this.fs.readlink(entry.path);
  }

  /** Checksum of one entry: a tar-like header (kind, mode, size) plus the content. */
  hash(entry: ContextEntry): string {
    let h = this.hashes.get(entry.rel);
    if (h === undefined) {
      const header = `${entry.kind}\0${entry.mode.toString(8)}\0${entry.size}\0`;
      if (entry.kind === 'file') h = digestOf([header, this.read(entry)]);
      else if (entry.kind === 'symlink') h = digestOf([header, this.readlink(entry)]);
      else h = digestOf([header]);
      this.hashes.set(entry.rel, h);
    }
    return h;
  }

  /**
   * Resolves a COPY source as written (`.`, `src/`, `package*.json`). Returns
   * undefined when nothing matches, which BuildKit reports as `"/x": not found`.
   */
  select(source: string): SelectedSource[] | undefined {
    const clean = cleanRel(source);
    let roots: ContextEntry[];
    if (clean === '') {
      roots = [{ rel: '', path: this.dir, kind: 'dir', mode: 0o755, size: 0 }];
    } else if (hasGlob(clean)) {
      const re = globToRegex(clean);
      roots = [...this.entries.values()].filter((e) => re.test(e.rel));
    } else {
      const e = this.entries.get(clean);
      roots = e ? [e] : [];
    }
    if (roots.length === 0) return undefined;
    return roots.map((root) => ({ root, entries: root.kind === 'dir' ? this.below(root.rel) : [root] }));
  }

  private below(rel: string): ContextEntry[] {
    const prefix = rel === '' ? '' : `${rel}/`;
    const out: ContextEntry[] = [];
    for (const e of this.entries.values()) if (e.rel.startsWith(prefix) && e.rel !== rel) out.push(e);
    return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  }
}

/** Context-relative form of a source path: leading `/` and `./` dropped, `..` cannot escape. */
export function cleanRel(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
