import { describe, expect, it } from 'vitest';
import { harness } from './testing/harness.js';

describe('shell basics', () => {
  it('echo, variables, quoting', async () => {
    const h = harness();
    expect(await h.run('echo hello world')).toEqual({ status: 0, out: 'hello world\n', err: '' });
    expect((await h.run('X="a  b"; echo $X "$X" \'$X\' ${X:-no} ${#X} ${Y:-dflt}')).out).toBe('a b a  b $X a b 4 dflt\n');
    expect((await h.run("echo $'tab\\there' \"q\\\"q\" a\\ b")).out).toBe('tab\there q"q a b\n');
  });
  it('command substitution, arithmetic, $?', async () => {
    const h = harness();
    expect((await h.run('echo $(echo $(echo deep)) `echo tick` $((2 + 3 * 4))')).out).toBe('deep tick 14\n');
    expect((await h.run('false; echo $?; true; echo $?')).out).toBe('1\n0\n');
  });
  it('pipelines, and-or, redirections', async () => {
    const h = harness();
    const r = await h.run('printf "b\\na\\nc\\n" | sort | head -n 2 > out.txt; cat out.txt; echo x >> out.txt; wc -l < out.txt');
    expect(r.out).toBe('a\nb\n3\n');
    expect((await h.run('false && echo no || echo yes')).out).toBe('yes\n');
    expect((await h.run('cat nope 2>&1')).out).toBe('cat: nope: No such file or directory\n');
    expect((await h.run('cat nope 2>/dev/null; echo $?')).out).toBe('1\n');
  });
  it('control flow', async () => {
    const h = harness();
    expect((await h.run('for i in 1 2 3; do if [ $i -eq 2 ]; then continue; fi; echo $i; done')).out).toBe('1\n3\n');
    expect((await h.run('n=0; while [ $n -lt 3 ]; do n=$((n+1)); done; echo $n')).out).toBe('3\n');
    expect((await h.run('case foo.txt in *.md) echo md;; *.txt) echo txt;; esac')).out).toBe('txt\n');
    expect((await h.run('f() { echo "args: $# $1"; return 3; }; f a b; echo $?')).out).toBe('args: 2 a\n3\n');
  });
  it('command not found', async () => {
    expect(await harness().run('nosuch')).toEqual({ status: 127, out: '', err: 'bash: nosuch: command not found\n' });
    expect(await harness({ flavor: 'sh', scriptName: '/bin/sh' }).run('nosuch')).toEqual({ status: 127, out: '', err: '/bin/sh: 1: nosuch: not found\n' });
  });
  it('syntax errors', async () => {
    expect(await harness().run('if true; then fi')).toEqual({ status: 2, out: '', err: "bash: syntax error near unexpected token `fi'\n" });
    expect((await harness({ flavor: 'sh' }).run('fi')).err).toBe('sh: 1: Syntax error: "fi" unexpected\n');
  });
});
