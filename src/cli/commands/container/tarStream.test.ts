import { describe, expect, it } from 'vitest';
import { makeRig } from '../../testing/harness.js';
import { latin1, tarBytes } from './tarStream.js';

const text = (bytes: Uint8Array, from: number, len: number): string => new TextDecoder().decode(bytes.subarray(from, from + len)).replace(/\0+$/, '');

describe('docker cp to stdout', () => {
  it('writes ustar blocks: headers with checksums, padded data, two end blocks', () => {
    const data = new TextEncoder().encode('hello\n');
    const tar = tarBytes([
      { path: 'app', kind: 'dir', mode: 0o755 },
      { path: 'app/a.txt', kind: 'file', mode: 0o644, data },
      { path: 'app/link', kind: 'symlink', mode: 0o777, target: 'a.txt' },
    ]);
    expect(tar.length).toBe(512 + 512 + 512 + 512 + 1024);
    expect(text(tar, 0, 100)).toBe('app/');
    expect(String.fromCharCode(tar[156])).toBe('5');
    expect(text(tar, 512, 100)).toBe('app/a.txt');
    expect(text(tar, 512 + 124, 12)).toBe('00000000006');
    expect(text(tar, 512 + 257, 6)).toBe('ustar');
    expect(text(tar, 1024, 6)).toBe('hello\n');
    expect(text(tar, 1536 + 157, 100)).toBe('a.txt');
    for (const start of [0, 512, 1536]) {
      const block = tar.slice(start, start + 512);
      const stored = parseInt(text(block, 148, 6), 8);
      block.fill(32, 148, 156);
      expect(block.reduce((n, b) => n + b, 0)).toBe(stored);
    }
    expect(latin1(new Uint8Array([0, 65, 255]))).toBe('\u0000A\u00ff');
  });

  it('docker cp CONTAINER:PATH - streams the archive, as many bytes as the daemon reports (QA)', async () => {
    const rig = makeRig();
    await rig.docker(['create', '--name', 'c1', 'alpine']);
    expect(await rig.docker(['cp', 'c1:/etc/os-release', '-'])).toBe(0);
    expect(rig.stdout.text.length).toBe(rig.engine.containers.copyFrom('c1', '/etc/os-release').tarSize);
    expect(rig.stdout.text.slice(0, 10)).toBe('os-release');
    expect(rig.stdout.text).toContain('NAME="Alpine Linux"');
    expect(rig.stderr.text).toBe('');
  });
});
