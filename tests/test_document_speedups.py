"""The shortcuts of the document recogniser find exactly what the plain regex scans find."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors.documents import (
    OPENING_QUOTES,
    RANGE,
    build_patterns,
    candidates,
    noun_matches,
    own_period,
)
from pipeline.word_search import matches_from, starts_of

PATTERNS = build_patterns()
TEXTS = st.lists(
    st.sampled_from(
        [
            "2019", "2020", "2022", "1999", "20", "19", "202", "-", "–", " ", "\n", "1", "plan", "Nota",
            "‘", "’", "'", "“", "”", '"', "„", "Veilig", "Samen", "s", "vormt", "het", "coalitieakkoord",
            "veiligheidsplan", "a", "‘Veilig Samen’ plan", "“Samen” vormt het plan", " \"2022\" nota",
            "1999-2022", "2019 – 20",
        ]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@given(TEXTS)
def test_ranges_are_the_ones_the_regex_finds(text: str) -> None:
    found = [match.groups() for match in matches_from(RANGE, text, starts_of(("19", "20"), text))]
    assert found == RANGE.findall(text)


@given(TEXTS)
def test_quoted_titles_before_a_noun_are_the_ones_the_regex_finds(text: str) -> None:
    pattern = PATTERNS.quoted_before_noun
    found = [match.span() for match in matches_from(pattern, text, starts_of(OPENING_QUOTES, text))]
    assert found == [match.span() for match in pattern.finditer(text)]


def test_the_plan_period_of_overlapping_ranges() -> None:
    # '2019-2020' is taken first, so '2020-2023' is no range of its own, and '2021-2023' counts twice
    assert own_period("Plan 2019-2020-2023, nota 2021-2023 en 2021 – 2023") == "2021-2023"
    assert starts_of(("19", "20"), "1920 2019") == [0, 2, 5, 7]


# A noun with what may follow it: lower-case words (one opening with '÷', which [a-zà-ÿ] takes
# in), years, quotes, emphasis marks, digits, hyphens and other stops.
NOUN_TEXTS = st.lists(
    st.sampled_from(
        [
            "plan", "Veiligheidsplan", "VISIE", "begroting", "plan van aanpak", " ", "\n", "\t", "*", "_", "-",
            "2022", "2019-2022", "1999", "20", "19", "3", "‘", "’", "'", "“", "”", '"', "„", "Samen", "veilig",
            "÷x", "xx2", "van", "de", ".", ",", "(", "Kadernota", "jaarrekening",
        ]
    ),
    max_size=30,
).map("".join)  # fmt: skip
UNFILTERED = replace(PATTERNS, plain_nouns=False)


@settings(max_examples=300, deadline=None)
@given(NOUN_TEXTS)
def test_nouns_matched_only_where_a_year_or_quote_may_follow_as_everywhere(text: str) -> None:
    for start in range(len(text)):
        found = [match and match.span() for match in noun_matches(text, start, PATTERNS)]
        assert found == [match and match.span() for match in noun_matches(text, start, UNFILTERED)]
    assert list(candidates(text, PATTERNS)) == list(candidates(text, UNFILTERED))


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        # [a-zà-ÿ] also takes '÷', so '÷' opens one of the lower-case words before the year
        ("het plan van aanpak voor ÷ 2022", "plan", ["plan van aanpak voor ÷ 2022", None]),
        ("de kadernota van-de-raad 2023", "kadernota", ["kadernota van-de-raad 2023", None]),
        ("de kadernota, 2023", "kadernota", [None, None]),
        ("de visie *‘Samen’* 2022", "visie", [None, "visie *‘Samen’"]),
        ("de visie 2 ‘Samen’", "visie", [None, None]),
        # beyond the stretch looked at, the patterns themselves decide
        ("het jaarplan" + " " * 250 + "2022", "jaarplan", ["jaarplan" + " " * 250 + "2022", None]),
        ("de visie" + " " * 250 + "‘Samen’", "visie", [None, "visie" + " " * 250 + "‘Samen’"]),
    ],
)
def test_noun_matches_with_a_year_or_a_quote_after_the_noun(text: str, noun: str, expected: list[str | None]) -> None:
    start = text.index(noun)
    assert [match and match.group() for match in noun_matches(text, start, PATTERNS)] == expected
    assert [match and match.group() for match in noun_matches(text, start, UNFILTERED)] == expected
    assert PATTERNS.plain_nouns
