/**
 * One cold load: a fresh browser context (empty HTTP cache, no service
 * worker, no IndexedDB), navigation, `docker ps` typed at the first prompt.
 * Records when the prompt and the answer appeared, and every script the page
 * and its workers fetched before the answer, with its gzipped size.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from '@playwright/test';

export interface LoadedScript {
  readonly path: string;
  readonly gzip: number;
  /** When the request started (ms since the epoch, page and workers alike). */
  readonly startedAt: number;
}

export interface ColdLoad {
  /** ms after navigation start */
  readonly prompt: number;
  readonly answered: number;
  /** performance marks set by the app (app-start, terminal-ready, first-answer). */
  readonly marks: Readonly<Record<string, number>>;
  readonly scripts: readonly LoadedScript[];
  /** Files fetched before the answer that must stay lazy (Monaco, its worker, wasm runtimes). */
  readonly lazyLoadedEarly: readonly string[];
}

/** What the first command must not wait for (PRODUCT.md §7, issue 3 acceptance 4). */
const MUST_BE_LAZY = /EditorPane|editor\.worker|monaco|codicon|\.wasm$|emscripten|micropython|quickjs/i;

function isScript(response: Response): boolean {
  const type = response.request().resourceType();
  return type === 'script' || new URL(response.url()).pathname.endsWith('.js');
}

/** The engine worker's own marks, on the page's timeline (ms after navigation). */
async function workerMarks(page: Page, pageOrigin: number): Promise<Record<string, number>> {
  const worker = page.workers().find((w) => w.url().includes('engine.worker'));
  if (!worker) return {};
  const { origin, marks } = await worker.evaluate(() => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const) }));
  return Object.fromEntries(marks.map(([name, at]) => [name, origin + at - pageOrigin]));
}

export async function coldLoad(browser: Browser, base: string): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const pending: Promise<LoadedScript>[] = [];
    const lazyFetched: { path: string; startedAt: number }[] = [];
    let measuring = true;
    // Context-level responses include the workers' fetches as well as the page's.
    context.on('response', (response) => {
      if (!measuring) return;
      const path = new URL(response.url()).pathname;
      const startedAt = response.request().timing().startTime;
      if (MUST_BE_LAZY.test(path)) lazyFetched.push({ path, startedAt });
      if (!isScript(response)) return;
      pending.push(response.body().then((body) => ({ path, gzip: gzipSync(body, { level: 9 }).length, startedAt }), () => ({ path, gzip: 0, startedAt })));
    });
    await page.goto(base);
    const terminal = page.locator('[data-testid=terminal]:visible');
    await terminal.locator('.xterm-rows', { hasText: 'student@slipway' }).waitFor();
    const prompt = await page.evaluate(() => performance.now());
    await terminal.click();
    // One input event for the whole command, as a paste: Playwright's per-key round trips would be timed otherwise.
    await page.keyboard.insertText('docker ps');
    await page.keyboard.press('Enter');
    const answer = await page.waitForFunction(
      () => (document.querySelector('[data-testid=terminal]:not([hidden]) .xterm-rows')?.textContent ?? '').includes('CONTAINER ID') && performance.now(),
      undefined,
      { polling: 'raf' },
    );
    const answered = Number(await answer.jsonValue());
    measuring = false;
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    // The app sets `first-answer` when the worker reports the prompt back, and starts loading the rest (Monaco, panels)
    // at once; what was requested after that mark was not waited for, even if it arrived before the bench saw the answer.
    const origin = await page.evaluate(() => performance.timeOrigin);
    Object.assign(marks, await workerMarks(page, origin));
    const cutoff = origin + Math.min(answered, marks['first-answer'] ?? answered);
    const scripts = (await Promise.all(pending)).filter((script) => script.startedAt <= cutoff);
    const lazyLoadedEarly = lazyFetched.filter((f) => f.startedAt <= cutoff).map((f) => f.path);
    return { prompt, answered, marks, scripts, lazyLoadedEarly };
  } finally {
    await context.close();
  }
}
