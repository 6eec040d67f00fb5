import { describe, expect, it } from 'vitest';
import { harness } from '../testing/harness.js';

describe('file commands', () => {
  it('mkdir -p, touch, ls, rm -rf, rmdir with GNU messages', async () => {
    const h = harness();
    expect((await h.run('mkdir -p a/b/c && touch a/f && ls a')).out).toBe('b\nf\n');
    expect((await h.run('mkdir a')).err).toBe("mkdir: cannot create directory 'a': File exists\n");
    expect((await h.run('rmdir a')).err).toBe("rmdir: failed to remove 'a': Directory not empty\n");
    expect((await h.run('rm a')).err).toBe("rm: cannot remove 'a': Is a directory\n");
    expect((await h.run('rm nope')).err).toBe("rm: cannot remove 'nope': No such file or directory\n");
    expect((await h.run('rm -rf a nope; ls')).out).toBe('');
    expect((await h.run('ls nope')).err).toBe("ls: cannot access 'nope': No such file or directory\n");
    expect((await h.run('ls nope; echo $?')).out).toBe('2\n');
  });
  it('ls -l, -a and -R', async () => {
    const h = harness();
    h.fs.mkdir('/w');
    h.fs.writeFile('/w/app.js', 'console.log(1)\n');
    h.fs.mkdir('/w/src');
    h.fs.symlink('app.js', '/w/link');
    h.fs.writeFile('/w/.env', 'X=1');
    expect((await h.run('ls -l /w')).out).toBe(
      'total 8\n-rw-r--r-- 1 root root   15 Jan 15 10:00 app.js\nlrwxrwxrwx 1 root root    6 Jan 15 10:00 link -> app.js\ndrwxr-xr-x 2 root root 4096 Jan 15 10:00 src\n',
    );
    h.fs.chown('/w/app.js', 1000, 1000);
    expect((await h.run('ls -l /w/app.js')).out).toBe('-rw-r--r-- 1 user user 15 Jan 15 10:00 /w/app.js\n');
    h.fs.mkdir('/etc');
    h.fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n');
    h.fs.writeFile('/etc/group', 'root:x:0:\nnode:x:1000:\n');
    expect((await h.run('ls -l /w/app.js')).out).toBe('-rw-r--r-- 1 node node 15 Jan 15 10:00 /w/app.js\n');
    expect((await h.run('ls -a /w')).out).toBe('.\n..\n.env\napp.js\nlink\nsrc\n');
    expect((await h.run('cd /w && ls -R')).out).toBe('.:\napp.js\nlink\nsrc\n\n./src:\n');
  });
  it('ls uses columns on a terminal', async () => {
    const { columns } = await import('./ls.js');
    expect(columns(['a', 'bb', 'ccc', 'd'], 80)).toBe('a  bb  ccc  d\n');
    expect(columns(['alpha', 'beta', 'gamma', 'delta'], 12)).toBe('alpha  gamma\nbeta   delta\n');
  });
  it('cp, cp -r, mv, ln -s, chmod', async () => {
    const h = harness();
    await h.run('mkdir d; echo hi > d/f; cp d/f g; cp -r d e; mv g h; ln -s h l; chmod +x h');
    expect((await h.run('cat e/f h l')).out).toBe('hi\nhi\nhi\n');
    expect(h.fs.stat('/home/user/h')?.mode).toBe(0o755);
    expect((await h.run('cp d x')).err).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect((await h.run('mv nope x')).err).toBe("mv: cannot stat 'nope': No such file or directory\n");
    expect((await h.run('cat d')).err).toBe('cat: d: Is a directory\n');
    expect((await h.run('chmod 600 h; ./h')).err).toBe('bash: ./h: Permission denied\n');
  });
});

describe('text commands', () => {
  it('head, tail, wc, sort, uniq', async () => {
    const h = harness();
    h.fs.writeFile('/home/user/n.txt', 'b\na\nc\na\na\n');
    expect((await h.run('head -2 n.txt; tail -n 1 n.txt; tail -n +4 n.txt')).out).toBe('b\na\na\na\na\n');
    expect((await h.run('wc -l n.txt; wc n.txt; cat n.txt | wc -l; cat n.txt | wc')).out).toBe('5 n.txt\n 5  5 10 n.txt\n5\n      5       5      10\n');
    expect((await h.run('sort n.txt | uniq -c; sort -ru n.txt')).out).toBe('      3 a\n      1 b\n      1 c\nc\nb\na\n');
    expect((await h.run('printf "10\\n9\\n100\\n" | sort -n')).out).toBe('9\n10\n100\n');
    expect((await h.run('head nope')).err).toBe("head: cannot open 'nope' for reading: No such file or directory\n");
  });
  it('grep with flags and BRE', async () => {
    const h = harness();
    h.fs.writeFile('/home/user/log', 'GET /a 200\nPOST /b 500\nget /c 404\n');
    expect((await h.run('grep GET log; grep -i get log | wc -l; grep -c 0 log; grep -n POST log')).out).toBe('GET /a 200\n2\n3\n2:POST /b 500\n');
    expect((await h.run('grep -v 200 log; grep -E "50[0-9]|404" log')).out).toBe('POST /b 500\nget /c 404\nPOST /b 500\nget /c 404\n');
    expect((await h.run('grep "\\(GET\\|POST\\)" log')).out).toBe('GET /a 200\nPOST /b 500\n');
    expect((await h.run('grep -q 500 log && echo found; grep zzz log; echo $?; grep x nope; echo $?')).out).toBe('found\n1\n2\n');
    expect((await h.run('grep x nope')).err).toBe('grep: nope: No such file or directory\n');
  });
  it('cut, tr, tee, seq, basename, dirname', async () => {
    const h = harness();
    expect((await h.run('echo "a:b:c" | cut -d: -f2,3; echo hello | tr a-z A-Z; echo "a  b" | tr -s " "; echo abc | tr -d b')).out).toBe('b:c\nHELLO\na b\nac\n');
    expect((await h.run('echo x | tee t.txt; cat t.txt; seq 3; seq 2 2 6 | tr "\\n" " "')).out).toBe('x\nx\n1\n2\n3\n2 4 6 ');
    expect((await h.run('basename /a/b.txt .txt; dirname /a/b.txt')).out).toBe('b\n/a\n');
  });
  it('an endless producer stops when head has enough', async () => {
    const h = harness();
    expect((await h.run('seq 1 100000000 | head -n 3')).out).toBe('1\n2\n3\n');
    expect((await h.run('while true; do echo y; done | head -n 2')).out).toBe('y\ny\n');
  });
});

describe('system commands', () => {
  it('date, uname, whoami, id, clear, env, history, printf', async () => {
    const h = harness({ history: ['ls', 'docker ps'] });
    expect((await h.run('date; date +%Y-%m-%dT%H:%M:%S')).out).toBe('Thu Jan 15 10:00:00 UTC 2026\n2026-01-15T10:00:00\n');
    expect((await h.run('uname; whoami; id')).out).toBe('Linux\nuser\nuid=1000(user) gid=1000(user) groups=1000(user)\n');
    expect((await h.run('clear')).out).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect((await h.run('env | grep ^HOME=; X=1 env | grep ^X=')).out).toBe('HOME=/home/user\nX=1\n');
    expect((await h.run('history')).out).toBe('    1  ls\n    2  docker ps\n');
    expect((await h.run('printf "%s-%03d|%-4s|%x\\n" a 7 b 255 c 1')).out).toBe('a-007|b   |ff\nc-001|    |0\n');
  });
  it('sleep advances the clock', async () => {
    const h = harness();
    const start = h.clock.now();
    await h.run('sleep 1.5; sleep 1m');
    expect(h.clock.now() - start).toBe(61500);
    expect((await h.run('sleep x')).err).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
  });
  it('cd, pwd, cd -, test', async () => {
    const h = harness();
    expect((await h.run('cd /tmp; pwd; cd -; cd nope')).out).toBe('/tmp\n/home/user\n');
    expect((await h.run('cd nope')).err).toBe('bash: cd: nope: No such file or directory\n');
    expect((await harness({ flavor: 'sh' }).run('cd nope')).err).toBe("sh: 1: cd: can't cd to nope\n");
    expect((await h.run('[ -d /tmp ] && [ ! -f /tmp ] && [ "a" != "b" ] && test 3 -lt 10 && echo ok')).out).toBe('ok\n');
    expect((await h.run('[ 1 -eq x ]')).err).toBe('bash: [: x: integer expression expected\n');
    expect((await h.run('[[ foo.txt == *.txt ]] && echo match')).out).toBe('match\n');
  });
  it('dispatches injected commands with the env and cwd', async () => {
    const seen: string[] = [];
    const h = harness({
      commands: {
        docker: async (argv, ctx) => {
          seen.push(`${argv.join(' ')} @${ctx.cwd} ${ctx.env.get('FOO')}`);
          ctx.stdout.write('abc123\ndef456\n');
          return 0;
        },
      },
    });
    expect((await h.run('export FOO=bar; cd /tmp; echo $(docker ps -q) | wc -w')).out).toBe('2\n');
    expect(seen).toEqual(['docker ps -q @/tmp bar']);
  });
});
