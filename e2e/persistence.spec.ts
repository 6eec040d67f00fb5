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
