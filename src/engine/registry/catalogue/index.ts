/**
 * The hub's official images, materialised lazily: a repository's layers are
 * built (and their diffIDs hashed) the first time someone pulls from it, and
 * are shared by every engine in the process since they are immutable.
 */
import type { ImageConfigFile } from '../../api.js';
import type { Layer } from '../../context.js';
import { computeDiffId } from '../../layers/diffId.js';
import { manifestOf } from '../manifest.js';
import { ALPINE, BUSYBOX, HELLO_WORLD } from './alpine.js';
import { DEBIAN } from './debian.js';
import { FsBuilder } from './FsBuilder.js';
import { NGINX } from './nginx.js';
import { NODE } from './node.js';
import { PYTHON } from './python.js';
import type { ImageSpec, LayerSpec, RepoSpec } from './types.js';
import { UBUNTU } from './ubuntu.js';

export const REPOSITORIES: readonly RepoSpec[] = [ALPINE, BUSYBOX, HELLO_WORLD, DEBIAN, UBUNTU, NODE, PYTHON, NGINX];

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
  return REPOSITORIES.find((r) => r.path === path);
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
  for (const repo of REPOSITORIES) {
    for (const image of repo.images) {
      for (const step of image.history) {
        if (step.layer && materializeLayer(step.layer).diffId === diffId) return materializeLayer(step.layer);
      }
    }
  }
  return undefined;
}
