"""What a site says about a source document where its points are shown: a title the site
made itself, a status the document does not state, a succession the editors read into it.

The labels are the site's content: ``_bronnen.yml`` in the folder of the decision records,
keyed by the document's title as the records write it (``bron.document``), so a record from
another document carries no label it does not need::

    "Titel van het brondocument":
      titel: Waarom de titel van de redactie is.
      status: Waarom de status een lezing van de redactie is.
      opvolging: Waarom de punten de eerdere vervangen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ._errors import ContentError
from ._paths import shown
from ._yaml import YAMLError, error_text, load_yaml

#: The labels' file in the folder of the records (not a record: it starts with "_").
LABELS_FILE = "_bronnen.yml"
_FIELDS = {"titel": "title", "status": "status", "opvolging": "succession"}


@dataclass(frozen=True)
class DocumentLabel:
    """What the site says about one source document where its points are shown."""

    title: str  # about the document's title
    status: str  # about the status the site gives its points
    succession: str  # about the earlier points they are read to replace


def _key(title: object) -> str:
    return " ".join(str(title).split())


def load_labels(folder: Path) -> dict[str, DocumentLabel]:
    """The labels in ``folder/_bronnen.yml`` by document title; none without the file."""
    path = Path(folder) / LABELS_FILE
    if not path.is_file():
        return {}
    where = shown(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ContentError([f"{where}: het bestand is geen UTF-8-tekst."]) from None
    except YAMLError as exc:
        raise ContentError([f"{where}: {error_text(exc)}"]) from None
    if not isinstance(data, dict):
        raise ContentError([f"{where}: verwacht per brondocument (de titel) drie teksten."])
    labels, problems = {}, []
    for title, texts in data.items():
        if not isinstance(texts, dict) or set(texts) != set(_FIELDS):
            problems.append(f"{where}: bij {title!r} horen precies: {', '.join(_FIELDS)}.")
        elif not all(isinstance(v, str) and v.strip() for v in texts.values()):
            problems.append(f"{where}: bij {title!r} is elk van {', '.join(_FIELDS)} een tekst.")
        else:
            found = {_FIELDS[k]: " ".join(str(v).split()) for k, v in texts.items()}
            labels[_key(title)] = DocumentLabel(**found)
    if problems:
        raise ContentError(problems)
    return labels


def label_key(document: object) -> str:
    """A record's ``bron.document`` as the labels are keyed."""
    return _key(document)
