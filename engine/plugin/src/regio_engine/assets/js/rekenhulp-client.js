// The page's side of the worker protocol (rekenhulp-worker.mjs): one Pyodide worker per
// visit, replies matched to requests, a bound on how long one request may run, the Dutch
// sentence for a request that failed (starting it early on intent: rekenhulp-loader.js).
//
// The page posts {id, sequence, request, view, sentAt}; `sequence` is the calculator's input
// number for a compute request (rekenhulp.js), undefined otherwise; `view` holds options for
// the result's HTML that are not part of the scenario (the municipality to highlight);
// `sentAt` is when it left (performance.timeOrigin + performance.now(), a clock both threads
// share). The worker posts {type: "started", id} when it begins a request, then
// {id, sequence, json, timings} (Python's JSON text, parsed here, once) or
// {id, sequence, error}: the reply names the input it answers. A reply may also carry the
// parsed answer as `response` (a stand-in worker in the tests).
//
// A request still running REQUEST_TIMEOUT_MS after the worker began it is abandoned. Python
// cannot be interrupted from outside without SharedArrayBuffer, which needs cross-origin
// isolation headers that static hosting does not send; so the worker is terminated, that
// request fails with TooSlow, and a fresh worker starts and gets the requests that were
// still waiting behind it. The clock starts at "started", so Pyodide's boot (which shows its
// own progress) and waiting behind another request never count.

/**
 * What the page asks the worker: calculators.render.page.handle_page reads it.
 * @typedef {{calculator: string, action: string, [field: string]: unknown}} Request
 */
/**
 * A worker's answer (JSON from Python). Which fields come with it depends on the action.
 * @typedef {object} Response
 * @property {boolean} ok
 * @property {FieldError[]} [errors]  input errors when not ok
 * @property {string} [html]          compute: the result, escaped by the Python renderer; or
 * @property {Section[]} [sections]  compute: the same in pieces, one element each (the worker's)
 * @property {string} [digest]      compute with sections: a fingerprint of their HTML
 * @property {Timings} [timings]      compute: where the time went (added on the way)
 * @property {any} [scenario]         default, region, import_csv: a scenario
 * @property {string} [title]         describe
 * @property {import("./rekenhulp-form.js").Control[]} [form]  describe
 * @property {Region[]} [regions]     describe
 * @property {string} [notice]        region
 * @property {string} [summary]       import_csv
 * @property {string} [filename]      export_csv
 * @property {string} [text]          export_csv
 */
/** @typedef {{field?: string, message: string}} FieldError */
/** @typedef {[key: string, html: string]} Section  one top-level element of the result */
/**
 * Where one request's time went, in ms (bench/bench_recompute.py reports them): to the
 * worker, JSON.stringify of the request there, Python's compute (reading, checks, the
 * calculation) and render (HTML), encode (the rest of the Python call: json.dumps and the
 * text into JavaScript), back to the page, JSON.parse here, and the page's own work until
 * it announces the result (rekenhulp.js adds `page`). `arrived` is when the reply came
 * (performance.now() on the page).
 * @typedef {object} Timings
 * @property {number} request @property {number} stringify @property {number} compute
 * @property {number} render @property {number} encode @property {number} transfer
 * @property {number} parse @property {number} arrived @property {number} [page]
 */
/** @typedef {{highlight?: string}} View  how to show a result; never checked as input */
/** @typedef {{id: string, label: string, municipalities?: string[]}} Region */
/** @typedef {{stage: string, message: string}} BootState */
/**
 * @typedef {object} Pending  A request that waits for its reply.
 * @property {(response: Response) => void} resolve
 * @property {(error: Error) => void} reject
 * @property {number | undefined} sequence
 * @property {Request} request
 * @property {View | undefined} view
 * @property {ReturnType<typeof setTimeout>} [clock]
 */

// A recompute takes ≈ 20 ms here and ≈ 0.2 s at national scale (bench/results.json).
const REQUEST_TIMEOUT_MS = 8_000;
// A fresh worker's first request also imports a calculator's Python modules.
const FIRST_REQUEST_TIMEOUT_MS = 20_000;

export class TooSlow extends Error {}

class WorkerClient {
  constructor() {
    /** @type {Map<number, Pending>} */
    this.pending = new Map();
    this.nextId = 1;
    /** @type {Set<(state: BootState) => void>} */
    this.listeners = new Set();
    /** @type {BootState} */
    this.state = { stage: "runtime", message: "" };
    /** @type {string | undefined} How the worker started: "plain" or "snapshot". */
    this.boot = undefined;
    /** @type {Map<string, Promise<Response>> | undefined} */
    this.answers = undefined;
    this.begun = 0; // requests the current worker has begun
    /** @type {Worker} */
    this.worker = this.spawn();
  }

  /** @returns {Worker} */
  spawn() {
    const url = new URL("./rekenhulp-worker.mjs", import.meta.url);
    // How a first visit starts Python is the worker's choice per visit (rekenhulp-boot.mjs);
    // benchmarks and tests force one way with window.rekenhulpStart ("plain" or "snapshot").
    if (window.rekenhulpStart) url.search = `?start=${window.rekenhulpStart}`;
    const worker = new Worker(url, { type: "module" });
    this.worker = worker;
    this.begun = 0; // requests this worker has begun
    // Only the current worker speaks: a terminated one may still have messages queued.
    worker.onmessage = (event) => { if (worker === this.worker) this.receive(event.data); };
    worker.onerror = (event) => {
      if (worker !== this.worker) return;
      this.setState({ stage: "failed", message: "De rekenhulp kon niet starten: " + (event.message || "onbekende fout") + "." });
    };
    this.setState({ stage: "runtime", message: "Rekenhulp wordt gestart…" });
    return worker;
  }

  /** @param {any} data  a message from the worker (see the protocol above) */
  receive(data) {
    if (data.type === "progress") {
      if (data.boot) this.boot = data.boot;
      return this.setState({ stage: data.stage, message: data.message });
    }
    if (data.type === "snapshot-stored") {
      // Lets tests and benchmarks know the next visit can start warm.
      document.documentElement.dataset.rekenhulpSnapshot = "opgeslagen";
      return undefined;
    }
    if (data.type === "warmed-up") {
      // Lets benchmarks wait until a calculator's edits are as fast as they get.
      const names = new Set((document.documentElement.dataset.rekenhulpOpgewarmd || "").split(" "));
      names.add(String(data.calculator));
      document.documentElement.dataset.rekenhulpOpgewarmd = [...names].filter(Boolean).join(" ");
      return undefined;
    }
    if (data.type === "failed") return this.setState({ stage: "failed", message: data.message });
    const entry = this.pending.get(data.id);
    if (!entry) return undefined;
    if (data.type === "started") {
      const limit = this.begun++ === 0 ? FIRST_REQUEST_TIMEOUT_MS : REQUEST_TIMEOUT_MS;
      entry.clock = setTimeout(() => this.abandon(data.id), limit);
      return undefined;
    }
    this.pending.delete(data.id);
    clearTimeout(entry.clock);
    if (data.error) entry.reject(new Error(data.error));
    else if (data.sequence !== entry.sequence) entry.reject(new Error("het antwoord hoort bij andere invoer"));
    else {
      try {
        entry.resolve(typeof data.json === "string" ? parsed(data) : data.response);
      } catch {
        entry.reject(new Error("het antwoord was onleesbaar"));
      }
    }
    return undefined;
  }

  /** @param {Error} error */
  failAll(error) {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.clock);
      entry.reject(error);
    }
    this.pending.clear();
  }

  /** @param {number} id */
  abandon(id) {
    this.worker.terminate();
    this.pending.get(id)?.reject(new TooSlow("de berekening duurde te lang"));
    this.pending.delete(id);
    this.spawn();
    // The worker runs one request at a time: the others never began, so they are not to blame.
    for (const [waiting, entry] of this.pending) this.post(waiting, entry);
  }

  /** @param {BootState} state */
  setState(state) {
    this.state = state;
    for (const listener of this.listeners) listener(state);
    if (state.stage === "failed") this.failAll(new Error(state.message));
  }

  /**
   * @param {(state: BootState) => void} listener  called now and on every change of stage
   * @returns {() => boolean} stops the calls
   */
  subscribe(listener) {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  // The form and the example never change within one visit: ask the worker once per
  // calculator, so returning to a calculator page costs one round trip less.
  /** @param {Request} request @returns {Promise<Response>} */
  callOnce(request) {
    const key = JSON.stringify(request);
    if (!this.answers) this.answers = new Map();
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.call(request);
      this.answers.set(key, answer);
      answer.then((response) => { if (!response.ok) this.answers?.delete(key); }, () => this.answers?.delete(key));
    }
    return answer.then((response) => structuredClone(response));
  }

  /**
   * @param {Request} request
   * @param {{sequence?: number, view?: View}} [options]  sequence: the input number a compute
   *   answers; view: how its result's HTML is drawn
   * @returns {Promise<Response>}
   */
  call(request, { sequence, view } = {}) {
    if (this.state.stage === "failed") return Promise.reject(new Error(this.state.message));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject, sequence, request, view };
      this.pending.set(id, entry);
      this.post(id, entry);
    });
  }

  /** @param {number} id @param {Pending} entry */
  post(id, { sequence, request, view }) {
    this.worker.postMessage({ id, sequence, request, view, sentAt: now() });
  }
}

/** @typedef {WorkerClient} Client */

/** A moment both threads read alike: their performance.now() counts from different origins. */
const now = () => performance.timeOrigin + performance.now();

// The worker's JSON text as the answer, with the timings of the way it came.
/** @param {{json: string, timings?: any}} data @returns {Response} */
function parsed({ json, timings }) {
  const arrived = performance.now();
  const transfer = timings ? Math.max(0, now() - timings.sentAt) : 0;
  /** @type {Response} */
  const response = JSON.parse(json);
  if (timings) {
    const python = response.timings || { compute: 0, render: 0 };
    response.timings = { request: timings.request, stringify: timings.stringify,
      compute: python.compute, render: python.render,
      encode: Math.max(0, timings.call - python.compute - python.render),
      transfer, parse: performance.now() - arrived, arrived };
  }
  return response;
}

/** @type {WorkerClient | null} */
let sharedClient = null;

// Created on the first calculator page (or on intent), then kept for the whole visit.
/** @returns {WorkerClient} */
export function workerClient() {
  if (!sharedClient) sharedClient = new WorkerClient();
  return sharedClient;
}

// Every failed user action ends in this sentence, so nobody is left without an answer.
/** @param {unknown} error @returns {string} */
export function failureMessage(error) {
  // The worker has been restarted already (see abandon): no reload needed.
  if (error instanceof TooSlow) {
    return "De berekening duurde te lang en is gestopt. Pas de invoer aan of probeer het opnieuw.";
  }
  const detail = String(/** @type {any} */ (error)?.message || error || "onbekende fout").trim().replace(/\.+$/, "");
  return `De rekenhulp gaf geen antwoord (${detail}). Laad de pagina opnieuw of probeer het later nog eens.`;
}

/** @param {Response | undefined} response @returns {string} */
export function firstMessage(response) {
  return response?.errors?.[0]?.message || "De rekenhulp gaf een onverwacht antwoord.";
}
