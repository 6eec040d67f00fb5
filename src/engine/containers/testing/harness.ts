/**
 * A small engine for container tests: a fake image store over the real layer
 * store and overlay rootfs, the real runner and programs, a VirtualClock.
 */
import type { ImageConfigFile } from '../../api.js';
import type { EngineContext, ImageRecord, ImageStore, Layer, LayerEntry, WritableRootfs } from '../../context.js';
import { LayerStore } from '../../layers/LayerStore.js';
import { OverlayRootfs } from '../../layers/overlay/OverlayRootfs.js';
import { registerCorePrograms } from '../../programs/core.js';
import { SimpleProgramRegistry } from '../../programs/registry.js';
import { Runner } from '../../programs/runner.js';
import type { Program } from '../../programs/types.js';
import { SimpleEventBus } from '../../system/events.js';
import type { EngineEvent } from '../../api.js';
import { SeededIds, VirtualClock } from '../../../os/testing/virtualClock.js';
import { ContainerService } from '../ContainerService.js';

const enc = new TextEncoder();

export function file(text: string, mode = 0o644): LayerEntry {
  return { type: 'file', data: enc.encode(text), mode, uid: 0, gid: 0 };
}
export const exe = (name: string): LayerEntry => file(`#!slipway ${name}\n`, 0o755);
const dir: LayerEntry = { type: 'dir', mode: 0o755, uid: 0, gid: 0 };

class FakeImages implements ImageStore {
  readonly layers = new LayerStore();
  readonly images = new Map<string, ImageRecord>();
  private n = 0;

  constructor(private readonly now: () => number) {}

  record(id: string): ImageRecord | undefined {
    return this.images.get(id);
  }
  layersOf(imageId: string): readonly Layer[] | undefined {
    return this.images.get(imageId)?.layers;
  }
  find(ref: string): ImageRecord | undefined {
    const tagged = ref.includes(':') ? ref : `${ref}:latest`;
    return [...this.images.values()].find((i) => i.tags.includes(tagged) || i.id === ref || i.id.slice(7).startsWith(ref));
  }
  createLayer(entries: ReadonlyMap<string, LayerEntry>, declaredSize?: number): Layer {
    return this.layers.create(entries, declaredSize);
  }
  commit(config: ImageConfigFile, layers: readonly Layer[]): ImageRecord {
    const id = `sha256:${(++this.n).toString(16).padStart(64, 'a')}`;
    const record: ImageRecord = { id, config, layers, tags: [], digests: [], lastTagTime: 0 };
    this.images.set(id, record);
    return record;
  }
  setTag(imageId: string, ref: string): void {
    for (const image of this.images.values()) image.tags.splice(0, image.tags.length, ...image.tags.filter((t) => t !== ref));
    this.images.get(imageId)!.tags.push(ref);
  }
  rootfs(layers: readonly Layer[]): WritableRootfs {
    return new OverlayRootfs(this.layers.view(layers), this.now);
  }

  add(tag: string, files: Record<string, LayerEntry>, config: ImageConfigFile['config']): ImageRecord {
    const entries = new Map<string, LayerEntry>();
    for (const [path, entry] of Object.entries(files)) {
      const parts = path.split('/').filter(Boolean);
      for (let i = 1; i < parts.length; i++) entries.set(`/${parts.slice(0, i).join('/')}`, dir);
      entries.set(path, entry);
    }
    const layer = this.createLayer(entries, 1_000_000);
    const record = this.commit({ architecture: 'amd64', os: 'linux', created: '2026-01-01T00:00:00Z', config, history: [], rootfs: { type: 'layers', diff_ids: [layer.diffId] } }, [layer]);
    this.setTag(record.id, tag);
    return record;
  }
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function makeEngine(extraPrograms: Record<string, Program> = {}) {
  const clock = new VirtualClock();
  const ids = new SeededIds(42);
  const programs = new SimpleProgramRegistry();
  registerCorePrograms(programs);
  for (const [name, program] of Object.entries(extraPrograms)) programs.register(name, program);
  const events = new SimpleEventBus();
  const seen: EngineEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const images = new FakeImages(() => clock.now());
  const ctx = { clock, ids, events, programs } as Partial<EngineContext> as EngineContext;
  ctx.images = images;
  const containers = new ContainerService(ctx);
  ctx.containers = containers;
  ctx.runner = new Runner(ctx);

  const bin: Record<string, LayerEntry> = {};
  for (const name of ['sh', 'sleep', 'echo', 'cat', 'true', 'false', 'env', ...Object.keys(extraPrograms)]) bin[`/bin/${name}`] = exe(name);
  images.add('busybox:latest', { ...bin, '/bin/busybox': exe('busybox'), '/etc/hostname': file('x\n') }, { Env: [PATH], Cmd: ['sh'] });
  images.add(
    'nginx:latest',
    {
      ...bin,
      '/docker-entrypoint.sh': exe('nginx-docker-entrypoint.sh'),
      '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh': file('#!/bin/sh\n', 0o755),
      '/docker-entrypoint.d/15-local-resolvers.envsh': file('#!/bin/sh\n', 0o755),
      '/docker-entrypoint.d/20-envsubst-on-templates.sh': file('#!/bin/sh\n', 0o755),
      '/docker-entrypoint.d/30-tune-worker-processes.sh': file('#!/bin/sh\n', 0o755),
      '/etc/nginx/conf.d/default.conf': file('server {\n    listen       80;\n    listen  [::]:80;\n}\n'),
      '/usr/sbin/nginx': exe('nginx'),
      '/usr/share/nginx/html/index.html': file('<h1>Welcome to nginx!</h1>\n'),
    },
    {
      Env: [PATH, 'NGINX_VERSION=1.29.3'],
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      ExposedPorts: { '80/tcp': {} },
      StopSignal: 'SIGQUIT',
      Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    },
  );
  images.add('hello-world:latest', { '/hello': exe('hello') }, { Env: [PATH], Cmd: ['/hello'] });
  images.add('node:latest', { ...bin, '/usr/local/bin/node': exe('node'), '/usr/local/bin/docker-entrypoint.sh': exe('docker-entrypoint.sh') }, { Env: [PATH, 'NODE_VERSION=24.11.1'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] });
  return { clock, ids, ctx, images, containers, events: seen };
}

/** Lets the runner's microtasks and the virtual clock's macrotask hops run. */
export async function tick(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
