/**
 * Everything the browser worker holds: one engine, the session file system
 * with the workspace in it, the terminal sessions and persistence. It is the
 * worker's surface without comlink (HostApi: sessions report to callbacks, not
 * on a MessagePort), so it runs (and is tested) in Node as well.
 */
import type { Clock, IdSource } from '../os/clock.js';
import { MemFs } from '../os/memfs.js';
import { Engine } from '../engine/index.js';
import { dockerCompletions } from '../cli/index.js';
import { DEFAULT_CWD, TerminalSession } from './session/TerminalSession.js';
import { createDefaultShell } from './session/shellFactory.js';
import { CommandLog } from './session/commandLog.js';
import type { WorldTime } from './session/lessonsCheck.js';
import { LessonHost } from './lessons/LessonHost.js';
import type { LessonIndex } from './lessons/lessonIndex.js';
import { migrateSavedState, type SavedState, type StateStore } from './lessons/saved.js';
import { followEngine } from './lessons/spaces.js';
import { fastSetupTime } from './lessons/setupClock.js';
import { EngineViews } from './engineView.js';
import { previewRequest } from './preview.js';
import { SessionHub, type Defer } from './sessionHub.js';
import { AtPause } from './atPause.js';
import { Workspace } from './workspace.js';
import type { BootInfo, ChangeKind, EditorMarker, EngineView, PreviewRequest, PreviewResponse, Result, SessionCallbacks, HostApi, WorkspaceListing } from './protocol.js';

/** What survives a reload (lessons/saved.ts: spaces and lesson progress). */
export type { SavedState, SavedStateV1, StateStore } from './lessons/saved.js';

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
  /** Time for a lesson's headless setup (default: the host clock, settling a task at a time). */
  readonly setupTime?: () => WorldTime;
  /** The lessons tree (default: the lessons bundled into the app). */
  readonly lessons?: () => Promise<Readonly<Record<string, string>>>;
  /** The build's index of those lessons: the lesson list without loading them. */
  readonly lessonIndex?: () => Promise<LessonIndex>;
}

/** Saves (and the view check after an eventless command) wait for this long a pause in typing (atPause.ts)… */
const PAUSE_MS = 300;
/** …but typing without a pause holds them back at most this many pauses (~4.5 s). */
const MAX_POSTPONES = 15;

/** A storage failure in words: the DOMException's name says which (QuotaExceededError, SecurityError…). */
function storageError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
}

/** Every call that touches state waits for boot(), so nothing reads the workspace before it is restored. */
export class SlipwayHost implements HostApi {
  engine: Engine;
  readonly fs: MemFs;
  readonly workspace: Workspace;
  private readonly hub: SessionHub;
  private readonly watchers = new Set<(what: ChangeKind) => void>();
  private unsubscribeEngine: () => void = () => undefined;
  private engineNoticeQueued = false;
  private readonly views = new EngineViews();
  /** Engine events so far (a swap of engine counts as one), and at the last 'engine' notice. */
  private engineEvents = 0;
  private noticedEvents = 0;
  /** How long a list the UI last asked for, and what it got (as JSON): the notice after an eventless command depends on it. */
  private viewLimit = Infinity;
  private shownView: string | undefined;
  private saveQueued = false;
  private readonly atPause: AtPause;
  private history: readonly string[] = [];
  private booted: Promise<BootInfo> | undefined;
  private storageIssue: string | undefined;
  /** Storage failed (at boot or on a save): the banner already says so. */
  private workingFromMemory = false;
  private readonly logs = new Map<string, CommandLog>();
  /** What terminals hold: it follows the active space's engine. */
  private readonly liveEngine = followEngine(() => this.engine);
  private readonly lessons: LessonHost;

  constructor(private readonly options: HostOptions) {
    this.engine = new Engine({ clock: options.clock, ids: options.ids });
    this.fs = new MemFs({ now: () => options.clock.now(), uid: 1000, gid: 1000 });
    this.workspace = new Workspace(this.fs, DEFAULT_CWD);
    this.hub = new SessionHub(options.defer);
    this.atPause = new AtPause(options.later, PAUSE_MS, MAX_POSTPONES);
    this.lessons = new LessonHost(
      {
        clock: options.clock,
        ids: options.ids,
        workspace: this.workspace,
        defer: options.defer,
        seed: () => options.seed?.() ?? {},
        useEngine: (engine) => this.useEngine(engine),
        sessions: () => this.hub.sessions(),
        history: () => this.history,
        setHistory: (history) => {
          this.history = history;
          for (const session of this.hub.sessions()) session.switchHistory(history);
        },
        notify: (what) => this.notify(what),
        scheduleSave: () => this.scheduleSave(),
        setupTime: options.setupTime ?? (() => fastSetupTime(options.clock, options.ids, options.defer)),
        lessonTree: options.lessons,
        lessonIndex: options.lessonIndex,
      },
      this.engine,
    );
    this.listenToEngine();
  }

  // The lesson half of the API (lessons/LessonHost.ts), each after boot.
  readonly listLessons = this.afterBoot(() => this.lessons.listLessons());
  readonly currentLesson = this.afterBoot(() => this.lessons.currentLesson());
  readonly openLesson = this.afterBoot((id: string | undefined) => this.lessons.openLesson(id));
  readonly resetLesson = this.afterBoot(() => this.lessons.resetLesson());
  readonly showHint = this.afterBoot((taskId: string) => this.lessons.showHint(taskId));
  readonly answerQuiz = this.afterBoot((quizId: string, choices: readonly number[]) => this.lessons.answerQuiz(quizId, choices));
  readonly solution = this.afterBoot(() => this.lessons.solution());
  readonly applySolutionFiles = this.afterBoot(() => this.lessons.applySolutionFiles());
  readonly undoInfo = this.afterBoot(() => this.lessons.undoInfo());
  readonly undo = this.afterBoot(() => this.lessons.undo());
  readonly exportProgress = this.afterBoot(() => this.lessons.exportProgress());
  readonly importProgress = this.afterBoot((json: string) => this.lessons.importProgress(json));

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
            engine: this.liveEngine,
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
      this.logs.set(id, new CommandLog(session, { onStart: (line) => this.lessons.commandStarted(id, line), onEnd: (fact) => this.lessons.commandFinished(id, fact) }));
      this.hub.attach(id, callbacks);
      session.start();
      return;
    }
    this.hub.get(id)?.resize(columns, rows);
    this.hub.attach(id, callbacks);
  }

  /** The page is being hidden or closed: what waits for a pause in typing (the save) happens now. */
  async flush(): Promise<void> {
    this.atPause.flush();
  }

  async input(id: string, data: string): Promise<void> {
    this.atPause.typing();
    // Not awaited: a running job would hold the call open until it ends.
    void (this.logs.get(id) ?? this.hub.get(id))?.input(data);
  }

  async resize(id: string, columns: number, rows: number): Promise<void> {
    this.hub.get(id)?.resize(columns, rows);
  }

  async closeSession(id: string): Promise<void> {
    const session = this.hub.get(id);
    if (session && !session.isIdle()) void session.input('\x03');
    this.hub.close(id);
    this.logs.get(id)?.dispose();
    this.logs.delete(id);
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
    // The Dockerfile parser and checks load with the editor, not with the first command.
    const { dockerfileMarkers } = await import('./dockerfileMarkers.js');
    return dockerfileMarkers(text);
  }

  async engineView(limit?: number): Promise<EngineView> {
    await this.boot();
    this.viewLimit = limit ?? Infinity;
    const view = this.views.view(this.engine, this.viewLimit);
    this.shownView = JSON.stringify(view);
    return view;
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
    for (const log of this.logs.values()) log.dispose();
    this.logs.clear();
    this.useEngine(new Engine({ clock: this.options.clock, ids: this.options.ids }));
    this.lessons.resetAll(this.engine);
    this.history = [];
    this.workspace.replace(this.options.seed?.() ?? {});
    this.notify('workspace');
    this.notify('engine');
  }

  /** The state as it would be saved now. */
  savedState(): SavedState {
    return this.lessons.savedState();
  }

  private async restore(): Promise<BootInfo> {
    let saved: unknown;
    try {
      saved = await this.options.store?.load();
    } catch (error) {
      this.workingFromMemory = true;
      this.storageIssue = `Storage is unavailable (${storageError(error)}): Slipway is working from memory, and this tab's work is lost when it closes. Export your progress to keep it.`;
    }
    // Older formats are read as the current one (a v1 save becomes the sandbox space).
    const state = migrateSavedState(saved);
    const problem = await this.lessons.restore(state);
    this.storageIssue ??= problem;
    return { restored: state !== undefined, storageProblem: this.storageIssue };
  }

  private listenToEngine(): void {
    this.unsubscribeEngine = this.engine.system.subscribe(() => {
      this.engineEvents++;
      this.lessons.engineEvent();
      this.engineChanged();
    });
  }

  /** Swaps the engine every terminal and view uses (a reset, a switch of lesson space). */
  private useEngine(engine: Engine): void {
    this.unsubscribeEngine();
    this.engine = engine;
    this.engineEvents++;
    this.listenToEngine();
    this.engineChanged();
  }

  private afterBoot<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      await this.boot();
      return call(...args);
    };
  }

  private engineChanged(): void {
    if (this.engineNoticeQueued) return;
    this.engineNoticeQueued = true;
    this.options.defer(() => {
      this.engineNoticeQueued = false;
      if (this.engineEvents !== this.noticedEvents || this.shownView === undefined) this.engineNotice();
      else {
        this.atPause.run('view', () => {
          if (this.viewMoved()) this.engineNotice();
        });
      }
    });
  }

  private engineNotice(): void {
    this.noticedEvents = this.engineEvents;
    this.notify('engine');
  }

  /**
   * Whether the view the UI holds is out of date although the engine emitted
   * nothing: statuses ("Up 3 seconds") and builds change without an event.
   * A read-only command (`docker ps`) usually changes nothing, and then the
   * UI is not asked to pull and render the view again. Computing the view
   * to compare takes ~10 ms with 1,000 containers, so it waits for a pause.
   */
  private viewMoved(): boolean {
    return JSON.stringify(this.views.view(this.engine, this.viewLimit)) !== this.shownView;
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
    if (!result.ok) return result;
    this.scheduleSave();
    this.lessons.edited();
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
    this.atPause.run('save', () => {
      this.saveQueued = false;
      store.save(this.savedState()).catch((error: unknown) => {
        // The first failure names the cause (unavailable at boot, or the first failed save); once storage is gone every save fails.
        if (this.workingFromMemory) return;
        this.workingFromMemory = true;
        this.storageIssue = `Saving failed (${storageError(error)}): Slipway is working from memory, and this tab's work is lost when it closes. Export your progress to keep it.`;
        this.notify('storage');
      });
    });
  }
}
