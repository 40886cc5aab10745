// The page's side of the worker protocol (rekenhulp-worker.mjs): one Pyodide worker per
// visit, replies matched to requests, and a bound on how long one request may run.
//
// The page posts {id, sequence, request}; `sequence` is the calculator's input number for a
// compute request (rekenhulp.js), undefined otherwise. The worker posts {type: "started", id}
// when it begins a request, then {id, sequence, response} or {id, sequence, error}: the reply
// names the input it answers.
//
// A request still running REQUEST_TIMEOUT_MS after the worker began it is abandoned. Python
// cannot be interrupted from outside without SharedArrayBuffer, which needs cross-origin
// isolation headers that static hosting does not send; so the worker is terminated, that
// request fails with TooSlow, and a fresh worker starts and gets the requests that were
// still waiting behind it. The clock starts at "started", so Pyodide's boot (which shows its
// own progress) and waiting behind another request never count.

// How a first visit starts Python: "plain" boots Pyodide and imports the calculators,
// "snapshot" downloads the build's memory snapshot and restores it. bench/bench_site.py
// measures both (it sets window.rekenhulpStart); the faster one is the default.
const FIRST_START = "plain";
// A recompute takes ≈ 20 ms here and ≈ 0.2 s at national scale (bench/results.json).
const REQUEST_TIMEOUT_MS = 8_000;
// A fresh worker's first request also imports a calculator's Python modules.
const FIRST_REQUEST_TIMEOUT_MS = 20_000;

export class TooSlow extends Error {}

class WorkerClient {
  constructor() {
    this.pending = new Map();
    this.nextId = 1;
    this.listeners = new Set();
    this.spawn();
  }

  spawn() {
    const url = new URL("./rekenhulp-worker.mjs", import.meta.url);
    if ((window.rekenhulpStart ?? FIRST_START) === "snapshot") url.search = "?start=snapshot";
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
  }

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
    else entry.resolve(data.response);
    return undefined;
  }

  failAll(error) {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.clock);
      entry.reject(error);
    }
    this.pending.clear();
  }

  abandon(id) {
    this.worker.terminate();
    this.pending.get(id).reject(new TooSlow("de berekening duurde te lang"));
    this.pending.delete(id);
    this.spawn();
    // The worker runs one request at a time: the others never began, so they are not to blame.
    for (const [waiting, entry] of this.pending) this.post(waiting, entry);
  }

  setState(state) {
    this.state = state;
    for (const listener of this.listeners) listener(state);
    if (state.stage === "failed") this.failAll(new Error(state.message));
  }

  subscribe(listener) {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  // The form and the example never change within one visit: ask the worker once per
  // calculator, so returning to a calculator page costs one round trip less.
  callOnce(request) {
    const key = JSON.stringify(request);
    if (!this.answers) this.answers = new Map();
    if (!this.answers.has(key)) {
      const answer = this.call(request);
      this.answers.set(key, answer);
      answer.then((response) => { if (!response.ok) this.answers.delete(key); }, () => this.answers.delete(key));
    }
    return this.answers.get(key).then((response) => structuredClone(response));
  }

  call(request, { sequence } = {}) {
    if (this.state.stage === "failed") return Promise.reject(new Error(this.state.message));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject, sequence, request };
      this.pending.set(id, entry);
      this.post(id, entry);
    });
  }

  post(id, { sequence, request }) {
    this.worker.postMessage({ id, sequence, request });
  }
}

let sharedClient = null;

// Created on the first calculator page (or on intent), then kept for the whole visit.
export function workerClient() {
  if (!sharedClient) sharedClient = new WorkerClient();
  return sharedClient;
}

export function workerStarted() {
  return sharedClient !== null;
}
