// Decisions pages, made interactive where JavaScript runs; without it every page still shows
// everything (all periods, all agenda years, the whole register):
// - "Geldend op": a date field keeps only the rows in force on that date, and the agenda of
//   that date's year. The date is kept in the address (#op=YYYY-MM-DD) so it can be shared.
// - the register and its filter pages: a search field over id, title, status, date and region.
// Attached on every page swap of mkdocs-material's instant navigation (document$).

// Made on first use: the first Intl formatter of a page loads its locale data, up to some tens
// of milliseconds of main-thread work at the start of every page, and only "Geldend op" needs it.
/** @type {Intl.DateTimeFormat | undefined} */
let dayFormat;
function formatDay(day) {
  dayFormat ??= new Intl.DateTimeFormat("nl-NL", {
    day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(text) {
  if (!ISO_DAY.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

function cellDay(row, column) {
  // ISO dates compare correctly as text; a missing end means "still in force".
  return row.cells[column]?.querySelector("time")?.getAttribute("datetime") ?? null;
}

function field(id, label, type) {
  const wrap = document.createElement("div");
  wrap.className = "besluiten-zoek";
  wrap.innerHTML = `<label for="${id}"></label><input id="${id}" type="${type}">`
    + `<p class="besluiten-fout" id="${id}-fout" hidden></p>`
    + `<p class="besluiten-telling" role="status" aria-live="polite"></p>`;
  wrap.querySelector("label").textContent = label;
  return {
    wrap,
    input: wrap.querySelector("input"),
    error: wrap.querySelector(".besluiten-fout"),
    status: wrap.querySelector(".besluiten-telling"),
  };
}

function showError(control, message) {
  control.error.textContent = message;
  control.error.hidden = !message;
  if (message) {
    control.input.setAttribute("aria-invalid", "true");
    control.input.setAttribute("aria-describedby", control.error.id);
  } else {
    control.input.removeAttribute("aria-invalid");
    control.input.removeAttribute("aria-describedby");
  }
}

function filterInForce(container, control) {
  const day = control.input.value;
  if (!validDay(day)) {
    showError(control, "Vul een geldige datum in, bijvoorbeeld 1-1-2021.");
    return;
  }
  showError(control, "");
  const rows = [...document.querySelectorAll(".geldend-besluiten tbody tr")];
  let shown = 0;
  for (const row of rows) {
    const since = cellDay(row, 2);
    const until = cellDay(row, 3);
    row.hidden = !(since && since <= day && (until === null || day < until));
    if (!row.hidden) shown += 1;
  }
  const year = day.slice(0, 4);
  const agendas = [...document.querySelectorAll(".geldend-agenda[data-jaar]")];
  for (const agenda of agendas) agenda.hidden = agenda.dataset.jaar !== year;
  const spoken = formatDay(day);
  const count = shown === 0 ? "gold nog geen besluit uit het register"
    : shown === 1 ? "gold 1 besluit" : `golden ${shown} besluiten`;
  const agenda = agendas.some((item) => !item.hidden) ? ""
    : ` Voor ${year} staat er geen beleidsagenda op deze site.`;
  control.status.textContent = `Op ${spoken} ${count}.${agenda}`;
  history.replaceState(null, "", `#op=${day}`);
}

function attachInForce() {
  const container = document.querySelector(".geldend-keuze[data-vandaag]");
  if (!container || container.querySelector("input")) return;
  const control = field("geldend-datum", "Geldend op", "date");
  const fromAddress = /^#op=(\d{4}-\d{2}-\d{2})$/.exec(location.hash)?.[1];
  control.input.value = fromAddress && validDay(fromAddress) ? fromAddress : container.dataset.vandaag;
  container.prepend(control.wrap);
  control.input.addEventListener("change", () => filterInForce(container, control));
  filterInForce(container, control);
}

function attachRegisterSearch() {
  for (const caption of document.querySelectorAll(".besluiten-caption")) {
    if (caption.previousElementSibling?.classList.contains("besluiten-zoek")) continue;
    // mkdocs-material wraps tables in scroll containers once the page is shown.
    const next = caption.nextElementSibling;
    const table = next?.matches("table") ? next : next?.querySelector("table");
    if (!table) continue;
    const control = field("besluiten-zoekterm", "Zoek in de besluiten (nummer, titel, status, jaar of regio)", "search");
    caption.before(control.wrap);
    const rows = [...table.tBodies[0].rows];
    control.input.addEventListener("input", () => {
      const words = control.input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const row of rows) {
        const text = row.textContent.toLowerCase();
        row.hidden = !words.every((word) => text.includes(word));
        if (!row.hidden) shown += 1;
      }
      control.status.textContent = words.length === 0 ? ""
        : shown === 1 ? "1 besluit gevonden." : `${shown} besluiten gevonden.`;
    });
  }
}

function attach() {
  attachInForce();
  attachRegisterSearch();
}

if (window.document$) window.document$.subscribe(attach);
else attach();
