"""Word search in any letter case: the same places and matches as a case-insensitive regex scan."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks.themes import RANGE, THEMAS
from pipeline.extractors.metadata import JOINT, PERIOD, joint_match, period_matches
from pipeline.extractors.themes import TIER_RANGE
from pipeline.word_search import matches_from, occurrences, occurrences_of_each, word_starts


def test_every_letter_case_is_found_after_characters_beyond_latin_1() -> None:
    # '’' and '–' are no Latin-1 characters; offsets still count characters, not bytes.
    text = "’Thema – THEMA’s, tHeMa en thema's"
    assert word_starts("thema", text) == [1, 9, 18, 27]


def test_a_word_inside_a_longer_word_counts_and_overlaps_are_all_found() -> None:
    assert word_starts("thema", "kernthema themathema") == [4, 10, 15]
    assert word_starts("aa", "aAaa") == [0, 1, 2]


@pytest.mark.parametrize("word", ["Thema", "kern", "plus", "lid", "thema's", ""])
def test_words_with_letters_that_have_non_ascii_cases_are_refused(word: str) -> None:
    # 'ſ' matches 's' and the Kelvin sign matches 'k' under re.IGNORECASE; upper case is not a word form.
    with pytest.raises(ValueError, match="only lower-case ASCII letters other than i, k, s"):
        word_starts(word, "De thema's")


def test_matches_from_skips_starts_inside_an_earlier_match() -> None:
    pattern = re.compile(r"ab\w*")
    assert [m.span() for m in matches_from(pattern, "abab x ab", [0, 2, 7])] == [(0, 4), (7, 9)]


FRAGMENTS = ["thema", "Thema", "THEMA", "tHeMa", "'s", "’s", "s", "ſ", "S", "en", "1", "6", "12", "t/m",
             "tot en met", "t.m.", "-", "–", " ", "\n", "İ", "K", "é", "€", "prioriteit", "x"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30), st.sampled_from(["", " "]))
def test_the_theme_patterns_match_as_a_whole_text_scan_does(parts: list[str], separator: str) -> None:
    text = separator.join(parts)
    starts = word_starts("thema", text)
    for pattern in (TIER_RANGE, RANGE, THEMAS):
        expected = [match.span() for match in pattern.finditer(text)]
        assert [match.span() for match in matches_from(pattern, text, starts)] == expected


def test_occurrences_are_exact_and_may_overlap() -> None:
    assert occurrences("aa", "aaa Aa") == [0, 1]
    assert occurrences("Wlv", "de Wlv, WLV en Wlv") == [3, 15]


YEAR_FRAGMENTS = ["2022", "2026", "1999", "20", "19", "2019", "202", "x2022", "-", "–", "/", "t/m", "tot",
                  "tot en met", " ", "\n", "1", "a", "_"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(YEAR_FRAGMENTS), max_size=20), st.sampled_from(["", " "]))
def test_periods_are_found_as_a_whole_text_scan_finds_them(parts: list[str], separator: str) -> None:
    text = separator.join(parts)
    assert [m.span() for m in period_matches(text)] == [m.span() for m in PERIOD.finditer(text)]


JOINT_FRAGMENTS = ["gemeenten", "Gemeenten", "GEMEENTEN", "emeenten", "xgemeenten", "_Gemeenten", "Berg",
                   "Heumen", "Wijchen", ",", ", ", " en ", "en", " ", "\n", "de", "gemeente"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(JOINT_FRAGMENTS), max_size=20), st.sampled_from(["", " "]))
def test_joint_municipalities_are_found_as_a_whole_text_search_finds_them(parts: list[str], separator: str) -> None:
    text = separator.join(parts)
    found, expected = joint_match(text), JOINT.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_a_period_and_joint_municipalities_in_prose() -> None:
    text = "Plan 2019 en 2022-2026; de gemeenten Beuningen, Heumen en Wijchen werken samen (x2022 - 2024)."
    assert [m.group() for m in period_matches(text)] == ["2022-2026"]
    found = joint_match(text)
    assert found is not None and found.group("list") == "Beuningen, Heumen en Wijchen"


NEEDLES = st.lists(st.text(alphabet="wetaW", min_size=1, max_size=5), max_size=6)


@settings(max_examples=300, deadline=None)
@given(NEEDLES, st.text(alphabet="wetaW ", max_size=40))
def test_needles_inside_other_needles_are_found_as_by_a_search_of_their_own(needles: list[str], text: str) -> None:
    assert occurrences_of_each(needles, text) == {needle: occurrences(needle, text) for needle in needles}


def test_a_needle_found_through_a_shorter_one_it_holds() -> None:
    text = "politiewet, wetwet en de Omgevingswet"
    found = occurrences_of_each(["wet", "politiewet", "wetwet", "ewe"], text)
    assert found == {"wet": [7, 12, 15, 34], "politiewet": [0], "wetwet": [12], "ewe": [6]}
