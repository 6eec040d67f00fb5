/**
 * PRODUCT.md §7: one command's round trip UI → worker → UI stays under 16 ms
 * (p95) with 1,000 containers and 1,000 images. The engine is populated by
 * restoring a saved state written into IndexedDB before the app boots; then
 * a few commands are typed into the terminal again and again (in turns, so
 * that the machine's load falls on all of them alike), each timed in the page
 * from the Enter keydown to two moments:
 *
 * - received: the page has the answer from the worker (the app's
 *   `command-received` mark, set as the update holding the next prompt
 *   arrives, before xterm parses it): the round trip UI → worker → UI;
 * - written: xterm has parsed the whole output and the next prompt (the
 *   app's `command-written` mark, set from xterm's write callback once the
 *   worker reports the prompt; the worker sends the output before that);
 * - rendered: the DOM mutation that shows the next prompt under the output's
 *   last row (xterm draws on the animation frame after parsing; the browser
 *   paints that same frame).
 */
import type { Browser, Page } from '@playwright/test';
import { populatedState, type SavedStateV1 } from './populate.js';
import { percentile } from './stats.js';

export interface Times {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export interface CommandTrips {
  readonly command: string;
  readonly runs: number;
  readonly received: Times;
  readonly written: Times;
  readonly rendered: Times;
}

export interface RoundTrips {
  readonly containers: number;
  readonly images: number;
  readonly commands: readonly CommandTrips[];
  /** The engine worker's used JS heap, or why it could not be read. */
  readonly workerHeap: string;
}

const N = Number(process.env.SLIPWAY_BENCH_OBJECTS ?? 1000);
const WARMUP = 5;
/** `docker images` sorts by name, as strings: the last of `app<i>:v1`. */
const LAST_IMAGE = Array.from({ length: N }, (_, i) => `app${i}:v1`)
  .sort()
  .at(-1);
/**
 * Each command with how its output ends, checked on the last three rows
 * above the next prompt (the terminal is narrow: long lines wrap), so that a
 * wrong answer cannot pass for a fast one.
 */
const COMMANDS: readonly { readonly line: string; readonly ending: string }[] = [
  // 1,001 rows: the oldest container, c0, is listed last.
  { line: 'docker ps -a', ending: '(^|\\s)c0$' },
  // Nothing runs: the header alone.
  { line: 'docker ps', ending: 'NAMES$' },
  { line: 'docker inspect c1', ending: '\\n\\]$' },
  // 1,001 rows, sorted by name: app9:v1 comes last.
  { line: 'docker images', ending: `(^|\\n)${LAST_IMAGE}\\s` },
];

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
 * Resolves, on the DOM mutation that completes the trip, with the ms from
 * Enter to the `command-received` and `command-written` marks and to that
 * mutation: done when the marks have fallen after Enter and the rows above
 * the last (a fresh prompt)
 * end as the output should. xterm's rows hold no-break spaces, which \\s
 * matches.
 */
const untilRendered = (ending: string): string => `new Promise((resolve, reject) => {
  const host = document.querySelector('[data-testid=terminal]:not([hidden]) .xterm-rows');
  const ending = new RegExp(${JSON.stringify(ending)});
  const rows = () => [...host.children].map((row) => (row.textContent || '').trimEnd()).filter((line) => line !== '');
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error('not done after 30 s; the last rows: ' + JSON.stringify(rows().slice(-3)) + ' (Enter at ' + window.__enterAt + ' ms, the last command-written mark at ' + (performance.getEntriesByName('command-written').pop()?.startTime ?? 'none') + ')'));
  }, 30000);
  const check = () => {
    const written = performance.getEntriesByName('command-written').pop();
    const received = performance.getEntriesByName('command-received').pop();
    if (!(window.__enterAt > 0) || !written || written.startTime < window.__enterAt || !received || received.startTime < window.__enterAt) return;
    const lines = rows();
    if (lines.length >= 2 && /\\$$/.test(lines[lines.length - 1]) && ending.test(lines.slice(-4, -1).join('\\n'))) {
      observer.disconnect();
      clearTimeout(timer);
      resolve({ received: received.startTime - window.__enterAt, written: written.startTime - window.__enterAt, rendered: performance.now() - window.__enterAt });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(host, { childList: true, subtree: true, characterData: true });
  // The page may have taken the Enter, and drawn a quick answer, before this script ran: no mutation would come.
  check();
})`;

/** Types the command, then presses Enter and resolves with the ms until its output is written and rendered. */
async function oneTrip(page: Page, command: (typeof COMMANDS)[number]): Promise<{ received: number; written: number; rendered: number }> {
  const rows = page.locator('[data-testid=terminal]:visible .xterm-rows');
  await page.keyboard.insertText(command.line);
  await rows.locator('div', { hasText: `$ ${command.line}` }).last().waitFor();
  await page.evaluate('window.__enterAt = 0');
  const done = page.evaluate<{ received: number; written: number; rendered: number }>(untilRendered(command.ending));
  // Should the key press fail, the pending evaluate must not surface as an unhandled rejection first.
  done.catch(() => undefined);
  await page.keyboard.press('Enter');
  return done;
}

function times(values: readonly number[]): Times {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
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
    const measured = COMMANDS.map(() => ({ received: [] as number[], written: [] as number[], rendered: [] as number[] }));
    for (let round = 0; round < WARMUP + runs; round++) {
      for (const [i, command] of COMMANDS.entries()) {
        const trip = await oneTrip(page, command);
        if (round < WARMUP) continue;
        measured[i].received.push(trip.received);
        measured[i].written.push(trip.written);
        measured[i].rendered.push(trip.rendered);
      }
    }
    return {
      containers: N,
      images: N,
      commands: COMMANDS.map((command, i) => ({ command: command.line, runs, received: times(measured[i].received), written: times(measured[i].written), rendered: times(measured[i].rendered) })),
      workerHeap: await workerHeap(browser),
    };
  } finally {
    await context.close();
  }
}
