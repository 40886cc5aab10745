// Which way a first visit starts Python (rekenhulp-boot.mjs asks; no imports, so that
// tests/test_first_start.py can run it under Node).
//
// "plain" boots Pyodide and loads the calculators wheel: the fewest bytes, but Python's
// start-up and the imports cost seconds of processor time. "snapshot" also downloads the
// build's memory snapshot (about 6.7 MB) and restores it: much faster on a fast link, slower
// on a slow one, because the extra bytes take longer than the start-up they save.
// bench/bench_start.py measures both ways at 5, 10, 50 and 200 Mbit/s. On a quiet machine
// (bench/results.json, 2 December 2026) the plain start won at 10 Mbit/s (9.2 s against
// 11.7 s) and the snapshot at 50 (4.1 s against 5.2 s). Both fit "fixed time + bytes / speed"
// within 0.5 s (plain ≈ 4.3 s + 5.5 MB, snapshot ≈ 2.2 s + 12 MB): break-even near 25 Mbit/s
// of link speed, where the probe, which sees less than the link gives, reads about 17
// (8.4 at 10 Mbit/s, 34 at 50). A slower processor (a phone) makes the fixed part of the
// plain start grow most, so the break-even moves down, towards the snapshot: hence 15.

/** From this measured speed on (Mbit/s) the snapshot is the faster first start. */
export const SNAPSHOT_FROM_MBIT = 15;
/** The first bytes of the snapshot download that measure the link (kept when it wins). */
export const PROBE_BYTES = 256 * 1024;
const SLOW_TYPES = new Set(["slow-2g", "2g", "3g"]);

/**
 * @typedef {object} LinkHint  what navigator.connection says, where the browser has it
 * @property {boolean} [saveData]  the visitor asked to save data
 * @property {string} [effectiveType]  "slow-2g", "2g", "3g" or "4g"
 */

/**
 * "plain" or "snapshot" when the answer is known, "measure" when the first bytes of the
 * snapshot download should decide. The connection hint can only rule the snapshot out, when
 * the visitor saves data or the link is 3G or slower. Its speed estimate (`downlink`) is not
 * used: Chromium caps it at 10 Mbit/s, and a headless Chromium on a fast local link reported
 * 1.55 Mbit/s with effectiveType "4g"; only a measurement of this download can rule it in.
 * @param {LinkHint} hint
 * @param {number | null} [measuredMbit]  from the probe, once it ran
 * @returns {"plain" | "snapshot" | "measure"}
 */
export function chooseFirstStart(hint, measuredMbit = null) {
  if (hint.saveData) return "plain";
  if (hint.effectiveType && SLOW_TYPES.has(hint.effectiveType)) return "plain";
  if (measuredMbit === null || Number.isNaN(measuredMbit)) return "measure";
  return measuredMbit >= SNAPSHOT_FROM_MBIT ? "snapshot" : "plain";
}

/**
 * Link speed from the bytes that arrived after the first chunk, over the time since that
 * chunk (the wait for the first byte is latency, not speed). Infinity when everything came
 * at once, as from a local server.
 * @param {number} bytesAfterFirst
 * @param {number} milliseconds
 * @returns {number}
 */
export function speedMbit(bytesAfterFirst, milliseconds) {
  if (milliseconds <= 0) return Infinity;
  return (bytesAfterFirst * 8) / (milliseconds * 1000);
}

/**
 * The hint from navigator.connection (also in workers, where the browser has it).
 * @param {any} navigatorLike
 * @returns {LinkHint}
 */
export function linkHint(navigatorLike) {
  const connection = navigatorLike?.connection;
  if (!connection) return {};
  return {
    saveData: Boolean(connection.saveData),
    effectiveType: typeof connection.effectiveType === "string" ? connection.effectiveType : undefined,
  };
}
