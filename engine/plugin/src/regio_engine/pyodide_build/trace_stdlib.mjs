// Build step: which files of Python's standard library the calculators need in the browser.
//
// Usage: node trace_stdlib.mjs <pyodide dir> <dist dir with pyodide-lock.json and the wheel>
// Prints a JSON list of paths inside python_stdlib.zip. Pyodide boots as the worker boots it
// (the wheel by name from the lock file), then stdlib_trace.py imports and runs what the
// page can ask for. The site publishes a stdlib zip with only these files (about a third).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { loadCalculators } from "./pyodide_node.mjs";

const [pyodideDir, distDir] = process.argv.slice(2);
if (!pyodideDir || !distDir) {
  console.error("usage: node trace_stdlib.mjs <pyodide dir> <dist dir>");
  process.exit(2);
}

const dist = resolve(distDir) + "/";
const pyodide = await loadCalculators(pyodideDir, {
  lockFileURL: dist + "pyodide-lock.json",
  packageBaseUrl: dist,
});

const here = dirname(fileURLToPath(import.meta.url));
pyodide.runPython(readFileSync(resolve(here, "stdlib_trace.py"), "utf8"));
console.log(pyodide.runPython("stdlib_files_json()"));
