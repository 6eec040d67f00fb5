import { describe, expect, it } from 'vitest';
import { parseScript } from './parser.js';
import { ShellSyntaxError } from './errors.js';

function err(src: string): ShellSyntaxError {
  try {
    parseScript(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e;
    throw e;
  }
  throw new Error('parsed: ' + src);
}

describe('parser', () => {
  it('parses lists, pipelines and and-or', () => {
    const s = parseScript('a | b && c || d; e &\nf');
    expect(s.length).toBe(3);
    expect(s[0].andOr.first.commands.length).toBe(2);
    expect(s[0].andOr.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(s[1].background).toBe(true);
  });
  it('parses compound commands', () => {
    const s = parseScript('if a; then b; elif c; then d; else e; fi; while x; do y; done; for i in 1 2; do echo $i; done; case $x in a|b) echo 1;; *) echo 2;; esac; { a; }; (b); f() { echo hi; }');
    expect(s.map((i) => i.andOr.first.commands[0].kind)).toEqual(['if', 'while', 'for', 'case', 'group', 'subshell', 'function']);
  });
  it('recognises assignments and redirections', () => {
    const [item] = parseScript('A=1 B="x y" cmd arg 2>&1 >out');
    const cmd = item.andOr.first.commands[0];
    if (cmd.kind !== 'simple') throw new Error();
    expect(cmd.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.words.map((w) => w.raw)).toEqual(['cmd', 'arg']);
    expect(cmd.redirs.map((r) => [r.fd, r.op, r.target.raw])).toEqual([[2, '>&', '1'], [1, '>', 'out']]);
  });
  it('reads here-documents', () => {
    const [item] = parseScript("cat <<EOF\nhello $X\nEOF\necho done");
    const cmd = item.andOr.first.commands[0];
    if (cmd.kind !== 'simple') throw new Error();
    expect(cmd.redirs[0].heredoc?.parts.length).toBeGreaterThan(1);
  });
  it('reports bash-style unexpected tokens', () => {
    expect(err('fi').token).toBe('fi');
    expect(err('if true; then fi').token).toBe('fi');
    expect(err('echo >').token).toBe('newline');
    expect(err('| a').token).toBe('|');
    expect(err('a ;; b').token).toBe(';;');
    expect(err('echo )').token).toBe(')');
  });
  it('flags incomplete input', () => {
    for (const src of ["echo 'abc", 'echo "abc', 'if true; then', 'a |', 'a &&', 'while true', 'echo \\', 'echo $(ls', 'for x in a b', 'case x in', 'cat <<EOF\nabc', '{ echo']) {
      expect(err(src).incomplete, src).toBe(true);
    }
    expect(err('if true; then fi').incomplete).toBe(false);
  });
  it('nests command substitutions', () => {
    const [item] = parseScript('echo $(echo $(echo hi) `echo there`)');
    const cmd = item.andOr.first.commands[0];
    if (cmd.kind !== 'simple') throw new Error();
    expect(cmd.words[1].parts[0].kind).toBe('command');
  });
});
