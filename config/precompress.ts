/**
 * Gzip at build time, not per request.
 *
 * `vite preview` (what `npm start` serves) gzips every script as it sends it.
 * On a cold load that is ~860 kB of JavaScript to compress while the browser
 * is parsing and the engine worker booting, on the same two cores: in traces
 * the UI chunk's response began 200–300 ms after its request. Static hosts
 * serve precompressed files (nginx `gzip_static`, CDNs); so does this: the
 * build writes `<file>.gz` beside each compressible file (gzip -9), and the
 * preview server sends it as is to a browser that accepts gzip. Anything
 * else (no `.gz`, no gzip in Accept-Encoding, a directory URL) falls through
 * to Vite's own handling. The service worker's file list leaves the `.gz`
 * files out (vite.config.ts): the browser decodes what it fetched.
 */
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { Plugin, PreviewServer } from 'vite';

/** What Vite's preview compresses on the fly (text, scripts, JSON, SVG), with the type it would send. */
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html;charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
};
/** Below this a gzip frame costs more than it saves (Vite's preview uses the same threshold). */
const MIN_BYTES = 1024;

export const GZ_SUFFIX = '.gz';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes `<file>.gz` for each compressible file of `dir` that gzip makes smaller; returns how many. */
export function precompress(dir: string): number {
  let written = 0;
  for (const file of filesUnder(dir)) {
    if (!(extname(file) in TYPES)) continue;
    const body = readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    const packed = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
    if (packed.length >= body.length) continue;
    writeFileSync(`${file}${GZ_SUFFIX}`, packed);
    written++;
  }
  return written;
}

/** The `.gz` beside the file a request names, if the request may have it. */
function gzipFor(root: string, request: IncomingMessage): { path: string; type: string } | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  const type = TYPES[extname(pathname)];
  if (!type) return undefined;
  const file = join(root, normalize(pathname));
  if (!file.startsWith(root + sep)) return undefined;
  return { path: `${file}${GZ_SUFFIX}`, type };
}

function serveGzip(root: string, request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const found = gzipFor(root, request);
  if (!found) return next();
  let size: number;
  let mtime: number;
  try {
    const stat = statSync(found.path);
    if (!stat.isFile()) return next();
    size = stat.size;
    mtime = stat.mtime.getTime();
  } catch {
    return next();
  }
  const etag = `W/"gz-${size}-${mtime}"`;
  const vary = response.getHeader('Vary');
  response.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', 'no-cache');
  if (request.headers['if-none-match'] === etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.setHeader('Content-Type', found.type);
  response.setHeader('Content-Encoding', 'gzip');
  response.setHeader('Content-Length', size);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(found.path).pipe(response);
}

export function precompressedAssets(): Plugin {
  let outDir = 'dist';
  let building = false;
  return {
    name: 'slipway-precompress',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      building = config.command === 'build';
    },
    closeBundle() {
      if (building) precompress(outDir);
    },
    configurePreviewServer(server: PreviewServer) {
      const root = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((request, response, next) => serveGzip(root, request, response, next));
    },
  };
}
