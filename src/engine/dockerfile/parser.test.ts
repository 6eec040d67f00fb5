import { describe, expect, it } from 'vitest';
import { DockerfileParseError, dumpAst, lintDockerfile, parseDockerfile } from './index.js';

const dump = (text: string) => dumpAst(parseDockerfile(text).ast);
const failure = (text: string): DockerfileParseError => {
  try {
    parseDockerfile(text);
  } catch (err) {
    if (err instanceof DockerfileParseError) return err;
    throw err;
  }
  throw new Error('no error');
};

describe('parser details', () => {
  it('keeps the keyword case in the node, lowercases it in the dump', () => {
    const { ast } = parseDockerfile('From alpine\nrun echo\n');
    expect(ast.children.map((c) => c.value)).toEqual(['From', 'run']);
    expect(dumpAst(ast)).toBe('(from "alpine")\n(run "echo")\n');
  });
  it('unknown instructions still get a node', () => {
    expect(dump('FROM a\nFOO bar baz\n')).toBe('(from "a")\n(foo "")\n');
  });
  it('joins continuations without inserting spaces, keeps indentation', () => {
    expect(dump('RUN echo good\\\nbye\\\nfrog\n')).toBe('(run "echo goodbyefrog")\n');
    expect(dump('RUN echo hello\\\n  world\n')).toBe('(run "echo hello  world")\n');
  });
  it('an escaped escape at the end of a line is not a continuation', () => {
    expect(parseDockerfile('FROM a\nENV C trailing\\\\\nRUN x\n').ast.children).toHaveLength(3);
  });
  it('records the exec form', () => {
    const { ast } = parseDockerfile('CMD ["a"]\nCMD a\nCMD [\'a\']\n');
    expect(ast.children.map((c) => c.attributes.json === true)).toEqual([true, false, false]);
    expect(dumpAst(ast)).toBe('(cmd "a")\n(cmd "a")\n(cmd "[\'a\']")\n');
  });
  it('decodes JSON escapes and dumps with Go quoting', () => {
    expect(dump('CMD ["\\u0000", "\\/", "\\u00e9\\u00a0\\t"]\n')).toBe('(cmd "\\x00" "/" "é\\u00a0\\t")\n');
  });
  it('extracts flags for every instruction, even unknown ones', () => {
    expect(dump('CMD --doit [ "a", "b" ]\nFOO --x=1 y\n')).toBe('(cmd ["--doit"] "a" "b")\n(foo ["--x=1"] "")\n');
    expect(dump('COPY --chown="a b" x y\n')).toBe('(copy ["--chown=a b"] "x" "y")\n');
  });
  it('ENV/LABEL keep raw values; ARG keeps words', () => {
    expect(dump('ENV name="value value1"\n')).toBe('(env "name" "\\"value value1\\"" "=")\n');
    expect(dump('ENV A b c\n')).toBe('(env "A" "b c" "")\n');
    expect(dump('ARG abc="123 456" def\n')).toBe('(arg "abc=\\"123 456\\"" "def")\n');
    expect(failure('ENV a=1 b\n').message).toBe('Syntax error - can\'t find = in "b". Must be of the form: name=value');
  });
  it('ONBUILD nests its instruction', () => {
    expect(dump('ONBUILD RUN echo test\nONBUILD\n')).toBe('(onbuild (run "echo test"))\n(onbuild)\n');
  });
  it('strips a BOM and CRLF line endings', () => {
    expect(dump('\uFEFFFROM a\r\nRUN b \\\r\n  c\r\n')).toBe('(from "a")\n(run "b   c")\n');
  });
  it('collects comments before an instruction; an empty # resets them', () => {
    const { ast } = parseDockerfile('# one\n#\n# two\n\n# three\nFROM a\n');
    expect(ast.children[0].prevComment).toEqual(['two', 'three']);
  });
});

describe('directives', () => {
  it('honours escape, syntax and check in the leading block (keys case-insensitive)', () => {
    const r = parseDockerfile('# syntax=docker/dockerfile:1\n# ESCAPE=`\n#check=skip=JSONArgsRecommended\nFROM a\nRUN a `\n  b\n');
    expect(r.escapeToken).toBe('`');
    expect(r.directives).toMatchObject({ escape: '`', syntax: 'docker/dockerfile:1', check: 'skip=JSONArgsRecommended' });
    expect(r.directives.list.map((d) => [d.name, d.line])).toEqual([['syntax', 1], ['escape', 2], ['check', 3]]);
    expect(dumpAst(r.ast)).toBe('(from "a")\n(run "a   b")\n');
  });
  it('ignores directives after the leading block', () => {
    const r = parseDockerfile('# comment\n# escape=`\nFROM a\n');
    expect(r.escapeToken).toBe('\\');
    expect(r.directives.list).toEqual([]);
  });
  it('rejects repeated directives and bad escape tokens', () => {
    expect(failure('# escape=`\n# escape=\\\nFROM a\n').message).toBe('only one escape parser directive can be used');
    expect(failure('# escape=x\nFROM a\n').message).toBe("invalid escape token 'x' does not match ` or \\");
  });
  it('check=skip silences rules in lintDockerfile', () => {
    const text = (skip: string) => `# check=skip=${skip}\nFROM a\nCMD x\nMAINTAINER me\n`;
    expect(lintDockerfile(parseDockerfile(text('JSONArgsRecommended'))).map((w) => w.rule)).toEqual(['MaintainerDeprecated']);
    expect(lintDockerfile(parseDockerfile(text('all')))).toEqual([]);
  });
});

describe('parse errors', () => {
  it('fails on an over-long line', () => {
    const err = failure('FROM a\nRUN ' + 'x'.repeat(70000) + '\n');
    expect(err.message).toBe('dockerfile line greater than max allowed size of 65535');
    expect(err.startLine).toBe(2);
  });
  it('locates errors on the instruction lines', () => {
    const err = failure('FROM a\nCMD [ "a",\\\n [ "b" ] ]\n');
    expect([err.startLine, err.endLine]).toEqual([2, 3]);
  });
});

describe('comments and directives', () => {
  it('does not keep directive lines as instruction comments', () => {
    const { ast } = parseDockerfile('# syntax=docker/dockerfile:1\n# base image\nFROM a\n');
    expect(ast.children[0].prevComment).toEqual(['base image']);
  });
});
