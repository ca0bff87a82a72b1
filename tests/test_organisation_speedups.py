"""The shortcuts of the organisation recogniser find exactly what the plain scans find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors.names import WORD, capitalised_runs, run_pattern
from pipeline.extractors.organisation_resources import build_resources, is_compound_head
from pipeline.extractors.organisations import bare_name_pattern, head_places, lower_head_before
from pipeline.extractors.scan import Scan
from pipeline.word_search import occurrences, occurrences_of_each

RESOURCES = build_resources()
# Words around the head words and suffixes, with the letters and marks that make word ends odd:
# hyphens, apostrophes, '&', tabs, line breaks, 'İ' (lowers to two characters), the Kelvin sign.
PIECES = st.sampled_from(
    [
        "Team", "team", "teams", "TEAMS", "Buurtteam", "buurtteams", "Stichting", "stichting",
        "Expertisecentrum", "kenniscentrum", "Dienst", "dienst", "Politiehuis", "thuis", "Bureau",
        "platform", "Netwerk", "vereniging", "Handhaving", "Jeugd", "Zuid", "de", "en", "van",
        "Zorg", "Wijkteams-", "team\tJeugd",
        "İ", "K", "\u212a", "ſ", "'s", "’", "-", "&", " ", "  ", "\t", "\n", ".", "(", "x",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def exact_single(text: str, word: str, start: int) -> bool:
    """The test of add_head_word_names for a run of one word, without its look-up sets."""
    suffixes, heads = RESOURCES.head_suffixes, RESOURCES.lower_case_heads
    if word.lower().rstrip("-").endswith(suffixes) and is_compound_head(word, RESOURCES):
        return True
    before = text[max(0, start - 40) : start].rstrip(" \t\n").lower()
    return before.endswith(heads) and lower_head_before(text, start, RESOURCES) is not None


@settings(max_examples=300)
@given(TEXTS)
def test_head_places_hold_every_single_word_the_exact_test_keeps(text: str) -> None:
    suffix_ends, after_heads = head_places(Scan.of(text).lower, RESOURCES.head_suffixes, RESOURCES.lower_case_heads)
    for run, _ in capitalised_runs(text, RESOURCES.connectors, lambda word, start: True):
        for word in run:
            if exact_single(text, word.text, word.start):
                assert word.end in suffix_ends or word.start in after_heads


def test_head_places_of_a_suffix_and_a_lower_case_head() -> None:
    lower = Scan.of("het team\tHandhaving en de Buurtteams- en Wijkteams").lower
    suffix_ends, after_heads = head_places(lower, ("team", "teams"), ("team",))
    assert after_heads == {9}  # 'Handhaving', after 'team' and a tab
    assert {8, 36, 37, 50} <= suffix_ends  # the ends of 'team', 'Buurtteams', 'Buurtteams-', 'Wijkteams'


@given(TEXTS)
def test_a_run_of_one_word_is_a_word(text: str) -> None:
    for match in run_pattern(RESOURCES.connectors).finditer(text):
        assert (match.start("more") < 0) == (WORD.fullmatch(match.group()) is not None)


@given(st.lists(st.text("abé ", min_size=1, max_size=4), max_size=6), st.text("abé ", max_size=400))
def test_occurrences_of_each_are_every_occurrence(needles: list[str], haystack: str) -> None:
    starts = occurrences_of_each(needles, haystack)
    assert starts == {needle: occurrences(needle, haystack) for needle in needles}


def test_a_longer_needle_is_found_where_a_shorter_one_stands() -> None:
    haystack = "veilig thuis, veiligheidshuis en veiligheidsregio" + " " * 2000
    starts = occurrences_of_each(["veiligheidshuis", "veilig", "heidsregio"], haystack)
    assert starts == {"veilig": [0, 14, 33], "veiligheidshuis": [14], "heidsregio": [39]}


NAME_PIECES = st.sampled_from(
    ["Portaal", "Woon", "Wonen", "Talis", "Stek", "-", "&", "_", "x", "1", " ", "  ", "\t", "\n", ".", "(", "é"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(NAME_PIECES, max_size=25).map("".join), st.sampled_from(["Portaal", "Woon Stek", "Talis Wonen", "P"]))
def test_bare_name_pattern_finds_what_a_look_behind_first_finds(text: str, name: str) -> None:
    spaced = r"\s+".join(re.escape(word) for word in name.split())
    plain = re.compile(rf"(?<![\w&-]){spaced}(?![\w&-])")
    assert [m.span() for m in bare_name_pattern(name).finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_bare_name_pattern_on_whole_names_only() -> None:
    text = "Portaal en Portaal-Noord, xPortaal, &Portaal, Woon\nStek en Woon  Stekker.\nPortaal"
    assert [m.group() for m in bare_name_pattern("Portaal").finditer(text)] == ["Portaal", "Portaal"]
    assert [m.start() for m in bare_name_pattern("Portaal").finditer(text)] == [0, len(text) - 7]
    assert [m.group() for m in bare_name_pattern("Woon Stek").finditer(text)] == ["Woon\nStek"]
