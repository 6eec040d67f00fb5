import { describe, expect, it } from 'vitest';
import { makeRig } from '../testing/harness.js';

describe('docker info', () => {
  it('reports the classic overlay2 store that image inspect and rmi show (QA)', async () => {
    const rig = makeRig();
    expect(await rig.docker(['info'])).toBe(0);
    expect(rig.stdout.text).toContain(
      ' Storage Driver: overlay2\n  Backing Filesystem: extfs\n  Supports d_type: true\n  Using metacopy: false\n  Native Overlay Diff: true\n  userxattr: false\n Logging Driver: json-file\n',
    );
    expect(rig.stdout.text).not.toContain('snapshotter');
    expect(await rig.docker(['info', '--format', '{{.Driver}}'])).toBe(0);
    expect(rig.stdout.text).toBe('overlay2\n');
  });
});
