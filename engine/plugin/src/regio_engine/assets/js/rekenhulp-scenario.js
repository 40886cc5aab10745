// A calculator's scenario outside the page: in the link (the URL's #scenario=, written after
// every result and read at the start) and in files (CSV and JSON in, CSV and JSON out). What
// comes in is anyone's data: Python checks it before the calculator uses it.

import { TooSlow, failureMessage, firstMessage } from "./rekenhulp-client.js";
import { el } from "./rekenhulp-fields.js";

/** @typedef {import("./rekenhulp.js").Calculator} Calculator */
/** @typedef {{scenario?: unknown, message: string}} Outcome  the result of an import */

const URL_STATE_KEY = "scenario";
// The municipality to highlight (#gemeente=<naam>): a view option beside the scenario, so
// municipality pages can link to a calculator with their own row marked.
const URL_HIGHLIGHT_KEY = "gemeente";

// ---------------------------------------------------------------- the link

/** @param {unknown} scenario @returns {string} base64url of its JSON */
function encodeScenario(scenario) {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// Returns the scenario object from the URL, null when there is none, or throws (Dutch).
/** @returns {unknown} */
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

/** @returns {string} the municipality the link asks to highlight, or "" (Python checks it) */
export function highlightFromUrl() {
  return new URLSearchParams(location.hash.slice(1)).get(URL_HIGHLIGHT_KEY) || "";
}

// The scenario first (tests and older links look for "#scenario="), then the highlight, so
// a shared link opens with the same municipality marked.
/** @param {unknown} scenario @param {string} [highlight]  a municipality's name, or "" */
export function writeScenarioToUrl(scenario, highlight = "") {
  let hash = "#" + URL_STATE_KEY + "=" + encodeScenario(scenario);
  if (highlight) hash += "&" + URL_HIGHLIGHT_KEY + "=" + encodeURIComponent(highlight);
  if (location.hash !== hash) history.replaceState(history.state, "", hash);
}

// A scenario from a link is anyone's data: Python checks that the editor can show it.
/** @param {Calculator} calc @returns {Promise<{scenario: unknown, notice: string}>} */
export async function initialScenario(calc) {
  let fromUrl;
  try {
    fromUrl = scenarioFromUrl();
  } catch (error) {
    return { scenario: calc.defaultScenario, notice: /** @type {Error} */ (error).message + " " };
  }
  if (fromUrl === null) return { scenario: calc.defaultScenario, notice: "" };
  let verdict;
  try {
    verdict = await calc.request("check", { scenario: fromUrl });
  } catch (error) {
    // A link that keeps Python busy must not keep the calculator from starting.
    if (!(error instanceof TooSlow)) throw error;
    return { scenario: calc.defaultScenario,
      notice: "Het scenario uit de link kon niet op tijd worden gecontroleerd; u ziet het voorbeeld. " };
  }
  if (verdict.ok) return { scenario: fromUrl, notice: "" };
  return { scenario: calc.defaultScenario,
    notice: "De link bevat geen geldig scenario voor deze rekenhulp; u ziet het voorbeeld. " };
}

// ---------------------------------------------------------------- import and export

/** @param {string} filename @param {string} text @param {string} type */
function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** @param {Calculator} calc @returns {HTMLElement} the editor's part for importing */
export function importSection(calc) {
  const textarea = el("textarea", { id: "rekenhulp-plakken", rows: 6, class: "rekenhulp-plakvak",
    "data-field": "csv", spellcheck: "false" });
  const file = el("input", { id: "rekenhulp-bestand", type: "file", accept: ".csv,.txt,.json,text/csv,text/plain,application/json" });
  const feedback = el("p", { class: "rekenhulp-importmelding", role: "status" });
  /** @param {string} value @param {string} label @param {boolean} checked */
  const mode = (value, label, checked) => el("label", {},
    el("input", { type: "radio", name: "rekenhulp-importmodus", value, checked }), " ", label);
  /** @param {string} text */
  const run = (text) => runImport(calc, text, feedback);

  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      await run(decodeFile(await chosen.arrayBuffer()));
    } catch (error) {
      if (!calc.gone()) feedback.textContent = "Niet geïmporteerd. Het bestand kon niet worden gelezen (" + (/** @type {any} */ (error).message || error) + ").";
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

/** @param {ArrayBuffer} bytes @returns {string} */
function decodeFile(bytes) {
  // Excel's "Unicode-tekst" is UTF-16 with a byte order mark; TextDecoder drops the mark.
  const start = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  if (start[0] === 0xff && start[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (start[0] === 0xfe && start[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Older Excel versions save CSV in Windows-1252.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

// A saved scenario (the JSON this page exports) replaces everything; other text is CSV.
// Never rejects: every outcome is a sentence in `feedback`.
/** @param {Calculator} calc @param {string} text @param {HTMLElement} feedback */
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

/** @param {Calculator} calc @param {string} text @returns {Promise<Outcome>} */
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

/** @param {Calculator} calc @param {string} text @returns {Promise<Outcome>} */
async function importCsv(calc, text) {
  const checked = /** @type {HTMLInputElement | null} */ (calc.editor.querySelector("input[name=rekenhulp-importmodus]:checked"));
  const mode = checked?.value || "update";
  const response = await calc.request("import_csv", { scenario: calc.scenario, text, mode });
  if (!response.ok) {
    return { message: "Niet geïmporteerd. " + (response.errors || []).map((e) => e.message).join(" ") };
  }
  return { scenario: response.scenario, message: "Geïmporteerd: " + response.summary };
}

/** @param {Calculator} calc @returns {HTMLElement} the editor's part for saving and sharing */
export function exportSection(calc) {
  const feedback = el("p", { class: "rekenhulp-exportmelding", role: "status" });
  const linkField = el("input", { id: "rekenhulp-link", type: "text", readonly: true, class: "rekenhulp-link", hidden: true });
  /** @param {string} text @param {() => void} onclick */
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
/** @param {Calculator} calc @param {"nl" | "international"} convention @param {HTMLElement} feedback */
async function exportCsv(calc, convention, feedback) {
  try {
    const response = await calc.request("export_csv", { scenario: calc.scenario, convention });
    if (calc.gone()) return;
    if (!response.ok) {
      feedback.textContent = "Exporteren kan pas als de invoer klopt.";
      return;
    }
    download(/** @type {string} */ (response.filename), /** @type {string} */ (response.text), "text/csv;charset=utf-8");
    feedback.textContent = "CSV-bestand gedownload: " + response.filename;
  } catch (error) {
    if (!calc.gone()) feedback.textContent = "Niet geëxporteerd. " + failureMessage(error);
  }
}
