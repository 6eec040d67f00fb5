/**
 * Lessons in the browser: lesson 1 completed by typing its solution, with
 * live ticks inline and in the checklist, a hint, the quiz, the solution
 * (files untouched) and progress kept across a reload; the sandbox; reset
 * with confirmation; screenshots of the lesson pane in both themes.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

const LESSON_1 = '01-containers-vs-images';

function pane(page: Page): Locator {
  return page.getByRole('region', { name: 'Lesson' });
}

/** A task's row in the text ([task: id] marker) and in the checklist. */
function taskRows(page: Page, id: string): { inline: Locator; checklist: Locator } {
  return { inline: pane(page).locator(`.lesson-text [data-task="${id}"]`), checklist: pane(page).locator(`.checklist [data-task="${id}"]`) };
}

async function expectTask(page: Page, id: string, status: 'pass' | 'fail' | 'locked'): Promise<void> {
  const rows = taskRows(page, id);
  await expect(rows.inline).toHaveAttribute('data-status', status, { timeout: 30_000 });
  await expect(rows.checklist).toHaveAttribute('data-status', status);
}

/** Opens a lesson (or the sandbox) from the list, opening the list first when a lesson hides it. */
async function openFromList(page: Page, title: RegExp): Promise<void> {
  await expect(pane(page).locator('.lesson-title')).toBeVisible();
  const toggle = pane(page).getByRole('button', { name: /Lessons/ });
  if ((await toggle.isEnabled()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await pane(page).getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: title }).click();
}

/** Types a command and waits until it has finished (its output, then a fresh prompt). */
async function run(page: Page, command: string, output: string | RegExp): Promise<void> {
  await typeCommand(page, command);
  await expect(terminalText(page)).toContainText(output, { timeout: 30_000 });
  await expect(terminalText(page)).toContainText(/student@slipway:~\/app\$ \s*$/);
}

async function fileTree(page: Page): Promise<string[]> {
  return page.locator('.file-tree .entry').allTextContents();
}

test('lesson 1: typed solution ticks tasks live, hint, quiz, solution, progress kept across a reload', async ({ page, watch }) => {
  void watch;
  // A pull, a REPL start, a reload: on a busy 2-core machine this takes longer than the default minute.
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForPrompt(page);
  await expect(pane(page).getByRole('heading', { name: 'Sandbox' })).toBeVisible();

  await openFromList(page, /Containers vs images/);
  await expect(pane(page).getByRole('heading', { name: 'Containers vs images', level: 2 })).toBeVisible();
  await waitForPrompt(page);
  for (const id of ['run-node', 'exited', 'list-all']) await expect(taskRows(page, id).inline).toBeVisible();
  await expectTask(page, 'run-node', 'fail');
  await expectTask(page, 'exited', 'locked');

  // A graded hint, opened from the inline row.
  await taskRows(page, 'run-node').inline.getByRole('button', { name: /Show hint 1/ }).click();
  await expect(taskRows(page, 'run-node').inline).toContainText('Hint 1: docker run takes the name of an image');
  await expect(taskRows(page, 'run-node').checklist).toContainText('Hint 1:');

  // The solution commands, typed as real keystrokes.
  await run(page, 'docker run node', 'Status: Downloaded newer image for node:latest');
  await expectTask(page, 'run-node', 'pass');
  await expectTask(page, 'exited', 'pass');
  await expectTask(page, 'list-all', 'fail');
  await run(page, 'docker ps -a', 'Exited (0)');
  await expectTask(page, 'list-all', 'pass');
  await expect(pane(page).locator('.lesson-count')).toHaveText(/^✓ 3\/3/);
  await taskRows(page, 'list-all').inline.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/lesson-1-ticked.png' });

  // The quiz: a wrong answer, then the right one, each with the explanation.
  const quiz = pane(page).locator('[data-quiz="image-or-container"]');
  await quiz.getByRole('radio', { name: /An image is a running program/ }).check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz.getByRole('status')).toContainText('Not quite');
  await quiz.getByRole('radio', { name: /read-only template/ }).check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz.getByRole('status')).toContainText('Correct.');
  await expect(quiz.getByRole('status')).toContainText('One image can be the starting point');

  // The solution is shown, and nothing in the workspace changes.
  const filesBefore = await fileTree(page);
  await pane(page).getByRole('button', { name: 'Show solution' }).click();
  const solution = pane(page).getByRole('region', { name: 'Solution' });
  await expect(solution.getByRole('listitem')).toHaveText(['docker run node', 'docker ps -a']);
  await expect(solution).toContainText('pulls `node:latest`'.replace(/`/g, ''));
  expect(await fileTree(page)).toEqual(filesBefore);

  // Saves are debounced; then a reload finds the ticks and the list progress.
  await page.waitForTimeout(1_000);
  await page.reload();
  await waitForPrompt(page);
  await expect(pane(page).getByRole('heading', { name: 'Containers vs images', level: 2 })).toBeVisible();
  for (const id of ['run-node', 'exited', 'list-all']) await expectTask(page, id, 'pass');
  await expect(pane(page).locator('[data-quiz="image-or-container"]').getByRole('status')).toContainText('Correct.');
  await pane(page).getByRole('button', { name: /Lessons/ }).click();
  const entry = pane(page).locator(`.lesson-entry[data-lesson="${LESSON_1}"]`);
  await expect(entry).toContainText('3/3');
  await expect(entry).toHaveClass(/complete/);
  await expect(entry).toHaveAttribute('aria-current', 'page');
});

test('the sandbox has no lesson and everything works', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await openFromList(page, /Containers vs images/);
  await expect(taskRows(page, 'run-node').inline).toBeVisible();
  await openFromList(page, /Sandbox/);
  await expect(pane(page).getByRole('heading', { name: 'Sandbox' })).toBeVisible();
  await expect(pane(page).locator('.lesson-entry.sandbox')).toHaveAttribute('aria-current', 'page');
  await expect(pane(page).locator('.checklist')).toHaveCount(0);
  await waitForPrompt(page);
  await run(page, 'docker run hello-world', 'For more examples and ideas');
  await expect(pane(page).getByRole('button', { name: /Undo/ })).toBeEnabled();
});

test('"Reset lesson" asks first, and resets only when confirmed', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await openFromList(page, /Containers vs images/);
  // The lesson's own space is ready once its tasks show; typed earlier, a command would land in the sandbox.
  await expectTask(page, 'run-node', 'fail');
  await waitForPrompt(page);
  // The clickable command types into the terminal, as the student would.
  await pane(page).getByRole('button', { name: 'Run docker run node in the terminal' }).click();
  await expect(terminalText(page)).toContainText('Status: Downloaded newer image for node:latest', { timeout: 30_000 });
  await expectTask(page, 'run-node', 'pass');

  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await pane(page).getByRole('button', { name: 'Reset lesson…' }).click();
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain('Reset this lesson?');
  await expectTask(page, 'run-node', 'pass');

  page.once('dialog', (dialog) => void dialog.accept());
  await pane(page).getByRole('button', { name: 'Reset lesson…' }).click();
  await expectTask(page, 'run-node', 'fail');
  await expect(pane(page).locator('.lesson-count')).toHaveText(/^0\/3/);
});

test('"Replay in terminal" types the solution one command at a time, and the tasks tick', async ({ page, watch }) => {
  void watch;
  test.setTimeout(120_000);
  await page.goto('/');
  await waitForPrompt(page);
  await openFromList(page, /Containers vs images/);
  await expectTask(page, 'run-node', 'fail');
  await pane(page).getByRole('button', { name: 'Show solution' }).click();
  await pane(page).getByRole('button', { name: 'Replay in terminal' }).click();
  await expect(pane(page).getByRole('region', { name: 'Solution' }).getByRole('status')).toHaveText('Replay finished.', { timeout: 60_000 });
  for (const id of ['run-node', 'exited', 'list-all']) await expectTask(page, id, 'pass');
  // The second command waited for the first: it ran after the pull, at a fresh prompt.
  await expect(terminalText(page)).toContainText(/Status: Downloaded newer image for node:latest\s*student@slipway:~\/app\$ docker ps -a/);
});

test('progress exports to a JSON file and imports back; a bad file gets an inline error', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  const progress = pane(page).getByRole('region', { name: 'Progress' });
  const download = page.waitForEvent('download');
  await progress.getByRole('button', { name: 'Export progress' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('slipway-progress.json');
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const json = JSON.parse(await readFile(path, 'utf8')) as { format: string };
  expect(json.format).toBe('slipway-progress');

  const picker = progress.locator('input[type=file]');
  await picker.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(progress.getByRole('alert')).toContainText('notes.json:');
  await picker.setInputFiles(path);
  await expect(progress.getByRole('status')).toContainText(/Imported progress for \d+ lessons?/);
});

test('screenshots: a lesson with its solution diff, light and dark', async ({ page, watch }) => {
  void watch;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await waitForPrompt(page);
  // The first theme follows the system's preference: make it dark for the first shots.
  const themeSwitch = page.getByRole('button', { name: 'Switch theme' });
  if ((await themeSwitch.textContent()) === 'Dark theme') await themeSwitch.click();
  await expect(themeSwitch).toHaveText('Light theme');
  await openFromList(page, /Building an image/);
  await expect(pane(page).getByRole('heading', { name: 'Building an image', level: 2 })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/lesson-dark.png' });
  await pane(page).getByRole('button', { name: 'Show solution' }).click();
  const solution = pane(page).getByRole('region', { name: 'Solution' });
  await expect(solution.locator('[data-file="Dockerfile"] .diff-added').first()).toBeVisible();
  await solution.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/lesson-solution-dark.png' });
  await themeSwitch.click();
  await expect(themeSwitch).toHaveText('Dark theme');
  await page.screenshot({ path: 'e2e/screenshots/lesson-solution-light.png' });
  await pane(page).getByRole('button', { name: /Lessons/ }).click();
  await page.screenshot({ path: 'e2e/screenshots/lesson-list-light.png' });
});

test('"Apply files" overwrites the student\'s files only after a confirmation', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await openFromList(page, /Building an image/);
  await expectTask(page, 'write-dockerfile', 'fail');
  await pane(page).getByRole('button', { name: 'Show solution' }).click();
  const solution = pane(page).getByRole('region', { name: 'Solution' });
  await expect(solution.locator('[data-file="Dockerfile"]')).toContainText('differs from yours');

  page.once('dialog', (dialog) => void dialog.dismiss());
  await solution.getByRole('button', { name: 'Apply files…' }).click();
  await run(page, 'echo "CMD lines: $(grep -c CMD Dockerfile)"', 'CMD lines: 0');
  await expectTask(page, 'write-dockerfile', 'fail');

  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.accept();
  });
  await solution.getByRole('button', { name: 'Apply files…' }).click();
  await expectTask(page, 'write-dockerfile', 'pass');
  expect(questions[0]).toContain('Overwrite Dockerfile');
  await run(page, 'grep CMD Dockerfile', 'CMD ["node", "server.js"]');
});
