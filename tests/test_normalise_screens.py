"""The quick string tests in front of the normaliser's regexes answer exactly as the regexes do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
