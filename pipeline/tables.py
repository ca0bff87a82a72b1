"""Tidy tables: one table per record type, one row per item, each row keyed by its plan.

Every column is declared once in `TABLES` with its type, so CSV and Parquet agree
and docs/tables.md can be checked against it.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from models import PlanRecord, Span
from pipeline.export import write_atomic
from pipeline.extractors.kbv_lexicon import load_lexicon

ColumnType = Literal["str", "int", "float", "bool"]
Row = dict[str, Any]
Format = Literal["csv", "parquet"]

KEY: tuple[tuple[str, ColumnType], ...] = (
    ("municipality", "str"),
    ("period_start", "int"),
    ("period_end", "int"),
    ("source_sha256", "str"),
    ("source_path", "str"),
)
SPAN: tuple[tuple[str, ColumnType], ...] = (("page", "int"), ("start", "int"), ("end", "int"))


def plan_key(record: PlanRecord) -> Row:
    """The columns that tie a row to its plan."""
    return {
        "municipality": record.plan.municipality,
        "period_start": record.plan.period.start,
        "period_end": record.plan.period.end,
        "source_sha256": record.source.sha256,
        "source_path": record.source.path,
    }


def _span(span: Span | None) -> Row:
    if span is None:
        return {"page": None, "start": None, "end": None}
    return {"page": span.page, "start": span.start, "end": span.end}


def plan_rows(record: PlanRecord) -> Iterator[Row]:
    """One row per plan: what it is and how much was found in it."""
    plan = record.plan
    yield {
        **plan_key(record),
        "municipality_code": plan.municipality_code,
        "title": plan.title,
        "format": record.source.format,
        "pages": record.source.pages,
        "period_inferred": plan.period.inferred,
        "adopted_date": plan.adopted.date,
        "adopted_place": plan.adopted.place,
        "adopted_by": plan.adopted.by,
        "schema_version": record.schema_version,
        "pipeline_version": record.pipeline_version,
        "themes": len(record.themes),
        "priority_themes": sum(theme.category == "priority" for theme in record.themes),
        "core_themes": sum(theme.category == "core" for theme in record.themes),
        "legal_references": len(record.legal_references),
        "organisations": len(record.organisations),
        "budget_tables": len(record.budget),
        "footnotes": len(record.footnotes),
        "findings": len(record.findings),
    }


def theme_rows(record: PlanRecord) -> Iterator[Row]:
    """One row per theme, with its opgave and ambitie text and its KBV codes."""
    for index, theme in enumerate(record.themes, start=1):
        yield {
            **plan_key(record),
            "theme_index": index,
            "number": theme.number,
            "title": theme.title,
            "category": theme.category,
            "tier_label": theme.tier_label,
            "empty": theme.empty,
            "kbv_codes": ";".join(label.code for label in theme.kbv),
            "opgave": theme.opgave.text if theme.opgave else None,
            "ambitie": theme.ambitie.text if theme.ambitie else None,
            "pillars": len(theme.pillars),
            **_span(theme.span),
        }


def theme_kbv_rows(record: PlanRecord) -> Iterator[Row]:
    """One row per KBV label of a theme, with its score and deciding words."""
    lexicon = load_lexicon()
    for index, theme in enumerate(record.themes, start=1):
        for label in theme.kbv:
            entry = lexicon.entry(label.code)
            yield {
                **plan_key(record),
                "theme_index": index,
                "theme_number": theme.number,
                "theme_title": theme.title,
                "category": theme.category,
                "taxonomy": label.taxonomy,
                "code": label.code,
                "label": label.label,
                "kind": entry.kind if entry else None,
                "fields": ";".join(lexicon.fields_of(label.code)),
                "score": label.score,
                "evidence": "; ".join(label.evidence),
            }


def pillar_rows(record: PlanRecord) -> Iterator[Row]:
    """One row per pillar of a theme's approach."""
    for theme_index, theme in enumerate(record.themes, start=1):
        for index, pillar in enumerate(theme.pillars, start=1):
            yield {
                **plan_key(record),
                "theme_index": theme_index,
                "theme_number": theme.number,
                "theme_title": theme.title,
                "pillar_index": index,
                "number": pillar.number,
                "title": pillar.title,
                "heading": pillar.heading,
                **_span(pillar.span),
            }


def legal_reference_rows(record: PlanRecord) -> Iterator[Row]:
    """One row per citation of a law."""
    for index, reference in enumerate(record.legal_references, start=1):
        yield {
            **plan_key(record),
            "reference_index": index,
            "law": reference.law,
            "bwb_id": reference.bwb_id,
            "article": reference.article,
            "paragraph": reference.paragraph,
            "sub": reference.sub,
            "kind": reference.kind,
            "text": reference.text,
            "jci": reference.jci,
            "url": reference.url,
            **_span(reference.span),
        }


def organisation_rows(record: PlanRecord) -> Iterator[Row]:
    """One row per named organisation (mentions merged)."""
    for index, organisation in enumerate(record.organisations, start=1):
        first = organisation.mentions[0].span if organisation.mentions else None
        yield {
            **plan_key(record),
            "organisation_index": index,
            "name": organisation.name,
            "acronym": organisation.acronym,
            "kind": organisation.kind,
            "mentions": organisation.count or len(organisation.mentions),
            "first_page": first.page if first else None,
        }


def budget_line_rows(record: PlanRecord) -> Iterator[Row]:
    """One row per budget line and year that has an amount, in integer euros."""
    for table_index, table in enumerate(record.budget, start=1):
        for line_index, line in enumerate(table.lines, start=1):
            for year in sorted(line.amounts):
                amount = line.amounts[year]
                # Empty or unreadable cells get no row, so `amount` stays an integer column.
                if amount is None:
                    continue
                yield {
                    **plan_key(record),
                    "table_index": table_index,
                    "caption": table.caption,
                    "unit": table.unit,
                    "multiplier": table.multiplier,
                    "line_index": line_index,
                    "number": line.number,
                    "label": line.label,
                    "themes": ";".join(line.themes),
                    "year": year,
                    "amount": amount,
                    "amount_as_printed": line.amounts_as_printed.get(year),
                    "page": line.span.page,
                }


def finding_rows(record: PlanRecord) -> Iterator[Row]:
    """One row per finding of the consistency checks."""
    for index, finding in enumerate(record.findings, start=1):
        yield {
            **plan_key(record),
            "finding_index": index,
            "code": finding.code,
            "severity": finding.severity,
            "message": finding.message,
            **_span(finding.span),
        }


class Table:
    """A table's name, its typed columns, and the function that makes its rows."""

    def __init__(
        self,
        name: str,
        columns: tuple[tuple[str, ColumnType], ...],
        rows: Callable[[PlanRecord], Iterable[Row]],
    ) -> None:
        self.name = name
        self.columns = KEY + columns
        self.rows = rows


TABLES: tuple[Table, ...] = (
    Table(
        "plans",
        (
            ("municipality_code", "str"), ("title", "str"), ("format", "str"), ("pages", "int"),
            ("period_inferred", "bool"),
            ("adopted_date", "str"), ("adopted_place", "str"), ("adopted_by", "str"),
            ("schema_version", "str"), ("pipeline_version", "str"), ("themes", "int"),
            ("priority_themes", "int"), ("core_themes", "int"), ("legal_references", "int"),
            ("organisations", "int"), ("budget_tables", "int"), ("footnotes", "int"),
            ("findings", "int"),
        ),
        plan_rows,
    ),
    Table(
        "themes",
        (
            ("theme_index", "int"), ("number", "str"), ("title", "str"), ("category", "str"),
            ("tier_label", "str"), ("empty", "bool"), ("kbv_codes", "str"), ("opgave", "str"),
            ("ambitie", "str"), ("pillars", "int"), *SPAN,
        ),
        theme_rows,
    ),
    Table(
        "theme_kbv",
        (
            ("theme_index", "int"), ("theme_number", "str"), ("theme_title", "str"),
            ("category", "str"), ("taxonomy", "str"), ("code", "str"), ("label", "str"),
            ("kind", "str"), ("fields", "str"), ("score", "float"), ("evidence", "str"),
        ),
        theme_kbv_rows,
    ),
    Table(
        "pillars",
        (
            ("theme_index", "int"), ("theme_number", "str"), ("theme_title", "str"),
            ("pillar_index", "int"), ("number", "str"), ("title", "str"), ("heading", "str"),
            *SPAN,
        ),
        pillar_rows,
    ),
    Table(
        "legal_references",
        (
            ("reference_index", "int"), ("law", "str"), ("bwb_id", "str"), ("article", "str"),
            ("paragraph", "int"), ("sub", "str"), ("kind", "str"), ("text", "str"), ("jci", "str"),
            ("url", "str"), *SPAN,
        ),
        legal_reference_rows,
    ),
    Table(
        "organisations",
        (
            ("organisation_index", "int"), ("name", "str"), ("acronym", "str"), ("kind", "str"),
            ("mentions", "int"), ("first_page", "int"),
        ),
        organisation_rows,
    ),
    Table(
        "budget_lines",
        (
            ("table_index", "int"), ("caption", "str"), ("unit", "str"), ("multiplier", "int"),
            ("line_index", "int"), ("number", "str"), ("label", "str"), ("themes", "str"),
            ("year", "int"), ("amount", "int"), ("amount_as_printed", "str"), ("page", "int"),
        ),
        budget_line_rows,
    ),
    Table(
        "findings",
        (
            ("finding_index", "int"), ("code", "str"), ("severity", "str"), ("message", "str"),
            *SPAN,
        ),
        finding_rows,
    ),
)  # fmt: skip


_PANDAS_TYPES: dict[ColumnType, str] = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def pandas_dtypes(name: str) -> dict[str, str]:
    """The pandas dtypes of a table's CSV columns, for `pd.read_csv(path, dtype=...)`.

    Without them pandas guesses from the values: a line number '1' or a KBV code '5.2'
    declared as text would load as a number, and an integer column with gaps as float.
    """
    table = next((table for table in TABLES if table.name == name), None)
    if table is None:
        raise KeyError(f"no table named {name!r}; the tables are {', '.join(t.name for t in TABLES)}")
    return {column: _PANDAS_TYPES[kind] for column, kind in table.columns}


def table_rows(table: Table, records: Sequence[PlanRecord]) -> list[Row]:
    """All rows of one table over all records, in record order."""
    return [row for record in records for row in table.rows(record)]


def csv_cell(value: Any) -> str:
    """A value as a CSV cell: empty for missing, true/false, line breaks as '\\n'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    # The writer quotes cells holding its line terminator '\n' but not a bare '\r', which
    # readers would take for a line end.
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def to_csv(table: Table, rows: Sequence[Row]) -> str:
    """The rows as CSV text: header first, columns in declared order, '\\n' line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(name for name, _ in table.columns)
    for row in rows:
        writer.writerow(csv_cell(row[name]) for name, _ in table.columns)
    return buffer.getvalue()


def write_parquet(table: Table, rows: Sequence[Row], path: Path) -> None:
    """The rows as a Parquet file with explicit column types (int64 for counts, years, euros)."""
    import pyarrow as pa  # (optional extra `parquet`)
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in table.columns])
    arrays = [pa.array([row[name] for row in rows], type=types[kind]) for name, kind in table.columns]
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        pq.write_table(pa.Table.from_arrays(arrays, schema=schema), temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_tables(records: Sequence[PlanRecord], out_dir: str | Path, fmt: Format = "csv") -> tuple[Path, ...]:
    """Write every table for `records` into `out_dir`; CSV always, Parquet as well when asked."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for table in TABLES:
        rows = table_rows(table, records)
        path = out / f"{table.name}.csv"
        write_atomic(path, to_csv(table, rows))
        written.append(path)
        if fmt == "parquet":
            path = out / f"{table.name}.parquet"
            write_parquet(table, rows, path)
            written.append(path)
    return tuple(written)
