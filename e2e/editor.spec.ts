import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';
import type { Page } from '@playwright/test';

async function appendInEditor(page: Page, text: string): Promise<void> {
  // Near the top-left: with the lesson pane open the editor is narrow, and the middle of a wide file's lines lies under the overview ruler.
  await page.locator('.monaco-editor .view-lines').click({ position: { x: 10, y: 5 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Clears the screen, runs a command and waits for the prompt after it. */
async function runClean(page: Page, command: string, expectText: string | RegExp, timeout = 30_000): Promise<void> {
  await typeCommand(page, 'clear');
  await typeCommand(page, command);
  await expect(terminalText(page)).toContainText(expectText, { timeout });
  await expect(terminalText(page)).toContainText(/\$[\s\u00a0]*$/, { timeout });
}

test('editing in Monaco feeds docker build; a rebuild is CACHED; an edited file explains the miss', async ({ page, watch }) => {
  void watch;
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForPrompt(page);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('FROM node');
  // The engine's own hint for COPY . before npm install is drawn as a marker.
  await expect(page.locator('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning').first()).toBeAttached();

  await appendInEditor(page, 'LABEL course=slipway');
  await expect(async () => {
    await runClean(page, 'grep LABEL Dockerfile', 'LABEL course=slipway', 2_000);
  }).toPass({ timeout: 10_000 });

  await runClean(page, 'docker build -t app .', 'naming to docker.io/library/app');
  await runClean(page, 'docker build -t app .', 'CACHED [3/4] COPY . /app');
  await page.getByRole('tab', { name: 'Engine' }).click();
  await expect(page.getByTestId('last-build')).toContainText('CACHED');
  await page.screenshot({ path: 'e2e/screenshots/cached-build.png' });

  await page.locator('.file-tree').getByRole('button', { name: 'server.js' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('express');
  await appendInEditor(page, '// changed in the editor');
  await expect(async () => {
    await runClean(page, 'tail -1 server.js', '// changed in the editor', 2_000);
  }).toPass({ timeout: 10_000 });
  await runClean(page, 'docker build -t app .', 'naming to docker.io/library/app');
  await expect(page.getByTestId('last-build')).toContainText('files changed: server.js');
  await page.screenshot({ path: 'e2e/screenshots/build-miss.png' });
});

test('files written from the terminal show up in the tree and the editor', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await typeCommand(page, 'echo "from the terminal" > note.txt');
  const entry = page.locator('.file-tree').getByRole('button', { name: 'note.txt' });
  await expect(entry).toBeVisible();
  await entry.click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('from the terminal');
  await typeCommand(page, 'echo "second line" >> note.txt');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('second line');
});
