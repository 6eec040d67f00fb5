import { describe, expect, it } from 'vitest';
import { makeRig } from '../testing/harness.js';

describe('daemon-managed /etc files', () => {
  it('a running container has /etc/hostname and /etc/hosts, not counted as its changes (QA)', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', '-d', '--name', 'c2', 'alpine', 'sleep', 'infinity'])).toBe(0);
    const id = rig.stdout.text.trim().slice(0, 12);
    expect(await rig.docker(['exec', 'c2', 'cat', '/etc/hostname', '/etc/hosts'])).toBe(0);
    expect(rig.stdout.text).toBe(
      `${id}\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.17.0.2\t${id}\n`,
    );
    expect(await rig.docker(['ps', '-s', '--format', '{{.Size}}'])).toBe(0);
    expect(rig.stdout.text).toMatch(/^0B \(virtual /);
  });

  it('-h/--hostname names the container host: /etc/hostname, /etc/hosts, $HOSTNAME and inspect', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', '-d', '--name', 'web', '-h', 'shop-1', 'alpine', 'sleep', 'infinity'])).toBe(0);
    expect(await rig.docker(['exec', 'web', 'sh', '-c', 'cat /etc/hostname; tail -n 1 /etc/hosts; echo $HOSTNAME'])).toBe(0);
    expect(rig.stdout.text).toBe('shop-1\n172.17.0.2\tshop-1\nshop-1\n');
    expect(await rig.docker(['inspect', '--format', '{{.Config.Hostname}}', 'web'])).toBe(0);
    expect(rig.stdout.text).toBe('shop-1\n');
    expect(await rig.docker(['create', '--hostname=db', 'alpine'])).toBe(0);
    const id = rig.stdout.text.trim();
    expect(await rig.docker(['inspect', '--format', '{{.Config.Hostname}}', id])).toBe(0);
    expect(rig.stdout.text).toBe('db\n');
  });
});
