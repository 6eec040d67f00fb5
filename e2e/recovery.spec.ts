import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

test('a hung engine is noticed, restarted and restored from the last save', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await typeCommand(page, 'echo saved > saved.txt');
  await expect(page.locator('.file-tree').getByRole('button', { name: 'saved.txt' })).toBeVisible();
  await page.waitForTimeout(1_000);

  // A busy loop that never yields hangs the worker: only the heartbeat can notice.
  const engine = page.workers().find((w) => w.url().includes('engine.worker'));
  expect(engine, 'the engine worker').toBeDefined();
  void engine?.evaluate(() => {
    for (;;) {
      // spin
    }
  }).catch(() => undefined);
  await expect(page.getByRole('status')).toContainText('restarted from the last saved state', { timeout: 15_000 });
  await expect(terminalText(page)).toContainText('[the engine was restarted from the last saved state]');
  await expect(terminalText(page)).toContainText(/\$[\s\u00a0]*$/);
  await typeCommand(page, 'cat saved.txt');
  await expect(terminalText(page)).toContainText(/cat saved.txt\s*saved/);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('FROM node');
  await page.screenshot({ path: 'e2e/screenshots/recovered.png' });
});
