// Pyodide under Node.js with the calculators loaded by name, as the browser worker loads them
// (from the lock file, sha256 checked). Used by the build (trace_stdlib.mjs) and by the
// Pyodide test runner.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * @param {string} pyodideDir folder with pyodide.mjs and the runtime
 * @param {Record<string, unknown>} options more loadPyodide options (lockFileURL, ...)
 * @param {(pyodide: any) => void} [beforeLoad] runs before the package is loaded
 */
export async function loadCalculators(pyodideDir, options, beforeLoad) {
  const indexURL = resolve(pyodideDir) + "/";
  const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
  const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL, ...options });
  beforeLoad?.(pyodide);
  // loadPackage does not reject when a download or the sha256 check fails.
  /** @type {string[]} */
  const loadErrors = [];
  await pyodide.loadPackage("calculators", {
    messageCallback: () => {},
    errorCallback: (/** @type {string} */ message) => loadErrors.push(message),
  });
  if (loadErrors.length) {
    console.error("loading calculators failed:", loadErrors.join("\n"));
    process.exit(3);
  }
  return pyodide;
}
