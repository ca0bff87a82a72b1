"""The shortcuts of the budget reader give exactly what a label-by-label comparison gives."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from models import Theme
from pipeline.extractors.budget_links import LABEL_CUTOFF, TITLE_CUTOFF, _best_label, comparable, resolve
from pipeline.numbers import AmountError, Cell, Unit, read_cell, read_scaled_cell
from tests.budget_documents import themes

# Words of budget labels and their misspellings, so that scores fall on both sides of the cutoffs.
WORDS = st.sampled_from(
    [
        "veilige", "veilig", "wijken", "wijk", "evenementen", "evenement", "en", "horeca", "horecca",
        "ondermijning", "ondermijnig", "openbare", "orde", "brandweerzorg", "brandweer", "zorg",
        "intelligence", "aanpak", "multiproblematiek", "fysieke", "leefomgeving", "&", "-", "",
    ]
)  # fmt: skip
LABELS = st.lists(WORDS, max_size=5).map(" ".join)


def plain_best_label(printed: str, labels: Sequence[str], whole: bool) -> int | None:
    """Every label scored on its own against the text (or its first words), the first best kept."""
    best: tuple[float, int] | None = None
    words = printed.split()
    for index, label in enumerate(labels):
        wanted = comparable(label)
        if not wanted:
            continue
        candidate = printed if whole else " ".join(words[: len(wanted.split())])
        score = fuzz.ratio(wanted, candidate)
        if score >= LABEL_CUTOFF and (best is None or score > best[0]):
            best = (score, index)
    return best[1] if best else None


def plain_resolve(number: str | None, title: str | None, plan: Sequence[Theme]) -> tuple[Theme | None, str | None]:
    """Every theme title scored on its own, ties decided by the number, then by place."""
    if title:
        scores = [fuzz.ratio(comparable(title), comparable(theme.title)) for theme in plan]
        top = max(scores, default=0.0)
        if top >= TITLE_CUTOFF:
            tied = [theme for theme, score in zip(plan, scores, strict=True) if score == top]
            return next((theme for theme in tied if theme.number == number), tied[0]), "title"
    if number:
        for theme in plan:
            if theme.number is not None and theme.number.rstrip(".") == number:
                return theme, "number"
    return None, None


@settings(max_examples=300)
@given(st.lists(LABELS, max_size=8), LABELS, st.booleans())
def test_best_label_is_that_of_a_label_by_label_comparison(labels: list[str], text: str, whole: bool) -> None:
    printed = comparable(text)
    assert _best_label(printed, labels, whole) == plain_best_label(printed, labels, whole)


@settings(max_examples=300)
@given(st.lists(LABELS, min_size=1, max_size=6), LABELS, st.sampled_from([None, "1", "2", "3"]))
def test_resolve_is_that_of_a_title_by_title_comparison(titles: list[str], title: str, number: str | None) -> None:
    plan = themes(*titles)
    assert resolve(number, title, plan) == plain_resolve(number, title, plan)


def test_a_score_right_at_the_cutoff_still_matches() -> None:
    # 20 letters against 20 with 3 changed places: 1 - 6 / 40 = 0.85, exactly the cutoff.
    label, text = "abcdefghijklmnopqrst", "abcdefghijklmnopqxyz"
    assert fuzz.ratio(label, text) == LABEL_CUTOFF == TITLE_CUTOFF
    assert _best_label(text, [label], whole=True) == 0
    assert resolve(None, text, themes(label))[1] == "title"


def test_equal_scores_go_to_the_first_label_whatever_its_length() -> None:
    # 'veilige wijk' (two words) and 'veilige' (one word) both match the text's start in full.
    labels = ["Veilige wijken en meer", "Veilige wijk", "Veilige"]
    assert _best_label("veilige wijk in de stad", labels, whole=False) == 1
    assert _best_label("veilige wijk in de stad", labels[::-1], whole=False) == 0


# Cells as printed: numbers in either notation, signs, brackets, currency, blanks and scale words.
CELL_PIECES = st.sampled_from(
    ["0", "1", "5", "12", "848", "15", ".", ",", "407", "000", "-", "–", "−", "+", "(", ")", "€", "EUR",
     "euro", " ", "\u00a0", "mln", "k", "Mln.", "duizend", "x", "٣"]
)  # fmt: skip
CELL_TEXTS = st.lists(CELL_PIECES, max_size=7).map("".join)


def reading(read: Callable[[str], Cell], text: str) -> tuple[str | None, Unit | None] | str:
    """What a reader makes of a cell; the value as a string, so that 15.0 and 15 differ."""
    try:
        cell = read(text)
    except AmountError:
        return "error"
    return (None if cell.value is None else str(cell.value), cell.unit)


@settings(max_examples=500)
@given(CELL_TEXTS)
def test_a_bare_number_reads_as_the_general_reading_reads_it(text: str) -> None:
    assert reading(read_cell, text) == reading(read_scaled_cell, text)


def test_bare_numbers_keep_their_sign_scale_and_decimals() -> None:
    assert read_cell("-71") == Cell(Decimal("-71.0"), None)
    assert str(read_cell("15.407").value) == "15407.0"
    assert str(read_cell("1.234,56").value) == "1234.56"
    assert str(read_cell("12.34").value) == "12.34"  # a decimal point: the general reading
    assert read_cell("2,5 mln") == Cell(Decimal("2.5"), Unit("mln", 1_000_000))


def plain_comparable(text: str) -> str:
    """Casefolded, '&' as 'en', every run of non-word characters one space, ends trimmed."""
    text = text.casefold().replace("&", " en ")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | LABELS)
def test_comparable_is_the_text_with_non_word_runs_as_one_space(text: str) -> None:
    assert comparable(text) == plain_comparable(text)


def test_comparable_flattens_case_marks_and_ampersands() -> None:
    assert comparable("  Zorg & Veiligheid (ZVH)\u00a0– Straße ") == "zorg en veiligheid zvh strasse"

