import { describe, expect, it } from 'vitest';
import { LessonFrontmatterSchema, QuizSchema } from './schema.js';
import { CheckSchema } from './checks/index.js';

const minimal = {
  title: 'T',
  version: 1,
  summary: 'S',
  tasks: [{ id: 'a', title: 'A', check: { kind: 'loggedIn' } }],
  solution: { commands: ['docker login'] },
};

describe('LessonFrontmatterSchema', () => {
  it('fills defaults for optional lists', () => {
    const parsed = LessonFrontmatterSchema.parse(minimal);
    expect(parsed.setup).toEqual([]);
    expect(parsed.quiz).toEqual([]);
    expect(parsed.tasks[0].dependsOn).toEqual([]);
    expect(parsed.tasks[0].hints).toEqual([]);
    expect(parsed.solution.filesAfter).toBe(0);
  });

  it('rejects unknown top-level keys (typos)', () => {
    const result = LessonFrontmatterSchema.safeParse({ ...minimal, titel: 'x' });
    expect(result.success).toBe(false);
  });

  it('requires a positive integer version', () => {
    expect(LessonFrontmatterSchema.safeParse({ ...minimal, version: '1' }).success).toBe(false);
    expect(LessonFrontmatterSchema.safeParse({ ...minimal, version: 0 }).success).toBe(false);
  });

  it('rejects duplicate task ids and dependencies on unknown or later tasks', () => {
    const dup = { ...minimal, tasks: [minimal.tasks[0], minimal.tasks[0]] };
    expect(LessonFrontmatterSchema.safeParse(dup).error?.issues[0].message).toBe('duplicate task id a');
    const unknown = { ...minimal, tasks: [{ ...minimal.tasks[0], dependsOn: ['zzz'] }] };
    expect(LessonFrontmatterSchema.safeParse(unknown).error?.issues[0].message).toMatch(/unknown task zzz/);
    const later = { ...minimal, tasks: [{ ...minimal.tasks[0], dependsOn: ['b'] }, { ...minimal.tasks[0], id: 'b' }] };
    expect(LessonFrontmatterSchema.safeParse(later).error?.issues[0].message).toMatch(/only depend on earlier tasks/);
  });

  it('rejects a quiz id that repeats another quiz or task id', () => {
    const quiz = { id: 'a', question: '?', type: 'single', options: [{ text: 'x', correct: true }, { text: 'y' }] };
    expect(LessonFrontmatterSchema.safeParse({ ...minimal, quiz: [quiz] }).error?.issues[0].message).toMatch(/^duplicate id a/);
    expect(LessonFrontmatterSchema.safeParse({ ...minimal, quiz: [{ ...quiz, id: 'q' }] }).success).toBe(true);
  });

  it('gives every field a description', () => {
    const shape = LessonFrontmatterSchema.shape;
    for (const [key, field] of Object.entries(shape)) expect(field.description, key).toBeTruthy();
  });
});

describe('QuizSchema', () => {
  const options = [{ text: 'a', correct: true }, { text: 'b' }];
  it('accepts a single-choice quiz with one right answer', () => {
    expect(QuizSchema.safeParse({ id: 'q', question: '?', type: 'single', options }).success).toBe(true);
  });
  it('rejects a single-choice quiz with two right answers, and a multiple-choice quiz with none', () => {
    const two = options.map((o) => ({ ...o, correct: true }));
    expect(QuizSchema.safeParse({ id: 'q', question: '?', type: 'single', options: two }).success).toBe(false);
    const none = options.map((o) => ({ ...o, correct: false }));
    expect(QuizSchema.safeParse({ id: 'q', question: '?', type: 'multiple', options: none }).success).toBe(false);
  });
});

describe('CheckSchema', () => {
  it('accepts the all/any/not shorthand and nests it', () => {
    const parsed = CheckSchema.parse({ all: [{ kind: 'loggedIn' }, { not: { any: [{ kind: 'image', ref: 'x' }] } }] });
    expect(parsed).toEqual({ kind: 'all', of: [{ kind: 'loggedIn' }, { kind: 'not', check: { kind: 'any', of: [{ kind: 'image', ref: 'x' }] } }] });
  });

  it('names the field that is wrong for a known kind', () => {
    const result = CheckSchema.safeParse({ kind: 'container', publishes: { host: '3000', container: 80 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['publishes', 'host']);
  });

  it('rejects unknown kinds and unknown fields', () => {
    expect(CheckSchema.safeParse({ kind: 'telepathy' }).success).toBe(false);
    expect(CheckSchema.safeParse({ kind: 'image', ref: 'x', colour: 'red' }).success).toBe(false);
  });
});
