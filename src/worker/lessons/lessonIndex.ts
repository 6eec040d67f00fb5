/**
 * The lesson list without the lesson runtime: id, title, summary, version and
 * task ids per lesson, in course order. The app's build computes it from the
 * bundled lessons (vite.config.ts, `virtual:slipway-lesson-index`), so listing
 * lessons at boot needs neither yaml, zod nor the lessons' text, and the
 * first command does not wait for them. Hosts with an injected lessons tree
 * (tests) derive it from their catalogue instead.
 */
import type { LessonSummary } from '../lessonProtocol.js';
import type { Catalogue } from './catalogue.js';
import type { LessonProgress } from './saved.js';

export type LessonIndexEntry =
  | { readonly id: string; readonly title: string; readonly summary: string; readonly version: number; readonly tasks: readonly string[]; readonly error?: undefined }
  | { readonly id: string; readonly error: string };

export type LessonIndex = readonly LessonIndexEntry[];

export function lessonIndex(catalogue: Catalogue): LessonIndex {
  return catalogue.entries.map((entry): LessonIndexEntry => {
    if (!entry.lesson) return { id: entry.id, error: entry.error };
    const { meta } = entry.lesson;
    return { id: entry.id, title: meta.title, summary: meta.summary, version: meta.version, tasks: meta.tasks.map((task) => task.id) };
  });
}

/** A row of the lesson list: the index entry with the student's progress (of this version only). */
export function lessonSummary(entry: LessonIndexEntry, progress: LessonProgress | undefined): LessonSummary {
  if (entry.error !== undefined) return { id: entry.id, title: entry.id, summary: '', version: 0, passed: 0, total: 0, complete: false, error: entry.error };
  const current = progress && progress.version === entry.version ? progress : undefined;
  const passed = current ? entry.tasks.filter((task) => current.passed.includes(task)).length : 0;
  return { id: entry.id, title: entry.title, summary: entry.summary, version: entry.version, passed, total: entry.tasks.length, complete: current?.complete ?? false };
}
