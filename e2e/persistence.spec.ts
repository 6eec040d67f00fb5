import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

test('a reload restores files, images, containers and history', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await typeCommand(page, 'echo kept > kept.txt');
  await typeCommand(page, 'docker run -d --name keeper -p 8081:80 nginx');
  await expect(terminalText(page)).toContainText(/[0-9a-f]{64}/, { timeout: 30_000 });
  await expect(page.locator('.file-tree').getByRole('button', { name: 'kept.txt' })).toBeVisible();
  // Saves are debounced; give the worker time to write IndexedDB.
  await page.waitForTimeout(1_000);

  await page.reload();
  await waitForPrompt(page);
  await expect(page.locator('.file-tree').getByRole('button', { name: 'kept.txt' })).toBeVisible();
  await expect(page.getByTestId('engine-panel')).toContainText('keeper');
  await expect(page.getByTestId('engine-panel')).toContainText('nginx:latest');
  await page.locator('[data-testid=terminal]:visible').click();
  await page.keyboard.press('ArrowUp');
  await expect(terminalText(page)).toContainText('docker run -d --name keeper -p 8081:80 nginx');
  await page.keyboard.press('Control+C');
  await typeCommand(page, 'docker ps -a --format "{{.Names}} {{.Image}}"');
  await expect(terminalText(page)).toContainText('keeper nginx');
  await page.screenshot({ path: 'e2e/screenshots/after-reload.png' });
});

test('Tab completes a container name', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await typeCommand(page, 'docker run -d --name webby nginx');
  await expect(terminalText(page)).toContainText(/[0-9a-f]{64}/, { timeout: 30_000 });
  await typeCommand(page, 'clear');
  await page.keyboard.type('docker stop web');
  await page.keyboard.press('Tab');
  await expect(terminalText(page)).toContainText('docker stop webby');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/^.*docker stop webby\s*webby/);
});

test('hiding the tab saves at once, though keys are still arriving (the save otherwise waits for a pause)', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await typeCommand(page, 'echo saved-on-hide');
  await expect(terminalText(page)).toContainText(/echo saved-on-hide\s*saved-on-hide/);
  const savedHistory = (): Promise<string> =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('slipway');
          open.onsuccess = () => {
            const request = open.result.transaction('state').objectStore('state').get('space:sandbox');
            request.onsuccess = () => resolve(JSON.stringify((request.result as { history?: unknown } | undefined)?.history ?? []));
            request.onerror = () => resolve('');
          };
          open.onerror = () => resolve('');
        }),
    );
  // A key every 100 ms for 3 s holds the save back for all of it.
  const typing = page.keyboard.type('x'.repeat(30), { delay: 100 });
  await page.waitForTimeout(400);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(savedHistory, { timeout: 1_500 }).toContain('echo saved-on-hide');
  await typing;
});
