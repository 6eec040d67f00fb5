import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

test('an attached docker run -it holds its tab and takes the keys; the panel shows it attached', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await typeCommand(page, 'docker run -it --name box busybox sh');
  await expect(terminalText(page)).toContainText('/ # ', { timeout: 30_000 });
  await expect(page.getByTestId('engine-panel')).toContainText('attached');
  await typeCommand(page, 'echo inside-$((1+1))');
  await expect(terminalText(page)).toContainText('inside-2');
  await page.screenshot({ path: 'e2e/screenshots/attached.png' });

  // The other tab is free while this one is held.
  await page.getByRole('button', { name: 'New terminal' }).click();
  await waitForPrompt(page);
  await typeCommand(page, 'docker ps --format "{{.Names}} {{.Status}}"');
  await expect(terminalText(page)).toContainText(/box Up/);

  await page.getByRole('tab', { name: /Terminal 1/ }).click();
  await typeCommand(page, 'exit');
  await expect(terminalText(page)).toContainText(/student@slipway:~\/app\$[\s\u00a0]*$/);
  await expect(page.getByTestId('engine-panel')).toContainText('Exited (0)');
});
