import { describe, expect, it } from 'vitest';
import { CancelSource, CollectingOutput } from '../../os/streams.js';
import { makeEngine, tick } from './testing/harness.js';

// Inspect output is untyped JSON; the tests walk it freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('logs, list and inspect', () => {
  it('follows logs until the container stops, or until cancelled', async () => {
    const { containers, clock } = makeEngine();
    containers.create({ image: 'busybox', name: 'ticker', cmd: ['sh', '-c', 'echo one; sleep 5; echo two >&2; sleep 5'] });
    await containers.start('ticker');
    const out = new CollectingOutput();
    const err = new CollectingOutput();
    const before = clock.now();
    await containers.logs('ticker', { follow: true }, { stdout: out, stderr: err });
    expect(clock.now() - before).toBe(10_000);
    expect(out.text).toBe('one\n');
    expect(err.text).toBe('two\n');

    containers.create({ image: 'busybox', name: 'forever', cmd: ['sleep', 'infinity'] });
    await containers.start('forever');
    const cancel = new CancelSource();
    const following = containers.logs('forever', { follow: true }, { stdout: out, stderr: err }, cancel);
    await tick();
    cancel.cancel();
    await following;
    expect(containers.inspect('forever')).toMatchObject({ State: { Running: true } });
    await containers.remove('forever', { force: true });
  });

  it('shows the short image ID once the reference moves to another image', async () => {
    const { containers, images } = makeEngine();
    const { id } = containers.create({ image: 'busybox' });
    const original = containers.list({ all: true })[0].imageId;
    expect(containers.list({ all: true })[0].image).toBe('busybox');
    images.add('busybox:latest', {}, { Cmd: ['sh'] });
    const [row] = containers.list({ all: true });
    expect(row.image).toBe(original.slice(7, 19));
    expect(containers.usersOf(original)).toEqual([{ id, running: false }]);
  });

  it('publishes every exposed port with publishAll, and inspects like Docker 29', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'nginx', name: 'web', publishAll: true, env: ['A=1', 'NGINX_VERSION=9'] });
    await containers.start('web');
    const info = containers.inspect('web') as Json;
    expect(info.Name).toBe('/web');
    expect(info.Path).toBe('/docker-entrypoint.sh');
    expect(info.Args).toEqual(['nginx', '-g', 'daemon off;']);
    expect(info.State.Status).toBe('running');
    expect(info.State.FinishedAt).toBe('0001-01-01T00:00:00Z');
    expect(info.Created).toBe('2026-01-15T10:00:00Z');
    expect(info.Config.Hostname).toBe(id.slice(0, 12));
    expect(info.Config.Env).toEqual(['A=1', 'NGINX_VERSION=9', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
    expect(info.Config.StopSignal).toBe('SIGQUIT');
    expect(info.Config.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(info.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '' }] });
    expect(info.NetworkSettings.IPAddress).toBe('172.17.0.2');
    const ports = info.NetworkSettings.Ports['80/tcp'];
    expect(ports).toHaveLength(2);
    expect(ports[0].HostIp).toBe('0.0.0.0');
    expect(ports[1]).toEqual({ HostIp: '::', HostPort: ports[0].HostPort });
    await containers.restart('web');
    expect((containers.inspect('web') as Json).State.Running).toBe(true);
    expect(containers.checkInvariants()).toEqual([]);
  });
});

describe('list cost', () => {
  it('resolves each image reference once per listing, however many containers use it (QA: ps -a budget)', () => {
    const { containers, images } = makeEngine();
    for (let i = 0; i < 50; i++) containers.create({ image: 'busybox', name: `c${i}` });
    containers.create({ image: 'nginx', name: 'web' });
    let finds = 0;
    const find = images.find.bind(images);
    images.find = (ref: string) => {
      finds++;
      return find(ref);
    };
    const rows = containers.list({ all: true });
    expect(rows).toHaveLength(51);
    expect(rows.filter((r) => r.image === 'busybox')).toHaveLength(50);
    expect(finds).toBe(2);
  });

  it('skips reference parsing for a name:tag the image still carries, and not once the tag moves', () => {
    const { containers, images } = makeEngine();
    containers.create({ image: 'busybox:latest', name: 'tagged' });
    const original = containers.list({ all: true })[0].imageId;
    let finds = 0;
    const find = images.find.bind(images);
    images.find = (ref: string) => {
      finds++;
      return find(ref);
    };
    expect(containers.list({ all: true })[0].image).toBe('busybox:latest');
    expect(finds).toBe(0);
    images.add('busybox:latest', {}, { Cmd: ['sh'] });
    expect(containers.list({ all: true })[0].image).toBe(original.slice(7, 19));
  });

  it('answers usersOf from an index that follows create, remove and snapshot restore', async () => {
    const { containers } = makeEngine();
    const a = containers.create({ image: 'busybox', name: 'first' });
    const busybox = containers.list({ all: true })[0].imageId;
    expect(containers.usersOf(busybox).map((u) => u.id)).toEqual([a.id]);
    const b = containers.create({ image: 'busybox', name: 'second' });
    containers.create({ image: 'nginx', name: 'web' });
    expect(containers.usersOf(busybox).map((u) => u.id)).toEqual([a.id, b.id]);
    await containers.start('second');
    expect(containers.usersOf(busybox)).toEqual([{ id: a.id, running: false }, { id: b.id, running: true }]);
    await containers.remove('first');
    expect(containers.usersOf(busybox).map((u) => u.id)).toEqual([b.id]);
    const saved = containers.toSnapshot();
    await containers.remove('second', { force: true });
    expect(containers.usersOf(busybox)).toEqual([]);
    containers.fromSnapshot(saved);
    expect(containers.usersOf(busybox).map((u) => u.id)).toEqual([b.id]);
  });
});
