import { beforeAll, describe, expect, it } from 'vitest';
import { CollectingOutput } from '../../os/streams.js';
import { EngineError } from '../errors/EngineError.js';
import { ConnectionRefused } from '../net/network.js';
import { makeEngine, tick } from './testing/harness.js';

// The shell's utilities are imported on first use (the browser's first download stays small).
// These tests count event-loop turns, so the modules are loaded once up front: the first
// dynamic import of a TypeScript module under Vitest takes real time, not a few turns.
beforeAll(async () => {
  await Promise.all([import('../../shell/coreutils/files.js'), import('../../shell/coreutils/text.js'), import('../../shell/coreutils/system.js')]);
});

const GET = { method: 'GET', url: '/', headers: { 'user-agent': 'curl/8.5.0' }, body: new Uint8Array(0) };
const text = (body: Uint8Array): string => new TextDecoder().decode(body);

describe('attach', () => {
  it('gives a -t container a pty: echo, Enter, Ctrl-C, Ctrl-D', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', tty: true, openStdin: true });
    const out = new CollectingOutput();
    const session = containers.attach(id, { stdin: true, stdout: out, stderr: out });
    await containers.start(id);
    await tick();
    expect(out.text).toBe('/ # ');
    session.write('echo hx\x7fi\r');
    await tick();
    expect(out.text).toBe('/ # echo hx\b \bi\r\nhi\r\n/ # ');
    out.clear();
    session.write('ech\x03');
    await tick();
    expect(out.text).toBe('ech^C\r\n/ # ');
    expect(containers.inspect(id)).toMatchObject({ State: { Running: true } });
    session.write('\x04');
    expect(await session.done).toBe(0);
  });

  it('Ctrl-C interrupts the foreground command of an interactive shell, which keeps running', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', tty: true, openStdin: true });
    const out = new CollectingOutput();
    const session = containers.attach(id, { stdin: true, stdout: out, stderr: out });
    await containers.start(id);
    await tick();
    session.write('sleep 1000\r');
    await tick(2);
    session.write('\x03');
    await tick();
    session.write('echo $?\r');
    await tick();
    expect(out.text).toBe('/ # sleep 1000\r\n^C\r\n/ # echo $?\r\n130\r\n/ # ');
    expect(containers.inspect(id)).toMatchObject({ State: { Running: true } });
    await containers.remove(id, { force: true });
  });

  it('redraws the prompt for a client attaching to a running shell', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', tty: true, openStdin: true });
    await containers.start(id);
    await tick();
    const out = new CollectingOutput();
    const later = containers.attach(id, { stdin: true, stdout: out, stderr: out });
    await tick();
    expect(out.text).toBe('\r/ # ');
    later.write('\x03');
    await tick();
    expect(out.text).toBe('\r/ # ^C\r\n/ # ');
    await containers.remove(id, { force: true });
  });

  it('ends an interactive bash on exit, with its status, and tracks cd in the prompt', async () => {
    const { containers, images } = makeEngine();
    images.add('ubuntu:latest', { '/bin/bash': { type: 'file', data: new TextEncoder().encode('#!slipway bash\n'), mode: 0o755, uid: 0, gid: 0 }, '/tmp/.keep': { type: 'file', data: new Uint8Array(0), mode: 0o644, uid: 0, gid: 0 } }, { Env: ['PATH=/bin'], Cmd: ['bash'] });
    const { id } = containers.create({ image: 'ubuntu', tty: true, openStdin: true });
    const out = new CollectingOutput();
    const session = containers.attach(id, { stdin: true, stdout: out, stderr: out });
    await containers.start(id);
    await tick();
    session.write('cd /tmp\r');
    await tick();
    session.write('exit 3\r');
    expect(await session.done).toBe(3);
    const host = id.slice(0, 12);
    expect(out.text).toBe(`root@${host}:/# cd /tmp\r\nroot@${host}:/tmp# exit 3\r\nexit\r\n`);
  });

  it('without -t keeps stdout and stderr apart and delivers stdin as sent', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', cmd: ['cat'], openStdin: true });
    const out = new CollectingOutput();
    const err = new CollectingOutput();
    const session = containers.attach(id, { stdin: true, stdout: out, stderr: err });
    session.write('early\n');
    await containers.start(id);
    session.write('hello\n');
    session.closeStdin();
    expect(await session.done).toBe(0);
    expect(out.text).toBe('early\nhello\n');
    expect(err.text).toBe('');
  });

  it('detach leaves the container running and resolves null', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', cmd: ['sleep', 'infinity'] });
    await containers.start(id);
    const a = containers.attach(id, { stdin: false, stdout: new CollectingOutput(), stderr: new CollectingOutput() });
    expect(containers.list()[0].attached).toBe(true);
    a.detach();
    expect(await a.done).toBeNull();
    expect(containers.list()[0].attached).toBe(false);
    await containers.remove(id, { force: true });
  });
});

describe('ports and http', () => {
  it('publishes on 0.0.0.0 and :: and routes requests to nginx', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'nginx', name: 'web', publish: [{ containerPort: '80/tcp', hostIp: '', hostPort: '8080' }] });
    await containers.start('web');
    await tick();
    expect(containers.list()[0].ports).toEqual([
      { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
      { privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp' },
    ]);
    const ok = await containers.http(8080, GET);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('text/html');
    expect(text(ok.body)).toBe('<h1>Welcome to nginx!</h1>\n');
    const missing = await containers.http(8080, { ...GET, url: '/nope' });
    expect(missing.status).toBe(404);
    expect(text(missing.body)).toContain('<center><h1>404 Not Found</h1></center>');
    const logs = new CollectingOutput();
    await containers.logs('web', {}, { stdout: logs, stderr: new CollectingOutput() });
    expect(logs.text).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n');
    expect(logs.text).toContain('10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled\n');
    expect(logs.text).toContain('172.17.0.1 - - [15/Jan/2026:10:00:00 +0000] "GET /nope HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"\n');
    await expect(containers.http(9999, GET)).rejects.toBeInstanceOf(ConnectionRefused);
    await containers.stop('web');
    await expect(containers.http(8080, GET)).rejects.toBeInstanceOf(ConnectionRefused);
    expect(containers.inspect('web')).toMatchObject({ NetworkSettings: { Ports: {} } });
  });

  it('a published port nobody listens on is refused, marked as published', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'busybox', cmd: ['sleep', 'infinity'], publish: [{ containerPort: '80/tcp', hostIp: '', hostPort: '3000' }] });
    const id = containers.list({ all: true })[0].id;
    await containers.start(id);
    await expect(containers.http(3000, GET)).rejects.toMatchObject({ name: 'ConnectionRefused', published: true });
    await containers.remove(id, { force: true });
  });

  it('reports a host port conflict and leaves the second container Created', async () => {
    const { containers } = makeEngine();
    const publish = [{ containerPort: '80/tcp', hostIp: '', hostPort: '3000' }];
    containers.create({ image: 'nginx', name: 'one', publish });
    const { id } = containers.create({ image: 'nginx', name: 'two', publish });
    await containers.start('one');
    const error = (await containers.start('two').catch((e: unknown) => e)) as EngineError;
    expect(error.message).toMatch(
      /^failed to set up container networking: driver failed programming external connectivity on endpoint two \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:3000 failed: port is already allocated$/,
    );
    expect(containers.inspect(id)).toMatchObject({ State: { Status: 'created' } });
    expect(containers.list({ all: true }).find((c) => c.name === 'two')!.status).toBe('Created');
  });

  it('allocates ephemeral host ports from 32768 up', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'nginx', name: 'web', publish: [{ containerPort: '80/tcp', hostIp: '127.0.0.1', hostPort: '' }] });
    await containers.start('web');
    const [port] = containers.list()[0].ports;
    expect(port.ip).toBe('127.0.0.1');
    expect(port.publicPort).toBeGreaterThanOrEqual(32768);
    expect(port.publicPort).toBeLessThanOrEqual(60999);
  });
});

describe('exec and cp', () => {
  it('runs a process in a running container and reports OCI errors', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', name: 'box', cmd: ['sleep', 'infinity'], env: ['GREETING=hi'] });
    await expect(containers.exec('box', { cmd: ['true'] }, ioFor())).rejects.toThrow(`container ${id} is not running`);
    await containers.start('box');
    const io = ioFor();
    expect(await containers.exec('box', { cmd: ['sh', '-c', 'echo $GREETING $HOSTNAME; exit 4'] }, io)).toBe(4);
    expect(io.stdout.text).toBe(`hi ${id.slice(0, 12)}\n`);
    const failure = (await containers.exec('box', { cmd: ['bash'] }, ioFor()).catch((e: unknown) => e)) as EngineError;
    expect(failure.message).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown');
    expect(failure.exitCode).toBe(127);
    await containers.remove('box', { force: true });
  });

  it('runs image programs from sh through PATH, and curl reaches the container loopback', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'nginx', name: 'web' });
    await containers.start('web');
    await tick();
    const io = ioFor();
    expect(await containers.exec('web', { cmd: ['sh', '-c', 'curl -s localhost/ && ls /usr/share/nginx/html && nginx -v'] }, io)).toBe(0);
    expect(io.stdout.text).toBe('<h1>Welcome to nginx!</h1>\nindex.html\n');
    expect(io.stderr.text).toBe('nginx version: nginx/1.29.3\n');
    await containers.remove('web', { force: true });
  });

  it('gives exec -it its own pty: prompt, echo, Ctrl-C to the exec\'d process, Ctrl-D ends it', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'busybox', name: 'box', cmd: ['sleep', 'infinity'] });
    await containers.start('box');
    const keys = new KeyFeed();
    const out = new CollectingOutput();
    const done = containers.exec('box', { cmd: ['sh'], tty: true, interactive: true }, { stdin: keys, stdout: out, stderr: out, signals: { on: () => () => undefined } });
    await tick();
    expect(out.text).toBe('/ # ');
    keys.send('echo $TERM\r');
    await tick();
    expect(out.text).toBe('/ # echo $TERM\r\nxterm\r\n/ # ');
    out.clear();
    keys.send('sleep 1000\r');
    await tick(2);
    keys.send('\x03');
    await tick();
    keys.send('echo $?\r');
    await tick();
    expect(out.text).toBe('sleep 1000\r\n^C\r\n/ # echo $?\r\n130\r\n/ # ');
    keys.send('\x04');
    expect(await done).toBe(0);
    // Only the exec'd shell ended; PID 1 runs on.
    expect(containers.inspect('box')).toMatchObject({ State: { Running: true } });
    await containers.remove('box', { force: true });
  });

  it('exec -t without -i merges stderr into one \\r\\n stream and reads no input', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'busybox', name: 'box', cmd: ['sleep', 'infinity'] });
    await containers.start('box');
    const out = new CollectingOutput();
    const io = { stdin: { read: () => Promise.reject(new Error('stdin read')) }, stdout: out, stderr: out, signals: { on: () => () => undefined } };
    expect(await containers.exec('box', { cmd: ['sh', '-c', 'echo a; echo b >&2; echo $TERM; exit 3'], tty: true }, io)).toBe(3);
    expect(out.text).toBe('a\r\nb\r\nxterm\r\n');
    const plain = ioFor();
    expect(await containers.exec('box', { cmd: ['sh', '-c', 'echo "[$TERM]"'] }, plain)).toBe(0);
    expect(plain.stdout.text).toBe('[]\n');
    await containers.remove('box', { force: true });
  });

  it('copies trees in and out, with tar stream sizes, even when stopped', () => {
    const { containers } = makeEngine();
    containers.create({ image: 'busybox', name: 'box' });
    const data = new TextEncoder().encode('console.log(1)\n');
    const put = containers.copyTo('box', '/', [
      { path: 'app', kind: 'dir', mode: 0o755 },
      { path: 'app/server.js', kind: 'file', mode: 0o644, data },
    ]);
    expect(put.tarSize).toBe(512 + 512 + 512 + 1024);
    const got = containers.copyFrom('box', '/app');
    expect(got.entries.map((e) => e.path)).toEqual(['app', 'app/server.js']);
    expect(got.tarSize).toBe(2560);
    containers.copyTo('box', '/app/renamed.js', [{ path: 'server.js', kind: 'file', mode: 0o644, data }]);
    expect(containers.copyFrom('box', '/app/renamed.js').tarSize).toBe(2048);
    expect(() => containers.copyFrom('box', '/nope')).toThrow('Could not find the file /nope in container box');
  });
});

/** A client's keyboard: chunks as typed, read one at a time. */
class KeyFeed {
  private readonly chunks: string[] = [];
  private waiting: ((chunk: string | null) => void) | undefined;
  send(chunk: string): void {
    const reader = this.waiting;
    this.waiting = undefined;
    if (reader) reader(chunk);
    else this.chunks.push(chunk);
  }
  read(): Promise<string | null> {
    if (this.chunks.length > 0) return Promise.resolve(this.chunks.shift()!);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

function ioFor() {
  const stdout = new CollectingOutput();
  const stderr = new CollectingOutput();
  return { stdin: { read: () => Promise.resolve(null) }, stdout, stderr, signals: { on: () => () => undefined } };
}

describe('interactive shell input', () => {
  it('a command interrupted while reading does not swallow the next line typed at the prompt', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', tty: true, openStdin: true });
    const out = new CollectingOutput();
    const session = containers.attach(id, { stdin: true, stdout: out, stderr: out });
    await containers.start(id);
    await tick();
    session.write('cat\r');
    await tick();
    session.write('\x03');
    await tick();
    session.write('echo next\r');
    await tick();
    expect(out.text).toBe('/ # cat\r\n^C\r\n/ # echo next\r\nnext\r\n/ # ');
    await containers.remove(id, { force: true });
  });
});

describe('process environment', () => {
  it('a bare -e NAME (unset on the client) is not set in the container, and unsets a default (QA)', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'busybox', name: 'box', cmd: ['sleep', 'infinity'], env: ['NOPE', 'HOSTNAME', 'A=1'] });
    await containers.start('box');
    const io = ioFor();
    expect(await containers.exec('box', { cmd: ['env'] }, io)).toBe(0);
    const names = io.stdout.text.split('\n').filter(Boolean).map((l) => l.split('=')[0]);
    expect(names).toContain('A');
    expect(names).toContain('PATH');
    expect(names).not.toContain('NOPE');
    expect(names).not.toContain('HOSTNAME');
    await containers.remove('box', { force: true });
  });
});

describe('exec -d', () => {
  it('a detached exec -it shell keeps running on its silent terminal; -d -i without a tty reads end of file', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'busybox', name: 'box', cmd: ['sleep', 'infinity'] });
    await containers.start('box');
    let reads = 0;
    const io = { stdin: { read: () => (reads++, Promise.resolve(null)) }, stdout: new CollectingOutput(), stderr: new CollectingOutput(), signals: { on: () => () => undefined } };
    expect(await containers.exec('box', { cmd: ['sh', '-c', 'cat; echo done > /ended'], tty: true, interactive: true, detach: true }, io)).toBe(0);
    expect(await containers.exec('box', { cmd: ['sh', '-c', 'cat; echo done > /piped'], interactive: true, detach: true }, io)).toBe(0);
    await tick();
    expect(containers.copyFrom('box', '/piped').entries).toHaveLength(1);
    expect(() => containers.copyFrom('box', '/ended')).toThrow('Could not find the file /ended in container box');
    expect(reads).toBe(0);
    await containers.remove('box', { force: true });
  });
});
