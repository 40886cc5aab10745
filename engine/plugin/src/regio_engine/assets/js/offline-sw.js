// Service worker template. The engine's offline.py fills in MANIFEST and publishes the result as
// sw.js at the site root (this file itself is not published), so the worker's scope covers
// the whole site, also under a sub-path such as GitHub Pages' /<repo>/.
//
// - Pages and the site's own assets are precached per build, each checked against the
//   sha256 in the manifest: an install that would mix two builds fails and is retried later.
// - Pyodide (runtime, lock file, wheel) is cached on first use, in a cache of its own whose
//   name follows the Pyodide files' hashes, so a site rebuild that leaves Pyodide alone does
//   not make visitors download 12 MB again. Pages without a calculator never touch it.
// - A new version waits until the visitor clicks "reload" (assets/js/offline.js):
//   until then the old worker keeps serving the old caches, so an open calculator keeps
//   working, and no page mixes old and new files.
//
// Every URL derives from the registration scope: nothing assumes the site lives at "/".

const MANIFEST = {/* MANIFEST */};

const SCOPE = self.registration.scope;
// Cache Storage is shared by the whole origin; two sites under different sub-paths of one
// host must not delete each other's caches.
const PREFIX = `offline ${new URL(SCOPE).pathname} `;

if (MANIFEST.dev) {
  // Written by `mkdocs serve`: a worker left over from a built site on the same address
  // would otherwise keep serving old pages to the editor. Remove it and everything it kept.
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX)) await caches.delete(name);
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
    })());
  });
} else {
  const PRECACHE = `${PREFIX}site ${MANIFEST.version}`;
  const PYODIDE_CACHE = `${PREFIX}pyodide ${MANIFEST.pyodideVersion}`;
  const absolute = (table) => new Map(Object.entries(table).map(([path, hash]) => [new URL(path, SCOPE).href, hash]));
  const precached = absolute(MANIFEST.precache);
  const pyodideFiles = absolute(MANIFEST.pyodide);
  // Few at a time: a phone on poor Wi-Fi should not open a hundred connections at once.
  const PARALLEL = 6;

  const sha256Hex = async (buffer) => [...new Uint8Array(await crypto.subtle.digest("SHA-256", buffer))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");

  // A fresh Response (also drops the `redirected` flag, which a navigation would refuse),
  // or null when the body is not the file this build published.
  async function verified(response, expected) {
    if (!response || !response.ok || response.type !== "basic") return null;
    const body = await response.arrayBuffer();
    if ((await sha256Hex(body)) !== expected) return null;
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  self.addEventListener("install", (event) => {
    event.waitUntil((async () => {
      const cache = await caches.open(PRECACHE);
      const queue = [...precached];
      const worker = async () => {
        while (queue.length) {
          const [url, hash] = queue.shift();
          // A retried install keeps what an earlier attempt already checked.
          if (await cache.match(url)) continue;
          const copy = await verified(await fetch(url, { cache: "no-cache" }), hash);
          if (!copy) throw new Error(`Onverwachte inhoud: ${url}`);
          await cache.put(url, copy);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    })());
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
      const keep = new Set([PRECACHE, PYODIDE_CACHE]);
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
      }
      // A first visit's page gets its worker now, not only after its next load. An update
      // activates only through the reload button (skip-waiting), so pages of the old build
      // are never switched behind the visitor's back by this.
      await self.clients.claim();
    })());
  });

  self.addEventListener("message", (event) => {
    if (event.data?.type === "skip-waiting") self.skipWaiting();
    if (event.data?.type === "adopt-pyodide") event.waitUntil(adoptPyodide());
  });

  // On a first visit the calculator's worker starts before this service worker controls the
  // page, so its Pyodide downloads pass us by. The page asks for them once its calculator is
  // live; force-cache takes them from the browser's HTTP cache when it still has them (a
  // small in-memory cache may not keep the 9.6 MB wasm: then it is fetched again, in the
  // background). Only calculator pages ask, so other pages still fetch nothing of Pyodide.
  async function adoptPyodide() {
    const cache = await caches.open(PYODIDE_CACHE);
    for (const [url, hash] of pyodideFiles) {
      if (await cache.match(url)) continue;
      try {
        const copy = await verified(await fetch(url, { cache: "force-cache" }), hash);
        if (copy) await cache.put(url, copy);
      } catch {
        // Offline now: it is cached on its next use instead.
      }
    }
  }

  async function fromPyodideCache(event, url) {
    const cache = await caches.open(PYODIDE_CACHE);
    const hit = await cache.match(url);
    if (hit) return hit;
    const response = await fetch(event.request);
    const hash = pyodideFiles.get(url);
    if (hash && response.ok) {
      event.waitUntil(verified(response.clone(), hash).then((copy) => copy && cache.put(url, copy)));
    }
    return response;
  }

  async function fromPrecache(request, url) {
    const hit = await (await caches.open(PRECACHE)).match(url);
    return hit || fetch(request);
  }

  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
    const url = new URL(request.url);
    // Search adds ?h=… to result links; the page is the same.
    url.search = "";
    url.hash = "";
    if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -"index.html".length);
    const key = url.href;
    if (pyodideFiles.has(key)) event.respondWith(fromPyodideCache(event, key));
    else if (precached.has(key)) event.respondWith(fromPrecache(request, key));
    // Anything else (a file added after this build, say) goes to the network as usual.
  });
}
