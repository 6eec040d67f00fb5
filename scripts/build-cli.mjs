/* global process */
// Bundles the headless `slipway` command into one ESM file for Node 20:
// bin/slipway.ts → dist/slipway.mjs (run by bin/slipway.mjs).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'bin', 'slipway.ts')],
  outfile: join(root, 'dist', 'slipway.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (yaml) require() Node built-ins; ESM has no require of its own.
  banner: { js: "import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);" },
});
process.stdout.write('built dist/slipway.mjs\n');
