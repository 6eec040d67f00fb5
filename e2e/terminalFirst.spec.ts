/**
 * Terminal first (src/ui/firstTerminal.ts): terminal 1 answers before React
 * has mounted, and React adopts that same xterm (its element, scrollback,
 * focus and session) instead of opening the session again.
 */
import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

test('the first terminal answers before React mounts and is adopted, not reopened', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  // The skeleton is still up: its buttons wait for React.
  await expect(page.locator('.app[aria-busy=true]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Reset everything' })).toBeDisabled();
  await page.locator('[data-testid=terminal] .xterm').evaluate((el) => (el.dataset.bootTerminal = 'yes'));
  await typeCommand(page, 'echo one');
  await expect(terminalText(page)).toContainText('one');

  // React mounts after the first answer: the same element, one terminal, typing still goes to it.
  await expect(page.getByRole('button', { name: 'Reset everything' })).toBeEnabled();
  await expect(page.locator('.app[aria-busy=true]')).toHaveCount(0);
  await expect(page.locator('[data-testid=terminal]')).toHaveCount(1);
  await expect(page.locator('[data-testid=terminal] .xterm[data-boot-terminal=yes]')).toHaveCount(1);
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.xterm')))).toBe(true);
  await page.keyboard.type('echo two');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/echo one\s*one[\s\S]*echo two\s*two/);
  await expect(page.getByRole('tab', { name: /Terminal 1/ })).toHaveAttribute('aria-selected', 'true');
});
