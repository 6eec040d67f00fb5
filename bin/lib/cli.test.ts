import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemFs } from '../../src/os/memfs.js';
import { parseArgs } from './args.js';
import { parseCommand } from './parse.js';
import { loadWorkspace } from './workspace.js';

const CASES = '/work/shared/reference/dockerfile-parser-cases';

describe('parseArgs', () => {
  it('recognises the commands and flags of PRODUCT.md §6', () => {
    expect(parseArgs([])).toEqual({ kind: 'session', workspace: undefined });
    expect(parseArgs(['--workspace', 'app'])).toEqual({ kind: 'session', workspace: 'app' });
    expect(parseArgs(['--workspace=app'])).toEqual({ kind: 'session', workspace: 'app' });
    expect(parseArgs(['parse', 'Dockerfile'])).toEqual({ kind: 'parse', file: 'Dockerfile' });
    expect(parseArgs(['lessons', 'check'])).toEqual({ kind: 'lessons-check', dir: undefined });
    expect(parseArgs(['lessons', 'check', 'lessons'])).toEqual({ kind: 'lessons-check', dir: 'lessons' });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['-v'])).toEqual({ kind: 'version' });
  });

  it('rejects what it does not know', () => {
    expect(parseArgs(['--workspace'])).toEqual({ kind: 'error', message: 'flag needs an argument: --workspace' });
    expect(parseArgs(['--colour'])).toEqual({ kind: 'error', message: 'unknown flag: --colour' });
    expect(parseArgs(['frobnicate']).kind).toBe('error');
    expect(parseArgs(['parse']).kind).toBe('error');
  });
});

describe('slipway parse', () => {
  it('prints the BuildKit dump of every reference case', () => {
    const dir = join(CASES, 'testfiles');
    for (const name of readdirSync(dir)) {
      const result = parseCommand(join(dir, name, 'Dockerfile'));
      expect({ name, out: result.stdout, status: result.status }).toEqual({ name, out: readFileSync(join(dir, name, 'result'), 'utf8'), status: 0 });
    }
  });

  it('exits 1 with the parser error for an invalid file', () => {
    const result = parseCommand(join(CASES, 'testfiles-negative', 'only_comments', 'Dockerfile'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no instructions|empty/i);
  });

  it('reports a missing file', () => {
    expect(parseCommand('/nonexistent/Dockerfile')).toEqual({ stdout: '', stderr: 'slipway: open /nonexistent/Dockerfile: no such file or directory\n', status: 1 });
  });
});

describe('loadWorkspace', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies files recursively into memory, skipping node_modules and .git', () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-ws-'));
    mkdirSync(join(dir, 'public'));
    mkdirSync(join(dir, 'node_modules', 'express'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'server.js'), 'app.listen(80);\n');
    writeFileSync(join(dir, 'public', 'styles.css'), 'body {}\n');
    writeFileSync(join(dir, 'node_modules', 'express', 'index.js'), '');
    writeFileSync(join(dir, '.git', 'HEAD'), '');
    const fs = new MemFs();
    expect(loadWorkspace(dir, fs, '/home/student/app')).toBe(2);
    expect(fs.readdir('/home/student/app')).toEqual(['public', 'server.js']);
    expect(new TextDecoder().decode(fs.readFile('/home/student/app/public/styles.css'))).toBe('body {}\n');
  });
});
