import { describe, expect, it } from 'vitest';
import { ShellLex, ShellLexError, expandHeredocContent, expandWord, expandWords } from './index.js';

const env = { FOO: 'foo', EMPTY: '', PATH: '/usr/bin', SPACED: 'a b  c', FILE: 'archive.tar.gz' };

describe('expandWord (BuildKit shell lexer)', () => {
  const cases: [string, string][] = [
    ['$FOO', 'foo'],
    ['${FOO}', 'foo'],
    ['x${FOO}y', 'xfooy'],
    ['$FOO$FOO', 'foofoo'],
    ['$UNSET', ''],
    ['$', '$'],
    ['${UNSET:-def}', 'def'],
    ['${EMPTY:-def}', 'def'],
    ['${EMPTY-def}', ''],
    ['${UNSET-def}', 'def'],
    ['${FOO:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${FOO:-$PATH}', 'foo'],
    ['${UNSET:-$PATH}', '/usr/bin'],
    ["'$FOO'", '$FOO'],
    ['"$FOO"', 'foo'],
    ['"a  b"', 'a  b'],
    ['\\$FOO', '$FOO'],
    ['"\\$FOO"', '$FOO'],
    ['"\\a"', '\\a'],
    ['a\\ b', 'a b'],
    ["'a'\"b\"c", 'abc'],
    ['${FILE%.gz}', 'archive.tar'],
    ['${FILE%%.*}', 'archive'],
    ['${FILE#*.}', 'tar.gz'],
    ['${FILE##*.}', 'gz'],
    ['${FILE/tar/zip}', 'archive.zip.gz'],
    ['${PATH//\\//:}', ':usr:bin'],
  ];
  for (const [word, want] of cases) {
    it(`${word} -> ${want}`, () => expect(expandWord(word, env)).toBe(want));
  }
  it('uses the escape token from the directive', () => {
    expect(expandWord('`$FOO', env, '`')).toBe('$FOO');
    expect(expandWord('C:\\path', env, '`')).toBe('C:\\path');
  });
  it('reports errors like BuildKit', () => {
    expect(() => expandWord('${UNSET:?must be set}', env)).toThrow('failed to process "${UNSET:?must be set}": UNSET: must be set');
    expect(() => expandWord('${UNSET?}', env)).toThrow('UNSET: is not allowed to be unset');
    expect(() => expandWord('${EMPTY:?}', env)).toThrow('EMPTY: is not allowed to be empty');
    expect(() => expandWord('${FOO', env)).toThrow("syntax error: missing '}'");
    expect(() => expandWord('${}', env)).toThrow('bad substitution');
    expect(() => expandWord("'abc", env)).toThrow(ShellLexError);
    expect(() => expandWord('"abc', env)).toThrow('unexpected end of statement while looking for matching double-quote');
  });
  it('accepts a Map environment', () => {
    expect(expandWord('$A', new Map([['A', '1']]))).toBe('1');
  });
});

describe('expandWords', () => {
  it('splits after expansion, quotes group', () => {
    expect(expandWords('$SPACED "x y" z', env)).toEqual(['a', 'b', 'c', 'x y', 'z']);
    expect(expandWords('"$SPACED"', env)).toEqual(['a b  c']);
    expect(expandWords('  a   b  ', env)).toEqual(['a', 'b']);
  });
  it('reports matched and unmatched names', () => {
    const r = new ShellLex().process('$FOO ${NOPE:-x} $ALSO', env);
    expect([...r.matched]).toEqual(['FOO']);
    expect([...r.unmatched].sort()).toEqual(['ALSO', 'NOPE']);
  });
  it('skipUnsetEnv keeps unset references', () => {
    expect(new ShellLex('\\', { skipUnsetEnv: true }).processWord('$A ${B} ${C:-x} $FOO', env)).toBe('$A ${B} ${C:-x} foo');
  });
  it('skipProcessQuotes keeps quotes (heredoc bodies)', () => {
    expect(new ShellLex('\\', { skipProcessQuotes: true }).processWord(`echo '$FOO' "$FOO"`, env)).toBe(`echo 'foo' "foo"`);
  });
});

describe('expandHeredocContent', () => {
  it('expands variables but keeps quotes', () => {
    expect(expandHeredocContent(`name="$FOO" '\${FOO}'\n`, env)).toBe(`name="foo" 'foo'\n`);
  });
});

// Cases of BuildKit's TestProcessWithMatches (shell/lex_test.go).
describe('BuildKit lexer cases', () => {
  const cases: [string, Record<string, string>, string | Error][] = [
    ['${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}', { FOO: 'xxx', BAR: '' }, 'xxx  ccc'],
    ['${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}', { FOO: 'xxx', BAR: '' }, 'xxx bbb ccc'],
    ['${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}', { FOO: 'xxx', BAR: '' }, 'aaa bbb '],
    ['${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}', { FOO: 'xxx', BAR: '' }, 'aaa  '],
    ['${BAR?bbb}', { BAR: '' }, ''],
    ['${BAZ?ccc}', {}, new Error()],
    ['${BAR:?bbb}', { BAR: '' }, new Error()],
    ['${FOO=aaa}', { FOO: 'xxx' }, new Error()],
    ['${FOO#()[]{\\}^$.\\*\\?|\\\\}', { FOO: '()[]{}^$.*?|\\x' }, 'x'],
    ['${FOO%%\\**}', { FOO: 'xx**' }, 'xx'],
    ['${FOO#*x*y}', { FOO: 'xxyy' }, 'y'],
    ['${FOO#*}', { FOO: 'xxyy' }, 'xxyy'],
    ['${FOO#$BAR}', { FOO: 'xxyy', BAR: 'x' }, 'xyy'],
    ['${FOO##*x}', { FOO: 'xxyy' }, 'yy'],
    ['${FOO#?\\?}', { FOO: '???y' }, '?y'],
    ['${ABC:-.}${FOO%x}${ABC:-.}', { FOO: 'xxyy' }, '.xxyy.'],
    ['${FOO%%\\**\\*}', { FOO: 'a***yy*' }, 'a'],
    ['${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}', { FOO: '/foo*/*/*.txt', NEEDLE: '\\*/' }, '/foo.*/*.txt - /foo..*.txt'],
    ['${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}', { FOO: '/tmp/tmp/bar.txt', NEEDLE: '/tmp' }, '/tmp/bar.txt - /bar.txt'],
    ['${FOO/$NEEDLE/$R} - ${FOO//$NEEDLE/$R}', { FOO: '/a/foo/b/c.txt', NEEDLE: '/?/', R: '/' }, '/foo/b/c.txt - /foo/c.txt'],
    ['${FOO//\\//\\/}', { FOO: '/tmp/foo.txt' }, '\\/tmp\\/foo.txt'],
    ['${FOO/$BAR/ww}', { FOO: 'xxyy', BAR: '' }, 'wwxxyy'],
    ['${FOO//ww}', { FOO: 'xxyy' }, new Error()],
    ['${FOO///}', { FOO: 'xxyy' }, 'xxyy'],
    ['${FOO/a-b/c}', { FOO: 'xa-by' }, 'xcy'],
  ];
  for (const [input, vars, want] of cases) {
    it(input, () => {
      if (want instanceof Error) expect(() => expandWord(input, vars)).toThrow(ShellLexError);
      else expect(expandWord(input, vars)).toBe(want);
    });
  }
});
