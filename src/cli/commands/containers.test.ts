import { describe, expect, it } from 'vitest';
import { Pipe } from '../../os/streams.js';
import { fakeTerminal, makeRig } from '../testing/harness.js';

const HEX64 = /^[0-9a-f]{64}\n$/;

describe('container commands against the engine', () => {
  it('docker run pulls a missing image on stderr and streams the container output', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', 'hello-world'])).toBe(0);
    expect(rig.stdout.text).toContain('\nHello from Docker!\n');
    const err = rig.stderr.text.split('\n');
    expect(err[0]).toBe("Unable to find image 'hello-world:latest' locally");
    expect(err[1]).toBe('latest: Pulling from library/hello-world');
    expect(err).toContain('Status: Downloaded newer image for hello-world:latest');
    expect(rig.stderr.text).toMatch(/\nDigest: sha256:[0-9a-f]{64}\n/);
    // docker run does not print the canonical reference that docker pull ends with.
    expect(rig.stderr.text).not.toContain('docker.io/library/hello-world:latest');
  });

  it('returns the container exit code and decorates start failures', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', 'busybox', 'sh', '-c', 'echo hi; exit 3'])).toBe(3);
    expect(rig.stdout.text).toBe('hi\n');
    expect(await rig.docker(['run', 'busybox', 'nosuch'])).toBe(127);
    expect(rig.stderr.text).toMatch(/^docker: Error response from daemon: .*executable file not found in \$PATH.*\n\nRun 'docker run --help' for more information\n$/);
  });

  it('run -d prints the full ID; ps, stop, rm behave as Docker', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'])).toBe(0);
    expect(rig.stdout.text).toMatch(HEX64);
    const id = rig.stdout.text.trim();
    expect(await rig.docker(['ps'])).toBe(0);
    const [header, row] = rig.stdout.text.split('\n');
    expect(header).toMatch(/^CONTAINER ID {3}IMAGE {5}COMMAND {18}CREATED +STATUS +PORTS +NAMES$/);
    expect(row).toContain(`${id.slice(0, 12)}   nginx     "/docker-entrypoint.…"`);
    expect(row).toContain('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web');
    expect(await rig.docker(['ps', '-q'])).toBe(0);
    expect(rig.stdout.text).toBe(`${id.slice(0, 12)}\n`);

    expect(await rig.docker(['rm', 'web'])).toBe(1);
    expect(rig.stderr.text).toBe('Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove\n');
    expect(await rig.docker(['run', '--name', 'web', 'nginx'])).toBe(125);
    expect(rig.stderr.text).toContain('docker: Error response from daemon: Conflict. The container name "/web" is already in use');
    expect(await rig.docker(['stop', 'web', 'nosuch'])).toBe(1);
    expect(rig.stdout.text).toBe('web\n');
    expect(rig.stderr.text).toBe('Error response from daemon: No such container: nosuch\n');
    expect(await rig.docker(['rm', 'web', 'nosuch'])).toBe(1);
    expect(rig.stdout.text).toBe('web\n');
    expect(await rig.docker(['rm', '-f', 'nosuch'])).toBe(0);
    expect(rig.stderr.text).toBe('');
  });

  it('start reports failures in the 29 summary and echoes names', async () => {
    const rig = makeRig();
    await rig.docker(['create', '--name', 'c1', 'busybox', 'true']);
    expect(rig.stdout.text).toMatch(HEX64);
    expect(await rig.docker(['start', 'c1', 'nosuch'])).toBe(1);
    expect(rig.stdout.text).toBe('c1\n');
    expect(rig.stderr.text).toBe('Error response from daemon: No such container: nosuch\nfailed to start containers: nosuch\n');
  });

  it('attach refuses a stopped container', async () => {
    const rig = makeRig();
    await rig.docker(['create', '--name', 'c1', 'busybox', 'true']);
    expect(await rig.docker(['attach', 'c1'])).toBe(1);
    expect(rig.stderr.text).toBe('cannot attach to a stopped container, start it first\n');
  });

  it('run -it puts the terminal in raw mode and detaches silently on Ctrl-P Ctrl-Q', async () => {
    const rig = makeRig();
    await rig.docker(['pull', 'busybox']);
    const terminal = fakeTerminal();
    const stdin = new Pipe();
    const modes: boolean[] = [];
    const original = terminal.setRawMode.bind(terminal);
    terminal.setRawMode = (raw: boolean) => {
      modes.push(raw);
      original(raw);
    };
    const running = rig.docker(['run', '-it', '--name', 'shell', 'busybox', 'sh'], { terminal, stdin });
    stdin.write('\x10\x11');
    expect(await running).toBe(0);
    expect(modes).toEqual([true, false]);
    expect(await rig.docker(['ps', '--format', '{{.Names}} {{.State}}'])).toBe(0);
    expect(rig.stdout.text).toBe('shell running\n');
  });

  it('exec runs in a running container and reports a missing command with 127', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'box', 'busybox', 'sleep', '1000']);
    expect(await rig.docker(['exec', 'box', 'echo', 'hello'])).toBe(0);
    expect(rig.stdout.text).toBe('hello\n');
    expect(await rig.docker(['exec', 'box', 'nosuchcmd'])).toBe(127);
    expect(rig.stderr.text).toContain('executable file not found in $PATH');
  });

  it('cp copies both ways and prints the summary on a terminal', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'box', 'busybox', 'sleep', '1000']);
    rig.fs.writeFile('/home/student/app.js', 'console.log(1)\n');
    expect(await rig.docker(['cp', 'app.js', 'box:/tmp/'], { terminal: fakeTerminal() })).toBe(0);
    expect(rig.stderr.text).toBe('Successfully copied 2.05kB to box:/tmp/\n');
    expect(await rig.docker(['cp', 'box:/tmp/app.js', 'copy.js'], { terminal: fakeTerminal() })).toBe(0);
    expect(rig.stderr.text).toBe('Successfully copied 2.05kB to /home/student/copy.js\n');
    expect(new TextDecoder().decode(rig.fs.readFile('/home/student/copy.js'))).toBe('console.log(1)\n');
    expect(await rig.docker(['cp', 'nope.txt', 'box:/tmp/'])).toBe(1);
    expect(rig.stderr.text).toBe('lstat /home/student/nope.txt: no such file or directory\n');
    expect(await rig.docker(['cp', 'a', 'b'])).toBe(1);
    expect(rig.stderr.text).toBe('must specify at least one container source\n');
  });

  it('inspect prints a JSON array, templates, and the 29 not-found error', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'box', 'busybox', 'sleep', '1000']);
    expect(await rig.docker(['inspect', '-f', '{{.State.Status}} {{.Name}}', 'box'])).toBe(0);
    expect(rig.stdout.text).toBe('running /box\n');
    expect(await rig.docker(['inspect', 'box'])).toBe(0);
    expect(rig.stdout.text.startsWith('[\n    {\n        "Id": ')).toBe(true);
    expect(await rig.docker(['inspect', 'nosuch'])).toBe(1);
    expect(rig.stdout.text).toBe('[]\n');
    expect(rig.stderr.text).toBe('error: no such object: nosuch\n');
    expect(await rig.docker(['inspect', '-f', '{{nofunc .}}', 'box'])).toBe(64);
    expect(rig.stderr.text).toBe('template parsing error: template: :1: function "nofunc" not defined\n');
    expect(await rig.docker(['inspect', '-f', '{{.Nope.Deeper}}', 'box'])).toBe(1);
    expect(rig.stderr.text).toBe('template parsing error: template: :1:2: executing "" at <.Nope.Deeper>: nil pointer evaluating interface {}.Deeper\n');
  });

  it('ps validates --format before listing, like docker ps', async () => {
    const rig = makeRig();
    expect(await rig.docker(['ps', '--format', '{{.Foo}}'])).toBe(1);
    expect(rig.stderr.text).toBe('failed to execute template: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext\n');
    expect(await rig.docker(['ps', '--format', '{{nope}}'])).toBe(1);
    expect(rig.stderr.text).toBe('failed to parse template: template: :1: function "nope" not defined\n');
    expect(await rig.docker(['ps', '-q', '--format', '{{.Names}}'])).toBe(0);
    expect(rig.stderr.text).toBe('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
  });

  it('run -it without a terminal fails before creating anything', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', '-it', 'busybox', 'sh'])).toBe(1);
    expect(rig.stderr.text).toBe('the input device is not a TTY\n');
    expect(await rig.docker(['ps', '-aq'])).toBe(0);
    expect(rig.stdout.text).toBe('');
  });

  it('attach detaches with the escape keys, printing read escape sequence and exiting 1', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', '-dit', '--name', 'shell', 'busybox', 'sh'])).toBe(0);
    const stdin = new Pipe();
    const attached = rig.docker(['attach', '--detach-keys', 'ctrl-x,x', 'shell'], { terminal: fakeTerminal(), stdin });
    stdin.write('\x18x');
    expect(await attached).toBe(1);
    expect(rig.stderr.text).toBe('read escape sequence\n');
    expect(await rig.docker(['ps', '--format', '{{.Names}}'])).toBe(0);
    expect(rig.stdout.text).toBe('shell\n');
  });

  it('logs prints earlier runs, --tail limits lines, start -a returns the exit code', async () => {
    const rig = makeRig();
    await rig.docker(['run', '--name', 'counter', 'busybox', 'sh', '-c', 'echo one; echo two; echo three; exit 4']);
    expect(await rig.docker(['logs', 'counter'])).toBe(0);
    expect(rig.stdout.text).toBe('one\ntwo\nthree\n');
    expect(await rig.docker(['logs', '-n', '1', 'counter'])).toBe(0);
    expect(rig.stdout.text).toBe('three\n');
    expect(await rig.docker(['start', '-a', 'counter'])).toBe(4);
    expect(rig.stdout.text).toBe('one\ntwo\nthree\n');
    expect(await rig.docker(['logs', '--tail', '2', 'counter'])).toBe(0);
    expect(rig.stdout.text).toBe('two\nthree\n');
    expect(await rig.docker(['start', 'counter'])).toBe(0);
    expect(rig.stdout.text).toBe('counter\n');
  });
});
