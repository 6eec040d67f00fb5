/**
 * Lesson 1 completed with the keyboard only: Tab, Shift+Tab, Enter, Space,
 * arrows and typing; the mouse is never used. It goes through Monaco on the
 * way to the terminal, leaving its Tab trap the documented way (Ctrl+M).
 */
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchCsp } from './cspWatch.js';
import { expect, terminalText, test, waitForPrompt } from './fixtures.js';

/** Monaco's Ctrl+M is a toggle: pressed once for the whole test. */
let monacoTabMovesFocus = false;

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; Ctrl+M once inside Monaco so Tab moves on. */
async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    const where = await page.evaluate((sel) => {
      const el = document.activeElement;
      return { match: !!el?.matches(sel), inMonaco: !!el?.closest('.monaco-editor') };
    }, selector);
    if (where.match) return;
    if (where.inMonaco && !monacoTabMovesFocus) {
      await page.keyboard.press('Control+m');
      monacoTabMovesFocus = true;
    }
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${selector}`);
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('lesson 1 is completed with the keyboard alone', async ({ page, watch }) => {
  void watch;
  test.setTimeout(180_000);
  const violations = await watchCsp(page);
  await page.goto('/');
  await waitForPrompt(page);
  const pane = page.locator('.lesson-pane');

  // The terminal has the focus at first; Shift+Tab leaves it (Tab is the shell's completion). Open lesson 1 from the list.
  await expect(page.locator('[data-testid=terminal]:visible .xterm-helper-textarea')).toBeFocused();
  await tabTo(page, '.lesson-list [data-lesson="01-containers-vs-images"]', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(pane.locator('.lesson-title')).toHaveText('Containers vs images');

  // The first command through the lesson's own Run button…
  await tabTo(page, '.lesson-pane button.run');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', 'Run docker run node in the terminal');
  await page.keyboard.press('Enter');
  await expect(pane.locator('[data-task="run-node"]').first()).toHaveAttribute('data-status', 'pass', { timeout: 60_000 });

  // …the next one typed into the terminal, reached with Tab (through the editor's trap).
  await tabTo(page, '[data-testid=terminal]:not([hidden]) .xterm-helper-textarea');
  await waitForPrompt(page);
  await typeLine(page, 'docker ps -a');
  await expect(terminalText(page)).toContainText('Exited (0)');
  await expect(pane.locator('[data-task="list-all"]').first()).toHaveAttribute('data-status', 'pass');
  await expect(pane.locator('[data-task="exited"]').first()).toHaveAttribute('data-status', 'pass');

  // The quiz: back out of the terminal into the radio group, arrows to the second option, Tab to the button, Enter.
  await tabTo(page, '.quiz input[type=radio]', 'Shift+Tab');
  const second = pane.locator('.quiz input[type=radio]').nth(1);
  for (let i = 0; i < 4 && !(await second.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(second).toBeChecked();
  await tabTo(page, '.quiz button[type=submit]');
  await page.keyboard.press('Enter');
  await expect(pane.locator('.quiz-result')).toContainText('Correct.');

  await expect(pane.locator('.lesson-count')).toContainText('✓');
  await expect(pane.locator('.lesson-count')).toContainText('3/3');
  await page.screenshot({ path: 'e2e/screenshots/keyboard-lesson1.png' });
  // A whole lesson completed under the production CSP without a single violation.
  expect(violations, 'CSP violations while completing lesson 1').toEqual([]);

  // axe on the lesson pane as it is now (tasks done, quiz answered).
  const results = await new AxeBuilder({ page }).include('.lesson-pane').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, 'serious or critical axe findings in the lesson pane').toEqual([]);
});
