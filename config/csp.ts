/**
 * The Content-Security-Policy of the production build, in one place.
 *
 * At build time it is written twice: as a `<meta http-equiv>` in index.html
 * (works on any static host) and into `_headers` (Netlify / Cloudflare Pages
 * syntax, from the `public/_headers` template), which adds what only a header
 * can carry (`frame-ancestors`). The dev server gets no policy: Vite injects
 * inline scripts there (React refresh), and a dev-only hole in the policy
 * would be easy to ship by mistake.
 *
 * Why each source is needed:
 * - `script-src 'self'`: no inline script, no eval. `'wasm-unsafe-eval'` only
 *   lets WebAssembly compile (QuickJS, MicroPython in the engine worker); the
 *   worker is governed by the policy of its own script's response (the
 *   header), not by the page's meta tag, so the header needs it. Chromium
 *   refuses `WebAssembly.instantiate` under a script-src without it.
 * - the preview frame is a `srcdoc` document, which inherits this policy: its
 *   one constant script (`FRAME_SCRIPT`, src/ui/preview/frameScript.ts) is
 *   allowed by its sha256, computed here from the export, so the student's
 *   inline scripts never run and no other inline script can.
 * - `style-src 'unsafe-inline'`: Monaco and xterm insert `<style>` elements
 *   whose text is computed at run time (theme colours, font metrics), so
 *   neither hashes nor nonces (impossible on a static host) can list them;
 *   the preview page's own `<style>` is inlined the same way. Styles cannot
 *   run code; the XSS defence is the script policy and the markdown sanitiser.
 * - `img-src data:`: the preview inlines the page's images as data URLs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport, type Plugin, type PreviewServer } from 'vite';

const FRAME_SCRIPT_MODULE = 'src/ui/preview/frameScript.ts';
/** Where index.html wants the meta tag: before any script, so the policy covers them all. */
const META_MARKER = '<!-- Content-Security-Policy (production build, config/csp.ts) -->';

/** `'sha256-…'` of a script's exact text, as CSP compares it. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The directives shared by the meta tag and the header. */
export function policy(inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...inlineScriptHashes].join(' '),
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

/** Directives a meta tag ignores (with a console warning), so only the header carries them. */
const HEADER_ONLY = ["frame-ancestors 'none'"];

async function frameScriptHashes(root: string): Promise<string[]> {
  const file = join(root, FRAME_SCRIPT_MODULE);
  if (!existsSync(file)) return [];
  // The module is TypeScript: Vite's module runner loads it without a config (no recursion into vite.config.ts).
  const { module } = await runnerImport<{ FRAME_SCRIPT?: unknown }>(file, { configFile: false, logLevel: 'error' });
  if (typeof module.FRAME_SCRIPT !== 'string') throw new Error(`${FRAME_SCRIPT_MODULE} must export FRAME_SCRIPT as a string`);
  return [scriptHash(module.FRAME_SCRIPT)];
}

/** Reads a `_headers` file (path line, then indented `Name: value` lines) into the headers of `/*`. */
function headersFor(text: string): [string, string][] {
  const headers: [string, string][] = [];
  let all = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      all = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (all && colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/**
 * Injects the meta tag, writes `_headers` with the policy filled in, and
 * makes `vite preview` send those headers, so the e2e suite runs the app
 * under the header policy (workers included) as a static host would.
 */
export function contentSecurityPolicy(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let hashes: Promise<string[]> | undefined;
  const hashesOnce = (): Promise<string[]> => (hashes ??= frameScriptHashes(root));
  return {
    name: 'slipway-csp',
    configResolved(config) {
      root = config.root;
      outDir = join(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        if (context.server) return html;
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(await hashesOnce())}" />`;
        if (!html.includes(META_MARKER)) throw new Error(`index.html lost its ${META_MARKER} marker: the CSP meta tag goes there`);
        return html.replace(META_MARKER, meta);
      },
    },
    async writeBundle() {
      const template = join(root, 'public/_headers');
      if (!existsSync(template)) return;
      const header = [policy(await hashesOnce()), ...HEADER_ONLY].join('; ');
      writeFileSync(join(outDir, '_headers'), readFileSync(template, 'utf8').replace('__CONTENT_SECURITY_POLICY__', header));
    },
    configurePreviewServer(server: PreviewServer) {
      const file = join(server.config.root, server.config.build.outDir, '_headers');
      const headers = existsSync(file) ? headersFor(readFileSync(file, 'utf8')) : [];
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of headers) response.setHeader(name, value);
        next();
      });
    },
  };
}
