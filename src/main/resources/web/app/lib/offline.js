// Registers the service worker that keeps the app shell, so that the app opens without a connection.
export function keepAppShell() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // What this page loaded before the worker controlled it: the worker keeps it too.
      const files = performance.getEntriesByType('resource').map(entry => new URL(entry.name))
        .filter(url => url.origin === location.origin && url.pathname.startsWith('/static/'))
        .map(url => url.pathname);
      registration.active?.postMessage({ keep: files });
    })
    .catch(() => {});
}
