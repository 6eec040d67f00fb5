/** Plain-JSON forms of layers for snapshots (file data as base64). */
import type { Layer, LayerEntry } from '../context.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = ((LOOKUP.get(clean[i]) ?? 0) << 18) | ((LOOKUP.get(clean[i + 1]) ?? 0) << 12) | ((LOOKUP.get(clean[i + 2]) ?? 0) << 6) | (LOOKUP.get(clean[i + 3]) ?? 0);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

export type EntryJson =
  | { readonly type: 'file'; readonly data: string; readonly mode: number; readonly uid: number; readonly gid: number }
  | Exclude<LayerEntry, { type: 'file' }>;

export interface LayerJson {
  readonly diffId: string;
  readonly size: number;
  readonly entries: readonly (readonly [string, EntryJson])[];
}

export function entryToJson(entry: LayerEntry): EntryJson {
  return entry.type === 'file' ? { ...entry, data: toBase64(entry.data) } : entry;
}

export function entryFromJson(json: EntryJson): LayerEntry {
  return json.type === 'file' ? { ...json, data: fromBase64(json.data) } : json;
}

export function layerToJson(layer: Layer): LayerJson {
  return { diffId: layer.diffId, size: layer.size, entries: [...layer.entries].map(([path, entry]) => [path, entryToJson(entry)] as const) };
}

export function layerFromJson(json: LayerJson): Layer {
  return { diffId: json.diffId, size: json.size, entries: new Map(json.entries.map(([path, entry]) => [path, entryFromJson(entry)])) };
}
