/**
 * `npm run bench:web`: the browser budgets of PRODUCT.md §7, printed as
 * figures with an ok/OVER verdict (never asserted: timings flake on a shared
 * 2-core machine).
 *
 *   1. Cold loads of the production build in headless Debian Chromium: the
 *      median time from navigation to the first answered `docker ps`, the
 *      gzipped JS (page and workers) loaded before it, and a check that
 *      Monaco, its worker and the wasm runtimes were not among it.
 *   2. One command's round trip with 1,000 containers and 1,000 images:
 *      `docker ps -a`, `docker ps`, `docker inspect c1` and `docker images`
 *      typed into the terminal until the answer is received, written and
 *      rendered (e2e/bench/roundTrip.ts), p50/p95, and the engine worker's heap.
 *
 * Usage: tsx e2e/bench/web.bench.ts [cold-runs=10] [round-trips=100 per command]
 * SLIPWAY_DIST picks the build folder (default dist), SLIPWAY_BENCH_PORT the port (default 4174).
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { coldLoad, type ColdLoad } from './coldLoad.js';
import { roundTrips, type Times } from './roundTrip.js';
import { populatedState } from './populate.js';
import { waitForServer } from './server.js';
import { kib, median, verdict } from './stats.js';

const PORT = Number(process.env.SLIPWAY_BENCH_PORT ?? 4174);
const DIST = process.env.SLIPWAY_DIST ?? 'dist';
const BASE = `http://127.0.0.1:${PORT}/`;
const coldRuns = Number(process.argv[2] ?? 10);
const tripRuns = Number(process.argv[3] ?? 100);

/** PRODUCT.md §7 */
const BUDGET = { firstAnswerMs: 650, gzipBytes: 250_000, roundTripP95Ms: 16 };

function total(load: ColdLoad): number {
  return load.scripts.reduce((sum, script) => sum + script.gzip, 0);
}

function report(loads: readonly ColdLoad[]): void {
  const times = loads.map((l) => l.answered);
  const bytes = loads.map(total);
  const last = loads[loads.length - 1];
  console.log('scripts before the first answer (last run):');
  for (const script of [...last.scripts].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kib(script.gzip).padStart(10)}  ${script.path}`);
  const early = [...new Set(loads.flatMap((l) => l.lazyLoadedEarly))];
  console.log(`Monaco, its worker and the wasm runtimes before the first answer: ${early.length === 0 ? 'none (ok)' : `${early.join(', ')} (OVER)`}`);
  const firstAnswer = median(times);
  const gzip = median(bytes);
  console.log(`median over ${loads.length} cold loads: first docker ps answered at ${firstAnswer.toFixed(0)} ms (budget ${BUDGET.firstAnswerMs}: ${verdict(firstAnswer, BUDGET.firstAnswerMs)}); ` +
    `${kib(gzip)} = ${(gzip / 1000).toFixed(1)} kB gzipped JS before it (budget ${BUDGET.gzipBytes / 1000} kB: ${verdict(gzip, BUDGET.gzipBytes)})`);
}

async function main(): Promise<void> {
  // Vite's own script, not `npx vite`: killing npx would leave the server running.
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST], { stdio: 'ignore' });
  try {
    await waitForServer(BASE);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-quic', '--enable-precise-memory-info'] });
    // The same CPU work every time, in Node, so that runs taken hours apart can be compared: this shared machine's
    // speed moves by up to 2x within a session (docs/performance.md).
    await populatedState(100); // warm-up: the first run compiles the code
    const checkStart = performance.now();
    await populatedState(400);
    console.log(`machine check: building a 400/400 engine in Node took ${(performance.now() - checkStart).toFixed(0)} ms`);
    const loads: ColdLoad[] = [];
    for (let run = 0; run < coldRuns; run++) {
      const load = await coldLoad(browser, BASE);
      loads.push(load);
      const marks = Object.entries(load.marks).map(([name, at]) => `${name} ${at.toFixed(0)}`).join(', ');
      console.log(`run ${run + 1}: prompt at ${load.prompt.toFixed(0)} ms, Enter at ${load.enter.toFixed(0)} (the bench's reaction ${(load.enter - load.prompt).toFixed(0)} ms${load.clicked ? ', after clicking the terminal: it had no focus' : ''}), first docker ps answered at ${load.answered.toFixed(0)} ms, JS before it ${kib(total(load))} gzip (${marks})`);
    }
    if (loads.length > 0) report(loads);
    if (tripRuns > 0) {
      const trips = await roundTrips(browser, BASE, tripRuns);
      const ms = (t: Times): string => `p50 ${t.p50.toFixed(1)}, p95 ${t.p95.toFixed(1)}, max ${t.max.toFixed(1)} ms`;
      console.log(`round trips with ${trips.containers} containers and ${trips.images} images, from Enter to: the answer received from the worker (UI → worker → UI); the output written (xterm has parsed it); rendered. Budget p95 ${BUDGET.roundTripP95Ms} ms, judged on written:`);
      for (const trip of trips.commands) {
        console.log(`  ${trip.command.padEnd(18)} ${trip.runs} runs: received ${ms(trip.received)}; written ${ms(trip.written)} (${verdict(trip.written.p95, BUDGET.roundTripP95Ms)}); rendered ${ms(trip.rendered)}`);
      }
      console.log(`engine worker heap: ${trips.workerHeap}`);
    }
    await browser.close();
  } finally {
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
