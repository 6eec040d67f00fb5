/**
 * The build cache in an engine snapshot, so a reloaded session still rebuilds
 * from cache. Layers are stored once each, with their files (base64), and are
 * handed back to the image store on restore so they dedupe with image layers.
 */
import type { ImageStore, Layer } from '../../context.js';
import { layerFromJson, layerToJson, type LayerJson } from '../../layers/serialize.js';
import type { BuildCache, CacheRecord, StepInputs } from './BuildCache.js';

interface RecordJson {
  readonly key: string;
  readonly parentKey: string;
  readonly inputs: StepInputs;
  readonly layer: string;
  readonly created: number;
}

export interface CacheSnapshot {
  readonly records: readonly RecordJson[];
  readonly layers: readonly LayerJson[];
}

export function cacheToJson(cache: BuildCache): CacheSnapshot {
  const layers = new Map<string, Layer>();
  const records = cache.records().map((r) => {
    layers.set(r.layer.diffId, r.layer);
    return { key: r.key, parentKey: r.parentKey, inputs: r.inputs, layer: r.layer.diffId, created: r.created };
  });
  return { records, layers: [...layers.values()].map(layerToJson) };
}

export function cacheFromJson(cache: BuildCache, images: ImageStore, data: unknown): void {
  cache.clear();
  const snap = data as Partial<CacheSnapshot> | undefined;
  if (!snap || !Array.isArray(snap.records) || !Array.isArray(snap.layers)) return;
  const layers = new Map<string, Layer>();
  for (const json of snap.layers) {
    const parsed = layerFromJson(json);
    layers.set(json.diffId, images.createLayer(parsed.entries, parsed.size));
  }
  for (const r of snap.records) {
    const layer = layers.get(r.layer);
    if (!layer) continue;
    const record: CacheRecord = { key: r.key, parentKey: r.parentKey, inputs: r.inputs, layer, created: r.created };
    cache.put(record);
  }
}
