/**
 * A small engine for builder tests: a real layer store, overlay rootfs and
 * program runner, with a stand-in image store (the images domain is written
 * in parallel) holding a `node:latest`-like base image.
 */
import type { ImageConfigFile } from '../../api.js';
import type { EngineContext, ImageRecord, ImageStore, Layer, LayerEntry, ProgramRegistry, WritableRootfs } from '../../context.js';
import { sha256Digest } from '../../layers/digest.js';
import { LayerStore } from '../../layers/LayerStore.js';
import { OverlayRootfs } from '../../layers/overlay/OverlayRootfs.js';
import { registerCorePrograms } from '../../programs/core.js';
import { registerPackagePrograms } from '../../programs/packages/index.js';
import { SimpleProgramRegistry } from '../../programs/registry.js';
import { Runner } from '../../programs/runner.js';
import { SimpleEventBus } from '../../system/events.js';
import { MemFs } from '../../../os/memfs.js';
import { SeededIds, VirtualClock } from '../../../os/testing/virtualClock.js';
import { BuilderService } from '../BuilderService.js';
import type { BuildEvent, BuildOptions } from '../../api.js';

const enc = new TextEncoder();

export class FakeImages implements ImageStore {
  readonly store = new LayerStore();
  readonly images = new Map<string, ImageRecord>();
  readonly tags = new Map<string, string>();
  pulls: string[] = [];

  record(id: string): ImageRecord | undefined {
    return this.images.get(id);
  }

  layersOf(imageId: string): readonly Layer[] | undefined {
    return this.images.get(imageId)?.layers;
  }

  find(ref: string): ImageRecord | undefined {
    const withTag = ref.slice(ref.lastIndexOf('/') + 1).includes(':') ? ref : `${ref}:latest`;
    const id = this.tags.get(withTag) ?? [...this.images.keys()].find((k) => k === ref || k.slice(7).startsWith(ref));
    return id ? this.images.get(id) : undefined;
  }

  createLayer(entries: ReadonlyMap<string, LayerEntry>, declaredSize?: number): Layer {
    return this.store.create(entries, declaredSize);
  }

  commit(config: ImageConfigFile, layers: readonly Layer[]): ImageRecord {
    const id = sha256Digest(JSON.stringify(config));
    const existing = this.images.get(id);
    if (existing) return existing;
    const record: ImageRecord = { id, config, layers, tags: [], digests: [], lastTagTime: 0 };
    this.images.set(id, record);
    return record;
  }

  setTag(imageId: string, ref: string): void {
    this.tags.set(ref, imageId);
  }

  rootfs(layers: readonly Layer[]): WritableRootfs {
    return new OverlayRootfs(this.store.view(layers), () => 0);
  }

  remove(ref: string): void {
    const rec = this.find(ref);
    if (!rec) return;
    this.images.delete(rec.id);
    for (const [t, id] of this.tags) if (id === rec.id) this.tags.delete(t);
  }
}

function file(text: string, mode = 0o644, uid = 0): LayerEntry {
  return { type: 'file', data: enc.encode(text), mode, uid, gid: uid };
}
function dir(mode = 0o755): LayerEntry {
  return { type: 'dir', mode, uid: 0, gid: 0 };
}

export function addNodeBase(images: FakeImages, created = Date.UTC(2026, 0, 1)): ImageRecord {
  const entries = new Map<string, LayerEntry>([
    ['/bin', dir()],
    ['/bin/sh', file('#!slipway sh\n', 0o755)],
    ['/bin/sleep', file('#!slipway sleep\n', 0o755)],
    ['/usr', dir()],
    ['/usr/local', dir()],
    ['/usr/local/bin', dir()],
    ['/usr/local/bin/node', file('#!slipway node\n', 0o755)],
    ['/usr/local/bin/npm', file('#!slipway npm\n', 0o755)],
    ['/usr/bin', dir()],
    ['/usr/bin/apt-get', file('#!slipway apt-get\n', 0o755)],
    ['/usr/bin/pip', file('#!slipway pip\n', 0o755)],
    ['/etc', dir()],
    ['/etc/passwd', file('root:x:0:0:root:/root:/bin/bash\nnode:x:1000:1000::/home/node:/bin/bash\n')],
    ['/etc/group', file('root:x:0:\nnode:x:1000:\n')],
    ['/etc/os-release', file('ID=debian\nVERSION_CODENAME=trixie\nVERSION_ID="13"\n')],
    ['/tmp', dir(0o1777)],
    ['/root', dir(0o700)],
  ]);
  const layer = images.createLayer(entries, 1_100_000_000);
  const time = new Date(created).toISOString();
  const config: ImageConfigFile = {
    architecture: 'amd64',
    os: 'linux',
    created: time,
    config: {
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NODE_VERSION=26.7.0'],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['node'],
    },
    history: [
      { created: time, created_by: 'RUN # debian.sh', comment: 'debuerreotype 0.15' },
      { created: time, created_by: 'CMD ["node"]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
    ],
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
  };
  const rec = images.commit(config, [layer]);
  (rec.digests as string[]).push('node@sha256:' + 'ab'.repeat(32));
  images.setTag(rec.id, 'node:latest');
  return rec;
}

export interface Harness {
  readonly clock: VirtualClock;
  readonly images: FakeImages;
  readonly builder: BuilderService;
  readonly fs: MemFs;
  build(options?: Partial<BuildOptions>): Promise<{ events: BuildEvent[]; imageId: string }>;
}

export const SEED_DOCKERFILE = 'FROM node\nWORKDIR /app\nCOPY . /app\nRUN npm install\nEXPOSE 80\nCMD ["node","server.js"]\n';

/** `addPrograms` registers more programs (e.g. the real Node runtime) over the built-in ones. */
export function harness(files: Record<string, string> = {}, addPrograms?: (registry: ProgramRegistry) => void): Harness {
  const clock = new VirtualClock();
  const programs = new SimpleProgramRegistry();
  registerCorePrograms(programs);
  registerPackagePrograms(programs);
  addPrograms?.(programs);
  const images = new FakeImages();
  const ctx = { clock, ids: new SeededIds(7), events: new SimpleEventBus(), programs } as Partial<EngineContext> as EngineContext;
  ctx.images = images;
  ctx.containers = { usersOf: () => [], userCount: () => 0 };
  ctx.runner = new Runner(ctx);
  addNodeBase(images);
  const fs = new MemFs({ now: () => clock.now() });
  fs.mkdir('/workspace', { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    const abs = `/workspace/${path}`;
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { recursive: true });
    fs.writeFile(abs, text);
  }
  const builder = new BuilderService(ctx);
  return {
    clock,
    images,
    builder,
    fs,
    async build(options = {}) {
      const events: BuildEvent[] = [];
      const record = await builder.build({ context: fs, contextDir: '/workspace', dockerfile: '/workspace/Dockerfile', tags: ['app'], ...options }, (e) => events.push(e));
      return { events, imageId: record.imageId! };
    },
  };
}

export const SEED_FILES: Record<string, string> = {
  Dockerfile: SEED_DOCKERFILE,
  'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { express: '^4.18.2' } }, null, 2),
  'server.js': "const express = require('express');\nconst app = express();\napp.listen(80);\n",
  'public/index.html': '<h1>Hello</h1>\n',
};
