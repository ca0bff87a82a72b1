"""Precision and recall of legal references on hand-annotated sentences.

Usage: python benchmarks/legal_eval.py benchmarks/annotations/heldout-legal.json

A reference is right when it covers the printed name the annotator marked, with the
right law (and a BWB id or local kind, not an unknown name); "all parts" also needs
the article, lid and sub.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from models import LegalReference
from pipeline.extractors.law_names import LawNames
from pipeline.extractors.law_table import load_law_table
from pipeline.extractors.legal_references import find_legal_references
from pipeline.spans import Locator


def anchors(text: str, gold: list[dict[str, Any]]) -> list[int]:
    """Where each annotated name is printed; articles cited with one name share its place."""
    places, position = [], 0
    for item in gold:
        at = text.find(item["printed"], position)
        if at < 0:
            at = text.rindex(item["printed"], 0, position)
        places.append(at)
        position = at + len(item["printed"])
    return places


def match(gold: dict[str, Any], at: int, found: list[LegalReference], used: set[int]) -> int | None:
    """The found reference for one annotated one: same law at the same place, same article if any is."""
    candidates = [
        index
        for index, reference in enumerate(found)
        if index not in used
        and reference.span.start <= at < reference.span.end
        and reference.law == gold["law"]
        and reference.kind != "unknown"
    ]
    same_article = [index for index in candidates if found[index].article == gold["article"]]
    return (same_article or candidates or [None])[0]


def evaluate(cases: list[dict[str, Any]]) -> list[str]:
    """Report lines: the misses and extras, then the figures."""
    names = LawNames(load_law_table())
    lines: list[str] = []
    gold_count = found_count = law_right = all_right = 0
    for case in cases:
        text, gold = case["text"], case["references"]
        found = list(find_legal_references(text, Locator(text), names)[0])
        used: set[int] = set()
        for item, at in zip(gold, anchors(text, gold), strict=True):
            index = match(item, at, found, used)
            if index is None:
                lines.append(f"missed {item['law']} {item['article']} in {text!r}")
                continue
            used.add(index)
            law_right += 1
            reference = found[index]
            parts = (reference.article, reference.paragraph, reference.sub)
            if parts == (item["article"], item["paragraph"], item["sub"]):
                all_right += 1
            else:
                lines.append(f"wrong article/lid/sub {parts} for {item} in {text!r}")
        extra = [reference for index, reference in enumerate(found) if index not in used]
        lines += [f"extra {reference.law} {reference.article} {reference.text!r}" for reference in extra]
        gold_count += len(gold)
        found_count += len(found)
    lines.append(
        f"{gold_count} references, {found_count} found; law right {law_right}: "
        f"P {law_right / found_count:.2f} R {law_right / gold_count:.2f}; "
        f"law, article, lid and sub right {all_right}: P {all_right / found_count:.2f} R {all_right / gold_count:.2f}"
    )
    return lines


def main(paths: list[str]) -> None:
    for path in paths:
        print(f"== {path}")
        for line in evaluate(json.loads(Path(path).read_text(encoding="utf-8"))["cases"]):
            print("  " + line)


if __name__ == "__main__":
    main(sys.argv[1:])
