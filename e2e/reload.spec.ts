/**
 * Reload safety: 20 cycles of commands and file edits in lesson 1's space,
 * each ended by a reload at a random moment (sometimes in the middle of a
 * build). After every reload nothing that had been saved is missing and
 * nothing is half-applied. The randomness is seeded: a failure prints its
 * seed, and SLIPWAY_RELOAD_SEED=<seed> replays it.
 *
 * "Saved" means: the command finished and the debounced save had time to
 * run. Whatever happened just before the reload may be there or not, but
 * never in part (a file with wrong content, an image without its last layer).
 */
import type { Page } from '@playwright/test';
import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

const SEED = Number(process.env.SLIPWAY_RELOAD_SEED ?? 20261127);
const CYCLES = 20;
/** The worker saves 300 ms after a command; generous on a loaded machine. */
const SAVED_AFTER_MS = 1_500;

/** mulberry32: small, seedable, good enough to pick moments. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the test knows: saved for sure, or done just before a reload (there or not, but whole). */
interface Model {
  readonly saved: Set<string>;
  readonly maybe: Set<string>;
}

/**
 * A save is a snapshot of everything done so far, so what survives of the
 * unsaved work is always a prefix of it, in the order it was done: a later
 * step present with an earlier one missing would be a half-applied save.
 */
function expectPrefix(order: readonly { model: Model; name: string }[], cycle: number): void {
  const survived = order.map(({ model, name }) => model.saved.has(name));
  const firstLost = survived.indexOf(false);
  if (firstLost >= 0) expect(survived.slice(firstLost), `after reload ${cycle} (seed ${SEED}): ${order[firstLost].name} is lost but later work survived`).not.toContain(true);
}

async function run(page: Page, command: string, expected: string | RegExp = /\$[\s\u00a0]*$/, timeout = 30_000): Promise<void> {
  await typeCommand(page, 'clear');
  await typeCommand(page, command);
  await expect(terminalText(page)).toContainText(expected, { timeout });
  await expect(terminalText(page)).toContainText(/\$[\s\u00a0]*$/, { timeout });
}

/** Runs a command that prints `@@…@@` and returns what is between the marks. */
async function query(page: Page, command: string): Promise<string> {
  await run(page, command, /@@[^@"$]*@@/);
  const text = (await terminalText(page).textContent()) ?? '';
  return /@@([^@"$]*)@@/.exec(text)?.[1] ?? '';
}

const list = (text: string): string[] => text.split(',').filter((s) => s !== '');

function expectConsistent(kind: string, found: readonly string[], model: Model, cycle: number): void {
  const where = `${kind} after reload ${cycle} (seed ${SEED})`;
  for (const name of model.saved) expect(found, `${where}: saved ${name} is missing`).toContain(name);
  for (const name of found) expect(model.saved.has(name) || model.maybe.has(name), `${where}: ${name} was never made`).toBe(true);
  // What survived is saved from now on; what did not was lost before its save, which is allowed.
  for (const name of model.maybe) if (found.includes(name)) model.saved.add(name);
  model.maybe.clear();
}

async function verify(page: Page, cycle: number, files: Model, containers: Model, images: Model, history: Model, interruptedBuild: string | undefined, unsaved: readonly { model: Model; name: string }[]): Promise<void> {
  await waitForPrompt(page);
  expectConsistent('files', list(await query(page, 'echo "@""@$(ls notes | sort | tr "\\n" ,)@@"')), files, cycle);
  // Every file holds the one line it was written with: none is empty or cut.
  await run(page, 'for f in notes/*.txt; do n=${f#notes/}; [ "$(cat $f)" = "${n%.txt}" ] || echo "B""AD:$f"; done; echo "check""ed"', 'checked');
  await expect(terminalText(page)).not.toContainText('BAD:notes/');
  expectConsistent('containers', list(await query(page, 'echo "@""@$(docker ps -a --format "{{.Names}}" | sort | tr "\\n" ,)@@"')), containers, cycle);
  const imageList = list(await query(page, 'echo "@""@$(docker images --format "{{.Repository}}" | grep op- | sort | tr "\\n" ,)@@"'));
  expectConsistent('images', imageList, images, cycle);
  expectPrefix(unsaved, cycle);
  if (interruptedBuild && imageList.includes(interruptedBuild)) {
    // A build either finished or left nothing: its image has the last step's files.
    await run(page, `docker run --rm ${interruptedBuild} ls /app/node_modules`, 'express', 60_000);
  }
  const typed = list(await query(page, 'echo "@""@$(history | grep -o "op-[0-9][0-9]*" | sort -u | tr "\\n" ,)@@"'));
  expectConsistent('history entries', typed, history, cycle);
  // Lesson progress: the first task, passed in cycle 0, stays passed.
  await expect(page.locator('.lesson-pane .lesson-count')).toContainText(/[1-3]\/3/);
}

test('20 reloads at random moments lose nothing saved and leave nothing half-applied', async ({ page, watch }) => {
  void watch;
  test.setTimeout(20 * 60_000);
  test.info().annotations.push({ type: 'seed', description: String(SEED) });
  const rnd = random(SEED);
  const files: Model = { saved: new Set(), maybe: new Set() };
  const containers: Model = { saved: new Set(), maybe: new Set() };
  const images: Model = { saved: new Set(), maybe: new Set() };
  const history: Model = { saved: new Set(), maybe: new Set() };
  let op = 0;

  await page.goto('/');
  await waitForPrompt(page);
  await page.locator('.lesson-list [data-lesson="01-containers-vs-images"]').click();
  await expect(page.locator('.lesson-pane .lesson-title')).toHaveText('Containers vs images');
  await waitForPrompt(page);
  // The lesson's space starts from its own files: give it the course's app to build.
  await run(page, 'mkdir -p notes');
  await run(page, `printf 'FROM node\\nWORKDIR /app\\nCOPY package.json /app\\nRUN npm install\\nCOPY . /app\\n' > Dockerfile; echo '{"dependencies":{"express":"^4"}}' > package.json`);
  await run(page, 'docker run --name op-0 node', /\$[\s\u00a0]*$/, 60_000);
  await expect(page.locator('.lesson-pane [data-task="run-node"]').first()).toHaveAttribute('data-status', 'pass');
  await page.waitForTimeout(SAVED_AFTER_MS);
  containers.saved.add('op-0');
  history.saved.add('op-0');

  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const done: { model: Model; name: string }[] = [];
    const steps = 1 + Math.floor(rnd() * 3);
    for (let s = 0; s < steps; s++) {
      const name = `op-${++op}`;
      if (rnd() < 0.65) {
        await run(page, `echo ${name} > notes/${name}.txt`);
        done.push({ model: files, name: `${name}.txt` });
      } else {
        await run(page, `docker run -d --name ${name} nginx`, /[0-9a-f]{64}/);
        done.push({ model: containers, name });
      }
      done.push({ model: history, name });
    }
    // Half the time the save had its chance; otherwise the reload may beat it.
    const settled = rnd() < 0.5;
    if (settled) await page.waitForTimeout(SAVED_AFTER_MS);
    for (const { model, name } of done) (settled ? model.saved : model.maybe).add(name);
    const unsaved = settled ? [] : done.filter(({ model }) => model !== history);

    let interruptedBuild: string | undefined;
    if (rnd() < 0.35) {
      interruptedBuild = `op-${++op}`;
      images.maybe.add(interruptedBuild);
      history.maybe.add(interruptedBuild);
      unsaved.push({ model: images, name: interruptedBuild });
      await typeCommand(page, 'clear');
      await typeCommand(page, `docker build -t ${interruptedBuild} .`);
      await page.waitForTimeout(Math.floor(rnd() * 2_500));
    }
    await page.reload();
    await verify(page, cycle, files, containers, images, history, interruptedBuild, unsaved);
  }
  expect(files.saved.size + containers.saved.size, 'the cycles did save things').toBeGreaterThan(10);
  await page.screenshot({ path: 'e2e/screenshots/reload-after-20.png' });
});
