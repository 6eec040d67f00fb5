import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

test('a second visit with the network cut off still loads and runs commands', async ({ page, context, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  // The service worker is registered after the terminal is up and precaches the whole build.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await waitForPrompt(page);
  await typeCommand(page, 'docker ps');
  await expect(terminalText(page)).toContainText('CONTAINER ID');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('FROM node');
  await page.screenshot({ path: 'e2e/screenshots/offline.png' });
  await context.setOffline(false);
});
