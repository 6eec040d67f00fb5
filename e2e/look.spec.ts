import { expect, test, waitForPrompt } from './fixtures.js';

test('theme switch and pane sizes persist; splitters work from the keyboard', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  await page.getByRole('button', { name: 'Switch theme' }).click();
  const after = before === 'dark' ? 'light' : 'dark';
  await expect(html).toHaveAttribute('data-theme', after);

  const splitter = page.getByRole('separator', { name: 'Resize editor and terminals' });
  const start = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 5));

  await page.getByRole('button', { name: 'Screen reader' }).click();
  await expect(page.locator('[data-testid=terminal]:visible .xterm-accessibility-tree')).toBeAttached();

  await page.reload();
  await waitForPrompt(page);
  await expect(html).toHaveAttribute('data-theme', after);
  await expect(page.getByRole('button', { name: 'Screen reader' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('separator', { name: 'Resize editor and terminals' })).toHaveAttribute('aria-valuenow', String(start + 5));
  if (after !== 'dark') await page.getByRole('button', { name: 'Switch theme' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('FROM node');
  await page.screenshot({ path: 'e2e/screenshots/dark.png' });
});

test('Reset everything asks first, then starts over', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await page.locator('[data-testid=terminal]:visible').click();
  await page.keyboard.type('echo gone > gone.txt');
  await page.keyboard.press('Enter');
  await expect(page.locator('.file-tree').getByRole('button', { name: 'gone.txt' })).toBeVisible();

  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await expect(page.locator('.file-tree').getByRole('button', { name: 'gone.txt' })).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await waitForPrompt(page);
  await expect(page.locator('.file-tree').getByRole('button', { name: 'Dockerfile' })).toBeVisible();
  await expect(page.locator('.file-tree').getByRole('button', { name: 'gone.txt' })).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a first visit is drawn in the system's ${scheme} theme from the first paint, before any script has run`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      // Hold the first terminal's chunk: what is on screen until it arrives is index.html and its stylesheet alone.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/firstTerminal-[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto('/');
      await expect(page.locator('.topbar h1')).toBeVisible();
      const colour = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const skeleton = await colour();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
      // The theme button offers the other theme, as the app's does: its words follow the system too.
      const offer = scheme === 'dark' ? 'Light theme' : 'Dark theme';
      expect(await page.evaluate(() => document.querySelector<HTMLElement>('[data-skeleton-theme]')?.innerText)).toBe(offer);
      release();
      await waitForPrompt(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      expect(await colour()).toBe(skeleton);
    } finally {
      await context.close();
    }
  });
}
