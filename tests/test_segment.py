"""Heading numbering styles of Dutch plans, and the outline inferred from them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.labels import (
    LEADING_WORDS,
    NOT_LABEL_CHARS,
    _label_chars,
    _label_words,
    is_front_matter,
    is_period_line,
    labels,
    part_of,
    tier_of,
)
from pipeline.segment import parse_heading, strip_tier_prefix


@pytest.mark.parametrize(
    ("heading", "number", "title", "style"),
    [
        ("1. Ondermijning", "1", "Ondermijning", "num:1"),
        ("3.1 Prioriteit 1: Ondermijning", "3.1", "Prioriteit 1: Ondermijning", "num:2"),
        ("1.1. Inleiding", "1.1", "Inleiding", "num:2"),
        ("7.2.a. Cameratoezicht", "7.2.a", "Cameratoezicht", "num:3"),
        ("0. Samenvatting", "0", "Samenvatting", "num:1"),
        ("01 VOORWOORD", "01", "VOORWOORD", "num:1"),
        ("§ 2.1 Woninginbraken", "2.1", "Woninginbraken", "num:2"),
        ("Thema A: Ondermijning", "A", "Ondermijning", "word:thema"),
        ("Thema C – Huiselijk geweld", "C", "Huiselijk geweld", "word:thema"),
        ("Hoofdstuk 1: Inleiding", "1", "Inleiding", "word:hoofdstuk"),
        ("AANDACHTSGEBIED 1: JEUGD", "1", "JEUGD", "word:aandachtsgebied"),
        ("Thema 3 – Zorg en veiligheid", "3", "Zorg en veiligheid", "word:thema"),
        ("IV. Financiën", "IV", "Financiën", "roman"),
        ("II Uitvoering", "II", "Uitvoering", "roman"),
        ("B. Veilig uitgaan", "B", "Veilig uitgaan", "letter"),
        ("Wat willen we bereiken?", None, "Wat willen we bereiken?", "plain"),
        (
            "Ondermijnende criminaliteit een halt toeroepen",
            None,
            "Ondermijnende criminaliteit een halt toeroepen",
            "plain",
        ),
    ],
)
def test_numbering_styles(heading: str, number: str | None, title: str, style: str) -> None:
    parsed = parse_heading(heading)
    assert (parsed.number, parsed.title, parsed.style) == (number, title, style)


@pytest.mark.parametrize(
    ("title", "stripped", "tier"),
    [
        ("Prioriteit 1: Ondermijning", "Ondermijning", "Prioriteit"),
        ("Speerpunt 2 - Jeugd", "Jeugd", "Speerpunt"),
        ("Ondermijning", "Ondermijning", None),
    ],
)
def test_tier_prefix(title: str, stripped: str, tier: str | None) -> None:
    assert strip_tier_prefix(title) == (stripped, tier)


@pytest.mark.parametrize(
    ("heading", "front"),
    [("Voorwoord", True), ("01 VOORWOORD", True), ("1.2 Inleiding", True), ("02 Ondermijning", False)],
)
def test_front_matter_with_or_without_numbering(heading: str, front: bool) -> None:
    assert is_front_matter(heading) is front


@pytest.mark.parametrize(
    ("rest", "period"),
    [("Looptijd ", True), ("Planperiode: ", True), (" ", True), ("Veiligheidsplan Ede ", False)],
)
def test_period_line_is_a_label_and_years_only(rest: str, period: bool) -> None:
    assert is_period_line(rest) is period


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Wat willen we bereiken?", "ambitie"),
        # Long texts are ruled out from their opening words; punctuation and spaces count for nothing.
        ("Opgave" + " !" * 300, "opgave"),
        ("De aanpak" + "." * 400 + " " * 200, "aanpak"),
        ("Opgave " + "Inbraken nemen toe in de wijken rond het centrum. " * 8, None),
        ("Aanpak: " + "x" * 600, None),
    ],
)
def test_part_label_in_long_text(text: str, part: str | None) -> None:
    assert part_of(text) == part


def test_tier_label_after_a_long_run_of_punctuation() -> None:
    assert tier_of("Kernthema’s" + " –" * 200) == "core"
    assert tier_of("Kernthema's " + "en prioriteiten " * 20) is None


# Printable ASCII (where the translation table stands in for the regex), other white space,
# curly quotes and accented letters (where the regex still runs).
LABEL_TEXT = st.text(alphabet=st.characters(max_codepoint=127) | st.sampled_from("’éËİ\u00a0\u2028–ß"), max_size=60)


def _plain_label_words(text: str) -> str:
    """`_label_words` as first written: replace, lower, the regex, and collapse the white space."""
    return " ".join(NOT_LABEL_CHARS.sub(" ", text.replace("’", "'").lower()).split())


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Wat willen we bereiken?", "wat willen we bereiken"),
        ("  KERNTHEMA'S:\t(2023-2026)  ", "kernthema's 2023-2026"),
        ("Thema’s & speerpunten_1", "thema's speerpunten_1"),
        ("Financiën; Ë", "financiën ë"),
    ],
)
def test_label_words(text: str, words: str) -> None:
    assert _label_words(text) == words


@given(LABEL_TEXT)
def test_label_words_as_the_regex_makes_them(text: str) -> None:
    words = _plain_label_words(text)
    assert _label_words(text) == words
    assert _label_chars(text) == len(words.replace(" ", ""))


@given(LABEL_TEXT, st.sampled_from(["", "Opgave", "Wat willen we bereiken? ", "De aanpak:", "Kernthema’s"]))
def test_labels_of_long_texts_as_of_their_whole_words(filler: str, label: str) -> None:
    # The opening characters may rule a long text out only where its whole label words do.
    text = label + filler * 4
    assert part_of(text) == _part_names().get(_plain_label(text))
    assert tier_of(text) == _tier_names().get(_plain_label(text))


def _plain_label(text: str) -> str:
    return LEADING_WORDS.sub("", _plain_label_words(text)).strip()


def _part_names() -> dict[str, str]:
    return {_plain_label(label): name for name, labels in labels().parts.items() for label in labels}


def _tier_names() -> dict[str, str]:
    return {_plain_label(label): name for name, labels in labels().tiers.items() for label in labels}
