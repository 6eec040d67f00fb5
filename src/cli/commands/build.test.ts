import { describe, expect, it } from 'vitest';
import { makeRig } from '../testing/harness.js';

describe('docker build (flag parsing in front of the builder)', () => {
  it('passes -t, -f, --progress and the context through, then the image runs', async () => {
    const rig = makeRig();
    rig.fs.mkdir('/home/student/app', { recursive: true });
    rig.fs.writeFile('/home/student/app/web.Dockerfile', 'FROM busybox\nWORKDIR /app\nCOPY . .\nCMD ["sh", "-c", "echo built"]\n');
    expect(await rig.docker(['build', '--progress=plain', '-f', 'web.Dockerfile', '-t', 'myapp:1.0', '.'], { cwd: '/home/student/app' })).toBe(0);
    expect(rig.stderr.text).toContain('naming to docker.io/library/myapp:1.0 done');
    expect(await rig.docker(['run', '--rm', 'myapp:1.0'])).toBe(0);
    expect(rig.stdout.text).toBe('built\n');
  });

  it('rejects an unknown progress mode', async () => {
    const rig = makeRig();
    expect(await rig.docker(['build', '--progress', 'bogus', '.'])).toBe(1);
    expect(rig.stderr.text).toBe('ERROR: invalid progress mode "bogus"\n');
  });
});
