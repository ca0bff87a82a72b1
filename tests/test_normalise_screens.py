"""The quick string tests in front of the normaliser's regexes answer exactly as the regexes do."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import RawLine
from pipeline.normalise.drafts import HYPHENATED_WORD, WORD, _wrapped_words
from pipeline.normalise.footnotes import FOOTNOTE_START, may_start_footnote
from pipeline.normalise.patterns import DOT_LEADER, HAS_GAP
from pipeline.normalise.screens import has_dot_leader, has_gap, single_spaced

# Plain and exotic white space, the leader characters and a few letters.
TEXT = st.text(alphabet=" \t\u00a0\u2007\u202f\u3000\x0b\x1c.…_aé€", max_size=12)


@pytest.mark.parametrize(
    ("text", "gap", "leader", "single"),
    [
        ("Inleiding 3", False, False, True),
        ("Preventie  10", True, False, False),
        ("Preventie\t10", True, False, False),
        ("Preventie\u00a0\u00a010", True, False, False),
        ("Preventie\u00a010", False, False, False),
        ("Inleiding . . . . 3", False, True, True),
        ("Inleiding....3", False, True, True),
        ("Inleiding …… 3", False, True, True),
        ("Inleiding ____ 3", False, True, True),
        ("Inleiding ... 3", False, False, True),
        (" Inleiding", False, False, False),
    ],
)
def test_screens_on_lines_of_plans(text: str, gap: bool, leader: bool, single: bool) -> None:
    assert (has_gap(text), has_dot_leader(text), single_spaced(text)) == (gap, leader, single)


@given(TEXT)
def test_screens_answer_as_the_patterns_do(text: str) -> None:
    assert has_gap(text) is (HAS_GAP.search(text) is not None)
    assert has_dot_leader(text) is (DOT_LEADER.search(text) is not None)
    assert single_spaced(text) is (" ".join(text.split()) == text)


# Letters (accented, and '²' which the pattern counts as a letter), hyphens, digits and separators.
WORDS = st.text(alphabet="ab-é²1_ ‐\n", max_size=24)
PLAIN_HYPHENATED_WORD = re.compile(r"[^\W\d_]+-[^\W\d_]+")


def test_hyphenated_words_of_a_line() -> None:
    line = "de politie-inzet en niet-gemeentelijke e-mail, 2-3 keer; veilig-heid-zorg"
    assert HYPHENATED_WORD.findall(line) == ["politie-inzet", "niet-gemeentelijke", "e-mail", "veilig-heid"]


@given(WORDS)
def test_hyphenated_words_found_as_the_plain_pattern_finds_them(text: str) -> None:
    # The pattern only starts at the start of a word; from anywhere else the plain one finds nothing either.
    assert HYPHENATED_WORD.findall(text) == PLAIN_HYPHENATED_WORD.findall(text)
    assert ("-" in text) or not HYPHENATED_WORD.findall(text)


def _plain_wrapped_words(lines: list[RawLine]) -> set[str]:
    """What `_wrapped_words` answers, the plain way: the Unicode word pattern, each word lowered."""
    words: set[str] = set()
    broken = False
    for line in lines:
        if not line.wrapped:
            continue
        tokens = WORD.findall(line.text)
        start = 1 if broken else 0
        broken = line.text.rstrip().endswith(("-", "‐"))
        words.update(word.lower() for word in tokens[start : len(tokens) - 1 if broken else None])
        words.update(compound.lower() for compound in PLAIN_HYPHENATED_WORD.findall(line.text))
    return words


# ASCII lines (which take the quick path) and lines with letters whose lower case is odd.
LINES = st.lists(
    st.tuples(st.text(alphabet="aB z-‐1_.", max_size=16) | st.text(alphabet="aBéİΣ² -‐", max_size=16), st.booleans()),
    max_size=6,
)


def test_wrapped_words_of_lines() -> None:
    lines = [RawLine(text="De Politie-inzet in veilig-", wrapped=True), RawLine(text="heid en ICT", wrapped=True)]
    words = _wrapped_words([line.text for line in lines], [line.wrapped for line in lines])
    assert words == {"de", "politie", "inzet", "politie-inzet", "in", "en", "ict"}


@given(LINES)
def test_wrapped_words_as_the_plain_way_finds_them(pairs: list[tuple[str, bool]]) -> None:
    lines = [RawLine(text=text, wrapped=wrapped) for text, wrapped in pairs]
    texts, flags = [line.text for line in lines], [line.wrapped for line in lines]
    assert _wrapped_words(texts, flags) == _plain_wrapped_words(lines)


@given(TEXT)
def test_screens_told_a_text_is_printable_answer_as_the_patterns_do(text: str) -> None:
    # The normaliser passes `printable=True` only for texts it has seen to be printable.
    if text.isprintable():
        assert has_gap(text, printable=True) is (HAS_GAP.search(text) is not None)
        assert has_dot_leader(text, printable=True) is (DOT_LEADER.search(text) is not None)
        assert single_spaced(text, printable=True) is (" ".join(text.split()) == text)


@given(st.text(alphabet=" \t\u00a0\u3000\n1²٣a.", max_size=8))
def test_a_line_the_footnote_screen_passes_over_is_no_footnote_start(text: str) -> None:
    # The screen may let through lines the pattern rejects, never the reverse.
    if FOOTNOTE_START.match(text):
        assert may_start_footnote(text)


@pytest.mark.parametrize(
    ("text", "may"), [("1 Zie de bijlage.", True), ("  12 Bron: CBS", True), ("Zie noot 1", False), ("² Bron", False)]
)
def test_the_footnote_screen_on_lines_of_plans(text: str, may: bool) -> None:
    assert may_start_footnote(text) is may
