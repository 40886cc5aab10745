"""The tool first (issue 23, part 7): on every calculator page a short summary and the
calculator's form start within the first screen on a desktop (1280 × 900) and within the first
two screens on a phone (390 × 844). The "Welke cijfers echt zijn" box and the link to the
municipality pages sit between the summary and the tool; the explanation follows the tool in
folded sections a reader opens, which print open. axe-core finds no violations at either width.

Positions are measured once the page declares its calculator live and current
(``open_calculator``), never after a fixed wait."""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_axe_violations, open_calculator

pytestmark = pytest.mark.browser

CALCULATORS = ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad")

# (name, viewport, how many screens down the form may start at most)
VIEWPORTS = {
    "desktop": ({"width": 1280, "height": 900}, 1),
    "phone": ({"width": 390, "height": 844}, 2),
}

# Document positions (top, in CSS pixels from the top of the page) of what the reader should
# meet in this order, measured on the live page.
POSITIONS = """() => {
    const BOX_TITLE = 'Welke cijfers echt zijn';
    const top = el => el ? el.getBoundingClientRect().top + window.scrollY : null;
    const article = document.querySelector('article');
    const summary = article.querySelector('h1 ~ p');
    const box = [...article.querySelectorAll('.admonition.warning')].find(
        a => a.querySelector('.admonition-title').textContent.trim() === BOX_TITLE);
    const municipalities = article.querySelector('a[href*="gemeenten/"]');
    const tool = article.querySelector('[data-rekenhulp]');
    const form = tool.querySelector('.rekenhulp-invoer');
    const firstDetails = article.querySelector('details');
    return {
        scrollY: window.scrollY,
        viewport: window.innerHeight,
        summary: top(summary),
        summaryBottom: summary.getBoundingClientRect().bottom + window.scrollY,
        box: top(box),
        municipalities: top(municipalities),
        tool: top(tool),
        form: top(form),
        formShown: !form.hidden && form.checkVisibility(),
        details: top(firstDetails),
    };
}"""

# Every folded section: its title, whether it is open, and whether its content is rendered.
FOLDED = """() => [...document.querySelectorAll('article details')].map(d => ({
    title: d.querySelector('summary').textContent.trim(),
    open: d.open,
    shown: [...d.children].filter(c => c.tagName !== 'SUMMARY').every(c => c.checkVisibility()),
}))"""


@pytest.fixture(params=list(VIEWPORTS))
def sized_page(request, browser):
    viewport, screens = VIEWPORTS[request.param]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    yield page, screens
    context.close()


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_summary_and_tool_come_first(sized_page, site_server, calculator):
    page, screens = sized_page
    open_calculator(page, f"{site_server.url}rekenhulpen/{calculator}/", calculator)
    at = page.evaluate(POSITIONS)
    assert at["scrollY"] == 0
    assert at["formShown"], "the live form is shown"
    # The order a reader meets: summary, the box about the figures, the link to the
    # municipality pages, the tool, and only then the folded explanation.
    assert at["summary"] < at["box"] < at["municipalities"] < at["tool"] <= at["form"]
    assert at["form"] < at["details"]
    # The summary is short: it ends within the first screen on either width.
    assert at["summaryBottom"] < at["viewport"]
    limit = screens * at["viewport"]
    assert at["form"] < limit, (
        f"the form of {calculator} starts {at['form'] / at['viewport']:.2f} screens down "
        f"(at most {screens})"
    )
    assert_no_axe_violations(page)


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_explanation_is_folded_on_screen_and_open_on_paper(session, site_server, calculator):
    page, _ = session
    page.goto(f"{site_server.url}rekenhulpen/{calculator}/")
    folded = page.evaluate(FOLDED)
    titles = [f["title"] for f in folded]
    assert "Hoe rekent dit?" in titles
    assert any(t.startswith(("Wat de gemeenten afspraken", "Wat het advies zegt")) for t in titles)
    assert any(t.startswith("Technisch: ") for t in titles)
    # On screen: closed, a reader opens them; a click opens one.
    assert not any(f["open"] or f["shown"] for f in folded), folded
    page.get_by_text("Hoe rekent dit?", exact=True).click()
    assert [f["shown"] for f in page.evaluate(FOLDED) if f["title"] == "Hoe rekent dit?"] == [True]
    page.get_by_text("Hoe rekent dit?", exact=True).click()
    # On paper: every folded section prints its content, without the "click me" hint.
    page.emulate_media(media="print")
    assert all(f["shown"] for f in page.evaluate(FOLDED)), page.evaluate(FOLDED)
    assert not page.locator(".uitleg-hint").is_visible()
