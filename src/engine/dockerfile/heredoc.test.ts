import { describe, expect, it } from 'vitest';
import { chompHeredocContent, dumpAst, parseDockerfile, parseHeredoc, type Heredoc } from './index.js';
import { heredocsFromLine } from './parser/heredoc.js';

// Behaviour of BuildKit's parser_heredoc_test.go (TestParseExtractsHeredoc).
const DOCKERFILE = [
  '',
  'FROM alpine:3.6',
  '',
  'ENV NAME=me',
  '',
  'RUN ls',
  '',
  'USER <<INVALID',
  'INVALID',
  '',
  'RUN <<EMPTY',
  'EMPTY',
  '',
  'RUN 3<<EMPTY2',
  'EMPTY2',
  '',
  'RUN "<<NOHEREDOC"',
  '',
  'RUN <<INDENT',
  '\tfoo',
  '\tbar',
  'INDENT',
  '',
  'RUN <<-UNINDENT',
  '\tbaz',
  '\tquux',
  'UNINDENT',
  '',
  'RUN <<-UNINDENT2',
  '\tbaz',
  '\tquux',
  '\tUNINDENT2',
  '',
  'RUN <<-EXPAND',
  '\texpand $NAME',
  'EXPAND',
  '',
  "RUN <<-'NOEXPAND'",
  "\tdon't expand $NAME",
  'NOEXPAND',
  '',
  'RUN <<COPY',
  'echo hello world',
  'echo foo bar',
  'COPY',
  '',
  'RUN <<COMMENT',
  '# internal comment',
  'echo hello world',
  'echo foo bar # trailing comment',
  'COMMENT',
  '',
  'RUN --mount=type=cache,target=/foo <<MOUNT',
  'echo hello',
  'MOUNT',
  '',
  'COPY <<FILE1 <<FILE2 /dest',
  'content 1',
  'FILE1',
  'content 2',
  'FILE2',
  '',
  'COPY <<EOF /quotes',
  '"foo"',
  "'bar'",
  'EOF',
  '',
  'COPY <<X <<Y /dest',
  'Y',
  'X',
  'X',
  'Y',
  '',
  'RUN <<COMPLEX python3',
  "print('hello world')",
  'COMPLEX',
  '',
  'COPY <<file.txt /dest',
  'hello world',
  'file.txt',
  '',
  "RUN <<eo'f'",
  'echo foo',
  'eof',
  '',
  "RUN <<eo\\'f",
  'echo foo',
  "eo'f",
  '',
  "RUN <<'e'o\\'f",
  'echo foo',
  "eo'f",
  '',
  "RUN <<'one two'",
  'echo bar',
  'one two',
  '',
  'RUN <<$EOF',
  '$EOF',
  '',
  'RUN <<  EOF',
  'EOF',
  '',
  'RUN <<  EOF  > foo',
  'EOF',
  '\t',
].join('\n');

const doc = (name: string, content: string, extra: Partial<Heredoc> = {}): Heredoc => ({
  name,
  content,
  expand: true,
  chomp: false,
  fileDescriptor: 0,
  ...extra,
});

const EXPECTED: Heredoc[][] = [
  [], // ENV
  [], // RUN ls
  [], // USER <<INVALID
  [], // INVALID (an unknown instruction)
  [doc('EMPTY', '')],
  [doc('EMPTY2', '', { fileDescriptor: 3 })],
  [],
  [doc('INDENT', '\tfoo\n\tbar\n')],
  [doc('UNINDENT', '\tbaz\n\tquux\n', { chomp: true })],
  [doc('UNINDENT2', '\tbaz\n\tquux\n', { chomp: true })],
  [doc('EXPAND', '\texpand $NAME\n', { chomp: true })],
  [doc('NOEXPAND', "\tdon't expand $NAME\n", { chomp: true, expand: false })],
  [doc('COPY', 'echo hello world\necho foo bar\n')],
  [doc('COMMENT', '# internal comment\necho hello world\necho foo bar # trailing comment\n')],
  [doc('MOUNT', 'echo hello\n')],
  [doc('FILE1', 'content 1\n'), doc('FILE2', 'content 2\n')],
  [doc('EOF', '"foo"\n\'bar\'\n')],
  [doc('X', 'Y\n'), doc('Y', 'X\n')],
  [doc('COMPLEX', "print('hello world')\n")],
  [doc('file.txt', 'hello world\n')],
  [doc('eof', 'echo foo\n', { expand: false })],
  [doc("eo'f", 'echo foo\n')],
  [doc("eo'f", 'echo foo\n', { expand: false })],
  [doc('one two', 'echo bar\n', { expand: false })],
  [doc('$EOF', '')],
  [doc('EOF', '')],
  [doc('EOF', '')],
];

describe('heredocs (TestParseExtractsHeredoc behaviour)', () => {
  const { ast } = parseDockerfile(DOCKERFILE);
  it('has one node per instruction, heredoc bodies consumed', () => {
    expect(ast.children).toHaveLength(EXPECTED.length + 1);
  });
  EXPECTED.forEach((want, i) => {
    const child = ast.children[i + 1];
    it(`${i + 1}: ${child.original}`, () => {
      expect(child.heredocs).toEqual(want);
    });
  });
  it('does not dump heredoc bodies', () => {
    const dump = dumpAst(ast).split('\n');
    expect(dump[5]).toBe('(run "<<EMPTY")');
    expect(dump[16]).toBe('(copy "<<FILE1" "<<FILE2" "/dest")');
    expect(dump[15]).toBe('(run ["--mount=type=cache,target=/foo"] "<<MOUNT")');
  });
  it('line ranges cover the heredoc bodies', () => {
    const copy = ast.children.find((c) => c.original === 'COPY <<FILE1 <<FILE2 /dest')!;
    expect(copy.endLine - copy.startLine).toBe(4);
  });
});

describe('heredoc edge cases', () => {
  it('ignores heredocs in JSON form (TestParseJSONHeredoc)', () => {
    const { ast } = parseDockerfile('\nFROM alpine:3.6\n\nRUN ["whoami"]\nRUN ["<<EOF"]\nRUN ["<<\'EOF\'"]\n\t');
    expect(ast.children.slice(1).map((c) => c.heredocs)).toEqual([[], [], []]);
  });
  it('reads heredocs under ONBUILD', () => {
    const { ast } = parseDockerfile('FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\nRUN x\n');
    expect(ast.children[1].heredocs).toEqual([doc('EOF', 'echo hi\n')]);
    expect(ast.children).toHaveLength(3);
  });
  it('fails on an unterminated heredoc', () => {
    expect(() => parseDockerfile('FROM a\nRUN <<EOF\necho\n')).toThrow(/^unterminated heredoc$/);
  });
  it('ignores a line whose quotes do not lex (BuildKit drops the lexing error)', () => {
    const { ast } = parseDockerfile("FROM a\nRUN <<'EOF\necho\nEOF\n");
    expect(ast.children.map((c) => [c.value, c.heredocs.length])).toEqual([['FROM', 0], ['RUN', 0], ['echo', 0], ['EOF', 0]]);
  });
  it('parseHeredoc helper cases', () => {
    for (const src of ['<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', "<<-'EOF'", '<<-"EOF"', '<<EO"F"', '<< EOF', '<<- EOF']) {
      expect(parseHeredoc(src)?.name).toBe('EOF');
    }
    for (const src of ['', 'EOF', '<<', '<<-', '<EOF', '<<<EOF', '<<EOF sh']) expect(parseHeredoc(src)).toBeUndefined();
    for (const src of ["<<'EOF", '<<"EOF', "<<EOF'", '<<EOF"']) expect(() => parseHeredoc(src)).toThrow();
  });
  it('finds heredoc words on a line', () => {
    const names = (line: string) => heredocsFromLine(line).map((h) => h.name);
    expect(names('RUN <<EOF <<EOF2')).toEqual(['EOF', 'EOF2']);
    expect(names('RUN << -EOF')).toEqual(['-EOF']);
    expect(names('RUN 4<<EOF')).toEqual(['EOF']);
    expect(names("RUN '<<EOF'")).toEqual([]);
    expect(names('RUN "<<EOF"')).toEqual([]);
  });
  it('chomps leading tabs', () => {
    expect(chompHeredocContent('\thello\n\t\tworld\n')).toBe('hello\nworld\n');
  });
});
