"""Scores: true/false positive counts per field, and the mismatches behind them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Literal, TypeVar

from models.base import Record

K = TypeVar("K", bound=Hashable)
G = TypeVar("G")
F = TypeVar("F")


class Counts(Record):
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of found items that are right; 1.0 when nothing was expected or found."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        """Share of expected items that were found; 1.0 when nothing was expected or found."""
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class Mismatch(Record):
    """One difference between gold and record, phrased for the developer who fixes it."""

    field: str
    kind: Literal["missing", "extra", "wrong", "unlocated"]
    expected: str | None = None
    found: str | None = None

    def describe(self) -> str:
        """One line: field, kind, and the values involved."""
        if self.kind == "missing":
            return f"{self.field}: missing {self.expected}"
        if self.kind == "extra":
            return f"{self.field}: extra {self.found}"
        if self.kind == "unlocated":
            return f"{self.field}: gold text not found in the record text: {self.expected}"
        return f"{self.field}: expected {self.expected}, found {self.found}"


Scored = tuple[Counts, tuple[Mismatch, ...]]


def compare_multisets(field: str, expected: Iterable[K], found: Iterable[K], show: Callable[[K], str]) -> Scored:
    """Items compared as multisets: each expected item found once is a true positive."""
    gold, got = Counter(expected), Counter(found)
    mismatches: list[Mismatch] = []
    for item in sorted(set(gold) | set(got), key=lambda item: natural(show(item))):
        short, extra = gold[item] - got[item], got[item] - gold[item]
        mismatches += [Mismatch(field=field, kind="missing", expected=show(item))] * max(short, 0)
        mismatches += [Mismatch(field=field, kind="extra", found=show(item))] * max(extra, 0)
    tp = sum((gold & got).values())
    counts = Counts(tp=tp, fp=sum(got.values()) - tp, fn=sum(gold.values()) - tp)
    return counts, tuple(mismatches)


def compare_keyed(
    field: str,
    expected: Mapping[K, G],
    found: Mapping[K, F],
    *,
    same: Callable[[G, F], bool],
    show_key: Callable[[K], str],
    show_expected: Callable[[G], str],
    show_found: Callable[[F], str],
) -> Scored:
    """Values compared key by key: a wrong value is both a false positive and a false negative."""
    tp = fp = fn = 0
    mismatches: list[Mismatch] = []
    for item in sorted(set(expected) | set(found), key=lambda item: natural(show_key(item))):
        name = show_key(item)
        if item not in found:
            fn += 1
            mismatches.append(
                Mismatch(field=field, kind="missing", expected=_join(name, show_expected(expected[item])))
            )
        elif item not in expected:
            fp += 1
            mismatches.append(Mismatch(field=field, kind="extra", found=_join(name, show_found(found[item]))))
        elif same(expected[item], found[item]):
            tp += 1
        else:
            fp += 1
            fn += 1
            mismatches.append(
                Mismatch(
                    field=field,
                    kind="wrong",
                    expected=_join(name, show_expected(expected[item])),
                    found=show_found(found[item]),
                )
            )
    return Counts(tp=tp, fp=fp, fn=fn), tuple(mismatches)


def natural(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key that orders 'theme 2' before 'theme 10'."""
    return tuple((int(part), "") if part.isdigit() else (0, part) for part in re.split(r"(\d+)", text))


def _join(name: str, value: str) -> str:
    return f"{name} {value}" if name else value
