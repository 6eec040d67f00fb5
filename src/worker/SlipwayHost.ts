/**
 * Everything the browser worker holds: one engine, the session file system
 * with the workspace in it, the terminal sessions and persistence. It is the
 * WorkerApi without comlink, so it runs (and is tested) in Node as well.
 */
import type { Clock, IdSource } from '../os/clock.js';
import { MemFs } from '../os/memfs.js';
import { Engine, type EngineSnapshot } from '../engine/index.js';
import { dockerCompletions } from '../cli/index.js';
import { DEFAULT_CWD, TerminalSession } from './session/TerminalSession.js';
import { createDefaultShell } from './session/shellFactory.js';
import { dockerfileMarkers } from './dockerfileMarkers.js';
import { engineView } from './engineView.js';
import { previewRequest } from './preview.js';
import { SessionHub, type Defer } from './sessionHub.js';
import { Workspace } from './workspace.js';
import type { BootInfo, ChangeKind, EditorMarker, EngineView, PreviewRequest, PreviewResponse, Result, SessionCallbacks, WorkerApi, WorkspaceListing } from './protocol.js';

/** What survives a reload. */
export interface SavedState {
  readonly version: 1;
  readonly files: Readonly<Record<string, string>>;
  readonly dirs: readonly string[];
  readonly engine?: EngineSnapshot;
  readonly history: readonly string[];
}

export interface StateStore {
  load(): Promise<SavedState | undefined>;
  save(state: SavedState): Promise<void>;
  clear(): Promise<void>;
}

export interface HostOptions {
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Runs a task after the current one (output batching, change notices). */
  readonly defer: Defer;
  /** Runs a task after `ms` (debounced saves). */
  readonly later: (task: () => void, ms: number) => void;
  readonly store?: StateStore;
  /** The files a fresh workspace starts with. */
  readonly seed?: () => Readonly<Record<string, string>>;
}

const SAVE_DELAY_MS = 300;

/** Every call that touches state waits for boot(), so nothing reads the workspace before it is restored. */
export class SlipwayHost implements WorkerApi {
  engine: Engine;
  readonly fs: MemFs;
  readonly workspace: Workspace;
  private readonly hub: SessionHub;
  private readonly watchers = new Set<(what: ChangeKind) => void>();
  private unsubscribeEngine: () => void = () => undefined;
  private engineNoticeQueued = false;
  private saveQueued = false;
  private history: readonly string[] = [];
  private booted: Promise<BootInfo> | undefined;
  private storageIssue: string | undefined;

  constructor(private readonly options: HostOptions) {
    this.engine = new Engine({ clock: options.clock, ids: options.ids });
    this.fs = new MemFs({ now: () => options.clock.now(), uid: 1000, gid: 1000 });
    this.workspace = new Workspace(this.fs, DEFAULT_CWD);
    this.hub = new SessionHub(options.defer);
    this.listenToEngine();
  }

  boot(): Promise<BootInfo> {
    this.booted ??= this.restore();
    return this.booted;
  }

  async ping(): Promise<number> {
    return this.options.clock.monotonic();
  }

  async openSession(id: string, columns: number, rows: number, callbacks: SessionCallbacks): Promise<void> {
    await this.boot();
    if (!this.hub.has(id)) {
      const session = this.hub.add(
        id,
        (write) =>
          new TerminalSession({
            engine: this.engine,
            fs: this.fs,
            clock: this.options.clock,
            columns,
            rows,
            write,
            history: this.history,
            createShell: createDefaultShell,
            dockerCompletions: (words, engine) => dockerCompletions([...words], engine),
          }),
        (status) => {
          if (status === 'prompt' || status === 'exited') this.afterCommand(id);
        },
      );
      this.hub.attach(id, callbacks);
      session.start();
      return;
    }
    this.hub.get(id)?.resize(columns, rows);
    this.hub.attach(id, callbacks);
  }

  async input(id: string, data: string): Promise<void> {
    // Not awaited: a running job would hold the call open until it ends.
    void this.hub.get(id)?.input(data);
  }

  async resize(id: string, columns: number, rows: number): Promise<void> {
    this.hub.get(id)?.resize(columns, rows);
  }

  async closeSession(id: string): Promise<void> {
    const session = this.hub.get(id);
    if (session && !session.isIdle()) void session.input('\x03');
    this.hub.close(id);
  }

  async listWorkspace(): Promise<WorkspaceListing> {
    await this.boot();
    return this.workspace.listing();
  }

  async readFile(path: string): Promise<Result<string>> {
    await this.boot();
    return this.workspace.readText(path);
  }

  async writeFile(path: string, text: string): Promise<Result<WorkspaceListing>> {
    await this.boot();
    return this.afterEdit(this.workspace.writeText(path, text));
  }

  async mkdir(path: string): Promise<Result<WorkspaceListing>> {
    await this.boot();
    return this.afterEdit(this.workspace.mkdir(path));
  }

  async rename(from: string, to: string): Promise<Result<WorkspaceListing>> {
    await this.boot();
    return this.afterEdit(this.workspace.rename(from, to));
  }

  async remove(path: string): Promise<Result<WorkspaceListing>> {
    await this.boot();
    return this.afterEdit(this.workspace.remove(path));
  }

  async lintDockerfile(text: string): Promise<EditorMarker[]> {
    return dockerfileMarkers(text);
  }

  async engineView(): Promise<EngineView> {
    await this.boot();
    return engineView(this.engine);
  }

  async inspectContainer(id: string): Promise<Result<string>> {
    await this.boot();
    try {
      return { ok: true, value: JSON.stringify([this.engine.containers.inspect(id)], null, 4) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async watch(onChange: (what: ChangeKind) => void): Promise<void> {
    this.watchers.add(onChange);
  }

  async storageProblem(): Promise<string | undefined> {
    return this.storageIssue;
  }

  async preview(port: number, request: PreviewRequest): Promise<Result<PreviewResponse>> {
    await this.boot();
    return previewRequest((hostPort, req) => this.engine.http(hostPort, req), port, request);
  }

  async resetEverything(): Promise<void> {
    await this.options.store?.clear().catch(() => undefined);
    this.hub.clear();
    this.unsubscribeEngine();
    this.engine = new Engine({ clock: this.options.clock, ids: this.options.ids });
    this.listenToEngine();
    this.history = [];
    this.workspace.replace(this.options.seed?.() ?? {});
    this.notify('workspace');
    this.notify('engine');
  }

  /** The state as it would be saved now. */
  savedState(): SavedState {
    const dirs = this.workspace.entries().filter((e) => e.kind === 'dir').map((e) => e.path);
    return { version: 1, files: this.workspace.files(), dirs, engine: this.engine.system.snapshot(), history: this.history };
  }

  private async restore(): Promise<BootInfo> {
    let saved: SavedState | undefined;
    try {
      saved = await this.options.store?.load();
    } catch (error) {
      this.storageIssue = `Storage is unavailable (${error instanceof Error ? error.message : String(error)}); your work will not survive a reload.`;
    }
    if (saved && saved.version === 1) {
      this.workspace.replace(saved.files, saved.dirs);
      this.history = saved.history;
      if (saved.engine) {
        try {
          this.engine.system.restore(saved.engine);
        } catch {
          this.storageIssue = 'The saved engine state could not be restored; the engine starts empty.';
        }
      }
      return { restored: true, storageProblem: this.storageIssue };
    }
    this.workspace.replace(this.options.seed?.() ?? {});
    return { restored: false, storageProblem: this.storageIssue };
  }

  private listenToEngine(): void {
    this.unsubscribeEngine = this.engine.system.subscribe(() => this.engineChanged());
  }

  private engineChanged(): void {
    if (this.engineNoticeQueued) return;
    this.engineNoticeQueued = true;
    this.options.defer(() => {
      this.engineNoticeQueued = false;
      this.notify('engine');
    });
  }

  private afterCommand(id: string): void {
    const session = this.hub.get(id);
    if (session) this.history = session.history();
    if (this.workspace.refresh()) this.notify('workspace');
    // Statuses ("Up 3 seconds") and builds change without an event.
    this.engineChanged();
    this.scheduleSave();
  }

  private afterEdit(result: Result<WorkspaceListing>): Result<WorkspaceListing> {
    if (result.ok) this.scheduleSave();
    return result;
  }

  private notify(what: ChangeKind): void {
    for (const watcher of this.watchers) {
      try {
        watcher(what);
      } catch {
        // A closed page's proxy must not stop the others.
        this.watchers.delete(watcher);
      }
    }
  }

  private scheduleSave(): void {
    const store = this.options.store;
    if (!store || this.saveQueued) return;
    this.saveQueued = true;
    this.options.later(() => {
      this.saveQueued = false;
      store.save(this.savedState()).catch((error: unknown) => {
        this.storageIssue = `Saving failed (${error instanceof Error ? error.message : String(error)}).`;
        this.notify('storage');
      });
    }, SAVE_DELAY_MS);
  }
}
