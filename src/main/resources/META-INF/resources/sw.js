// The service worker keeps the app shell (the page, its bundled scripts and styles, the manifest and icons) so that
// the app opens without a connection. It keeps nothing from the API: sessions and accounts stay on the server, and
// sessions saved offline wait in the page's own queue (IndexedDB), not here.
const SHELL = 'logbook-shell-v1';
const PAGE = '/';
// A slow connection in the street should not keep the person waiting for the page they already have.
const PAGE_TIMEOUT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(keepPage().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== SHELL) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const files = (event.data?.keep || []).filter(path => typeof path === 'string' && path.startsWith('/static/'));
  event.waitUntil(keep(files));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  if (url.pathname === PAGE && event.request.mode === 'navigate') {
    event.respondWith(page(event.request));
  } else if (url.pathname.startsWith('/static/bundle/')) {
    event.respondWith(bundled(event.request));
  } else if (url.pathname.startsWith('/static/') || url.pathname.startsWith('/icons/') || url.pathname === '/manifest.json') {
    event.respondWith(fresh(event.request));
  }
});

/** The page, and the bundled files it names. */
async function keepPage() {
  const response = await fetch(PAGE, { cache: 'no-cache' });
  if (!response.ok) return;
  const text = await response.clone().text();
  await (await caches.open(SHELL)).put(PAGE, response);
  await keep([...text.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map(match => match[1]));
}

async function keep(paths) {
  const cache = await caches.open(SHELL);
  for (const path of new Set(paths)) {
    if (await cache.match(path)) continue;
    const response = await fetch(path).catch(() => null);
    if (response?.ok) await cache.put(path, response);
  }
}

/** From the network when it answers in time, so a new version arrives; else the kept page. */
async function page(request) {
  const cache = await caches.open(SHELL);
  const network = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(PAGE, response.clone());
    return response;
  });
  const kept = await cache.match(PAGE);
  if (!kept) return network;
  return Promise.race([
    network.then(response => (response.ok ? response : kept), () => kept),
    new Promise(resolve => setTimeout(() => resolve(kept), PAGE_TIMEOUT_MS)),
  ]);
}

/** Bundled files carry a hash of their content in their names: once kept, they never change. */
async function bundled(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Other files of the shell: from the network, else as kept. */
async function fresh(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw e;
  }
}
