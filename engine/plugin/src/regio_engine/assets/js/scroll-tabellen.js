// Wide tables scroll sideways on small screens. A scrolling region must be reachable with the
// keyboard (WCAG 2.1.1; axe: scrollable-region-focusable), so a table wrapper that actually
// overflows becomes a named, focusable region; one that fits stays out of the tab order.
const WRAPPERS = ".md-typeset__scrollwrap, .rekenhulp-tabel-wrap";
const INTERACTIVE = "a[href], button, input, select, textarea, [tabindex]";

function regionName(wrapper) {
  const caption = wrapper.querySelector("caption");
  if (caption && caption.textContent.trim()) return caption.textContent.trim();
  const heading = wrapper.closest("section, article")?.querySelector("h1, h2, h3");
  return heading ? `Tabel bij ${heading.textContent.trim()}` : "Tabel";
}

// All measurements first, then all changes: a change between two measurements would make the
// browser lay out the page again for the next one.
function update() {
  const wrappers = [...document.querySelectorAll(WRAPPERS)]
    // Wrappers that set their own tabindex (fixed regions, the calculator's input table) stay as they are.
    .filter((wrapper) => !wrapper.hasAttribute("tabindex") || wrapper.dataset.scrollRegion);
  const regions = wrappers.map((wrapper) => wrapper.scrollWidth > wrapper.clientWidth + 1
    && wrapper.querySelector(INTERACTIVE) === null);
  wrappers.forEach((wrapper, index) => {
    if (regions[index]) {
      wrapper.setAttribute("tabindex", "0");
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", regionName(wrapper));
      wrapper.dataset.scrollRegion = "auto";
    } else if (wrapper.dataset.scrollRegion === "auto") {
      wrapper.removeAttribute("tabindex");
      wrapper.removeAttribute("role");
      wrapper.removeAttribute("aria-label");
      delete wrapper.dataset.scrollRegion;
    }
  });
}

// Measured just after the next frame has been painted, when the layout is up to date and
// reading it costs nothing; measured inside the frame (requestAnimationFrame), it forced that
// layout early and made the frame's task, which blocks input, longer.
let pending = 0;
function schedule() {
  if (pending) return;
  pending = requestAnimationFrame(() => setTimeout(() => {
    pending = 0;
    update();
  }));
}

window.addEventListener("resize", schedule);
// Calculator results are replaced while the user types; re-check after each update.
document.addEventListener("rekenhulp:bijgewerkt", schedule, true);
if (window.document$) window.document$.subscribe(schedule);
else schedule();
