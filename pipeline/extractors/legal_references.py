"""Legal references: citations of laws, linked to their BWB id (stub, see issue 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from pipeline.extractors.component import store

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTENSION = "ivp_legal_references"


class LegalReferenceRecognizer:
    """spaCy component: sets `doc._.ivp_legal_references`."""

    def __call__(self, doc: Doc) -> Doc:
        return store(doc, EXTENSION, ())


@Language.factory("ivp_legal_references")
def make_legal_reference_recognizer(nlp: Language, name: str) -> LegalReferenceRecognizer:
    return LegalReferenceRecognizer()
