/**
 * Collects Content-Security-Policy violations from a page: the
 * `securitypolicyviolation` event in every frame (the init script runs in the
 * srcdoc preview too; it reports through the console because an opaque-origin
 * frame cannot write to the page), and Chromium's own "Refused to …" console
 * errors from the page, its frames and its workers (an init script cannot run
 * in a worker, so a worker's violations are seen through its console).
 */
import type { ConsoleMessage, Page } from '@playwright/test';

const TAG = 'csp-violation:';
const REFUSED = /Content Security Policy|Refused to (load|execute|compile|apply|frame|connect|create)/i;

export async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  const record = (where: string) => (message: ConsoleMessage) => {
    const text = message.text();
    if (text.startsWith(TAG) || REFUSED.test(text)) violations.push(`${where}: ${text}`);
  };
  page.on('console', record('page'));
  page.on('worker', (worker) => worker.on('console', record(`worker ${worker.url()}`)));
  await page.addInitScript((tag: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.warn(`${tag} ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} sample=${event.sample}`);
    });
  }, TAG);
  return violations;
}
