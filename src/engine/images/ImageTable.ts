/**
 * The local image store: images by ID, the tag and digest references that
 * point at them, and the layer store they share. Lookup follows moby's
 * GetImage: a full ID, then a name (`:latest` implied) or digest reference,
 * then a unique ID prefix.
 */
import type { ImageConfigFile } from '../api.js';
import type { ImageRecord, Layer } from '../context.js';
import { EngineError } from '../errors/EngineError.js';
import { LayerStore } from '../layers/LayerStore.js';
import { familiarName, familiarString, fullImageId, idPrefix, parseReference, withDefaultTag, type Reference } from '../reference/reference.js';
import { imageIdOf } from './configDigest.js';

export type MutableImage = ImageRecord & { tags: string[]; digests: string[] };

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

function tryParse(ref: string): Reference | undefined {
  try {
    return parseReference(ref);
  } catch {
    return undefined;
  }
}

/** `No such image: node:latest`, with `:latest` added the way the daemon reports it. */
export function noSuchImage(ref: string): EngineError {
  const parsed = fullImageId(ref) ? undefined : tryParse(ref);
  return new EngineError(`No such image: ${parsed ? familiarString(withDefaultTag(parsed)) : ref}`, 'notFound');
}

export class ImageTable {
  readonly layers = new LayerStore();
  readonly images = new Map<string, MutableImage>();
  /** Familiar `name:tag` → image ID. */
  readonly tags = new Map<string, string>();
  /** Familiar `name@sha256:…` → image ID. */
  readonly digests = new Map<string, string>();
  /**
   * Images force-deleted while a stopped container still used them: the
   * record is gone, but the container's layer chain keeps their layers
   * (a container's RW layer references its image's stack in moby's layer store).
   */
  readonly held = new Map<string, readonly Layer[]>();

  find(ref: string): MutableImage | undefined {
    const full = fullImageId(ref);
    if (full) return this.images.get(full);
    const parsed = tryParse(ref);
    if (parsed) {
      const key = familiarString(withDefaultTag(parsed));
      const id = parsed.digest !== undefined ? this.digests.get(`${familiarName(parsed)}@${parsed.digest}`) : this.tags.get(key);
      if (id) return this.images.get(id);
    }
    const prefix = idPrefix(ref);
    if (prefix === undefined) return undefined;
    let match: MutableImage | undefined;
    for (const [id, image] of this.images) {
      if (id.startsWith(`sha256:${prefix}`)) {
        if (match) return undefined;
        match = image;
      }
    }
    return match;
  }

  /** Like find, but throws `No such image`. */
  get(ref: string): MutableImage {
    const image = this.find(ref);
    if (!image) throw noSuchImage(ref);
    return image;
  }

  /** Stores an image (the same config gives the same ID and the same record). */
  commit(config: ImageConfigFile, layers: readonly Layer[]): MutableImage {
    const id = imageIdOf(config);
    const existing = this.images.get(id);
    if (existing) return existing;
    const stored = layers.map((l) => this.layers.adopt(l));
    this.layers.retain(stored);
    const image: MutableImage = { id, config, layers: stored, tags: [], digests: [], lastTagTime: 0 };
    this.images.set(id, image);
    return image;
  }

  /** Points `tag` (familiar `name:tag`) at an image; returns the image that lost it, if any. */
  setTag(image: MutableImage, tag: string): MutableImage | undefined {
    const previous = this.tags.get(tag);
    if (previous === image.id) return undefined;
    const loser = previous ? this.images.get(previous) : undefined;
    if (loser) loser.tags.splice(loser.tags.indexOf(tag), 1);
    this.tags.set(tag, image.id);
    image.tags.push(tag);
    return loser;
  }

  addDigest(image: MutableImage, digestRef: string): void {
    const previous = this.digests.get(digestRef);
    if (previous === image.id) return;
    const loser = previous ? this.images.get(previous) : undefined;
    if (loser) loser.digests.splice(loser.digests.indexOf(digestRef), 1);
    this.digests.set(digestRef, image.id);
    image.digests.push(digestRef);
  }

  /** Removes a tag or digest reference (familiar form). */
  removeRef(ref: string): void {
    const map = ref.includes('@') ? this.digests : this.tags;
    const id = map.get(ref);
    if (!id) return;
    map.delete(ref);
    const image = this.images.get(id);
    if (!image) return;
    const list = ref.includes('@') ? image.digests : image.tags;
    const i = list.indexOf(ref);
    if (i >= 0) list.splice(i, 1);
  }

  /** Deletes an image with no references left; returns the freed ChainIDs (none while containers hold its layers). */
  delete(image: MutableImage, heldByContainers = false): string[] {
    this.images.delete(image.id);
    // The same image pulled again and deleted again: the existing hold already keeps its layers.
    if (heldByContainers && !this.held.has(image.id)) {
      this.held.set(image.id, image.layers);
      return [];
    }
    return this.layers.release(image.layers);
  }

  /** The last container using a deleted image is gone: its layers are released. */
  releaseHeld(imageId: string): void {
    const layers = this.held.get(imageId);
    if (!layers) return;
    this.held.delete(imageId);
    this.layers.release(layers);
  }

  size(image: ImageRecord): number {
    return image.layers.reduce((n, l) => n + l.size, 0);
  }

  clear(): void {
    this.held.clear();
    this.images.clear();
    this.tags.clear();
    this.digests.clear();
    this.layers.clear();
  }
}
