"""Precision and recall of organisations, partner types, documents and people against hand annotations.

Usage: python benchmarks/references_eval.py benchmarks/annotations/*.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pipeline import extract
from pipeline.errors import PlanError
from pipeline.extractors.documents import find_documents
from pipeline.extractors.organisations import recognise
from pipeline.extractors.people import find_people
from pipeline.load import load
from pipeline.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.2f}" if whole else "n/a"


def plan_items(path: Path) -> tuple[Any, Any, Any, Any]:
    """Organisations, partner types, documents, people of one plan file, as the pipeline makes them."""
    try:
        record = extract(path)
        return record.organisations, record.partner_types, record.referenced_documents, record.people
    except PlanError:
        raise
    except Exception:  # a plain text file outside the loaders' reach: run the extractors directly
        text = normalise(load(path)).text
        organisations, partners = recognise(text)
        makers = sorted((m.span.start, m.span.end, o.name) for o in organisations for m in o.mentions)
        return organisations, partners, find_documents(text, makers=makers), find_people(text)


def evaluate(annotation: dict[str, Any], path: Path) -> list[str]:
    """One report line per measure for one plan."""
    organisations, partners, documents, people = plan_items(path)
    gold = annotation["organisations"]
    accepted = {name.casefold(): key for key, item in gold.items() for name in item["accept"]}
    matched: dict[str, int] = {}
    false_positives = []
    for organisation in organisations:
        key = accepted.get(organisation.name.casefold())
        if key is None:
            false_positives.append(organisation.name)
        else:
            matched[key] = matched.get(key, 0) + organisation.count
    true_mentions = sum(min(count, gold[key]["mentions"]) for key, count in matched.items())
    predicted_mentions = sum(organisation.count for organisation in organisations)
    gold_mentions = sum(item["mentions"] for item in gold.values())
    partner_names = {partner.name for partner in partners}
    gold_partners = set(annotation["partner_types"])
    found_documents = {(d.title, d.kind, d.year) for d in documents}
    gold_documents = {(d["title"], d["kind"], d["year"]) for d in annotation["documents"]}
    found_people = {(p.name, p.role) for p in people}
    gold_people = {(p["name"], p["role"]) for p in annotation["people"]}
    return [
        f"organisations  P {ratio(len(matched), len(organisations))}  R {ratio(len(matched), len(gold))}",
        f"  mentions     P {ratio(true_mentions, predicted_mentions)}  R {ratio(true_mentions, gold_mentions)}",
        f"  missed: {sorted(set(gold) - set(matched))}  wrong: {sorted(false_positives)}",
        f"partner types  P {ratio(len(partner_names & gold_partners), len(partner_names))}"
        f"  R {ratio(len(partner_names & gold_partners), len(gold_partners))}",
        f"  missed: {sorted(gold_partners - partner_names)}  wrong: {sorted(partner_names - gold_partners)}",
        f"documents      P {ratio(len(found_documents & gold_documents), len(found_documents))}"
        f"  R {ratio(len(found_documents & gold_documents), len(gold_documents))}",
        f"  missed: {sorted(gold_documents - found_documents, key=str)}",
        f"  wrong: {sorted(found_documents - gold_documents, key=str)}",
        f"people         P {ratio(len(found_people & gold_people), len(found_people))}"
        f"  R {ratio(len(found_people & gold_people), len(gold_people))}",
    ]


def main(paths: list[str]) -> None:
    for annotation_path in paths:
        annotation = json.loads(Path(annotation_path).read_text(encoding="utf-8"))
        for plan in annotation["plans"]:
            print(f"== {plan}")
            for line in evaluate(annotation, ROOT / plan):
                print("  " + line)


if __name__ == "__main__":
    main(sys.argv[1:])
