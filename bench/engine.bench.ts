/**
 * Engine budgets from PRODUCT.md §7, printed as figures (never asserted: timing
 * assertions flake on a shared 2-core machine). Run with `npm run bench`.
 *
 *   - `docker ps -a` with N containers and N images, p50/p95 over repeated runs;
 *   - a fully cached rebuild of the seed Dockerfile (engine time);
 *   - heap used by the engine with N containers and N images;
 *   - how each grows from 100 to 1,000 objects.
 */
import { performance } from 'node:perf_hooks';
import { runDocker } from '../src/cli/index.js';
import { Engine } from '../src/engine/index.js';
import { MemFs } from '../src/os/memfs.js';
import { VirtualClock, SeededIds } from '../src/os/testing/virtualClock.js';
import type { CommandContext } from '../src/os/process.js';

const SEED_DOCKERFILE = 'FROM node\n\nWORKDIR /app\n\nCOPY . /app\n\nRUN npm install\n\nEXPOSE 80\n\nCMD ["node", "server.js"]\n';
const SERVER_JS = "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('<h1>Goals</h1>'));\napp.listen(80);\n";
const PACKAGE_JSON = '{\n  "name": "goals",\n  "version": "1.0.0",\n  "dependencies": {\n    "express": "^4.18.2",\n    "body-parser": "^1.20.2"\n  }\n}\n';

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function context(engine: Engine, fs: MemFs, clock: VirtualClock, sink: string[]): CommandContext & { engine: Engine } {
  const out = { write: (text: string) => void sink.push(text) };
  return {
    engine,
    fs,
    clock,
    cwd: '/home/student/app',
    env: new Map([['HOME', '/home/student']]),
    stdin: { read: async () => null },
    stdout: out,
    stderr: out,
    signals: { on: () => () => undefined },
  };
}

function workspace(clock: VirtualClock): MemFs {
  const fs = new MemFs({ now: () => clock.now() });
  fs.mkdir('/home/student/app/public', { recursive: true });
  fs.writeFile('/home/student/app/Dockerfile', SEED_DOCKERFILE);
  fs.writeFile('/home/student/app/server.js', SERVER_JS);
  fs.writeFile('/home/student/app/package.json', PACKAGE_JSON);
  fs.writeFile('/home/student/app/public/index.html', '<h1>Goals</h1>\n');
  return fs;
}

async function populated(n: number): Promise<{ engine: Engine; fs: MemFs; clock: VirtualClock }> {
  const clock = new VirtualClock();
  const engine = new Engine({ clock, ids: new SeededIds(n) });
  const fs = workspace(clock);
  const sink: string[] = [];
  const ctx = context(engine, fs, clock, sink);
  await runDocker(['pull', 'alpine'], ctx);
  for (let i = 0; i < n; i++) {
    fs.writeFile(`/home/student/app/Dockerfile.${i}`, `FROM alpine\nLABEL n=${i}\nCMD ["echo", "${i}"]\n`);
    await runDocker(['build', '-q', '-t', `app${i}:v1`, '-f', `Dockerfile.${i}`, '.'], ctx);
    await runDocker(['create', '--name', `c${i}`, `app${i}:v1`], ctx);
  }
  return { engine, fs, clock };
}

async function psRound(n: number): Promise<{ p50: number; p95: number; heapMB: number }> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const { engine, fs, clock } = await populated(n);
  gc();
  const heapMB = (process.memoryUsage().heapUsed - before) / 1e6;
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const sink: string[] = [];
    const start = performance.now();
    await runDocker(['ps', '-a'], context(engine, fs, clock, sink));
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), heapMB };
}

async function cachedRebuild(): Promise<{ first: number; median: number }> {
  const clock = new VirtualClock();
  const engine = new Engine({ clock, ids: new SeededIds(7) });
  const fs = workspace(clock);
  const sink: string[] = [];
  const ctx = context(engine, fs, clock, sink);
  await runDocker(['pull', 'node'], ctx);
  const options = { context: fs, contextDir: '/home/student/app', dockerfile: '/home/student/app/Dockerfile', tags: ['goals:latest'] };
  let t = performance.now();
  await engine.builder.build(options, () => undefined);
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    t = performance.now();
    const record = await engine.builder.build(options, () => undefined);
    times.push(performance.now() - t);
    if (record.steps.some((s) => !s.cached)) throw new Error('rebuild was not fully cached');
  }
  return { first, median: percentile(times, 50) };
}

async function main(): Promise<void> {
  console.log(`Slipway engine benchmark — node ${process.version}, ${new Date().toISOString()}`);
  const rebuild = await cachedRebuild();
  console.log(`cached rebuild of the seed Dockerfile: median ${rebuild.median.toFixed(2)} ms (budget 20 ms); first build ${rebuild.first.toFixed(1)} ms of engine time (simulated waits excluded)`);
  for (const n of [100, 1000]) {
    const r = await psRound(n);
    console.log(`N=${n}: docker ps -a p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (budget 16 ms); heap +${r.heapMB.toFixed(1)} MB (budget 50 MB at N=1000)`);
  }
}

await main();
