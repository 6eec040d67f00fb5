import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine/index.js';
import { SeededIds } from '../../os/testing/virtualClock.js';
import { makeRig } from '../testing/harness.js';

// Slipway models moby's classic image store (docs/fidelity.md): there, `rmi -f` of an image a
// stopped container uses deletes the image record and the container keeps the layers. (The
// containerd store would only untag it and keep a dangling record.) The invariant "every
// container's image exists" therefore reads "every container's image or its held layers exist".

describe('rmi -f of an image a stopped container uses', () => {
  it('deletes the image record but keeps its layers until the container goes (QA)', async () => {
    const rig = makeRig();
    await rig.docker(['pull', '-q', 'busybox']);
    await rig.docker(['run', '--name', 's1', 'busybox', 'true']);
    expect(await rig.docker(['rmi', '-f', 'busybox'])).toBe(0);
    const lines = rig.stdout.text.trim().split('\n');
    expect(lines[0]).toBe('Untagged: busybox:latest');
    expect(lines[1]).toMatch(/^Untagged: busybox@sha256:[0-9a-f]{64}$/);
    expect(lines[2]).toMatch(/^Deleted: sha256:[0-9a-f]{64}$/);
    expect(lines).toHaveLength(3);
    expect(rig.engine.system.checkInvariants()).toEqual([]);

    expect(await rig.docker(['pull', 'busybox'])).toBe(0);
    expect(rig.stdout.text).toMatch(/: Already exists\n/);
    expect(await rig.docker(['rmi', '-f', 'busybox'])).toBe(0);
    expect(await rig.docker(['rm', 's1'])).toBe(0);
    expect(rig.engine.system.checkInvariants()).toEqual([]);
    expect(await rig.docker(['pull', 'busybox'])).toBe(0);
    expect(rig.stdout.text).toMatch(/: Pull complete\n/);
    expect(rig.engine.system.checkInvariants()).toEqual([]);
  });
});

describe('a container whose image was force-deleted', () => {
  it('shows the short image ID in ps, and keeps its files across a snapshot and restore (fuzz)', async () => {
    const rig = makeRig();
    await rig.docker(['run', '--name', 's1', 'busybox', 'true']);
    const id = (await rig.docker(['images', '-q', 'busybox']), rig.stdout.text.trim());
    await rig.docker(['rmi', '-f', 'busybox']);
    await rig.docker(['ps', '-a', '--format', '{{.Image}} {{.Names}}']);
    expect(rig.stdout.text).toBe(`${id} s1\n`);
    expect(rig.engine.system.checkInvariants()).toEqual([]);

    const restored = makeRig(new Engine({ clock: rig.clock, ids: new SeededIds(2) }), rig.clock);
    restored.engine.system.restore(JSON.parse(JSON.stringify(rig.engine.system.snapshot())));
    expect(restored.engine.system.checkInvariants()).toEqual([]);
    expect(await restored.docker(['start', '-a', 's1'])).toBe(0);
    expect(await restored.docker(['cp', 's1:/bin/busybox', '-'])).toBe(0);
    expect(await restored.docker(['rm', 's1'])).toBe(0);
    expect(restored.engine.system.checkInvariants()).toEqual([]);
  });
});
