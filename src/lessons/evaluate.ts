/**
 * Evaluates a lesson's tasks against a state: pass, fail or locked (an
 * earlier task it depends on has not passed), what is checked, why it fails,
 * and which hint to offer next.
 */
import { describeCheck, evaluateCheck } from './checks/index.js';
import type { LessonFrontmatter } from './schema.js';
import type { LessonState } from './state.js';

export type TaskStatus = 'pass' | 'fail' | 'locked';

export interface TaskEvaluation {
  readonly id: string;
  readonly title: string;
  readonly status: TaskStatus;
  /** Exactly what the check tests, in words. */
  readonly checks: string;
  /** While failing: the author's failure message and the check's own reason. */
  readonly why?: string;
  /** The hint to offer next: a state-tied hint that applies, else graded hint `shown + 1`. */
  readonly nextHint?: { readonly text: string; readonly level?: number };
  /** Ids of unmet dependencies when locked. */
  readonly waitingFor?: readonly string[];
}

export interface LessonEvaluation {
  readonly tasks: readonly TaskEvaluation[];
  readonly passed: number;
  readonly total: number;
  readonly complete: boolean;
}

export interface EvaluateOptions {
  /** How many graded hints the student has already opened, per task id. */
  readonly hintsShown?: Readonly<Record<string, number>>;
}

export function evaluateLesson(lesson: { readonly meta: Pick<LessonFrontmatter, 'tasks'> }, state: LessonState, options: EvaluateOptions = {}): LessonEvaluation {
  const status = new Map<string, TaskStatus>();
  const tasks = lesson.meta.tasks.map((task): TaskEvaluation => {
    const base = { id: task.id, title: task.title, checks: describeCheck(task.check) };
    const waitingFor = task.dependsOn.filter((dep) => status.get(dep) !== 'pass');
    const result = evaluateCheck(task.check, state);
    // A task whose check already holds still waits for its prerequisites: order is part of the lesson.
    if (waitingFor.length > 0) {
      status.set(task.id, 'locked');
      return { ...base, status: 'locked', waitingFor };
    }
    if (result.pass) {
      status.set(task.id, 'pass');
      return { ...base, status: 'pass' };
    }
    status.set(task.id, 'fail');
    const why = [task.failure, result.why].filter(Boolean).join(' — ');
    const stateHint = task.hints.find((hint) => hint.when !== undefined && evaluateCheck(hint.when, state).pass);
    const graded = task.hints.filter((hint) => hint.when === undefined);
    const shown = options.hintsShown?.[task.id] ?? 0;
    const nextHint = stateHint ? { text: stateHint.text } : shown < graded.length ? { text: graded[shown].text, level: shown + 1 } : undefined;
    return { ...base, status: 'fail', ...(why ? { why } : {}), ...(nextHint ? { nextHint } : {}) };
  });
  const passed = tasks.filter((t) => t.status === 'pass').length;
  return { tasks, passed, total: tasks.length, complete: passed === tasks.length };
}
