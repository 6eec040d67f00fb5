import { describe, expect, it } from 'vitest';
import { harness } from '../testing/harness.js';

describe('xargs, find, sed, alias, yes', () => {
  it('xargs passes stdin words as arguments', async () => {
    const seen: string[][] = [];
    const h = harness({
      commands: {
        docker: async (argv, ctx) => {
          seen.push([...argv]);
          if (argv[1] === 'ps') ctx.stdout.write('aaa\nbbb\n');
          return 0;
        },
      },
    });
    await h.run('docker ps -aq | xargs docker rm');
    expect(seen[1]).toEqual(['docker', 'rm', 'aaa', 'bbb']);
    expect((await h.run('printf "a b c" | xargs -n 2 echo; echo x | xargs -I {} echo [{}]')).out).toBe('a b\nc\n[x]\n');
    expect((await h.run('xargs echo', '')).out).toBe('\n');
    expect((await h.run('true | xargs -r echo none')).out).toBe('');
  });
  it('find by name, type and depth', async () => {
    const h = harness();
    await h.run('mkdir -p app/src/lib && touch app/index.js app/src/a.js app/src/lib/b.ts app/README.md');
    expect((await h.run('find app -name "*.js"')).out).toBe('app/index.js\napp/src/a.js\n');
    expect((await h.run('find app -type d')).out).toBe('app\napp/src\napp/src/lib\n');
    expect((await h.run('cd app && find . -maxdepth 1 -type f')).out).toBe('./README.md\n./index.js\n');
    expect((await h.run('find nope')).err).toBe("find: 'nope': No such file or directory\n");
  });
  it('sed substitutes, deletes, prints and edits in place', async () => {
    const h = harness();
    h.fs.writeFile('/home/user/conf', 'listen 80;\nserver_name localhost;\n# comment\n');
    expect((await h.run("sed 's/80/8080/' conf")).out).toBe('listen 8080;\nserver_name localhost;\n# comment\n');
    expect((await h.run("sed -e '/^#/d' -e 's/\\(server_name\\) .*;/\\1 example.com;/' conf")).out).toBe('listen 80;\nserver_name example.com;\n');
    expect((await h.run("sed -n '2p' conf; sed -n '$=' conf; echo aaa | sed 's/a/b/g'; echo abc | sed -E 's/(b)/[\\1]/'")).out).toBe('server_name localhost;\n3\nbbb\na[b]c\n');
    await h.run("sed -i 's/localhost/site.test/' conf");
    expect(new TextDecoder().decode(h.fs.readFile('/home/user/conf'))).toBe('listen 80;\nserver_name site.test;\n# comment\n');
    expect((await h.run("echo x | sed 'k'")).err).toBe("sed: -e expression #1, char 1: unknown command: `k'\n");
  });
  it('alias and unalias', async () => {
    const h = harness();
    expect((await h.run("alias ll='ls -1'; mkdir z; touch z/q; ll z; alias")).out).toBe("q\nalias ll='ls -1'\n");
    expect((await h.run('unalias ll; ll')).err).toBe('bash: ll: command not found\n');
  });
  it('yes stops when head has read enough', async () => {
    const h = harness();
    expect((await h.run('yes | head -n 3; yes no | head -n 1')).out).toBe('y\ny\ny\nno\n');
  });
});
