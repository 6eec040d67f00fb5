import { describe, expect, it } from 'vitest';
import { SeededIds, VirtualClock } from '../os/testing/virtualClock.js';
import { Engine } from '../engine/index.js';
import { EngineViews, engineView, missReason } from './engineView.js';

describe('engineView', () => {
  it('stacks each image’s layers base first and marks layers other images hold too', async () => {
    const engine = new Engine({ clock: new VirtualClock(), ids: new SeededIds() });
    await engine.images.pull('node', () => undefined);
    await engine.images.pull('python', () => undefined);
    const view = engineView(engine);
    const byTag = new Map(view.images.map((i) => [i.tags[0], i]));
    const node = byTag.get('node:latest')!;
    const python = byTag.get('python:latest')!;
    const inspectLayers = (ref: string): string[] => (engine.images.inspect(ref) as { RootFS: { Layers: string[] } }).RootFS.Layers;
    expect(node.layers.filter((l) => !l.empty).map((l) => l.diffId)).toEqual(inspectLayers('node'));
    const common = new Set(inspectLayers('node').filter((d) => inspectLayers('python').includes(d)));
    expect(common.size).toBeGreaterThan(0);
    for (const image of [node, python]) for (const layer of image.layers) expect(layer.shared).toBe(common.has(layer.diffId));
  });

  it('lists containers with their published ports', async () => {
    const engine = new Engine({ clock: new VirtualClock(), ids: new SeededIds() });
    await engine.images.pull('nginx', () => undefined);
    const { id } = engine.containers.create({ image: 'nginx', name: 'web', publish: [{ containerPort: '80/tcp', hostIp: '', hostPort: '8080' }] });
    await engine.containers.start(id);
    const [container] = engineView(engine).containers;
    expect(container).toMatchObject({ name: 'web', image: 'nginx', state: 'running', publishedPorts: [8080], attached: false });
    expect(container.ports).toContain('0.0.0.0:8080->80/tcp');
  });

  it('lists the newest up to a limit, with the totals and every running container’s published port', async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock, ids: new SeededIds() });
    await engine.images.pull('nginx', () => undefined);
    await engine.images.pull('alpine', () => undefined);
    const web = engine.containers.create({ image: 'nginx', name: 'web', publish: [{ containerPort: '80/tcp', hostIp: '', hostPort: '8080' }] });
    await engine.containers.start(web.id);
    for (const name of ['one', 'two', 'three']) {
      clock.advance(1000);
      engine.containers.create({ image: 'alpine', name });
    }
    const view = engineView(engine, 2);
    expect(view.containers.map((c) => c.name)).toEqual(['three', 'two']);
    expect(view.containerCount).toBe(4);
    expect(view.images).toHaveLength(2);
    expect(view.imageCount).toBe(2);
    expect(view.previewPorts).toEqual([8080]);
    expect(engineView(engine, 1).images).toHaveLength(1);
  });

  it('works out an image’s layer stack once per image ID', async () => {
    const engine = new Engine({ clock: new VirtualClock(), ids: new SeededIds() });
    await engine.images.pull('nginx', () => undefined);
    let inspected = 0;
    const counting = new Proxy(engine, {
      get: (target, property) =>
        property === 'images' ? { ...target.images, list: () => target.images.list(), history: (ref: string) => target.images.history(ref), inspect: (ref: string) => (inspected++, target.images.inspect(ref)) } : Reflect.get(target, property),
    });
    const views = new EngineViews();
    const first = views.view(counting);
    expect(inspected).toBe(1);
    await engine.images.pull('alpine', () => undefined);
    const second = views.view(counting);
    expect(inspected).toBe(2);
    expect(second.images.find((i) => i.id === first.images[0].id)).toEqual(first.images[0]);
  });

  it('explains cache misses in words', () => {
    expect(missReason({ kind: 'files-changed', files: ['server.js', 'public/styles.css'] })).toBe('files changed: server.js, public/styles.css');
    expect(missReason({ kind: 'parent-missed', step: 3 })).toBe('step 3 above ran, so everything after it runs again');
    expect(missReason({ kind: 'instruction-changed' })).toBe('the instruction changed');
    expect(missReason(undefined)).toBe('');
  });
});
