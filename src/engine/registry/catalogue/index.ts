/**
 * The hub's official images, materialised lazily: a repository's layers are
 * built (and their diffIDs hashed) the first time someone pulls from it, and
 * are shared by every engine in the process since they are immutable.
 */
import type { ImageConfigFile } from '../../api.js';
import type { Layer } from '../../context.js';
import { computeDiffId } from '../../layers/diffId.js';
import { manifestOf } from '../manifest.js';
import { loadOnce } from '../../../os/lazy.js';
import { FsBuilder } from './FsBuilder.js';
import type { ImageSpec, LayerSpec, RepoSpec } from './types.js';

/**
 * The repositories' data (files, configs, histories: most of the engine's
 * bytes) is imported on first need, so the browser worker answers its first
 * command without it (PRODUCT.md §7). Until it has loaded the hub serves no
 * official image: pulls and builds await `loadCatalogue()` first, and a
 * restore of saved images must too. No layer of it can exist before it
 * loaded, so a snapshot taken meanwhile is right to treat every layer as
 * the engine's own.
 */
let repositories: readonly RepoSpec[] | undefined;
const load = loadOnce(() => import('./repositories.js').then((m) => void (repositories = m.REPOSITORIES)));

/** Resolves once the official images are known; at once after the first time. */
export function loadCatalogue(): Promise<void> {
  return repositories ? Promise.resolve() : load();
}

/** A restore that refers to layers it does not carry needs the hub's: it must not run before `loadCatalogue()`. */
export function requireCatalogue(needed: boolean): void {
  if (needed && !repositories) throw new Error('the saved images refer to official image layers: await loadCatalogue() before restoring them');
}

/** Every official repository; none before `loadCatalogue()` resolved. */
export function hubRepositories(): readonly RepoSpec[] {
  return repositories ?? [];
}

/** One image as the hub serves it. */
export interface HubImage {
  /** Repository path without the domain, e.g. `library/node`. */
  readonly path: string;
  readonly config: ImageConfigFile;
  readonly layers: readonly Layer[];
  /** Compressed blob bytes per layer. */
  readonly compressed: readonly number[];
  readonly digest: string;
  readonly manifestSize: number;
}

const layerCache = new Map<string, Layer>();
const imageCache = new Map<ImageSpec, HubImage>();

export function materializeLayer(spec: LayerSpec): Layer {
  let layer = layerCache.get(spec.key);
  if (!layer) {
    const fs = new FsBuilder();
    spec.files(fs);
    layer = { diffId: computeDiffId(fs.entries), size: spec.size ?? Math.round(spec.compressed * 2.5), entries: fs.entries };
    layerCache.set(spec.key, layer);
  }
  return layer;
}

function materialize(repo: RepoSpec, spec: ImageSpec): HubImage {
  const cached = imageCache.get(spec);
  if (cached) return cached;
  const steps = spec.history.filter((s) => s.layer);
  const layers = steps.map((s) => materializeLayer(s.layer!));
  const config: ImageConfigFile = {
    architecture: 'amd64',
    os: 'linux',
    created: spec.created,
    config: spec.config,
    history: spec.history.map((s) => ({
      created: s.created ?? spec.created,
      created_by: s.createdBy,
      ...(s.comment !== undefined ? { comment: s.comment } : {}),
      ...(s.layer ? {} : { empty_layer: true }),
    })),
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
  };
  const compressed = steps.map((s) => s.layer!.compressed);
  const manifest = manifestOf(config, layers, compressed);
  const image: HubImage = { path: repo.path, config, layers, compressed, digest: manifest.digest, manifestSize: manifest.size };
  imageCache.set(spec, image);
  return image;
}

export function findRepository(path: string): RepoSpec | undefined {
  return hubRepositories().find((r) => r.path === path);
}

/** The catalogue image for `path:tag`, or undefined. */
export function catalogueImage(path: string, tag: string): HubImage | undefined {
  const repo = findRepository(path);
  const spec = repo?.images.find((i) => i.tags.includes(tag));
  return repo && spec ? materialize(repo, spec) : undefined;
}

/** Every catalogue layer by diffID (snapshots store references to these instead of their files). */
export function catalogueLayer(diffId: string): Layer | undefined {
  for (const layer of layerCache.values()) if (layer.diffId === diffId) return layer;
  for (const repo of hubRepositories()) {
    for (const image of repo.images) {
      for (const step of image.history) {
        if (step.layer && materializeLayer(step.layer).diffId === diffId) return materializeLayer(step.layer);
      }
    }
  }
  return undefined;
}
