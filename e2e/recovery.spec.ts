/**
 * The watchdog (src/worker/client.ts). The test hooks are Playwright's own:
 * it evaluates code inside the engine worker over the DevTools protocol (a
 * busy loop to hang it, an uncaught error and `self.close()` to kill it), so
 * nothing test-only ships in the app and no lesson content can reach them.
 */
import type { Page, Worker } from '@playwright/test';
import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

/** The watchdog's promise (issue 6): its worst case by design is 1.75 s, which leaves a quarter second for late timers. */
const NOTICED_WITHIN_MS = 2_000;

async function engineWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().filter((w) => w.url().includes('engine.worker')).length).toBeGreaterThan(0);
  const engines = page.workers().filter((w) => w.url().includes('engine.worker'));
  return engines[engines.length - 1];
}

/** Runs `cat` on a saved file until the restarted engine answers it: the terminal is usable again. */
async function expectUsable(page: Page, file: string, content: string): Promise<void> {
  await expect(terminalText(page)).toContainText(/\$[\s\u00a0]*$/);
  await typeCommand(page, 'clear');
  await typeCommand(page, `cat ${file}`);
  await expect(terminalText(page)).toContainText(new RegExp(`cat ${file}\\s*${content}`));
}

/** The page's clock, to compare with the watchdog's `engine-restart` marks. */
function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** How long after `since` (page clock) the watchdog restarted the engine. */
async function noticedAfter(page: Page, since: number): Promise<number> {
  const marks = await page.evaluate(() => performance.getEntriesByName('engine-restart').map((m) => m.startTime));
  return Math.max(...marks) - since;
}

async function saveFile(page: Page, file: string, content: string): Promise<void> {
  await typeCommand(page, `echo ${content} > ${file}`);
  await expect(page.locator('.file-tree').getByRole('button', { name: file })).toBeVisible();
  // Past the worker's debounced save.
  await page.waitForTimeout(1_000);
}

test('a hung engine and a crashed engine are each noticed within 2 s, restarted and restored', async ({ page, watch }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await waitForPrompt(page);

  // A slow command is not a hang: the engine yields while it runs, so the watchdog stays quiet.
  await typeCommand(page, 'sleep 3; echo slept | tr a-z A-Z');
  await expect(terminalText(page)).toContainText('SLEPT', { timeout: 10_000 });
  await expect(page.getByRole('status')).toHaveCount(0);

  await saveFile(page, 'saved.txt', 'before-hang');

  // A busy loop that never yields: only the heartbeat can notice.
  const hung = await engineWorker(page);
  const hangAt = await pageNow(page);
  void hung
    .evaluate(() => {
      for (;;) {
        // spin
      }
    })
    .catch(() => undefined);
  const banner = page.getByRole('status');
  await expect(banner).toContainText('The engine stopped answering and was restarted from the last saved state.', { timeout: 10_000 });
  const hangNoticed = await noticedAfter(page, hangAt);
  test.info().annotations.push({ type: 'hang noticed after (ms)', description: hangNoticed.toFixed(0) });
  console.log(`watchdog: hang noticed after ${hangNoticed.toFixed(0)} ms`);
  expect(hangNoticed, 'ms until the hang was noticed').toBeLessThan(NOTICED_WITHIN_MS);
  await expect(terminalText(page)).toContainText('[The engine stopped answering and was restarted from the last saved state.]');
  await expectUsable(page, 'saved.txt', 'before-hang');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('FROM node');
  await page.screenshot({ path: 'e2e/screenshots/recovered.png' });

  await saveFile(page, 'later.txt', 'before-crash');
  // A crash: an uncaught error, then the worker is gone (as when wasm aborts and the worker closes).
  const crashing = await engineWorker(page);
  expect(crashing).not.toBe(hung);
  const crashAt = await pageNow(page);
  await crashing.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated engine crash');
    }, 0);
    setTimeout(() => self.close(), 50);
  });
  await expect(banner).toContainText('The engine crashed and was restarted from the last saved state.', { timeout: 10_000 });
  const crashNoticed = await noticedAfter(page, crashAt);
  test.info().annotations.push({ type: 'crash noticed after (ms)', description: crashNoticed.toFixed(0) });
  console.log(`watchdog: crash noticed after ${crashNoticed.toFixed(0)} ms`);
  expect(crashNoticed, 'ms until the crash was noticed').toBeLessThan(NOTICED_WITHIN_MS);
  await expectUsable(page, 'later.txt', 'before-crash');
  await expectUsable(page, 'saved.txt', 'before-hang');
  await expect(banner).toHaveText(/^The engine crashed and was restarted from the last saved state\.\s*×?$/);

  // The simulated crash's own error reaches the page's console by design; anything else still fails the test.
  const expected = watch.errors.indexOf('pageerror: simulated engine crash');
  expect(expected).toBeGreaterThanOrEqual(0);
  watch.errors.splice(expected, 1);
});
