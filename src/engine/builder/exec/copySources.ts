/**
 * Where COPY/ADD read from: the build context, or another stage's or image's
 * filesystem (`--from`). Both are turned into the same list of entries to
 * write, plus a checksum per file for the cache key.
 */
import type { Vfs } from '../../../os/vfs.js';
import { walkTree } from '../../../os/walk.js';
import type { BuildContext } from '../context/buildContext.js';
import { cleanRel } from '../context/buildContext.js';
import { globToRegex, hasGlob } from '../context/dockerignore.js';
import { digestOf } from '../../layers/digest.js';

export interface CopyEntry {
  /** Path relative to the destination (for a copied directory, relative to it; for a file, its base name). */
  readonly rel: string;
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly mode: number;
  readonly read: () => Uint8Array;
  readonly target?: string;
}

export interface CopyRoot {
  /** The source as the checksum names it, e.g. `/app.js`. */
  readonly name: string;
  readonly isDir: boolean;
  readonly entries: readonly CopyEntry[];
}

export interface SourceSet {
  readonly roots: readonly CopyRoot[];
  /** Checksum per selected file, keyed by its context path. */
  readonly files: Record<string, string>;
}

/** Selects sources from the build context; returns the first missing source's name on failure. */
export function selectFromContext(context: BuildContext, sources: readonly string[]): SourceSet | { readonly missing: string } {
  const roots: CopyRoot[] = [];
  const files: Record<string, string> = {};
  for (const source of sources) {
    const selected = context.select(source);
    if (!selected) return { missing: `/${cleanRel(source)}` };
    for (const { root, entries } of selected) {
      const isDir = root.kind === 'dir';
      const prefix = root.rel === '' ? '' : `${root.rel}/`;
      roots.push({
        name: `/${root.rel}`,
        isDir,
        entries: entries.map((e) => ({
          rel: isDir ? e.rel.slice(prefix.length) : baseName(e.rel),
          kind: e.kind,
          mode: e.mode,
          read: () => context.read(e),
          target: e.kind === 'symlink' ? context.readlink(e) : undefined,
        })),
      });
      for (const e of entries) files[e.kind === 'dir' ? `${e.rel}/` : e.rel] = context.hash(e);
    }
  }
  return { roots, files };
}

/** Selects absolute paths from another stage's or image's filesystem. */
export function selectFromFs(fs: Vfs, sources: readonly string[]): SourceSet | { readonly missing: string } {
  const roots: CopyRoot[] = [];
  const files: Record<string, string> = {};
  for (const source of sources) {
    const clean = `/${cleanRel(source)}`;
    let paths: string[];
    if (hasGlob(clean)) {
      const dir = clean.slice(0, clean.lastIndexOf('/')) || '/';
      const re = globToRegex(clean.slice(clean.lastIndexOf('/') + 1));
      paths = fs.stat(dir)?.kind === 'dir' ? fs.readdir(dir).filter((n) => re.test(n)).map((n) => (dir === '/' ? `/${n}` : `${dir}/${n}`)) : [];
    } else paths = fs.lstat(clean) ? [clean] : [];
    if (paths.length === 0) return { missing: clean };
    for (const path of paths) {
      const st = fs.stat(path)!;
      if (st.kind === 'dir') {
        const entries = walkTree(fs, path).map((w) => toEntry(fs, w.path, w.relative, w.stat.kind, w.stat.mode));
        roots.push({ name: path, isDir: true, entries });
      } else roots.push({ name: path, isDir: false, entries: [toEntry(fs, path, baseName(path), st.kind, st.mode)] });
    }
  }
  for (const root of roots) {
    for (const e of root.entries) {
      const key = `${root.name}/${e.rel}`;
      files[key] = e.kind === 'file' ? digestOf([`${e.mode}\0`, e.read()]) : `${e.kind}:${e.mode}:${e.target ?? ''}`;
    }
  }
  return { roots, files };
}

function toEntry(fs: Vfs, path: string, rel: string, kind: 'file' | 'dir' | 'symlink', mode: number): CopyEntry {
  return { rel, kind, mode, read: () => fs.readFile(path), target: kind === 'symlink' ? fs.readlink(path) : undefined };
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
