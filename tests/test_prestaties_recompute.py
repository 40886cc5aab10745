"""The recompute split of bench/bench_recompute.py on the page "Prestaties"
(hooks/prestaties.py): from its summary through bench/run_all.py's figures to the table,
without a browser or a site build."""

from __future__ import annotations

from bench import bench_recompute, run_all
from hooks.prestaties import CACHE_NOTE, render

HEADING = "## Opnieuw rekenen per rekenhulp"
HEAD = (
    "| Rekenhulp | Python rekent | Python maakt de uitkomst op | Berichten | Pagina en opmaak"
    " | Heen en terug |"
)


def summary(base: float) -> dict[str, tuple[float, float, float, float, float]]:
    """bench_recompute.summarise's form: (median, min, max, p95, worst p95) per figure."""
    names = ("Python compute", "Python render", "messages", "page, with layout", "roundTrip")
    return {
        name: (base + step, base + step - 0.5, base + step + 10, 0.0, 0.0)
        for step, name in enumerate(names)
    }


def results(figures: dict[str, float]) -> dict:
    return {"date": "2026-12-02", "machine": "2 kernen", "browser": "Chromium", "figures": figures}


def test_recompute_split_is_shown_per_calculator():
    pages = {"verdeelsleutel": summary(3.0), "ingroeipad": summary(1234.0)}
    rows = [run_all.normalised(row) for row in bench_recompute.rows(pages)]
    page = render(results({"cold_ms": 2550.0, **run_all.figures(rows)}))
    assert HEADING in page
    assert HEAD in page
    assert (
        "| Verdeelsleutel | 3,0 ms (van 2,5 tot 13,0) | 4,0 ms (van 3,5 tot 14,0)"
        " | 5,0 ms (van 4,5 tot 15,0) | 6,0 ms (van 5,5 tot 16,0)"
        " | 7,0 ms (van 6,5 tot 17,0) |"
    ) in page
    assert "| Ingroeipad | 1.234,0 ms (van 1.233,5 tot 1.244,0) |" in page
    # Calculators the results lack get no row; the other tables are still there.
    assert "| Spreiding |" not in page and "| Solidariteit |" not in page
    assert "| Rekenhulp klaar na het openen (lege browser) | 2,5 seconde |" in page


def test_no_recompute_table_without_its_figures():
    page = render(results({"cold_ms": 2550.0, "recompute_median_ms": 17.0}))
    assert HEADING not in page and "| Rekenhulp |" not in page


def test_cache_note_comes_with_lighthouse():
    assert CACHE_NOTE in render(results({"lh_home_performance": 97.0}))
    assert "Cache-Control" not in render(results({"cold_ms": 2550.0}))
