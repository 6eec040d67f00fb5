/**
 * The merged, read-only view of a layer stack: whiteouts and opaque dirs
 * applied, plus a children index for readdir. Views are immutable once built
 * and are cached per ChainID, so starting a container or a build step over an
 * already-seen stack costs one map lookup instead of a merge.
 */
import type { Layer, LayerEntry } from '../../context.js';
import { childPath, parentOf, baseOf } from './paths.js';

export type LowerEntry = Extract<LayerEntry, { type: 'file' | 'dir' | 'symlink' }>;

const ROOT: LowerEntry = { type: 'dir', mode: 0o755, uid: 0, gid: 0 };

export class LowerView {
  private constructor(
    readonly entries: Map<string, LowerEntry>,
    private readonly kids: Map<string, Set<string>>,
  ) {}

  static empty(): LowerView {
    return new LowerView(new Map([['/', ROOT]]), new Map([['/', new Set()]]));
  }

  get(path: string): LowerEntry | undefined {
    return this.entries.get(path);
  }

  children(dir: string): ReadonlySet<string> | undefined {
    return this.kids.get(dir);
  }

  /** A new view with `layer` applied on top of this one; this view is unchanged. */
  apply(layer: Layer): LowerView {
    const next = new LowerView(new Map(this.entries), new Map(this.kids));
    const owned = new Set<string>();
    const kidsOf = (dir: string): Set<string> => {
      let set = next.kids.get(dir);
      if (!owned.has(dir)) {
        set = new Set(set ?? []);
        next.kids.set(dir, set);
        owned.add(dir);
      }
      return set!;
    };
    const removeTree = (path: string): void => {
      const entry = next.entries.get(path);
      if (!entry) return;
      if (entry.type === 'dir') {
        for (const name of next.kids.get(path) ?? []) removeTree(childPath(path, name));
        next.kids.delete(path);
        owned.delete(path);
      }
      next.entries.delete(path);
      if (path !== '/') kidsOf(parentOf(path)).delete(baseOf(path));
    };
    const ensureDir = (path: string): void => {
      const existing = next.entries.get(path);
      if (existing?.type === 'dir') return;
      if (existing) removeTree(path);
      ensureDir(parentOf(path));
      next.entries.set(path, { type: 'dir', mode: 0o755, uid: 0, gid: 0 });
      kidsOf(parentOf(path)).add(baseOf(path));
      kidsOf(path);
    };
    const put = (path: string, entry: LowerEntry): void => {
      const existing = next.entries.get(path);
      if (path === '/') {
        if (entry.type === 'dir') next.entries.set('/', entry);
        return;
      }
      // A dir over a dir merges; anything else replaces the lower node and its subtree.
      if (existing && !(existing.type === 'dir' && entry.type === 'dir')) removeTree(path);
      ensureDir(parentOf(path));
      next.entries.set(path, entry);
      kidsOf(parentOf(path)).add(baseOf(path));
      if (entry.type === 'dir') kidsOf(path);
    };
    // Deletions first: a layer's whiteouts and opaque markers refer to the lower layers only.
    for (const [path, entry] of layer.entries) {
      if (entry.type === 'whiteout') removeTree(path);
      else if (entry.type === 'opaque') {
        for (const name of [...(next.kids.get(path) ?? [])]) removeTree(childPath(path, name));
      }
    }
    const sorted = [...layer.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [path, entry] of sorted) {
      if (entry.type === 'whiteout') continue;
      put(path, entry.type === 'opaque' ? { type: 'dir', mode: entry.mode, uid: 0, gid: 0 } : entry);
    }
    return next;
  }
}
