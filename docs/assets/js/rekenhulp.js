// Page glue for the calculators ("rekenhulpen"). All maths happens in Python inside a
// Pyodide module worker; this file only moves data between the form, the worker, the URL
// and files, and puts the worker's (already escaped) HTML on the page.
//
// The worker is created once per visit, on the first calculator page, and survives
// mkdocs-material's instant navigation, so a second calculator page does not boot again.
// Pages without a calculator never load Pyodide.

const WORKER_URL = new URL("./rekenhulp-worker.mjs", import.meta.url);
const URL_STATE_KEY = "scenario";
const RECOMPUTE_DELAY_MS = 200;

// ---------------------------------------------------------------- worker client

class WorkerClient {
  constructor() {
    this.worker = new Worker(WORKER_URL, { type: "module" });
    this.pending = new Map();
    this.nextId = 1;
    this.state = { stage: "runtime", message: "Rekenhulp wordt gestart…" };
    this.listeners = new Set();
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      this.setState({ stage: "failed", message: "De rekenhulp kon niet starten: " + (event.message || "onbekende fout") + "." });
    };
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
    if (!entry) return;
    this.pending.delete(data.id);
    if (data.error) entry.reject(new Error(data.error));
    else entry.resolve(data.response);
  }

  setState(state) {
    this.state = state;
    for (const listener of this.listeners) listener(state);
    if (state.stage === "failed") {
      for (const entry of this.pending.values()) entry.reject(new Error(state.message));
      this.pending.clear();
    }
  }

  subscribe(listener) {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  call(request) {
    if (this.state.stage === "failed") return Promise.reject(new Error(this.state.message));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, request });
    });
  }
}

let sharedClient = null;
function workerClient() {
  if (!sharedClient) sharedClient = new WorkerClient();
  return sharedClient;
}

// ---------------------------------------------------------------- small DOM helpers

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
  const input = el("input", {
    id, type: "text", inputmode: extra.inputmode || "decimal", autocomplete: "off",
    "data-field": path, value: value ?? "", class: extra.className || "",
    "aria-label": extra.hiddenLabel ? label : null,
  });
  input.addEventListener("input", () => onInput(input.value));
  if (extra.hiddenLabel) return el("span", { class: "rekenhulp-veld" }, input);
  return el("p", { class: "rekenhulp-veld" }, el("label", { for: id, text: label }), " ", input,
    extra.hint ? el("span", { class: "rekenhulp-hint", id: id + "-hint", text: extra.hint }) : null);
}

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
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
    this.status = root.querySelector(".rekenhulp-status");
    this.editor = root.querySelector(".rekenhulp-invoer");
    this.output = root.querySelector(".rekenhulp-uitkomst");
    this.sequence = 0;
    this.timer = null;
  }

  announce(message, busy = false) {
    const text = el("span", { text: message });
    if (busy) this.status.replaceChildren(el("progress", { class: "rekenhulp-voortgang", "aria-label": "Voortgang laden" }), text);
    else this.status.replaceChildren(text);
  }

  request(action, extra = {}) {
    return this.client.call({ calculator: this.name, action, ...extra });
  }

  async start() {
    const unsubscribe = this.client.subscribe((state) => {
      if (state.stage === "failed") {
        this.announce(state.message + " U ziet de uitkomst van het voorbeeld.");
      } else if (state.stage !== "ready") {
        this.announce(state.message, true);
      }
    });
    try {
      const [description, defaults] = await Promise.all([this.request("describe"), this.request("default")]);
      this.description = description;
      this.defaultScenario = defaults.scenario;
      let scenario = this.defaultScenario;
      let notice = "";
      try {
        const fromUrl = scenarioFromUrl();
        if (fromUrl !== null) {
          if (isScenarioShape(fromUrl, this.name)) scenario = fromUrl;
          else notice = "De link bevat geen geldig scenario voor deze rekenhulp; u ziet het voorbeeld. ";
        }
      } catch (error) {
        notice = error.message + " ";
      }
      this.scenario = structuredClone(scenario);
      this.ui = UIS[this.name](this);
      this.editor.hidden = false;
      await this.recompute();
      this.announce(notice + "De rekenhulp is klaar. Als u de invoer wijzigt, rekent hij direct opnieuw.");
      this.live = true;
      this.root.dataset.boot = this.client.boot || "";
    } catch (error) {
      this.announce(String(error.message || error) + " U ziet de uitkomst van het voorbeeld.");
    } finally {
      unsubscribe();
    }
  }

  changed({ immediately = false, rebuild = false } = {}) {
    if (rebuild) this.ui.render();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recompute(), immediately ? 0 : RECOMPUTE_DELAY_MS);
  }

  async recompute() {
    const sequence = ++this.sequence;
    const started = performance.now();
    const response = await this.request("compute", { scenario: this.scenario });
    if (sequence !== this.sequence) return; // a newer change is on its way
    this.showErrors(response.ok ? [] : response.errors);
    if (response.ok) {
      this.output.innerHTML = response.html; // escaped by the Python renderer
      this.output.classList.remove("rekenhulp-verouderd");
      writeScenarioToUrl(this.scenario);
      this.lastResponse = response;
    } else {
      this.output.replaceChildren(el("p", { class: "rekenhulp-geen-uitkomst",
        text: "Er is nu geen uitkomst: verbeter eerst de invoer die hierboven rood is gemarkeerd." }));
    }
    this.root.dataset.state = response.ok ? "ok" : "fout";
    if (this.live) {
      // Screen readers hear a short summary instead of the whole result table.
      const count = response.ok ? 0 : response.errors.length;
      this.announce(response.ok ? "De uitkomst is bijgewerkt."
        : `Geen uitkomst: de invoer bevat ${count === 1 ? "1 fout" : count + " fouten"}. ${response.errors[0].message}`);
    }
    this.root.dispatchEvent(new CustomEvent("rekenhulp:bijgewerkt", {
      detail: { response, roundTripMs: performance.now() - started },
    }));
  }

  showErrors(errors) {
    for (const node of this.root.querySelectorAll(".rekenhulp-fout")) node.remove();
    for (const input of this.root.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
    const summary = this.editor.querySelector(".rekenhulp-foutenlijst");
    summary.replaceChildren();
    summary.hidden = errors.length === 0;
    if (!errors.length) return;
    summary.append(el("h3", { text: errors.length === 1 ? "De invoer bevat 1 fout" : `De invoer bevat ${errors.length} fouten` }));
    const list = el("ul");
    for (const error of errors) {
      const input = this.editor.querySelector(`[data-field="${CSS.escape(error.field)}"]`)
        || this.editor.querySelector(`[data-field-group="${CSS.escape(error.field)}"]`);
      if (input) {
        const messageId = fieldId(error.field) + "-fout-" + list.children.length;
        const message = el("span", { class: "rekenhulp-fout", id: messageId, text: error.message });
        input.setAttribute("aria-invalid", "true");
        const described = input.getAttribute("aria-describedby");
        input.setAttribute("aria-describedby", described ? described + " " + messageId : messageId);
        (input.closest(".rekenhulp-veld, td, fieldset") || input.parentElement).append(message);
        // A button, not a #link: a hash would replace the scenario in the URL.
        const jump = () => { input.focus(); input.scrollIntoView({ block: "center" }); };
        list.append(el("li", {}, el("button", { type: "button", class: "rekenhulp-naar-veld", text: error.message, onclick: jump })));
      } else {
        list.append(el("li", { text: error.message }));
      }
    }
    summary.append(list);
  }
}

function isScenarioShape(value, calculator) {
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  return isObject(value)
    && (value.calculator === undefined || value.calculator === calculator)
    && Array.isArray(value.criteria) && value.criteria.every((c) => isObject(c) && typeof c.id === "string")
    && Array.isArray(value.municipalities)
    && value.municipalities.every((m) => isObject(m) && typeof m.name === "string" && isObject(m.values))
    && isObject(value.key) && isObject(value.key.weights)
    && (value.compare_key === null || value.compare_key === undefined
      || (isObject(value.compare_key) && isObject(value.compare_key.weights)));
}

// ---------------------------------------------------------------- shared editor parts

function importSection(calc) {
  const textarea = el("textarea", { id: "rekenhulp-plakken", rows: 6, class: "rekenhulp-plakvak",
    "data-field": "csv", spellcheck: "false" });
  const file = el("input", { id: "rekenhulp-bestand", type: "file", accept: ".csv,.txt,.json,text/csv,text/plain,application/json" });
  const feedback = el("p", { class: "rekenhulp-importmelding", role: "status" });
  const mode = (value, label, checked) => el("label", {},
    el("input", { type: "radio", name: "rekenhulp-importmodus", value, checked }), " ", label);

  // A saved scenario (the JSON this page exports) replaces everything; other text is CSV.
  function importScenario(text) {
    let scenario;
    try {
      scenario = JSON.parse(text);
    } catch {
      feedback.textContent = "Niet geïmporteerd. Het bestand lijkt op JSON, maar is geen geldig scenario-bestand.";
      return;
    }
    if (!isScenarioShape(scenario, calc.name)) {
      feedback.textContent = "Niet geïmporteerd. Dit JSON-bestand is geen scenario voor deze rekenhulp.";
      return;
    }
    calc.scenario = scenario;
    feedback.textContent = "Scenario geïmporteerd uit JSON.";
    calc.changed({ immediately: true, rebuild: true });
  }

  async function runImport(text) {
    if (text.trimStart().startsWith("{")) return importScenario(text);
    const chosen = calc.editor.querySelector("input[name=rekenhulp-importmodus]:checked").value;
    const response = await calc.request("import_csv", { scenario: calc.scenario, text, mode: chosen });
    if (response.ok) {
      calc.scenario = response.scenario;
      feedback.textContent = "Geïmporteerd: " + response.summary;
      calc.changed({ immediately: true, rebuild: true });
    } else {
      feedback.textContent = "Niet geïmporteerd. " + response.errors.map((e) => e.message).join(" ");
    }
  }

  file.addEventListener("change", async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    const bytes = await chosen.arrayBuffer();
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // Older Excel versions save CSV in Windows-1252.
      text = new TextDecoder("windows-1252").decode(bytes);
    }
    await runImport(text);
    file.value = "";
  });

  return el("details", { class: "rekenhulp-import" },
    el("summary", { text: "Gegevens importeren: plakken uit Excel, een CSV-bestand of een bewaard scenario" }),
    el("p", { text: "De eerste kolom bevat de gemeente; de kopjes van de andere kolommen zijn de namen van de criteria. CSV uit Excel (puntkomma), internationale CSV (komma) en een CSV-download van CBS StatLine worden herkend. Een scenario dat u eerder als JSON bewaarde, zet alle invoer terug." }),
    el("fieldset", {}, el("legend", { text: "Wat moet er gebeuren?" }),
      mode("update", "Alleen de cijfers van gemeenten in de tabel bijwerken", true), el("br"),
      mode("replace", "De hele tabel vervangen door het bestand", false)),
    el("p", {}, el("label", { for: textarea.id, text: "Plak hier cellen uit Excel of de tekst van een CSV-bestand" }), el("br"), textarea),
    el("p", {}, el("button", { type: "button", class: "md-button", text: "Geplakte gegevens importeren",
      onclick: () => runImport(textarea.value) })),
    el("p", {}, el("label", { for: file.id, text: "Of kies een CSV-bestand: " }), file),
    feedback);
}

function exportSection(calc) {
  const feedback = el("p", { class: "rekenhulp-exportmelding", role: "status" });
  const linkField = el("input", { id: "rekenhulp-link", type: "text", readonly: true, class: "rekenhulp-link", hidden: true });
  async function exportCsv(convention) {
    const response = await calc.request("export_csv", { scenario: calc.scenario, convention });
    if (!response.ok) {
      feedback.textContent = "Exporteren kan pas als de invoer klopt.";
      return;
    }
    download(response.filename, response.text, "text/csv;charset=utf-8");
    feedback.textContent = "CSV-bestand gedownload: " + response.filename;
  }
  return el("section", { class: "rekenhulp-export", "aria-labelledby": "rekenhulp-export-kop" },
    el("h3", { id: "rekenhulp-export-kop", text: "Bewaren en delen" }),
    el("p", { class: "rekenhulp-knoppen" },
      el("button", { type: "button", class: "md-button", text: "CSV voor Excel (Nederlands)", onclick: () => exportCsv("nl") }), " ",
      el("button", { type: "button", class: "md-button", text: "CSV internationaal", onclick: () => exportCsv("international") }), " ",
      el("button", { type: "button", class: "md-button", text: "Scenario als JSON", onclick: () => {
        download(`${calc.name}-scenario.json`, JSON.stringify(calc.scenario, null, 2), "application/json");
        feedback.textContent = "Scenario gedownload als JSON.";
      } }), " ",
      el("button", { type: "button", class: "md-button", text: "Link naar dit scenario", onclick: async () => {
        linkField.value = location.href;
        linkField.hidden = false;
        linkField.select();
        try {
          await navigator.clipboard.writeText(location.href);
          feedback.textContent = "De link staat op het klembord. Wie hem opent, ziet precies dit scenario.";
        } catch {
          feedback.textContent = "Kopieer de link uit het veld hieronder.";
        }
      } })),
    el("p", {}, el("label", { for: linkField.id, class: "visueel-verborgen", text: "Link naar dit scenario" }), linkField),
    feedback);
}

// ---------------------------------------------------------------- Verdeelsleutel editor

function verdeelsleutelUi(calc) {
  const presets = calc.description.presets;
  const keyArea = el("div");
  const compareArea = el("div");
  const tableArea = el("div");
  const summary = el("div", { class: "rekenhulp-foutenlijst", role: "alert", hidden: true, tabindex: "-1" });

  function keyFieldset(slot, legend) {
    const key = calc.scenario[slot];
    const select = el("select", { id: fieldId(slot + ".preset"), "data-field": slot + ".preset" },
      ...presets.map((p) => el("option", { value: p.id, text: p.label, selected: p.id === key.preset })),
      el("option", { value: "", text: "Eigen sleutel", selected: !presets.some((p) => p.id === key.preset) }));
    select.addEventListener("change", () => {
      const preset = presets.find((p) => p.id === select.value);
      if (preset) {
        calc.scenario[slot] = { label: preset.label, preset: preset.id, weights: { ...preset.weights } };
      } else {
        calc.scenario[slot] = { ...calc.scenario[slot], label: "Eigen sleutel", preset: null };
      }
      calc.changed({ immediately: true, rebuild: true });
    });
    const preset = presets.find((p) => p.id === key.preset);
    const explanation = el("p", { class: "rekenhulp-uitleg",
      text: preset ? preset.explanation : "Eigen sleutel: u kiest zelf de gewichten van de criteria." });
    const weights = calc.scenario.criteria.map((criterion) => textInput(
      `${slot}.weights.${criterion.id}`, `${criterion.label} (%)`, key.weights[criterion.id] ?? "0",
      (value) => {
        calc.scenario[slot].weights[criterion.id] = value;
        if (calc.scenario[slot].preset) {
          calc.scenario[slot].preset = null;
          calc.scenario[slot].label = "Eigen sleutel";
          select.value = "";
          explanation.textContent = "U hebt de gewichten aangepast: dit is nu een eigen sleutel.";
        }
        calc.changed();
      },
      { hint: criterion.reference ? `Peilmoment: ${criterion.reference}` : "" }));
    return el("fieldset", { class: "rekenhulp-sleutel", id: fieldId(slot + ".weights"), tabindex: "-1",
      "data-field-group": slot + ".weights" },
      el("legend", { text: legend }),
      el("p", { class: "rekenhulp-veld" }, el("label", { for: select.id, text: "Kies een sleutel" }), " ", select),
      explanation,
      el("div", { class: "rekenhulp-gewichten" }, weights));
  }

  function renderKeys() {
    keyArea.replaceChildren(keyFieldset("key", "Verdeelsleutel en gewichten"));
    const compareOn = calc.scenario.compare_key !== null && calc.scenario.compare_key !== undefined;
    const toggle = el("input", { type: "checkbox", id: "rekenhulp-vergelijk", checked: compareOn });
    toggle.addEventListener("change", () => {
      const reference = presets.find((p) => p.id === "inwoners-100") || presets[0];
      calc.scenario.compare_key = toggle.checked
        ? { label: reference.label, preset: reference.id, weights: { ...reference.weights } } : null;
      calc.changed({ immediately: true, rebuild: true });
    });
    compareArea.replaceChildren(
      el("p", { class: "rekenhulp-veld" }, toggle, " ", el("label", { for: toggle.id, text: "Vergelijk met een tweede sleutel" })),
      compareOn ? keyFieldset("compare_key", "Tweede sleutel om mee te vergelijken") : null,
      compareOn ? textInput("threshold_per_inhabitant", "Waarschuw bij een verschil groter dan (euro per inwoner)",
        calc.scenario.threshold_per_inhabitant, (value) => { calc.scenario.threshold_per_inhabitant = value; calc.changed(); },
        { hint: "Standaard € 15: het maximale herverdeeleffect per inwoner uit het advies van het expertiseteam." }) : null);
  }

  function renderTable() {
    const criteria = calc.scenario.criteria;
    const head = el("tr", {}, el("th", { scope: "col", text: "Gemeente" }),
      ...criteria.map((c) => el("th", { scope: "col" }, c.label, c.reference ? el("span", { class: "rekenhulp-peil", text: c.reference }) : null)),
      el("th", { scope: "col", text: "Actie" }));
    const rows = calc.scenario.municipalities.map((municipality, index) => {
      const nameCell = el("th", { scope: "row" }, textInput(`municipalities[${index}].name`, `Naam van gemeente ${index + 1}`,
        municipality.name, (value) => { municipality.name = value; calc.changed(); },
        { hiddenLabel: true, inputmode: "text", className: "rekenhulp-naam" }));
      const cells = criteria.map((criterion) => el("td", {}, textInput(
        `municipalities[${index}].values.${criterion.id}`, `${criterion.label}, ${municipality.name || "gemeente " + (index + 1)}`,
        municipality.values[criterion.id] ?? "", (value) => { municipality.values[criterion.id] = value; calc.changed(); },
        { hiddenLabel: true })));
      const remove = el("button", { type: "button", class: "rekenhulp-verwijder", text: "Verwijder",
        "aria-label": `Verwijder ${municipality.name || "gemeente " + (index + 1)}`,
        onclick: () => { calc.scenario.municipalities.splice(index, 1); calc.changed({ immediately: true, rebuild: true }); } });
      return el("tr", {}, nameCell, ...cells, el("td", {}, remove));
    });
    const add = el("button", { type: "button", class: "md-button", text: "Gemeente toevoegen", onclick: () => {
      calc.scenario.municipalities.push({ name: "", values: {} });
      calc.changed({ immediately: true, rebuild: true });
      const inputs = tableArea.querySelectorAll(".rekenhulp-naam");
      inputs[inputs.length - 1]?.focus();
    } });
    tableArea.replaceChildren(
      el("div", { class: "rekenhulp-tabel-wrap", id: fieldId("municipalities"), tabindex: "-1",
        "data-field-group": "municipalities" },
        el("table", { class: "rekenhulp-invoertabel" },
          el("caption", { text: "Cijfers per gemeente (pas ze aan of importeer ze)" }),
          el("thead", {}, head), el("tbody", {}, rows))),
      el("p", {}, add));
  }

  function render() {
    const active = document.activeElement?.id;
    amount.querySelector("input").value = calc.scenario.amount ?? "";
    renderKeys();
    renderTable();
    if (active) document.getElementById(active)?.focus();
  }

  const amount = textInput("amount", "Te verdelen bedrag in euro", calc.scenario.amount,
    (value) => { calc.scenario.amount = value; calc.changed(); },
    { hint: "Positief is een overschot dat wordt uitgekeerd; negatief (met een min) is een tekort dat de gemeenten bijpassen." });
  const reset = el("button", { type: "button", class: "md-button", text: "Terug naar het voorbeeld", onclick: () => {
    calc.scenario = structuredClone(calc.defaultScenario);
    calc.changed({ immediately: true, rebuild: true });
  } });
  calc.editor.replaceChildren(
    el("h2", { id: "rekenhulp-invoer-kop", text: "Invoer" }),
    summary,
    el("fieldset", {}, el("legend", { text: "Bedrag" }), amount),
    keyArea, compareArea, tableArea,
    importSection(calc), exportSection(calc),
    el("p", {}, reset));
  render();
  return { render };
}

const UIS = { verdeelsleutel: verdeelsleutelUi };

// ---------------------------------------------------------------- attach on every page

function attachAll() {
  for (const root of document.querySelectorAll("[data-rekenhulp]")) {
    if (root.dataset.attached || !UIS[root.dataset.rekenhulp]) continue;
    root.dataset.attached = "true";
    new Calculator(root, workerClient()).start();
  }
}

// mkdocs-material swaps page content without reloading under instant navigation and
// announces each new page through document$.
if (window.document$) window.document$.subscribe(attachAll);
else attachAll();
