// Page glue for the calculators ("rekenhulpen"). All maths and all checks happen in Python
// inside a Pyodide module worker; these modules only move data between the form, the worker,
// the URL and files, and put the worker's (already escaped) HTML on the page, changing only
// the parts of the result that changed (ResultSections below):
//   rekenhulp-loader.js    on every page: loads this file where a calculator is, and starts
//                          the worker early on intent
//   rekenhulp.js           this file: a Calculator per [data-rekenhulp] on the page, which
//                          loads it, keeps its result current and says which input it shows
//   rekenhulp-client.js    the worker client: requests, time limit
//   rekenhulp-form.js      the form, drawn from the calculator's form description
//   rekenhulp-fields.js    one field: its elements, its value by path, its error messages
//   rekenhulp-scenario.js  the scenario in the link and in files (import and export)
//
// The worker is created once per visit, on the first calculator page, and survives
// mkdocs-material's instant navigation, so a second calculator page does not boot again
// (rekenhulp-client.js; it also stops a request that runs too long and restarts the worker).
// A calculator on the page does not: it is disposed as soon as its page is left, so late
// timers and worker replies cannot touch the next page or its URL.
// Pages without a calculator never load Pyodide.

import { failureMessage, firstMessage, workerClient } from "./rekenhulp-client.js";
import { el, showErrors } from "./rekenhulp-fields.js";
import { renderControls } from "./rekenhulp-form.js";
import { exportSection, highlightFromUrl, importSection, initialScenario, writeScenarioToUrl } from "./rekenhulp-scenario.js";

/** @typedef {import("./rekenhulp-client.js").Client} Client */
/** @typedef {import("./rekenhulp-client.js").Response} Response */
/** @typedef {import("./rekenhulp-client.js").BootState} BootState */
/** @typedef {import("./rekenhulp-client.js").Section} Section */
/** @typedef {{kept: number, updated: number, added: number, removed: number}} Changes */

const RECOMPUTE_DELAY_MS = 200;

// A longer piece of work in parts: pause() gives the browser a turn (input, painting) once
// the current part has run SLICE_MS, so each part stays below the 50 ms that Lighthouse counts
// as blocking on its four times slower processor. scheduler.yield keeps the work ahead of
// tasks queued later; where it is missing, a new task.
const SLICE_MS = 10;

/** How many forms this visit has built (the glue survives instant navigation). */
let formsBuilt = 0;

class TimeSlices {
  started = performance.now();

  async pause() {
    if (performance.now() - this.started < SLICE_MS) return;
    const scheduler = /** @type {{yield?: () => Promise<void>} | undefined} */ (/** @type {any} */ (globalThis).scheduler);
    await (scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));
    this.started = performance.now();
  }
}

// ---------------------------------------------------------------- calculator controller

export class Calculator {
  // Set once the calculator has its description and example (start), then kept.
  /** @type {Response} */ description;
  /** @type {any} */ defaultScenario;
  /** @type {any} The scenario being edited; the form changes it in place. */ scenario;
  /** @type {HTMLElement} */ summary;
  /** @type {HTMLElement} */ formArea;
  /** @type {HTMLElement} */ regionFeedback;
  /** @type {HTMLElement} */ freshness;
  /** @type {HTMLSelectElement} "Gemeente uitlichten": the municipality to mark. */ highlightChoice;
  /** @type {string} The municipality to mark in the result (#gemeente= or the choice), or "". */
  highlight = "";
  /** @type {string} The names the choice offers now, joined (rebuilt only when they change). */
  highlightNames = "";
  /** @type {string | undefined} The region the form offers to load (rekenhulp-form.js). */ regionChoice;
  /** @type {boolean | undefined} True once the first result is shown. */ live;
  /** @type {(() => void)[] | undefined} Parts of the form's first build left for later turns. */ deferred;
  /** @type {(() => void) | undefined} */ unsubscribe;

  /** @param {HTMLElement} root  the [data-rekenhulp] element @param {Client} client */
  constructor(root, client) {
    this.root = root;
    this.client = client;
    this.name = /** @type {string} */ (root.dataset.rekenhulp);
    this.title = this.name;
    this.status = /** @type {HTMLElement} */ (root.querySelector(".rekenhulp-status"));
    this.editor = /** @type {HTMLElement} */ (root.querySelector(".rekenhulp-invoer"));
    this.output = /** @type {HTMLElement} */ (root.querySelector(".rekenhulp-uitkomst"));
    this.result = new ResultSections(this.output);
    // Set after the first worker reply: when document$ announces the new page, the browser
    // may still show the previous page's URL.
    /** @type {string | null} */
    this.pathname = null;
    // Input numbers (see declare): the newest input, the newest one sent to the worker, the
    // newest one whose request has ended, the one the result shows, the one in the URL.
    this.latest = 0;
    this.sent = 0;
    this.settled = 0;
    this.shown = 0;
    this.inUrl = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.disposed = false;
  }

  // True once the reader has left this page. Instant navigation may change the URL before
  // it swaps the content, so the path counts too: a late reply must not write its scenario
  // into the next page's URL.
  gone() {
    return this.disposed || !this.root.isConnected
      || (this.pathname !== null && location.pathname !== this.pathname);
  }

  dispose() {
    this.disposed = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
  }

  /** @param {string} message @param {boolean} [busy]  with a progress bar */
  announce(message, busy = false) {
    const text = el("span", { text: message });
    if (busy) this.status.replaceChildren(el("progress", { class: "rekenhulp-voortgang", "aria-label": "Voortgang laden" }), text);
    else this.status.replaceChildren(text);
  }

  /** @param {string} action @param {Record<string, unknown>} [extra] */
  request(action, extra = {}) {
    return this.client.call({ calculator: this.name, action, ...extra });
  }

  /** @param {BootState} state */
  showBoot(state) {
    if (this.gone()) return;
    if (state.stage === "failed") this.announce(state.message + " U ziet de uitkomst van het voorbeeld.");
    else if (state.stage !== "ready") this.announce(state.message, true);
  }

  async start() {
    this.unsubscribe = this.client.subscribe((state) => this.showBoot(state));
    try {
      /** @param {string} action */
      const once = (action) => this.client.callOnce({ calculator: this.name, action });
      const [description, defaults] = await Promise.all([once("describe"), once("default")]);
      if (this.root.isConnected) this.pathname ??= location.pathname;
      if (this.gone()) return;
      if (!description.ok || !defaults.ok) throw new Error(firstMessage(description.ok ? defaults : description));
      this.description = description;
      this.title = description.title || this.name;
      this.defaultScenario = defaults.scenario;
      const { scenario, notice } = await initialScenario(this);
      if (this.gone()) return;
      this.scenario = structuredClone(scenario);
      this.highlight = highlightFromUrl();
      await this.buildEditor();
      if (this.gone()) return;
      this.newInput();
      const answered = await this.recompute();
      if (this.gone()) return;
      this.live = true;
      const marked = answered ? this.revealHighlight() : "";
      if (answered) this.announce(notice + "De rekenhulp is klaar. Als u de invoer wijzigt, rekent hij direct opnieuw." + marked);
      else if (notice) this.announce(notice + this.status.textContent);
      this.root.dataset.boot = this.client.boot || "";
    } catch (error) {
      if (this.gone()) return;
      this.root.dataset.state = "storing";
      this.announce(failureMessage(error) + " U ziet de uitkomst van het voorbeeld.");
    } finally {
      this.unsubscribe();
    }
  }

  // The first build of the form, in short tasks while the editor is still hidden (a table a
  // few rows at a time), so no task blocks the page's input for long (Lighthouse counts
  // every part of a task beyond 50 ms as Total Blocking Time); rebuilds after an edit are
  // immediate.
  async buildEditor() {
    this.summary = el("div", { class: "rekenhulp-foutenlijst", role: "alert", hidden: true, tabindex: "-1" });
    this.formArea = el("div", { class: "rekenhulp-formulier" });
    // Outlives rebuilds of the form, so the region's notice stays and is announced.
    this.regionFeedback = el("p", { class: "rekenhulp-regiomelding", role: "status" });
    const reset = el("button", { type: "button", class: "md-button", text: "Terug naar het voorbeeld", onclick: () => {
      this.scenario = structuredClone(this.defaultScenario);
      this.changed({ immediately: true, rebuild: true });
    } });
    this.editor.replaceChildren(
      el("h2", { id: "rekenhulp-invoer-kop", text: "Invoer" }),
      this.summary, this.formArea, importSection(this), exportSection(this), el("p", {}, reset));
    // Next to the result, so it is seen where the result is read.
    this.freshness = el("p", { class: "rekenhulp-actualiteit", role: "status" });
    this.output.before(this.highlightControl(), this.freshness);
    /** @type {Node[]} */
    const controls = [];
    this.deferred = [];
    // Only the visit's first form runs cold code; a later one (the next calculator page) is
    // quick, and a pause there would let the browser draw the new page first.
    const slices = formsBuilt++ === 0 ? new TimeSlices() : null;
    for (const control of this.description.form || []) {
      await slices?.pause();
      if (this.gone()) return;
      controls.push(...renderControls(this, [control]));
    }
    const deferred = this.deferred;
    this.deferred = undefined;
    for (const work of deferred) {
      await slices?.pause();
      if (this.gone()) return;
      work();
    }
    this.formArea.replaceChildren(...controls);
    this.editor.hidden = false;
    // The form's layout and the result's update: two tasks where this one was long already.
    await slices?.pause();
  }

  // "Gemeente uitlichten": the same marking a link with #gemeente= gives, for a reader who
  // came without one. A change is a new input like any edit, so the declared state (and the
  // tests waiting on it) covers it, and the link keeps it.
  /** @returns {HTMLElement} */
  highlightControl() {
    this.highlightChoice = /** @type {HTMLSelectElement} */ (el("select", { id: "rekenhulp-uitlichten" }));
    this.highlightChoice.addEventListener("change", () => {
      this.highlight = this.highlightChoice.value;
      this.changed({ immediately: true });
    });
    this.offerHighlights(this.scenario);
    return el("p", { class: "rekenhulp-uitlichten" },
      el("label", { for: "rekenhulp-uitlichten", text: "Gemeente uitlichten in tabellen en grafieken: " }),
      this.highlightChoice);
  }

  // The choice lists the municipalities of the result's table; rebuilt only when they change,
  // so a reader moving through the list with the keyboard keeps their place.
  /** @param {any} scenario */
  offerHighlights(scenario) {
    const rows = Array.isArray(scenario?.municipalities) ? scenario.municipalities : [];
    /** @type {string[]} */
    const names = [...new Set(rows.map((/** @type {any} */ row) => row?.name)
      .filter((/** @type {unknown} */ name) => typeof name === "string" && name !== ""))];
    const joined = names.join("\n");
    if (joined !== this.highlightNames) {
      this.highlightNames = joined;
      this.highlightChoice.replaceChildren(el("option", { value: "", text: "Geen" }),
        ...names.map((name) => el("option", { value: name, text: name })));
    }
    // A name that matches no row (an old link, a renamed municipality) marks nothing.
    this.highlightChoice.value = names.includes(this.highlight) ? this.highlight : "";
  }

  // After the first result only: bring the marked row into view (a link from a municipality
  // page lands on that municipality). Focus stays where it is; later results never scroll.
  /** @returns {string} a sentence for the status line, or "" */
  revealHighlight() {
    const row = this.output.querySelector("tr.rekenhulp-uitgelicht");
    if (!row) return "";
    row.scrollIntoView({ block: "center" });
    return ` ${this.highlight} is uitgelicht in de tabellen en grafieken.`;
  }

  // Rebuilds every control from the form description (one may depend on another's value)
  // and gives focus back to the element that had it.
  render() {
    const active = document.activeElement?.id;
    this.formArea.replaceChildren(...renderControls(this, this.description.form));
    if (active) document.getElementById(active)?.focus();
  }

  /** @param {{immediately?: boolean, rebuild?: boolean}} [options] */
  changed({ immediately = false, rebuild = false } = {}) {
    if (this.gone()) return;
    if (rebuild) this.render();
    this.newInput();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recompute(), immediately ? 0 : RECOMPUTE_DELAY_MS);
  }

  // Every edit is a new input with the next number, counted when it is made (not when the
  // debounced request leaves), so the page is never "current" while an edit waits.
  newInput() {
    this.latest += 1;
    this.declare();
  }

  // Says which input the page shows, so neither a screen reader nor a test has to guess from
  // the HTML: data-laatste-volgnummer (newest input), data-invoer-volgnummer (input of the
  // result or error list shown), data-url-volgnummer (input of the scenario in the URL),
  // data-actueel ("true" when the result shows the newest input), and aria-busy on the
  // result with "rekent…" beside it while the newest input is still being computed.
  declare() {
    const data = this.root.dataset;
    data.laatsteVolgnummer = String(this.latest);
    data.invoerVolgnummer = String(this.shown);
    data.urlVolgnummer = String(this.inUrl);
    data.actueel = String(this.shown === this.latest);
    const busy = this.settled < this.latest;
    if (busy) this.output.setAttribute("aria-busy", "true");
    else this.output.removeAttribute("aria-busy");
    const stale = !busy && this.shown < this.latest;
    this.output.classList.toggle("rekenhulp-verouderd", stale);
    const older = this.shown === 0 ? "Hieronder staat de uitkomst van het voorbeeld."
      : "De uitkomst hieronder hoort nog bij eerdere invoer.";
    this.freshness.textContent = busy ? "De rekenhulp rekent…" : stale ? older : "";
  }

  // Resolves true when the worker answered (with a result or with input errors), false when
  // it failed or the answer no longer matters. Never rejects.
  /** @returns {Promise<boolean>} */
  async recompute() {
    if (this.gone()) return false;
    const sequence = this.latest;
    this.sent = sequence;
    // The scenario as sent: the URL gets this one, not edits made while it was computed.
    const scenario = structuredClone(this.scenario);
    const highlight = this.highlight;
    const started = performance.now();
    try {
      const response = await this.client.call({ calculator: this.name, action: "compute", scenario },
        { sequence, view: { highlight } });
      // Left, or a newer input was sent: an older reply must never replace a newer one.
      if (this.gone() || sequence < this.sent) return false;
      const changes = this.show(response, sequence, scenario, highlight);
      // The page's share: from the reply's arrival (and its JSON.parse) until here.
      const timings = response.timings;
      if (timings) timings.page = performance.now() - timings.arrived - timings.parse;
      this.root.dispatchEvent(new CustomEvent("rekenhulp:bijgewerkt", {
        detail: { response, timings, changes, roundTripMs: performance.now() - started },
      }));
      return true;
    } catch (error) {
      if (this.gone() || sequence < this.sent) return false;
      this.settled = sequence;
      this.root.dataset.state = "storing";
      this.announce(failureMessage(error));
      this.declare();
      return false;
    }
  }

  /**
   * @param {Response} response @param {number} sequence
   * @param {unknown} scenario  as sent @param {string} highlight  as sent
   * @returns {Changes | null}  what happened to the result's sections (null: taken whole)
   */
  show(response, sequence, scenario, highlight) {
    // Without a result there is nothing to show; recompute reports this like a failure.
    const sections = response.ok ? validSections(response.sections) : null;
    if (response.ok && !sections && typeof response.html !== "string") throw new Error("er kwam geen uitkomst mee");
    showErrors(this, response.ok ? [] : response.errors || []);
    /** @type {Changes | null} */
    let changes = null;
    if (response.ok) {
      // Escaped by the Python renderer.
      if (sections) changes = this.result.update(sections, response.digest);
      else this.result.replace(/** @type {string} */ (response.html));
      writeScenarioToUrl(scenario, highlight);
      this.inUrl = sequence;
      this.offerHighlights(response.scenario);
    } else {
      this.result.replace(el("p", { class: "rekenhulp-geen-uitkomst",
        text: "Er is nu geen uitkomst: verbeter eerst de invoer die hierboven rood is gemarkeerd." }));
    }
    this.shown = this.settled = sequence;
    this.root.dataset.state = response.ok ? "ok" : "fout";
    this.declare();
    if (!this.live) return changes;
    // Screen readers hear a short summary instead of the whole result table.
    const count = response.ok ? 0 : (response.errors || []).length;
    this.announce(response.ok ? "De uitkomst is bijgewerkt."
      : `Geen uitkomst: de invoer bevat ${count === 1 ? "1 fout" : count + " fouten"}. ${firstMessage(response)}`);
    return changes;
  }

  /** @param {string} region  its id */
  async loadRegion(region) {
    const feedback = this.regionFeedback;
    feedback.textContent = "Gemeenten laden…";
    try {
      const response = await this.request("region", { scenario: this.scenario, region });
      if (this.gone()) return;
      if (!response.ok) {
        feedback.textContent = "Niet geladen. " + firstMessage(response);
        return;
      }
      this.scenario = response.scenario;
      this.changed({ immediately: true, rebuild: true });
      feedback.textContent = response.notice || "Gemeenten geladen.";
    } catch (error) {
      if (!this.gone()) feedback.textContent = "Niet geladen. " + failureMessage(error);
    }
  }
}

// ---------------------------------------------------------------- the result in place

// The worker sends the result's HTML in sections, one top-level element each, keyed by what
// the element is (calculators.render.page.split_sections). A section whose HTML is what the
// page shows already keeps its elements untouched; a changed one is brought to its new HTML
// in place (morph): only the text and attributes that differ change, so the browser
// restyles and lays out little, and focus, scroll position and whatever the reader opened
// stay. The first result takes over the page's static example (the example's result as
// built) the same way, element by element, so a reader who tabbed into it while Python
// started keeps their place.

// Attributes scroll-tabellen.js gives a table's scroll region (data-scroll-region); it
// checks them again after every update, so a morph leaves them alone.
const SCROLL_REGION = new Set(["tabindex", "role", "aria-label", "data-scroll-region"]);

/** @param {unknown} sections @returns {Section[] | null} */
function validSections(sections) {
  if (!Array.isArray(sections) || sections.length === 0) return null;
  const valid = sections.every((section) => Array.isArray(section) && section.length === 2
    && typeof section[0] === "string" && typeof section[1] === "string");
  return valid ? sections : null;
}

// Parses the sections in one go (a template's content is inert: nothing loads or runs).
/** @param {string[]} pieces @returns {Element[] | null} one element each, else null */
function parseElements(pieces) {
  if (pieces.length === 0) return [];
  const template = document.createElement("template");
  template.innerHTML = pieces.join("");
  const nodes = [...template.content.childNodes];
  const elements = nodes.length === pieces.length && nodes.every((node) => node.nodeType === Node.ELEMENT_NODE);
  return elements ? /** @type {Element[]} */ (nodes) : null;
}

/** @param {Element} from @param {Element} to @returns {boolean} same attributes, same order */
function sameAttributes(from, to) {
  const [mine, theirs] = [from.attributes, to.attributes];
  if (mine.length !== theirs.length) return false;
  for (let i = 0; i < mine.length; i += 1) {
    const [a, b] = [mine[i], theirs[i]];
    if (a.name !== b.name || a.value !== b.value) return false;
  }
  return true;
}

/** @param {Element} from  on the page @param {Element} to  the same element, as it is now */
function morphAttributes(from, to) {
  if (sameAttributes(from, to)) return;
  const region = from.hasAttribute("data-scroll-region");
  for (const { namespaceURI, localName, name } of [...from.attributes]) {
    if (!to.hasAttributeNS(namespaceURI, localName) && !(region && SCROLL_REGION.has(name))) {
      from.removeAttributeNS(namespaceURI, localName);
    }
  }
  for (const { namespaceURI, localName, name, value } of to.attributes) {
    if (from.getAttributeNS(namespaceURI, localName) !== value) from.setAttributeNS(namespaceURI, name, value);
  }
}

// Makes `from` (on the page) equal to `to` (parsed, not on the page), keeping every node of
// `from` that has the same kind and name at the same place; `to` is used up. An element
// equal already (isEqualNode, native and quick) is passed over with all it holds.
/** @param {Element} from @param {Element} to */
function morph(from, to) {
  morphAttributes(from, to);
  let old = from.firstChild;
  let next = to.firstChild;
  while (next) {
    const following = next.nextSibling;
    if (!old) {
      from.append(next);
    } else if (old.nodeType !== next.nodeType || old.nodeName !== next.nodeName) {
      const after = old.nextSibling;
      from.replaceChild(next, old);
      old = after;
    } else {
      if (old.nodeType === Node.ELEMENT_NODE) {
        if (!old.isEqualNode(next)) morph(/** @type {Element} */ (old), /** @type {Element} */ (next));
      } else if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
      old = old.nextSibling;
    }
    next = following;
  }
  while (old) {
    const after = old.nextSibling;
    old.remove();
    old = after;
  }
}

class ResultSections {
  /** @param {HTMLElement} output  the result's container */
  constructor(output) {
    this.output = output;
    /** @type {Map<string, {node: Element, html: string}>} The sections shown, by key. */
    this.shown = new Map();
    /** True while the output holds the static example, which the first sections take over. */
    this.staticExample = true;
  }

  // Anything else than sections (an error's notice, a whole HTML): replaced whole.
  /** @param {string | Node} content  HTML escaped by the Python renderer, or a node */
  replace(content) {
    if (typeof content === "string") this.output.innerHTML = content;
    else this.output.replaceChildren(content);
    this.shown = new Map();
    this.staticExample = false;
  }

  // The static example's elements as sections shown, position by position. Where the build
  // stamped the same digest on it as the answer has (data-uitkomst, result_digest in
  // calculators/render/page.py), they are the answer's sections and stay as they are;
  // otherwise their HTML matches none, and each is morphed.
  /** @param {Section[]} sections @param {string | undefined} digest @returns {Map<string, {node: Element, html: string}>} */
  adoptStatic(sections, digest) {
    const children = [...this.output.children];
    if (children.length !== sections.length) return new Map();
    const same = typeof digest === "string" && digest === this.output.dataset.uitkomst;
    return new Map(sections.map(([key, html], i) => [key, { node: children[i], html: same ? html : "" }]));
  }

  /**
   * @param {Section[]} sections @param {string} [digest]  the answer's, see adoptStatic
   * @returns {Changes | null} null: not sections after all
   */
  update(sections, digest) {
    const changes = { kept: 0, updated: 0, added: 0, removed: 0 };
    const current = this.staticExample ? this.adoptStatic(sections, digest) : this.shown;
    this.staticExample = false;
    // The section shown now that each new one takes over: the one with its key (a key that
    // comes twice takes none the second time).
    const taken = new Set();
    const before = sections.map(([key]) => {
      const found = taken.has(key) ? undefined : current.get(key);
      taken.add(key);
      return found;
    });
    const parsed = parseElements(sections.filter(([, html], i) => before[i]?.html !== html).map(([, html]) => html));
    if (!parsed) {
      // Not one element each: the whole result, as it is.
      this.replace(sections.map(([, html]) => html).join(""));
      return null;
    }
    /** @type {Map<string, {node: Element, html: string}>} */
    const shown = new Map();
    /** @type {Element[]} */
    const nodes = [];
    let next = 0;
    sections.forEach(([key, html], i) => {
      const old = before[i];
      let node;
      if (old && old.html === html) {
        node = old.node;
        changes.kept += 1;
      } else {
        const fresh = parsed[next++];
        if (old && old.node.nodeName === fresh.nodeName) {
          morph(old.node, fresh);
          node = old.node;
          changes.updated += 1;
        } else {
          node = fresh;
          changes.added += 1;
        }
      }
      if (!shown.has(key)) shown.set(key, { node, html });
      nodes.push(node);
    });
    // In order: elements already in place stay put, the others go where they belong.
    let cursor = this.output.firstChild;
    for (const node of nodes) {
      if (node === cursor) cursor = node.nextSibling;
      else this.output.insertBefore(node, cursor);
    }
    while (cursor) {
      const after = cursor.nextSibling;
      if (cursor.nodeType === Node.ELEMENT_NODE) changes.removed += 1;
      cursor.remove();
      cursor = after;
    }
    this.shown = shown;
    return changes;
  }
}

// ---------------------------------------------------------------- attach on every page

/** @type {Set<Calculator>} */
const calculators = new Set();

// Called by rekenhulp-loader.js for every page once a calculator page was shown.
export function attachAll() {
  // Instant navigation swapped the content: the calculators of the old page stop here.
  for (const calc of calculators) {
    if (calc.root.isConnected) continue;
    calc.dispose();
    calculators.delete(calc);
  }
  for (const root of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-rekenhulp]"))) {
    if (root.dataset.attached) continue;
    root.dataset.attached = "true";
    const calc = new Calculator(root, workerClient());
    calculators.add(calc);
    calc.start();
  }
}
