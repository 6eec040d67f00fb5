import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here).filter((name) => name.endsWith('.script')).sort();

// Goldens are what the code produces (`vitest run tests/scenarios -u` rewrites them);
// review each diff against docker-cli.md before accepting it.
describe('scenarios', () => {
  it.each(scripts)('%s', async (name) => {
    // Fresh modules per scenario: runtimes keep module-level caches that would couple one replay to the last.
    vi.resetModules();
    const { runScenario } = await import('./runner.js');
    const { transcript, status } = await runScenario(readFileSync(join(here, name), 'utf8'));
    await expect(`${transcript}[exit ${status}]\n`).toMatchFileSnapshot(join(here, name.replace(/\.script$/, '.txt')));
  }, 60_000);
});
