// Registers the site's service worker (sw.js at the site root, written by the engine's offline.py)
// and tells the visitor when a new version of the site is ready.
//
// The site root is derived from this module's own URL (it lives in assets/js/), so the
// site also works offline under a sub-path such as GitHub Pages' /<repo>/.
//
// A new version is never forced on an open page: an open calculator keeps working with the
// old files until the visitor clicks the button in the notice.

const SITE_ROOT = new URL("../../", import.meta.url);
const SERVICE_WORKER_URL = new URL("sw.js", SITE_ROOT);
// Instant navigation never reloads the page, so look for a new version now and then.
const UPDATE_INTERVAL_MS = 5 * 60 * 1000;

// On a calculator page the first visit boots Pyodide; the precache (some 3 MB) waits until
// the calculator is live, so it does not compete with that download.
const CALCULATOR_SETTLED = '[data-rekenhulp][data-state="ok"], [data-rekenhulp][data-state="storing"]';
const MAX_WAIT_MS = 30_000;
// A tab opened in the background paints nothing until it is shown: wait no longer than this.
const PAINT_WAIT_MS = 10_000;
const IDLE_WAIT_MS = 3_000;

let notice = null;
let reloadRequested = false;
// Set when another tab switched this page's worker to a newer build.
let outdated = false;

// The live region exists before it gets text, so screen readers announce the text.
function noticeRegion() {
  if (!notice) {
    notice = document.createElement("div");
    notice.className = "offline-melding md-typeset";
    notice.setAttribute("role", "status");
    document.body.append(notice);
  }
  return notice;
}

function offerReload(waiting) {
  const region = noticeRegion();
  if (region.childElementCount) return;
  const text = document.createElement("p");
  text.textContent = "Er is een nieuwe versie van deze site.";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.textContent = "Nieuwe versie laden";
  button.addEventListener("click", () => {
    button.disabled = true;
    reloadRequested = true;
    // The waiting worker takes over; controllerchange then reloads this page.
    if (waiting && waiting.state === "installed") waiting.postMessage({ type: "skip-waiting" });
    else location.reload();
  });
  region.replaceChildren(text, button);
}

function watchForUpdates(registration) {
  const container = navigator.serviceWorker;
  // Only a page that already has a worker is on an older version; a first visit is not.
  const offerIfOld = (worker) => {
    if (container.controller) offerReload(worker);
  };
  if (registration.waiting) offerIfOld(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offerIfOld(worker);
    });
  });
  let lastCheck = Date.now();
  window.document$?.subscribe(() => {
    if (Date.now() - lastCheck < UPDATE_INTERVAL_MS) return;
    lastCheck = Date.now();
    registration.update().catch(() => {});
  });
}

// Once another tab moved to a new build, instant navigation would put new pages into this
// page's old scripts and styles: links then load the whole page instead.
function fullLoadsFromNowOn() {
  window.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.href.startsWith(SITE_ROOT.href)) return;
    if (url.pathname === location.pathname && url.hash) return; // an anchor on this page
    event.preventDefault();
    event.stopImmediatePropagation();
    location.assign(url.href);
  }, { capture: true });
}

// Installing the worker fetches and checks the whole site on another thread of the page. On a
// phone with few cores that competes with showing the page, so on a first visit it waits until
// the page has painted its first content and the main thread is idle.
function whenPaintedAndIdle() {
  return new Promise((resolve) => {
    /** @type {PerformanceObserver | null} */
    let observer = null;
    let waiting = true;
    const idle = () => {
      if (!waiting) return;
      waiting = false;
      observer?.disconnect();
      if ("requestIdleCallback" in window) requestIdleCallback(() => resolve(undefined), { timeout: IDLE_WAIT_MS });
      else setTimeout(resolve, 0);
    };
    const painted = () => performance.getEntriesByName("first-contentful-paint").length > 0;
    // Without paint timing in this browser, there is nothing to wait for.
    if (painted() || !globalThis.PerformanceObserver?.supportedEntryTypes?.includes("paint")) return idle();
    observer = new PerformanceObserver(() => {
      if (painted()) idle();
    });
    observer.observe({ type: "paint", buffered: true });
    setTimeout(idle, PAINT_WAIT_MS);
  });
}

function whenCalculatorSettled() {
  if (!document.querySelector("[data-rekenhulp]")) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (document.querySelector(CALCULATOR_SETTLED)) done();
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
    if (document.querySelector(CALCULATOR_SETTLED)) done();
    setTimeout(done, MAX_WAIT_MS);
  });
}

// On a first visit the calculator's worker starts before the service worker controls this
// page, so its downloads pass the service worker by. Once a calculator is live (now or after
// instant navigation), ask the service worker to keep the Pyodide files too; pages where no
// calculator ran never ask, so they fetch nothing of Pyodide.
function adoptPyodideWhenUsed() {
  let asked = false;
  const ask = () => {
    if (asked) return;
    asked = true;
    observer.disconnect();
    navigator.serviceWorker.ready.then((registration) => {
      registration.active?.postMessage({ type: "adopt-pyodide" });
    });
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-rekenhulp][data-state="ok"]')) ask();
  });
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  if (document.querySelector('[data-rekenhulp][data-state="ok"]')) ask();
}

async function start() {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  // `mkdocs serve` puts its live-reload function on every page: while editing, pages must
  // come from the dev server, so no worker here (and any left from a built site goes).
  if (typeof window.livereload === "function") {
    const stale = await container.getRegistration(SITE_ROOT.href).catch(() => null);
    await stale?.unregister();
    return;
  }
  const hadController = Boolean(container.controller);
  // The first controller of a first visit is no change of version; any later one is.
  let controlled = hadController;
  container.addEventListener("controllerchange", () => {
    if (reloadRequested) location.reload();
    // Another tab switched to the new version: this page still runs the old files.
    else if (controlled && !outdated) {
      outdated = true;
      fullLoadsFromNowOn();
      offerReload(null);
    }
    controlled = true;
  });
  if (!hadController) {
    if (document.readyState !== "complete") await new Promise((done) => addEventListener("load", done, { once: true }));
    await whenPaintedAndIdle();
    await whenCalculatorSettled();
  }
  let registration;
  try {
    registration = await container.register(SERVICE_WORKER_URL.href, { scope: SITE_ROOT.href });
  } catch {
    return; // No offline use (private mode, say); the site itself works as before.
  }
  noticeRegion();
  watchForUpdates(registration);
  // Also when controlled: a warm start skips the wheel, which a later plain start needs.
  adoptPyodideWhenUsed();
}

start();
