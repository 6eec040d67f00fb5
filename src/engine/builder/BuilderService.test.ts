import { describe, expect, it } from 'vitest';
import { BuildFailure } from './BuildFailure.js';
import { addNodeBase, harness, SEED_FILES } from './testing/fixture.js';

function vertexNames(events: readonly { type: string }[]): string[] {
  const out: string[] = [];
  for (const e of events as { type: string; vertex?: { id: string; name: string; cached?: boolean; completed?: number } }[]) {
    if (e.type === 'vertex' && e.vertex && e.vertex.completed !== undefined) out.push(`${e.vertex.cached ? 'CACHED ' : ''}${e.vertex.name}`);
  }
  return out;
}

describe('BuilderService: the seed Dockerfile', () => {
  it('builds with BuildKit vertex order, history and config', async () => {
    const h = harness(SEED_FILES);
    const { events, imageId } = await h.build();
    expect(vertexNames(events)).toEqual([
      '[internal] load build definition from Dockerfile',
      '[internal] load metadata for docker.io/library/node:latest',
      '[internal] load .dockerignore',
      `[1/4] FROM docker.io/library/node:latest@sha256:${'ab'.repeat(32)}`,
      '[internal] load build context',
      '[2/4] WORKDIR /app',
      '[3/4] COPY . /app',
      '[4/4] RUN npm install',
      'exporting to image',
    ]);
    const image = h.images.record(imageId)!;
    expect(image.config.config.WorkingDir).toBe('/app');
    expect(image.config.config.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(image.config.config.Cmd).toEqual(['node', 'server.js']);
    expect(image.config.config.Entrypoint).toEqual(['docker-entrypoint.sh']);
    const added = image.config.history.slice(2).map((e) => [e.created_by, e.empty_layer ?? false, e.comment]);
    expect(added).toEqual([
      ['WORKDIR /app', false, 'buildkit.dockerfile.v0'],
      ['COPY . /app # buildkit', false, 'buildkit.dockerfile.v0'],
      ['RUN /bin/sh -c npm install # buildkit', false, 'buildkit.dockerfile.v0'],
      ['EXPOSE map[80/tcp:{}]', true, 'buildkit.dockerfile.v0'],
      ['CMD ["node" "server.js"]', true, 'buildkit.dockerfile.v0'],
    ]);
    expect(image.layers).toHaveLength(4);
    const fs = h.images.rootfs(image.layers);
    expect(new TextDecoder().decode(fs.readFile('/app/server.js'))).toContain('express');
    expect(fs.stat('/app/node_modules/express/package.json')?.kind).toBe('file');
    expect(fs.stat('/app/package-lock.json')?.kind).toBe('file');
    const logs = events.filter((e) => e.type === 'log').map((e) => (e.type === 'log' ? e.text : '')).join('');
    expect(logs).toMatch(/added \d+ packages, and audited \d+ packages in \d+s/);
    expect(h.images.tags.get('app:latest')).toBe(imageId);
  });

  it('a second build is all CACHED and gives the identical image ID', async () => {
    const h = harness(SEED_FILES);
    const first = await h.build();
    h.clock.advance(60_000);
    const second = await h.build();
    expect(second.imageId).toBe(first.imageId);
    const names = vertexNames(second.events);
    expect(names).toContain('CACHED [2/4] WORKDIR /app');
    expect(names).toContain('CACHED [3/4] COPY . /app');
    expect(names).toContain('CACHED [4/4] RUN npm install');
    expect(h.builder.lastBuild()!.steps.every((s) => s.cached)).toBe(true);
  });

  it('editing a copied file misses COPY (files-changed) and the RUN after it (parent-missed)', async () => {
    const h = harness(SEED_FILES);
    await h.build();
    h.fs.writeFile('/workspace/server.js', 'console.log("changed");\n');
    await h.build();
    const steps = h.builder.lastBuild()!.steps;
    expect(steps.map((s) => [s.instruction, s.cached])).toEqual([
      ['WORKDIR /app', true],
      ['COPY . /app', false],
      ['RUN npm install', false],
    ]);
    expect(steps[1].reason).toEqual({ kind: 'files-changed', files: ['server.js'] });
    expect(steps[2].reason).toEqual({ kind: 'parent-missed', step: 3 });
  });

  it('editing an ignored file keeps everything cached', async () => {
    const h = harness({ ...SEED_FILES, '.dockerignore': 'notes.txt\n', 'notes.txt': 'a' });
    const first = await h.build();
    h.fs.writeFile('/workspace/notes.txt', 'b');
    const second = await h.build();
    expect(second.imageId).toBe(first.imageId);
    expect(h.builder.lastBuild()!.steps.every((s) => s.cached)).toBe(true);
  });

  it('reordered Dockerfile keeps npm install cached after editing server.js', async () => {
    const dockerfile = 'FROM node\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD ["node","server.js"]\n';
    const h = harness({ ...SEED_FILES, Dockerfile: dockerfile });
    await h.build();
    h.fs.writeFile('/workspace/server.js', 'console.log(2);\n');
    await h.build();
    expect(h.builder.lastBuild()!.steps.map((s) => [s.instruction, s.cached])).toEqual([
      ['WORKDIR /app', true],
      ['COPY package*.json ./', true],
      ['RUN npm install', true],
      ['COPY . .', false],
    ]);
  });

  it('ENV before COPY leaves COPY cached and misses the RUN with env-changed', async () => {
    // The Dockerfile itself is ignored, or editing it would change what `COPY .` copies.
    const h = harness({ ...SEED_FILES, '.dockerignore': 'Dockerfile\n', Dockerfile: 'FROM node\nWORKDIR /app\nENV A=1\nCOPY . /app\nRUN npm install\n' });
    await h.build();
    h.fs.writeFile('/workspace/Dockerfile', 'FROM node\nWORKDIR /app\nENV A=2\nCOPY . /app\nRUN npm install\n');
    await h.build();
    const steps = h.builder.lastBuild()!.steps;
    expect(steps.map((s) => s.cached)).toEqual([true, true, false]);
    expect(steps[2].reason).toEqual({ kind: 'env-changed' });
  });

  it('--no-cache runs every step; the cache survives removing the image', async () => {
    const h = harness(SEED_FILES);
    const first = await h.build();
    await h.build({ noCache: true });
    expect(h.builder.lastBuild()!.steps.every((s) => !s.cached && s.reason?.kind === 'no-cache')).toBe(true);
    h.images.remove('app');
    const again = await h.build();
    expect(h.builder.lastBuild()!.steps.every((s) => s.cached)).toBe(true);
    expect(again.imageId).not.toBe('');
    expect(first.imageId).toMatch(/^sha256:/);
  });

  it('first build reports first-build; builder prune forgets the cache', async () => {
    const h = harness(SEED_FILES);
    await h.build();
    expect(h.builder.lastBuild()!.steps[0].reason).toEqual({ kind: 'first-build' });
    expect(h.builder.prune().spaceReclaimed).toBeGreaterThan(0);
    await h.build();
    expect(h.builder.lastBuild()!.steps.every((s) => !s.cached)).toBe(true);
  });
});

describe('BuilderService: more cache scenarios (build-semantics §2)', () => {
  it('touching a copied file keeps the cache; chmod +x misses it', async () => {
    const h = harness(SEED_FILES);
    await h.build();
    h.clock.advance(1000);
    h.fs.writeFile('/workspace/server.js', SEED_FILES['server.js']);
    await h.build();
    expect(h.builder.lastBuild()!.steps.every((s) => s.cached)).toBe(true);
    h.fs.chmod('/workspace/server.js', 0o755);
    await h.build();
    expect(h.builder.lastBuild()!.steps[1]).toMatchObject({ cached: false, reason: { kind: 'files-changed', files: ['server.js'] } });
  });

  it('changing only CMD keeps every step cached but gives a new image ID with the old created time', async () => {
    const h = harness({ ...SEED_FILES, '.dockerignore': 'Dockerfile\n' });
    const first = await h.build();
    h.clock.advance(3_600_000);
    h.fs.writeFile('/workspace/Dockerfile', SEED_FILES.Dockerfile.replace('server.js', 'other.js'));
    const second = await h.build();
    expect(h.builder.lastBuild()!.steps.every((s) => s.cached)).toBe(true);
    expect(second.imageId).not.toBe(first.imageId);
    expect(h.images.record(second.imageId)!.config.created).toBe(h.images.record(first.imageId)!.config.created);
  });

  it('a new base image under the same tag misses from the first step, blamed on FROM', async () => {
    const h = harness(SEED_FILES);
    await h.build();
    addNodeBase(h.images, Date.UTC(2026, 0, 9));
    await h.build();
    const steps = h.builder.lastBuild()!.steps;
    expect(steps.every((s) => !s.cached)).toBe(true);
    expect(steps[0].reason).toEqual({ kind: 'parent-missed', step: 1 });
    expect(steps[1].reason).toEqual({ kind: 'parent-missed', step: 2 });
  });

  it('adding a file to the context shows it as changed for COPY .', async () => {
    const h = harness(SEED_FILES);
    await h.build();
    h.fs.writeFile('/workspace/public/new.css', 'body{}');
    await h.build();
    expect(h.builder.lastBuild()!.steps[1].reason).toEqual({ kind: 'files-changed', files: ['public/new.css'] });
  });
});

describe('BuilderService: failures', () => {
  it('COPY of a missing file fails with BuildKit checksum wording', async () => {
    const h = harness({ Dockerfile: 'FROM node\nWORKDIR /app\nCOPY app.js .\n' });
    const err = await h.build().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildFailure);
    const f = err as BuildFailure;
    expect(f.vertex).toBe('[3/3] COPY app.js .');
    expect(f.solveMessage).toMatch(/^failed to compute cache key: failed to calculate checksum of ref [0-9a-z]{25}::[0-9a-z]{25}: "\/app\.js": not found$/);
    expect(f.source).toMatchObject({ file: 'Dockerfile', startLine: 3, endLine: 3 });
  });

  it('a failing RUN reports the process and exit code with its logs', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN echo building && exit 3\n' });
    const f = (await h.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f.solveMessage).toBe('process "/bin/sh -c echo building && exit 3" did not complete successfully: exit code: 3');
    expect(f.logs.join('\n')).toMatch(/^\d\.\d{3} building$/m);
  });

  it('an unknown instruction is a parse error with a suggestion', async () => {
    const h = harness({ Dockerfile: 'FROM node\nWORKDIR /app\nFORM x\n' });
    const f = (await h.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f.solveMessage).toBe('dockerfile parse error on line 3: unknown instruction: FORM (did you mean FROM?)');
    expect(f.source?.startLine).toBe(3);
  });

  it('npm install without package.json fails with ENOENT', async () => {
    const h = harness({ Dockerfile: 'FROM node\nWORKDIR /app\nRUN npm install\n' });
    const f = (await h.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f.solveMessage).toBe('process "/bin/sh -c npm install" did not complete successfully: exit code: 254');
    expect(f.logs.join('\n')).toContain('npm error code ENOENT');
  });
});
