// Module worker that runs the Python calculators in Pyodide, away from the page's main
// thread. Protocol: the page posts {id, sequence, request, view}; the worker posts
// {type: "started", id} when it begins the request, then answers {id, sequence, response}
// with the JSON that calculators.render.page.handle_page returned, or {id, sequence, error}
// in Dutch (the page's side, with the time limit, is rekenhulp-client.js). While booting it
// posts {type: "progress", stage, message}; when ready also `boot` ("plain" or "snapshot").
//
// Warm start: after a normal start the worker stores the site's Pyodide memory snapshot
// (Python with the calculators already imported, made at build time) in Cache Storage; on
// a later visit it restores that snapshot instead of starting Python again. The snapshot's
// sha256 comes from snapshot.json on this site; on any mismatch or error the worker starts
// normally.
//
// `?start=snapshot` in this module's URL makes a first visit download the snapshot and
// restore it instead of booting (bench/bench_site.py measures both; rekenhulp-client.js picks).
import { loadPyodide } from "../../pyodide/pyodide.mjs";

/** @typedef {import("pyodide").PyodideAPI} PyodideAPI */
/** @typedef {{file: string, sha256: string}} Manifest  snapshot.json, written at build time */
/** @typedef {ArrayBuffer | null} Bytes  a download, or null when it is missing or wrong */

const indexURL = new URL("../../pyodide/", import.meta.url).href;
const SNAPSHOT_CACHE = "rekenhulpen-snapshot";
const FIRST_START = new URL(import.meta.url).searchParams.get("start") === "snapshot" ? "snapshot" : "plain";

/** @param {string} stage @param {string} message @param {Record<string, unknown>} [extra] */
function progress(stage, message, extra = {}) {
  postMessage({ type: "progress", stage, message, ...extra });
}

/** @param {ArrayBuffer} bytes @returns {Promise<string>} */
async function sha256Hex(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** @returns {Promise<Manifest | null>} */
async function readManifest() {
  try {
    const response = await fetch(indexURL + "snapshot.json", { cache: "no-cache" });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** @param {Manifest} manifest */
function snapshotKey(manifest) {
  // A synthetic key for Cache Storage only (never fetched); the hash ties it to one build.
  return `${indexURL}${manifest.file}?sha256=${manifest.sha256}`;
}

/** @param {Manifest | null} manifest @returns {Promise<Bytes>} */
async function cachedSnapshot(manifest) {
  if (!manifest || !self.caches || !crypto.subtle || !self.DecompressionStream) return null;
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const hit = await cache.match(snapshotKey(manifest));
    if (!hit) return null;
    const bytes = await hit.arrayBuffer();
    if ((await sha256Hex(bytes)) === manifest.sha256) return bytes;
    await cache.delete(snapshotKey(manifest));
  } catch {
    // Cache Storage can be unavailable (private mode, full disk): start normally.
  }
  return null;
}

// The compressed snapshot from this site, or null when it is missing or not the file that
// snapshot.json describes.
/** @param {Manifest | null} manifest @returns {Promise<Bytes>} */
async function downloadSnapshot(manifest) {
  if (!manifest || !crypto.subtle || !self.DecompressionStream) return null;
  const response = await fetch(indexURL + manifest.file);
  const bytes = await response.arrayBuffer();
  return response.ok && (await sha256Hex(bytes)) === manifest.sha256 ? bytes : null;
}

/** @param {Manifest} manifest @param {ArrayBuffer} bytes */
async function keepSnapshot(manifest, bytes) {
  if (!self.caches) return;
  const cache = await caches.open(SNAPSHOT_CACHE);
  for (const old of await cache.keys()) await cache.delete(old);
  await cache.put(snapshotKey(manifest), new Response(bytes));
  postMessage({ type: "snapshot-stored" });
}

/** @param {Manifest | null} manifest */
async function storeSnapshot(manifest) {
  try {
    const bytes = await downloadSnapshot(manifest);
    // Bytes come only with a manifest.
    if (bytes) await keepSnapshot(/** @type {Manifest} */ (manifest), bytes);
  } catch {
    // Only the next start gets slower; nothing to report.
  }
}

/** @type {(() => void) | null} */
let preloadAll = null;

/** @typedef {(request: string, highlight?: string | null) => string} Handle */

/** @param {PyodideAPI} pyodide @returns {Handle} */
function entryPoint(pyodide) {
  const page = pyodide.pyimport("calculators.render.page");
  preloadAll = page.preload_all;
  return page.handle_page;
}

// After the first answer, when the page is idle, import the other calculators too, so that
// the next calculator page (instant navigation) does not wait for its import. A snapshot
// start has them already; then this costs nothing.
let preloaded = false;
function preloadSoon() {
  if (preloaded || !preloadAll) return;
  preloaded = true;
  setTimeout(() => {
    try {
      /** @type {() => void} */ (preloadAll)();
    } catch {
      // Only the next page gets slower; its own request reports any real problem.
    }
  }, 250);
}

/** @param {ArrayBuffer} bytes @returns {Promise<ArrayBuffer>} */
async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

// `compressed` may be a promise: a first visit downloads the snapshot while Pyodide fetches
// its runtime, so the two downloads overlap.
/** @param {Bytes | Promise<Bytes>} compressed */
async function bootFromSnapshot(compressed) {
  progress("runtime", "Rekenhulp wordt gestart…");
  const snapshot = Promise.resolve(compressed).then((bytes) => {
    if (!bytes) throw new Error("snapshot unavailable");
    return gunzip(bytes);
  });
  const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL, _loadSnapshot: snapshot });
  return entryPoint(pyodide);
}

async function bootPlain() {
  progress("runtime", "Python-omgeving laden (ongeveer 12 MB, alleen de eerste keer)…");
  const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL });
  progress("package", "Rekenhulpen laden…");
  // loadPackage does not reject when a download or the sha256 check fails: collect the
  // messages and verify the import ourselves.
  /** @type {string[]} */
  const loadErrors = [];
  await pyodide.loadPackage("calculators", {
    messageCallback: () => {},
    errorCallback: (message) => loadErrors.push(message),
  });
  try {
    return entryPoint(pyodide);
  } catch (error) {
    const detail = loadErrors.length ? loadErrors.join(" ") : String(error);
    throw new Error(`De rekenhulpen konden niet worden geladen. ${detail}`);
  }
}

async function hasCachedSnapshot() {
  try {
    return Boolean(self.caches) && (await (await caches.open(SNAPSHOT_CACHE)).keys()).length > 0;
  } catch {
    return false;
  }
}

/** @param {Bytes | Promise<Bytes>} snapshot */
async function bootWarm(snapshot) {
  try {
    const handle = await bootFromSnapshot(snapshot);
    progress("ready", "Klaar.", { boot: "snapshot" });
    return handle;
  } catch {
    await caches.delete(SNAPSHOT_CACHE).catch(() => {});
    return null;
  }
}

// First visit with ?start=snapshot: download and restore the snapshot, keep it for later.
/** @param {Promise<Manifest | null>} manifestPromise */
async function bootFirstFromSnapshot(manifestPromise) {
  const download = manifestPromise.then(downloadSnapshot).catch(() => null);
  const handle = await bootWarm(download);
  if (handle) {
    // A handle means the download succeeded, so neither is null.
    download.then(async (bytes) => keepSnapshot(
      /** @type {Manifest} */ (await manifestPromise), /** @type {ArrayBuffer} */ (bytes))).catch(() => {});
  }
  return handle;
}

async function boot() {
  // A first visit must not wait for snapshot.json: only look it up when a snapshot is cached.
  const manifestPromise = readManifest();
  const cached = (await hasCachedSnapshot()) ? await cachedSnapshot(await manifestPromise) : null;
  let handle = null;
  if (cached) handle = await bootWarm(cached);
  else if (FIRST_START === "snapshot") handle = await bootFirstFromSnapshot(manifestPromise);
  if (handle) return handle;
  handle = await bootPlain();
  progress("ready", "Klaar.", { boot: "plain" });
  // In the background, so the first result is not delayed.
  setTimeout(async () => storeSnapshot(await manifestPromise), 1000);
  return handle;
}

const ready = boot();
ready.catch((error) => {
  postMessage({ type: "failed", message: String(error.message || error) });
});

self.onmessage = async (event) => {
  const { id, sequence, request, view } = event.data;
  try {
    const handle = await ready;
    // Starts the page's clock for this request: the boot and the queue do not count.
    postMessage({ type: "started", id });
    const started = performance.now();
    // The highlight is a view option, outside the request: Python ignores anything but a
    // municipality of the scenario (calculators.render.page.handle_page).
    const highlight = typeof view?.highlight === "string" ? view.highlight : null;
    const response = JSON.parse(handle(JSON.stringify(request), highlight));
    postMessage({ id, sequence, response, elapsedMs: performance.now() - started });
    if (request.action === "compute") preloadSoon();
  } catch (error) {
    postMessage({ id, sequence, error: String(/** @type {any} */ (error).message || error) });
  }
};
