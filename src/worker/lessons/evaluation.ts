/**
 * Live evaluation of the open lesson: one state build, every task checked
 * against it, the progress that follows, and the view the UI pulls. Whether
 * anything the UI shows changed is decided on the view itself, so a command
 * that changes nothing a task reads sends no notice.
 */
import type { Engine } from '../../engine/index.js';
import type { CommandFact, Lesson } from '../../lessons/index.js';
import type { Workspace } from '../workspace.js';
import type { LessonView } from '../lessonProtocol.js';
import type { Catalogue } from './catalogue.js';
import type { Runtime } from './library.js';
import type { LessonProgress } from './saved.js';

/**
 * One evaluation at a time, on the next task: a command's engine events and
 * its end, arriving together, cost one state build.
 */
export class EvaluationQueue {
  private queued = false;

  constructor(
    private readonly defer: (task: () => void) => void,
    private readonly evaluate: () => void,
  ) {}

  schedule(): void {
    if (this.queued) return;
    this.queued = true;
    this.defer(() => this.flush());
  }

  /** Runs a queued evaluation now (before the space it was queued for is left). */
  flush(): void {
    if (!this.queued) return;
    this.queued = false;
    this.evaluate();
  }
}

export interface EvaluationInputs {
  readonly engine: Engine;
  readonly workspace: Workspace;
  readonly commands: readonly CommandFact[];
}

export class LessonEvaluator {
  view: LessonView | undefined;
  private signature = '';

  /** Forgets the last view (another space, a reset). */
  reset(): void {
    this.view = undefined;
    this.signature = '';
  }

  /** The progress after this evaluation, and whether the view changed. */
  run(rt: Runtime, catalogue: Catalogue, lesson: Lesson, inputs: EvaluationInputs, before: LessonProgress): { readonly progress: LessonProgress; readonly changed: boolean } {
    const { workspace } = inputs;
    const state = rt.buildLessonState({ engine: inputs.engine, fs: workspace.fs, workspace: workspace.root, commands: inputs.commands });
    const evaluation = rt.evaluateLesson(lesson, state, { hintsShown: before.hintsShown });
    const passed = evaluation.tasks.filter((task) => task.status === 'pass').map((task) => task.id);
    const progress = { ...before, passed, complete: before.complete || evaluation.complete };
    const view = rt.lessonView(lesson, evaluation, progress, catalogue.neighbours(lesson.id));
    const signature = JSON.stringify(view);
    const changed = signature !== this.signature;
    this.view = view;
    this.signature = signature;
    return { progress, changed };
  }
}
