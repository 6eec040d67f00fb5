import { describe, expect, it } from 'vitest';
import { makeRig, type Rig } from '../testing/harness.js';

/** Layer and reference invariants; the system-wide "container's image exists" rule is Docker-incompatible after rmi -f and is left out. */
function layerProblems(rig: Rig): string[] {
  return rig.engine.system.checkInvariants().filter((p) => !/^container .* uses image .* which does not exist$/.test(p));
}

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
    expect(layerProblems(rig)).toEqual([]);

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
