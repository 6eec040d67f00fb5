import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

/** Writes records straight into the worker's IndexedDB store (idb-keyval's `slipway`/`state`), replacing what is there. */
async function replaceSavedState(page: import('@playwright/test').Page, records: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (entries) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('slipway');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('state', 'readwrite');
          const store = tx.objectStore('state');
          store.clear();
          for (const [key, value] of Object.entries(entries)) store.put(value, key);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

// FIXME: flaky: the app's own pending save can overwrite the planted format-1 record before the
// reload (failed in both CI rehearsals of 2026-11-27); the migration itself is unit-tested in
// src/worker/lessons. Plant the record with the app closed, then re-enable.
test.fixme('a save from before lessons (format 1) comes back as the sandbox, and is rewritten as format 2', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await replaceSavedState(page, { 'state-v1': { version: 1, files: { 'from-v1.txt': 'kept across the upgrade\n' }, dirs: ['empty-dir'], history: ['echo typed before lessons'] } });

  await page.reload();
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
