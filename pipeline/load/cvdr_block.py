"""The CVDR metadata block ("wetstechnische informatie"), wherever the page puts it.

Two passes. `lift_block` reads the structured shapes straight from the HTML tree, before the
text is walked, and removes them: definition lists (dt/dd) and tables whose labels are CVDR
labels, and the versions table by its column headers. Reading the tree keeps an empty `dd`
empty. `take_block_lines` then reads what is left in the walked lines: "Label: value"
paragraphs, a label heading followed by its value (and list items), block section headings.
"""

from __future__ import annotations

import re

from bs4 import Tag

from models import RawLine
from pipeline.dates import iso_date
from pipeline.load.cvdr_vocabulary import VOCABULARY, norm, squeeze

VALUE_LINE = 300  # a metadata value is short; a longer line after a label is plan text
_NUMERIC_DATE = re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b")
_SERIES_ID = re.compile(rf"\b(?:{'|'.join(sorted(set(VOCABULARY.announcement_series.values())))})-\d{{4}}-\d+\b")
_SERIES_CITATION = re.compile(
    rf"\b(?P<series>{'|'.join(re.escape(name) for name in VOCABULARY.announcement_series)})"
    r"\s+(?P<year>\d{4})\s*,?\s*(?:nr\.?\s*)?(?P<number>\d+)\b",
    re.IGNORECASE,
)


def lift_block(root: Tag) -> dict[str, str]:
    """Read and remove the definition lists and tables of a CVDR metadata block."""
    metadata: dict[str, str] = {}
    for dl in root.find_all("dl"):
        if dl.decomposed:
            continue
        pairs = _dl_pairs(dl)
        if sum(label in VOCABULARY.labels for label, _ in pairs) >= 2:
            for label, values in pairs:
                for value in values:
                    put(metadata, VOCABULARY.labels[label], value)
            dl.decompose()
    for table in root.find_all("table"):
        if table.decomposed:
            continue
        rows = _table_rows(table)
        keys = version_keys(rows[0]) if rows else None
        if keys is not None:
            read_versions(keys, rows[1:], metadata)
            table.decompose()
            continue
        labelled = [row for row in rows if len(row) >= 2 and norm(row[0]) in VOCABULARY.labels]
        if len(labelled) >= 2 and 2 * len(labelled) >= len(rows):
            for row in labelled:
                put(metadata, VOCABULARY.labels[norm(row[0])], " ".join(cell for cell in row[1:] if cell))
            table.decompose()
    return metadata


def _dl_pairs(dl: Tag) -> list[tuple[str, list[str]]]:
    """(label, values) per dt of a definition list; a dd with a list gives one value per item."""
    pairs: list[tuple[str, list[str]]] = []
    for item in dl.find_all(["dt", "dd"]):
        if item.find_parent("dl") is not dl:
            continue
        if item.name == "dt":
            pairs.append((norm(item.get_text(" ")), []))
        elif pairs:
            entries = item.find_all("li")
            texts = [entry.get_text(" ") for entry in entries] if entries else [item.get_text(" ")]
            pairs[-1][1].extend(squeeze(text) for text in texts if text.strip())
    return pairs


def _table_rows(table: Tag) -> list[list[str]]:
    """The cell texts of each row of a table (nested tables are text of their cell)."""
    rows = []
    for row in table.find_all("tr"):
        if row.find_parent("table") is table:
            cells = row.find_all(["th", "td"], recursive=False)
            rows.append([squeeze(cell.get_text(" ")) for cell in cells])
    return rows


def version_keys(cells: list[str] | tuple[str, ...]) -> list[str | None] | None:
    """The keys of a versions table header ("Datum inwerkingtreding | Betreft | ..."), if it is one."""
    keys = [VOCABULARY.labels.get(norm(cell)) for cell in cells]
    known = [key for key in keys if key in VOCABULARY.version_keys]
    return keys if len(known) >= 2 else None


def read_versions(keys: list[str | None], rows: list[list[str]], metadata: dict[str, str]) -> None:
    """Fill version facts from the newest version: the row with the latest entry into force."""
    versions = [dict(zip(keys, row, strict=False)) for row in rows if len(row) == len(keys)]
    if not versions:
        return
    newest = max(versions, key=lambda version: iso_date(version.get("in_force_date") or "") or "")
    for key, value in newest.items():
        if key:
            put(metadata, key, value)


def put(metadata: dict[str, str], key: str, value: str) -> None:
    """Record one stated value; values that state nothing ("Onbekend", "Geen") are left out."""
    value = squeeze(value)
    if not value or value.lower().strip(" .") in VOCABULARY.unknown:
        return
    if key == "signed_date_and_publication":
        signed = iso_date(value)
        if signed:
            metadata.setdefault("signed_date", signed)
        key, value = "publication", squeeze(_NUMERIC_DATE.sub("", value))
        if not value:
            return
    if key in VOCABULARY.date_keys:
        parsed = iso_date(value)
        if parsed is None:
            return
        value = parsed
    if key == "publication":
        _put_announcement(metadata, value)
    if key == "legal_basis" and key in metadata:
        if value not in metadata[key].split("; "):
            metadata[key] += "; " + value
    else:
        metadata.setdefault(key, value)


def _put_announcement(metadata: dict[str, str], value: str) -> None:
    """The identifier of a Bron bekendmaking ("gmb-2023-323973", "Gemeenteblad 2019, 51234") and its URL."""
    found = _SERIES_ID.search(value)
    citation = _SERIES_CITATION.search(value)
    if found:
        identifier = found.group()
    elif citation:
        series = VOCABULARY.announcement_series[squeeze(citation.group("series")).lower()]
        identifier = f"{series}-{citation.group('year')}-{citation.group('number')}"
    else:
        return
    if "publication_id" not in metadata:
        metadata["publication_id"] = identifier
        metadata["publication_url"] = VOCABULARY.announcement_url.format(id=identifier)


def take_block_lines(lines: list[RawLine], metadata: dict[str, str], evidence_needed: int) -> list[RawLine]:
    """Read runs of metadata lines into `metadata`; return the other lines.

    A run is kept as plan text unless it holds `evidence_needed`: two labels on an ordinary
    page (or one "Label: value" line with a label only CVDR uses), one label once the page is
    known to be a CVDR publication.
    """
    kept: list[RawLine] = []
    index = 0
    while index < len(lines):
        end, evidence = _run_end(lines, index)
        if end == index:
            kept.append(lines[index])
            index += 1
            continue
        if evidence >= evidence_needed:
            _read_run(lines[index:end], metadata)
        else:
            kept.extend(lines[index:end])
        index = end
    return kept


def _run_end(lines: list[RawLine], start: int) -> tuple[int, int]:
    """Where the run of metadata lines from `start` ends, and how much evidence it holds.

    Block headings ("Algemeen") belong to a run but are no evidence: plans use them too.
    """
    index, evidence = start, 0
    while index < len(lines):
        step = _item_length(lines, index)
        if step == 0:
            break
        evidence += _evidence(lines[index])
        index += step
    return index, evidence


def _evidence(line: RawLine) -> int:
    """How much one metadata item says the run is a block: a "Citeertitel: ..." line is enough."""
    if norm(line.text) in VOCABULARY.block_headings:
        return 0
    if line.kind != "table_row" and label_value(line) is not None:
        label = norm(line.text.partition(":")[0])
        return 2 if label in VOCABULARY.strong_labels else 1
    return 1


def _item_length(lines: list[RawLine], index: int) -> int:
    """How many lines the metadata item at `index` takes: 0 when it is plan text."""
    line = lines[index]
    if line.kind == "table_row" and version_keys(line.cells) is not None:
        return _rows_end(lines, index, len(line.cells)) - index
    if label_value(line) is not None or norm(line.text) in VOCABULARY.block_headings:
        return 1
    if norm(line.text) in VOCABULARY.labels and line.kind != "list_item":
        return 1 + len(_values(lines, index + 1))
    return 0


def _values(lines: list[RawLine], start: int) -> list[RawLine]:
    """The value lines after a label on its own line: one paragraph, or the list items that follow."""
    values: list[RawLine] = []
    for line in lines[start:]:
        if len(line.text) > VALUE_LINE or line.kind in ("heading", "table_row", "footnote"):
            break
        if label_value(line) is not None or _is_label_line(line):
            break
        if values and (line.kind != "list_item" or values[0].kind != "list_item"):
            break
        values.append(line)
    return values


def _is_label_line(line: RawLine) -> bool:
    text = norm(line.text)
    return text in VOCABULARY.labels or text in VOCABULARY.block_headings


def _read_run(run: list[RawLine], metadata: dict[str, str]) -> None:
    index = 0
    while index < len(run):
        line = run[index]
        keys = version_keys(line.cells) if line.kind == "table_row" else None
        if keys is not None:
            end = _rows_end(run, index, len(keys))
            read_versions(keys, [list(row.cells) for row in run[index + 1 : end]], metadata)
            index = end
            continue
        pair = label_value(line)
        if pair is not None:
            put(metadata, *pair)
        elif norm(line.text) in VOCABULARY.labels:
            values = _values(run, index + 1)
            for value in values:
                put(metadata, VOCABULARY.labels[norm(line.text)], value.text)
            index += len(values)
        index += 1


def _rows_end(lines: list[RawLine], header: int, width: int) -> int:
    """The index after the rows of the table whose header row is at `header`."""
    end = header + 1
    while end < len(lines) and lines[end].kind == "table_row" and len(lines[end].cells) == width:
        end += 1
    return end


def label_value(line: RawLine) -> tuple[str, str] | None:
    """(key, value) of a "Label | value" table row or a "Label: value" line with a known label."""
    if line.kind == "table_row":
        if len(line.cells) < 2:
            return None
        key = VOCABULARY.labels.get(norm(line.cells[0]))
        return (key, " ".join(cell for cell in line.cells[1:] if cell)) if key else None
    label, colon, value = line.text.partition(":")
    key = VOCABULARY.labels.get(norm(label))
    return (key, value.strip()) if colon and key and value.strip() else None
