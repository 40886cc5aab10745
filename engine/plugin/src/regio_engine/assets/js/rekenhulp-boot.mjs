// How the calculators' worker starts Pyodide (rekenhulp-worker.mjs runs the requests).
// While booting it posts {type: "progress", stage, message}; when ready also `boot`:
// - "warm": a later visit restores the memory snapshot it kept in Cache Storage (Python
//   with the calculators imported, made at build time), already decompressed, so the start
//   is reading it and restoring it;
// - "snapshot": a first visit on a fast link downloads that snapshot and restores it;
// - "plain": a first visit on a slow link (or without the snapshot) boots Python and loads
//   the calculators wheel. rekenhulp-start.mjs chooses between these two per visit.
// After a first visit the snapshot is kept for the next one (in the background after a plain
// start). The snapshot's sha256 comes from snapshot.json on this site; on any mismatch or
// error the worker starts plain. `?start=plain` or `?start=snapshot` in the worker's URL
// forces the first-visit way (benchmarks and tests; rekenhulp-client.js passes it on).
//
// The worker keeps what it chose and when each step finished in `self.rekenhulpBoot`, for
// bench/bench_start.py and the browser tests. A start from the snapshot answers a calculator
// page's first requests from memory (calculators.render.page.remember_first_answers); after
// an answer, when idle, the worker warms up that calculator and then posts
// {type: "warmed-up", calculator} (preloadSoon).
import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { PROBE_BYTES, chooseFirstStart, linkHint, speedMbit } from "./rekenhulp-start.mjs";

/** @typedef {import("pyodide").PyodideAPI} PyodideAPI */
/** @typedef {{file: string, sha256: string}} Manifest  snapshot.json, written at build time */
/**
 * calculators.render.page.handle_page; the worker passes sections=true (the page's form).
 * @typedef {(request: string, highlight?: string | null, sections?: boolean) => string} Handle
 */
/**
 * @typedef {object} Download  a snapshot download whose first bytes measured the link
 * @property {number} mbit
 * @property {() => Promise<ArrayBuffer>} rest  the whole compressed file
 * @property {() => void} cancel
 */

const indexURL = new URL("../../pyodide/", import.meta.url).href;
const SNAPSHOT_CACHE = "rekenhulpen-snapshot";
const forced = new URL(self.location.href).searchParams.get("start");
const FORCED = forced === "plain" || forced === "snapshot" ? forced : null;

/** @type {{way: string, mbit: number | null, marks: Record<string, number>}} */
const record = { way: "", mbit: null, marks: {} };
/** @type {any} */ (self).rekenhulpBoot = record;

/** @param {string} name */
function mark(name) {
  record.marks[name] = Math.round(performance.now());
}

/** @param {string} stage @param {string} message @param {Record<string, unknown>} [extra] */
function progress(stage, message, extra = {}) {
  postMessage({ type: "progress", stage, message, ...extra });
}

/** @param {ArrayBuffer} bytes @returns {Promise<string>} */
async function sha256Hex(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function canRestore() {
  return Boolean(self.caches && crypto.subtle && self.DecompressionStream);
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
function storedKey(manifest) {
  // A synthetic key for Cache Storage only (never fetched). The copy is the decompressed
  // snapshot, so a warm start skips decompression; the hash ties it to one build.
  return `${indexURL}${manifest.file}?uitgepakt&sha256=${manifest.sha256}`;
}

async function hasStoredSnapshot() {
  try {
    return canRestore() && (await (await caches.open(SNAPSHOT_CACHE)).keys()).length > 0;
  } catch {
    return false;
  }
}

// The kept copy was decompressed from a download whose sha256 matched, and only this
// worker writes it; checking 31 MB again would cost more than the decompression it saves.
/** @param {Manifest | null} manifest @returns {Promise<ArrayBuffer | null>} */
async function storedSnapshot(manifest) {
  if (!manifest) return null;
  try {
    const hit = await (await caches.open(SNAPSHOT_CACHE)).match(storedKey(manifest));
    return hit ? await hit.arrayBuffer() : null;
  } catch {
    // Cache Storage can be unavailable (private mode, full disk): start normally.
    return null;
  }
}

/** @param {Manifest} manifest @param {ArrayBuffer} raw */
async function keepSnapshot(manifest, raw) {
  const cache = await caches.open(SNAPSHOT_CACHE);
  for (const old of await cache.keys()) await cache.delete(old);
  await cache.put(storedKey(manifest), new Response(raw));
  postMessage({ type: "snapshot-stored" });
}

/** @param {Manifest} manifest @param {ArrayBuffer} compressed @returns {Promise<ArrayBuffer>} */
async function unpack(manifest, compressed) {
  if ((await sha256Hex(compressed)) !== manifest.sha256) throw new Error("snapshot changed");
  const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

/** @param {Uint8Array[]} chunks @param {number} size */
function joined(chunks, size) {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole.buffer;
}

// Starts the snapshot download and reads its first PROBE_BYTES to measure the link; the
// rest is read only if the snapshot wins, so a slow link loses little.
/** @param {Manifest} manifest @returns {Promise<Download>} */
async function startDownload(manifest) {
  const abort = new AbortController();
  const response = await fetch(indexURL + manifest.file, { signal: abort.signal });
  if (!response.ok || !response.body) throw new Error("snapshot unavailable");
  const reader = response.body.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  let firstAt = 0;
  while (size < PROBE_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!chunks.length) firstAt = performance.now();
    chunks.push(value);
    size += value.length;
  }
  const mbit = speedMbit(size - (chunks[0]?.length ?? 0), performance.now() - firstAt);
  const rest = async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return joined(chunks, size);
      chunks.push(value);
      size += value.length;
    }
  };
  return { mbit, rest, cancel: () => abort.abort() };
}

/** @typedef {{preloadAll: () => void, warmUp: (calculator: string) => void}} IdleWork */
/** @type {IdleWork | null} */
let idleWork = null;

/** @param {PyodideAPI} pyodide @returns {Handle} */
function entryPoint(pyodide) {
  const page = pyodide.pyimport("calculators.render.page");
  idleWork = { preloadAll: page.preload_all, warmUp: page.warm_up };
  return page.handle_page;
}

// A compiled function runs faster after it has run a few times (the browser optimises it
// then): without this, a reader's first edits took two to four times as long as later ones.
// 8 rounds still left the first edits at twice the later ones; 30 brought them level
// (bench/bench_site.py). A round takes 5 to 40 ms, in the worker, while nothing else waits.
const WARM_UP_ROUNDS = 30;
let preloaded = false;
/** @type {Set<string>} */
const warmed = new Set();

// After an answer, when the worker is idle: import the other calculators too, so that the
// next calculator page (instant navigation) does not wait for its import (a snapshot start
// has them already; then this costs nothing), and compute this calculator's example a few
// times, one task each, so that a request from the page never waits long behind it.
/** @param {string} calculator */
export function preloadSoon(calculator) {
  const work = idleWork;
  if (!work) return;
  /** @param {() => void} step */
  const idly = (step) => {
    try {
      step();
    } catch {
      // Only the next page or edit gets slower; its own request reports any real problem.
    }
  };
  if (!preloaded) {
    preloaded = true;
    setTimeout(() => idly(work.preloadAll), 250);
  }
  if (warmed.has(calculator)) return;
  warmed.add(calculator);
  /** @param {number} round */
  const warmUp = (round) => {
    idly(() => work.warmUp(calculator));
    if (round + 1 < WARM_UP_ROUNDS) setTimeout(() => warmUp(round + 1), 0);
    else postMessage({ type: "warmed-up", calculator });
  };
  setTimeout(() => warmUp(0), 300);
}

// `raw` may be a promise: a first visit downloads the snapshot while Pyodide fetches its
// runtime, so the two downloads overlap. Null when it could not start this way.
/** @param {ArrayBuffer | Promise<ArrayBuffer>} raw @returns {Promise<Handle | null>} */
async function bootFromSnapshot(raw) {
  progress("runtime", "Rekenhulp wordt gestart…");
  try {
    const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL, _loadSnapshot: raw });
    mark("runtime");
    return entryPoint(pyodide);
  } catch {
    await caches.delete(SNAPSHOT_CACHE).catch(() => false);
    return null;
  }
}

/** @returns {Promise<Handle>} */
async function bootPlain() {
  progress("runtime", "Python-omgeving laden (ongeveer 12 MB, alleen de eerste keer)…");
  const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL });
  mark("runtime");
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

// A first visit: measure the link on the snapshot's first bytes unless the connection hint
// (or a forced way) already decides. Null means: start plain.
/** @param {Promise<Manifest | null>} manifestPromise @returns {Promise<Download | null>} */
async function snapshotDownloadIfFaster(manifestPromise) {
  let way = FORCED ?? chooseFirstStart(linkHint(self.navigator));
  if (way === "plain" || !canRestore()) return null;
  const manifest = await manifestPromise;
  const download = manifest ? await startDownload(manifest).catch(() => null) : null;
  if (!download) return null;
  record.mbit = download.mbit;
  mark("probe");
  if (way === "measure") way = chooseFirstStart(linkHint(self.navigator), download.mbit);
  if (way === "snapshot") return download;
  download.cancel();
  return null;
}

/** @param {Manifest} manifest @param {Download} download @returns {Promise<Handle | null>} */
async function bootFirstFromSnapshot(manifest, download) {
  const raw = download.rest().then((compressed) => unpack(manifest, compressed));
  raw.then(() => mark("snapshot"), () => {});
  const handle = await bootFromSnapshot(raw);
  if (handle) raw.then((bytes) => keepSnapshot(manifest, bytes)).catch(() => {});
  return handle;
}

// After a plain start, in the background: the next visit starts warm.
/** @param {Manifest | null} manifest */
async function keepForNextVisit(manifest) {
  if (!manifest || !canRestore()) return;
  try {
    const response = await fetch(indexURL + manifest.file);
    if (response.ok) await keepSnapshot(manifest, await unpack(manifest, await response.arrayBuffer()));
  } catch {
    // Only the next start gets slower; nothing to report.
  }
}

/** @param {Handle} handle @param {string} way */
function ready(handle, way) {
  record.way = way;
  mark("ready");
  progress("ready", "Klaar.", { boot: way });
  return handle;
}

/** @returns {Promise<Handle>} */
export async function boot() {
  mark("start");
  // Only a visit with a kept snapshot waits for snapshot.json before it starts.
  const manifestPromise = readManifest();
  if (await hasStoredSnapshot()) {
    const stored = await storedSnapshot(await manifestPromise);
    mark("read");
    const handle = stored ? await bootFromSnapshot(stored) : null;
    if (handle) return ready(handle, "warm");
  }
  const download = await snapshotDownloadIfFaster(manifestPromise);
  const manifest = download ? await manifestPromise : null;
  if (manifest && download) {
    const handle = await bootFirstFromSnapshot(manifest, download);
    if (handle) return ready(handle, "snapshot");
  }
  const handle = ready(await bootPlain(), "plain");
  // In the background, so the first result is not delayed.
  setTimeout(async () => keepForNextVisit(await manifestPromise), 1000);
  return handle;
}
