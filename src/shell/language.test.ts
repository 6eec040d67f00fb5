import { describe, expect, it } from 'vitest';
import { harness } from './testing/harness.js';

describe('expansion', () => {
  it('globs against the fs, keeps unmatched patterns, hides dotfiles', async () => {
    const h = harness();
    for (const f of ['a.txt', 'b.txt', 'c.md', '.hidden.txt']) h.fs.writeFile(`/home/user/${f}`, '');
    h.fs.mkdir('/home/user/sub');
    h.fs.writeFile('/home/user/sub/x.txt', '');
    expect((await h.run('echo *.txt')).out).toBe('a.txt b.txt\n');
    expect((await h.run('echo ?.md [ab].txt')).out).toBe('c.md a.txt b.txt\n');
    expect((await h.run('echo *.none "*.txt" sub/*')).out).toBe('*.none *.txt sub/x.txt\n');
    expect((await h.run('echo .*.txt')).out).toBe('.hidden.txt\n');
    expect((await h.run('echo /home/user/*/x.txt')).out).toBe('/home/user/sub/x.txt\n');
  });
  it('tilde, parameter operators, positional parameters', async () => {
    const h = harness();
    expect((await h.run('echo ~ ~/x "~"')).out).toBe('/home/user /home/user/x ~\n');
    expect((await h.run('f=archive.tar.gz; echo ${f%.gz} ${f%%.*} ${f#*.} ${f##*.} ${f/tar/zip}')).out).toBe('archive.tar archive tar.gz gz archive.zip.gz\n');
    expect((await h.run('unset V; echo ${V:=set}; echo $V ${V:+alt}')).out).toBe('set\nset alt\n');
    expect((await h.run('set -- "a b" c; echo $#; for x in "$@"; do echo "[$x]"; done; echo "$*"')).out).toBe('2\n[a b]\n[c]\na b c\n');
    const r = await h.run('echo ${NOPE:?is required}; echo after');
    expect(r).toEqual({ status: 1, out: '', err: 'bash: NOPE: is required\n' });
  });
  it('field splitting only of unquoted expansions', async () => {
    const h = harness();
    expect((await h.run('v="1  2 3"; for x in $v; do echo "<$x>"; done; for x in "$v"; do echo "<$x>"; done')).out).toBe('<1>\n<2>\n<3>\n<1  2 3>\n');
    expect((await h.run('e=""; set -- $e "" x; echo $#')).out).toBe('2\n');
  });
  it('here-documents and here-strings', async () => {
    const h = harness();
    expect((await h.run('N=world\ncat <<EOF\nhello $N\n  $(echo sub)\nEOF\ncat <<\'RAW\'\n$N\nRAW\ncat <<< "$N!"')).out).toBe('hello world\n  sub\n$N\nworld!\n');
  });
  it('prefix assignments reach the command only', async () => {
    const h = harness();
    expect((await h.run('A=1 printenv A; echo "[$A]"')).out).toBe('1\n[]\n');
    expect((await h.run('B=2; printenv B || echo unexported; export B; printenv B')).out).toBe('unexported\n2\n');
  });
});

describe('control', () => {
  it('subshells and groups differ in scope', async () => {
    const h = harness();
    expect((await h.run('x=1; (x=2; cd /tmp); echo $x $PWD; { x=3; }; echo $x')).out).toBe('1 /home/user\n3\n');
  });
  it('break, continue, until, negation, nested loops', async () => {
    const h = harness();
    expect((await h.run('for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done')).out).toBe('1a\n2a\n');
    expect((await h.run('i=0; until [ $i -ge 2 ]; do i=$((i+1)); echo $i; done; ! false && echo neg')).out).toBe('1\n2\nneg\n');
    expect((await h.run('while true; do echo once; break; done')).out).toBe('once\n');
  });
  it('read loops over piped lines', async () => {
    const h = harness();
    expect((await h.run('printf "a 1\\nb 2\\n" | while read name n; do echo "$n=$name"; done')).out).toBe('1=a\n2=b\n');
    expect((await h.run('read -r line; echo "got $line"', 'first\nsecond\n')).out).toBe('got first\n');
  });
  it('set -e stops a script, but not in conditions', async () => {
    const h = harness({ flavor: 'sh' });
    const r = await h.run('set -e\nif false; then :; fi\nfalse || true\necho reached\nfalse\necho never');
    expect(r.out).toBe('reached\n');
    expect(r.status).toBe(1);
  });
  it('exit ends the run and runs the EXIT trap', async () => {
    const h = harness({ flavor: 'sh' });
    const r = await h.run("trap 'echo bye' EXIT; echo hi; exit 3; echo no");
    expect(r).toEqual({ status: 3, out: 'hi\nbye\n', err: '' });
    expect(h.shell.exitRequested).toBe(3);
  });
  it('pipefail and pipeline status', async () => {
    const h = harness();
    expect((await h.run('false | true; echo $?; set -o pipefail; false | true; echo $?')).out).toBe('0\n1\n');
  });
  it('background jobs and wait', async () => {
    const h = harness();
    const r = await h.run('(sleep 2; echo bg) & echo fg; wait; echo done');
    expect(r.out).toBe('fg\nbg\ndone\n');
    expect(r.err).toMatch(/^\[1\] \d+\n$/);
  });
  it('a background job that writes into a pipe its reader has left ends with SIGPIPE (141), as a foreground stage does (fuzz)', async () => {
    const h = harness();
    // The job inherits the subshell's stdout, the pipe into head, and writes to it after head has gone.
    const r = await h.run('( (sleep 1; echo late) & echo first; wait $!; echo "job $?" >&2 ) | head -n 1');
    expect(r.out).toBe('first\n');
    expect(r.err).toMatch(/(^|\n)job 141\n$/);
  });
  it('eval, source, exec, command, type', async () => {
    const h = harness();
    h.fs.writeFile('/home/user/lib.sh', 'greet() { echo "hi $1"; }\nLIBVAR=1\n');
    expect((await h.run('eval "echo \\$HOME"; . ./lib.sh; greet bob; echo $LIBVAR')).out).toBe('/home/user\nhi bob\n1\n');
    expect((await h.run('type cd ls if greet')).out).toBe('cd is a shell builtin\nls is /usr/bin/ls\nif is a shell keyword\ngreet is a function\n');
    expect((await h.run('command -v ls; which cat')).out).toBe('/usr/bin/ls\n/usr/bin/cat\n');
  });
  it('runs scripts by path with 126/127 like bash', async () => {
    const h = harness();
    h.fs.writeFile('/home/user/run.sh', '#!/bin/sh\necho "script $1 $0"\nnosuch\n', { mode: 0o755 });
    h.fs.writeFile('/home/user/plain.sh', 'echo x');
    let r = await h.run('./run.sh arg');
    expect(r.out).toBe('script arg ./run.sh\n');
    expect(r.err).toBe('./run.sh: 3: nosuch: not found\n');
    r = await h.run('./plain.sh');
    expect(r).toEqual({ status: 126, out: '', err: 'bash: ./plain.sh: Permission denied\n' });
    r = await h.run('./missing');
    expect(r).toEqual({ status: 127, out: '', err: 'bash: ./missing: No such file or directory\n' });
    expect((await h.run('/bin/echo hi; /usr/bin/printf x')).out).toBe('hi\nx');
  });
  it('sh -c and bash -c run child shells', async () => {
    const h = harness();
    expect((await h.run(`sh -c 'echo "$0 $1"; exit 4' me you; echo $?`)).out).toBe('me you\n4\n');
    expect((await h.run(`bash -c 'nosuch'`)).err).toBe('bash: line 1: nosuch: command not found\n');
  });
});

describe('signals', () => {
  it('Ctrl-C stops sleep and the rest of the line with 130', async () => {
    const h = harness();
    const running = h.run('sleep 100; echo after');
    await new Promise((r) => setImmediate(r));
    h.signals.emit('SIGINT');
    const r = await running;
    expect(r.status).toBe(130);
    expect(r.out).toBe('');
  });
  it('Ctrl-C ends an endless loop', async () => {
    const h = harness();
    const running = h.run('while true; do :; done; echo after');
    await new Promise((r) => setImmediate(r));
    h.signals.emit('SIGINT');
    expect((await running).status).toBe(130);
  });
  it('a trapped TERM runs its handler when the foreground command ends; wait is interrupted at once', async () => {
    const h = harness({ flavor: 'sh' });
    const running = h.run("trap 'echo got TERM; exit 0' TERM\nsleep 1000 &\nwait\necho unreachable");
    await new Promise((r) => setImmediate(r));
    expect(h.shell.hasTrap('SIGTERM')).toBe(true);
    h.signals.emit('SIGTERM');
    const r = await running;
    expect(r.out).toBe('got TERM\n');
    expect(r.status).toBe(0);
  });
  it('an untrapped TERM ends a script with 143', async () => {
    const h = harness({ flavor: 'sh' });
    const running = h.run('sleep 5 & wait; echo no');
    await new Promise((r) => setImmediate(r));
    h.signals.emit('SIGTERM');
    expect((await running).status).toBe(143);
  });
});

describe('isComplete', () => {
  it('asks for more on open constructs only', () => {
    const h = harness();
    for (const s of ['echo "hi', "echo 'x", 'if true; then', 'for i in 1; do', 'ls |', 'a &&', 'echo \\', 'cat <<EOF\nx', 'f() {', 'case x in']) expect(h.shell.isComplete(s), s).toBe(false);
    for (const s of ['echo hi', 'if true; then echo; fi', 'fi', 'echo )', '', '# comment']) expect(h.shell.isComplete(s), s).toBe(true);
  });
});

describe('stdin and Ctrl-C', () => {
  it('Ctrl-C ends a cat waiting for input; the late line is kept for the next reader', async () => {
    const { MemFs } = await import('../os/memfs.js');
    const { Pipe, CollectingOutput, SignalEmitter } = await import('../os/streams.js');
    const { VirtualClock } = await import('../os/testing/virtualClock.js');
    const { Shell } = await import('./index.js');
    const stdin = new Pipe();
    const signals = new SignalEmitter();
    const out = new CollectingOutput();
    const shell = new Shell({ fs: new MemFs(), cwd: '/', env: {}, clock: new VirtualClock(), flavor: 'bash' });
    const io = { stdin, stdout: out, stderr: out, signals };
    const running = shell.run('cat; echo after', io);
    await new Promise((r) => setImmediate(r));
    signals.emit('SIGINT');
    expect(await running).toBe(130);
    stdin.write('typed later\n');
    expect(await shell.run('read x; echo "[$x]"', io)).toBe(0);
    expect(out.text).toBe('[typed later]\n');
  });
  it('a utility the signal ends dies of it: `cat` alone, or a pipeline of utilities, gives 130', async () => {
    const { Pipe, CollectingOutput, SignalEmitter } = await import('../os/streams.js');
    const { MemFs } = await import('../os/memfs.js');
    const { VirtualClock } = await import('../os/testing/virtualClock.js');
    const { Shell } = await import('./index.js');
    for (const [line, signal, status] of [['cat', 'SIGINT', 130], ['cat | head -1', 'SIGINT', 130], ['cat | sort', 'SIGINT', 130]] as const) {
      const signals = new SignalEmitter();
      const out = new CollectingOutput();
      const shell = new Shell({ fs: new MemFs(), cwd: '/', env: {}, clock: new VirtualClock(), flavor: 'bash' });
      const running = shell.run(line, { stdin: new Pipe(), stdout: out, stderr: out, signals });
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      signals.emit(signal);
      expect(await running, `${line} + ${signal}`).toBe(status);
    }
  });
});

describe('job notices', () => {
  it('announces a finished background job like bash', async () => {
    const h = harness();
    expect((await h.run('sleep 1 &')).err).toBe('[1] 101\n');
    // Reported when the next command line ends, before the prompt.
    expect((await h.run('sleep 2')).err).toBe('[1]+  Done                    sleep 1\n');
    expect((await h.run('true')).err).toBe('');
    expect((await h.run('(exit 3) & wait; jobs')).out).toBe('');
  });

  it('announces nothing for a job started in a subshell, which has no job control (as bash)', async () => {
    const h = harness();
    expect((await h.run('(sleep 1 &); echo "$(true & echo sub)"; { true & } | cat')).err).toBe('');
    // The top level still announces its own.
    expect((await h.run('sleep 1 &')).err).toMatch(/^\[1\] \d+\n$/);
  });
});

describe('interactive details', () => {
  it('exit is silent (the terminal session says exit); set -x traces quoted words', async () => {
    const h = harness();
    expect(await h.run('exit 2')).toEqual({ status: 2, out: '', err: '' });
    const t = harness();
    expect((await t.run('set -x; echo "a b" c')).err).toBe("+ echo 'a b' c\n");
  });
});

describe('expansion errors outside simple commands', () => {
  it('reports an ambiguous redirect and a failing for list', async () => {
    const h = harness();
    h.fs.writeFile('/home/user/a', '');
    h.fs.writeFile('/home/user/b', '');
    expect(await h.run('echo x > *')).toEqual({ status: 1, out: '', err: 'bash: *: ambiguous redirect\n' });
    expect((await h.run('for i in ${NOPE:?missing}; do echo $i; done')).err).toBe('bash: NOPE: missing\n');
  });
});

describe('sh flavor (dash)', () => {
  it('echo interprets escapes and has only -n; bash-only builtins are missing', async () => {
    const h = harness({ flavor: 'sh', scriptName: '/bin/sh' });
    expect((await h.run("echo 'a\\tb'; echo -e x; echo -n y")).out).toBe('a\tb\n-e x\ny');
    expect(await h.run('[[ 1 ]]')).toEqual({ status: 127, out: '', err: '/bin/sh: 1: [[: not found\n' });
    expect((await h.run('echo x > /nodir/f')).err).toBe('/bin/sh: 1: cannot create /nodir/f: Directory nonexistent\n');
    expect((await h.run('cat < nope')).err).toBe('/bin/sh: 1: cannot open nope: No such file\n');
    expect((await harness().run('cat < nope')).err).toBe('bash: nope: No such file or directory\n');
  });
});

describe('arithmetic commands and |&', () => {
  it('(( )), let, increments and assignments', async () => {
    const h = harness();
    expect((await h.run('i=0; while ((i < 3)); do ((i++)); done; echo $i; (( i += 10 )); echo $i; let "j = i * 2" k=1; echo $j $k; echo $((m += 5)) $m')).out).toBe('3\n13\n26 1\n5 5\n');
    expect((await h.run('(( 0 )); echo $?; (( 2 > 1 )) && echo yes')).out).toBe('1\nyes\n');
  });
  it('|& pipes stderr too', async () => {
    const h = harness();
    expect((await h.run('cat nope |& grep -c "No such"')).out).toBe('1\n');
  });
});

describe('more parameter expansion', () => {
  it('substrings, indirection and bad substitutions', async () => {
    const h = harness();
    expect((await h.run('v=abcdef; echo ${v:1} ${v:1:3} ${v: -2} ${v:0:-2}; ref=v; echo ${!ref}')).out).toBe('bcdef bcd ef abcd\nabcdef\n');
    expect(await h.run('echo ${x:}; echo next')).toEqual({ status: 1, out: '', err: 'bash: ${x:}: bad substitution\n' });
  });
});

describe('kill', () => {
  it('kill ends a background job; wait reports 128+n', async () => {
    const h = harness();
    const r = await h.run('sleep 100 & kill $!; wait $!; echo "status $?"');
    expect(r.out).toBe('status 143\n');
    const k = await h.run('sleep 100 & kill -9 %1; wait %1; echo $?');
    expect(k.out).toBe('137\n');
  });
});
