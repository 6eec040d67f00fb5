/**
 * The engine's public API: everything the CLI (and later the worker, the UI
 * and lesson checks) may call. It mirrors the Docker Engine API's operations
 * and returns plain data. Expected failures throw `EngineError` subclasses
 * (see ./errors) carrying the daemon's exact message; the CLI adds
 * `Error response from daemon: ` and picks the exit code.
 *
 * Ownership while the foundation is being built (one domain per module):
 *   images + registry + layers ... src/engine/images, src/engine/registry, src/engine/layers
 *   containers + programs ........ src/engine/containers, src/engine/programs
 *   builder ...................... src/engine/builder (+ src/engine/dockerfile, the parser)
 */
import type { CancelToken } from '../os/clock.js';
import type { OutputStream } from '../os/process.js';
import type { SignalName } from '../os/process.js';
import type { Vfs } from '../os/vfs.js';
import type { HttpRequest, HttpResponse } from './net/http.js';

// ---------------------------------------------------------------- images

/** OCI/Docker image config `config` block, with Docker's field names (inspect prints these). */
export interface ContainerConfigFields {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  OnBuild?: string[] | null;
  StopSignal?: string;
  Shell?: string[];
  Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; StartInterval?: number; Retries?: number };
  ArgsEscaped?: boolean;
}

export interface HistoryEntry {
  created: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
  author?: string;
}

/** The image config file whose canonical JSON's sha256 is the image ID. */
export interface ImageConfigFile {
  architecture: string;
  os: string;
  created: string;
  author?: string;
  config: ContainerConfigFields;
  history: HistoryEntry[];
  rootfs: { type: 'layers'; diff_ids: string[] };
}

/** One row of `docker images` before formatting. */
export interface ImageSummary {
  /** `sha256:<64hex>` */
  readonly id: string;
  /** Familiar `name:tag` strings, e.g. `node:latest`, `student/app:1.0`. Empty when dangling. */
  readonly repoTags: readonly string[];
  /** `name@sha256:…`, only after a pull or push. */
  readonly repoDigests: readonly string[];
  /** Milliseconds since the epoch. */
  readonly created: number;
  /** Uncompressed bytes of all layers (what `docker images` SIZE shows). */
  readonly size: number;
  /** Number of containers (any state) using the image. */
  readonly containers: number;
}

export interface DeleteRecord {
  readonly untagged?: string;
  readonly deleted?: string;
}

export interface PruneResult {
  readonly records: readonly DeleteRecord[];
  readonly spaceReclaimed: number;
}

/** One jsonmessage-style progress event from pull or push (see docker-cli.md §3.12). */
export interface ProgressEvent {
  /** 12-hex layer id, or undefined for whole-operation lines (`Digest: …`). */
  readonly id?: string;
  /** `Pulling fs layer`, `Downloading`, `Pull complete`, `Already exists`, `Pushed`, … */
  readonly status: string;
  readonly progress?: { readonly current: number; readonly total: number };
}

export interface PullResult {
  /** `sha256:<64hex>` manifest digest. */
  readonly digest: string;
  /** True when new content was downloaded ("Downloaded newer image"), false for "Image is up to date". */
  readonly downloaded: boolean;
  /** Familiar reference with tag, e.g. `node:latest`. */
  readonly familiar: string;
  /** Fully qualified, e.g. `docker.io/library/node:latest`. */
  readonly canonical: string;
  readonly imageId: string;
}

export interface PushResult {
  readonly tag: string;
  readonly digest: string;
  readonly size: number;
}

export interface ImagesApi {
  list(options?: { readonly all?: boolean }): ImageSummary[];
  /** Docker's `image inspect` object (one element of the printed array). Throws NoSuchImage. */
  inspect(ref: string): Record<string, unknown>;
  /** Newest first, as `docker history` lists it. */
  history(ref: string): readonly { readonly id: string; readonly created: number; readonly createdBy: string; readonly size: number; readonly comment: string }[];
  /** Resolves a name, name:tag, full or short ID to `sha256:<64hex>`, or undefined. */
  resolve(ref: string): string | undefined;
  tag(source: string, target: string): void;
  remove(ref: string, options?: { readonly force?: boolean; readonly noPrune?: boolean }): DeleteRecord[];
  prune(options?: { readonly all?: boolean }): PruneResult;
  pull(ref: string, onProgress: (event: ProgressEvent) => void, cancel?: CancelToken): Promise<PullResult>;
  push(ref: string, onProgress: (event: ProgressEvent) => void, cancel?: CancelToken): Promise<PushResult>;
}

export interface RegistryApi {
  /** Logs in to the simulated Docker Hub. Throws on bad credentials. */
  login(username: string, password: string): { readonly username: string; readonly alreadyLoggedIn: boolean };
  logout(): { readonly wasLoggedIn: boolean };
  /** The stored credentials' user name, if logged in. */
  currentUser(): string | undefined;
}

// ---------------------------------------------------------------- containers

export interface PortBinding {
  /** e.g. `80/tcp` */
  readonly containerPort: string;
  readonly hostIp: string;
  /** '' means an ephemeral port chosen at start. */
  readonly hostPort: string;
}

export interface CreateOptions {
  /** The image reference exactly as typed; `docker ps` shows it while it still resolves. */
  readonly image: string;
  readonly name?: string;
  /** Arguments after the image name; replace the image CMD when non-empty. */
  readonly cmd?: readonly string[];
  /** `--entrypoint`: undefined keeps the image's, '' clears it. */
  readonly entrypoint?: string;
  readonly env?: readonly string[];
  readonly workdir?: string;
  /** `-h/--hostname`: otherwise the short container ID, as Docker does. */
  readonly hostname?: string;
  readonly user?: string;
  readonly tty?: boolean;
  readonly openStdin?: boolean;
  readonly autoRemove?: boolean;
  readonly publish?: readonly PortBinding[];
  readonly publishAll?: boolean;
  readonly stopTimeout?: number;
  readonly labels?: Readonly<Record<string, string>>;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PortSummary {
  readonly privatePort: number;
  readonly publicPort?: number;
  readonly ip?: string;
  readonly type: string;
}

/** One row of `docker ps` before formatting. */
export interface ContainerSummary {
  readonly id: string;
  /** Without the leading slash. */
  readonly name: string;
  /** As typed at create, or the short image ID once that reference no longer resolves to the same image. */
  readonly image: string;
  readonly imageId: string;
  /** Path + args joined the way the daemon joins them (args with spaces single-quoted). */
  readonly command: string;
  readonly created: number;
  readonly state: ContainerState;
  /** `Up 3 seconds`, `Exited (0) 2 minutes ago`, `Created` … computed against the engine clock. */
  readonly status: string;
  readonly ports: readonly PortSummary[];
  readonly labels: Readonly<Record<string, string>>;
  /** Writable layer bytes, and image + writable bytes: worked out for a listing with `size` (`ps -s`), 0 otherwise. */
  readonly sizeRw: number;
  readonly sizeRootFs: number;
  /** Whether a client is attached right now (for the engine panel). */
  readonly attached: boolean;
}

/** A live connection to a container's stdio (docker attach / run / start -a). */
export interface AttachSession {
  /** Sends input to the container's stdin (raw bytes when it has a TTY). */
  write(data: string): void;
  /** Closes stdin (EOF) for this client. */
  closeStdin(): void;
  /** Stops receiving output; the container keeps running. */
  detach(): void;
  /** Resolves with the exit code when the container stops while attached, or null if detached first. */
  readonly done: Promise<number | null>;
}

export interface AttachOptions {
  readonly stdin: boolean;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

export interface LogsOptions {
  readonly follow?: boolean;
  /** Number of lines from the end, or undefined for all. */
  readonly tail?: number;
  readonly timestamps?: boolean;
}

export interface ExecOptions {
  readonly cmd: readonly string[];
  readonly tty?: boolean;
  readonly interactive?: boolean;
  readonly env?: readonly string[];
  readonly workdir?: string;
  readonly user?: string;
  readonly detach?: boolean;
}

/** One entry of a copied tree, relative to the copied path's parent (like a tar stream). */
export interface ArchiveEntry {
  /** Relative path using `/`, e.g. `app/server.js`. */
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly mode: number;
  readonly data?: Uint8Array;
  readonly target?: string;
}

export interface ContainersApi {
  /** Returns the new container's 64-hex ID. Throws for a bad name, a name conflict, a missing image, no command. */
  create(options: CreateOptions): { readonly id: string; readonly warnings: readonly string[] };
  /** Starts it. Already running resolves quietly (304). Throws for port conflicts and exec failures (the container stays Created). */
  start(idOrName: string): Promise<void>;
  attach(idOrName: string, options: AttachOptions): AttachSession;
  /** Resolves with the exit code once the container is not running. */
  wait(idOrName: string): Promise<number>;
  stop(idOrName: string, options?: { readonly timeout?: number; readonly signal?: SignalName }): Promise<void>;
  kill(idOrName: string, signal?: SignalName): void;
  restart(idOrName: string, options?: { readonly timeout?: number }): Promise<void>;
  remove(idOrName: string, options?: { readonly force?: boolean }): Promise<void>;
  list(options?: { readonly all?: boolean; readonly size?: boolean }): ContainerSummary[];
  /** Docker's `container inspect` object. */
  inspect(idOrName: string): Record<string, unknown>;
  /** Resolves a name or full/short ID to the 64-hex ID, or undefined. */
  resolve(idOrName: string): string | undefined;
  logs(idOrName: string, options: LogsOptions, out: { readonly stdout: OutputStream; readonly stderr: OutputStream }, cancel?: CancelToken): Promise<void>;
  exec(idOrName: string, options: ExecOptions, io: import('../os/process.js').CommandIO): Promise<number>;
  copyFrom(idOrName: string, path: string): { readonly entries: readonly ArchiveEntry[]; readonly tarSize: number };
  copyTo(idOrName: string, destPath: string, entries: readonly ArchiveEntry[]): { readonly tarSize: number };
}

// ---------------------------------------------------------------- build

export interface BuildOptions {
  /** The build context: the workspace file system. */
  readonly context: Vfs;
  /** Absolute directory of the context inside `context`, e.g. `/workspace`. */
  readonly contextDir: string;
  /** Absolute path of the Dockerfile (default `<contextDir>/Dockerfile`). */
  readonly dockerfile: string;
  readonly tags: readonly string[];
  readonly noCache?: boolean;
  readonly pull?: boolean;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
}

/** A BuildKit vertex status update; the CLI renders these as tty or plain progress. */
export interface BuildVertex {
  /** Stable id within one build. */
  readonly id: string;
  /** e.g. `[internal] load build definition from Dockerfile`, `[2/5] WORKDIR /app`. */
  readonly name: string;
  readonly started?: number;
  readonly completed?: number;
  readonly cached?: boolean;
  readonly error?: string;
  readonly canceled?: boolean;
}

export type BuildEvent =
  | { readonly type: 'vertex'; readonly vertex: BuildVertex }
  /** A status line under a vertex (`transferring dockerfile: 227B`, `writing image sha256:… done`). */
  | { readonly type: 'status'; readonly vertexId: string; readonly id: string; readonly name: string; readonly current?: number; readonly total?: number; readonly started?: number; readonly completed?: number }
  /** Process output of a RUN step. */
  | { readonly type: 'log'; readonly vertexId: string; readonly stream: 'stdout' | 'stderr'; readonly text: string; readonly timestamp: number }
  | { readonly type: 'warning'; readonly rule: string; readonly message: string; readonly line: number };

/** Why a step ran instead of coming from the cache (the UI and lessons show this). */
export type CacheMissReason =
  | { readonly kind: 'no-cache' }
  | { readonly kind: 'first-build' }
  | { readonly kind: 'instruction-changed' }
  | { readonly kind: 'files-changed'; readonly files: readonly string[] }
  | { readonly kind: 'parent-missed'; readonly step: number }
  | { readonly kind: 'env-changed' };

export interface BuildStepRecord {
  /** 1-based step index within its stage, as in `[2/5]`. */
  readonly index: number;
  readonly total: number;
  readonly stage: string;
  /** The instruction as shown by BuildKit, e.g. `RUN npm install`. */
  readonly instruction: string;
  readonly line: number;
  readonly cached: boolean;
  readonly reason?: CacheMissReason;
  readonly durationMs: number;
}

export interface BuildRecord {
  readonly id: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly imageId?: string;
  readonly tags: readonly string[];
  readonly steps: readonly BuildStepRecord[];
  readonly error?: string;
  readonly canceled?: boolean;
}

export interface BuilderApi {
  /** Throws BuildFailure (with what the CLI needs for BuildKit's error block) on failure. */
  build(options: BuildOptions, onEvent: (event: BuildEvent) => void, cancel?: CancelToken): Promise<BuildRecord>;
  lastBuild(): BuildRecord | undefined;
  /** `docker builder prune`: forget the build cache. */
  prune(): { readonly spaceReclaimed: number };
}

// ---------------------------------------------------------------- system

export type EngineEvent =
  | { readonly type: 'container'; readonly action: 'create' | 'start' | 'die' | 'destroy' | 'attach' | 'detach' | 'stop' | 'kill'; readonly id: string; readonly time: number; readonly exitCode?: number }
  | { readonly type: 'image'; readonly action: 'pull' | 'push' | 'build' | 'tag' | 'untag' | 'delete'; readonly id: string; readonly ref?: string; readonly time: number }
  | { readonly type: 'stop-wait'; readonly id: string; readonly timeoutSeconds: number; readonly signal: SignalName; readonly reason: string; readonly time: number };

export interface SystemApi {
  version(): { readonly version: string; readonly apiVersion: string; readonly goVersion: string; readonly gitCommit: string; readonly os: string; readonly arch: string; readonly buildTime: string };
  info(): Record<string, unknown>;
  /** Subscribes to the event stream; returns an unsubscribe. */
  subscribe(listener: (event: EngineEvent) => void): () => void;
  /** Plain, JSON-serialisable state for persistence and lesson checks. */
  snapshot(): EngineSnapshot;
  /** Replaces all state with a snapshot. Running containers come back stopped (Exited (0) / 137 per fidelity.md). */
  restore(snapshot: EngineSnapshot): void;
  /** Human-readable descriptions of broken invariants; empty when all hold. */
  checkInvariants(): string[];
}

/** Opaque to callers except through lesson checks, which read its documented fields. */
export interface EngineSnapshot {
  readonly version: 1;
  readonly [key: string]: unknown;
}

export interface EngineApi {
  readonly images: ImagesApi;
  readonly registry: RegistryApi;
  readonly containers: ContainersApi;
  readonly builder: BuilderApi;
  readonly system: SystemApi;
  /** A request to a published host port, as curl or the preview makes it. Throws ConnectionRefused when nothing listens. */
  http(hostPort: number, request: HttpRequest): Promise<HttpResponse>;
}
