import { describe, expect, it } from 'vitest';
import { makeRig } from '../testing/harness.js';
import { standardPortNotation } from './container/containerOptions.js';

describe('docker run -p long syntax', () => {
  it('converts published=…,target=… to the short notation (QA)', async () => {
    expect(standardPortNotation('published=8081,target=80')).toBe('8081:80/tcp');
    expect(standardPortNotation('target=53,published=5353,protocol=udp')).toBe('5353:53/udp');
    expect(standardPortNotation('8080:80')).toBe('8080:80');
    const rig = makeRig();
    expect(await rig.docker(['run', '-d', '--name', 'p2', '-p', 'published=8081,target=80', 'nginx'])).toBe(0);
    expect(await rig.docker(['ps', '--format', '{{.Names}} {{.Ports}}'])).toBe(0);
    expect(rig.stdout.text).toBe('p2 0.0.0.0:8081->80/tcp, [::]:8081->80/tcp\n');
    expect(await rig.docker(['run', '-d', '-p', 'published=8082,oops', 'nginx'])).toBe(125);
    expect(rig.stderr.text).toBe("docker: invalid publish opts format (should be name=value but got 'oops')\n\nRun 'docker run --help' for more information\n");
  });
});

describe('volume flags', () => {
  it('-v, --mount and --volumes-from fail clearly instead of being ignored (QA)', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', '--rm', '-v', '/tmp:/x', 'alpine', 'ls', '/x'])).toBe(125);
    expect(rig.stderr.text).toBe("docker: --volume: volumes and bind mounts are not available in Slipway yet\n\nRun 'docker run --help' for more information\n");
    expect(await rig.docker(['create', '--mount', 'type=bind,src=/tmp,dst=/x', 'alpine'])).toBe(125);
    expect(rig.stderr.text).toContain('--mount: volumes and bind mounts are not available in Slipway yet');
    expect(await rig.docker(['ps', '-aq'])).toBe(0);
    expect(rig.stdout.text).toBe('');
  });
});

describe('client-side option errors', () => {
  it('exit 125 even when the message says "no such file or directory" (fuzz)', async () => {
    const rig = makeRig();
    for (const command of ['create', 'run']) {
      expect(await rig.docker([command, '--env-file', 'nope', 'busybox'])).toBe(125);
      expect(rig.stderr.text).toBe(`docker: open nope: no such file or directory\n\nRun 'docker ${command} --help' for more information\n`);
    }
  });
});
