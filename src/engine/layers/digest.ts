/** `sha256:<hex>` digests, the one hash every content address in the engine uses. */
import { sha256 } from '@noble/hashes/sha2.js';

const encoder = new TextEncoder();

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function sha256Digest(data: Uint8Array | string): string {
  return `sha256:${toHex(sha256(typeof data === 'string' ? encoder.encode(data) : data))}`;
}

/** An incremental hasher, so large layers are not concatenated into one buffer first. */
export function digestOf(parts: Iterable<Uint8Array | string>): string {
  const h = sha256.create();
  for (const part of parts) h.update(typeof part === 'string' ? encoder.encode(part) : part);
  return `sha256:${toHex(h.digest())}`;
}
