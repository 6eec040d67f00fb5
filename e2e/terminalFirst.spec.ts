/**
 * Terminal first (src/ui/firstTerminal.ts): terminal 1 answers before React
 * has mounted, and React adopts that same xterm (its element, scrollback,
 * focus and session) instead of opening the session again. Keys typed while
 * React mounts are not lost: the adoption moves the element and gives the
 * focus back in one task.
 */
import { expect, terminalText, test, waitForPrompt } from './fixtures.js';

test('the first terminal answers before React mounts; React adopts the same xterm and no key typed across the handover is lost', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  // Typing at once keeps React waiting for the first answer (src/ui/firstCommand.ts).
  await page.keyboard.type('echo one');
  await page.locator('[data-testid=terminal] .xterm').evaluate((el) => (el.dataset.bootTerminal = 'yes'));
  await expect(page.locator('.app[aria-busy=true]'), 'the skeleton is still up: React waits for the first answer').toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/echo one\s*one/);

  // React mounts right after the first answer, while these keys arrive one by one.
  const line = 'echo 0123456789-abcdefghijklmnopqrstuvwxyz';
  await page.keyboard.type(line, { delay: 15 });
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/abcdefghijklmnopqrstuvwxyz\s*0123456789-abcdefghijklmnopqrstuvwxyz/);

  await expect(page.getByRole('button', { name: 'Reset everything' })).toBeEnabled();
  await expect(page.locator('.app[aria-busy=true]')).toHaveCount(0);
  await expect(page.locator('[data-testid=terminal]')).toHaveCount(1);
  await expect(page.locator('[data-testid=terminal] .xterm[data-boot-terminal=yes]'), 'the same xterm element, adopted').toHaveCount(1);
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.xterm')))).toBe(true);
  await page.keyboard.type('echo two');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/echo two\s*two/);
  await expect(page.getByRole('tab', { name: /Terminal 1/ })).toHaveAttribute('aria-selected', 'true');
});
