/**
 * Content-addressed layer storage. A layer is stored once per diffID and
 * shared by every image that lists it; `retain`/`release` count images, and a
 * layer disappears when the last image using it is deleted. Layers made by a
 * build step but not yet committed into an image are "loose": they dedupe
 * like stored ones but are not part of the store (nor of snapshots).
 *
 * Like the classic (graphdriver) store, stacks are also counted per ChainID,
 * so deleting an image reports `Deleted: <chainID>` for each stack it freed.
 */
import type { Layer, LayerEntry } from '../context.js';
import { chainIds, computeDiffId, contentSize } from './diffId.js';
import { LowerView } from './overlay/LowerView.js';

const VIEW_CACHE_LIMIT = 64;

export class LayerStore {
  private readonly stored = new Map<string, { layer: Layer; refs: number }>();
  private readonly loose = new Map<string, Layer>();
  private readonly chains = new Map<string, number>();
  private readonly views = new Map<string, LowerView>();

  /** Stores (or reuses) a layer built from `entries`. */
  create(entries: ReadonlyMap<string, LayerEntry>, declaredSize?: number): Layer {
    const diffId = computeDiffId(entries);
    const existing = this.get(diffId);
    if (existing) return existing;
    const layer: Layer = { diffId, size: declaredSize ?? contentSize(entries), entries: new Map(entries) };
    this.loose.set(diffId, layer);
    return layer;
  }

  /** Registers a layer made elsewhere (the hub catalogue) with a precomputed diffID. */
  adopt(layer: Layer): Layer {
    const existing = this.get(layer.diffId);
    if (existing) return existing;
    this.loose.set(layer.diffId, layer);
    return layer;
  }

  get(diffId: string): Layer | undefined {
    return this.stored.get(diffId)?.layer ?? this.loose.get(diffId);
  }

  /** Whether an image already holds this layer (pull prints `Already exists`). */
  has(diffId: string): boolean {
    return this.stored.has(diffId);
  }

  refs(diffId: string): number {
    return this.stored.get(diffId)?.refs ?? 0;
  }

  /** Counts one more image using `layers`. */
  retain(layers: readonly Layer[]): void {
    for (const diffId of new Set(layers.map((l) => l.diffId))) {
      const slot = this.stored.get(diffId);
      if (slot) slot.refs++;
      else {
        const layer = this.get(diffId) ?? layers.find((l) => l.diffId === diffId)!;
        this.stored.set(diffId, { layer, refs: 1 });
        this.loose.delete(diffId);
      }
    }
    for (const chain of chainIds(layers.map((l) => l.diffId))) this.chains.set(chain, (this.chains.get(chain) ?? 0) + 1);
  }

  /** Counts one image fewer; returns the ChainIDs freed, top of the stack first. */
  release(layers: readonly Layer[]): string[] {
    for (const diffId of new Set(layers.map((l) => l.diffId))) {
      const slot = this.stored.get(diffId);
      if (!slot) continue;
      if (--slot.refs <= 0) this.stored.delete(diffId);
    }
    const freed: string[] = [];
    for (const chain of chainIds(layers.map((l) => l.diffId)).reverse()) {
      const n = (this.chains.get(chain) ?? 0) - 1;
      if (n <= 0) {
        this.chains.delete(chain);
        this.views.delete(chain);
        freed.push(chain);
      } else this.chains.set(chain, n);
    }
    return freed;
  }

  /** Stored layers with their image counts (for invariants and snapshots). */
  entries(): IterableIterator<[string, { readonly layer: Layer; readonly refs: number }]> {
    return this.stored.entries();
  }

  /** Stacks with their image counts (for invariants). */
  chainEntries(): IterableIterator<[string, number]> {
    return this.chains.entries();
  }

  clear(): void {
    this.stored.clear();
    this.loose.clear();
    this.chains.clear();
    this.views.clear();
  }

  /** The merged read-only view of a stack, cached per ChainID (each prefix too). */
  view(layers: readonly Layer[]): LowerView {
    const ids = chainIds(layers.map((l) => l.diffId));
    let start = ids.length;
    let view = LowerView.empty();
    while (start > 0) {
      const cached = this.views.get(ids[start - 1]);
      if (cached) {
        view = cached;
        break;
      }
      start--;
    }
    for (let i = start; i < layers.length; i++) {
      view = view.apply(layers[i]);
      this.remember(ids[i], view);
    }
    return view;
  }

  private remember(chainId: string, view: LowerView): void {
    this.views.delete(chainId);
    this.views.set(chainId, view);
    if (this.views.size > VIEW_CACHE_LIMIT) this.views.delete(this.views.keys().next().value!);
  }
}
