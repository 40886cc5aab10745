"""Which record replaced which: pairs, steps in time, and the layout of the lineage figure."""

from __future__ import annotations

from dataclasses import dataclass

from ._decisions import Decision, Register

# Figure geometry in SVG user units.
BOX_W, BOX_H, GAP, TOP, STEP = 200, 26, 10, 40, 390


def lineage_pairs(register: Register) -> list[tuple[Decision, Decision]]:
    return [
        (decision, register.decisions[sid])
        for decision in register.sorted()
        for sid in decision.opvolgers
    ]


def lineage_steps(register: Register) -> dict[tuple[str, str], list[tuple[Decision, Decision]]]:
    """Pairs grouped by step in time (year before, year after), oldest step first, so a 2021
    record never sits under "2019 naar 2020"."""
    steps: dict[tuple[str, str], list[tuple[Decision, Decision]]] = {}
    for old, new in lineage_pairs(register):
        steps.setdefault((old.datum[:4], new.datum[:4]), []).append((old, new))
    return dict(sorted(steps.items()))


def lineage_columns(register: Register) -> list[list[str]]:
    """Records in the lineage by generation: a record stands one column right of the latest
    record it replaces, so 2019 → 2020 → 2021 is a chain of three columns and every record
    appears once."""
    pairs = lineage_pairs(register)
    nodes = {d.id for pair in pairs for d in pair}
    depth: dict[str, int] = {}

    def generation(did: str) -> int:
        # The validator rules out cycles, so this recursion ends.
        if did not in depth:
            before = [p for p in register.decisions[did].voorgangers if p in nodes]
            depth[did] = 1 + max((generation(p) for p in before), default=-1)
        return depth[did]

    columns: list[list[str]] = []
    for did in sorted(nodes):
        index = generation(did)
        columns.extend([] for _ in range(index + 1 - len(columns)))
        columns[index].append(did)
    return columns


@dataclass(frozen=True)
class Box:
    x: int
    y: float
    decision: Decision


@dataclass(frozen=True)
class Link:
    x1: int
    y1: float
    x2: int
    y2: float
    partial: bool


@dataclass(frozen=True)
class Figure:
    """Where everything in the lineage figure goes; the template draws it."""

    width: int
    height: float
    headings: list[tuple[int, str]]  # (x, text) above each column
    links: list[Link]
    boxes: list[Box]
    box_w: int = BOX_W
    box_h: int = BOX_H


def lineage_figure(register: Register) -> Figure | None:
    """One column per generation (older left, newer right); None without any succession."""
    pairs = lineage_pairs(register)
    if not pairs:
        return None
    columns = lineage_columns(register)
    xs = [10 + i * STEP for i in range(len(columns))]
    rows = max(len(ids) for ids in columns)
    place = {did: (c, i) for c, ids in enumerate(columns) for i, did in enumerate(ids)}

    def y_of(did: str) -> float:
        # Centre a shorter column against the longest one.
        column, index = place[did]
        offset = (rows - len(columns[column])) * (BOX_H + GAP) / 2
        return TOP + offset + index * (BOX_H + GAP)

    headings = []
    for column, (ids, x) in enumerate(zip(columns, xs, strict=True)):
        word = "Eerder" if column == 0 else "Later" if column == len(columns) - 1 else "Daarna"
        years = sorted({register.decisions[i].datum[:4] for i in ids})
        span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
        headings.append((x, f"{word} ({span})"))
    links = [
        Link(
            x1=xs[place[old.id][0]] + BOX_W,
            y1=y_of(old.id) + BOX_H / 2,
            x2=xs[place[new.id][0]],
            y2=y_of(new.id) + BOX_H / 2,
            partial=old.meta.get("opvolging") == "gedeeltelijk",
        )
        for old, new in pairs
    ]
    boxes = [
        Box(x=x, y=y_of(did), decision=register.decisions[did])
        for ids, x in zip(columns, xs, strict=True)
        for did in ids
    ]
    return Figure(
        width=xs[-1] + BOX_W + 10,
        height=TOP + rows * (BOX_H + GAP) + 10,
        headings=headings,
        links=links,
        boxes=boxes,
    )
