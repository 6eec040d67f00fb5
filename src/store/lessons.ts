/**
 * The lessons slice: what the lesson list and the lesson pane show, and the
 * student's lesson actions. The worker owns every lesson rule (checks,
 * hints, progress, spaces); this slice only keeps its latest answers and
 * forwards actions. After any action, and whenever the worker sends the
 * `'lesson'` change notice, `refreshLessons()` pulls the list and the
 * current lesson again, as the engine and workspace slices pull on change.
 *
 * Failed actions do not throw: their message lands in `lessonError` (and is
 * returned) so the pane can show it next to the button that caused it.
 */
import type { StateCreator } from 'zustand';
import type { LessonApi, LessonSummary, LessonView, SolutionView, UndoInfo } from '../worker/lessonProtocol.js';
import type { Result } from '../worker/protocol.js';
import { engineWorker } from '../worker/client.js';

export type LessonMode = 'lesson' | 'sandbox';

export interface LessonsSlice {
  /** Every shipped lesson in course order, with progress (a broken one carries its `error`). */
  lessons: readonly LessonSummary[];
  /** The lesson being worked on; undefined in sandbox mode. */
  lesson: LessonView | undefined;
  mode: LessonMode;
  /** What the last engine change could be undone to. */
  undo: UndoInfo;
  /** The message of the last lesson action that failed; cleared by the next success. */
  lessonError: string | undefined;
  /** The solution diff, once asked for (never written until `applySolutionFiles`). */
  solution: SolutionView | undefined;

  /** Pulls the list, the current lesson and the undo info from the worker. */
  refreshLessons(): Promise<void>;
  /** Pulls only the undo info: every engine change moves it, in the sandbox too. */
  refreshUndo(): Promise<void>;
  /** A lesson id, or undefined for the sandbox. */
  openLesson(id: string | undefined): Promise<Result<void>>;
  resetLesson(): Promise<Result<void>>;
  showHint(taskId: string): Promise<Result<void>>;
  answerQuiz(quizId: string, choices: readonly number[]): Promise<Result<void>>;
  loadSolution(): Promise<Result<SolutionView>>;
  closeSolution(): void;
  applySolutionFiles(): Promise<Result<void>>;
  /** Reverts the engine to before the last command; the value is the message to show. */
  undoLast(): Promise<Result<string>>;
  exportProgress(): Promise<string>;
  /** The value is how many lessons were imported. */
  importProgress(json: string): Promise<Result<number>>;
  clearLessonError(): void;
}

let lessonApi: () => LessonApi = () => engineWorker();

/** Tests (and nothing else) hand the slice a worker stand-in. */
export function setLessonApiForTests(api: LessonApi): void {
  lessonApi = () => api;
}

const modeOf = (lesson: LessonView | undefined): LessonMode => (lesson ? 'lesson' : 'sandbox');

export const createLessonsSlice: StateCreator<LessonsSlice, [], [], LessonsSlice> = (set, get) => {
  /** Records an action's outcome: a lesson view replaces the pane's, an error is kept to show. */
  const settle = async <T>(result: Result<T>, lesson?: (value: T) => LessonView | undefined): Promise<Result<T>> => {
    if (!result.ok) {
      set({ lessonError: result.error });
      return result;
    }
    const patch: Partial<LessonsSlice> = { lessonError: undefined };
    if (lesson) {
      const view = lesson(result.value);
      Object.assign(patch, { lesson: view, mode: modeOf(view) });
    }
    set(patch);
    await get().refreshLessons();
    return result;
  };
  const done = (result: Result<unknown>): Result<void> => (result.ok ? { ok: true, value: undefined } : result);

  return {
    lessons: [],
    lesson: undefined,
    mode: 'sandbox',
    undo: { available: false },
    lessonError: undefined,
    solution: undefined,

    async refreshLessons() {
      const api = lessonApi();
      const [lessons, lesson, undo] = await Promise.all([api.listLessons(), api.currentLesson(), api.undoInfo()]);
      // A solution diff belongs to the lesson it was opened for.
      const solution = lesson && get().lesson?.id === lesson.id ? get().solution : undefined;
      set({ lessons, lesson, mode: modeOf(lesson), undo, solution });
    },
    async refreshUndo() {
      set({ undo: await lessonApi().undoInfo() });
    },
    async openLesson(id) {
      return done(await settle(await lessonApi().openLesson(id), (view) => view));
    },
    async resetLesson() {
      set({ solution: undefined });
      return done(await settle(await lessonApi().resetLesson(), (view) => view));
    },
    async showHint(taskId) {
      return done(await settle(await lessonApi().showHint(taskId), (view) => view));
    },
    async answerQuiz(quizId, choices) {
      return done(await settle(await lessonApi().answerQuiz(quizId, choices), (view) => view));
    },
    async loadSolution() {
      const result = await lessonApi().solution();
      set(result.ok ? { solution: result.value, lessonError: undefined } : { lessonError: result.error });
      return result;
    },
    closeSolution() {
      set({ solution: undefined });
    },
    async applySolutionFiles() {
      const result = await settle(await lessonApi().applySolutionFiles());
      if (result.ok) set({ solution: undefined });
      return result;
    },
    async undoLast() {
      return settle(await lessonApi().undo());
    },
    async exportProgress() {
      return lessonApi().exportProgress();
    },
    async importProgress(json) {
      return settle(await lessonApi().importProgress(json));
    },
    clearLessonError() {
      set({ lessonError: undefined });
    },
  };
};
