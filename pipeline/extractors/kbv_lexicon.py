"""The KBV taxonomy and its keyword lexicon, read from `pipeline/data/kbv.json`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from models.base import Record
from pipeline.errors import ReferenceDataError

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "kbv.json"
TAXONOMIES = ("kbv-2013", "kbv-2021")
DEFAULT_TAXONOMY = "kbv-2021"

EntryKind = Literal["field", "theme", "tag"]


class KbvEntry(Record):
    """One KBV field, theme or tag with the words plans use for it."""

    code: str
    kind: EntryKind
    label: str
    field: str | None = None
    anchors: tuple[str, ...] = ()
    editions: tuple[str, ...]
    keywords: tuple[str, ...]


class Lexicon(Record):
    """The KBV taxonomy with its keyword lists, all editions."""

    about: str = ""
    taxonomies: dict[str, str]
    entries: tuple[KbvEntry, ...]

    def edition(self, taxonomy: str) -> tuple[KbvEntry, ...]:
        """The entries of one edition, in file order."""
        return tuple(entry for entry in self.entries if taxonomy in entry.editions)

    def entry(self, code: str) -> KbvEntry | None:
        """The entry with this code, if any."""
        return next((entry for entry in self.entries if entry.code == code), None)

    def fields_of(self, code: str) -> tuple[str, ...]:
        """The veiligheidsvelden (1-5) a label code belongs to; tags through their anchors."""
        entry = self.entry(code)
        if entry is None:
            return ()
        if entry.field is not None:
            return (entry.field,)
        return tuple(sorted({f for anchor in entry.anchors for f in self.fields_of(anchor)}))


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read the KBV keyword lexicon from its data file."""
    try:
        return Lexicon.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        cause = f"cannot read the KBV lexicon: {error}".splitlines()[0]
        raise ReferenceDataError(path, cause, "restore pipeline/data/kbv.json") from None
