import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rfc3339Nano } from './inspect.js';
import { makeImages } from './testing/fakeContext.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Compares against testdata/<name>.golden.json; UPDATE_GOLDEN=1 rewrites it. */
function golden(name: string, value: unknown): void {
  const path = join(here, 'testdata', `${name}.golden.json`);
  const text = `${JSON.stringify(value, null, 4)}\n`;
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('image inspect', () => {
  it('matches the API 1.52 shape for pulled images', async () => {
    const { images } = makeImages();
    await images.pull('nginx', () => undefined);
    await images.pull('hello-world', () => undefined);
    golden('inspect-nginx', images.inspect('nginx'));
    golden('inspect-hello-world', images.inspect('hello-world'));
    const nginx = images.inspect('nginx') as { Config: Record<string, unknown>; Metadata: { LastTagTime: string } };
    expect(Object.keys(images.inspect('nginx'))).toEqual(['Id', 'RepoTags', 'RepoDigests', 'Created', 'Config', 'Architecture', 'Os', 'Size', 'GraphDriver', 'RootFS', 'Metadata']);
    expect(Object.keys(nginx.Config)).toEqual(['ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Labels', 'StopSignal']);
    expect(nginx.Metadata.LastTagTime).toBe('0001-01-01T00:00:00Z');
    expect(() => images.inspect('nosuch')).toThrow('No such image: nosuch:latest');
  });

  it('records LastTagTime when a tag moves onto an image', async () => {
    const { images, clock } = makeImages();
    await images.pull('alpine', () => undefined);
    images.tag('alpine', 'mine:v1');
    const meta = images.inspect('mine:v1').Metadata as { LastTagTime: string };
    expect(meta.LastTagTime).toBe(rfc3339Nano(clock.now()));
  });

  it('formats times like Go RFC3339Nano', () => {
    expect(rfc3339Nano('2026-11-12T18:41:22.570183000Z')).toBe('2026-11-12T18:41:22.570183Z');
    expect(rfc3339Nano('2026-01-15T10:00:00.000Z')).toBe('2026-01-15T10:00:00Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 15, 10, 0, 0, 120))).toBe('2026-01-15T10:00:00.12Z');
  });
});

describe('image history', () => {
  it('lists newest first with <missing> below the top row', async () => {
    const { images } = makeImages();
    const { imageId } = await images.pull('node:22-alpine', () => undefined);
    const rows = images.history('node:22-alpine');
    expect(rows[0]).toMatchObject({ id: imageId, createdBy: 'CMD ["node"]', size: 0, comment: 'buildkit.dockerfile.v0' });
    expect(rows.slice(1).every((r) => r.id === '<missing>')).toBe(true);
    expect(rows.at(-1)).toMatchObject({ createdBy: 'ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit', size: 8_470_000 });
    expect(rows.filter((r) => r.size > 0)).toHaveLength(4);
    const legacy = (await images.pull('busybox', () => undefined)) && images.history('busybox');
    expect(legacy.map((r) => r.createdBy)).toEqual(['/bin/sh -c #(nop)  CMD ["sh"]', expect.stringMatching(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/)]);
  });
});
