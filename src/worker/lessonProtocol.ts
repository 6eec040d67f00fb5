/**
 * The lesson half of the worker boundary. Plain, structured-clone-safe data
 * only, like the rest of protocol.ts. The worker owns every lesson rule
 * (checks, hints, progress, spaces); the UI only renders these views and
 * sends the student's actions back.
 */
import type { Result } from './protocol.js';

export type TaskStatusView = 'pass' | 'fail' | 'locked';

export interface LessonSummary {
  /** The folder id, e.g. `01-containers-vs-images`. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly version: number;
  readonly passed: number;
  readonly total: number;
  readonly complete: boolean;
  /** The lesson could not be loaded (broken frontmatter…): shown instead of the lesson, never a blank pane. */
  readonly error?: string;
}

export interface TaskView {
  readonly id: string;
  readonly title: string;
  readonly status: TaskStatusView;
  /** Exactly what the check tests, in words. */
  readonly checks: string;
  /** While failing: what is missing. */
  readonly why?: string;
  /** Ids of the tasks it waits for, while locked. */
  readonly waitingFor?: readonly string[];
  /** The graded hints the student has opened so far, in order (markdown, untrusted). */
  readonly hintsShown: readonly string[];
  /** Whether another graded hint can be opened. */
  readonly moreHints: boolean;
  /** A hint tied to the current state that applies now (markdown, untrusted). */
  readonly stateHint?: string;
}

export interface QuizView {
  readonly id: string;
  readonly question: string;
  readonly type: 'single' | 'multiple';
  readonly options: readonly { readonly text: string }[];
  /** The indexes the student chose last, once answered. */
  readonly answer?: readonly number[];
  /** Whether that answer is right, once answered. */
  readonly correct?: boolean;
  /** Shown once answered. */
  readonly explanation?: string;
}

export interface LessonView {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly version: number;
  /** The markdown body after the frontmatter: untrusted, render it sanitised. */
  readonly markdown: string;
  readonly tasks: readonly TaskView[];
  readonly quiz: readonly QuizView[];
  readonly passed: number;
  readonly total: number;
  readonly complete: boolean;
  /** Neighbouring lesson ids in course order. */
  readonly previous?: string;
  readonly next?: string;
}

export interface SolutionFileView {
  /** Workspace-relative path. */
  readonly path: string;
  /** The student's file now, or null when it does not exist. Never overwritten by showing the solution. */
  readonly current: string | null;
  readonly solution: string;
}

export interface SolutionView {
  /** Lines to type, in order (`^C`, `^D`, `^P^Q` are keys). */
  readonly commands: readonly string[];
  /** How many commands come before the files are written (the lesson's `filesAfter`). */
  readonly filesAfter: number;
  readonly notes?: string;
  readonly files: readonly SolutionFileView[];
}

export interface UndoInfo {
  readonly available: boolean;
  /** The command whose engine changes an undo would revert, e.g. `docker rm web`. */
  readonly command?: string;
}

/** One lesson's progress, per lesson version: as stored in IndexedDB and as exported. */
export interface LessonProgressRecord {
  readonly version: number;
  /** Tasks passing at the last evaluation (the checklist's live status). */
  readonly passed: readonly string[];
  /** Set once every task passed at the same time; stays set, also after a reset. */
  readonly complete: boolean;
  /** How many graded hints the student has opened, per task id. */
  readonly hintsShown: Readonly<Record<string, number>>;
  /** The options last chosen, per quiz id. */
  readonly quiz: Readonly<Record<string, readonly number[]>>;
}

/** The JSON an instructor collects: `exportProgress()` writes it, `importProgress()` reads it. */
export interface ProgressFile {
  readonly format: 'slipway-progress';
  readonly formatVersion: 1;
  readonly exportedAt: string;
  readonly lessons: Readonly<Record<string, LessonProgressRecord>>;
}

export interface LessonApi {
  listLessons(): Promise<LessonSummary[]>;
  /** The lesson being worked on; undefined in sandbox mode. */
  currentLesson(): Promise<LessonView | undefined>;
  /**
   * Switches space: a lesson id, or undefined for the sandbox. Every space
   * (the sandbox and each lesson) keeps its own workspace, engine and
   * history, so switching never loses work; the first visit of a lesson
   * starts from its `_files` and runs its setup.
   */
  openLesson(id: string | undefined): Promise<Result<LessonView | undefined>>;
  /** Back to the lesson's start state (files, engine, commands, hints, quiz). The UI confirms first. */
  resetLesson(): Promise<Result<LessonView>>;
  /** Opens the next graded hint of a task. */
  showHint(taskId: string): Promise<Result<LessonView>>;
  answerQuiz(quizId: string, choices: readonly number[]): Promise<Result<LessonView>>;
  /** The solution as a diff against the student's files; nothing is written. */
  solution(): Promise<Result<SolutionView>>;
  /** Writes the solution's files (the UI confirms: this is the only call that overwrites). */
  applySolutionFiles(): Promise<Result<void>>;
  undoInfo(): Promise<UndoInfo>;
  /** Reverts the engine to the snapshot taken before the last command. */
  undo(): Promise<Result<string>>;
  exportProgress(): Promise<string>;
  /** Returns how many lessons were imported. */
  importProgress(json: string): Promise<Result<number>>;
}
