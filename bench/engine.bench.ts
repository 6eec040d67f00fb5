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
import { nodeFigures } from './nodeFigures.js';

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

const WARMUP = 20;
const RUNS = 200;

interface Timing {
  readonly wallP50: number;
  readonly wallP95: number;
  /** CPU time of this process per run: less sensitive than wall time to other load on the machine. */
  readonly cpuP50: number;
  readonly cpuP95: number;
}

async function timed(run: () => Promise<unknown> | unknown): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallP50: percentile(wall, 50), wallP95: percentile(wall, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) };
}

interface Round {
  readonly heapMB: number;
  readonly ps: Timing;
  readonly psEngine: Timing;
  readonly images: Timing;
  readonly imagesEngine: Timing;
}

async function round(n: number): Promise<Round> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const { engine, fs, clock } = await populated(n);
  gc();
  const heapMB = (process.memoryUsage().heapUsed - before) / 1e6;
  const docker = (argv: string[]) => () => runDocker(argv, context(engine, fs, clock, []));
  return {
    heapMB,
    ps: await timed(docker(['ps', '-a'])),
    psEngine: await timed(() => engine.containers.list({ all: true })),
    images: await timed(docker(['images'])),
    imagesEngine: await timed(() => engine.images.list()),
  };
}

function verdict(value: number, budget: number): string {
  return value <= budget ? 'ok' : 'OVER';
}

function line(label: string, t: Timing, budget?: number): string {
  const figures = `wall p50 ${t.wallP50.toFixed(2)} / p95 ${t.wallP95.toFixed(2)} ms, cpu p50 ${t.cpuP50.toFixed(2)} / p95 ${t.cpuP95.toFixed(2)} ms`;
  if (budget === undefined) return `  ${label}: ${figures}`;
  return `  ${label}: ${figures} (budget p95 ${budget} ms: wall ${verdict(t.wallP95, budget)}, cpu ${verdict(t.cpuP95, budget)})`;
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
  const load = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`Slipway engine benchmark — node ${process.version}, ${new Date().toISOString()}, load average ${load}`);
  console.log(`(${WARMUP} warm-up runs, then percentiles over ${RUNS} runs)`);
  const rebuild = await cachedRebuild();
  console.log(
    `cached rebuild of the seed Dockerfile: median ${rebuild.median.toFixed(2)} ms (budget 20 ms: ${verdict(rebuild.median, 20)}); first build ${rebuild.first.toFixed(1)} ms of engine time (simulated waits excluded)`,
  );
  const rounds = new Map<number, Round>();
  for (const n of [100, 1000]) {
    const r = await round(n);
    rounds.set(n, r);
    console.log(`N=${n} containers and ${n} images:`);
    console.log(line('docker ps -a (CLI + engine)', r.ps, 16));
    console.log(line('containers.list({all:true}) (engine only)', r.psEngine));
    console.log(line('docker images (CLI + engine)', r.images, 16));
    console.log(line('images.list() (engine only)', r.imagesEngine));
    const heapBudget = n === 1000 ? ` (budget 50 MB: ${verdict(r.heapMB, 50)})` : '';
    console.log(`  heap +${r.heapMB.toFixed(1)} MB${heapBudget}`);
  }
  const small = rounds.get(100)!;
  const large = rounds.get(1000)!;
  // Linear growth means about 10x from 100 to 1,000 objects; well above that means a quadratic path.
  const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(1) : 'n/a');
  console.log(
    `growth 100 -> 1,000 (linear is ~10x): ps -a cpu p50 x${ratio(large.ps.cpuP50, small.ps.cpuP50)}, images cpu p50 x${ratio(large.images.cpuP50, small.images.cpuP50)}, images.list() x${ratio(large.imagesEngine.cpuP50, small.imagesEngine.cpuP50)}, heap x${ratio(large.heapMB, small.heapMB)}`,
  );
  for (const figure of await nodeFigures()) console.log(figure);
}

await main();
