/**
 * Lesson progress rules that need no lesson content: a fresh record, how an
 * imported record merges into the one kept here, and the exported file.
 *
 * Decisions (documented in docs/authoring-lessons.md as well):
 * - `passed` is the live status at the last evaluation: a task that passed and
 *   fails again (the student removed the container) shows as failing.
 * - `complete` is monotonic: once every task passed together, the lesson stays
 *   complete, even after a reset or a regression. An instructor collecting
 *   progress sees what the student reached.
 * - Opened hints and quiz answers are kept until the lesson is reset.
 */
import type { ProgressFile } from '../lessonProtocol.js';
import type { LessonProgress } from './saved.js';

export function freshProgress(version: number): LessonProgress {
  return { version, passed: [], complete: false, hintsShown: {}, quiz: {} };
}

/** Reset keeps only what was reached: the completion. */
export function resetProgress(progress: LessonProgress): LessonProgress {
  return { ...freshProgress(progress.version), complete: progress.complete };
}

/**
 * Merges an imported record into the local one (same lesson version): the
 * union of what either reached, the larger number of hints, and the local
 * quiz answer where both answered (it is the student's latest).
 */
export function mergeProgress(local: LessonProgress | undefined, incoming: LessonProgress): LessonProgress {
  if (!local || local.version !== incoming.version) return incoming;
  const hintsShown: Record<string, number> = { ...incoming.hintsShown };
  for (const [task, count] of Object.entries(local.hintsShown)) hintsShown[task] = Math.max(count, hintsShown[task] ?? 0);
  return {
    version: local.version,
    passed: [...new Set([...local.passed, ...incoming.passed])],
    complete: local.complete || incoming.complete,
    hintsShown,
    quiz: { ...incoming.quiz, ...local.quiz },
  };
}

/**
 * Merges an imported file's records into `progress`, lesson by lesson;
 * returns how many were taken. A record of another version (or of an
 * unknown lesson) describes tasks that are not these, and is skipped.
 */
export function importRecords(
  progress: Record<string, LessonProgress>,
  incoming: Readonly<Record<string, LessonProgress>>,
  versionOf: (id: string) => number | undefined,
): number {
  let imported = 0;
  for (const [id, record] of Object.entries(incoming)) {
    if (versionOf(id) !== record.version) continue;
    progress[id] = mergeProgress(progress[id], record);
    imported++;
  }
  return imported;
}

export function progressFile(progress: Readonly<Record<string, LessonProgress>>, now: number): ProgressFile {
  const lessons: Record<string, LessonProgress> = {};
  for (const id of Object.keys(progress).sort()) lessons[id] = progress[id];
  return { format: 'slipway-progress', formatVersion: 1, exportedAt: new Date(now).toISOString(), lessons };
}
