/**
 * Content addresses of layers. A diffID is the sha256 of a deterministic,
 * tar-like serialisation of the entries: for each path in code-unit order a
 * header `type NUL path NUL mode NUL uid NUL gid NUL size NUL` followed by the
 * file data or symlink target. mtime is never part of it, so the same content
 * built twice gets the same diffID (and is stored once).
 */
import type { LayerEntry } from '../context.js';
import { digestOf, sha256Digest } from './digest.js';

/** The diffID of an empty tar (moby/moby:daemon/internal/layer/empty.go). */
export const EMPTY_DIFF_ID = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';

function header(path: string, entry: LayerEntry): string {
  switch (entry.type) {
    case 'file':
      return `file\0${path}\0${entry.mode.toString(8)}\0${entry.uid}\0${entry.gid}\0${entry.data.length}\0`;
    case 'dir':
      return `dir\0${path}\0${entry.mode.toString(8)}\0${entry.uid}\0${entry.gid}\x000\0`;
    case 'symlink':
      return `symlink\0${path}\x00777\x000\x000\0${entry.target.length}\0${entry.target}`;
    case 'whiteout':
      return `whiteout\0${path}\0`;
    case 'opaque':
      return `opaque\0${path}\0${entry.mode.toString(8)}\0`;
  }
}

export function sortedPaths(entries: ReadonlyMap<string, LayerEntry>): string[] {
  return [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function computeDiffId(entries: ReadonlyMap<string, LayerEntry>): string {
  if (entries.size === 0) return EMPTY_DIFF_ID;
  const paths = sortedPaths(entries);
  function* parts(): Generator<Uint8Array | string> {
    for (const path of paths) {
      const entry = entries.get(path)!;
      yield header(path, entry);
      if (entry.type === 'file') yield entry.data;
    }
  }
  return digestOf(parts());
}

/** Bytes the entries occupy: file data plus symlink targets (what SIZE columns count). */
export function contentSize(entries: ReadonlyMap<string, LayerEntry>): number {
  let size = 0;
  for (const entry of entries.values()) {
    if (entry.type === 'file') size += entry.data.length;
    else if (entry.type === 'symlink') size += entry.target.length;
  }
  return size;
}

/** ChainID(L0) = DiffID(L0); ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)) (image-spec identity/chainid.go). */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const diffId of diffIds) {
    out.push(out.length === 0 ? diffId : sha256Digest(`${out[out.length - 1]} ${diffId}`));
  }
  return out;
}
