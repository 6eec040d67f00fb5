import { describe, expect, it } from 'vitest';
import { Engine } from '../Engine.js';
import type { BuildEvent } from '../api.js';
import { MemFs } from '../../os/memfs.js';
import { SeededIds, VirtualClock } from '../../os/testing/virtualClock.js';
import { SEED_FILES } from './testing/fixture.js';

describe('builder inside the real Engine', () => {
  it('pulls the base, builds the seed app, and rebuilds fully cached with the same ID', async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock, ids: new SeededIds(11) });
    const fs = new MemFs({ now: () => clock.now() });
    fs.mkdir('/workspace', { recursive: true });
    for (const [path, text] of Object.entries(SEED_FILES)) {
      const abs = `/workspace/${path}`;
      fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { recursive: true });
      fs.writeFile(abs, text);
    }
    const options = { context: fs, contextDir: '/workspace', dockerfile: '/workspace/Dockerfile', tags: ['myapp'] };
    const events: BuildEvent[] = [];
    const first = await engine.builder.build(options, (e) => events.push(e));
    const logs = events.flatMap((e) => (e.type === 'log' ? [e.text] : [])).join('');
    expect(logs).toMatch(/added 69 packages/);
    expect(engine.images.resolve('myapp')).toBe(first.imageId);
    clock.advance(5 * 60_000);
    const second = await engine.builder.build(options, () => undefined);
    expect(second.imageId).toBe(first.imageId);
    expect(second.steps.every((s) => s.cached)).toBe(true);
    const history = engine.images.history('myapp').map((h) => h.createdBy);
    expect(history.slice(0, 5)).toEqual(['CMD ["node" "server.js"]', 'EXPOSE map[80/tcp:{}]', 'RUN /bin/sh -c npm install # buildkit', 'COPY . /app # buildkit', 'WORKDIR /app']);
    engine.images.remove('myapp');
    const third = await engine.builder.build(options, () => undefined);
    expect(third.steps.every((s) => s.cached)).toBe(true);
    expect(third.imageId).toBe(first.imageId);
  });
});

describe('build cache in snapshots', () => {
  it('survives snapshot and restore into a fresh engine', async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock, ids: new SeededIds(12) });
    const fs = new MemFs();
    fs.mkdir('/w', { recursive: true });
    fs.writeFile('/w/Dockerfile', 'FROM node\nWORKDIR /app\nCOPY hello.txt .\n');
    fs.writeFile('/w/hello.txt', 'hi');
    const options = { context: fs, contextDir: '/w', dockerfile: '/w/Dockerfile', tags: ['x'] };
    const first = await engine.builder.build(options, () => undefined);
    const snapshot = JSON.parse(JSON.stringify(engine.system.snapshot())) as ReturnType<typeof engine.system.snapshot>;
    const restored = new Engine({ clock, ids: new SeededIds(13) });
    restored.system.restore(snapshot);
    expect(restored.builder.lastBuild()?.imageId).toBe(first.imageId);
    const again = await restored.builder.build(options, () => undefined);
    expect(again.steps.every((s) => s.cached)).toBe(true);
    expect(again.imageId).toBe(first.imageId);
    expect(restored.system.checkInvariants()).toEqual([]);
  });
});

describe('COPY --from an image', () => {
  it('loads the image metadata (pulling it) and copies from its filesystem', async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock, ids: new SeededIds(14) });
    const fs = new MemFs();
    fs.mkdir('/w', { recursive: true });
    fs.writeFile('/w/Dockerfile', 'FROM alpine\nCOPY --from=nginx /etc/nginx/nginx.conf /copied.conf\n');
    const events: BuildEvent[] = [];
    const record = await engine.builder.build({ context: fs, contextDir: '/w', dockerfile: '/w/Dockerfile', tags: [] }, (e) => events.push(e));
    const names = events.flatMap((e) => (e.type === 'vertex' && e.vertex.completed !== undefined ? [e.vertex.name] : []));
    expect(names).toContain('[internal] load metadata for docker.io/library/nginx:latest');
    expect(names).toContain('[2/2] COPY --from=nginx /etc/nginx/nginx.conf /copied.conf');
    expect(engine.images.resolve('nginx')).toBeDefined();
    expect(record.imageId).toMatch(/^sha256:/);
  });
});
