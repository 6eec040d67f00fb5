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
