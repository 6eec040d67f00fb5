/**
 * The lesson machinery the worker loads on first use: lesson content, the
 * frontmatter parser and schema (yaml, zod), the checks and the headless
 * setup. LessonHost imports this module dynamically, so none of it weighs on
 * the worker's first load.
 */
import type { Engine } from '../../engine/index.js';
import type { Lesson } from '../../lessons/index.js';
import { LessonWorld, type WorldTime } from '../session/lessonsCheck.js';
import { workspaceFiles } from '../session/lessonState.js';
import { Catalogue } from './catalogue.js';

export { evaluateLesson } from '../../lessons/index.js';
export { buildLessonState } from '../session/lessonState.js';
export { parseProgressFile } from './progressFile.js';
export { lessonView, openHint, quizAnswer, solutionView } from './lessonView.js';
export { Catalogue };

/** The lessons tree: injected (tests, other hosts) or the bundled one. */
export async function loadCatalogue(tree?: () => Promise<Readonly<Record<string, string>>>): Promise<Catalogue> {
  const files = tree ? await tree() : (await import('./bundled.js')).LESSON_TREE;
  return new Catalogue(files);
}

/**
 * A lesson's start state: its `_files`, then its setup lines typed into a
 * headless terminal of a fresh engine, exactly as `slipway lessons check`
 * builds it. Nothing is shown and the lines are not the student's commands.
 */
export async function lessonStart(lesson: Lesson, time: WorldTime): Promise<{ readonly engine: Engine; readonly files: Record<string, string> }> {
  const world = new LessonWorld(lesson.files, time);
  try {
    if (lesson.meta.setup.length > 0) await world.type(lesson.meta.setup);
  } finally {
    world.log.dispose();
  }
  return { engine: world.engine, files: workspaceFiles(world.fs, world.workspace) };
}
