/**
 * Untrusted lessons: a fixture lesson (e2e/fixtures/lessons/90-xss-corpus)
 * carries payloads in its text, frontmatter, tasks, hints, quiz and solution.
 * It is rendered with everything opened, and the test proves that:
 * - no payload ran: the `window.__xss` sentinel stays unset, no dialog opens;
 * - nothing was left for the CSP to stop: no CSP violation besides the ones
 *   Chromium reports while the sanitiser parses the HTML in an inert document;
 * - the lesson's DOM holds no script, frame, object, form, meta, base, event
 *   handler attribute, or javascript:/data:/vbscript: URL.
 * A lesson with malformed frontmatter shows a clear error, not a blank app.
 */
import { watchCsp } from './cspWatch.js';
import { addFixtureLessons } from './lessonFixtures.js';
import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

test.use({ serviceWorkers: 'block' });

test('the XSS corpus lesson renders with no payload running', async ({ page, watch }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const violations = await watchCsp(page);
  await addFixtureLessons(page, ['90-xss-corpus']);
  await page.goto('/');
  await waitForPrompt(page);

  await page.locator('.lesson-list [data-lesson="90-xss-corpus"]').click();
  const pane = page.locator('.lesson-pane');
  await expect(pane.locator('.lesson-title')).toContainText('XSS corpus');
  await expect(pane).toContainText('Every payload below tries to set');
  // Code stays text, visibly.
  await expect(pane.locator('pre').filter({ hasText: "window.__xss = 'fenced'" })).toBeVisible();

  // Open everything that renders more untrusted text: hints, the quiz's explanation, the solution.
  for (let i = 0; i < 2; i++) {
    const hint = pane.getByRole('button', { name: /^Show hint/ }).first();
    if ((await hint.count()) > 0) await hint.click();
  }
  await expect(pane.getByText('Hint two')).toHaveCount(2); // inline task row and the checklist
  await pane.locator('.quiz-option').first().click();
  await pane.getByRole('button', { name: 'Check answer' }).click();
  await expect(pane.locator('.quiz-result')).toContainText('Explanation');
  await pane.getByRole('button', { name: 'Show solution' }).click();
  await expect(pane.locator('.solution')).toContainText('Notes');

  // The task still works: the corpus did not break the lesson.
  await typeCommand(page, 'echo xss-task');
  await expect(terminalText(page)).toContainText('xss-task');
  await expect(pane.locator('[data-task="anything"]').first()).toHaveAttribute('data-status', 'pass');

  // Hover and focus everything that could carry a handler, then look at the DOM.
  for (const el of await pane.locator('.lesson-scroll a, .lesson-scroll img, .lesson-scroll svg').all()) await el.hover({ force: true, trial: false }).catch(() => undefined);
  const findings = await pane.evaluate((root) => {
    const bad: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'frame', 'object', 'embed', 'meta', 'base', 'link', 'style'].includes(tag)) bad.push(`<${tag}>`);
      if (tag === 'form' && !el.classList.contains('quiz')) bad.push('<form> from the lesson');
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (attr.startsWith('on')) bad.push(`<${tag} ${attr}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(attr) && /^\s*(javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, ''))) bad.push(`<${tag} ${attr}="${value.slice(0, 40)}">`);
      }
    }
    // An overlay could cover the app and catch clicks.
    for (const el of root.querySelectorAll<HTMLElement>('.lesson-scroll *')) if (getComputedStyle(el).position === 'fixed') bad.push(`position:fixed <${el.tagName.toLowerCase()}>`);
    return bad;
  });
  expect(findings, 'dangerous markup left in the lesson pane').toEqual([]);
  // Links that remain open in a new tab without access to the app.
  for (const link of await pane.locator('.lesson-scroll a[href]').all()) {
    await expect(link).toHaveAttribute('rel', /noopener/);
  }

  await page.screenshot({ path: 'e2e/screenshots/xss-corpus.png' });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), 'the sentinel').toBeUndefined();
  expect(dialogs, 'dialogs opened by a payload').toEqual([]);
  // Chromium reports an inline handler or a <base> when it *parses* one, even in an inert document
  // (DOMParser, <template>): that is where DOMPurify reads the lesson's HTML, so those reports are
  // expected, and the DOM check above proves none of them reached the page. Any other directive
  // (a script element, a frame, an object, an image or a navigation) means something got through.
  const parsedOnly = /script-src-attr|inline event handler|base-uri|document's base URI/;
  expect(violations.filter((v) => !parsedOnly.test(v)), 'CSP violations other than inert parsing').toEqual([]);
  // The same reports reach the console as errors; the fixture fails on any other console error.
  for (let i = watch.errors.length - 1; i >= 0; i--) if (parsedOnly.test(watch.errors[i])) watch.errors.splice(i, 1);
});

test('a lesson with malformed frontmatter shows a clear error and the app keeps working', async ({ page, watch }) => {
  void watch;
  await addFixtureLessons(page, ['91-broken-frontmatter']);
  await page.goto('/');
  await waitForPrompt(page);
  const entry = page.locator('.lesson-list [data-lesson="91-broken-frontmatter"]');
  await expect(entry).toContainText('Cannot be opened:');
  await expect(entry).toBeDisabled();
  // The error names the problem without a stack trace.
  await expect(entry).not.toContainText(/\bat\s+\S+\.(js|ts):\d+/);
  // The shipped lessons and the terminal are unaffected.
  await expect(page.locator('.lesson-list [data-lesson="01-containers-vs-images"]')).toBeEnabled();
  await typeCommand(page, 'echo still fine | tr a-z A-Z');
  await expect(terminalText(page)).toContainText('STILL FINE');
  await page.screenshot({ path: 'e2e/screenshots/broken-frontmatter.png' });
});
