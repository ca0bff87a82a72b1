"""Assemble the record of one plan from all extractors (stub)."""

from __future__ import annotations

from models import Document, Outline, PlanMeta, PlanRecord
from pipeline.nlp import build_nlp, run
from pipeline.spans import page_starts
from pipeline.version import PIPELINE_VERSION


def extract_record(document: Document, outline: Outline) -> PlanRecord:
    doc = run(build_nlp(), document.text, page_starts(document))
    return PlanRecord(
        pipeline_version=PIPELINE_VERSION,
        source=document.source,
        plan=PlanMeta(),
        legal_references=tuple(doc._.ivp_legal_references),
        organisations=tuple(doc._.ivp_organisations),
        partner_types=tuple(doc._.ivp_partner_types),
        referenced_documents=tuple(doc._.ivp_referenced_documents),
        people=tuple(doc._.ivp_people),
        text=document.text,
    )
