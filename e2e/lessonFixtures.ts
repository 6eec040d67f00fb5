/**
 * Test-only lessons. The shipped lessons are one lazily loaded chunk
 * (src/worker/lessons/bundled.ts, `export { x as LESSON_TREE }`), and the
 * lesson list comes from an index built with the app
 * (`virtual:slipway-lesson-index`, `export { x as default }`); a test adds its
 * fixture lessons (e2e/fixtures/lessons/<id>/…) by intercepting both chunks:
 * the files are merged into the tree and their rows appended to the index.
 * Nothing of this ships: the app has no way to load a lesson from anywhere
 * else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { Catalogue } from '../src/worker/lessons/catalogue.js';
import { lessonIndex } from '../src/worker/lessons/lessonIndex.js';

const ROOT = join(import.meta.dirname, 'fixtures/lessons');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Serves the lesson chunk with the fixture lessons `ids` merged in. Call before `page.goto`. */
export async function addFixtureLessons(page: Page, ids: readonly string[]): Promise<void> {
  const tree: Record<string, string> = {};
  for (const id of ids) for (const file of files(join(ROOT, id))) tree[relative(ROOT, file).split('\\').join('/')] = readFileSync(file, 'utf8');
  await page.route(/\/assets\/bundled-[\w-]+\.js$/, async (route) => {
    const response = await route.fetch();
    const source = await response.text();
    const exported = /export\s*\{\s*([\w$]+)\s+as\s+LESSON_TREE\s*\}/.exec(source);
    if (!exported) throw new Error('the lesson chunk no longer exports LESSON_TREE as expected');
    await route.fulfill({ response, body: `${source}\nObject.assign(${exported[1]}, ${JSON.stringify(tree)});\n` });
  });
  // The fixtures' rows, computed as the build computes the shipped ones (their ids sort after the course).
  const rows = lessonIndex(new Catalogue(tree));
  await page.route(/\/assets\/_virtual_slipway-lesson-index-[\w-]+\.js$/, async (route) => {
    const response = await route.fetch();
    const source = await response.text();
    const exported = /export\s*\{\s*([\w$]+)\s+as\s+default\s*\}/.exec(source);
    if (!exported) throw new Error('the lesson index chunk no longer exports its list as default');
    await route.fulfill({ response, body: `${source}\n${exported[1]}.push(...${JSON.stringify(rows)});\n` });
  });
}
