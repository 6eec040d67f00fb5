/** The shape of the simulated Docker Hub's official images, one small data file per repository. */
import type { ContainerConfigFields } from '../../api.js';
import type { FsBuilder } from './FsBuilder.js';

export interface LayerSpec {
  /** Unique name; two images listing the same spec share the layer (same diffID). */
  readonly key: string;
  /** Compressed blob bytes, as Docker Hub lists them (pull progress totals). */
  readonly compressed: number;
  /** Uncompressed bytes; defaults to 2.5 × compressed (build-semantics §8). */
  readonly size?: number;
  /** The sample files this layer ships. Every spec must write at least one path unique to it. */
  readonly files: (fs: FsBuilder) => void;
}

export interface HistoryStep {
  readonly createdBy: string;
  readonly layer?: LayerSpec;
  readonly comment?: string;
  /** RFC 3339; defaults to the image's `created`. */
  readonly created?: string;
}

export interface ImageSpec {
  /** Tags in this repository that point at the image, e.g. `['latest', '26', '26.7.0']`. */
  readonly tags: readonly string[];
  readonly created: string;
  readonly config: ContainerConfigFields;
  /** Oldest first; steps with a layer become rootfs layers, the others `empty_layer`. */
  readonly history: readonly HistoryStep[];
}

export interface RepoSpec {
  /** Path on the hub without the domain, e.g. `library/node`. */
  readonly path: string;
  readonly images: readonly ImageSpec[];
}

export const BUILDKIT = 'buildkit.dockerfile.v0';
export const MB = 1_000_000;
export const KB = 1_000;
