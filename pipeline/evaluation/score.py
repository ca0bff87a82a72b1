"""Score one extracted plan record against its gold annotation, field by field."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping

from models import Part, PlanRecord, Theme
from models.base import Record
from pipeline.evaluation import matching
from pipeline.evaluation.counts import Counts, Mismatch, Scored, compare_keyed, compare_multisets
from pipeline.evaluation.gold import FIELDS, Boundary, Gold, GoldTheme
from pipeline.evaluation.matching import Token, key


class FieldScore(Record):
    """The counts of one field and the gold file's note on it, if any."""

    field: str
    counts: Counts
    note: str | None = None


class PlanScore(Record):
    """How one record compares with its gold annotation."""

    gold: str
    source: str
    fields: tuple[FieldScore, ...]
    mismatches: tuple[Mismatch, ...]
    error: str | None = None


def score(gold: Gold, record: PlanRecord, gold_path: str = "", source: str = "", error: str | None = None) -> PlanScore:
    """Every field of `FIELDS` scored, with the mismatches that cost points."""
    results: dict[str, Scored] = {}
    results.update(_metadata(gold, record))
    results.update(_themes(gold, record))
    results.update(_parts(gold, record))
    results.update(_references(gold, record))
    results.update(_budget(gold, record))
    results["footnotes"] = _footnotes(gold, record)
    results["findings"] = compare_multisets(
        "findings", gold.findings, (finding.code for finding in record.findings), str
    )
    fields = tuple(FieldScore(field=name, counts=results[name][0], note=gold.notes.get(name)) for name in FIELDS)
    mismatches = tuple(m for name in FIELDS for m in results[name][1])
    return PlanScore(
        gold=gold_path,
        source=source or record.source.path,
        fields=fields,
        mismatches=mismatches,
        error=error,
    )


def _quoted(value: object) -> str:
    return "null" if value is None else f'"{value}"' if isinstance(value, str) else str(value)


def _same_text(expected: object, found: object) -> bool:
    if isinstance(expected, str) and isinstance(found, str):
        return key(expected) == key(found)
    return expected == found


def _values(field: str, expected: Mapping[str, object], found: Mapping[str, object]) -> Scored:
    present = {name: value for name, value in found.items() if value is not None}
    gold = {name: value for name, value in expected.items() if value is not None}
    return compare_keyed(
        field,
        gold,
        present,
        same=_same_text,
        show_key=str,
        show_expected=_quoted,
        show_found=_quoted,
    )


def _metadata(gold: Gold, record: PlanRecord) -> dict[str, Scored]:
    plan, meta = gold.plan, record.plan
    return {
        "metadata.municipality": _values("metadata.municipality", {"": plan.municipality}, {"": meta.municipality}),
        "metadata.title": _values("metadata.title", {"": plan.title}, {"": meta.title}),
        "metadata.period": _values(
            "metadata.period",
            {"start": plan.period.start, "end": plan.period.end},
            {"start": meta.period.start, "end": meta.period.end},
        ),
        "metadata.adopted": _values(
            "metadata.adopted",
            {"date": plan.adopted.date, "place": plan.adopted.place, "by": plan.adopted.by},
            {"date": meta.adopted.date, "place": meta.adopted.place, "by": meta.adopted.by},
        ),
    }


def _number(number: str | None) -> str:
    """Theme numbers as printed compare without trailing dots, spaces or case: '1.' is '1'."""
    return "".join((number or "").split()).rstrip(".").casefold()


def _theme_label(number: str) -> str:
    return f"theme {number or '?'}"


def _found_themes(record: PlanRecord) -> dict[str, Theme]:
    # The first theme of a number wins; duplicates are scored as extra themes.
    found: dict[str, Theme] = {}
    for theme in record.themes:
        found.setdefault(_number(theme.number), theme)
    return found


def _themes(gold: Gold, record: PlanRecord) -> dict[str, Scored]:
    expected = {_number(theme.number): theme for theme in gold.themes}
    found = _found_themes(record)
    extra = len(record.themes) - len(found)
    titles = compare_keyed(
        "themes",
        {n: t.title for n, t in expected.items()},
        {n: t.title for n, t in found.items()},
        same=_same_text,
        show_key=_theme_label,
        show_expected=_quoted,
        show_found=_quoted,
    )
    if extra:
        duplicate = Mismatch(field="themes", kind="extra", found=f"{extra} theme(s) with a duplicate number")
        titles = (titles[0] + Counts(fp=extra), (*titles[1], duplicate))
    categories = compare_keyed(
        "categories",
        {n: t.category for n, t in expected.items()},
        {n: t.category for n, t in found.items() if t.category is not None},
        same=_same_text,
        show_key=_theme_label,
        show_expected=str,
        show_found=str,
    )
    empty = compare_multisets(
        "empty",
        (n for n, t in expected.items() if t.empty),
        (n for n, t in found.items() if t.empty),
        _theme_label,
    )
    titles_printed = _printed(
        (p for t in expected.values() for p in t.pillars),
        (p.title for t in found.values() for p in t.pillars),
    )
    pillars = compare_multisets(
        "pillars",
        ((n, key(p)) for n, t in expected.items() for p in t.pillars),
        ((n, key(p.title)) for n, t in found.items() for p in t.pillars),
        lambda item: f"{_theme_label(item[0])} {_quoted(titles_printed.get(item[1], item[1]))}",
    )
    return {"themes": titles, "categories": categories, "empty": empty, "pillars": pillars}


class _PartScorer:
    """Boundary and token scores of opgave or ambitie, located in the record's own text."""

    def __init__(self, name: str, record: PlanRecord) -> None:
        self.name = name
        self.text = record.text
        self.tokens: tuple[Token, ...] = matching.tokens(record.text)
        self.folded = [token[2] for token in self.tokens]
        self.starts = [token[0] for token in self.tokens]
        self.ends = [token[1] for token in self.tokens]
        self.counts = {part: Counts() for part in ("start", "end", "tokens")}
        self.mismatches: list[Mismatch] = []

    def add(self, part: str, counts: Counts, mismatch: Mismatch | None = None) -> None:
        self.counts[part] = self.counts[part] + counts
        if mismatch is not None:
            self.mismatches.append(mismatch)

    def field(self, part: str) -> str:
        return f"{self.name}.{part}"

    def span_range(self, found: Part) -> tuple[int, int]:
        """Token indices [first, last) inside the found part's span."""
        return bisect_left(self.starts, found.span.start), bisect_right(self.ends, found.span.end)

    def printed(self, first: int, last: int) -> str:
        if first >= last:
            return '""'
        return _quoted(" ".join(self.text[self.tokens[i][0] : self.tokens[i][1]] for i in range(first, last)))

    def score(self, label: str, gold: Boundary | None, found: Part | None, cursor: int) -> int:
        """Score one part; returns the token cursor after the gold part for the next search."""
        if gold is None and found is None:
            return cursor
        if gold is None:
            assert found is not None
            first, last = self.span_range(found)
            for part in ("start", "end"):
                self.add(part, Counts(fp=1), Mismatch(field=self.field(part), kind="extra", found=label))
            self.add("tokens", Counts(fp=last - first))
            return cursor
        head, tail = matching.words(gold.first), matching.words(gold.last)
        where = matching.locate(self.folded, head, tail, cursor)
        gold_size = where[1] - where[0] if where else len(head) + len(tail)
        if where is None and found is not None:
            self.mismatches.append(
                Mismatch(
                    field=self.field("tokens"),
                    kind="unlocated",
                    expected=f"{label} {_quoted(gold.first)}",
                )
            )
        if found is None:
            for part, words in (("start", gold.first), ("end", gold.last)):
                self.add(
                    part,
                    Counts(fn=1),
                    Mismatch(field=self.field(part), kind="missing", expected=f"{label} {_quoted(words)}"),
                )
            self.add("tokens", Counts(fn=gold_size))
            return where[1] if where else cursor
        first, last = self.span_range(found)
        got = self.folded[first:last]
        self._boundary(
            "start",
            label,
            ok=tuple(got[: len(head)]) == head,
            words=gold.first,
            first=first,
            last=min(last, first + len(head)),
        )
        self._boundary(
            "end",
            label,
            ok=tuple(got[-len(tail) :]) == tail,
            words=gold.last,
            first=max(first, last - len(tail)),
            last=last,
        )
        if where is None:
            self.add("tokens", Counts(fp=last - first, fn=gold_size))
            return cursor
        overlap = max(0, min(last, where[1]) - max(first, where[0]))
        counts = Counts(tp=overlap, fp=(last - first) - overlap, fn=gold_size - overlap)
        if counts.fp or counts.fn:
            mismatch = Mismatch(
                field=self.field("tokens"),
                kind="wrong",
                expected=f"{label} {gold_size} words",
                found=f"{last - first} words ({counts.fp} too many, {counts.fn} missing)",
            )
            self.add("tokens", counts, mismatch)
        else:
            self.add("tokens", counts)
        return where[1]

    def _boundary(self, part: str, label: str, *, ok: bool, words: str, first: int, last: int) -> None:
        if ok:
            self.add(part, Counts(tp=1))
        else:
            mismatch = Mismatch(
                field=self.field(part),
                kind="wrong",
                expected=f"{label} {_quoted(words)}",
                found=self.printed(first, last),
            )
            self.add(part, Counts(fp=1, fn=1), mismatch)

    def results(self) -> dict[str, Scored]:
        return {
            self.field(p): (
                self.counts[p],
                tuple(m for m in self.mismatches if m.field == self.field(p)),
            )
            for p in self.counts
        }


def _parts(gold: Gold, record: PlanRecord) -> dict[str, Scored]:
    found = _found_themes(record)
    scorers = {name: _PartScorer(name, record) for name in ("opgave", "ambitie")}
    getters: dict[str, tuple[Callable[[GoldTheme], Boundary | None], Callable[[Theme], Part | None]]] = {
        "opgave": (lambda t: t.opgave, lambda t: t.opgave),
        "ambitie": (lambda t: t.ambitie, lambda t: t.ambitie),
    }
    cursor = 0
    for theme in gold.themes:
        number = _number(theme.number)
        match = found.get(number)
        for name, (gold_part, found_part) in getters.items():
            cursor = scorers[name].score(
                _theme_label(number), gold_part(theme), found_part(match) if match else None, cursor
            )
    expected = {_number(theme.number) for theme in gold.themes}
    for number, extra in found.items():
        if number not in expected:
            for name, (_, found_part) in getters.items():
                scorers[name].score(_theme_label(number), None, found_part(extra), cursor)
    results: dict[str, Scored] = {}
    for scorer in scorers.values():
        results.update(scorer.results())
    return results


def _printed(*names: Iterable[str]) -> dict[str, str]:
    """Comparison key -> the first spelling seen (gold first), for readable mismatches."""
    spelling: dict[str, str] = {}
    for group in names:
        for name in group:
            spelling.setdefault(key(name), name)
    return spelling


def _references(gold: Gold, record: PlanRecord) -> dict[str, Scored]:
    laws = _printed((r.law for r in gold.legal_references), (r.law for r in record.legal_references))

    def show(triple: tuple[str, str, int | None]) -> str:
        law, article, lid = triple
        return f"{laws.get(law, law)} art. {article or '-'} lid {lid if lid is not None else '-'}"

    expected = [(key(r.law), key(r.article), r.lid) for r in gold.legal_references for _ in range(r.mentions)]
    found = [(key(r.law), key(r.article), r.paragraph) for r in record.legal_references]
    organisations = _printed(gold.organisations, (o.name for o in record.organisations))
    optional = {key(name) for name in gold.organisations_optional}
    names = sorted({key(o.name) for o in record.organisations} - optional)
    return {
        "legal_references": compare_multisets("legal_references", set(expected), set(found), show),
        "legal_references.mentions": compare_multisets("legal_references.mentions", expected, found, show),
        "organisations": compare_multisets(
            "organisations",
            {key(name) for name in gold.organisations},
            names,
            lambda name: _quoted(organisations.get(name, name)),
        ),
    }


def _footnotes(gold: Gold, record: PlanRecord) -> Scored:
    def same(expected: tuple[str, str], text: str) -> bool:
        got = matching.words(text)
        head, tail = matching.words(expected[0]), matching.words(expected[1])
        return got[: len(head)] == head and got[-len(tail) :] == tail

    return compare_keyed(
        "footnotes",
        {note.number: (note.first, note.last) for note in gold.footnotes},
        {note.number: note.text for note in record.footnotes},
        same=same,
        show_key=lambda number: f"footnote {number}",
        show_expected=lambda words: f"{_quoted(words[0])} ... {_quoted(words[1])}",
        show_found=_shorten,
    )


def _shorten(text: str, size: int = 60) -> str:
    flat = " ".join(text.split())
    return _quoted(flat if len(flat) <= size else flat[: size - 3] + "...")


def _budget(gold: Gold, record: PlanRecord) -> dict[str, Scored]:
    expected = {
        (key(line.label), year): amount
        for table in gold.budget
        for line in table.lines
        for year, amount in line.amounts.items()
    }
    found = {
        (key(line.label), year): amount
        for table in record.budget
        for line in table.lines
        for year, amount in line.amounts.items()
    }
    cells = compare_keyed(
        "budget.cells",
        expected,
        found,
        same=_same_text,
        show_key=lambda cell: f'"{cell[0]}" {cell[1]}',
        show_expected=_quoted,
        show_found=_quoted,
    )
    totals = compare_multisets(
        "budget.totals",
        _totals(table.stated_total for table in gold.budget),
        _totals(table.stated_total for table in record.budget),
        lambda total: f"{total[0]}: {_quoted(total[1])}",
    )
    return {"budget.cells": cells, "budget.totals": totals}


def _totals(tables: Iterable[Mapping[int, int | None]]) -> list[tuple[int, int | None]]:
    return [(year, amount) for table in tables for year, amount in table.items()]
