/**
 * Node runtime figures for `npm run bench` (printed, never asserted), on the
 * real clock so time slices are the 20 ms the browser gets:
 *   - `docker run` of a node image to its first output line, once the
 *     runtime's package is loaded (budget about 300 ms, acceptance 5);
 *   - `docker ps` latency while another container runs `while (true) {}`.
 */
import { performance } from 'node:perf_hooks';
import { runDocker } from '../src/cli/index.js';
import { Engine } from '../src/engine/index.js';
import { MemFs } from '../src/os/memfs.js';
import type { CommandContext } from '../src/os/process.js';
import { SeededIds } from '../src/os/testing/virtualClock.js';
import { RealClock } from '../src/worker/host/realClock.js';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function context(engine: Engine, clock: RealClock, out: (text: string) => void): CommandContext & { engine: Engine } {
  const fs = new MemFs();
  fs.mkdir('/home/student', { recursive: true });
  return {
    engine, fs, clock, cwd: '/home/student', env: new Map([['HOME', '/home/student']]),
    stdin: { read: async () => null }, stdout: { write: out }, stderr: { write: out }, signals: { on: () => () => undefined },
  };
}

/** Wall time from `docker run` until the container's first output line. */
async function firstLine(engine: Engine, clock: RealClock): Promise<number> {
  let printed: () => void = () => undefined;
  const seen = new Promise<void>((resolve) => (printed = resolve));
  const start = performance.now();
  const run = runDocker(['run', '--rm', 'node', 'node', '-e', 'console.log("hello")'], context(engine, clock, (text) => text.includes('hello') && printed()));
  await seen;
  const elapsed = performance.now() - start;
  await run;
  return elapsed;
}

export async function nodeFigures(): Promise<string[]> {
  const clock = new RealClock();
  const engine = new Engine({ clock, ids: new SeededIds(5) });
  await runDocker(['pull', 'node'], context(engine, clock, () => undefined));
  await firstLine(engine, clock); // loads the runtime's package (not part of the budget)
  const starts: number[] = [];
  for (let i = 0; i < 10; i++) starts.push(await firstLine(engine, clock));
  await runDocker(['run', '-d', '--name', 'spin', 'node', 'node', '-e', 'while (true) {}'], context(engine, clock, () => undefined));
  await clock.sleep(200);
  const ps: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    await runDocker(['ps'], context(engine, clock, () => undefined));
    ps.push(performance.now() - start);
  }
  const running = engine.containers.list().some((c) => c.name === 'spin');
  engine.containers.kill('spin');
  const killedAt = performance.now();
  const code = await engine.containers.wait('spin');
  const kill = performance.now() - killedAt;
  const p50 = percentile(starts, 50);
  return [
    `node: docker run to first output line (runtime loaded): p50 ${p50.toFixed(0)} / max ${Math.max(...starts).toFixed(0)} ms (budget ~300 ms: ${p50 <= 300 ? 'ok' : 'OVER'})`,
    `node: docker ps while a while(true){} container runs: p50 ${percentile(ps, 50).toFixed(1)} / p95 ${percentile(ps, 95).toFixed(1)} ms (loop still Up: ${running}); docker kill -> exit ${code} in ${kill.toFixed(1)} ms`,
  ];
}
