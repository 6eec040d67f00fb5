import { describe, expect, it } from 'vitest';
import { makeRig } from '../testing/harness.js';

describe('docker inspect JSON escaping', () => {
  it('prints <, > and & as the daemon encoder does, while {{json}} leaves them alone', async () => {
    const rig = makeRig();
    await rig.docker(['create', '--name', 'c1', 'busybox', 'sh', '-c', 'echo <x> && true']);
    expect(await rig.docker(['inspect', 'c1'])).toBe(0);
    expect(rig.stdout.text).toContain('"echo \\u003cx\\u003e \\u0026\\u0026 true"');
    expect(rig.stdout.text).not.toMatch(/[<>&]/);
    expect(await rig.docker(['inspect', '-f', '{{json .Config.Cmd}}', 'c1'])).toBe(0);
    expect(rig.stdout.text).toBe('["sh","-c","echo <x> && true"]\n');
  });
});
