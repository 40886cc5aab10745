// On every page, and small on purpose. The calculators' page glue (rekenhulp.js and the
// modules it imports) is loaded only on a page that holds a calculator: on every page it
// cost Lighthouse's Total Blocking Time about 100 ms (bench/bench_lighthouse.py). A pointer
// resting on, or focus reaching, a link to a calculator page starts the worker before the
// click, so Pyodide boots while the visitor decides; without such intent nothing is fetched.
// The calculator pages are listed in a <meta> by the engine's pyodide_dist.py.

const SITE_ROOT = new URL("../../", import.meta.url);
// A pointer that rests this long on a link to a calculator page counts as intent.
const INTENT_DELAY_MS = 80;

/** @type {Promise<typeof import("./rekenhulp.js")> | null} */
let glue = null;
let workerAsked = false;

function startWorker() {
  workerAsked = true;
  import("./rekenhulp-client.js").then((client) => client.workerClient());
}

function calculatorPaths() {
  const meta = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="rekenhulp-paginas"]'));
  const paths = (meta?.content || "").split(/\s+/).filter(Boolean);
  return new Set(paths.map((path) => new URL(path, SITE_ROOT).pathname));
}

function watchForIntent() {
  const paths = calculatorPaths();
  if (!paths.size) return;
  /** @param {Event} event @returns {HTMLAnchorElement | null} */
  const target = (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!(link instanceof HTMLAnchorElement) || workerAsked) return null;
    const url = new URL(link.href, location.href);
    return url.origin === location.origin && paths.has(url.pathname) ? link : null;
  };
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  document.addEventListener("pointerover", (event) => {
    const link = target(event);
    if (!link) return;
    clearTimeout(timer);
    timer = setTimeout(startWorker, INTENT_DELAY_MS);
    link.addEventListener("pointerout", () => clearTimeout(timer), { once: true });
  });
  document.addEventListener("focusin", (event) => {
    if (target(event)) startWorker();
  });
}

// Once loaded, the glue sees every page: it stops the calculators of a page that was left.
function onPage() {
  if (!glue && !document.querySelector("[data-rekenhulp]")) return;
  workerAsked = true;
  glue ??= import("./rekenhulp.js");
  glue.then((module) => module.attachAll());
}

// mkdocs-material swaps page content without reloading under instant navigation and
// announces each new page through document$.
if (window.document$) window.document$.subscribe(onPage);
else onPage();
watchForIntent();
