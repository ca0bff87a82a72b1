"""The spaCy pipeline: `nl_core_news_sm` when installed, else a blank Dutch one (tokenizer only).

Built once per process and set of reference data files. The ivp extractor components
are added by name, so any spaCy user can add them to a pipeline of their own the same way.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pipeline.resources import DEFAULT_RESOURCES, Resources

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

STATISTICAL_MODEL = "nl_core_news_sm"

# Text-level extractor components, in the order they run. Each module registers
# its factory with @Language.factory when imported.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("ivp_legal_references", "pipeline.extractors.legal_references"),
    ("ivp_organisations", "pipeline.extractors.organisations"),
    # documents and people read the organisations found before them
    ("ivp_referenced_documents", "pipeline.extractors.documents"),
    ("ivp_people", "pipeline.extractors.people"),
)


def model_available() -> bool:
    """Whether the statistical Dutch model is installed."""
    return importlib.util.find_spec(STATISTICAL_MODEL) is not None


def component_config(name: str, resources: Resources) -> dict[str, Any]:
    """The config that makes component `name` read the user's reference data files."""
    if name == "ivp_legal_references" and resources.laws is not None:
        return {"extra_laws_path": str(resources.laws)}
    if name == "ivp_organisations" and resources.organisations is not None:
        return {"gazetteers": [str(resources.organisations)]}
    return {}


def build_nlp(resources: Resources = DEFAULT_RESOURCES, use_model: bool | None = None) -> Language:
    """The shared pipeline with the user's `resources`. `use_model=None` picks the model when installed."""
    # One cache key however it is called: `lru_cache` tells `build_nlp()` from `build_nlp(DEFAULT_RESOURCES)`,
    # and a worker warmed up one way would build the pipeline again for its first plan.
    return _built_nlp(resources, use_model)


@lru_cache(maxsize=4)
def _built_nlp(resources: Resources, use_model: bool | None) -> Language:
    import importlib

    import spacy

    if use_model is None:
        use_model = model_available()
    if use_model:
        nlp = spacy.load(STATISTICAL_MODEL, exclude=["lemmatizer"])
        log.info("using spaCy model %s", STATISTICAL_MODEL)
    else:
        # No sentencizer: the ivp components read the text and offsets, never sentence boundaries.
        nlp = spacy.blank("nl")
        log.info("%s is not installed: using a blank Dutch pipeline with rule components", STATISTICAL_MODEL)
    for name, module in COMPONENTS:
        importlib.import_module(module)
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=component_config(name, resources))
    return nlp


def run(nlp: Language, text: str, page_starts: tuple[tuple[int, int], ...] = ()) -> Doc:
    """Run `nlp` over `text`, letting components resolve page numbers."""
    from pipeline.spans import PAGES_KEY, TEXT_KEY

    # A blank pipeline only tokenizes, so spaCy's memory guard for parsers does not apply.
    if len(text) >= nlp.max_length and not {"parser", "ner"} & set(nlp.pipe_names):
        nlp.max_length = len(text) + 1
    doc = nlp.make_doc(text)
    doc.user_data[PAGES_KEY] = page_starts
    doc.user_data[TEXT_KEY] = text  # the tokenizer keeps every character, so this is doc.text
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def pipeline_name(nlp: Language) -> str:
    """What a record says it was made with: 'nl_core_news_sm 3.8.0', or 'blank nl' for rules only."""
    if nlp.meta.get("name") in (None, "pipeline"):
        return f"blank {nlp.lang}"
    return f"{nlp.lang}_{nlp.meta['name']} {nlp.meta.get('version', '')}".strip()


@lru_cache(maxsize=1)
def expected_pipeline_name() -> str:
    """`pipeline_name` of the pipeline `build_nlp()` would build now, without building it."""
    if not model_available():
        return "blank nl"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{STATISTICAL_MODEL} {version(STATISTICAL_MODEL)}"
    except PackageNotFoundError:
        return STATISTICAL_MODEL
