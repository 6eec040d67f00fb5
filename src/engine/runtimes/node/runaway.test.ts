/**
 * Acceptance 4 of the runtimes issue, on the real Engine: while a container
 * runs `while (true) {}`, `docker ps` answers at once and lists it as Up,
 * another container's HTTP server answers, `docker kill` ends it with 137,
 * and `docker stop` waits its 10 s (virtual) grace period before the kill.
 */
import { describe, expect, it } from 'vitest';
import { SeededIds, VirtualClock } from '../../../os/testing/virtualClock.js';
import { Engine } from '../../Engine.js';

const SPIN = ['node', '-e', 'console.log("spinning"); while (true) {}'];
const SERVER = ['node', '-e', 'require("http").createServer((q, s) => s.end("still here")).listen(3000, () => console.log("listening"))'];

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  if (!condition()) throw new Error('condition not reached');
}

async function started(engine: Engine, cmd: string[], options: { name: string; publish?: boolean }): Promise<{ id: string; out: () => string }> {
  const { id } = engine.containers.create({
    image: 'node', name: options.name, cmd,
    publish: options.publish ? [{ containerPort: '3000/tcp', hostIp: '', hostPort: '8080' }] : undefined,
  });
  let text = '';
  engine.containers.attach(id, { stdin: false, stdout: { write: (t: string) => void (text += t) }, stderr: { write: (t: string) => void (text += t) } });
  await engine.containers.start(id);
  await until(() => text !== '');
  return { id, out: () => text };
}

describe('a runaway node container', () => {
  it('leaves docker ps and the other containers answering; kill ends it with 137', async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock, ids: new SeededIds(11) });
    await engine.images.pull('node', () => undefined);
    const spin = await started(engine, SPIN, { name: 'spin' });
    expect(spin.out()).toBe('spinning\n');
    const server = await started(engine, SERVER, { name: 'web', publish: true });
    expect(server.out()).toBe('listening\n');
    // Between two slices of the loop: ps answers synchronously, and lists the loop as running.
    const ps = engine.containers.list().map((c) => [c.name, c.status.replace(/\d+ seconds?|Less than a second/, 'T')]);
    expect(ps).toEqual([['web', 'Up T'], ['spin', 'Up T']]);
    const page = await engine.http(8080, { method: 'GET', url: '/', headers: { host: 'localhost:8080' }, body: new Uint8Array() });
    expect(new TextDecoder().decode(page.body)).toBe('still here');
    expect(engine.containers.list().find((c) => c.name === 'spin')?.state).toBe('running');
    const before = clock.now();
    engine.containers.kill('spin');
    expect(await engine.containers.wait('spin')).toBe(137);
    expect(clock.now() - before).toBeLessThanOrEqual(200);
    expect(engine.containers.list({ all: true }).find((c) => c.name === 'spin')?.status).toMatch(/^Exited \(137\)/);
    expect(spin.out()).toBe('spinning\n');
    engine.containers.kill('web');
    await engine.containers.wait('web');
  });

  it('docker stop: PID 1 without a SIGTERM handler ignores it, so the kill comes after 10 s', async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock, ids: new SeededIds(12) });
    await engine.images.pull('node', () => undefined);
    await started(engine, SPIN, { name: 'spin' });
    const before = clock.now();
    await engine.containers.stop('spin');
    expect(clock.now() - before).toBeGreaterThanOrEqual(10_000);
    expect(clock.now() - before).toBeLessThan(10_300);
    expect(await engine.containers.wait('spin')).toBe(137);
  });
});
