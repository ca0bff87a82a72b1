"""Organisations, partner types, referenced documents, people (stub, see issue 5)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from pipeline.extractors.component import store

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTENSION = "ivp_organisations"


class OrganisationRecognizer:
    """spaCy component: sets `doc._.ivp_organisations`."""

    def __call__(self, doc: Doc) -> Doc:
        return store(doc, EXTENSION, ())


@Language.factory("ivp_organisations")
def make_organisation_recognizer(nlp: Language, name: str) -> OrganisationRecognizer:
    return OrganisationRecognizer()
