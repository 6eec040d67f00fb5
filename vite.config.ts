import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './config/csp.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Writes dist/sw.js after the build: a service worker that precaches every
 * built file (Monaco and the workers included) under a cache named after the
 * build's content hash, so a new build gets a new cache and never mixes
 * versions. The template lives in public-less `src/sw/sw.template.js`.
 */
function serviceWorker(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'slipway-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = listFiles(outDir)
        .map((file) => relative(outDir, file).split('\\').join('/'))
        // `_headers` is read by the static host, never served: precaching its 404 would fail the install.
        .filter((file) => file !== 'sw.js' && file !== '_headers')
        .sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
      const version = hash.digest('hex').slice(0, 16);
      const template = readFileSync(join(root, 'src/sw/sw.template.js'), 'utf8');
      const urls = ['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
      writeFileSync(join(outDir, 'sw.js'), template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(urls)));
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  optimizeDeps: { include: ['comlink', 'idb-keyval'] },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});
