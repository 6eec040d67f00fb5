import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { nodeLessonsHost } from '../../../scripts/lessons-disk.js';
import { runLessonsCheck } from './lessonsCheck.js';

const TESTDATA = fileURLToPath(new URL('../../lessons/testdata/', import.meta.url));

async function check(dir: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runLessonsCheck(TESTDATA + dir, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) }, nodeLessonsHost());
  return { code, out, err };
}

describe('runLessonsCheck', () => {
  it('passes a solvable lesson: one ok line, the summary, and "N passed, N failed" last', async () => {
    const { code, out } = await check('good');
    expect(out).toBe('ok   01-hello (4 tasks)\n1 lesson: 1 passed, 0 failed\n1 passed, 0 failed\n');
    expect(code).toBe(0);
  });

  it('accepts a single lesson folder as DIR', async () => {
    const { code, out } = await check('good/01-hello');
    expect(out.split('\n')[0]).toBe('ok   01-hello (4 tasks)');
    expect(code).toBe(0);
  });

  it('fails on unparsable frontmatter', async () => {
    const { code, out } = await check('bad-frontmatter');
    expect(out).toMatch(/^FAIL 01-bad-yaml: frontmatter: invalid YAML at line \d+/);
    expect(out.endsWith('0 passed, 1 failed\n')).toBe(true);
    expect(code).toBe(1);
  });

  it('fails when the solution does not reach every task', async () => {
    const { code, out } = await check('unreachable-solution');
    expect(out).toContain('FAIL 01-unreachable: after the solution, task reorder fails: the Dockerfile has no `COPY package.json`');
    expect(out).not.toContain('task build fails');
    expect(code).toBe(1);
  });

  it('fails when a task already passes in the start state', async () => {
    const { code, out } = await check('trivial-task');
    expect(out).toContain('FAIL 01-trivial: task nothing-running already passes in the start state');
    expect(code).toBe(1);
  });

  it('fails when a clickable command does not parse', async () => {
    const { code, out } = await check('bad-clickable');
    expect(out).toContain('clickable command on body line 2 (docker ps --everything) does not parse: `docker ps --everything`: unknown flag: --everything');
    expect(code).toBe(1);
  });

  it('fails when there are no lessons, or the folder cannot be read', async () => {
    expect((await check('good/01-hello/_files')).code).toBe(1);
    const missing = await check('does-not-exist');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read/);
  });
});
