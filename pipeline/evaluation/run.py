"""Find the plan or the stored record behind each gold file and score them all."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from models import PlanMeta, PlanRecord, Source
from models.base import Record
from pipeline.errors import GoldFileError, PlanError
from pipeline.evaluation.counts import Counts
from pipeline.evaluation.gold import FIELDS, load_gold
from pipeline.evaluation.score import FieldScore, PlanScore, score
from pipeline.records import read_record, record_paths

Extractor = Callable[[Path], PlanRecord]


class Evaluation(Record):
    """The scores of every (gold file, source) pair and their sum per field."""

    plans: tuple[PlanScore, ...]
    overall: tuple[FieldScore, ...]


def resolve_source(gold_path: Path, source: str) -> Path:
    """A gold source path: absolute, or relative to the nearest folder above the gold file."""
    candidate = Path(source)
    if candidate.is_absolute():
        if candidate.is_file():
            return candidate
    else:
        for folder in gold_path.resolve().parents:
            if (folder / candidate).is_file():
                return folder / candidate
    raise GoldFileError(
        gold_path,
        f"lists source '{source}', which does not exist",
        "give the path relative to the project root, e.g. corpus/plan.pdf",
    )


class OutputIndex:
    """Records already written to a folder, found by the sha256 (or name) of their source file."""

    def __init__(self, folder: Path) -> None:
        self.by_sha: dict[str, Path] = {}
        self.by_name: dict[str, Path] = {}
        for path in record_paths(folder):
            try:
                source = json.loads(path.read_text(encoding="utf-8")).get("source", {})
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
                continue  # not a record: other files may share the folder
            if isinstance(source, dict) and isinstance(source.get("sha256"), str):
                self.by_sha.setdefault(source["sha256"], path)
                self.by_name.setdefault(Path(str(source.get("path", ""))).name, path)

    def record_for(self, source: Path) -> PlanRecord:
        """The stored record of `source`: by content hash, by name when the file is absent."""
        if source.is_file():
            path = self.by_sha.get(hashlib.sha256(source.read_bytes()).hexdigest())
        else:
            path = self.by_name.get(source.name)
        if path is None:
            raise GoldFileError(source, "has no record in the outputs folder", "run `ivp extract` on it first")
        return read_record(path)


def evaluate(
    gold_paths: Iterable[str | Path],
    outputs: Path | None = None,
    extractor: Extractor | None = None,
) -> Evaluation:
    """Score each gold file against each of its sources, extracted now or read from `outputs`."""
    index = OutputIndex(outputs) if outputs is not None else None
    if extractor is None and index is None:
        from pipeline.compose import extract

        extractor = extract
    plans: list[PlanScore] = []
    for gold_path in map(Path, gold_paths):
        gold = load_gold(gold_path)
        for source in gold.sources:
            if index is not None:
                record = index.record_for(_source_or_name(gold_path, source))
                plans.append(score(gold, record, gold_path=str(gold_path), source=source))
                continue
            assert extractor is not None
            path = resolve_source(gold_path, source)
            try:
                record = extractor(path)
            except PlanError as error:
                # A plan that cannot be extracted scores as an empty record, and says why.
                failed = score(gold, _empty_record(path), str(gold_path), source, error=str(error))
                plans.append(failed)
                continue
            plans.append(score(gold, record, gold_path=str(gold_path), source=source))
    return Evaluation(plans=tuple(plans), overall=overall(plans))


def overall(plans: Iterable[PlanScore]) -> tuple[FieldScore, ...]:
    """Counts summed per field over all plans (micro-averaged scores)."""
    totals = {name: Counts() for name in FIELDS}
    noted: dict[str, str] = {}
    for plan in plans:
        for field in plan.fields:
            totals[field.field] = totals[field.field] + field.counts
            if field.note:
                noted.setdefault(field.field, field.note)
    return tuple(FieldScore(field=name, counts=totals[name], note=noted.get(name)) for name in FIELDS)


def _empty_record(path: Path) -> PlanRecord:
    return PlanRecord(
        pipeline_version="",
        source=Source(path=str(path), sha256="", format=""),
        plan=PlanMeta(),
        text="",
    )


def _source_or_name(gold_path: Path, source: str) -> Path:
    try:
        return resolve_source(gold_path, source)
    except GoldFileError:
        return Path(source)  # matched by name among the stored records
