"""The amended plan as Word gives the same plan as the markdown it was rendered from."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import PlanRecord
from pipeline import extract

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# pandoc typesets straight quotes as curly ones when it writes Word: same text, other characters.
TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def same_text(text: str | None) -> str | None:
    return None if text is None else " ".join(text.translate(TYPOGRAPHIC).split())


def plan(record: PlanRecord) -> list[tuple[object, ...]]:
    """What must not depend on the file format: themes, their parts and pillars."""
    return [
        (
            theme.number,
            theme.title,
            same_text(theme.opgave.text if theme.opgave else None),
            same_text(theme.ambitie.text if theme.ambitie else None),
            tuple((pillar.number, same_text(pillar.title), same_text(pillar.text)) for pillar in theme.pillars),
        )
        for theme in record.themes
    ]


@pytest.fixture(scope="module")
def records() -> tuple[PlanRecord, PlanRecord]:
    stem = CORPUS / "nijmegen-ivp-2022-2026-amended"
    return extract(stem.with_suffix(".md")), extract(stem.with_suffix(".docx"))


def test_docx_and_markdown_give_the_same_themes(records: tuple[PlanRecord, PlanRecord]) -> None:
    markdown, word = records
    assert [theme.title for theme in word.themes][:3] == ["Aanpak van discriminatie", "Ondernijning", "Veilige wijken"]
    assert len(word.themes) == 11
    assert plan(word) == plan(markdown)


def test_docx_and_markdown_give_the_same_footnotes(records: tuple[PlanRecord, PlanRecord]) -> None:
    markdown, word = records
    assert [(note.number, same_text(note.text)) for note in word.footnotes] == [
        (note.number, same_text(note.text)) for note in markdown.footnotes
    ]
    assert [note.number for note in word.footnotes] == [1, 2]
