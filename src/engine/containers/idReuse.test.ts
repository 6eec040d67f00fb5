import { describe, expect, it } from 'vitest';
import { SeededIds, VirtualClock } from '../../os/testing/virtualClock.js';
import { Engine } from '../Engine.js';

describe('container IDs after a restore', () => {
  it('an ID source that repeats itself (same seed after a reload) never replaces a container (found by fuzzing)', async () => {
    const first = new Engine({ clock: new VirtualClock(), ids: new SeededIds(7) });
    await first.images.pull('busybox', () => undefined);
    const web = first.containers.create({ image: 'busybox', name: 'web' });

    // A reload: the snapshot restored into a fresh engine whose IDs start over from the same seed.
    const second = new Engine({ clock: new VirtualClock(), ids: new SeededIds(7) });
    second.system.restore(JSON.parse(JSON.stringify(first.system.snapshot())));
    await second.images.pull('alpine', () => undefined);
    const api = second.containers.create({ image: 'busybox', name: 'api' });

    const ids = second.containers.list({ all: true }).map((c) => c.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(web.id);
    expect(api.id.slice(0, 12)).not.toBe(web.id.slice(0, 12));
  });
});
