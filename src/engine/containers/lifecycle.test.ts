import { describe, expect, it } from 'vitest';
import { CollectingOutput } from '../../os/streams.js';
import { EngineError } from '../errors/EngineError.js';
import type { Program } from '../programs/types.js';
import { makeEngine, tick } from './testing/harness.js';

const ignoresTerm: Program = (ctx) => new Promise<number>((resolve) => ctx.killed.onCancel(() => resolve(137)));
const diesOfTerm: Program = (ctx) =>
  new Promise<number>((resolve) => {
    ctx.trap('SIGTERM', () => resolve(143));
  });

describe('ContainerService lifecycle', () => {
  it('runs hello-world to Exited (0) with its message in the logs', async () => {
    const { containers, clock } = makeEngine();
    const { id } = containers.create({ image: 'hello-world' });
    const out = new CollectingOutput();
    const session = containers.attach(id, { stdin: false, stdout: out, stderr: out });
    await containers.start(id);
    expect(await session.done).toBe(0);
    expect(out.text).toContain('Hello from Docker!');
    clock.advance(5 * 60_000);
    const [row] = containers.list({ all: true });
    expect(row.status).toBe('Exited (0) 5 minutes ago');
    expect(row.command).toBe('/hello');
    expect(row.ports).toEqual([]);
  });

  it('shows Up … while running and merges ENTRYPOINT + CMD into the command', async () => {
    const { containers, clock } = makeEngine();
    const { id } = containers.create({ image: 'nginx', name: 'web' });
    await containers.start('web');
    expect(containers.list()[0].status).toBe('Up Less than a second');
    clock.advance(3000);
    const [row] = containers.list();
    expect(row.status).toBe('Up 3 seconds');
    expect(row.command).toBe("/docker-entrypoint.sh nginx -g 'daemon off;'");
    expect(row.ports).toEqual([{ privatePort: 80, type: 'tcp' }]);
    expect(row.name).toBe('web');
    await containers.remove(id, { force: true });
  });

  it('stop waits 10 s then SIGKILLs a PID 1 that ignores SIGTERM (137)', async () => {
    const { containers, clock, events } = makeEngine({ stubborn: ignoresTerm });
    containers.create({ image: 'busybox', name: 'app', cmd: ['stubborn'] });
    await containers.start('app');
    const before = clock.now();
    await containers.stop('app');
    expect(clock.now() - before).toBe(10_000);
    expect(containers.inspect('app')).toMatchObject({ State: { Status: 'exited', ExitCode: 137 } });
    const wait = events.find((e) => e.type === 'stop-wait');
    expect(wait).toMatchObject({ timeoutSeconds: 10, signal: 'SIGTERM' });
    expect(wait?.type === 'stop-wait' && wait.reason).toBe(
      'stubborn is PID 1 and has no SIGTERM handler, and PID 1 ignores signals it does not handle; Docker waits 10 seconds, then sends SIGKILL (exit code 137)',
    );
    expect(events.filter((e) => e.type === 'container').map((e) => e.type === 'container' && e.action)).toEqual(['create', 'start', 'kill', 'kill', 'die', 'stop']);
  });

  it('explains the wait when a shell-form command is PID 1', async () => {
    const { containers, events } = makeEngine();
    containers.create({ image: 'busybox', name: 'app', cmd: ['sh', '-c', 'sleep 100'] });
    await containers.start('app');
    await containers.stop('app', { timeout: 2 });
    const wait = events.find((e) => e.type === 'stop-wait');
    expect(wait?.type === 'stop-wait' && wait.reason).toBe(
      'sh is PID 1 (a shell-form CMD or ENTRYPOINT) and does not pass SIGTERM on to the program it started; Docker waits 2 seconds, then sends SIGKILL (exit code 137)',
    );
    expect(containers.inspect('app')).toMatchObject({ State: { ExitCode: 137 } });
  });

  it('a program that dies of SIGTERM exits 143 without waiting', async () => {
    const { containers, clock } = makeEngine({ polite: diesOfTerm });
    containers.create({ image: 'busybox', name: 'app', cmd: ['polite'] });
    await containers.start('app');
    const before = clock.now();
    await containers.stop('app');
    expect(clock.now()).toBe(before);
    expect(containers.inspect('app')).toMatchObject({ State: { ExitCode: 143 } });
  });

  it('nginx quits gracefully on its STOPSIGNAL (SIGQUIT) with 0', async () => {
    const { containers, events } = makeEngine();
    containers.create({ image: 'nginx', name: 'web' });
    await containers.start('web');
    await tick();
    await containers.stop('web');
    expect(containers.inspect('web')).toMatchObject({ State: { ExitCode: 0 } });
    expect(events.some((e) => e.type === 'stop-wait')).toBe(false);
    const err = new CollectingOutput();
    await containers.logs('web', {}, { stdout: new CollectingOutput(), stderr: err });
    expect(err.text).toMatch(/\[notice\] 1#1: signal 3 \(SIGQUIT\) received, shutting down\n/);
    expect(err.text).toMatch(/\[notice\] 1#1: exit\n$/);
  });

  it('stop of a stopped container is a no-op; kill of one is an error', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', name: 'idle', cmd: ['true'] });
    await containers.start(id);
    await containers.wait(id);
    await containers.stop('idle');
    expect(() => containers.kill('idle')).toThrow(new EngineError(`cannot kill container: idle: container ${id} is not running`, 'conflict'));
  });

  it('PID 1 ignores SIGINT without a handler; SIGKILL ends it with 137', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'busybox', name: 'sl', cmd: ['sleep', 'infinity'] });
    await containers.start('sl');
    containers.kill('sl', 'SIGINT');
    await tick();
    expect(containers.inspect('sl')).toMatchObject({ State: { Running: true } });
    containers.kill('sl');
    expect(await containers.wait('sl')).toBe(137);
  });

  it('--rm removes the container when it exits, and wait still answers', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', cmd: ['sh', '-c', 'exit 3'], autoRemove: true });
    await containers.start(id);
    expect(await containers.wait(id)).toBe(3);
    await tick();
    expect(containers.list({ all: true })).toEqual([]);
    expect(await containers.wait(id)).toBe(3);
    await expect(containers.start(id)).rejects.toThrow(`No such container: ${id}`);
  });

  it('restart keeps a --rm container: only a stop of its own removes it (moby HasBeenManuallyRestarted; fuzz)', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'nginx', autoRemove: true });
    await containers.start(id);
    await containers.restart(id, { timeout: 1 });
    expect(containers.inspect(id)).toMatchObject({ State: { Running: true } });
    await containers.stop(id, { timeout: 1 });
    await tick();
    expect(containers.list({ all: true })).toEqual([]);
  });

  it('rm of a running container needs force; rm -f kills and removes', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'busybox', name: 'web', cmd: ['sleep', '100'] });
    await containers.start('web');
    await expect(containers.remove('web')).rejects.toThrow('cannot remove container "web": container is running: stop the container before removing or force remove');
    await containers.remove('web', { force: true });
    expect(containers.resolve('web')).toBeUndefined();
    await expect(containers.remove('web')).rejects.toThrow('No such container: web');
  });

  it('rejects bad names, name conflicts, and images without a command', () => {
    const { containers, images } = makeEngine();
    expect(() => containers.create({ image: 'busybox', name: 'my app' })).toThrow('Invalid container name (my app), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed');
    const { id } = containers.create({ image: 'busybox', name: 'web' });
    expect(() => containers.create({ image: 'busybox', name: '/web' })).toThrow(
      `Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
    images.add('empty:latest', {}, {});
    expect(() => containers.create({ image: 'empty' })).toThrow('no command specified');
    expect(() => containers.create({ image: 'nginx', entrypoint: '' })).toThrow('no command specified');
  });

  it('a missing executable fails start with the OCI error; the container stays Created', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', name: 'bad', cmd: ['foo'] });
    const failure = await containers.start(id).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).message).toBe(
      'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "foo": executable file not found in $PATH: unknown',
    );
    expect((failure as EngineError).exitCode).toBe(127);
    expect(containers.list({ all: true })[0].status).toBe('Created');
    expect(containers.inspect(id)).toMatchObject({ State: { Status: 'created', ExitCode: 127 } });
  });

  it('creates a missing WORKDIR at start, and fails like runc when it is a file', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', workdir: '/srv/app', cmd: ['true'] });
    await containers.start(id);
    expect(await containers.wait(id)).toBe(0);
    expect(containers.copyFrom(id, '/srv/app').entries[0].kind).toBe('dir');
    const bad = containers.create({ image: 'busybox', workdir: '/etc/hostname', cmd: ['true'] }).id;
    await expect(containers.start(bad)).rejects.toThrow(/error during container init: chdir to cwd \("\/etc\/hostname"\) set in config.json failed: not a directory: unknown$/);
    expect(containers.inspect(bad)).toMatchObject({ State: { Status: 'created', ExitCode: 128 } });
    expect(() => containers.create({ image: 'busybox', workdir: 'rel' })).toThrow("the working directory 'rel' is invalid, it needs to be an absolute path");
  });

  it('keeps logs and the writable layer across restarts', async () => {
    const { containers } = makeEngine();
    containers.create({ image: 'busybox', name: 'cc', cmd: ['sh', '-c', 'echo run; exit 0'] });
    await containers.start('cc');
    await containers.wait('cc');
    containers.copyTo('cc', '/etc', [{ path: 'note.txt', kind: 'file', mode: 0o644, data: new TextEncoder().encode('kept') }]);
    await containers.start('cc');
    await containers.wait('cc');
    const out = new CollectingOutput();
    await containers.logs('cc', {}, { stdout: out, stderr: out });
    expect(out.text).toBe('run\nrun\n');
    const tail = new CollectingOutput();
    await containers.logs('cc', { tail: 1, timestamps: true }, { stdout: tail, stderr: tail });
    expect(tail.text).toBe('2026-01-15T10:00:00.000000000Z run\n');
    expect(new TextDecoder().decode(containers.copyFrom('cc', '/etc/note.txt').entries[0].data)).toBe('kept');
  });

  it('wait on a never-started container waits for its first exit, or its removal', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', cmd: ['sh', '-c', 'exit 4'] });
    const first = containers.wait(id);
    await containers.start(id);
    expect(await first).toBe(4);
    const other = containers.create({ image: 'busybox' }).id;
    const pending = containers.wait(other);
    await containers.remove(other);
    expect(await pending).toBe(0);
  });

  it('generates moby-style random names', () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox' });
    expect(containers.list({ all: true })[0].name).toMatch(/^[a-z]+_[a-z]+$/);
    expect(containers.resolve(id.slice(0, 5))).toBe(id);
  });
});
