/**
 * The images domain's part of an engine snapshot, and its invariants. Layers
 * from the hub catalogue are stored by diffID only (the catalogue rebuilds
 * them); other layers carry their files as base64.
 */
import type { ImageConfigFile } from '../api.js';
import type { Layer } from '../context.js';
import { layerFromJson, layerToJson, type LayerJson } from '../layers/serialize.js';
import { catalogueLayer, requireCatalogue } from '../registry/catalogue/index.js';
import { chainIds } from '../layers/diffId.js';
import { imageIdOf } from './configDigest.js';
import type { ImageTable } from './ImageTable.js';

interface ImageJson {
  readonly id: string;
  readonly config: ImageConfigFile;
  readonly layers: readonly string[];
  readonly tags: readonly string[];
  readonly digests: readonly string[];
  readonly lastTagTime: number;
}

export interface ImagesSnapshot {
  readonly images: readonly ImageJson[];
  readonly layers: readonly LayerJson[];
  /** Deleted images whose layers containers still hold: image ID → diffIDs. */
  readonly held?: Readonly<Record<string, readonly string[]>>;
}

export function toSnapshot(table: ImageTable): ImagesSnapshot {
  const own = new Map<string, Layer>();
  for (const [diffId, { layer }] of table.layers.entries()) if (!catalogueLayer(diffId)) own.set(diffId, layer);
  return {
    images: [...table.images.values()].map((image) => ({
      id: image.id,
      config: image.config,
      layers: image.layers.map((l) => l.diffId),
      tags: [...image.tags],
      digests: [...image.digests],
      lastTagTime: image.lastTagTime,
    })),
    layers: [...own.values()].map(layerToJson),
    ...(table.held.size > 0 ? { held: Object.fromEntries([...table.held].map(([id, layers]) => [id, layers.map((l) => l.diffId)])) } : {}),
  };
}

export function fromSnapshot(table: ImageTable, data: unknown): void {
  table.clear();
  if (!data || typeof data !== 'object') return;
  const snap = data as ImagesSnapshot;
  const saved = new Map((snap.layers ?? []).map((json) => [json.diffId, layerFromJson(json)]));
  requireCatalogue([...(snap.images ?? []).flatMap((json) => json.layers), ...Object.values(snap.held ?? {}).flat()].some((id) => !saved.has(id)));
  for (const json of snap.images ?? []) {
    const layers = json.layers.map((id) => saved.get(id) ?? catalogueLayer(id));
    if (layers.some((l) => !l)) continue;
    const image = table.commit(json.config, layers as Layer[]);
    for (const tag of json.tags) table.setTag(image, tag);
    for (const digest of json.digests) table.addDigest(image, digest);
    image.lastTagTime = json.lastTagTime;
  }
  for (const [id, diffIds] of Object.entries(snap.held ?? {})) {
    const layers = diffIds.map((d) => saved.get(d) ?? catalogueLayer(d));
    if (layers.some((l) => !l)) continue;
    const stored = (layers as Layer[]).map((l) => table.layers.adopt(l));
    table.layers.retain(stored);
    table.held.set(id, stored);
  }
}

export function checkInvariants(table: ImageTable): string[] {
  const problems: string[] = [];
  for (const [tag, id] of table.tags) {
    const image = table.images.get(id);
    if (!image) problems.push(`images: tag ${tag} points to missing image ${id}`);
    else if (!image.tags.includes(tag)) problems.push(`images: tag ${tag} is not listed on image ${id}`);
  }
  for (const [digest, id] of table.digests) if (!table.images.has(id)) problems.push(`images: digest ${digest} points to missing image ${id}`);
  const uses = new Map<string, number>();
  for (const image of table.images.values()) {
    if (imageIdOf(image.config) !== image.id) problems.push(`images: image ${image.id} does not match its config digest`);
    for (const tag of image.tags) if (table.tags.get(tag) !== image.id) problems.push(`images: image ${image.id} lists tag ${tag} it does not hold`);
    for (const diffId of new Set(image.layers.map((l) => l.diffId))) {
      uses.set(diffId, (uses.get(diffId) ?? 0) + 1);
      if (!table.layers.has(diffId)) problems.push(`images: layer ${diffId} of image ${image.id} is not in the layer store`);
    }
  }
  for (const layers of table.held.values()) for (const diffId of new Set(layers.map((l) => l.diffId))) uses.set(diffId, (uses.get(diffId) ?? 0) + 1);
  for (const [diffId, { refs }] of table.layers.entries()) {
    const expected = uses.get(diffId) ?? 0;
    if (expected === 0) problems.push(`images: orphan layer ${diffId}`);
    else if (refs !== expected) problems.push(`images: layer ${diffId} has refcount ${refs}, but ${expected} images use it`);
  }
  problems.push(...chainProblems(table));
  return problems;
}

/** Stacks are counted too (rmi reports each freed one as `Deleted: <chainID>`): one count per image or hold that has the stack. */
function chainProblems(table: ImageTable): string[] {
  const expected = new Map<string, number>();
  const stacks = [...[...table.images.values()].map((i) => i.layers), ...table.held.values()];
  for (const layers of stacks) for (const chain of chainIds(layers.map((l) => l.diffId))) expected.set(chain, (expected.get(chain) ?? 0) + 1);
  const problems: string[] = [];
  const counted = new Map(table.layers.chainEntries());
  for (const [chain, n] of counted) if (expected.get(chain) !== n) problems.push(`images: stack ${chain} is counted ${n} times, but ${expected.get(chain) ?? 0} images have it`);
  for (const [chain, n] of expected) if (!counted.has(chain)) problems.push(`images: stack ${chain} of ${n} images is not counted`);
  return problems;
}
