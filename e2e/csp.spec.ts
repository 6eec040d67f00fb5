import type { Page } from '@playwright/test';
import { watchCsp } from './cspWatch.js';
import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

/** Clears the screen, runs a command and waits for `expected` and the prompt after it. */
async function run(page: Page, command: string, expected: string | RegExp, timeout = 30_000): Promise<void> {
  await typeCommand(page, 'clear');
  await typeCommand(page, command);
  await expect(terminalText(page)).toContainText(expected, { timeout });
  await expect(terminalText(page)).toContainText(/\$[\s\u00a0]*$/, { timeout });
}

test('the policy is delivered as a meta tag and as a header, and it blocks an inline script', async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto('/');
  await waitForPrompt(page);
  const header = response?.headers()['content-security-policy'] ?? '';
  const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  expect(meta).toContain("script-src 'self'");
  expect(meta).not.toMatch(/\s'unsafe-eval'/);
  expect(meta).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // The header is the meta policy plus what only a header can carry.
  expect(header).toBe(`${meta}; frame-ancestors 'none'`);

  // The watcher must see a violation when there is one, or "zero violations" below proves nothing.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.join('\n')).toContain('script-src');
});

test('a whole session runs with zero CSP violations: terminal, Monaco, build, node, python, preview', async ({ page, watch }) => {
  void watch;
  test.setTimeout(240_000);
  const violations = await watchCsp(page);
  await page.goto('/');
  await waitForPrompt(page);

  await run(page, 'echo hello from the shell | tr a-z A-Z', 'HELLO FROM THE SHELL');
  await run(page, 'docker images', 'DISK USAGE');

  // Monaco (lazy chunk, its worker, its injected styles and font) opened and typed into.
  await page.locator('.file-tree').getByRole('button', { name: 'Dockerfile' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('FROM node');
  await page.locator('.monaco-editor .view-lines').click({ position: { x: 10, y: 5 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('LABEL csp=checked');
  await expect(async () => {
    await run(page, 'grep LABEL Dockerfile', 'LABEL csp=checked', 2_000);
  }).toPass({ timeout: 10_000 });

  await run(page, 'docker build -t app .', 'naming to docker.io/library/app', 60_000);
  // QuickJS (and MicroPython below) compile WebAssembly inside the engine worker.
  await run(page, `docker run --rm node node -e 'console.log("node says", 6 * 7)'`, 'node says 42', 60_000);

  await run(page, 'docker run -d -p 3000:80 app', /[0-9a-f]{64}/, 60_000);
  await page.getByRole('tab', { name: 'Preview' }).click();
  const frame = page.frameLocator('[data-testid=preview] iframe');
  await expect(frame.locator('body')).not.toBeEmpty();
  await page.screenshot({ path: 'e2e/screenshots/csp-session.png' });

  await run(page, `docker run --rm python python -c 'print("python says", 6 * 7)'`, 'python says 42', 60_000);

  // Late reports (a worker's console, a frame's load) arrive asynchronously.
  await page.waitForTimeout(500);
  expect(violations, 'CSP violations').toEqual([]);
});
