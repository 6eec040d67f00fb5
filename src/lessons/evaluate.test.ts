import { describe, expect, it } from 'vitest';
import { evaluateLesson } from './evaluate.js';
import { LessonFrontmatterSchema } from './schema.js';
import { containerFact, stateWith } from './testing/facts.js';

const meta = LessonFrontmatterSchema.parse({
  title: 'T',
  version: 1,
  summary: 'S',
  tasks: [
    {
      id: 'run',
      title: 'Run nginx',
      check: { kind: 'container', image: 'nginx', state: 'running' },
      failure: 'nginx is not running yet.',
      hints: [
        { text: 'Use docker run.' },
        { text: 'docker run -d nginx' },
        { text: 'It exited: try docker ps -a', when: { kind: 'container', image: 'nginx', state: 'exited' } },
      ],
    },
    { id: 'logs', title: 'Read its logs', dependsOn: ['run'], check: { kind: 'commandRan', pattern: '^docker logs' } },
  ],
  solution: { commands: ['docker run -d nginx'] },
});
const lesson = { meta };

describe('evaluateLesson', () => {
  it('fails the first task with the failure text and the check reason, and locks its dependants', () => {
    const result = evaluateLesson(lesson, stateWith({}));
    expect(result.tasks[0]).toMatchObject({
      status: 'fail',
      checks: 'a running container from nginx exists',
      why: 'nginx is not running yet. — there are no containers at all (docker ps -a lists none)',
      nextHint: { text: 'Use docker run.', level: 1 },
    });
    expect(result.tasks[1]).toMatchObject({ status: 'locked', waitingFor: ['run'] });
    expect(result).toMatchObject({ passed: 0, total: 2, complete: false });
  });

  it('offers graded hints in order, then none', () => {
    expect(evaluateLesson(lesson, stateWith({}), { hintsShown: { run: 1 } }).tasks[0].nextHint).toEqual({ text: 'docker run -d nginx', level: 2 });
    expect(evaluateLesson(lesson, stateWith({}), { hintsShown: { run: 2 } }).tasks[0].nextHint).toBeUndefined();
  });

  it('puts a state-tied hint first while its condition holds', () => {
    const state = stateWith({ containers: [containerFact({ state: 'exited' })] });
    expect(evaluateLesson(lesson, state).tasks[0].nextHint).toEqual({ text: 'It exited: try docker ps -a' });
  });

  it('unlocks and passes tasks in order', () => {
    const running = stateWith({ containers: [containerFact()] });
    const mid = evaluateLesson(lesson, running);
    expect(mid.tasks.map((t) => t.status)).toEqual(['pass', 'fail']);
    const done = evaluateLesson(lesson, { ...running, commands: [{ line: 'docker logs x', exitCode: 0 }] });
    expect(done).toMatchObject({ passed: 2, complete: true });
  });

  it('keeps a task locked while its prerequisite fails, even if its own check holds', () => {
    const result = evaluateLesson(lesson, stateWith({ commands: [{ line: 'docker logs x', exitCode: 0 }] }));
    expect(result.tasks[1].status).toBe('locked');
  });
});
