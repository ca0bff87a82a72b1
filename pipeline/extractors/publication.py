"""Publication data of a plan (CVDR): the `Publication` record and the linked legal basis."""

from __future__ import annotations

from functools import cache

from models import LegalBasis, Publication
from pipeline.extractors.law_names import LawNames
from pipeline.extractors.law_table import load_law_table
from pipeline.extractors.legal_references import find_legal_references
from pipeline.spans import Locator

# Loader metadata key -> Publication field.
FIELDS = {
    "official_title": "official_title",
    "citation_title": "citation_title",
    "organisation": "organisation",
    "adopted_by": "adopted_by",
    "subject": "subject",
    "in_force_date": "in_force_date",
    "signed_date": "signed_date",
    "publication": "announcement",
    "publication_url": "announcement_url",
    "cvdr_id": "cvdr_id",
}


def publication(metadata: dict[str, str]) -> Publication | None:
    """The publication the loader found (e.g. a CVDR metadata block), or None.

    A council decision alone names the adopting body but is no publication.
    """
    values = {field: metadata[key] for key, field in FIELDS.items() if metadata.get(key)}
    return Publication.model_validate(values) if set(values) - {"adopted_by"} else None


def legal_basis(metadata: dict[str, str]) -> tuple[LegalBasis, ...]:
    """The stated legal bases; each law the packaged law table knows is linked to its BWB id.

    A stated basis that cites several laws ("artikel 38b Politiewet 2012 en artikel 3a Wet
    veiligheidsregio's") gives one entry per law; one that names no known law stays as printed.
    """
    stated = [part.strip() for part in metadata.get("legal_basis", "").split(";") if part.strip()]
    bases: list[LegalBasis] = []
    for text in stated:
        references, _ = find_legal_references(text, Locator(text), _law_names())
        known = [reference for reference in references if reference.kind != "unknown"]
        if not known:
            bases.append(LegalBasis(text=text))
        for reference in known:
            bases.append(
                LegalBasis(
                    text=reference.text if len(known) > 1 else text,
                    law=reference.law,
                    bwb_id=reference.bwb_id,
                    article=reference.article,
                    url=reference.url,
                )
            )
    return tuple(dict.fromkeys(bases))


@cache
def _law_names() -> LawNames:
    return LawNames(load_law_table())
