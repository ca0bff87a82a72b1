"""The quick string tests in front of the normaliser's regexes answer exactly as the regexes do."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise.drafts import HYPHENATED_WORD
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
