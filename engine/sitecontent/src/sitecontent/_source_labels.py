"""Labels for what the site derives from its sources instead of reading it there.

The decision records name their source document by title; what the site says about a
document (``_bronnen.yml``, see :mod:`._document_labels`) is shown on every page that shows
such a record, its status or its link, each text once.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._decisions import Decision, Register


def status_labels(register: Register, decisions: Iterable[Decision]) -> list[str]:
    """The labels on the status of these records (by their document), each once, in order."""
    found: list[str] = []
    for decision in decisions:
        label = register.label(decision)
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
            label = register.label(record)
            if label and label.succession not in found:
                found.append(label.succession)
    return found


__all__ = ["status_labels", "succession_labels"]
