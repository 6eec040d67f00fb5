import { describe, expect, it } from 'vitest';
import { CollectingOutput } from '../../os/streams.js';
import { fromBase64, toBase64 } from './snapshot.js';
import { makeEngine } from './testing/harness.js';

describe('container snapshots', () => {
  it('round-trips base64', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'hello world\n']) {
      const bytes = new TextEncoder().encode(text);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
    expect(toBase64(new TextEncoder().encode('hi!'))).toBe('aGkh');
  });

  it('restores containers, logs and file changes as JSON; running ones come back Exited (0)', async () => {
    const first = makeEngine();
    first.containers.create({ image: 'busybox', name: 'done', cmd: ['sh', '-c', 'echo out; exit 2'] });
    await first.containers.start('done');
    await first.containers.wait('done');
    first.containers.copyTo('done', '/etc', [{ path: 'x.txt', kind: 'file', mode: 0o600, data: new TextEncoder().encode('x') }]);
    first.containers.create({ image: 'busybox', name: 'live', cmd: ['sleep', 'infinity'] });
    await first.containers.start('live');
    expect(first.containers.checkInvariants()).toEqual([]);
    const data = JSON.parse(JSON.stringify(first.containers.toSnapshot()));

    const second = makeEngine();
    second.containers.fromSnapshot(data);
    const rows = second.containers.list({ all: true });
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['live', 'Exited (0) Less than a second ago'],
      ['done', 'Exited (2) Less than a second ago'],
    ]);
    const logs = new CollectingOutput();
    await second.containers.logs('done', {}, { stdout: logs, stderr: logs });
    expect(logs.text).toBe('out\n');
    const copied = second.containers.copyFrom('done', '/etc/x.txt').entries[0];
    expect(copied.mode).toBe(0o600);
    expect(new TextDecoder().decode(copied.data)).toBe('x');
    expect(second.containers.checkInvariants()).toEqual([]);
    await first.containers.remove('live', { force: true });
  });

  it('restores each record with the fields a created container has, no more and no fewer', () => {
    // The restore lists the fields one by one (the same hidden class for every record, snapshot.ts): a field added
    // to ContainerRecord must be added there too, and nothing only the snapshot holds (its file changes) may stay.
    const first = makeEngine();
    first.containers.create({ image: 'busybox', name: 'one', cmd: ['true'] });
    const created = [...(first.containers as unknown as { containers: Map<string, object> }).containers.values()][0];
    const second = makeEngine();
    second.containers.fromSnapshot(JSON.parse(JSON.stringify(first.containers.toSnapshot())));
    const restored = [...(second.containers as unknown as { containers: Map<string, object> }).containers.values()][0];
    expect(Object.keys(restored).sort()).toEqual(Object.keys(created).sort());
  });

  it('reports a container whose image is gone', () => {
    const engine = makeEngine();
    engine.containers.create({ image: 'busybox', name: 'orphan' });
    for (const image of engine.images.images.values()) if (image.tags.includes('busybox:latest')) engine.images.images.delete(image.id);
    expect(engine.containers.checkInvariants()[0]).toMatch(/^container orphan \([0-9a-f]{12}\) uses image sha256:/);
  });
});
