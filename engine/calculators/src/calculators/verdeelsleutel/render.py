"""HTML for Verdeelsleutel results: the key's table, the comparison and a chart."""

from __future__ import annotations

from typing import Any

from ..render.html import Column, Series, bar_chart, municipality_columns, number, table, text
from ..render.maps import result_map


def _key_table(key: dict[str, Any]) -> str:
    columns = municipality_columns("Aandeel", "Bedrag", "Per inwoner")
    rows = [
        (r["name"], r["share_display"], r["display"], r["per_inhabitant_display"])
        for r in key["rows"]
    ]
    footer = ("Totaal", "100,00 %", key["total_display"], "")
    return table(f"Verdeling met {key['label']}", columns, rows, footer=footer)


def _comparison_table(key: dict[str, Any], compare: dict[str, Any]) -> str:
    labels = (f"Bedrag: {key['label']}", f"Bedrag: {compare['label']}", "Verschil")
    columns = municipality_columns(*labels, "Verschil per inwoner")
    columns.append(Column(f"Boven {compare['threshold_display']} per inwoner?", numeric=False))
    rows = [
        (
            d["name"],
            a["display"],
            b["display"],
            d["difference_display"],
            d["per_inhabitant_display"],
            "ja, let op" if d["exceeds_threshold"] else "nee",
        )
        for a, b, d in zip(key["rows"], compare["rows"], compare["differences"], strict=True)
    ]
    caption = f"Vergelijking: {compare['label']} ten opzichte van {key['label']}"
    return table(caption, columns, rows, css_class="rekenhulp-tabel rekenhulp-vergelijking")


def _weights(scenario: dict[str, Any], slot: str) -> dict[str, str]:
    """The weights of a key in the scenario JSON that count (not 0 or empty)."""
    key = scenario.get(slot) or {"weights": {}}
    return {cid: w for cid, w in key["weights"].items() if w not in ("0", "")}


def _weights_text(scenario: dict[str, Any] | None, slot: str) -> str:
    """'25 % Inwoners 18+, 75 % Gebruik …' so a printout shows which key was used."""
    if not scenario:
        return ""
    labels = {c["id"]: c["label"] for c in scenario["criteria"]}
    parts = [f"{w} % {labels.get(cid, cid)}" for cid, w in _weights(scenario, slot).items()]
    return f" ({', '.join(parts)})" if parts else ""


def _inputs_table(scenario: dict[str, Any] | None) -> str:
    """The figures the result rests on; for readers without JavaScript and for print."""
    if not scenario:
        return ""
    used = {scenario.get("inhabitants_criterion", "inwoners")}
    used |= {*_weights(scenario, "key"), *_weights(scenario, "compare_key")}
    criteria = [c for c in scenario["criteria"] if c["id"] in used]
    labels = (c["label"] + (f" ({c['reference']})" if c.get("reference") else "") for c in criteria)
    columns = municipality_columns(*labels)
    rows = [
        [m["name"], *(number(m["values"].get(c["id"], "")) for c in criteria)]
        for m in scenario["municipalities"]
    ]
    figures = table("Gebruikte cijfers per gemeente", columns, rows)
    return f'<div class="rekenhulp-cijfers">{figures}</div>'


def render_result(result: dict[str, Any], scenario: dict[str, Any] | None = None) -> str:
    key, compare = result["key"], result.get("compare")
    compare_text = ""
    if compare:
        compare_text = (
            f" Vergeleken met <strong>{text(compare['label'])}</strong>"
            f"{text(_weights_text(scenario, 'compare_key'))}."
        )
    parts = [
        f'<p class="rekenhulp-samenvatting">Te verdelen: <strong>{text(result["amount_display"])}'
        f"</strong> met de sleutel <strong>{text(key['label'])}</strong>"
        f"{text(_weights_text(scenario, 'key'))}.{compare_text}</p>",
        _key_table(key),
        result_map(
            "verdeelsleutel-kaart",
            f"Aandeel per gemeente met {key['label']}, op de kaart",
            "Kaart van de gemeenten; hoe donkerder, hoe groter het aandeel. Dezelfde aandelen "
            f"staan in de tabel 'Verdeling met {key['label']}'.",
            "Aandeel",
            {r["name"]: (r["share_float"], r["share_display"]) for r in key["rows"]},
        ),
    ]
    if compare:
        threshold = text(compare["threshold_display"])
        if exceeding := compare.get("exceeding"):
            parts.append(
                '<div class="admonition warning rekenhulp-waarschuwing">'
                '<p class="admonition-title">Let op: groot verschil</p>'
                f"<p>Bij {text(', '.join(exceeding))} is het verschil tussen de twee sleutels "
                f"groter dan {threshold} per inwoner.</p></div>"
            )
        else:
            parts.append(
                '<p class="rekenhulp-geen-waarschuwing">Bij geen enkele gemeente is het verschil '
                f"groter dan {threshold} per inwoner.</p>"
            )
        parts += [
            '<p class="rekenhulp-uitleg">Verschil = bedrag met de tweede sleutel min bedrag met '
            "de eerste. Een positief verschil betekent dat de gemeente met de tweede sleutel meer "
            "ontvangt of minder hoeft bij te passen.</p>",
            _comparison_table(key, compare),
        ]
    series = [
        Series(
            k["label"],
            f"as-reeks-{i}",
            [r["cents"] / 100 for r in k["rows"]],
            [r["display"] for r in k["rows"]],
        )
        for i, k in enumerate([key, compare] if compare else [key], 1)
    ]
    names = [r["name"] for r in key["rows"]]
    what = "Staafdiagram van het bedrag per gemeente. Dezelfde bedragen staan in de tabel."
    chart = bar_chart("verdeelsleutel-grafiek", "Bedrag per gemeente", what, names, series)
    return "".join([*parts, _inputs_table(scenario), chart])
