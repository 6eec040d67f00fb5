import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './config/csp.js';
import { GZ_SUFFIX, precompressedAssets } from './config/precompress.js';
import { Catalogue } from './src/worker/lessons/catalogue.js';
import { lessonIndex as indexOf } from './src/worker/lessons/lessonIndex.js';

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
        // The `.gz` copies are the same files as sent over the wire (config/precompress.ts), written alongside this hook.
        .filter((file) => file !== 'sw.js' && file !== '_headers' && !file.endsWith(GZ_SUFFIX))
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

const LESSON_INDEX = 'virtual:slipway-lesson-index';

/**
 * `virtual:slipway-lesson-index`: the lesson list (titles, versions, task
 * ids) computed from lessons/ at build time with the app's own loader, so the
 * worker lists lessons without loading yaml, zod and every lesson's text.
 */
function lessonIndex(): Plugin {
  let root = process.cwd();
  return {
    name: 'slipway-lesson-index',
    configResolved(config) {
      root = config.root;
    },
    resolveId: (source) => (source === LESSON_INDEX ? `\0${LESSON_INDEX}` : undefined),
    load(id) {
      if (id !== `\0${LESSON_INDEX}`) return undefined;
      const dir = resolve(root, 'lessons');
      const files = listFiles(dir);
      for (const file of files) this.addWatchFile(file);
      const tree = Object.fromEntries(files.map((file) => [relative(dir, file).split('\\').join('/'), readFileSync(file, 'utf8')]));
      return `export default ${JSON.stringify(indexOf(new Catalogue(tree)))};`;
    },
  };
}

/**
 * Starts the first terminal's chunks (xterm, the store) downloading with the
 * page's: `main.tsx` imports them only once the entry has run (so the engine
 * worker starts first), and on a cold load the page then sat idle while they
 * arrived. React's chunk is not preloaded: it loads after the first answer.
 * The engine worker's boot chunk is fetched early too (the worker would ask
 * for it only once its own entry script had arrived and run; the browser's
 * cache answers it then), as a plain fetch: preloaded `as=script` the page
 * compiled it as a classic script on a background thread (100–190 ms of CPU
 * in traces, on two cores busy with the load) for nothing, since the worker
 * compiles its own copy as a module.
 */
function preloadFirstTerminal(): Plugin {
  let base = '/';
  return {
    name: 'slipway-preload-first-terminal',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle ?? {};
        const chunk = Object.values(bundle).find((out) => out.type === 'chunk' && out.moduleIds.some((id) => id.endsWith('/src/ui/firstTerminal.ts')));
        if (chunk?.type !== 'chunk') return [];
        // The entry is loading already.
        const imports = chunk.imports.filter((file) => !(bundle[file]?.type === 'chunk' && bundle[file].isEntry));
        const styles = [...(chunk.viteMetadata?.importedCss ?? [])];
        const workerBoot = Object.keys(bundle).filter((file) => /^assets\/boot-[\w-]+\.js$/.test(file));
        const link = (attrs: Record<string, string | boolean>) => ({ tag: 'link', attrs, injectTo: 'head' as const });
        return [
          ...[chunk.fileName, ...imports].map((file) => link({ rel: 'modulepreload', crossorigin: true, href: `${base}${file}` })),
          ...styles.map((file) => link({ rel: 'preload', as: 'style', crossorigin: true, href: `${base}${file}` })),
          ...workerBoot.map((file) => link({ rel: 'preload', as: 'fetch', crossorigin: true, href: `${base}${file}` })),
        ];
      },
    },
  };
}

/**
 * The entry script runs as soon as it has arrived (`async`) instead of after
 * the page is parsed and its stylesheet loaded and laid out (~60 ms of
 * skeleton layout on a cold load): it starts the engine worker, the first
 * answer's longest road. main.tsx waits for the skeleton itself.
 */
function asyncEntry(): Plugin {
  return {
    name: 'slipway-async-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<script type="module" crossorigin src=/, '<script type="module" async crossorigin src='),
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker(), contentSecurityPolicy(), precompressedAssets(), lessonIndex(), preloadFirstTerminal(), asyncEntry()],
  worker: {
    format: 'es',
    plugins: () => [lessonIndex()],
    // Everything a worker imports statically in one chunk: one round trip for its boot instead of a waterfall of small shared chunks.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'boot', tags: ['$initial'] }] } } },
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  optimizeDeps: { include: ['comlink', 'idb-keyval'] },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});
