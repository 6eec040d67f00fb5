import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

/**
 * Plants records in the worker's IndexedDB store (idb-keyval's `slipway`/`state`) before the app
 * has ever run in this profile, as an older version of Slipway would have left them. The records
 * are written from a blank page on the app's origin (served by the test itself), so no app is
 * open whose own save could race the planting.
 */
async function plantSavedState(page: import('@playwright/test').Page, records: Record<string, unknown>): Promise<void> {
  await page.route('**/__plant', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>plant</title>' }));
  await page.goto('/__plant');
  await page.evaluate(
    (entries) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('slipway');
        // A fresh profile has no database yet: create the store as idb-keyval does.
        open.onupgradeneeded = () => open.result.createObjectStore('state');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('state', 'readwrite');
          const store = tx.objectStore('state');
          for (const [key, value] of Object.entries(entries)) store.put(value, key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
  await page.unroute('**/__plant');
}

test('a save from before lessons (format 1) comes back as the sandbox, and is rewritten as format 2', async ({ page, watch }) => {
  void watch;
  await plantSavedState(page, { 'state-v1': { version: 1, files: { 'from-v1.txt': 'kept across the upgrade\n' }, dirs: ['empty-dir'], history: ['echo typed before lessons'] } });

  await page.goto('/');
  await waitForPrompt(page);
  await expect(page.locator('.file-tree').getByRole('button', { name: 'from-v1.txt' })).toBeVisible();
  await page.locator('[data-testid=terminal]:visible').click();
  await page.keyboard.press('ArrowUp');
  await expect(terminalText(page)).toContainText('echo typed before lessons');
  await page.keyboard.press('Control+C');
  await typeCommand(page, 'cat from-v1.txt');
  await expect(terminalText(page)).toContainText('kept across the upgrade');

  // The next save is format 2 (an index plus one record per space), and the format-1 record is gone.
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<string[]>((resolve) => {
              const open = indexedDB.open('slipway');
              open.onsuccess = () => {
                const request = open.result.transaction('state').objectStore('state').getAllKeys();
                request.onsuccess = () => resolve((request.result as string[]).sort());
              };
            }),
        ),
      { timeout: 10_000 },
    )
    .toEqual(['space:sandbox', 'state-v2']);
});
