/**
 * The worker's lesson side (LessonApi): spaces, live evaluation, progress,
 * hints, quizzes, the solution diff and undo. SlipwayHost owns the terminals,
 * the workspace folder and persistence, and lends them through
 * LessonHostContext; everything lesson-specific lives here and in the lazily
 * loaded runtime (lesson content, yaml, zod, checks).
 */
import type { Clock, IdSource } from '../../os/clock.js';
import { Engine } from '../../engine/index.js';
import type { CommandFact, Lesson } from '../../lessons/index.js';
import type { TerminalSession } from '../session/TerminalSession.js';
import type { WorldTime } from '../session/lessonsCheck.js';
import type { Defer } from '../sessionHub.js';
import type { Workspace } from '../workspace.js';
import type { ChangeKind, Result } from '../protocol.js';
import type { LessonApi, LessonSummary, LessonView, SolutionFileView, SolutionView, UndoInfo } from '../lessonProtocol.js';
import { freshProgress, mergeProgress, progressFile, resetProgress } from './progress.js';
import { SANDBOX, lessonIdOf, lessonKey, type LessonProgress, type SavedSpace, type SavedState, type SpaceKey } from './saved.js';
import { Space, captureSpace, materialize, type Parked } from './spaces.js';
import { revert } from './undo.js';
import type { Catalogue } from './catalogue.js';

type Runtime = typeof import('./runtime.js');

export interface LessonHostContext {
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly workspace: Workspace;
  readonly defer: Defer;
  /** The files of a fresh sandbox. */
  seed(): Readonly<Record<string, string>>;
  /** Makes `engine` the one every terminal, the engine view and the preview use. */
  useEngine(engine: Engine): void;
  sessions(): readonly TerminalSession[];
  /** The terminal history the host keeps (the active space's). */
  history(): readonly string[];
  /** Replaces it, in every open terminal too. */
  setHistory(history: readonly string[]): void;
  notify(what: ChangeKind): void;
  scheduleSave(): void;
  /** Time for a lesson's headless setup (a virtual clock in tests). */
  setupTime(): WorldTime;
  /** The lessons tree; default: the lessons bundled into the app. */
  readonly lessonTree?: () => Promise<Readonly<Record<string, string>>>;
}

interface Built {
  readonly space: Space;
  readonly files: Readonly<Record<string, string>>;
  readonly dirs: readonly string[];
  readonly problem?: string;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });
const NO_LESSON = 'No lesson is open: this is the sandbox.';
const BUSY = 'A command is still running in a terminal. Let it finish (or stop it with Ctrl-C), then try again.';
const RESTORE_FAILED = 'The saved engine state could not be restored; the engine starts empty.';

export class LessonHost implements LessonApi {
  private active: Space;
  private readonly parked = new Map<SpaceKey, Parked>();
  private progress: Record<string, LessonProgress> = {};
  private runtimeLoad: Promise<Runtime> | undefined;
  private rt: Runtime | undefined;
  private catalogueLoad: Promise<Catalogue> | undefined;
  private catalogue: Catalogue | undefined;
  private view: LessonView | undefined;
  private viewSignature = '';
  private engineEvents = 0;
  private evaluationQueued = false;
  /** Space switches, resets, undo and imports run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: LessonHostContext,
    engine: Engine,
  ) {
    this.active = new Space(SANDBOX, engine, [], []);
  }

  // ------------------------------------------------------------ host hooks

  /** Boot: the saved spaces and progress come back; returns a problem to report, if any. */
  async restore(saved: SavedState | undefined): Promise<string | undefined> {
    if (!saved) {
      this.ctx.workspace.replace(this.ctx.seed());
      return undefined;
    }
    this.progress = { ...saved.progress };
    for (const [key, space] of Object.entries(saved.spaces)) this.parked.set(key, { saved: space });
    let key = saved.active;
    const lessonId = lessonIdOf(key);
    if (lessonId !== undefined) {
      const catalogue = await this.ensureCatalogue();
      // A lesson that is gone (or now broken) gives way to the sandbox.
      if (!catalogue.get(lessonId)?.lesson) key = SANDBOX;
    }
    const built = await this.build(key);
    this.enter(built, false);
    return built.problem;
  }

  /** The whole state as it is saved now. Parked spaces keep their stored object, so a store can skip unchanged ones. */
  savedState(): SavedState {
    const spaces: Record<SpaceKey, SavedSpace> = {};
    for (const [key, parked] of this.parked) spaces[key] = parked.saved;
    spaces[this.active.key] = captureSpace(this.active, this.ctx.workspace, this.ctx.history());
    return { version: 2, active: this.active.key, spaces, progress: { ...this.progress } };
  }

  /** `resetEverything`: every space and all progress go; the sandbox starts again on `engine`. */
  resetAll(engine: Engine): void {
    this.parked.clear();
    this.progress = {};
    this.active = new Space(SANDBOX, engine, [], []);
    this.view = undefined;
    this.viewSignature = '';
    this.ctx.notify('lesson');
  }

  commandStarted(session: string, line: string): void {
    this.active.undo.begin(session, line, this.active.engine, this.engineEvents);
  }

  commandFinished(session: string, fact: CommandFact): void {
    this.active.record(fact);
    this.active.undo.end(session, this.engineEvents);
    this.scheduleEvaluation();
  }

  /** Every engine event. While a command runs its end re-evaluates; while idle (a container exits by itself) this does. */
  engineEvent(): void {
    this.engineEvents++;
    if (this.idle()) this.scheduleEvaluation();
  }

  /** A file was saved from the editor. */
  edited(): void {
    this.scheduleEvaluation();
  }

  // ------------------------------------------------------------ LessonApi

  async listLessons(): Promise<LessonSummary[]> {
    const catalogue = await this.ensureCatalogue();
    const rt = await this.runtime();
    return catalogue.entries.map((entry) => rt.lessonSummary(entry, this.progress[entry.id]));
  }

  async currentLesson(): Promise<LessonView | undefined> {
    if (!this.activeLesson()) return undefined;
    if (!this.view) this.evaluate();
    return this.view;
  }

  openLesson(id: string | undefined): Promise<Result<LessonView | undefined>> {
    return this.exclusive(async () => {
      const key = id === undefined ? SANDBOX : lessonKey(id);
      if (id !== undefined) {
        const entry = (await this.ensureCatalogue()).get(id);
        if (!entry) return fail(`There is no lesson called "${id}".`);
        if (!entry.lesson) return fail(`The lesson "${id}" cannot be opened: ${entry.error}`);
      }
      if (key === this.active.key) return ok(await this.currentLesson());
      if (!this.idle()) return fail(BUSY);
      const built = await this.build(key);
      // The setup ran asynchronously: a command may have started meanwhile.
      if (!this.idle()) return fail(BUSY);
      this.enter(built, true);
      return ok(await this.currentLesson());
    });
  }

  resetLesson(): Promise<Result<LessonView>> {
    return this.exclusive(async () => {
      const lesson = this.activeLesson();
      if (!lesson) return fail(NO_LESSON);
      if (!this.idle()) return fail(BUSY);
      const built = await this.fresh(lesson);
      if (!this.idle()) return fail(BUSY);
      const previous = this.progress[lesson.id];
      if (previous) this.progress[lesson.id] = resetProgress(previous);
      this.enter(built, false);
      return ok(this.view ?? (await this.mustView()));
    });
  }

  async showHint(taskId: string): Promise<Result<LessonView>> {
    const lesson = this.activeLesson();
    if (!lesson) return fail(NO_LESSON);
    const task = lesson.meta.tasks.find((t) => t.id === taskId);
    if (!task) return fail(`The lesson has no task "${taskId}".`);
    const graded = task.hints.filter((hint) => hint.when === undefined).length;
    const progress = this.progressOf(lesson);
    const shown = progress.hintsShown[taskId] ?? 0;
    if (shown >= graded) return fail(graded === 0 ? `Task "${task.title}" has no hints.` : `Every hint of "${task.title}" is already shown.`);
    this.progress[lesson.id] = { ...progress, hintsShown: { ...progress.hintsShown, [taskId]: shown + 1 } };
    return this.changedProgress();
  }

  async answerQuiz(quizId: string, choices: readonly number[]): Promise<Result<LessonView>> {
    const lesson = this.activeLesson();
    if (!lesson) return fail(NO_LESSON);
    const quiz = lesson.meta.quiz.find((q) => q.id === quizId);
    if (!quiz) return fail(`The lesson has no question "${quizId}".`);
    const picked = [...new Set(choices)].sort((a, b) => a - b);
    if (picked.some((choice) => !Number.isInteger(choice) || choice < 0 || choice >= quiz.options.length)) return fail(`Answers are option numbers from 0 to ${quiz.options.length - 1}.`);
    if (picked.length === 0) return fail('Choose an answer first.');
    if (quiz.type === 'single' && picked.length !== 1) return fail('This question takes exactly one answer.');
    const progress = this.progressOf(lesson);
    this.progress[lesson.id] = { ...progress, quiz: { ...progress.quiz, [quizId]: picked } };
    return this.changedProgress();
  }

  async solution(): Promise<Result<SolutionView>> {
    const lesson = this.activeLesson();
    if (!lesson) return fail(NO_LESSON);
    const { commands, filesAfter, notes } = lesson.meta.solution;
    const files = Object.entries(lesson.solutionFiles).map(([path, solution]): SolutionFileView => {
      const current = this.ctx.workspace.readText(path);
      return { path, current: current.ok ? current.value : null, solution };
    });
    return ok({ commands: [...commands], filesAfter, ...(notes !== undefined ? { notes } : {}), files });
  }

  async applySolutionFiles(): Promise<Result<void>> {
    const lesson = this.activeLesson();
    if (!lesson) return fail(NO_LESSON);
    for (const [path, text] of Object.entries(lesson.solutionFiles)) {
      const written = this.ctx.workspace.writeText(path, text);
      if (!written.ok) return fail(`Could not write ${path}: ${written.error}`);
    }
    this.ctx.notify('workspace');
    this.ctx.scheduleSave();
    this.evaluate();
    return ok(undefined);
  }

  async undoInfo(): Promise<UndoInfo> {
    const entry = this.active.undo.peek();
    return entry ? { available: true, command: entry.command } : { available: false };
  }

  undo(): Promise<Result<string>> {
    return this.exclusive(async () => {
      if (!this.idle()) return fail('A command is still running in a terminal: undo waits until every terminal is back at its prompt.');
      const entry = this.active.undo.pop();
      if (!entry) return fail('Nothing to undo: no command has changed the engine here yet.');
      const restarted = await revert(this.active.engine, entry);
      this.ctx.notify('engine');
      this.ctx.scheduleSave();
      this.evaluate();
      const again = restarted.length > 0 ? ` Containers that were running then were started again: ${restarted.join(', ')}.` : '';
      return ok(`Undid the engine changes of \`${entry.command}\`: images, containers and the registry are as they were before it.${again} Files in the workspace are not changed by undo.`);
    });
  }

  async exportProgress(): Promise<string> {
    return JSON.stringify(progressFile(this.progress, this.ctx.clock.now()), null, 2);
  }

  importProgress(json: string): Promise<Result<number>> {
    return this.exclusive(async () => {
      const rt = await this.runtime();
      const catalogue = await this.ensureCatalogue();
      const parsed = rt.parseProgressFile(json);
      if (!parsed.ok) return parsed;
      let imported = 0;
      for (const [id, record] of Object.entries(parsed.file.lessons)) {
        // Progress of another version (or an unknown lesson) describes tasks that are not these.
        if (catalogue.get(id)?.lesson?.meta.version !== record.version) continue;
        this.progress[id] = mergeProgress(this.progress[id], record);
        imported++;
      }
      this.ctx.scheduleSave();
      this.evaluate();
      this.ctx.notify('lesson');
      return ok(imported);
    });
  }

  // ------------------------------------------------------------ spaces

  /** The space for `key`: parked (live or stored), else a fresh start. */
  private async build(key: SpaceKey): Promise<Built> {
    const parked = this.parked.get(key);
    const lessonId = lessonIdOf(key);
    const lesson = lessonId === undefined ? undefined : this.catalogue?.get(lessonId)?.lesson;
    if (parked?.live) return { space: parked.live, files: parked.saved.files, dirs: parked.saved.dirs };
    const current = parked && (!lesson || parked.saved.lessonVersion === lesson.meta.version);
    if (parked && current) {
      try {
        return { space: materialize(key, parked.saved, this.ctx), files: parked.saved.files, dirs: parked.saved.dirs };
      } catch {
        const space = new Space(key, this.newEngine(), parked.saved.history, [...parked.saved.commands], parked.saved.lessonVersion);
        return { space, files: parked.saved.files, dirs: parked.saved.dirs, problem: RESTORE_FAILED };
      }
    }
    if (lesson) return this.fresh(lesson);
    return { space: new Space(SANDBOX, this.newEngine(), [], []), files: this.ctx.seed(), dirs: [] };
  }

  /** A lesson's start: `_files` plus its setup, run headless. */
  private async fresh(lesson: Lesson): Promise<Built> {
    const rt = await this.runtime();
    const start = await rt.lessonStart(lesson, this.ctx.setupTime());
    return { space: new Space(lessonKey(lesson.id), start.engine, [], [], lesson.meta.version), files: start.files, dirs: [] };
  }

  /** Makes `built` the active space; the one left is parked (kept live) when `park`. */
  private enter(built: Built, park: boolean): void {
    if (park) this.parked.set(this.active.key, { saved: captureSpace(this.active, this.ctx.workspace, this.ctx.history()), live: this.active });
    this.parked.delete(built.space.key);
    this.active = built.space;
    this.ctx.useEngine(built.space.engine);
    this.ctx.workspace.replace(built.files, built.dirs);
    this.ctx.setHistory(built.space.history);
    this.view = undefined;
    this.viewSignature = '';
    this.ctx.notify('workspace');
    this.ctx.notify('engine');
    this.ctx.notify('lesson');
    this.evaluate();
    this.ctx.scheduleSave();
  }

  private newEngine(): Engine {
    return new Engine({ clock: this.ctx.clock, ids: this.ctx.ids });
  }

  private idle(): boolean {
    return this.ctx.sessions().every((session) => session.state === 'prompt' || session.state === 'exited');
  }

  // ------------------------------------------------------------ evaluation

  private activeLesson(): Lesson | undefined {
    const id = lessonIdOf(this.active.key);
    return id === undefined ? undefined : this.catalogue?.get(id)?.lesson;
  }

  private progressOf(lesson: Lesson): LessonProgress {
    const stored = this.progress[lesson.id];
    return stored && stored.version === lesson.meta.version ? stored : freshProgress(lesson.meta.version);
  }

  private scheduleEvaluation(): void {
    if (this.evaluationQueued || !this.activeLesson()) return;
    this.evaluationQueued = true;
    this.ctx.defer(() => {
      this.evaluationQueued = false;
      this.evaluate();
    });
  }

  /**
   * Checks the active lesson against the live state once (one state build,
   * every task against it), records progress and tells the UI if anything
   * it shows changed.
   */
  private evaluate(): void {
    const lesson = this.activeLesson();
    const rt = this.rt;
    if (!lesson || !rt || !this.catalogue) return;
    const { workspace } = this.ctx;
    const state = rt.buildLessonState({ engine: this.active.engine, fs: workspace.fs, workspace: workspace.root, commands: this.active.commands });
    const before = this.progressOf(lesson);
    const evaluation = rt.evaluateLesson(lesson, state, { hintsShown: before.hintsShown });
    const passed = evaluation.tasks.filter((task) => task.status === 'pass').map((task) => task.id);
    const progress = { ...before, passed, complete: before.complete || evaluation.complete };
    if (this.progress[lesson.id] !== before || passed.join() !== before.passed.join() || progress.complete !== before.complete) {
      this.progress[lesson.id] = progress;
      this.ctx.scheduleSave();
    }
    const view = rt.lessonView(lesson, evaluation, progress, this.catalogue.neighbours(lesson.id));
    const signature = JSON.stringify(view);
    if (signature === this.viewSignature) return;
    this.view = view;
    this.viewSignature = signature;
    this.ctx.notify('lesson');
  }

  private async changedProgress(): Promise<Result<LessonView>> {
    this.ctx.scheduleSave();
    this.evaluate();
    return ok(await this.mustView());
  }

  private async mustView(): Promise<LessonView> {
    const view = await this.currentLesson();
    if (!view) throw new Error('no lesson view while a lesson is open');
    return view;
  }

  // ------------------------------------------------------------ loading

  private runtime(): Promise<Runtime> {
    this.runtimeLoad ??= import('./runtime.js').then((rt) => (this.rt = rt));
    // A chunk that failed to load (offline) may load on the next try.
    this.runtimeLoad.catch(() => (this.runtimeLoad = undefined));
    return this.runtimeLoad;
  }

  private ensureCatalogue(): Promise<Catalogue> {
    this.catalogueLoad ??= this.runtime()
      .then((rt) => rt.loadCatalogue(this.ctx.lessonTree))
      .then((catalogue) => {
        this.catalogue = catalogue;
        this.dropStale(catalogue);
        return catalogue;
      });
    this.catalogueLoad.catch(() => (this.catalogueLoad = undefined));
    return this.catalogueLoad;
  }

  /** A lesson whose version changed starts over: its progress and its parked space go. */
  private dropStale(catalogue: Catalogue): void {
    let dropped = false;
    for (const [id, progress] of Object.entries(this.progress)) {
      const version = catalogue.get(id)?.lesson?.meta.version;
      if (version === undefined || version === progress.version) continue;
      delete this.progress[id];
      dropped = true;
    }
    for (const [key, parked] of this.parked) {
      const id = lessonIdOf(key);
      const version = id === undefined ? undefined : catalogue.get(id)?.lesson?.meta.version;
      if (version !== undefined && parked.saved.lessonVersion !== version) {
        this.parked.delete(key);
        dropped = true;
      }
    }
    if (dropped) this.ctx.scheduleSave();
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
