/**
 * Storage faults: IndexedDB unavailable (as in some private windows) or full.
 *
 * The saving happens in the engine worker, which has its own IndexedDB and
 * its own globals: `page.addInitScript` never runs there. So the fault is
 * put into the worker's script itself: the test intercepts the requests for
 * the engine worker's entry and its boot chunk (which holds the worker's
 * body) and prepends the same fault as a statement, which runs before that
 * body opens the store (imports are evaluated first, but none of them
 * touches IndexedDB). The page gets it
 * through an init script. Service workers are blocked so the request always
 * reaches the route.
 */
import type { Page } from '@playwright/test';
import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

test.use({ serviceWorkers: 'block' });

/** `indexedDB.open` throws, as Firefox's private windows used to and some locked-down profiles do. */
const UNAVAILABLE = `Object.defineProperty(IDBFactory.prototype, 'open', { configurable: true, value() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`;
/** The database opens, but every write fails as a full quota does. */
const QUOTA = `Object.defineProperty(IDBObjectStore.prototype, 'put', { configurable: true, value() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); } });`;

async function breakStorage(page: Page, fault: string): Promise<void> {
  await page.addInitScript(fault);
  // The worker's entry only imports its boot chunk, where its body runs: imports evaluate first,
  // so the fault goes at the top of both (twice is harmless: the property is redefined).
  await page.route(/\/assets\/(engine\.worker|boot)-[\w-]+\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${fault}\n${await response.text()}` });
  });
}

async function runCommands(page: Page): Promise<void> {
  await typeCommand(page, 'echo kept in memory > memo.txt && docker run --name web -d nginx');
  await expect(terminalText(page)).toContainText(/[0-9a-f]{64}/, { timeout: 30_000 });
  await typeCommand(page, 'clear');
  await typeCommand(page, 'cat memo.txt; docker ps --format "{{.Names}} is {{.Status}}"');
  await expect(terminalText(page)).toContainText('kept in memory');
  await expect(terminalText(page)).toContainText(/web is Up/);
  await expect(page.locator('.file-tree').getByRole('button', { name: 'memo.txt' })).toBeVisible();
}

/** "Export progress" still produces the progress file, from memory. */
async function exportWorks(page: Page): Promise<void> {
  const exportButton = page.getByRole('button', { name: 'Export progress' });
  await expect(exportButton).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(download.suggestedFilename()).toBe('slipway-progress.json');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(path, 'utf8')) as { lessons?: unknown };
  expect(file.lessons, 'the progress file lists lessons').toBeDefined();
}

test('with IndexedDB unavailable the app works from memory, says so, and export still works', async ({ page, watch }) => {
  void watch;
  await breakStorage(page, UNAVAILABLE);
  await page.goto('/');
  await waitForPrompt(page);
  const banner = page.locator('.banner');
  await expect(banner).toContainText('Storage is unavailable');
  await expect(banner).toContainText('working from memory');
  await expect(banner).not.toContainText(/\bat\s+\S+\.js:\d+/); // no stack trace
  await runCommands(page);
  await exportWorks(page);
  await page.screenshot({ path: 'e2e/screenshots/storage-unavailable.png' });
});

test('with the quota exceeded the first save fails, the app says so and keeps working from memory', async ({ page, watch }) => {
  void watch;
  await breakStorage(page, QUOTA);
  await page.goto('/');
  await waitForPrompt(page);
  // Nothing is wrong until something is saved.
  await runCommands(page);
  const banner = page.locator('.banner');
  await expect(banner).toContainText('Saving failed');
  await expect(banner).toContainText('QuotaExceededError');
  await expect(banner).toContainText('working from memory');
  // Still usable after the failed saves.
  await typeCommand(page, 'clear');
  await typeCommand(page, 'docker stop web && echo stopped | tr a-z A-Z');
  await expect(terminalText(page)).toContainText('STOPPED', { timeout: 30_000 });
  await exportWorks(page);
});
