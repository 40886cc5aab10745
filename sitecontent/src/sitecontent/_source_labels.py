"""Labels for what the site derives from its sources instead of reading it there.

The decision records name their source document by title. For one document the site made
that title itself, gave its points a status the document does not state, and linked them to
the points of 2019 they are read to replace. Every page that shows such a record, its status
or its link says so, with the text kept here once (keyed by the document's title as the
records write it), so a new record from another document carries no label it does not need.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ._decisions import Decision, Register

#: The title the site gives the untitled document of 2020 (the records' ``bron.document``).
PRINCIPLES_2020 = (
    "Regionale uitgangspunten maatschappelijke opvang, beschermd wonen, bemoeizorg en "
    "OGGz-preventie (2020)"
)


@dataclass(frozen=True)
class DocumentLabel:
    """What the site says about one source document where its points are shown."""

    title: str  # about the document's title
    status: str  # about the status the site gives its points
    succession: str  # about the earlier points they are read to replace


LABELS: dict[str, DocumentLabel] = {
    PRINCIPLES_2020: DocumentLabel(
        title=(
            "Het stuk van 2020 heeft geen titel. Het begint met de kop 'Maatschappelijke "
            "opvang, beschermd wonen, bemoeizorg en OGGz-preventie'. De titel 'Regionale "
            "uitgangspunten … (2020)' heeft de redactie van deze site gemaakt."
        ),
        status=(
            "De status 'vastgesteld' is een lezing van de redactie. Het stuk van 2020 zegt "
            "niet wie de uitgangspunten vaststelde, of wanneer. Volgens de regiovisie "
            "2022-2026 (paragraaf 3.1) stelde de regio de negen uitgangspunten in 2020 op. "
            "Eind 2020 of begin 2021 stemden alle colleges in Noord- en Midden-Limburg in met "
            "een regionaal uitvoeringsplan. Dat plan bouwt op de Norm voor Opdrachtgeverschap "
            "en op deze negen uitgangspunten."
        ),
        succession=(
            "Geen bronstuk zegt dat de uitgangspunten van 2020 de beslispunten van 2019 "
            "vervangen. Dat is een lezing van de redactie van deze site: de uitgangspunten "
            "gaan over dezelfde onderwerpen, in dezelfde volgorde, maar dan voor Noord- en "
            "Midden-Limburg samen."
        ),
    ),
}


def document_label(decision: Decision) -> DocumentLabel | None:
    """The label of the document a record comes from, or None."""
    return LABELS.get(" ".join(str(decision.meta["bron"]["document"]).split()))


def status_labels(decisions: Iterable[Decision]) -> list[str]:
    """The labels on the status of these records (by their document), each once, in order."""
    found: list[str] = []
    for decision in decisions:
        label = document_label(decision)
        if label and label.status not in found:
            found.append(label.status)
    return found


def succession_labels(register: Register, decisions: Iterable[Decision]) -> list[str]:
    """The labels on the links of these records to their predecessors and successors (a
    link is labelled by the document of its newer side), each once, in order."""
    found: list[str] = []
    for decision in decisions:
        newer = [decision] if decision.voorgangers else []
        newer += [register.decisions[i] for i in decision.opvolgers if i in register.decisions]
        for record in newer:
            label = document_label(record)
            if label and label.succession not in found:
                found.append(label.succession)
    return found


__all__ = [
    "LABELS",
    "PRINCIPLES_2020",
    "DocumentLabel",
    "document_label",
    "status_labels",
    "succession_labels",
]
