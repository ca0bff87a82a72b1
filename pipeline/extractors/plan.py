"""Assemble the record of one plan from the structural extractors and the spaCy components."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from models import Document, Footnote, Outline, OutlineEntry, PlanRecord
from pipeline.extractors.budget import extract_budget
from pipeline.extractors.kbv import assign_kbv
from pipeline.extractors.metadata import extract_metadata
from pipeline.extractors.themes import extract_themes
from pipeline.nlp import build_nlp, pipeline_name, run
from pipeline.normalise import TOC_KEY
from pipeline.resources import DEFAULT_RESOURCES, Resources, files_read
from pipeline.spans import Locator
from pipeline.version import PIPELINE_VERSION

# Outline entries and footnotes are validated from their fields in one call, spans included:
# a third cheaper than building each entry and each span with its own `Model(...)` call.
_OUTLINE = TypeAdapter(tuple[OutlineEntry, ...])
_FOOTNOTES = TypeAdapter(tuple[Footnote, ...])


def extract_record(document: Document, outline: Outline, resources: Resources = DEFAULT_RESOURCES) -> PlanRecord:
    """Every extractor over one normalised document; findings are added by `validate`."""
    # One locator for every extractor: its page starts are a pass over all blocks.
    locator = Locator.for_document(document)
    themes = extract_themes(document, outline, locator)
    budget, budget_findings = extract_budget(document, themes, locator)
    nlp = build_nlp(resources)
    doc = run(nlp, document.text, locator.page_starts)
    return PlanRecord(
        pipeline_version=PIPELINE_VERSION,
        nlp_pipeline=pipeline_name(nlp),
        source=document.source,
        reference_files=files_read(resources),
        plan=extract_metadata(document, outline, themes, locator),
        themes=assign_kbv(themes),
        footnotes=footnotes(document, locator),
        outline=outline_entries(document, outline, locator),
        table_of_contents=tuple(document.metadata.get(TOC_KEY, "").splitlines()),
        findings=tuple(_component_items(doc, "ivp_findings")) + budget_findings,
        legal_references=tuple(_component_items(doc, "ivp_legal_references")),
        organisations=tuple(_component_items(doc, "ivp_organisations")),
        partner_types=tuple(_component_items(doc, "ivp_partner_types")),
        referenced_documents=tuple(_component_items(doc, "ivp_referenced_documents")),
        people=tuple(_component_items(doc, "ivp_people")),
        budget=budget,
        text=document.text,
    )


def footnotes(document: Document, locator: Locator | None = None) -> tuple[Footnote, ...]:
    """The footnotes lifted out by the normaliser, with the word their marker was attached to."""
    locator = locator or Locator.for_document(document)
    result = []
    for note in document.footnotes:
        anchor = None
        if note.anchor_start is not None and note.anchor_end is not None:
            anchor = locator.fields(note.anchor_start, note.anchor_end)
        span = locator.fields(note.start, note.end)
        result.append({"number": note.number, "text": span["quote"], "span": span, "anchor": anchor})
    return _FOOTNOTES.validate_python(result)


def outline_entries(document: Document, outline: Outline, locator: Locator | None = None) -> tuple[OutlineEntry, ...]:
    """The headings of the plan, each with the span of its heading block."""
    locator = locator or Locator.for_document(document)
    blocks = document.blocks
    entries = []
    for heading in outline.headings:
        block = blocks[heading.block]
        span = locator.fields(block.start, block.end)
        entries.append({"level": heading.rank, "number": heading.number, "title": heading.title, "span": span})
    return _OUTLINE.validate_python(entries)


def _component_items(doc: Any, name: str) -> tuple[Any, ...]:
    return tuple(doc._.get(name)) if doc.has_extension(name) else ()
