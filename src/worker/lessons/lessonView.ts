/**
 * What the open lesson shows: the lesson, its evaluation and the student's
 * progress as the plain data the lesson pane renders, hints, quiz answers and
 * the solution. Part of the lesson runtime (runtime.ts), so it loads with the
 * lesson, not at boot.
 */
import type { Lesson, LessonEvaluation } from '../../lessons/index.js';
import type { LessonView, QuizView, SolutionView, TaskView } from '../lessonProtocol.js';
import type { LessonProgress } from './saved.js';

type Quiz = Lesson['meta']['quiz'][number];

/** Whether the chosen option indexes are exactly the right ones. */
export function quizCorrect(quiz: Quiz, choices: readonly number[]): boolean {
  const right = quiz.options.flatMap((option, index) => (option.correct ? [index] : []));
  const chosen = [...new Set(choices)].sort((a, b) => a - b);
  return chosen.length === right.length && chosen.every((choice, i) => choice === right[i]);
}

function quizView(quiz: Quiz, answer: readonly number[] | undefined): QuizView {
  const base = { id: quiz.id, question: quiz.question, type: quiz.type, options: quiz.options.map((option) => ({ text: option.text })) };
  if (!answer) return base;
  return { ...base, answer: [...answer], correct: quizCorrect(quiz, answer), ...(quiz.explanation !== undefined ? { explanation: quiz.explanation } : {}) };
}

export function lessonView(lesson: Lesson, evaluation: LessonEvaluation, progress: LessonProgress, neighbours: { previous?: string; next?: string }): LessonView {
  const tasks = lesson.meta.tasks.map((task, i): TaskView => {
    const result = evaluation.tasks[i];
    const graded = task.hints.filter((hint) => hint.when === undefined).map((hint) => hint.text);
    const shown = Math.min(progress.hintsShown[task.id] ?? 0, graded.length);
    // evaluateLesson offers a state-tied hint (no level) ahead of the next graded one.
    const stateHint = result.nextHint && result.nextHint.level === undefined ? result.nextHint.text : undefined;
    return {
      id: task.id,
      title: task.title,
      status: result.status,
      checks: result.checks,
      ...(result.why !== undefined ? { why: result.why } : {}),
      ...(result.waitingFor ? { waitingFor: [...result.waitingFor] } : {}),
      hintsShown: graded.slice(0, shown),
      moreHints: shown < graded.length,
      ...(stateHint !== undefined ? { stateHint } : {}),
    };
  });
  return {
    id: lesson.id,
    title: lesson.meta.title,
    summary: lesson.meta.summary,
    version: lesson.meta.version,
    markdown: lesson.body,
    tasks,
    quiz: lesson.meta.quiz.map((quiz) => quizView(quiz, progress.quiz[quiz.id])),
    passed: evaluation.passed,
    total: evaluation.total,
    complete: progress.complete || evaluation.complete,
    ...neighbours,
  };
}

/** The chosen options, in order and without repeats, or why they cannot be an answer. */
export function quizAnswer(quiz: Quiz, choices: readonly number[]): { readonly ok: true; readonly picked: number[] } | { readonly ok: false; readonly error: string } {
  const picked = [...new Set(choices)].sort((a, b) => a - b);
  if (picked.some((choice) => !Number.isInteger(choice) || choice < 0 || choice >= quiz.options.length)) return { ok: false, error: `Answers are option numbers from 0 to ${quiz.options.length - 1}.` };
  if (picked.length === 0) return { ok: false, error: 'Choose an answer first.' };
  if (quiz.type === 'single' && picked.length !== 1) return { ok: false, error: 'This question takes exactly one answer.' };
  return { ok: true, picked };
}

/** The solution next to the student's files (`read` gives a file's text, or null when it does not exist). */
export function solutionView(lesson: Lesson, read: (path: string) => string | null): SolutionView {
  const { commands, filesAfter, notes } = lesson.meta.solution;
  const files = Object.entries(lesson.solutionFiles).map(([path, solution]) => ({ path, current: read(path), solution }));
  return { commands: [...commands], filesAfter, ...(notes !== undefined ? { notes } : {}), files };
}

/** The number of graded hints open after opening one more, or why none can open. */
export function openHint(task: Lesson['meta']['tasks'][number], shown: number): { readonly ok: true; readonly shown: number } | { readonly ok: false; readonly error: string } {
  const graded = task.hints.filter((hint) => hint.when === undefined).length;
  if (shown < graded) return { ok: true, shown: shown + 1 };
  return { ok: false, error: graded === 0 ? `Task "${task.title}" has no hints.` : `Every hint of "${task.title}" is already shown.` };
}
