/**
 * A grammar of what students type: docker command lines with real and made-up
 * flags and arguments, shell around them (pipes, `&&`, `$(...)`, quotes,
 * redirections, loops), and hostile bits (junk bytes, unicode, very long
 * words). Mostly valid-ish, so lines get past the parsers and reach the engine.
 */
import fc from 'fast-check';

/** Words the checks look for in output; generated input never contains them, so any hit is Slipway's. */
export const FORBIDDEN_OUTPUT = /\bat [\w$.<>]+ \(|\bat (?:file|node):|TypeError|ReferenceError|RangeError|SyntaxError: |\bundefined\b(?! variable)|\bNaN\b|\[object Object\]/;

const IMAGES = ['busybox', 'alpine', 'hello-world', 'nginx', 'busybox:1.37', 'alpine:3', 'nosuch', 'nosuch/img:v1', 'app', 'app:v2', 'localhost:5000/x', 'Busybox', 'busybox@sha256:0000', 'sha256:', ':latest'];
const NAMES = ['web', 'db', 'c1', 'c2', 'my-app', 'x'];
const CMDS = ['true', 'false', 'echo hi', 'sleep 2', 'sleep 100000', 'sh -c "echo out; echo err >&2; exit 3"', 'ls /', 'cat /etc/hostname', 'nosuchcmd', 'sh -c "exit 300"', 'env', 'top', 'ps', 'id'];

const word = (...xs: string[]) => fc.constantFrom(...xs);

const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('\u0000', '\u001b[2J', '\u202e', 'é', '🐳', '\uffff', '\ud800', '--', '-', '=', '%', '{{', '}}', '{{.}}', '{{json .}}', '{{.Nope}}', '{{index . 9}}', '{{end}}'),
  fc.integer({ min: 1, max: 3000 }).map((n) => 'a'.repeat(n)),
);

/** Quotes a word the way a student might: bare, single, double, or $'…'. */
function quoted(w: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(w, fc.integer({ min: 0, max: 9 })).map(([s, q]) => {
    if (q < 6 && /^[\w./:@=,+-]*$/.test(s) && s !== '') return s;
    if (q < 8) return `'${s.replace(/'/g, `'\\''`)}'`;
    return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
  });
}

const image = quoted(fc.oneof({ weight: 6, arbitrary: word(...IMAGES) }, { weight: 1, arbitrary: junk }));
const name = quoted(fc.oneof({ weight: 6, arbitrary: word(...NAMES) }, { weight: 1, arbitrary: junk }));
const target = fc.oneof(name, word('$(docker ps -lq)', '"$(docker ps -aq | head -1)"', '$ID', 'sha256:', '0', 'abc'));

const runFlag = fc.oneof(
  word('-d', '--rm', '-i', '-t', '-it', '-q', '--init', '-P', '--privileged', '--read-only'),
  name.map((n) => `--name ${n}`),
  fc.constantFrom('-p 8080:80', '-p 80', '-p 127.0.0.1:8081:80/tcp', '-p 99999:80', '-p x:y', '-p 8080-8081:80'),
  fc.constantFrom('-e A=1', '-e A', '--env-file nope', '-w /tmp', '-w rel', '-u 1000', '-u nobody:nogroup', '--entrypoint sh', '--entrypoint ""', '-v /tmp:/data', '-v vol:/data', '--restart always', '--restart nope', '-m 10m', '--cpus 0.5', '--network none', '-h host', '--platform linux/arm64', '-l k=v', '--stop-signal SIGKILL', '--stop-timeout 1'),
  junk.map((j) => `--${j.replace(/\s/g, '')}`),
);

const command = fc.oneof({ weight: 5, arbitrary: word(...CMDS) }, { weight: 1, arbitrary: quoted(junk) });

const psFlag = word('-a', '-q', '--no-trunc', '-l', '-n 2', '-s', '--format "{{.ID}} {{.Names}}"', '--format json', '--format "{{json .}}"', '--format table', '--format "{{.Nope}}"', '-f status=exited', '-f name=web', '-f bad', '--filter "label=x"');

const flags = <T>(a: fc.Arbitrary<T>, max = 4) => fc.array(a, { maxLength: max }).map((xs) => xs.join(' '));

/** One `docker …` command line. */
export const dockerCommand: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(word('run', 'container run', 'create', 'container create'), flags(runFlag), image, fc.option(command)).map(([c, f, i, cmd]) => `docker ${c} ${f} ${i} ${cmd ?? ''}`) },
  { weight: 3, arbitrary: fc.tuple(word('start', 'stop', 'kill', 'restart', 'rm', 'logs', 'inspect', 'container inspect', 'attach', 'container rm'), flags(word('-f', '-a', '-t 0', '-t 1', '-s SIGTERM', '-s KILL', '-s 999', '--since 1m', '-n 2', '--tail 1', '--timestamps', '-v', '--format "{{.State.Status}}"', '--no-stdin', '-l'), 2), fc.array(target, { maxLength: 3 })).map(([c, f, t]) => `docker ${c} ${f} ${t.join(' ')}`) },
  { weight: 2, arbitrary: fc.tuple(flags(psFlag, 3)).map(([f]) => `docker ps ${f}`) },
  { weight: 2, arbitrary: fc.tuple(word('pull', 'pull -q', 'pull -a', 'rmi', 'rmi -f', 'image rm', 'image rm --no-prune', 'history', 'image inspect', 'push', 'image history -H=false'), fc.array(image, { minLength: 0, maxLength: 3 })).map(([c, i]) => `docker ${c} ${i.join(' ')}`) },
  { weight: 2, arbitrary: fc.tuple(word('images', 'image ls', 'images -a', 'images -q', 'images --digests', 'images --no-trunc', 'images --tree', 'images -f dangling=true', 'images --format "{{.Repository}}:{{.Tag}}"'), fc.option(image)).map(([c, i]) => `docker ${c} ${i ?? ''}`) },
  { weight: 1, arbitrary: fc.tuple(image, image).map(([a, b]) => `docker tag ${a} ${b}`) },
  { weight: 1, arbitrary: word('docker container prune -f', 'docker image prune -f', 'docker image prune -a -f', 'docker builder prune -f', 'docker container prune', 'docker image prune --filter until=1h -f') },
  { weight: 1, arbitrary: fc.tuple(word('exec', 'exec -d', 'exec -i', 'exec -t', 'exec -u root', 'exec -w /tmp', 'exec -e X=1'), target, command).map(([c, t, cmd]) => `docker ${c} ${t} ${cmd}`) },
  { weight: 1, arbitrary: fc.tuple(word('cp'), word('web:/etc/hostname', 'web:/nope', 'c1:/', '/tmp/x', 'f.txt', '-', 'nosuch:/a'), word('/tmp', '.', 'web:/tmp/', 'c1:/x', '-', '"dir with space"')).map(([c, a, b]) => `docker ${c} ${a} ${b}`) },
  { weight: 1, arbitrary: fc.tuple(word('build', 'build -q', 'build -t app', 'build -t app:v2 --no-cache', 'build -f nope', 'build --progress plain -t App', 'build -t app -'), word('.', 'nope', '/tmp', '')).map(([c, d]) => `docker ${c} ${d}`) },
  { weight: 1, arbitrary: word('docker', 'docker --help', 'docker version', 'docker info', 'docker -v', 'docker logout', 'docker login -u x --password-stdin', 'docker nosuch', 'docker container', 'docker image', 'docker run', 'docker --debug ps', 'docker -H tcp://x ps', 'docker ps --help', 'docker help run', 'docker system df') },
  { weight: 1, arbitrary: fc.array(quoted(junk), { minLength: 1, maxLength: 4 }).map((xs) => `docker ${xs.join(' ')}`) },
);

/** Plain shell around the docker commands. */
const shellCommand = fc.oneof(
  word('echo hi > f.txt', 'cat f.txt', 'ls -la', 'mkdir -p d && cd d', 'cd ..', 'cd /nope', 'pwd', 'ID=$(docker ps -lq)', 'echo $ID', 'echo $?', 'true', 'false', 'export X=1', 'unset X', 'history', 'jobs', 'wait', 'printf "%s\\n" a b', 'seq 3', 'rm -rf d', 'touch Dockerfile', 'echo "FROM busybox" > Dockerfile', 'printf "FROM alpine\\nRUN echo hi\\n" > Dockerfile', 'sleep 1', 'kill %1', 'exit 0', 'type docker', 'which docker', 'command -v docker', 'alias d=docker', 'd ps'),
  fc.tuple(word('for i in 1 2; do', 'if docker ps -q; then', 'while false; do'), dockerCommand).map(([h, d]) => (h.startsWith('if') ? `${h} ${d}; fi` : `${h} ${d}; done`)),
  quoted(junk).map((j) => `echo ${j}`),
  junk,
);

const piece = fc.oneof({ weight: 4, arbitrary: dockerCommand }, { weight: 2, arbitrary: shellCommand });
const joiner = word(' | ', ' && ', ' || ', '; ', ' & ', ' | grep -v x | wc -l; ', ' 2>&1 | head -n 3; ', ' > out.txt; ', ' 2>/dev/null; ', ' < f.txt; ', ' | tee log.txt | tail -1 && ');

/** A whole line, possibly several commands; `$(…)` and `\` continuations included. */
export const commandLine: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(piece, joiner), { maxLength: 2 }), piece, fc.integer({ min: 0, max: 19 }))
  .map(([head, last, style]) => {
    let line = head.map(([p, j]) => p + j).join('') + last;
    // Plain lines shrink best: style 0 is no wrapping.
    if (style === 16) line = `echo "$(${line})"`;
    if (style === 17) line = line.replace(' ', ' \\\n ');
    if (style === 18) line = `( ${line} )`;
    if (style === 19) line = `{ ${line}; }`;
    return line;
  })
  .filter((line) => !FORBIDDEN_OUTPUT.test(line));
