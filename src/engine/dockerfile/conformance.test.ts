import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DockerfileParseError, dumpAst, parseDockerfile } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const testdata = join(here, 'testdata');
const read = (...p: string[]) => readFileSync(join(testdata, ...p), 'utf8');
const cases = (dir: string) => readdirSync(join(testdata, dir)).sort();

describe('BuildKit testfiles: dump is byte-exact', () => {
  for (const name of cases('testfiles')) {
    it(name, () => {
      const result = parseDockerfile(read('testfiles', name, 'Dockerfile'));
      expect(dumpAst(result.ast)).toBe(read('testfiles', name, 'result'));
    });
  }
});

describe('BuildKit testfiles-negative: parse fails', () => {
  for (const name of cases('testfiles-negative')) {
    it(name, () => {
      expect(() => parseDockerfile(read('testfiles-negative', name, 'Dockerfile'))).toThrow(DockerfileParseError);
    });
  }
  it('empty and comment-only files say "file with no instructions"', () => {
    expect(() => parseDockerfile('')).toThrow('file with no instructions');
    expect(() => parseDockerfile('# a\n  # b\n\n')).toThrow('file with no instructions');
  });
  it('ENV with one word needs two arguments', () => {
    expect(() => parseDockerfile('FROM a\nENV PATH\n')).toThrow(/^ENV must have two arguments$/);
  });
  it('nested JSON is a hard error', () => {
    const err = catchError(() => parseDockerfile('FROM a\nCMD [ "echo", [ "nested json" ] ]\n'));
    expect(err.message).toBe('when using JSON array syntax, arrays must be comprised of strings only');
    expect([err.startLine, err.endLine]).toEqual([2, 2]);
  });
});

describe('line numbers (testfile-line)', () => {
  it('matches TestParseIncludesLineNumbers', () => {
    const { ast } = parseDockerfile(read('testfile-line', 'Dockerfile'));
    expect([ast.startLine, ast.endLine]).toEqual([5, 31]);
    expect(ast.children.map((c) => [c.startLine, c.endLine])).toEqual([
      [5, 5],
      [11, 12],
      [17, 31],
    ]);
  });
});

describe('empty continuation warnings', () => {
  it('matches TestParseWarnsOnEmptyContinutationLine', () => {
    const dir = join('extracted-from-go-tests', 'empty-continuation-warnings');
    const expected = JSON.parse(read(dir, 'expected.json')) as {
      warnings_count: number;
      warnings_short_contains: [string, string][];
      warning_detail: string;
    };
    const { warnings } = parseDockerfile(read(dir, 'Dockerfile'));
    expect(warnings).toHaveLength(expected.warnings_count);
    expected.warnings_short_contains.forEach(([a, b], i) => {
      expect(warnings[i].short).toContain(a);
      expect(warnings[i].short).toContain(b);
      expect(warnings[i].detail).toEqual([expected.warning_detail]);
    });
    expect(warnings[0].short).toBe('Empty continuation line found in: RUN something     following     more');
    expect(warnings[0].url).toBe('https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/');
  });
});

function catchError(fn: () => unknown): DockerfileParseError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DockerfileParseError) return err;
    throw err;
  }
  throw new Error('expected a DockerfileParseError');
}
