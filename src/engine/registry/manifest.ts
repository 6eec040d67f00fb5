/**
 * Registry-side addresses: compressed blob digests and the OCI manifest whose
 * digest is the `RepoDigests` entry. All are derived deterministically from
 * the image, so the same image always has the same manifest digest.
 */
import type { ImageConfigFile } from '../api.js';
import type { Layer } from '../context.js';
import { canonicalJson, imageIdOf } from '../images/configDigest.js';
import { EMPTY_DIFF_ID } from '../layers/diffId.js';
import { sha256Digest } from '../layers/digest.js';

/** The gzip blob of the empty tar (32 bytes). */
const EMPTY_BLOB = 'sha256:4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1';

export function blobDigest(diffId: string): string {
  return diffId === EMPTY_DIFF_ID ? EMPTY_BLOB : sha256Digest(`gzip:${diffId}`);
}

/** The 12-hex id pull and push print for a layer. */
export function shortBlobId(diffId: string): string {
  return blobDigest(diffId).slice(7, 19);
}

/** A plausible compressed size for a layer without a catalogue figure. */
export function estimateCompressed(layer: Layer): number {
  return layer.diffId === EMPTY_DIFF_ID ? 32 : Math.max(32, Math.round(layer.size / 2.5));
}

export interface Manifest {
  readonly digest: string;
  readonly size: number;
}

export function manifestOf(config: ImageConfigFile, layers: readonly Layer[], compressed: readonly number[]): Manifest {
  const body = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: imageIdOf(config), size: canonicalJson(config).length },
    layers: layers.map((l, i) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: blobDigest(l.diffId), size: compressed[i] })),
  };
  const text = JSON.stringify(body, null, 3);
  return { digest: sha256Digest(text), size: new TextEncoder().encode(text).length };
}
