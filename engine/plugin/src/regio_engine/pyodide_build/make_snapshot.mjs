// Build step: a Pyodide memory snapshot with the calculators already imported.
//
// Usage: node make_snapshot.mjs <pyodide dir> <calculators wheel> <stdlib zip> <output file>
//
// Restoring this snapshot in the browser skips Python's start-up and the package load
// (about 1.1 s of a 1.3 s warm start). The worker only uses it from its own cache on a later
// visit, after checking its sha256, and falls back to a normal start on any problem.
// makeMemorySnapshot/_loadSnapshot are Pyodide's experimental API, so the pinned Pyodide
// version matters; the browser tests exercise both paths.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheelPath, stdlibPath, outputPath] = process.argv.slice(2);
if (!pyodideDir || !wheelPath || !stdlibPath || !outputPath) {
  console.error("usage: node make_snapshot.mjs <pyodide dir> <wheel> <stdlib zip> <output>");
  process.exit(2);
}

const indexURL = resolve(pyodideDir) + "/";
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
// The site's trimmed stdlib: the snapshot must be made with the zip the browser gets.
const stdLibURL = resolve(stdlibPath);
const pyodide = await loadPyodide({ indexURL, stdLibURL, _makeSnapshot: true });

// Install by unzipping in Python: loadPackage would leave JavaScript references behind
// that a memory snapshot cannot hold.
pyodide.FS.writeFile("/tmp/calculators.whl", new Uint8Array(readFileSync(wheelPath)));
pyodide.runPython(`
import sysconfig
import zipfile

with zipfile.ZipFile("/tmp/calculators.whl") as wheel:
    wheel.extractall(sysconfig.get_paths()["purelib"])

import calculators.render.page

# Runs every calculator once, so lazily imported modules are in memory too, and keeps the
# answers every calculator page starts with: a start from this snapshot answers them at once.
calculators.render.page.remember_first_answers()
`);
pyodide.FS.unlink("/tmp/calculators.whl");

const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(outputPath, snapshot);
console.log(`snapshot: ${snapshot.length} bytes`);
