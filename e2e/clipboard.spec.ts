import { expect, terminalText, test, waitForPrompt } from './fixtures.js';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('paste into the terminal, copy a selection out of it, exit closes the tab', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((6*7))'));
  await page.locator('[data-testid=terminal]:visible').click();
  await page.keyboard.press('Control+V');
  await expect(terminalText(page)).toContainText('echo pasted-$((6*7))');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText('pasted-42');

  // With a selection, Ctrl-C copies instead of interrupting.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  const rows = page.locator('[data-testid=terminal]:visible .xterm-rows > div').nth(1);
  const box = await rows.boundingBox();
  if (!box) throw new Error('no terminal row');
  await page.mouse.dblclick(box.x + 20, box.y + box.height / 2);
  await page.keyboard.press('Control+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');

  await page.getByRole('button', { name: 'New terminal' }).click();
  await waitForPrompt(page);
  await page.keyboard.type('exit');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Terminal 2/ })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /Terminal 1/ })).toHaveAttribute('aria-selected', 'true');
});
