/**
 * What crosses the worker boundary. Everything here is plain, structured-
 * clone-safe data: comlink drops the fields of thrown errors, so expected
 * failures travel as `Result` values instead of exceptions.
 */
import type { LessonApi } from './lessonProtocol.js';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export type SessionStatus = 'prompt' | 'running' | 'reading' | 'exited';

/**
 * One message on a session's terminal line (the MessagePort `openSession` hands over): the page sends keys
 * as strings, the worker sends `[text, states]` for SessionCallbacks.update. A port of its own, since a
 * comlink call is a message with a reply, a promise and an ID each way: for every key and every answer.
 */
export type TerminalLineUpdate = readonly [text: string, states: readonly SessionStatus[]];

export interface SessionCallbacks {
  /**
   * What the session did since the last call: its terminal text (`\r\n`, ANSI) and then the states it
   * went through, in order. One call, since each call is a message on the terminal's line and a task in the
   * page: a quick command's echo, output and prompt arrive together, and xterm parses them at once.
   */
  update(text: string, states: readonly SessionStatus[]): void;
}

/** One node of the workspace tree, relative to the workspace root. */
export interface WorkspaceEntry {
  readonly path: string;
  readonly kind: 'file' | 'dir';
  readonly size: number;
  readonly mtime: number;
}

export interface WorkspaceListing {
  /** Bumps whenever anything under the workspace changed (from the editor or the terminal). */
  readonly version: number;
  readonly entries: readonly WorkspaceEntry[];
}

export interface EditorMarker {
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** BuildKit rule name for build checks, `slipway` for Slipway's hints. */
  readonly source: string;
  readonly url?: string;
}

export interface LayerView {
  /** `sha256:…` diff ID, or '' for a metadata-only history entry. */
  readonly diffId: string;
  readonly createdBy: string;
  readonly size: number;
  readonly empty: boolean;
  /** Another image holds the same layer. */
  readonly shared: boolean;
}

export interface ImageView {
  readonly id: string;
  readonly tags: readonly string[];
  readonly size: number;
  /** Base first, as the stack is built. */
  readonly layers: readonly LayerView[];
}

export interface ContainerView {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: string;
  readonly status: string;
  /** e.g. `0.0.0.0:8080->80/tcp` */
  readonly ports: readonly string[];
  readonly publishedPorts: readonly number[];
  readonly attached: boolean;
}

export interface BuildStepView {
  readonly stage: string;
  readonly index: number;
  readonly total: number;
  readonly instruction: string;
  readonly cached: boolean;
  /** Why it ran, in words; empty for cached steps. */
  readonly reason: string;
}

export interface BuildView {
  readonly tags: readonly string[];
  readonly imageId?: string;
  readonly error?: string;
  readonly steps: readonly BuildStepView[];
}

export interface EngineView {
  /** Newest first, at most as many as were asked for. */
  readonly images: readonly ImageView[];
  /** All images, listed or not. */
  readonly imageCount: number;
  /** Newest first, at most as many as were asked for. */
  readonly containers: readonly ContainerView[];
  readonly containerCount: number;
  /** Host ports of every running container (listed or not): what the preview can show. */
  readonly previewPorts: readonly number[];
  readonly lastBuild?: BuildView;
}

/** A request of the preview pane, as a browser would send it to `http://localhost:<port>`. */
export interface PreviewRequest {
  readonly method: string;
  /** Path plus query string, e.g. `/goals?x=1`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** e.g. a form's `application/x-www-form-urlencoded` fields. */
  readonly body?: string;
}

export interface PreviewResponse {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  /** Header names in lower case (`location` for redirects). */
  readonly headers: Readonly<Record<string, string>>;
  /** Text bodies as they are; binary ones (images) as base64. */
  readonly encoding: 'text' | 'base64';
  readonly body: string;
}

/** `lesson`: the current lesson's evaluation, progress or space changed (pull `currentLesson()` and `listLessons()`). */
export type ChangeKind = 'engine' | 'workspace' | 'storage' | 'lesson';

export interface BootInfo {
  /** State came back from storage. */
  readonly restored: boolean;
  /** Why storage is not usable, when it is not. */
  readonly storageProblem?: string;
}

/** The worker's surface as SlipwayHost implements it (and Node tests drive it): sessions talk through callbacks. */
export interface HostApi extends LessonApi {
  boot(): Promise<BootInfo>;
  /** Answers at once: the page's heartbeat. */
  ping(): Promise<number>;
  /** Saves now what waits for a pause in typing: the page is being hidden or closed. */
  flush(): Promise<void>;
  /** Opens (or re-attaches) a session: it reports to `callbacks`; keys come through `input`. */
  openSession(id: string, columns: number, rows: number, callbacks: SessionCallbacks): Promise<void>;
  /** Keys for a session, for who has no line (a lesson's "type it for me"). */
  input(id: string, data: string): Promise<void>;
  resize(id: string, columns: number, rows: number): Promise<void>;
  closeSession(id: string): Promise<void>;
  listWorkspace(): Promise<WorkspaceListing>;
  readFile(path: string): Promise<Result<string>>;
  writeFile(path: string, text: string): Promise<Result<WorkspaceListing>>;
  mkdir(path: string): Promise<Result<WorkspaceListing>>;
  rename(from: string, to: string): Promise<Result<WorkspaceListing>>;
  remove(path: string): Promise<Result<WorkspaceListing>>;
  lintDockerfile(text: string): Promise<EditorMarker[]>;
  /** At most `limit` images and containers (default: all); later change notices compare views of that size. */
  engineView(limit?: number): Promise<EngineView>;
  inspectContainer(id: string): Promise<Result<string>>;
  /** Called (without payload) whenever something changed; the UI pulls what it shows. */
  watch(onChange: (what: ChangeKind) => void): Promise<void>;
  /** Why state is not being saved, when it is not. */
  storageProblem(): Promise<string | undefined>;
  preview(port: number, request: PreviewRequest): Promise<Result<PreviewResponse>>;
  resetEverything(): Promise<void>;
}

/** The worker's surface as the page sees it through comlink: a session's traffic goes on a line of its own. */
export interface WorkerApi extends Omit<HostApi, 'openSession'> {
  /** Opens (or re-attaches) a session on `line`: keys come in on it, TerminalLineUpdate messages go out. */
  openSession(id: string, columns: number, rows: number, line: MessagePort): Promise<void>;
}
