/**
 * PRODUCT.md §7: one command's round trip UI → worker → UI stays under 16 ms
 * (p95) with 1,000 containers and 1,000 images. The engine is populated by
 * restoring a saved state written into IndexedDB before the app boots; then
 * `docker ps -a` is typed into the terminal again and again, each time timed
 * in the page from the Enter keydown to the moment the output's last row and
 * the next prompt are in the terminal's DOM.
 */
import type { Browser, Page } from '@playwright/test';
import { populatedState, type SavedStateV1 } from './populate.js';
import { percentile } from './stats.js';

export interface RoundTrips {
  readonly containers: number;
  readonly images: number;
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** The engine worker's used JS heap, or why it could not be read. */
  readonly workerHeap: string;
}

const N = Number(process.env.SLIPWAY_BENCH_OBJECTS ?? 1000);
const WARMUP = 10;
const COMMAND = 'docker ps -a';

async function seed(page: Page, base: string, state: SavedStateV1): Promise<void> {
  // Any same-origin page that is not the app: the app must not boot (and save) before the state is in place.
  await page.goto(`${base}sw.js`);
  await page.evaluate(
    (saved) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('slipway');
        open.onupgradeneeded = () => open.result.createObjectStore('state');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('state', 'readwrite');
          tx.objectStore('state').put(saved, 'state-v1');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('put failed'));
        };
      }),
    state,
  );
}

/**
 * Page-side code as strings: tsx compiles this file with keepNames, whose
 * helper the page does not have. `__enterAt` is set by a capturing keydown
 * listener (installed once) the moment Enter is pressed.
 */
const LISTEN_FOR_ENTER = `document.addEventListener('keydown', (event) => { if (event.key === 'Enter') window.__enterAt = performance.now(); }, { capture: true }); true`;
/**
 * Resolves, on the DOM mutation that completes it, with the ms since Enter:
 * done when the oldest container's row (c0, listed last; a narrow terminal
 * wraps the name onto a row of its own) sits right above a fresh prompt.
 * xterm's rows hold no-break spaces, which \\s matches.
 */
const UNTIL_RENDERED = `new Promise((resolve) => {
  const host = document.querySelector('[data-testid=terminal]:not([hidden]) .xterm-rows');
  const observer = new MutationObserver(() => {
    const lines = [...host.children].map((row) => (row.textContent || '').trimEnd()).filter((line) => line !== '');
    const last = lines[lines.length - 1] || '';
    if (window.__enterAt > 0 && lines.length >= 2 && /\\$$/.test(last) && /(^|\\s)c0$/.test(lines[lines.length - 2])) {
      observer.disconnect();
      resolve(performance.now() - window.__enterAt);
    }
  });
  observer.observe(host, { childList: true, subtree: true, characterData: true });
})`;

/** Types the command, then presses Enter and resolves with the ms until the output and the next prompt are rendered. */
async function oneTrip(page: Page): Promise<number> {
  const rows = page.locator('[data-testid=terminal]:visible .xterm-rows');
  await page.keyboard.insertText(COMMAND);
  await rows.locator('div', { hasText: `$ ${COMMAND}` }).last().waitFor();
  await page.evaluate('window.__enterAt = 0');
  const rendered = page.evaluate<number>(UNTIL_RENDERED);
  // Should the key press fail, the pending evaluate must not surface as an unhandled rejection first.
  rendered.catch(() => undefined);
  await page.keyboard.press('Enter');
  return rendered;
}

/**
 * The engine worker's JS heap through the DevTools protocol: workers have no
 * `performance.memory`, so a browser-level session attaches to the worker's
 * target and asks `Runtime.getHeapUsage` (in the protocol's non-flat mode,
 * the one a Playwright CDP session can drive).
 */
async function workerHeap(browser: Browser): Promise<string> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    // The last one: the client replaces a worker that stopped answering its heartbeat.
    const target = targetInfos.filter((t) => t.type === 'worker' && t.url.includes('engine.worker')).pop();
    if (!target) return 'not read (no engine worker target)';
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const reply = new Promise<{ usedSize: number; totalSize: number }>((resolve, reject) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number; totalSize: number }; error?: { message: string } };
        if (message.id !== 1) return;
        if (message.result) resolve(message.result);
        else reject(new Error(message.error?.message ?? 'no result'));
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    const heap = await Promise.race([reply, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer in 5 s')), 5000))]);
    return `${(heap.usedSize / 1024 / 1024).toFixed(1)} MB used of ${(heap.totalSize / 1024 / 1024).toFixed(1)} MB (Runtime.getHeapUsage)`;
  } catch (error) {
    return `not read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export async function roundTrips(browser: Browser, base: string, runs: number): Promise<RoundTrips> {
  const started = performance.now();
  const state = await populatedState(N);
  console.log(`  (engine populated in Node in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await seed(page, base, state);
    await page.goto(base);
    const terminal = page.locator('[data-testid=terminal]:visible');
    await terminal.locator('.xterm-rows', { hasText: 'student@slipway' }).waitFor({ timeout: 60_000 });
    console.log('  (the app restored the populated engine)');
    await terminal.click();
    await page.evaluate(LISTEN_FOR_ENTER);
    const times: number[] = [];
    for (let i = 0; i < WARMUP + runs; i++) {
      const ms = await oneTrip(page);
      if (i >= WARMUP) times.push(ms);
    }
    return { containers: N, images: N, runs, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), workerHeap: await workerHeap(browser) };
  } finally {
    await context.close();
  }
}
