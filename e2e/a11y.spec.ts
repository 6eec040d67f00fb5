/**
 * Accessibility: axe-core with the WCAG 2.2 AA rule set over the main views,
 * in both themes. Serious and critical findings fail; the others are listed
 * in the test's output. The preview frame is left out: it shows the
 * student's own page, which Slipway does not author.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function audit(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).exclude('[data-testid=preview] iframe').analyze();
  const describe = (v: (typeof results.violations)[number]): string =>
    `${v.impact} ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1, 2).join('').trim()})`)
      .join('\n')}`;
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !blocking.includes(v));
  if (minor.length > 0) test.info().annotations.push({ type: `axe (minor) ${view}`, description: minor.map(describe).join('\n') });
  expect(blocking.map(describe), `serious or critical axe findings in ${view}`).toEqual([]);
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByRole('button', { name: 'Switch theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

for (const theme of ['light', 'dark'] as const) {
  test(`main views have no serious or critical axe finding (${theme} theme)`, async ({ page, watch }) => {
    void watch;
    test.setTimeout(180_000);
    await page.goto('/');
    await waitForPrompt(page);
    await setTheme(page, theme);

    // Terminal and editor (the Dockerfile is open at first visit), engine panel, lesson pane's list.
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('FROM node');
    await typeCommand(page, 'docker run -d -p 8080:80 --name web nginx');
    await expect(terminalText(page)).toContainText(/[0-9a-f]{64}/, { timeout: 30_000 });
    await page.getByRole('tab', { name: 'Engine' }).click();
    await expect(page.getByTestId('engine-panel')).toContainText('web');
    await audit(page, `terminal, editor, engine panel (${theme})`);

    await page.getByRole('tab', { name: 'Preview' }).click();
    await expect(page.frameLocator('[data-testid=preview] iframe').locator('h1')).toHaveText('Welcome to nginx!');
    await audit(page, `preview (${theme})`);

    // A lesson opened: text, tasks, hints, quiz.
    await page.locator('.lesson-list [data-lesson]').first().click();
    await expect(page.locator('.lesson-pane .lesson-title')).not.toHaveText('Sandbox');
    await audit(page, `lesson pane (${theme})`);
    await page.screenshot({ path: `e2e/screenshots/a11y-${theme}.png` });
  });
}

test('the terminal screen-reader mode can be switched on and is remembered', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  const toggle = page.getByRole('button', { name: 'Screen reader' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // xterm's screen-reader mode adds a live region mirroring the output.
  await typeCommand(page, 'echo spoken | tr a-z A-Z');
  await expect(page.locator('[data-testid=terminal]:visible .xterm-accessibility-tree')).toContainText('SPOKEN');
  await page.reload();
  await waitForPrompt(page);
  await expect(page.getByRole('button', { name: 'Screen reader' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-testid=terminal]:visible .xterm-accessibility-tree')).toBeAttached();
});

test("the way out of Monaco's Tab trap is written next to the editor", async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible();
  const hint = page.locator('.editor-area .editor-hint');
  await expect(hint).toBeVisible();
  await expect(hint).toHaveText(/Ctrl\s*\+\s*M/);
  // Under the editor, as wide as its column.
  const [h, e] = [await hint.boundingBox(), await editor.boundingBox()];
  expect(h && e && h.y >= e.y + e.height - 1 && h.y < e.y + e.height + 40 && h.x < e.x + e.width && h.x + h.width > e.x, 'the hint sits right under the editor').toBe(true);
});
