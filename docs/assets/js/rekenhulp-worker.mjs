// Module worker that runs the Python calculators in Pyodide, away from the page's main
// thread. Protocol: the page posts {id, request}; the worker answers {id, response} with the
// JSON that calculators.core.entry.handle returned, or {id, error} in Dutch. While booting it
// posts {type: "progress", stage, message}.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;

function progress(stage, message) {
  postMessage({ type: "progress", stage, message });
}

async function boot() {
  progress("runtime", "Python-omgeving laden (ongeveer 12 MB, alleen de eerste keer)…");
  const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL });
  progress("package", "Rekenhulpen laden…");
  // loadPackage does not reject when a download or the sha256 check fails: collect the
  // messages and verify the import ourselves.
  const loadErrors = [];
  await pyodide.loadPackage("calculators", {
    messageCallback: () => {},
    errorCallback: (message) => loadErrors.push(message),
  });
  let handle;
  try {
    handle = pyodide.pyimport("calculators.render.page").handle_page;
  } catch (error) {
    const detail = loadErrors.length ? loadErrors.join(" ") : String(error);
    throw new Error(`De rekenhulpen konden niet worden geladen. ${detail}`);
  }
  progress("ready", "Klaar.");
  return handle;
}

const ready = boot();
ready.catch((error) => {
  postMessage({ type: "failed", message: String(error.message || error) });
});

self.onmessage = async (event) => {
  const { id, request } = event.data;
  try {
    const handle = await ready;
    const started = performance.now();
    const response = JSON.parse(handle(JSON.stringify(request)));
    postMessage({ id, response, elapsedMs: performance.now() - started });
  } catch (error) {
    postMessage({ id, error: String(error.message || error) });
  }
};
