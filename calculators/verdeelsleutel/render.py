"""HTML for Verdeelsleutel results: the key's table, the comparison and a chart."""

from __future__ import annotations

from ..render.html import Column, Series, bar_chart, table, text


def _key_table(caption: str, key: dict, total_display: str) -> str:
    columns = [
        Column("Gemeente", numeric=False),
        Column("Aandeel"),
        Column("Bedrag"),
        Column("Per inwoner"),
    ]
    rows = [
        (r["name"], r["share_display"], r["display"], r["per_inhabitant_display"])
        for r in key["rows"]
    ]
    return table(caption, columns, rows, footer=("Totaal", "100,00 %", total_display, ""))


def _comparison_table(result: dict) -> str:
    compare = result["compare"]
    key_rows = {r["name"]: r for r in result["key"]["rows"]}
    compare_rows = {r["name"]: r for r in compare["rows"]}
    columns = [
        Column("Gemeente", numeric=False),
        Column(f"Bedrag: {result['key']['label']}"),
        Column(f"Bedrag: {compare['label']}"),
        Column("Verschil"),
        Column("Verschil per inwoner"),
        Column(f"Boven {compare['threshold_display']} per inwoner?", numeric=False),
    ]
    rows = [
        (
            d["name"],
            key_rows[d["name"]]["display"],
            compare_rows[d["name"]]["display"],
            d["difference_display"],
            d["per_inhabitant_display"],
            "ja, let op" if d["exceeds_threshold"] else "nee",
        )
        for d in compare["differences"]
    ]
    return table(
        f"Vergelijking: {compare['label']} ten opzichte van {result['key']['label']}",
        columns,
        rows,
        css_class="rekenhulp-tabel rekenhulp-vergelijking",
    )


def _weights_text(scenario: dict | None, slot: str) -> str:
    """'25 % Inwoners 18+, 75 % Gebruik …' so a printout shows which key was used."""
    if not scenario or not scenario.get(slot):
        return ""
    labels = {c["id"]: c["label"] for c in scenario["criteria"]}
    parts = [
        f"{weight} % {labels.get(cid, cid)}"
        for cid, weight in scenario[slot]["weights"].items()
        if weight not in ("0", "")
    ]
    return f" ({', '.join(parts)})" if parts else ""


def _inputs_table(scenario: dict | None) -> str:
    """The figures the result rests on; for readers without JavaScript and for print."""
    if not scenario:
        return ""
    used = {scenario.get("inhabitants_criterion", "inwoners")}
    for slot in ("key", "compare_key"):
        if scenario.get(slot):
            used |= {cid for cid, w in scenario[slot]["weights"].items() if w not in ("0", "")}
    criteria = [c for c in scenario["criteria"] if c["id"] in used]
    columns = [Column("Gemeente", numeric=False)] + [
        Column(f"{c['label']} ({c['reference']})" if c.get("reference") else c["label"])
        for c in criteria
    ]
    rows = [
        [m["name"], *(m["values"].get(c["id"], "") for c in criteria)]
        for m in scenario["municipalities"]
    ]
    return (
        '<div class="rekenhulp-cijfers">'
        + table("Gebruikte cijfers per gemeente", columns, rows)
        + "</div>"
    )


def render_result(result: dict, scenario: dict | None = None) -> str:
    key = result["key"]
    compare_text = ""
    if result.get("compare"):
        compare_text = (
            f" Vergeleken met <strong>{text(result['compare']['label'])}</strong>"
            f"{text(_weights_text(scenario, 'compare_key'))}."
        )
    parts = [
        f'<p class="rekenhulp-samenvatting">Te verdelen: <strong>{text(result["amount_display"])}'
        f"</strong> met de sleutel <strong>{text(key['label'])}</strong>"
        f"{text(_weights_text(scenario, 'key'))}.{compare_text}</p>",
        _key_table(f"Verdeling met {key['label']}", key, key["total_display"]),
    ]
    names = [r["name"] for r in key["rows"]]
    series = [
        Series(
            key["label"],
            "as-reeks-1",
            [r["cents"] / 100 for r in key["rows"]],
            [r["display"] for r in key["rows"]],
        )
    ]
    compare = result.get("compare")
    if compare:
        exceeding = compare.get("exceeding") or []
        if exceeding:
            parts.append(
                '<div class="admonition warning rekenhulp-waarschuwing">'
                '<p class="admonition-title">Let op: groot verschil</p>'
                f"<p>Bij {text(', '.join(exceeding))} is het verschil tussen de twee sleutels "
                f"groter dan {text(compare['threshold_display'])} per inwoner.</p></div>"
            )
        else:
            parts.append(
                '<p class="rekenhulp-geen-waarschuwing">Bij geen enkele gemeente is het verschil '
                f"groter dan {text(compare['threshold_display'])} per inwoner.</p>"
            )
        parts.append(
            '<p class="rekenhulp-uitleg">Verschil = bedrag met de tweede sleutel min bedrag met '
            "de eerste. Een positief verschil betekent dat de gemeente met de tweede sleutel meer "
            "ontvangt of minder hoeft bij te passen.</p>"
        )
        parts.append(_comparison_table(result))
        series.append(
            Series(
                compare["label"],
                "as-reeks-2",
                [r["cents"] / 100 for r in compare["rows"]],
                [r["display"] for r in compare["rows"]],
            )
        )
    parts.append(_inputs_table(scenario))
    parts.append(
        bar_chart(
            "verdeelsleutel-grafiek",
            "Bedrag per gemeente",
            "Staafdiagram van het bedrag per gemeente. Dezelfde bedragen staan in de tabel.",
            names,
            series,
        )
    )
    return "".join(parts)
