// The form of a calculator, drawn from the description its `describe` action returns
// (`form` in calculators/core/fields.py), so a new calculator needs no JavaScript. Every
// control edits `calc.scenario` and tells the calculator through `calc.changed` (rekenhulp.js).

import { el, fieldId, getPath, isObject, pathParts, setPath, textInput } from "./rekenhulp-fields.js";

/** @typedef {import("./rekenhulp.js").Calculator} Calculator */
/** @typedef {import("./rekenhulp-client.js").Region} Region */
/** @typedef {{id: string, label?: string, reference?: string}} Column */
/** @typedef {{id: string, label: string, explanation?: string, weights: Record<string, unknown>}} Preset */
/** @typedef {{value: unknown, label: string, explanation?: string}} Option */

// The table the worker's `region` action fills (see calculators/core/calculator.py).
const REGION_TABLE_PATH = "municipalities";
const OWN_KEY = "Eigen sleutel";

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
/** @typedef {{kind: "input", path: string, label: string, hint?: string}} InputControl */
/** @typedef {{kind: "select", path: string, label: string, hint?: string, options?: Option[]}} SelectControl */
/** @typedef {{kind: "group", legend: string, controls?: Control[], when?: {path: string, in?: unknown[]}}} GroupControl */
/** @typedef {{kind: "optional", path: string, label: string, value?: unknown, controls?: Control[]}} OptionalControl */
/** @typedef {{columns_path?: string, columns?: Column[]}} Columns  a key's or a table's columns */
/** @typedef {Columns & {kind: "key", path: string, legend: string, presets?: Preset[]}} KeyControl */
/** @typedef {Columns & {kind: "table", path: string, caption: string}} TableControl */
/** @typedef {{kind: "region", label: string}} RegionControl */
/** @typedef {InputControl | SelectControl | GroupControl | OptionalControl | KeyControl | TableControl | RegionControl} Control */

/** @type {Record<string, (calc: Calculator, control: any) => Node | null>} */
const CONTROLS = {
  input: inputControl,
  select: selectControl,
  group: groupControl,
  optional: optionalControl,
  key: keyControl,
  table: tableControl,
  region: regionControl,
};

/** @param {Calculator} calc @param {Control[] | undefined} controls @returns {Node[]} */
export function renderControls(calc, controls) {
  // A hidden group renders nothing, and is left out (replaceChildren would print "null").
  return /** @type {Node[]} */ ((controls || []).map((control) => {
    const render = CONTROLS[control?.kind];
    if (render) return render(calc, control);
    // A newer calculator than this page glue: say so to the developer, keep the rest usable.
    console.warn(`Rekenhulp: onbekend soort invoer ${JSON.stringify(control?.kind)}.`);
    return null;
  }).filter(Boolean));
}

// Work that may wait for a later turn: during the form's first build (calc.deferred, see
// Calculator.buildEditor) it is queued, so a long table can be built a few rows per task;
// otherwise done at once.
/** @param {Calculator} calc @param {() => void} work */
function later(calc, work) {
  if (calc.deferred) calc.deferred.push(work);
  else work();
}

// The columns of a key or table: from a list in the scenario (such as its criteria) or
// fixed by the form. Entries without a text id cannot be bound to a field; compute reports
// them at their own path.
/** @param {Calculator} calc @param {Columns} control @returns {Column[]} */
function columnsOf(calc, control) {
  const list = control.columns_path ? getPath(calc.scenario, control.columns_path) : control.columns;
  return Array.isArray(list) ? list.filter((c) => isObject(c) && typeof c.id === "string") : [];
}

/** @param {Calculator} calc @param {InputControl} control */
function inputControl(calc, control) {
  return textInput(control.path, control.label, getPath(calc.scenario, control.path), (value) => {
    setPath(calc.scenario, control.path, value);
    calc.changed();
  }, { hint: control.hint });
}

/** @param {Calculator} calc @param {SelectControl} control */
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
    explanationId ? el("p", { class: "rekenhulp-uitleg", id: explanationId, text: chosen?.explanation }) : null);
}

/** @param {Calculator} calc @param {GroupControl} control */
function groupControl(calc, control) {
  const when = control.when;
  if (when && !(when.in || []).includes(getPath(calc.scenario, when.path))) return null;
  return el("fieldset", { class: "rekenhulp-groep" }, el("legend", { text: control.legend }),
    renderControls(calc, control.controls));
}

/** @param {Calculator} calc @param {OptionalControl} control */
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
/** @param {Calculator} calc @param {KeyControl} control */
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

/** @param {Calculator} calc @param {string} path @param {Column} column @param {() => void} toOwnKey */
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
/** @param {Calculator} calc @param {TableControl} control */
function tableControl(calc, control) {
  const path = control.path;
  const columns = columnsOf(calc, control);
  const stored = getPath(calc.scenario, path);
  const rows = Array.isArray(stored) ? stored : [];
  const head = el("tr", {}, el("th", { scope: "col", text: "Gemeente" }),
    ...columns.map((c) => el("th", { scope: "col" }, c.label ?? c.id, c.reference ? el("span", { class: "rekenhulp-peil", text: c.reference }) : null)),
    el("th", { scope: "col", text: "Actie" }));
  const body = el("tbody");
  rows.forEach((row, index) => later(calc, () => body.append(tableRow(calc, path, columns, isObject(row) ? row : {}, index))));
  const wrap = el("div", { class: "rekenhulp-tabel-wrap", id: fieldId(path), tabindex: "-1", "data-field-group": path },
    el("table", { class: "rekenhulp-invoertabel" },
      el("caption", { text: control.caption }),
      el("thead", {}, head),
      body));
  const add = el("button", { type: "button", class: "md-button", text: "Gemeente toevoegen", onclick: () => {
    const list = getPath(calc.scenario, path);
    if (Array.isArray(list)) list.push({ name: "", values: {} });
    else setPath(calc.scenario, path, [{ name: "", values: {} }]);
    calc.changed({ immediately: true, rebuild: true });
    const names = /** @type {NodeListOf<HTMLElement>} */ (calc.formArea.querySelectorAll(`[data-field-group="${CSS.escape(path)}"] .rekenhulp-naam`));
    names[names.length - 1]?.focus();
  } });
  return el("div", { class: "rekenhulp-tabel" }, wrap, el("p", {}, add));
}

/**
 * @param {Calculator} calc @param {string} path @param {Column[]} columns
 * @param {Record<string, any>} row @param {number} index
 */
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
/** @param {Calculator} calc @param {RegionControl} control */
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
/** @param {unknown} scenario @param {Region[]} regions @returns {string | null} */
function matchingRegion(scenario, regions) {
  const rows = getPath(scenario, REGION_TABLE_PATH);
  if (!Array.isArray(rows)) return null;
  const names = rows.map((row) => (isObject(row) ? row.name : null)).sort().join("\n");
  return regions.find((r) => [...(r.municipalities || [])].sort().join("\n") === names)?.id ?? null;
}

