/**
 * The lesson frontmatter schema. Every field carries a description: the
 * authoring docs and editor tooling read them.
 */
import { z } from 'zod';
import { CheckSchema } from './checks/index.js';

export const HintSchema = z.strictObject({
  text: z.string().min(1).describe('The hint, in markdown. Hints are graded: the first is gentle, the last nearly gives the answer.'),
  when: CheckSchema.optional().describe('Show this hint (ahead of the graded ones) only while this check holds, e.g. "a container exists but has exited".'),
});

export const TaskSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'task ids are lower-case words joined by -').describe('Stable id, unique in the lesson; progress is stored by it.'),
  title: z.string().min(1).describe('One short imperative line shown in the checklist.'),
  check: CheckSchema.describe('The predicate that must hold for the task to pass.'),
  dependsOn: z.array(z.string()).default([]).describe('Ids of tasks that must pass first; until then this task is locked.'),
  hints: z.array(HintSchema).default([]).describe('Hints 1…n, in order; state-tied hints (with `when`) come first when they apply.'),
  failure: z.string().optional().describe('What to tell the student while the task fails; the check\'s own reason is shown after it.'),
});

export const QuizOptionSchema = z.strictObject({
  text: z.string().min(1).describe('The answer text (markdown).'),
  correct: z.boolean().default(false).describe('Whether choosing it is right.'),
});

export const QuizSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('Stable id, unique in the lesson.'),
    question: z.string().min(1).describe('The question (markdown).'),
    type: z.enum(['single', 'multiple']).describe('single: exactly one option is right (radio buttons); multiple: one or more (checkboxes).'),
    options: z.array(QuizOptionSchema).min(2).describe('The options, shown in this order.'),
    explanation: z.string().optional().describe('Shown after answering.'),
  })
  .superRefine((quiz, ctx) => {
    const right = quiz.options.filter((o) => o.correct).length;
    if (quiz.type === 'single' && right !== 1) ctx.addIssue({ code: 'custom', message: `a single-choice quiz needs exactly one correct option (has ${right})`, path: ['options'] });
    if (quiz.type === 'multiple' && right < 1) ctx.addIssue({ code: 'custom', message: 'a multiple-choice quiz needs at least one correct option', path: ['options'] });
  });

export const SolutionSchema = z.strictObject({
  commands: z.array(z.string()).min(1).describe('Lines typed into a terminal, in order, after the `_solution/` files are applied. `^C`, `^D` and `^P^Q` are keys.'),
  notes: z.string().optional().describe('Why the solution works (markdown), shown with the solution.'),
  filesAfter: z.number().int().min(0).default(0).describe('How many of `commands` are typed before the `_solution/` files are written (default 0: files first). For lessons where something must happen before the edit.'),
});

export const LessonFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1).describe('The lesson title.'),
    version: z.number().int().min(1).describe('Bump it when tasks change: stored progress of an older version is reset.'),
    summary: z.string().min(1).describe('One or two sentences for the lesson list.'),
    setup: z.array(z.string()).default([]).describe('Lines typed before the student starts (not shown, not counted as their commands): build an image, start a container…'),
    tasks: z.array(TaskSchema).min(1).describe('What the student must achieve, as checked predicates.'),
    quiz: z.array(QuizSchema).default([]).describe('Optional questions (single or multiple choice).'),
    solution: SolutionSchema.describe('How to reach every task: commands plus the file changes in `_solution/`.'),
  })
  .superRefine((lesson, ctx) => {
    const ids = new Set<string>();
    lesson.tasks.forEach((task, i) => {
      if (ids.has(task.id)) ctx.addIssue({ code: 'custom', message: `duplicate task id ${task.id}`, path: ['tasks', i, 'id'] });
      ids.add(task.id);
    });
    const quizIds = new Set<string>();
    lesson.quiz.forEach((quiz, i) => {
      if (quizIds.has(quiz.id) || ids.has(quiz.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${quiz.id} (quiz ids must differ from each other and from task ids)`, path: ['quiz', i, 'id'] });
      quizIds.add(quiz.id);
    });
    lesson.tasks.forEach((task, i) => {
      for (const dep of task.dependsOn) {
        if (!ids.has(dep)) ctx.addIssue({ code: 'custom', message: `task ${task.id} depends on unknown task ${dep}`, path: ['tasks', i, 'dependsOn'] });
        // Only earlier tasks: keeps the graph acyclic without a cycle search.
        else if (lesson.tasks.findIndex((t) => t.id === dep) >= i) ctx.addIssue({ code: 'custom', message: `task ${task.id} may only depend on earlier tasks (${dep} comes later)`, path: ['tasks', i, 'dependsOn'] });
      }
    });
  });

export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;
export type Task = LessonFrontmatter['tasks'][number];
export type Hint = Task['hints'][number];
export type Quiz = LessonFrontmatter['quiz'][number];
