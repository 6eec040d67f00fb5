import { beforeAll, describe, expect, it } from 'vitest';
import { LayerStore } from '../../layers/LayerStore.js';
import { OverlayRootfs } from '../../layers/overlay/OverlayRootfs.js';
import { catalogueImage, catalogueLayer, loadCatalogue, materializeLayer } from './index.js';
import { REPOSITORIES } from './repositories.js';

beforeAll(() => loadCatalogue());

const fsOf = (path: string, tag: string): OverlayRootfs => {
  const image = catalogueImage(path, tag)!;
  return new OverlayRootfs(new LayerStore().view(image.layers), () => 0);
};
const text = (fs: OverlayRootfs, path: string): string => new TextDecoder().decode(fs.readFile(path));

describe('hub catalogue', () => {
  it('gives every distinct layer spec a distinct diffID', () => {
    const byKey = new Map<string, string>();
    for (const repo of REPOSITORIES) for (const image of repo.images) for (const step of image.history) if (step.layer) byKey.set(step.layer.key, materializeLayer(step.layer).diffId);
    expect(new Set(byKey.values()).size).toBe(byKey.size);
  });

  it('shares the debian and buildpack-deps layers between node and python', () => {
    const node = catalogueImage('library/node', 'latest')!;
    const python = catalogueImage('library/python', '3.12')!;
    expect(node.layers).toHaveLength(7);
    expect(python.layers).toHaveLength(7);
    expect(node.config.rootfs.diff_ids.slice(0, 4)).toEqual(python.config.rootfs.diff_ids.slice(0, 4));
    expect(node.config.rootfs.diff_ids[4]).not.toBe(python.config.rootfs.diff_ids[4]);
    expect(catalogueLayer(node.layers[0].diffId)).toBe(node.layers[0]);
  });

  it('has realistic sizes (uncompressed ≈ 2.5 × compressed)', () => {
    const total = (path: string, tag: string) => catalogueImage(path, tag)!.layers.reduce((n, l) => n + l.size, 0);
    expect(total('library/node', 'latest') / 1e9).toBeGreaterThan(1.0);
    expect(total('library/node', 'latest') / 1e9).toBeLessThan(1.3);
    expect(total('library/alpine', 'latest') / 1e6).toBeCloseTo(8.47, 1);
    expect(total('library/hello-world', 'latest')).toBe(10_072);
    expect(catalogueImage('library/nginx', 'latest')!.layers).toHaveLength(7);
  });

  it('resolves tags and aliases to the same image', () => {
    expect(catalogueImage('library/node', 'lts')).toBe(catalogueImage('library/node', '24'));
    expect(catalogueImage('library/node', 'nosuchtag')).toBeUndefined();
    expect(catalogueImage('library/nosuch', 'latest')).toBeUndefined();
    expect(catalogueImage('library/node', 'latest')!.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('ships the files that matter', () => {
    const node = fsOf('library/node', 'latest');
    expect(text(node, '/usr/local/bin/node')).toBe('#!slipway node\n');
    expect(node.stat('/usr/local/bin/npm')?.mode).toBe(0o755);
    expect(node.stat('/usr/local/bin/docker-entrypoint.sh')?.kind).toBe('file');
    expect(text(node, '/bin/sh')).toBe('#!slipway sh\n');
    expect(text(node, '/etc/passwd')).toContain('node:x:1000:1000');
    expect(node.stat('/usr/bin/git')).not.toBeNull();

    const nginx = fsOf('library/nginx', 'latest');
    expect(text(nginx, '/usr/share/nginx/html/index.html')).toContain('<h1>Welcome to nginx!</h1>');
    expect(nginx.readFile('/usr/share/nginx/html/index.html').length).toBe(615);
    expect(nginx.readdir('/docker-entrypoint.d')).toEqual(['10-listen-on-ipv6-by-default.sh', '15-local-resolvers.envsh', '20-envsubst-on-templates.sh', '30-tune-worker-processes.sh']);
    expect(nginx.stat('/usr/sbin/nginx')?.kind).toBe('file');
    expect(nginx.stat('/etc/nginx/conf.d/default.conf')?.kind).toBe('file');

    const python = fsOf('library/python', '3.12-slim');
    expect(text(python, '/usr/local/bin/python')).toBe('#!slipway python3\n');
    expect(text(python, '/usr/local/bin/pip')).toBe('#!slipway pip\n');

    const alpine = fsOf('library/alpine', 'latest');
    expect(alpine.lstat('/bin/ls')?.kind).toBe('symlink');
    expect(text(alpine, '/bin/sh')).toBe('#!slipway busybox\n');
    expect(text(alpine, '/etc/os-release')).toContain('VERSION_ID=3.24.2');

    const hello = fsOf('library/hello-world', 'latest');
    expect(hello.readdir('/')).toEqual(['hello']);
    expect(text(fsOf('library/ubuntu', 'latest'), '/etc/os-release')).toContain('VERSION_ID="26.04"');
    expect(fsOf('library/busybox', 'latest').stat('/bin/ls')?.kind).toBe('file');
  });
});
