// The worker imports Pyodide from the site (../../pyodide/pyodide.mjs, placed there by
// hooks/pyodide_dist.py from node_modules/pyodide). tsconfig.worker.json maps that path
// here through rootDirs, so tsc checks it against the types the same package ships.
export { loadPyodide } from "pyodide";
