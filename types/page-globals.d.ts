// Globals the calculator pages read (for tsc only; never published).

interface Window {
  /** How a first visit starts Python; set by bench/bench_site.py (rekenhulp-client.js). */
  rekenhulpStart?: "plain" | "snapshot";
  /** mkdocs-material's stream of page loads, also under instant navigation. */
  document$?: { subscribe(next: () => void): unknown };
}
