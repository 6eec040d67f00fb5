/**
 * The worker's lesson side (LessonApi): spaces, live evaluation, progress,
 * hints, quizzes, the solution diff and undo. SlipwayHost owns the terminals,
 * the workspace folder and persistence, and lends them through
 * LessonHostContext; everything lesson-specific lives here and in the lazily
 * loaded runtime (lesson content, yaml, zod, checks).
 */
import type { Clock, IdSource } from '../../os/clock.js';
import { Engine, loadCatalogue } from '../../engine/index.js';
import type { CommandFact, Lesson } from '../../lessons/index.js';
import type { TerminalSession } from '../session/TerminalSession.js';
import type { WorldTime } from '../session/lessonsCheck.js';
import type { Defer } from '../sessionHub.js';
import type { Workspace } from '../workspace.js';
import type { ChangeKind, Result } from '../protocol.js';
import type { LessonApi, LessonSummary, LessonView, SolutionView, UndoInfo } from '../lessonProtocol.js';
import { freshProgress, importRecords, progressFile, resetProgress } from './progress.js';
import { SANDBOX, lessonIdOf, lessonKey, type LessonProgress, type SavedSpace, type SavedState, type SpaceKey } from './saved.js';
import { Space, captureSpace, materialize, staleEntries, type Parked } from './spaces.js';
import { revert } from './undo.js';
import type { Catalogue } from './catalogue.js';
import { LessonLibrary } from './library.js';
import { lessonSummary, type LessonIndex } from './lessonIndex.js';
import { EvaluationQueue, LessonEvaluator } from './evaluation.js';

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
  /** Time for a lesson's headless setup (a virtual clock in tests); `done()`, if any, runs once it is over. */
  setupTime(): WorldTime & { done?(): void };
  /** The lessons tree; default: the lessons bundled into the app. */
  readonly lessonTree?: () => Promise<Readonly<Record<string, string>>>;
  /** The build's index of that tree, for listing lessons without loading them (lessonIndex.ts). */
  readonly lessonIndex?: () => Promise<LessonIndex>;
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
  private readonly library: LessonLibrary;
  private readonly evaluator = new LessonEvaluator();
  private engineEvents = 0;
  private readonly evaluations: EvaluationQueue;
  /** Space switches, resets, undo and imports run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: LessonHostContext,
    engine: Engine,
  ) {
    this.active = new Space(SANDBOX, engine, [], []);
    this.library = new LessonLibrary(ctx.lessonTree, (catalogue) => this.dropStale(catalogue), ctx.lessonIndex);
    this.evaluations = new EvaluationQueue(ctx.defer, () => this.evaluate());
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
    const lessonId = lessonIdOf(saved.active);
    try {
      // A lesson that is gone (or now broken) gives way to the sandbox.
      const lesson = lessonId === undefined ? undefined : (await this.library.load()).get(lessonId)?.lesson;
      const built = await this.build(lesson ? saved.active : SANDBOX);
      this.enter(built, false);
      return built.problem;
    } catch (error) {
      // The lesson runtime did not load, or the setup crashed: the student still gets a working sandbox.
      this.enter(await this.build(SANDBOX), false);
      return `The lesson could not be restored (${error instanceof Error ? error.message : String(error)}); you are in the sandbox.`;
    }
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
    this.evaluator.reset();
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
    return (await this.library.index()).map((entry) => lessonSummary(entry, this.progress[entry.id]));
  }

  async currentLesson(): Promise<LessonView | undefined> {
    if (!this.activeLesson()) return undefined;
    if (!this.evaluator.view) this.evaluate();
    return this.evaluator.view;
  }

  openLesson(id: string | undefined): Promise<Result<LessonView | undefined>> {
    return this.exclusive(async () => {
      const key = id === undefined ? SANDBOX : lessonKey(id);
      if (id !== undefined) {
        const entry = (await this.library.load()).get(id);
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
      return ok(await this.mustView());
    });
  }

  async showHint(taskId: string): Promise<Result<LessonView>> {
    const lesson = this.activeLesson();
    if (!lesson) return fail(NO_LESSON);
    const task = lesson.meta.tasks.find((t) => t.id === taskId);
    if (!task) return fail(`The lesson has no task "${taskId}".`);
    // An open lesson came through the runtime, so it is loaded: this resolves at once.
    const rt = await this.library.runtime();
    const progress = this.progressOf(lesson);
    const opened = rt.openHint(task, progress.hintsShown[taskId] ?? 0);
    if (!opened.ok) return opened;
    this.progress[lesson.id] = { ...progress, hintsShown: { ...progress.hintsShown, [taskId]: opened.shown } };
    return this.changedProgress();
  }

  async answerQuiz(quizId: string, choices: readonly number[]): Promise<Result<LessonView>> {
    const lesson = this.activeLesson();
    if (!lesson) return fail(NO_LESSON);
    const quiz = lesson.meta.quiz.find((q) => q.id === quizId);
    if (!quiz) return fail(`The lesson has no question "${quizId}".`);
    const answer = (await this.library.runtime()).quizAnswer(quiz, choices);
    if (!answer.ok) return answer;
    const progress = this.progressOf(lesson);
    this.progress[lesson.id] = { ...progress, quiz: { ...progress.quiz, [quizId]: answer.picked } };
    return this.changedProgress();
  }

  async solution(): Promise<Result<SolutionView>> {
    const lesson = this.activeLesson();
    if (!lesson) return fail(NO_LESSON);
    return ok(
      (await this.library.runtime()).solutionView(lesson, (path) => {
        const current = this.ctx.workspace.readText(path);
        return current.ok ? current.value : null;
      }),
    );
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
    // Loading the catalogue first drops progress of lessons whose version changed.
    await this.library.load().catch(() => undefined);
    return JSON.stringify(progressFile(this.progress, this.ctx.clock.now()), null, 2);
  }

  importProgress(json: string): Promise<Result<number>> {
    return this.exclusive(async () => {
      const rt = await this.library.runtime();
      const catalogue = await this.library.load();
      const parsed = rt.parseProgressFile(json);
      if (!parsed.ok) return parsed;
      const imported = importRecords(this.progress, parsed.file.lessons, (id) => catalogue.get(id)?.lesson?.meta.version);
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
    const lesson = lessonId === undefined ? undefined : this.library.catalogue?.get(lessonId)?.lesson;
    if (parked?.live) return { space: parked.live, files: parked.saved.files, dirs: parked.saved.dirs };
    const current = parked && (!lesson || parked.saved.lessonVersion === lesson.meta.version);
    if (parked && current) {
      // Saved images refer to the hub's layers, which load on demand (PRODUCT.md §7: not before the first answer).
      if (parked.saved.engine) await loadCatalogue();
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
    const rt = await this.library.runtime();
    const time = this.ctx.setupTime();
    let start;
    try {
      start = await rt.lessonStart(lesson, time);
    } finally {
      time.done?.();
    }
    return { space: new Space(lessonKey(lesson.id), start.engine, [], [], lesson.meta.version), files: start.files, dirs: [] };
  }

  /** Makes `built` the active space; the one left is parked (kept live) when `park`. */
  private enter(built: Built, park: boolean): void {
    // A command that has just ended is evaluated on the next task: its progress counts before its space is left.
    this.evaluations.flush();
    if (park) this.parked.set(this.active.key, { saved: captureSpace(this.active, this.ctx.workspace, this.ctx.history()), live: this.active });
    this.parked.delete(built.space.key);
    this.active = built.space;
    this.ctx.useEngine(built.space.engine);
    this.ctx.workspace.replace(built.files, built.dirs);
    this.ctx.setHistory(built.space.history);
    this.evaluator.reset();
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
    return id === undefined ? undefined : this.library.catalogue?.get(id)?.lesson;
  }

  private progressOf(lesson: Lesson): LessonProgress {
    const stored = this.progress[lesson.id];
    return stored && stored.version === lesson.meta.version ? stored : freshProgress(lesson.meta.version);
  }

  private scheduleEvaluation(): void {
    if (this.activeLesson()) this.evaluations.schedule();
  }

  /**
   * Checks the active lesson against the live state once (one state build,
   * every task against it), records progress and tells the UI if anything
   * it shows changed.
   */
  private evaluate(): void {
    const lesson = this.activeLesson();
    const { rt, catalogue } = this.library;
    if (!lesson || !rt || !catalogue) return;
    const before = this.progressOf(lesson);
    const { progress, changed } = this.evaluator.run(rt, catalogue, lesson, { engine: this.active.engine, workspace: this.ctx.workspace, commands: this.active.commands }, before);
    if (this.progress[lesson.id] !== before || progress.passed.join() !== before.passed.join() || progress.complete !== before.complete) {
      this.progress[lesson.id] = progress;
      this.ctx.scheduleSave();
    }
    if (changed) this.ctx.notify('lesson');
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

  /** A lesson whose version changed starts over: its progress and its parked space go. */
  private dropStale(catalogue: Catalogue): void {
    const { progress, spaces } = staleEntries(catalogue, this.progress, this.parked);
    for (const id of progress) delete this.progress[id];
    for (const key of spaces) this.parked.delete(key);
    if (progress.length + spaces.length > 0) this.ctx.scheduleSave();
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
