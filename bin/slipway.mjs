#!/usr/bin/env node
/* global process */
// Runs the bundled CLI (npm run build → dist/slipway.mjs); from a fresh checkout
// without a build, runs the TypeScript source through tsx instead.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, '..', 'dist', 'slipway.mjs');

if (existsSync(bundle)) {
  await import(bundle);
} else {
  const tsx = join(here, '..', 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, [join(here, 'slipway.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
