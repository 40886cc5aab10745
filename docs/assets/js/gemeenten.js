// The overview Gemeenten, made searchable where JavaScript runs: a field above the table
// keeps the rows whose name or part of the region holds every word typed, and a polite live
// region says how many are left. Without JavaScript the whole table shows; nothing else on
// the page depends on this script. Attached on every page swap of mkdocs-material's instant
// navigation (document$), like the engine's besluiten.js.

/** @param {number} count */
function matches(count) {
  if (count === 0) return "Geen gemeente gevonden.";
  return count === 1 ? "1 gemeente gevonden." : `${count} gemeenten gevonden.`;
}

function attachSearch() {
  const table = document.querySelector("table.gemeenten-overzicht");
  if (!table || document.getElementById("gemeenten-zoekterm")) return;
  const field = document.createElement("div");
  // besluiten-zoek: the site's style for a search field above a table (site.css).
  field.className = "besluiten-zoek gemeenten-zoek";
  field.innerHTML = '<label for="gemeenten-zoekterm"></label>'
    + '<input id="gemeenten-zoekterm" type="search" autocomplete="off">'
    + '<p class="besluiten-telling" role="status" aria-live="polite"></p>';
  field.querySelector("label").textContent = "Zoek een gemeente";
  const input = field.querySelector("input");
  const status = field.querySelector("p");
  // Above the table's scroll region, so the field, the count and the table read in order.
  (table.closest(".rekenhulp-tabel-wrap") ?? table).before(field);
  const rows = [...table.tBodies[0].rows];
  input.addEventListener("input", () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      row.hidden = !words.every((word) => text.includes(word));
      if (!row.hidden) shown += 1;
    }
    status.textContent = words.length === 0 ? "" : matches(shown);
  });
}

if (window.document$) window.document$.subscribe(attachSearch);
else attachSearch();
