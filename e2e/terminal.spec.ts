import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

test('docker run publishes nginx, a second tab sees it, the preview shows the page', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);

  await typeCommand(page, 'docker run -d -p 8080:80 nginx');
  await expect(terminalText(page)).toContainText(/[0-9a-f]{64}/, { timeout: 30_000 });
  await page.screenshot({ path: 'e2e/screenshots/run-nginx.png' });

  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect(page.getByRole('tab', { name: /Terminal 2/ })).toHaveAttribute('aria-selected', 'true');
  await waitForPrompt(page);
  await typeCommand(page, 'docker ps');
  await expect(terminalText(page)).toContainText('0.0.0.0:8080->80/tcp');
  await expect(terminalText(page)).toContainText('nginx');

  await expect(page.getByTestId('engine-panel')).toContainText('nginx');
  await page.screenshot({ path: 'e2e/screenshots/second-tab-ps.png' });

  await page.getByRole('button', { name: 'preview :8080' }).click();
  const frame = page.frameLocator('[data-testid=preview] iframe');
  await expect(frame.locator('h1')).toHaveText('Welcome to nginx!');
  await page.screenshot({ path: 'e2e/screenshots/preview.png' });
});
