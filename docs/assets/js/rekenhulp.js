// Page glue for the calculators ("rekenhulpen"). All maths and all checks happen in Python
// inside a Pyodide module worker; this file only moves data between the form, the worker,
// the URL and files, and puts the worker's (already escaped) HTML on the page.
//
// The editor is built from the form description the calculator returns in its `describe`
// action (`form` in calculators/core/calculator.py; the kinds are listed at CONTROLS below),
// so a new calculator needs no JavaScript.
//
// The worker is created once per visit, on the first calculator page, and survives
// mkdocs-material's instant navigation, so a second calculator page does not boot again
// (rekenhulp-client.js; it also stops a request that runs too long and restarts the worker).
// A calculator on the page does not: it is disposed as soon as its page is left, so late
// timers and worker replies cannot touch the next page or its URL.
// Pages without a calculator never load Pyodide.

import { TooSlow, workerClient, workerStarted } from "./rekenhulp-client.js";

const SITE_ROOT = new URL("../../", import.meta.url);
// A pointer that rests this long on a link to a calculator page counts as intent.
const INTENT_DELAY_MS = 80;
const URL_STATE_KEY = "scenario";
const RECOMPUTE_DELAY_MS = 200;
// The table the worker's `region` action fills (see calculators/core/calculator.py).
const REGION_TABLE_PATH = "municipalities";
const OWN_KEY = "Eigen sleutel";

// ---------------------------------------------------------------- small helpers

// Builds elements with text content only: nothing from users or URLs becomes markup here.
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function fieldId(path) {
  return "veld-" + path.replace(/[^A-Za-z0-9_]+/g, "-").replace(/-+$/, "");
}

function textInput(path, label, value, onInput, extra = {}) {
  const id = fieldId(path);
  const hintId = extra.hint ? id + "-hint" : null;
  const input = el("input", {
    id, type: "text", inputmode: extra.inputmode || "decimal", autocomplete: "off",
    "data-field": path, value: typeof value === "object" ? "" : String(value ?? ""), class: extra.className || null,
    "aria-label": extra.hiddenLabel ? label : null, "aria-describedby": hintId,
  });
  input.addEventListener("input", () => onInput(input.value));
  if (extra.hiddenLabel) return el("span", { class: "rekenhulp-veld" }, input);
  return el("p", { class: "rekenhulp-veld" }, el("label", { for: id, text: label }), " ", input,
    hintId ? el("span", { class: "rekenhulp-hint", id: hintId, text: extra.hint }) : null);
}

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Every failed user action ends in this sentence, so nobody is left without an answer.
function failureMessage(error) {
  // The worker has been restarted already (rekenhulp-client.js): no reload needed.
  if (error instanceof TooSlow) {
    return "De berekening duurde te lang en is gestopt. Pas de invoer aan of probeer het opnieuw.";
  }
  const detail = String(error?.message || error || "onbekende fout").trim().replace(/\.+$/, "");
  return `De rekenhulp gaf geen antwoord (${detail}). Laad de pagina opnieuw of probeer het later nog eens.`;
}

function firstMessage(response) {
  return response?.errors?.[0]?.message || "De rekenhulp gaf een onverwacht antwoord.";
}

// ---------------------------------------------------------------- scenario paths

const isObject = (value) => value !== null && typeof value === "object";

// "municipalities[2].values.inwoners" -> ["municipalities", 2, "values", "inwoners"]: the
// syntax of the error fields, so one path finds both a value and its error messages.
// Arrays of parts pass through, for ids from a scenario that may contain dots.
function pathParts(path) {
  if (Array.isArray(path)) return path;
  return (path.match(/\[\d+\]|[^.[\]]+/g) || []).map((p) => (p.startsWith("[") ? Number(p.slice(1, -1)) : p));
}

// Own properties only: a scenario comes from links and files, and an id such as
// "__proto__" must never reach Object.prototype.
function getPath(root, path) {
  let node = root;
  for (const part of pathParts(path)) {
    if (!isObject(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

// Creates missing steps (objects, or arrays before an index), so a scenario that lacks a
// part can still be edited; compute reports whatever is still wrong.
function setPath(root, path, value) {
  const parts = pathParts(path);
  let node = root;
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (!last && isObject(getPath(node, [part]))) {
      node = node[part];
      return;
    }
    const next = last ? value : typeof parts[index + 1] === "number" ? [] : {};
    Object.defineProperty(node, part, { value: next, writable: true, enumerable: true, configurable: true });
    node = next;
  });
}

// ---------------------------------------------------------------- URL state

function encodeScenario(scenario) {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// Returns the scenario object from the URL, null when there is none, or throws (Dutch).
function scenarioFromUrl() {
  const params = new URLSearchParams(location.hash.slice(1));
  const encoded = params.get(URL_STATE_KEY);
  if (!encoded) return null;
  try {
    const base64 = encoded.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    // JSON.parse only: URL content is data, never code or markup.
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new Error("De link bevat geen leesbaar scenario; u ziet het voorbeeld.");
  }
}

function writeScenarioToUrl(scenario) {
  const hash = "#" + URL_STATE_KEY + "=" + encodeScenario(scenario);
  if (location.hash !== hash) history.replaceState(history.state, "", hash);
}

// ---------------------------------------------------------------- calculator controller

class Calculator {
  constructor(root, client) {
    this.root = root;
    this.client = client;
    this.name = root.dataset.rekenhulp;
    this.title = this.name;
    this.status = root.querySelector(".rekenhulp-status");
    this.editor = root.querySelector(".rekenhulp-invoer");
    this.output = root.querySelector(".rekenhulp-uitkomst");
    // Set after the first worker reply: when document$ announces the new page, the browser
    // may still show the previous page's URL.
    this.pathname = null;
    // Input numbers (see declare): the newest input, the newest one sent to the worker, the
    // newest one whose request has ended, the one the result shows, the one in the URL.
    this.latest = 0;
    this.sent = 0;
    this.settled = 0;
    this.shown = 0;
    this.inUrl = 0;
    this.timer = null;
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

  announce(message, busy = false) {
    const text = el("span", { text: message });
    if (busy) this.status.replaceChildren(el("progress", { class: "rekenhulp-voortgang", "aria-label": "Voortgang laden" }), text);
    else this.status.replaceChildren(text);
  }

  request(action, extra = {}) {
    return this.client.call({ calculator: this.name, action, ...extra });
  }

  showBoot(state) {
    if (this.gone()) return;
    if (state.stage === "failed") this.announce(state.message + " U ziet de uitkomst van het voorbeeld.");
    else if (state.stage !== "ready") this.announce(state.message, true);
  }

  async start() {
    this.unsubscribe = this.client.subscribe((state) => this.showBoot(state));
    try {
      const once = (action) => this.client.callOnce({ calculator: this.name, action });
      const [description, defaults] = await Promise.all([once("describe"), once("default")]);
      if (this.root.isConnected) this.pathname ??= location.pathname;
      if (this.gone()) return;
      if (!description.ok || !defaults.ok) throw new Error(firstMessage(description.ok ? defaults : description));
      this.description = description;
      this.title = description.title || this.name;
      this.defaultScenario = defaults.scenario;
      const { scenario, notice } = await this.initialScenario();
      if (this.gone()) return;
      this.scenario = structuredClone(scenario);
      this.buildEditor();
      this.newInput();
      const answered = await this.recompute();
      if (this.gone()) return;
      this.live = true;
      if (answered) this.announce(notice + "De rekenhulp is klaar. Als u de invoer wijzigt, rekent hij direct opnieuw.");
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

  // A scenario from a link is anyone's data: Python checks that the editor can show it.
  async initialScenario() {
    let fromUrl;
    try {
      fromUrl = scenarioFromUrl();
    } catch (error) {
      return { scenario: this.defaultScenario, notice: error.message + " " };
    }
    if (fromUrl === null) return { scenario: this.defaultScenario, notice: "" };
    let verdict;
    try {
      verdict = await this.request("check", { scenario: fromUrl });
    } catch (error) {
      // A link that keeps Python busy must not keep the calculator from starting.
      if (!(error instanceof TooSlow)) throw error;
      return { scenario: this.defaultScenario,
        notice: "Het scenario uit de link kon niet op tijd worden gecontroleerd; u ziet het voorbeeld. " };
    }
    if (verdict.ok) return { scenario: fromUrl, notice: "" };
    return { scenario: this.defaultScenario,
      notice: "De link bevat geen geldig scenario voor deze rekenhulp; u ziet het voorbeeld. " };
  }

  buildEditor() {
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
    this.output.before(this.freshness);
    this.render();
    this.editor.hidden = false;
  }

  // Rebuilds every control from the form description (one may depend on another's value)
  // and gives focus back to the element that had it.
  render() {
    const active = document.activeElement?.id;
    this.formArea.replaceChildren(...renderControls(this, this.description.form));
    if (active) document.getElementById(active)?.focus();
  }

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
    data.laatsteVolgnummer = this.latest;
    data.invoerVolgnummer = this.shown;
    data.urlVolgnummer = this.inUrl;
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
  async recompute() {
    if (this.gone()) return false;
    const sequence = this.latest;
    this.sent = sequence;
    // The scenario as sent: the URL gets this one, not edits made while it was computed.
    const scenario = structuredClone(this.scenario);
    const started = performance.now();
    try {
      const response = await this.client.call({ calculator: this.name, action: "compute", scenario }, { sequence });
      // Left, or a newer input was sent: an older reply must never replace a newer one.
      if (this.gone() || sequence < this.sent) return false;
      this.show(response, sequence, scenario);
      this.root.dispatchEvent(new CustomEvent("rekenhulp:bijgewerkt", {
        detail: { response, roundTripMs: performance.now() - started },
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

  show(response, sequence, scenario) {
    // Without a result there is nothing to show; recompute reports this like a failure.
    if (response.ok && typeof response.html !== "string") throw new Error("er kwam geen uitkomst mee");
    this.showErrors(response.ok ? [] : response.errors || []);
    if (response.ok) {
      this.output.innerHTML = response.html; // escaped by the Python renderer
      writeScenarioToUrl(scenario);
      this.inUrl = sequence;
    } else {
      this.output.replaceChildren(el("p", { class: "rekenhulp-geen-uitkomst",
        text: "Er is nu geen uitkomst: verbeter eerst de invoer die hierboven rood is gemarkeerd." }));
    }
    this.shown = this.settled = sequence;
    this.root.dataset.state = response.ok ? "ok" : "fout";
    this.declare();
    if (!this.live) return;
    // Screen readers hear a short summary instead of the whole result table.
    const count = response.ok ? 0 : (response.errors || []).length;
    this.announce(response.ok ? "De uitkomst is bijgewerkt."
      : `Geen uitkomst: de invoer bevat ${count === 1 ? "1 fout" : count + " fouten"}. ${firstMessage(response)}`);
  }

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

  clearErrors() {
    const messages = [...this.root.querySelectorAll(".rekenhulp-fout")];
    const ids = new Set(messages.map((node) => node.id));
    for (const node of messages) node.remove();
    for (const input of this.root.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      // Keep what describes the field anyway (its hint), drop the old error messages.
      const kept = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !ids.has(id));
      if (kept.length) input.setAttribute("aria-describedby", kept.join(" "));
      else input.removeAttribute("aria-describedby");
    }
  }

  showErrors(errors) {
    this.clearErrors();
    const summary = this.summary;
    summary.replaceChildren();
    summary.hidden = errors.length === 0;
    if (!errors.length) return;
    summary.append(el("h3", { text: errors.length === 1 ? "De invoer bevat 1 fout" : `De invoer bevat ${errors.length} fouten` }));
    const list = el("ul");
    for (const error of errors) list.append(this.markError(error, list.children.length));
    summary.append(list);
  }

  // Puts the message next to its field and returns the summary's list item for it.
  markError(error, index) {
    const field = String(error.field ?? "");
    const input = field && (this.editor.querySelector(`[data-field="${CSS.escape(field)}"]`)
      || this.editor.querySelector(`[data-field-group="${CSS.escape(field)}"]`));
    if (!input) return el("li", { text: error.message });
    const messageId = fieldId(field) + "-fout-" + index;
    const message = el("span", { class: "rekenhulp-fout", id: messageId, text: error.message });
    input.setAttribute("aria-invalid", "true");
    const described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", described ? described + " " + messageId : messageId);
    (input.closest(".rekenhulp-veld, td, fieldset") || input.parentElement).append(message);
    // A button, not a #link: a hash would replace the scenario in the URL.
    const jump = () => { input.focus(); input.scrollIntoView({ block: "center" }); };
    return el("li", {}, el("button", { type: "button", class: "rekenhulp-naar-veld", text: error.message, onclick: jump }));
  }
}

// ---------------------------------------------------------------- form controls
//
// Each kind of control in `describe.form` is one function (calc, control) -> Node or null.
// Paths are scenario paths in the syntax of the error fields ("a.b", "rows[2].values.x"),
// so an error finds its field through data-field (or data-field-group).
//   input    {path, label, hint?}                      text input bound to the value at path
//   select   {path, label, hint?, options: [{value, label, explanation?}]}
//            a change rebuilds the form (a group may depend on it) and recomputes at once
//   group    {legend, controls, when?: {path, in: [values]}}
//            a fieldset, shown only while the value at when.path is one of when.in
//   optional {path, label, value, controls}          a checkbox: on = a copy of value, off = null
//   key      {path, legend, presets, columns_path | columns}
//            preset choice ("Eigen sleutel" too) and a weight per column at path.weights.<id>
//   table    {path, caption, columns_path | columns} rows of {name, values: {<id>: ...}}
//   region   {label}                                  loads describe.regions through `region`

const CONTROLS = {
  input: inputControl,
  select: selectControl,
  group: groupControl,
  optional: optionalControl,
  key: keyControl,
  table: tableControl,
  region: regionControl,
};

function renderControls(calc, controls) {
  return (controls || []).map((control) => {
    const render = CONTROLS[control?.kind];
    if (render) return render(calc, control);
    // A newer calculator than this page glue: say so to the developer, keep the rest usable.
    console.warn(`Rekenhulp: onbekend soort invoer ${JSON.stringify(control?.kind)}.`);
    return null;
  }).filter(Boolean); // a hidden group renders nothing (replaceChildren would print "null")
}

// The columns of a key or table: from a list in the scenario (such as its criteria) or
// fixed by the form. Entries without a text id cannot be bound to a field; compute reports
// them at their own path.
function columnsOf(calc, control) {
  const list = control.columns_path ? getPath(calc.scenario, control.columns_path) : control.columns;
  return Array.isArray(list) ? list.filter((c) => isObject(c) && typeof c.id === "string") : [];
}

function inputControl(calc, control) {
  return textInput(control.path, control.label, getPath(calc.scenario, control.path), (value) => {
    setPath(calc.scenario, control.path, value);
    calc.changed();
  }, { hint: control.hint });
}

function selectControl(calc, control) {
  const id = fieldId(control.path);
  const options = control.options || [];
  const current = getPath(calc.scenario, control.path);
  const chosen = options.find((option) => option.value === current);
  const explanationId = chosen?.explanation ? id + "-uitleg" : null;
  const hintId = control.hint ? id + "-hint" : null;
  const select = el("select", { id, "data-field": control.path,
    "aria-describedby": [hintId, explanationId].filter(Boolean).join(" ") || null },
  chosen ? null : el("option", { value: "", text: "Kies…", selected: true }),
  ...options.map((option) => el("option", { value: String(option.value), text: option.label, selected: option === chosen })));
  select.addEventListener("change", () => {
    const option = options.find((o) => String(o.value) === select.value);
    if (!option) return;
    setPath(calc.scenario, control.path, structuredClone(option.value));
    // Other controls may depend on this value (group "when"): rebuild, and answer at once.
    calc.changed({ immediately: true, rebuild: true });
  });
  return el("div", { class: "rekenhulp-keuze" },
    el("p", { class: "rekenhulp-veld" }, el("label", { for: id, text: control.label }), " ", select,
      hintId ? el("span", { class: "rekenhulp-hint", id: hintId, text: control.hint }) : null),
    explanationId ? el("p", { class: "rekenhulp-uitleg", id: explanationId, text: chosen.explanation }) : null);
}

function groupControl(calc, control) {
  const when = control.when;
  if (when && !(when.in || []).includes(getPath(calc.scenario, when.path))) return null;
  return el("fieldset", { class: "rekenhulp-groep" }, el("legend", { text: control.legend }),
    renderControls(calc, control.controls));
}

function optionalControl(calc, control) {
  const id = fieldId(control.path);
  const value = getPath(calc.scenario, control.path);
  const on = value !== null && value !== undefined;
  const toggle = el("input", { type: "checkbox", id, "data-field": control.path, checked: on });
  toggle.addEventListener("change", () => {
    setPath(calc.scenario, control.path, toggle.checked ? structuredClone(control.value ?? {}) : null);
    calc.changed({ immediately: true, rebuild: true });
  });
  return el("div", { class: "rekenhulp-optie" },
    el("p", { class: "rekenhulp-veld" }, toggle, " ", el("label", { for: id, text: control.label })),
    on ? renderControls(calc, control.controls) : null);
}

// A distribution key: a preset (or "Eigen sleutel") and one weight per column.
function keyControl(calc, control) {
  const path = control.path;
  const presets = control.presets || [];
  const stored = getPath(calc.scenario, path);
  const key = isObject(stored) ? stored : {};
  const known = presets.find((p) => p.id === key.preset);
  const selectId = fieldId(path + ".preset");
  const select = el("select", { id: selectId, "data-field": path + ".preset", "aria-describedby": selectId + "-uitleg" },
    ...presets.map((p) => el("option", { value: p.id, text: p.label, selected: p === known })),
    el("option", { value: "", text: OWN_KEY, selected: !known }));
  select.addEventListener("change", () => {
    const preset = presets.find((p) => p.id === select.value);
    const now = getPath(calc.scenario, path);
    setPath(calc.scenario, path, preset
      ? { label: preset.label, preset: preset.id, weights: { ...preset.weights } }
      : { ...(isObject(now) ? now : {}), label: OWN_KEY, preset: null });
    calc.changed({ immediately: true, rebuild: true });
  });
  const explanation = el("p", { class: "rekenhulp-uitleg", id: selectId + "-uitleg",
    text: known ? known.explanation : "Eigen sleutel: u kiest zelf de gewichten." });
  const toOwnKey = () => {
    const now = getPath(calc.scenario, path);
    if (!now.preset) return;
    now.preset = null;
    now.label = OWN_KEY;
    select.value = "";
    explanation.textContent = "U hebt de gewichten aangepast: dit is nu een eigen sleutel.";
  };
  const weights = columnsOf(calc, control).map((column) => weightInput(calc, path, column, toOwnKey));
  return el("fieldset", { class: "rekenhulp-sleutel", id: fieldId(path + ".weights"), tabindex: "-1",
    "data-field-group": path + ".weights" },
  el("legend", { text: control.legend }),
  el("p", { class: "rekenhulp-veld" }, el("label", { for: selectId, text: "Kies een sleutel" }), " ", select),
  explanation,
  el("div", { class: "rekenhulp-gewichten" }, weights));
}

function weightInput(calc, path, column, toOwnKey) {
  const parts = [...pathParts(path), "weights", column.id];
  return textInput(`${path}.weights.${column.id}`, `${column.label ?? column.id} (%)`,
    getPath(calc.scenario, parts) ?? "0",
    (value) => {
      setPath(calc.scenario, parts, value);
      toOwnKey();
      calc.changed();
    },
    { hint: column.reference ? `Peilmoment: ${column.reference}` : "" });
}

// A table of municipalities: a name per row and one value per column.
function tableControl(calc, control) {
  const path = control.path;
  const columns = columnsOf(calc, control);
  const stored = getPath(calc.scenario, path);
  const rows = Array.isArray(stored) ? stored : [];
  const head = el("tr", {}, el("th", { scope: "col", text: "Gemeente" }),
    ...columns.map((c) => el("th", { scope: "col" }, c.label ?? c.id, c.reference ? el("span", { class: "rekenhulp-peil", text: c.reference }) : null)),
    el("th", { scope: "col", text: "Actie" }));
  const wrap = el("div", { class: "rekenhulp-tabel-wrap", id: fieldId(path), tabindex: "-1", "data-field-group": path },
    el("table", { class: "rekenhulp-invoertabel" },
      el("caption", { text: control.caption }),
      el("thead", {}, head),
      el("tbody", {}, rows.map((row, index) => tableRow(calc, path, columns, isObject(row) ? row : {}, index)))));
  const add = el("button", { type: "button", class: "md-button", text: "Gemeente toevoegen", onclick: () => {
    const list = getPath(calc.scenario, path);
    if (Array.isArray(list)) list.push({ name: "", values: {} });
    else setPath(calc.scenario, path, [{ name: "", values: {} }]);
    calc.changed({ immediately: true, rebuild: true });
    const names = calc.formArea.querySelectorAll(`[data-field-group="${CSS.escape(path)}"] .rekenhulp-naam`);
    names[names.length - 1]?.focus();
  } });
  return el("div", { class: "rekenhulp-tabel" }, wrap, el("p", {}, add));
}

function tableRow(calc, path, columns, row, index) {
  const parts = [...pathParts(path), index];
  const name = typeof row.name === "string" ? row.name : "";
  const shown = name || "gemeente " + (index + 1);
  const nameCell = el("th", { scope: "row" }, textInput(`${path}[${index}].name`, `Naam van gemeente ${index + 1}`,
    row.name, (value) => { setPath(calc.scenario, [...parts, "name"], value); calc.changed(); },
    { hiddenLabel: true, inputmode: "text", className: "rekenhulp-naam" }));
  const cells = columns.map((column) => el("td", {}, textInput(
    `${path}[${index}].values.${column.id}`, `${column.label ?? column.id}, ${shown}`,
    getPath(row, ["values", column.id]) ?? "",
    (value) => { setPath(calc.scenario, [...parts, "values", column.id], value); calc.changed(); },
    { hiddenLabel: true })));
  // A stable id per row position, so focus lands on the next row's button after a removal.
  const remove = el("button", { type: "button", class: "rekenhulp-verwijder", text: "Verwijder",
    id: fieldId(`${path}[${index}]`) + "-verwijder", "aria-label": `Verwijder ${shown}`,
    onclick: () => {
      getPath(calc.scenario, path).splice(index, 1);
      calc.changed({ immediately: true, rebuild: true });
    } });
  return el("tr", {}, nameCell, ...cells, el("td", {}, remove));
}

// Starts the table from a region's municipalities (with example figures); Python does the
// work in its `region` action, this only offers the choice.
function regionControl(calc, control) {
  const regions = calc.description.regions || [];
  if (!regions.length) return null;
  calc.regionChoice ??= matchingRegion(calc.scenario, regions) ?? regions[0].id;
  const select = el("select", { id: "rekenhulp-regio" },
    ...regions.map((r) => el("option", { value: r.id, text: r.label, selected: r.id === calc.regionChoice })));
  select.addEventListener("change", () => { calc.regionChoice = select.value; });
  const load = el("button", { type: "button", class: "md-button", id: "rekenhulp-regio-laden",
    text: "Gemeenten laden", onclick: () => calc.loadRegion(select.value) });
  return el("div", { class: "rekenhulp-regio" },
    el("p", { class: "rekenhulp-veld" }, el("label", { for: select.id, text: control.label }), " ", select, " ", load),
    calc.regionFeedback);
}

// The region whose municipalities the table holds now (the example's region, say), so the
// choice shown matches the table.
function matchingRegion(scenario, regions) {
  const rows = getPath(scenario, REGION_TABLE_PATH);
  if (!Array.isArray(rows)) return null;
  const names = rows.map((row) => (isObject(row) ? row.name : null)).sort().join("\n");
  return regions.find((r) => [...(r.municipalities || [])].sort().join("\n") === names)?.id ?? null;
}

// ---------------------------------------------------------------- import and export

function importSection(calc) {
  const textarea = el("textarea", { id: "rekenhulp-plakken", rows: 6, class: "rekenhulp-plakvak",
    "data-field": "csv", spellcheck: "false" });
  const file = el("input", { id: "rekenhulp-bestand", type: "file", accept: ".csv,.txt,.json,text/csv,text/plain,application/json" });
  const feedback = el("p", { class: "rekenhulp-importmelding", role: "status" });
  const mode = (value, label, checked) => el("label", {},
    el("input", { type: "radio", name: "rekenhulp-importmodus", value, checked }), " ", label);
  const run = (text) => runImport(calc, text, feedback);

  file.addEventListener("change", async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    try {
      await run(decodeFile(await chosen.arrayBuffer()));
    } catch (error) {
      if (!calc.gone()) feedback.textContent = "Niet geïmporteerd. Het bestand kon niet worden gelezen (" + (error.message || error) + ").";
    } finally {
      file.value = "";
    }
  });

  return el("details", { class: "rekenhulp-import" },
    el("summary", { text: "Gegevens importeren: plakken uit Excel, een CSV-bestand of een bewaard scenario" }),
    el("p", { text: "De eerste kolom bevat de gemeente; de kopjes van de andere kolommen zijn de namen van de kolommen in de tabel. "
      + "CSV uit Excel (puntkomma), internationale CSV (komma) en een CSV-download van CBS StatLine worden herkend. "
      + `Een scenario dat u eerder als JSON bewaarde uit de rekenhulp ${calc.title}, zet alle invoer terug.` }),
    el("fieldset", {}, el("legend", { text: "Wat moet er gebeuren?" }),
      mode("update", "Alleen de cijfers van gemeenten in de tabel bijwerken", true), el("br"),
      mode("replace", "De hele tabel vervangen door het bestand", false)),
    el("p", {}, el("label", { for: textarea.id, text: "Plak hier cellen uit Excel of de tekst van een CSV-bestand" }), el("br"), textarea),
    el("p", {}, el("button", { type: "button", class: "md-button", text: "Geplakte gegevens importeren",
      onclick: () => run(textarea.value) })),
    el("p", {}, el("label", { for: file.id, text: "Of kies een CSV-bestand: " }), file),
    feedback);
}

function decodeFile(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Older Excel versions save CSV in Windows-1252.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

// A saved scenario (the JSON this page exports) replaces everything; other text is CSV.
// Never rejects: every outcome is a sentence in `feedback`.
async function runImport(calc, text, feedback) {
  try {
    const outcome = text.trimStart().startsWith("{") ? await importScenario(calc, text) : await importCsv(calc, text);
    if (calc.gone()) return;
    if (outcome.scenario) {
      calc.scenario = outcome.scenario;
      calc.changed({ immediately: true, rebuild: true });
    }
    feedback.textContent = outcome.message;
  } catch (error) {
    if (!calc.gone()) feedback.textContent = "Niet geïmporteerd. " + failureMessage(error);
  }
}

async function importScenario(calc, text) {
  let scenario;
  try {
    scenario = JSON.parse(text);
  } catch {
    return { message: "Niet geïmporteerd. Het bestand lijkt op JSON, maar is geen geldig scenario-bestand." };
  }
  const verdict = await calc.request("check", { scenario });
  if (!verdict.ok) {
    return { message: `Niet geïmporteerd. Dit bestand is geen scenario voor de rekenhulp ${calc.title}. ${firstMessage(verdict)}` };
  }
  return { scenario, message: "Scenario geïmporteerd uit JSON." };
}

async function importCsv(calc, text) {
  const mode = calc.editor.querySelector("input[name=rekenhulp-importmodus]:checked")?.value || "update";
  const response = await calc.request("import_csv", { scenario: calc.scenario, text, mode });
  if (!response.ok) {
    return { message: "Niet geïmporteerd. " + (response.errors || []).map((e) => e.message).join(" ") };
  }
  return { scenario: response.scenario, message: "Geïmporteerd: " + response.summary };
}

function exportSection(calc) {
  const feedback = el("p", { class: "rekenhulp-exportmelding", role: "status" });
  const linkField = el("input", { id: "rekenhulp-link", type: "text", readonly: true, class: "rekenhulp-link", hidden: true });
  const button = (text, onclick) => el("button", { type: "button", class: "md-button", text, onclick });
  const saveJson = () => {
    download(`${calc.name}-scenario.json`, JSON.stringify(calc.scenario, null, 2), "application/json");
    feedback.textContent = `Scenario van de rekenhulp ${calc.title} gedownload als JSON.`;
  };
  const shareLink = async () => {
    linkField.value = location.href;
    linkField.hidden = false;
    linkField.select();
    try {
      await navigator.clipboard.writeText(location.href);
      feedback.textContent = "De link staat op het klembord. Wie hem opent, ziet precies dit scenario.";
    } catch {
      feedback.textContent = "Kopieer de link uit het veld hieronder.";
    }
  };
  return el("section", { class: "rekenhulp-export", "aria-labelledby": "rekenhulp-export-kop" },
    el("h3", { id: "rekenhulp-export-kop", text: "Bewaren en delen" }),
    el("p", { class: "rekenhulp-knoppen" },
      button("CSV voor Excel (Nederlands)", () => exportCsv(calc, "nl", feedback)), " ",
      button("CSV internationaal", () => exportCsv(calc, "international", feedback)), " ",
      button("Scenario als JSON", saveJson), " ",
      button("Link naar dit scenario", shareLink)),
    el("p", {}, el("label", { for: linkField.id, class: "visueel-verborgen", text: "Link naar dit scenario" }), linkField),
    feedback);
}

// Never rejects: every outcome is a sentence in `feedback`.
async function exportCsv(calc, convention, feedback) {
  try {
    const response = await calc.request("export_csv", { scenario: calc.scenario, convention });
    if (calc.gone()) return;
    if (!response.ok) {
      feedback.textContent = "Exporteren kan pas als de invoer klopt.";
      return;
    }
    download(response.filename, response.text, "text/csv;charset=utf-8");
    feedback.textContent = "CSV-bestand gedownload: " + response.filename;
  } catch (error) {
    if (!calc.gone()) feedback.textContent = "Niet geëxporteerd. " + failureMessage(error);
  }
}

// ---------------------------------------------------------------- boot on intent

// A pointer resting on, or focus reaching, a link to a calculator page starts the worker
// before the click, so Pyodide boots while the visitor decides. Without such intent nothing
// is fetched. The calculator pages are listed in a <meta> by hooks/pyodide_dist.py.
function calculatorPaths() {
  const meta = document.querySelector('meta[name="rekenhulp-paginas"]');
  const paths = (meta?.content || "").split(/\s+/).filter(Boolean);
  return new Set(paths.map((path) => new URL(path, SITE_ROOT).pathname));
}

function watchForIntent() {
  const paths = calculatorPaths();
  if (!paths.size) return;
  const target = (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || workerStarted()) return null;
    const url = new URL(link.href, location.href);
    return url.origin === location.origin && paths.has(url.pathname) ? link : null;
  };
  let timer = null;
  document.addEventListener("pointerover", (event) => {
    const link = target(event);
    if (!link) return;
    clearTimeout(timer);
    timer = setTimeout(workerClient, INTENT_DELAY_MS);
    link.addEventListener("pointerout", () => clearTimeout(timer), { once: true });
  });
  document.addEventListener("focusin", (event) => {
    if (target(event)) workerClient();
  });
}

// ---------------------------------------------------------------- attach on every page

const calculators = new Set();

function attachAll() {
  // Instant navigation swapped the content: the calculators of the old page stop here.
  for (const calc of calculators) {
    if (calc.root.isConnected) continue;
    calc.dispose();
    calculators.delete(calc);
  }
  for (const root of document.querySelectorAll("[data-rekenhulp]")) {
    if (root.dataset.attached) continue;
    root.dataset.attached = "true";
    const calc = new Calculator(root, workerClient());
    calculators.add(calc);
    calc.start();
  }
}

// mkdocs-material swaps page content without reloading under instant navigation and
// announces each new page through document$.
if (window.document$) window.document$.subscribe(attachAll);
else attachAll();
watchForIntent();
