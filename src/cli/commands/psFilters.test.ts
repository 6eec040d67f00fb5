import { describe, expect, it } from 'vitest';
import { makeRig } from '../testing/harness.js';

describe('docker ps --filter', () => {
  it('a status filter lists every state without -a; values of one key are alternatives (QA)', async () => {
    const rig = makeRig();
    await rig.docker(['run', '--name', 'ex', 'busybox', 'true']);
    await rig.docker(['create', '--name', 'cr', 'busybox', 'true']);
    await rig.docker(['run', '-d', '--name', 'up', 'busybox', 'sleep', 'infinity']);
    expect(await rig.docker(['ps', '-f', 'status=exited', '--format', '{{.Names}}'])).toBe(0);
    expect(rig.stdout.text).toBe('ex\n');
    expect(await rig.docker(['ps', '-f', 'status=exited', '-f', 'status=created', '--format', '{{.Names}}'])).toBe(0);
    expect(rig.stdout.text).toBe('cr\nex\n');
    expect(await rig.docker(['ps', '-f', 'status=exited', '-f', 'name=cr', '--format', '{{.Names}}'])).toBe(0);
    expect(rig.stdout.text).toBe('');
    expect(await rig.docker(['ps', '--format', '{{.Names}}'])).toBe(0);
    expect(rig.stdout.text).toBe('up\n');
  });

  it('rejects an unknown status value and an unknown key with the daemon’s error', async () => {
    const rig = makeRig();
    expect(await rig.docker(['ps', '-f', 'status=bogus'])).toBe(1);
    expect(rig.stderr.text).toBe("Error response from daemon: invalid filter 'status=bogus'\n");
    expect(rig.stdout.text).toBe('');
    expect(await rig.docker(['ps', '-f', 'foo=bar'])).toBe(1);
    expect(rig.stderr.text).toBe("Error response from daemon: invalid filter 'foo'\n");
  });
});

describe('int flag range', () => {
  it('ps -n out of int64 range is a usage error, exit 125 (QA)', async () => {
    const rig = makeRig();
    expect(await rig.docker(['ps', '-n', '99999999999999999999'])).toBe(125);
    expect(rig.stderr.text).toBe(
      'invalid argument "99999999999999999999" for "-n, --last" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range\n\nUsage:  docker ps [OPTIONS]\n\nRun \'docker ps --help\' for more information\n',
    );
  });
});

describe('ps --format methods', () => {
  it('{{.Label "key"}} calls the context method with its argument (QA)', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'web', 'nginx']);
    expect(await rig.docker(['ps', '--format', '{{.Names}}: {{.Label "maintainer"}}|{{.Label "nope"}}|{{"maintainer" | .Label}}'])).toBe(0);
    expect(rig.stdout.text).toBe('web: NGINX Docker Maintainers <docker-maint@nginx.com>|NGINX Docker Maintainers <docker-maint@nginx.com>\n'.replace('|NGINX', '||NGINX'));
    expect(await rig.docker(['ps', '--format', '{{.Label}}'])).toBe(1);
    expect(rig.stderr.text).toBe('failed to execute template: template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0\n');
    expect(await rig.docker(['ps', '--format', '{{.Names "x"}}'])).toBe(1);
    expect(rig.stderr.text).toBe('failed to execute template: template: :1:2: executing "" at <.Names>: wrong number of args for Names: want 0 got 1\n');
  });
});

describe('docker ps sizes', () => {
  it('are worked out for -s and for a template that uses .Size, and not otherwise', async () => {
    const rig = makeRig();
    await rig.docker(['run', '--name', 'writer', 'busybox', 'sh', '-c', 'echo hello > /data.txt']);
    expect(await rig.docker(['ps', '-a', '-s', '--format', 'table {{.Names}}\t{{.Size}}'])).toBe(0);
    expect(rig.stdout.text).toMatch(/^NAMES\s+SIZE\nwriter\s+[1-9]\d*B \(virtual \d+(\.\d+)?[kM]B\)\n$/);
    // .Size in the template asks for sizes by itself (cli/command/container/list.go).
    expect(await rig.docker(['ps', '-a', '--format', '{{.Size}}'])).toBe(0);
    expect(rig.stdout.text).toMatch(/^[1-9]\d*B \(virtual /);
    expect(await rig.docker(['ps', '-a', '--size=false', '--format', '{{.Size}}'])).toBe(0);
    expect(rig.stdout.text).toBe('0B\n');
  });

  it('are reclaimed by container prune', async () => {
    const rig = makeRig();
    await rig.docker(['run', '--name', 'writer', 'busybox', 'sh', '-c', 'echo hello > /data.txt']);
    expect(await rig.docker(['container', 'prune', '-f'])).toBe(0);
    expect(rig.stdout.text).toMatch(/Total reclaimed space: [1-9]\d*B\n$/);
  });
});
