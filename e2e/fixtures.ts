/**
 * Shared e2e fixture: every page is watched for requests that leave
 * 127.0.0.1 and for console errors; a test fails on either.
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface Watch {
  readonly external: string[];
  readonly errors: string[];
}

function isLocal(url: string): boolean {
  if (/^(data|blob|about|chrome-extension):/.test(url)) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export function watchPage(page: Page): Watch {
  const watch: Watch = { external: [], errors: [] };
  page.on('request', (request) => {
    if (!isLocal(request.url())) watch.external.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  return watch;
}

export const test = base.extend<{ watch: Watch }>({
  watch: async ({ page }, use) => {
    const watch = watchPage(page);
    await use(watch);
    expect(watch.external, 'requests that left 127.0.0.1').toEqual([]);
    expect(watch.errors, 'console errors').toEqual([]);
  },
});

export { expect };

/** The visible terminal's text. */
export function terminalText(page: Page) {
  return page.locator('[data-testid=terminal]:visible .xterm-rows');
}

export async function typeCommand(page: Page, command: string): Promise<void> {
  await page.locator('[data-testid=terminal]:visible').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Waits for the prompt of the visible terminal (the worker has answered). */
export async function waitForPrompt(page: Page): Promise<void> {
  await expect(terminalText(page)).toContainText('student@slipway:~/app$');
}
