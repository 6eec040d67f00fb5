/**
 * A new build replaces the offline cache cleanly. Build A is served and
 * visited (its service worker precaches it); then the server starts serving
 * build B: a copy of A whose entry chunk marks the page as B and whose sw.js
 * carries a new version, which is what a rebuild changes. The open tab keeps
 * running A while B installs; a revisit runs B only, A's cache is gone, and
 * nothing logs an error.
 *
 * The spec serves both builds itself (from copies of SLIPWAY_DIST) on a port
 * of its own, so switching builds never touches the suite's server.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, terminalText, test, typeCommand, waitForPrompt, watchPage } from './fixtures.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** A static server whose folder can be switched, as a deploy switches what a host serves. */
function serve(): { server: Server; setRoot(dir: string): void; listening: Promise<number> } {
  let root = '';
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'index.html' : path);
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  const listening = new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  return { server, setRoot: (dir) => void (root = dir), listening };
}

const MARK = 'document.documentElement.dataset.build = "B";';

/** Build B: A with its entry chunk changed (it marks the page) and a new service-worker version. */
function makeBuildB(a: string, b: string): { entry: string; versionA: string; versionB: string } {
  cpSync(a, b, { recursive: true });
  const html = readFileSync(join(b, 'index.html'), 'utf8');
  const entry = /src="\.?\/?(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry chunk in index.html');
  writeFileSync(join(b, entry), `${readFileSync(join(b, entry), 'utf8')}\n${MARK}\n`);
  const sw = readFileSync(join(b, 'sw.js'), 'utf8');
  const versionA = /const CACHE = 'slipway-([^']+)'/.exec(sw)?.[1];
  if (!versionA) throw new Error('no cache version in sw.js');
  const versionB = `${versionA}b`;
  writeFileSync(join(b, 'sw.js'), sw.replace(`'slipway-${versionA}'`, `'slipway-${versionB}'`));
  return { entry, versionA, versionB };
}

test('a new build replaces the offline cache cleanly: the revisit runs only the new build', async ({ page, context, watch }) => {
  void watch;
  const dist = process.env.SLIPWAY_DIST ?? 'dist';
  const work = mkdtempSync(join(tmpdir(), 'slipway-update-'));
  const a = join(work, 'a');
  const b = join(work, 'b');
  cpSync(dist, a, { recursive: true });
  const { entry, versionA, versionB } = makeBuildB(a, b);
  const host = serve();
  host.setRoot(a);
  const base = `http://127.0.0.1:${await host.listening}/`;
  try {
    // First visit of A: the service worker installs and takes control.
    await page.goto(base);
    await waitForPrompt(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => caches.keys())).toEqual([`slipway-${versionA}`]);
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBeUndefined();

    // B is deployed. The open tab finds it and installs it, but keeps running A: B waits for A's pages to close.
    host.setRoot(b);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null, undefined, { timeout: 30_000 });
    expect((await page.evaluate(() => caches.keys())).sort()).toEqual([`slipway-${versionA}`, `slipway-${versionB}`].sort());
    await typeCommand(page, 'docker ps');
    await expect(terminalText(page)).toContainText('CONTAINER ID');
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBeUndefined();
    await page.close();
    // B activates once A's last page is gone; its activate step deletes A's cache. Wait for that before revisiting,
    // or the revisit would itself be a page of A (correctly served by A) and keep B waiting.
    await expect
      .poll(async () => {
        for (const worker of context.serviceWorkers()) {
          const keys = await worker.evaluate(() => caches.keys()).catch(() => []);
          if (keys.length === 1 && keys[0] === `slipway-${versionB}`) return true;
        }
        return false;
      }, { timeout: 30_000 })
      .toBe(true);

    // The revisit: B is active, serves B's files, and A's cache is gone.
    const next = await context.newPage();
    const errors = watchPage(next);
    const entryResponses: { fromServiceWorker: boolean; body: string }[] = [];
    next.on('response', (response) => {
      if (new URL(response.url()).pathname === `/${entry}`) void response.text().then((body) => entryResponses.push({ fromServiceWorker: response.fromServiceWorker(), body }));
    });
    await next.goto(base);
    await waitForPrompt(next);
    await expect.poll(() => next.evaluate(() => document.documentElement.dataset.build)).toBe('B');
    await expect.poll(() => next.evaluate(() => caches.keys())).toEqual([`slipway-${versionB}`]);
    expect(await next.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${base}sw.js`);
    expect(entryResponses.length).toBeGreaterThan(0);
    for (const response of entryResponses) {
      expect(response.fromServiceWorker).toBe(true);
      expect(response.body).toContain(MARK);
    }
    await typeCommand(next, 'docker ps');
    await expect(terminalText(next)).toContainText('CONTAINER ID');
    await next.screenshot({ path: 'e2e/screenshots/update.png' });
    expect(errors.errors).toEqual([]);
    expect(errors.external).toEqual([]);
    // Nothing of A is left in any cache: every cached copy of the entry is B's.
    const cachedEntries = await next.evaluate(async (path) => {
      const bodies: string[] = [];
      for (const key of await caches.keys()) {
        const hit = await (await caches.open(key)).match(path);
        if (hit) bodies.push(await hit.text());
      }
      return bodies;
    }, `./${entry}`);
    expect(cachedEntries.length).toBe(1);
    expect(cachedEntries[0]).toContain(MARK);
  } finally {
    host.server.close();
    rmSync(work, { recursive: true, force: true });
  }
});

