"""Glue shared by the spaCy extractor components: results and findings on the Doc."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.extractors.scan import Scan
from pipeline.spans import PAGES_KEY, TEXT_KEY, Locator

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from models import Finding

FINDINGS = "ivp_findings"
SCAN_KEY = "ivp_scan"


def ensure_extension(name: str) -> None:
    """Register `Doc._.<name>` once, defaulting to an empty tuple."""
    from spacy.tokens import Doc

    if not Doc.has_extension(name):
        Doc.set_extension(name, default=())


def locator(doc: Doc) -> Locator:
    """A span factory for `doc` with pages when the pipeline supplied them; `.text` is `doc.text`.

    The text is kept in `doc.user_data` (`pipeline.nlp.run` puts it there), because `doc.text`
    rebuilds the string from every token each time it is read and every component needs it.
    """
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return Locator(text, doc.user_data.get(PAGES_KEY, ()))


def text_scan(doc: Doc) -> Scan:
    """The lowered text and word set of `doc`, made by the first component that asks and kept for the rest."""
    scan = doc.user_data.get(SCAN_KEY)
    if not isinstance(scan, Scan):
        scan = doc.user_data[SCAN_KEY] = Scan.of(locator(doc).text)
    return scan


def store(doc: Doc, name: str, items: tuple[Any, ...], findings: tuple[Finding, ...] = ()) -> Doc:
    """Put a component's items on `doc._.<name>` and add its findings."""
    ensure_extension(name)
    ensure_extension(FINDINGS)
    doc._.set(name, items)
    doc._.set(FINDINGS, tuple(doc._.get(FINDINGS)) + tuple(findings))
    return doc


def organisation_mentions(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every organisation mention found earlier in the pipeline."""
    return sorted(
        (mention.span.start, mention.span.end, organisation.name)
        for organisation in getattr(doc._, "ivp_organisations", ())
        for mention in organisation.mentions
    )
