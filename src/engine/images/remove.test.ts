import { describe, expect, it } from 'vitest';
import type { ImageConfigFile } from '../api.js';
import type { Layer } from '../context.js';
import { chainIds } from '../layers/diffId.js';
import { makeImages } from './testing/fakeContext.js';

type Kit = ReturnType<typeof makeImages>;

/** Commits a one-layer image the way the builder does. */
function build(kit: Kit, text: string, tag?: string, base: readonly Layer[] = []): { id: string; layers: Layer[] } {
  const layer = kit.images.createLayer(new Map([[`/app/${text}`, { type: 'file', data: new TextEncoder().encode(text), mode: 0o644, uid: 0, gid: 0 }]]));
  const layers = [...base, layer];
  const config: ImageConfigFile = {
    architecture: 'amd64',
    os: 'linux',
    created: '2026-01-15T09:00:00Z',
    config: { Cmd: ['sh'] },
    history: layers.map(() => ({ created: '2026-01-15T09:00:00Z', created_by: `COPY ${text} /app # buildkit`, comment: 'buildkit.dockerfile.v0' })),
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
  };
  const image = kit.images.commit(config, layers);
  if (tag) kit.images.setTag(image.id, tag);
  return { id: image.id, layers };
}

const short = (id: string): string => id.slice(7, 19);

describe('tag and dangling images', () => {
  it('moving a tag leaves the old image dangling', () => {
    const kit = makeImages();
    const one = build(kit, 'one', 'app');
    const two = build(kit, 'two', 'app:latest');
    expect(kit.images.list().map((s) => s.id)).toEqual([two.id]);
    const all = kit.images.list({ all: true });
    expect(all.find((s) => s.id === one.id)?.repoTags).toEqual([]);
    expect(kit.images.resolve('app')).toBe(two.id);
    expect(kit.images.resolve(short(one.id))).toBe(one.id);
    expect(kit.images.resolve(`sha256:${short(one.id)}`)).toBe(one.id);
  });

  it('commit is idempotent and tag validates its target', () => {
    const kit = makeImages();
    const one = build(kit, 'one', 'app');
    expect(build(kit, 'one').id).toBe(one.id);
    kit.images.tag('app', 'student/app:v1');
    expect(kit.images.inspect('student/app:v1').RepoTags).toEqual(['app:latest', 'student/app:v1']);
    expect(() => kit.images.tag('app', 'MyApp')).toThrow('invalid reference format: repository name (library/MyApp) must be lowercase');
    expect(() => kit.images.tag('nosuch', 'x')).toThrow('No such image: nosuch:latest');
    expect(kit.events.filter((e) => e.type === 'image' && e.action === 'tag').map((e) => (e as { ref?: string }).ref)).toEqual(['app:latest', 'student/app:v1']);
    expect(kit.images.checkInvariants()).toEqual([]);
  });
});

describe('rmi', () => {
  it('untags, deletes the image and reports freed layer chains', () => {
    const kit = makeImages();
    const base = build(kit, 'base', 'base');
    const app = build(kit, 'app', 'app', base.layers);
    const chains = chainIds(app.layers.map((l) => l.diffId));
    expect(kit.images.remove('app')).toEqual([{ untagged: 'app:latest' }, { deleted: app.id }, { deleted: chains[1] }]);
    expect(kit.images.remove('base')).toEqual([{ untagged: 'base:latest' }, { deleted: base.id }, { deleted: chains[0] }]);
    expect(kit.images.checkInvariants()).toEqual([]);
    expect(kit.images.toSnapshot()).toEqual({ images: [], layers: [] });
  });

  it('removing one of several tags only untags', () => {
    const kit = makeImages();
    const app = build(kit, 'app', 'app');
    kit.images.tag('app', 'app:v2');
    expect(kit.images.remove('app:v2')).toEqual([{ untagged: 'app:v2' }]);
    expect(kit.images.resolve('app')).toBe(app.id);
    expect(() => kit.images.remove(short(app.id) + 'zz')).toThrow(`No such image: ${short(app.id)}zz:latest`);
  });

  it('by ID with several tags must be forced', () => {
    const kit = makeImages();
    const app = build(kit, 'app', 'app');
    kit.images.tag('app', 'other:v1');
    expect(() => kit.images.remove(short(app.id))).toThrow(`conflict: unable to delete ${short(app.id)} (must be forced) - image is referenced in multiple repositories`);
    const records = kit.images.remove(short(app.id), { force: true });
    expect(records.slice(0, 3)).toEqual([{ untagged: 'app:latest' }, { untagged: 'other:v1' }, { deleted: app.id }]);
  });

  it('refuses images containers use, as the classic store words it', () => {
    const kit = makeImages();
    const app = build(kit, 'app', 'app');
    kit.containers.users.push({ id: '0123456789ab'.padEnd(64, 'c'), image: app.id, running: false });
    expect(() => kit.images.remove('app')).toThrow(
      `conflict: unable to remove repository reference "app" (must force) - container 0123456789ab is using its referenced image ${short(app.id)}`,
    );
    expect(() => kit.images.remove(short(app.id))).toThrow(`conflict: unable to delete ${short(app.id)} (must be forced) - image is being used by stopped container 0123456789ab`);
    kit.containers.users[0].running = true;
    expect(() => kit.images.remove(short(app.id), { force: true })).toThrow(`conflict: unable to delete ${short(app.id)} (cannot be forced) - image is being used by running container 0123456789ab`);
    // -f by name untags and keeps the image (now dangling) for the running container.
    expect(kit.images.remove('app', { force: true })).toEqual([{ untagged: 'app:latest' }]);
    expect(kit.images.list({ all: true })).toMatchObject([{ id: app.id, repoTags: [], containers: 1 }]);
    kit.containers.users[0].running = false;
    expect(kit.images.remove(short(app.id), { force: true })[0]).toEqual({ deleted: app.id });
  });

  it('drops digest references with the last tag of a pulled image', async () => {
    const kit = makeImages();
    const result = await kit.images.pull('hello-world', () => undefined);
    const records = kit.images.remove('hello-world');
    expect(records.slice(0, 3)).toEqual([{ untagged: 'hello-world:latest' }, { untagged: `hello-world@${result.digest}` }, { deleted: result.imageId }]);
    expect(records).toHaveLength(4);
  });
});

describe('prune', () => {
  it('removes dangling images, or with all every unused one', () => {
    const kit = makeImages();
    const old = build(kit, 'old', 'app');
    const current = build(kit, 'new', 'app');
    const used = build(kit, 'used', 'used');
    kit.containers.users.push({ id: 'f'.repeat(64), image: used.id, running: false });
    const dangling = kit.images.prune();
    expect(dangling.records).toEqual([{ deleted: old.id }, { deleted: old.layers[0].diffId }]);
    expect(dangling.spaceReclaimed).toBe(3);
    const all = kit.images.prune({ all: true });
    expect(all.records).toEqual([{ untagged: 'app:latest' }, { deleted: current.id }, { deleted: current.layers[0].diffId }]);
    expect(kit.images.list().map((s) => s.repoTags)).toEqual([['used:latest']]);
    expect(kit.images.prune()).toEqual({ records: [], spaceReclaimed: 0 });
    expect(kit.images.checkInvariants()).toEqual([]);
  });
});

describe('invariants', () => {
  it('count every stack once per image that has it, and report a miscount', () => {
    const kit = makeImages();
    const base = build(kit, 'base', 'base');
    build(kit, 'app', 'app', base.layers);
    expect(kit.images.checkInvariants()).toEqual([]);
    // Counting the base stack once more, as a leaked retain would.
    const table = (kit.images as unknown as { table: { layers: { retain(l: readonly Layer[]): void } } }).table;
    table.layers.retain(base.layers);
    const problems = kit.images.checkInvariants();
    expect(problems).toContain(`images: stack ${chainIds(base.layers.map((l) => l.diffId))[0]} is counted 3 times, but 2 images have it`);
  });
});
