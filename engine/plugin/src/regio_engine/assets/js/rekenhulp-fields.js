// One field of a calculator's form (rekenhulp-form.js draws the whole form): building its
// elements, finding its value in the scenario by path, and its error messages. The paths
// and ids follow the error fields Python returns, so an error finds its field.

/** @typedef {Node | string | number | boolean | null | undefined} Child  false and nullish: left out */
/** @typedef {import("./rekenhulp-client.js").FieldError} FieldError */

// Builds elements with text content only: nothing from users or URLs becomes markup here.
/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attributes]  "text" is the text; "on<event>" a listener
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
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

/** @param {string} path @returns {string} */
export function fieldId(path) {
  return "veld-" + path.replace(/[^A-Za-z0-9_]+/g, "-").replace(/-+$/, "");
}

/**
 * @param {string} path @param {string} label @param {unknown} value
 * @param {(value: string) => void} onInput
 * @param {{hint?: string, inputmode?: string, className?: string, hiddenLabel?: boolean}} [extra]
 */
export function textInput(path, label, value, onInput, extra = {}) {
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

// ---------------------------------------------------------------- scenario paths

/** @param {unknown} value @returns {value is Record<string, any>} */
export const isObject = (value) => value !== null && typeof value === "object";

/** @typedef {string | number} Part */

// "municipalities[2].values.inwoners" -> ["municipalities", 2, "values", "inwoners"]: the
// syntax of the error fields, so one path finds both a value and its error messages.
// Arrays of parts pass through, for ids from a scenario that may contain dots.
/** @param {string | Part[]} path @returns {Part[]} */
export function pathParts(path) {
  if (Array.isArray(path)) return path;
  return (path.match(/\[\d+\]|[^.[\]]+/g) || []).map((p) => (p.startsWith("[") ? Number(p.slice(1, -1)) : p));
}

// Own properties only: a scenario comes from links and files, and an id such as
// "__proto__" must never reach Object.prototype.
/** @param {unknown} root @param {string | Part[]} path @returns {any} */
export function getPath(root, path) {
  let node = root;
  for (const part of pathParts(path)) {
    if (!isObject(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

// Creates missing steps (objects, or arrays before an index), so a scenario that lacks a
// part can still be edited; compute reports whatever is still wrong.
/** @param {any} root @param {string | Part[]} path @param {unknown} value */
export function setPath(root, path, value) {
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

// ---------------------------------------------------------------- errors at their fields

/**
 * Where a calculator shows input errors: the fields in `editor`, the list in `summary`.
 * @typedef {{root: HTMLElement, editor: HTMLElement, summary: HTMLElement}} ErrorPlaces
 */

/** @param {ErrorPlaces} places */
function clearErrors(places) {
  const messages = [...places.root.querySelectorAll(".rekenhulp-fout")];
  const ids = new Set(messages.map((node) => node.id));
  for (const node of messages) node.remove();
  for (const input of places.root.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    // Keep what describes the field anyway (its hint), drop the old error messages.
    const kept = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !ids.has(id));
    if (kept.length) input.setAttribute("aria-describedby", kept.join(" "));
    else input.removeAttribute("aria-describedby");
  }
}

/** @param {ErrorPlaces} places @param {FieldError[]} errors  none: the old ones go */
export function showErrors(places, errors) {
  // A hidden list means no errors are shown anywhere (they come and go together): nothing to
  // clear, and no search through the form after every result.
  if (errors.length === 0 && places.summary.hidden) return;
  clearErrors(places);
  const summary = places.summary;
  summary.replaceChildren();
  summary.hidden = errors.length === 0;
  if (!errors.length) return;
  summary.append(el("h3", { text: errors.length === 1 ? "De invoer bevat 1 fout" : `De invoer bevat ${errors.length} fouten` }));
  const list = el("ul");
  for (const error of errors) list.append(markError(places, error, list.children.length));
  summary.append(list);
}

// Puts the message next to its field and returns the summary's list item for it.
/** @param {ErrorPlaces} places @param {FieldError} error @param {number} index */
function markError(places, error, index) {
  const field = String(error.field ?? "");
  const input = field && /** @type {HTMLElement | null} */ (places.editor.querySelector(`[data-field="${CSS.escape(field)}"]`)
    || places.editor.querySelector(`[data-field-group="${CSS.escape(field)}"]`));
  if (!input) return el("li", { text: error.message });
  const messageId = fieldId(field) + "-fout-" + index;
  const message = el("span", { class: "rekenhulp-fout", id: messageId, text: error.message });
  input.setAttribute("aria-invalid", "true");
  const described = input.getAttribute("aria-describedby");
  input.setAttribute("aria-describedby", described ? described + " " + messageId : messageId);
  (input.closest(".rekenhulp-veld, td, fieldset") || input.parentElement)?.append(message);
  // A button, not a #link: a hash would replace the scenario in the URL.
  const jump = () => { input.focus(); input.scrollIntoView({ block: "center" }); };
  return el("li", {}, el("button", { type: "button", class: "rekenhulp-naar-veld", text: error.message, onclick: jump }));
}
