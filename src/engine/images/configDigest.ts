/**
 * Image IDs. The ID is `sha256:` + the digest of the config's canonical JSON:
 * object keys sorted by code unit at every level, no whitespace, `undefined`
 * members omitted, arrays in order. Committing an identical config twice
 * therefore yields the same image.
 */
import type { ImageConfigFile } from '../api.js';
import { sha256Digest } from '../layers/digest.js';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function imageIdOf(config: ImageConfigFile): string {
  return sha256Digest(canonicalJson(config));
}
