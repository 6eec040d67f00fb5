import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function slipway(args: string[], input: string) {
  const result = spawnSync(tsx, [join(root, 'bin', 'slipway.ts'), ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, SLIPWAY_CLOCK: 'virtual' },
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('slipway (piped stdin)', () => {
  it('prints a plain transcript and exits with the last status', () => {
    const { stdout, status } = slipway(['--workspace', join(root, 'tests', 'fixtures', 'python-app')], 'ls\ncat nope\n');
    expect(stdout).toBe(
      [
        'student@slipway:~/app$ ls',
        'Dockerfile  rng.py',
        'student@slipway:~/app$ cat nope',
        'cat: nope: No such file or directory',
        'student@slipway:~/app$',
        '',
      ].join('\n'),
    );
    expect(status).toBe(1);
  });

  it('gives a reading program typed lines and ^C as Ctrl-C', () => {
    const { stdout } = slipway([], 'cat\nhello\n^C\necho after\n');
    expect(stdout).toBe('student@slipway:~/app$ cat\nhello\nhello\n^C\nstudent@slipway:~/app$ echo after\nafter\nstudent@slipway:~/app$\n');
  });

  it('rejects a workspace that is not a directory', () => {
    const { stderr, status } = slipway(['--workspace', '/nonexistent'], '');
    expect(stderr).toBe('slipway: --workspace /nonexistent: not a directory\n');
    expect(status).toBe(2);
  });

  it('has --help', () => {
    expect(slipway(['--help'], '').stdout).toContain('Usage:  slipway [--workspace DIR]');
  });

  it('runs lessons check on a folder and fails when it holds no lessons', () => {
    const result = slipway(['lessons', 'check', join(root, 'tests', 'fixtures')], '');
    expect(result.stdout).toBe('0 passed, 0 failed\n');
    expect(result.stderr).toContain('no lessons');
    expect(result.status).toBe(1);
  });
});
