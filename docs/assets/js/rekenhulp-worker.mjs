// Module worker that runs the Python calculators in Pyodide, away from the page's main
// thread. Protocol: the page posts {id, sequence, request, view}; the worker posts
// {type: "started", id} when it begins the request, then answers {id, sequence, response}
// with the JSON that calculators.render.page.handle_page returned, or {id, sequence, error}
// in Dutch (the page's side, with the time limit, is rekenhulp-client.js). How it starts
// Pyodide, and the progress messages meanwhile, is rekenhulp-boot.mjs.
import { boot, preloadSoon } from "./rekenhulp-boot.mjs";

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
