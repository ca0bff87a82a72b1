"""The table of known laws: citation titles, aliases, BWB ids and article nicknames.

Read from `pipeline/data/laws.tsv`, `law-nicknames.tsv` and `local-regulations.tsv`;
users add laws with a file in the columns of `laws.tsv`.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from models.base import Record
from pipeline.errors import ReferenceDataError

DATA = Path(__file__).resolve().parent.parent / "data"
LAW_COLUMNS = ("citeertitel", "aliases", "bwb_id", "verified_source")
# Optional in a user's laws file: national (the default) or local (a verordening, no BWB id).
KIND_COLUMN = "kind"
NICKNAME_COLUMNS = (
    "nickname_or_instrument",
    "target_citeertitel",
    "bwb_id",
    "artikel",
    "jci",
    "source",
)
UNVERIFIED = "UNVERIFIED"
BWB_ID = re.compile(r"BWB[RV]\d{7}")
# "Damocles(beleid)" in the nickname file stands for "Damocles" and "Damoclesbeleid".
OPTIONAL_SUFFIX = re.compile(r"^(?P<stem>[^()]+)\((?P<suffix>[^()]+)\)$")

LawKind = Literal["national", "local"]


class Law(Record):
    """One law (or local regulation) with every name it goes by."""

    citeertitel: str
    aliases: tuple[str, ...]
    bwb_id: str | None
    kind: LawKind = "national"
    source: str = ""


class Nickname(Record):
    """A popular name that stands for one article of a law (Wet Damocles = Opiumwet 13b)."""

    name: str
    citeertitel: str
    article: str | None


class LawTable(Record):
    """All laws and nicknames the extractor knows, user additions included."""

    laws: tuple[Law, ...]
    nicknames: tuple[Nickname, ...] = ()

    def law(self, citeertitel: str) -> Law | None:
        """The law with this citation title, if known."""
        for law in self.laws:
            if law.citeertitel == citeertitel:
                return law
        return None


def _rows(
    path: Path, columns: tuple[str, ...], optional: tuple[str, ...] = ()
) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) of a tab-separated file whose header holds `columns` (and maybe `optional` ones)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = tuple(reader.fieldnames or ())
            missing = [column for column in columns if column not in header]
            if missing:
                raise ReferenceDataError(
                    path,
                    f"line {reader.line_num} (the header) lacks the column(s) {', '.join(missing)}",
                    f"start the file with the tab-separated header: {' '.join(columns)}",
                )
            rows = []
            for row in reader:
                line = reader.line_num  # blank lines are skipped, so count them here
                if None in row or any(row.get(column) is None for column in columns):
                    fields = sum(value is not None for key, value in row.items() if key is not None)
                    fields += len(row.get(None) or [])
                    raise ReferenceDataError(
                        path,
                        f"line {line} has {fields} fields, not {len(header)}",
                        "separate the columns with exactly one tab each",
                    )
                present = columns + tuple(column for column in optional if column in header)
                rows.append((line, {column: (row[column] or "").strip() for column in present}))
            return rows
    except UnicodeDecodeError as error:
        raise ReferenceDataError(path, "the file is not UTF-8 text", "save it as UTF-8") from error
    except OSError as error:
        raise ReferenceDataError(path, f"cannot read the file ({error.strerror})", "check the path") from error


def _bwb_id(path: Path, line: int, value: str, required: bool) -> str | None:
    """A validated BWB id; UNVERIFIED (or empty, where allowed) means none."""
    if value == UNVERIFIED or (not value and not required):
        return None
    if not BWB_ID.fullmatch(value):
        raise ReferenceDataError(
            path,
            f"line {line} has bwb_id {value!r}, which is not a BWB id",
            f"write an id such as BWBR0031788, or {UNVERIFIED}",
        )
    return value


def read_laws(path: Path, kind: LawKind = "national") -> tuple[Law, ...]:
    """Laws from a file in the columns of `laws.tsv`; an optional `kind` column marks local regulations."""
    laws = []
    for line, row in _rows(path, LAW_COLUMNS, optional=(KIND_COLUMN,)):
        title = row["citeertitel"]
        if not title:
            raise ReferenceDataError(path, f"line {line} has an empty citeertitel", "fill in the law's title")
        kind = _kind(path, line, row.get(KIND_COLUMN) or kind)
        aliases = tuple(dict.fromkeys([title, *(a.strip() for a in row["aliases"].split("|") if a.strip())]))
        bwb_id = _bwb_id(path, line, row["bwb_id"], required=kind == "national")
        laws.append(
            Law(
                citeertitel=title,
                aliases=aliases,
                bwb_id=bwb_id,
                kind=kind,
                source=row["verified_source"],
            )
        )
    return tuple(laws)


def _kind(path: Path, line: int, value: str) -> LawKind:
    """A law's kind as written in a laws file."""
    kinds: dict[str, LawKind] = {"national": "national", "local": "local"}
    if value in kinds:
        return kinds[value]
    raise ReferenceDataError(path, f"line {line} has kind {value!r}", "write national, local or leave it empty")


def read_nicknames(path: Path) -> tuple[Nickname, ...]:
    """Proper-name nicknames from `law-nicknames.tsv`.

    Lower-case rows name instruments (cameratoezicht, noodbevel): they tell which
    article grants a power, but the word itself does not cite a law, so they are skipped.
    """
    nicknames = []
    for _, row in _rows(path, NICKNAME_COLUMNS):
        name = row["nickname_or_instrument"]
        if not name[:1].isupper():
            continue
        match = OPTIONAL_SUFFIX.match(name)
        names = [match["stem"], match["stem"] + match["suffix"]] if match else [name]
        for each in names:
            nicknames.append(Nickname(name=each, citeertitel=row["target_citeertitel"], article=row["artikel"] or None))
    return tuple(nicknames)


def merge_laws(base: tuple[Law, ...], extra: tuple[Law, ...]) -> tuple[Law, ...]:
    """`base` with `extra` added; a law of the same title in `extra` replaces the base one."""
    replaced = {law.citeertitel for law in extra}
    return tuple(law for law in base if law.citeertitel not in replaced) + extra


@lru_cache(maxsize=8)
def load_law_table(extra_laws_path: str | None = None) -> LawTable:
    """The packaged law table, plus the user's laws file when given."""
    laws = read_laws(DATA / "laws.tsv") + read_laws(DATA / "local-regulations.tsv", kind="local")
    if extra_laws_path:
        laws = merge_laws(laws, read_laws(Path(extra_laws_path)))
    return LawTable(laws=laws, nicknames=read_nicknames(DATA / "law-nicknames.tsv"))
