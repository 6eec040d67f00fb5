/**
 * `npm test` proves the shipped lessons: the validator replays every one of
 * them and must pass them all.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { nodeLessonsHost } from '../../scripts/lessons-disk.js';
import { runLessonsCheck } from '../worker/session/lessonsCheck.js';

const LESSONS = fileURLToPath(new URL('../../lessons', import.meta.url));

describe('shipped lessons', () => {
  it('all pass slipway lessons check', { timeout: 300_000 }, async () => {
    let out = '';
    const code = await runLessonsCheck(LESSONS, { stdout: (t) => void (out += t), stderr: (t) => void (out += t) }, nodeLessonsHost());
    expect(out.split('\n').filter((line) => line.startsWith('FAIL'))).toEqual([]);
    expect(out).toMatch(/^(1[5-9]|[2-9]\d) lessons: \d+ passed, 0 failed$/m);
    expect(code).toBe(0);
  });
});
