/* Slipway's service worker (generated from src/sw/sw.template.js at build time).
 * Precaches one build under one cache name; a new build installs a new cache
 * and, once no page of the old build is open, deletes the old one. Pages are
 * always served from the cache of the worker that controls them, so a page
 * never mixes files from two builds. */
const CACHE = 'slipway-__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  // `reload` bypasses the HTTP cache: a file the browser cached from an older build must not enter this build's cache.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((url) => new Request(url, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('slipway-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const key = request.mode === 'navigate' ? './' : request;
      // vite preview answers with `Vary: Origin`; module scripts are requested with an Origin, precaching was not.
      const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
      return hit ?? fetch(request);
    }),
  );
});
