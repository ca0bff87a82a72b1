"""Properties over arbitrary text: no exception, spans quote the text, themes never overlap."""

from __future__ import annotations

import hashlib
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import LoadedDocument, RawLine, Source
from pipeline.extractors.plan import extract_record
from pipeline.normalise import normalise
from pipeline.segment import segment
from pipeline.validate import validate
from tests.conftest import all_spans

PLAN_WORDS = st.sampled_from(
    [
        "1. Ondermijning",
        "▪ Opgave",
        "Ambitie:",
        "➢ Preventie",
        "Kernthema's",
        "II. Financiën",
        "Onze aanpak berust op drie pijlers:",
        "1. Preventie.",
        "2. Samenwerking.",
        "TOTAAL  16.848  17.198  1.000",
        "Gelderland-Zuid1",
        "1 Noot.",
        "-",
        "",
        " ",
        "\f",
        "9",
    ]
)
LINES = st.lists(st.one_of(PLAN_WORDS, st.text(max_size=60)), max_size=40)


def record_for(lines: list[str], wrapped: bool) -> object:
    text = "\n".join(lines)
    source = Source(path="hypothesis.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), format="txt")
    loaded = LoadedDocument(
        source=source,
        lines=tuple(
            RawLine(text=line, kind="text" if line.strip() else "blank", page=1 + index // 10, wrapped=wrapped)
            for index, line in enumerate(lines)
        ),
    )
    document = normalise(loaded)
    return validate(extract_record(document, segment(document)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=LINES, wrapped=st.booleans())
def test_any_text_gives_a_record_whose_spans_quote_its_text(lines: list[str], wrapped: bool) -> None:
    record = record_for(lines, wrapped)
    for span in all_spans(record):
        assert record.text[span.start : span.end] == span.quote  # type: ignore[attr-defined]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=LINES)
def test_themes_never_overlap(lines: list[str]) -> None:
    record = record_for(lines, True)
    spans = sorted((theme.span.start, theme.span.end) for theme in record.themes)  # type: ignore[attr-defined]
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start
