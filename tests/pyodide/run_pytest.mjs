// Runs pytest inside Pyodide under Node.js, offline, with the site's own Pyodide files.
//
// Usage: node run_pytest.mjs <site pyodide dir> <wheel dir> <tests dir> [pytest args...]
// The calculators package is loaded by name from the site's pyodide-lock.json, exactly as
// the browser does; pure-Python test dependencies (pytest, hypothesis, ...) are unpacked from
// wheels. Any attempt to reach the network fails the run.
//
// The site's python_stdlib.zip is trimmed to what the calculators need; pytest needs more.
// stdlib_audit.py puts Pyodide's full zip behind it and fails the run (exit code 6) when
// calculators code reaches a module that only the full zip has.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { loadCalculators } from "../../engine/plugin/src/regio_engine/pyodide_build/pyodide_node.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const FULL_STDLIB = resolve(here, "../../node_modules/pyodide/python_stdlib.zip");

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

// The full stdlib and the audit come first: the audit must see every import.
const pyodide = await loadCalculators(indexDir, {}, (pyodide) => {
  pyodide.FS.writeFile("/lib/stdlib-full.zip", new Uint8Array(readFileSync(FULL_STDLIB)));
  pyodide.FS.mkdirTree("/audit");
  pyodide.FS.writeFile("/audit/stdlib_audit.py", readFileSync(join(here, "stdlib_audit.py")));
  pyodide.runPython(`
import sys
sys.path.insert(0, "/audit")
import stdlib_audit
stdlib_audit.install()
`);
});

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

const audit = pyodide.runPython("stdlib_audit.stdlib_audit_report()");
console.log(audit);
if (audit.includes("not in the site's zip")) process.exit(6);

if (outgoing.length) {
  console.error("outgoing requests attempted:", outgoing);
  process.exit(4);
}
process.exit(exitCode);
