"""A researcher's own KBV mapping: a TSV of municipality, theme title and KBV codes."""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from pathlib import Path

from models import KbvLabel
from pipeline.errors import ReferenceDataError
from pipeline.extractors.kbv_lexicon import Lexicon, load_lexicon

COLUMNS = ("municipality", "title", "codes")
ANY_MUNICIPALITY = "*"
FORMAT_FIX = "write a UTF-8 TSV with the columns municipality, title, codes"
CODES_FIX = "use codes from pipeline/data/kbv.json, e.g. 5.2 or undermining"

Overrides = Mapping[tuple[str, str], tuple[str, ...]]


def override_key(text: str | None) -> str:
    """A title or municipality as compared: case, white space and '&' vs 'en' ignored."""
    return re.sub(r"\s+", " ", (text or "").replace("&", " en ")).strip().casefold()


def load_overrides(path: str | Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """Read an override file: (municipality or '*', title) -> KBV codes."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        cause = f"cannot read the KBV override file ({error.__class__.__name__})"
        raise ReferenceDataError(path, cause, FORMAT_FIX) from None
    rows = list(csv.reader(text.splitlines(), delimiter="\t"))
    if not rows or tuple(cell.strip().lower() for cell in rows[0]) != COLUMNS:
        cause = "the KBV override file lacks the header line municipality<TAB>title<TAB>codes"
        raise ReferenceDataError(path, cause, FORMAT_FIX)
    lexicon = load_lexicon()
    overrides: dict[tuple[str, str], tuple[str, ...]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            cause = f"line {number} has {len(row)} columns instead of 3"
            raise ReferenceDataError(path, cause, FORMAT_FIX)
        municipality, title, codes_text = (cell.strip() for cell in row)
        codes = tuple(code for code in re.split(r"[\s,;]+", codes_text) if code)
        unknown = [code for code in codes if lexicon.entry(code) is None]
        if unknown or not title:
            cause = f"line {number} has no title"
            if unknown:
                cause = f"line {number} names unknown KBV code {unknown[0]!r}"
            raise ReferenceDataError(path, cause, CODES_FIX)
        overrides[(override_key(municipality or ANY_MUNICIPALITY), override_key(title))] = codes
    return overrides


def override_labels(
    title: str, municipality: str | None, overrides: Overrides, taxonomy: str, lexicon: Lexicon
) -> tuple[KbvLabel, ...] | None:
    """The labels a user fixed for this theme, or None when no override applies."""
    title_key = override_key(title)
    codes = overrides.get((override_key(municipality), title_key))
    if codes is None:
        codes = overrides.get((ANY_MUNICIPALITY, title_key))
    if codes is None:
        return None
    return tuple(
        KbvLabel(code=code, label=entry.label, score=1.0, evidence=("override",), taxonomy=taxonomy)
        for code in codes
        if (entry := lexicon.entry(code)) is not None
    )
