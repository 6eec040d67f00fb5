/**
 * The engine's internal wiring. Each domain (images, containers, builder) is
 * its own module; they reach each other only through the interfaces below,
 * which `Engine` binds together at construction. Nothing outside src/engine
 * imports this file: the CLI uses ./api.ts through ./index.ts.
 */
import type { CancelToken, Clock, IdSource } from '../os/clock.js';
import type { CommandIO } from '../os/process.js';
import type { Vfs } from '../os/vfs.js';
import type { EngineEvent, ImageConfigFile } from './api.js';
import type { HttpHandler, Listener } from './net/http.js';
import type { Program, ProcessSpec } from './programs/types.js';

/** One entry of a layer's change set (a tar entry, in effect). */
export type LayerEntry =
  | { readonly type: 'file'; readonly data: Uint8Array; readonly mode: number; readonly uid: number; readonly gid: number }
  | { readonly type: 'dir'; readonly mode: number; readonly uid: number; readonly gid: number }
  | { readonly type: 'symlink'; readonly target: string }
  /** A deletion of a lower path (overlayfs whiteout). */
  | { readonly type: 'whiteout' }
  /** A directory whose lower contents are hidden (overlayfs opaque dir). */
  | { readonly type: 'opaque'; readonly mode: number };

/** An immutable, content-addressed filesystem layer. */
export interface Layer {
  /** `sha256:<64hex>` of the (simulated) uncompressed tar. */
  readonly diffId: string;
  /** Uncompressed bytes. Base-image layers declare a realistic size larger than their sample files. */
  readonly size: number;
  /** Absolute paths (`/usr/share/nginx/html/index.html`) to entries. */
  readonly entries: ReadonlyMap<string, LayerEntry>;
}

/** The engine's full record of a local image. */
export interface ImageRecord {
  /** `sha256:<64hex>`, the digest of the canonical config JSON. */
  readonly id: string;
  readonly config: ImageConfigFile;
  readonly layers: readonly Layer[];
  /** Familiar references, e.g. `node:latest`, `student/app:v1`. */
  readonly tags: string[];
  /** `name@sha256:…` after a pull or push. */
  readonly digests: string[];
  /** Milliseconds; when a tag last moved onto this image. */
  lastTagTime: number;
}

/** What the images domain offers the other domains. */
export interface ImageStore {
  record(id: string): ImageRecord | undefined;
  /**
   * An image's layers, by full ID. Also answers for an image force-deleted
   * while a stopped container used it: its record is gone, but the
   * container still holds its layers (`docker rmi -f` in the classic store).
   */
  layersOf(imageId: string): readonly Layer[] | undefined;
  /** Name, name:tag, full or unique short ID. */
  find(ref: string): ImageRecord | undefined;
  /** Stores (or reuses) a layer; identical content gives the same diffId and the same object. */
  createLayer(entries: ReadonlyMap<string, LayerEntry>, declaredSize?: number): Layer;
  /** Stores an image (idempotent for an identical config) and returns it. */
  commit(config: ImageConfigFile, layers: readonly Layer[]): ImageRecord;
  /** Points a familiar reference at an image; the previous holder may become dangling. */
  setTag(imageId: string, ref: string): void;
  /** A read-only view of an image's layers stacked (lowest first) with a fresh writable upper. */
  rootfs(layers: readonly Layer[]): WritableRootfs;
}

/** An overlay: read-only layers plus a writable upper that records changes. */
export interface WritableRootfs extends Vfs {
  /** The upper layer's changes as layer entries (what a RUN step or a commit captures). */
  diff(): Map<string, LayerEntry>;
  /** Bytes written to the upper layer (for `docker ps -s`). */
  upperSize(): number;
}

/** What the containers domain offers the other domains. */
export interface ContainerStore {
  /** Containers (any state) whose image is `imageId`. */
  usersOf(imageId: string): { readonly id: string; readonly running: boolean }[];
  /** How many containers (any state) use `imageId`: `usersOf(imageId).length` without building the list. */
  userCount(imageId: string): number;
}

/** Runs programs: used for container processes and for RUN steps of a build. */
export interface ProcessRunner {
  run(
    spec: ProcessSpec,
    fs: Vfs,
    io: CommandIO,
    options: {
      readonly killed: CancelToken;
      readonly pid1: boolean;
      /** Where `listen` registers; builds get a private network with nothing published. */
      readonly listen?: (port: number, handler: HttpHandler) => Listener;
    },
  ): Promise<number>;
}

/** Maps an executable's basename to its implementation. The file must also exist in the rootfs. */
export interface ProgramRegistry {
  register(name: string, program: Program): void;
  lookup(name: string): Program | undefined;
}

export interface EventBus {
  emit(event: EngineEvent): void;
  subscribe(listener: (event: EngineEvent) => void): () => void;
}

export interface EngineContext {
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly events: EventBus;
  readonly programs: ProgramRegistry;
  /** Bound by Engine after construction; domains must not call these from their constructors. */
  images: ImageStore;
  containers: ContainerStore;
  runner: ProcessRunner;
}
