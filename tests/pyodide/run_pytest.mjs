// Runs pytest inside Pyodide under Node.js, offline, with the site's own Pyodide files.
//
// Usage: node run_pytest.mjs <site pyodide dir> <wheel dir> <tests dir> [pytest args...]
// The calculators package is loaded by name from the site's pyodide-lock.json, exactly as
// the browser does; pure-Python test dependencies (pytest, hypothesis, ...) are unpacked from
// wheels. Any attempt to reach the network fails the run.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [indexDir, wheelDir, testsDir, ...pytestArgs] = process.argv.slice(2);
if (!indexDir || !wheelDir || !testsDir) {
  console.error("usage: node run_pytest.mjs <pyodide dir> <wheel dir> <tests dir> [pytest args]");
  process.exit(2);
}

const outgoing = [];
const originalFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (/^(https?|wss?):/i.test(url)) {
    outgoing.push(url);
    throw new Error(`network access blocked in offline test: ${url}`);
  }
  return originalFetch(input, init);
};

const indexURL = resolve(indexDir) + "/";
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL });

const loadErrors = [];
await pyodide.loadPackage("calculators", {
  messageCallback: () => {},
  errorCallback: (message) => loadErrors.push(message),
});
if (loadErrors.length) {
  console.error("loading calculators failed:", loadErrors.join("\n"));
  process.exit(3);
}

for (const name of readdirSync(wheelDir).filter((n) => n.endsWith(".whl")).sort()) {
  // unpackArchive wants a plain typed array, not a Node Buffer.
  pyodide.unpackArchive(new Uint8Array(readFileSync(join(wheelDir, name))), "wheel");
}

// Tests are mounted read-only in spirit: bytecode and the pytest cache are switched off.
pyodide.FS.mkdirTree("/tests");
pyodide.mountNodeFS("/tests", resolve(testsDir));

pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
const exitCode = await pyodide.runPythonAsync(`
import sys
sys.dont_write_bytecode = True
import calculators, pytest
# The package must come from the wheel in site-packages, never from a source checkout.
assert "site-packages" in calculators.__file__, calculators.__file__
print("calculators loaded from", calculators.__file__)
int(pytest.main(["-p", "no:cacheprovider", "/tests", *pytest_args]))
`);

if (outgoing.length) {
  console.error("outgoing requests attempted:", outgoing);
  process.exit(4);
}
process.exit(exitCode);
