// Module worker that runs the Python calculators in Pyodide, away from the page's main
// thread. Protocol: the page posts {id, sequence, request, view, sentAt}; the worker posts
// {type: "started", id} when it begins the request, then answers {id, sequence, json, timings}
// with the JSON text that calculators.render.page.handle_page returned, or {id, sequence, error}
// in Dutch (the page's side, with the time limit, is rekenhulp-client.js). How it starts
// Pyodide, and the progress messages meanwhile, is rekenhulp-boot.mjs.
//
// The answer is Python's JSON text as it came: the page parses it once. Parsing it here
// would cost a JSON.parse and then postMessage's copy of every object in it; a string is
// copied in one piece. Python answers in the page's form (sections=True): the result's HTML
// in sections, timed (rekenhulp.js reports the timings with every result).
import { boot, preloadSoon } from "./rekenhulp-boot.mjs";

const ready = boot();
ready.catch((error) => {
  postMessage({ type: "failed", message: String(error.message || error) });
});

/** A moment both threads read alike: their performance.now() counts from different origins. */
const now = () => performance.timeOrigin + performance.now();

self.onmessage = async (event) => {
  const arrived = now();
  const { id, sequence, request, view, sentAt } = event.data;
  try {
    const handle = await ready;
    // Starts the page's clock for this request: the boot and the queue do not count.
    postMessage({ type: "started", id });
    const started = performance.now();
    // The highlight is a view option, outside the request: Python ignores anything but a
    // municipality of the scenario (calculators.render.page.handle_page).
    const highlight = typeof view?.highlight === "string" ? view.highlight : null;
    const text = JSON.stringify(request);
    const called = performance.now();
    const json = handle(text, highlight, true);
    const answered = performance.now();
    // In ms; `call` holds Python's own compute and render, which come in the JSON.
    // The two clocks agree to some 0,1 ms: a difference just below zero is zero.
    const timings = { request: typeof sentAt === "number" ? Math.max(0, arrived - sentAt) : 0,
      stringify: called - started, call: answered - called, sentAt: now() };
    postMessage({ id, sequence, json, timings });
    if (request.action === "compute") preloadSoon(String(request.calculator));
  } catch (error) {
    postMessage({ id, sequence, error: String(/** @type {any} */ (error).message || error) });
  }
};
