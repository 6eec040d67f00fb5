/**
 * `npm run bench:web`: cold loads of the production build in headless Debian
 * Chromium. Prints the median time from navigation to the first answered
 * `docker ps`, and the gzipped bytes of JS (page and workers) loaded before it.
 * Usage: tsx e2e/bench/web.bench.ts [runs=10]
 */
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Response } from '@playwright/test';

const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}/`;
const runs = Number(process.argv[2] ?? 10);

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('vite preview did not start');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  try {
    await waitForServer();
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-quic'] });
    const times: number[] = [];
    const bytes: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A fresh context is a cold profile: empty HTTP cache, no service worker, no IndexedDB.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      let measuring = true;
      const onResponse = (response: Response): void => {
        const type = response.request().resourceType();
        if (!measuring || !(type === 'script' || response.url().endsWith('.js'))) return;
        if (process.env.BENCH_VERBOSE) console.log('  ', response.url());
        scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length, () => 0));
      };
      // Context-level responses include the workers' fetches as well as the page's.
      context.on('response', onResponse);
      await page.goto(BASE);
      const terminal = page.locator('[data-testid=terminal]:visible');
      await terminal.locator('.xterm-rows', { hasText: 'student@slipway' }).waitFor();
      const prompt = await page.evaluate(() => performance.now());
      await terminal.click();
      await page.keyboard.type('docker ps');
      await page.keyboard.press('Enter');
      const ms = await page.waitForFunction(
        () => (document.querySelector('[data-testid=terminal]:not([hidden]) .xterm-rows')?.textContent ?? '').includes('CONTAINER ID') && performance.now(),
        undefined,
        { polling: 'raf' },
      );
      const answered = Number(await ms.jsonValue());
      measuring = false;
      const gz = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      times.push(answered);
      bytes.push(gz);
      console.log(`run ${run + 1}: prompt at ${prompt.toFixed(0)} ms, first docker ps answered at ${answered.toFixed(0)} ms, JS before it ${(gz / 1024).toFixed(1)} KiB gzip`);
      await context.close();
    }
    await browser.close();
    console.log(`median over ${runs} cold loads: ${median(times).toFixed(0)} ms to the first answered docker ps; ${(median(bytes) / 1024).toFixed(1)} KiB gzipped JS before it`);
  } finally {
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
