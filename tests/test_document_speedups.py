"""The shortcuts of the document recogniser find exactly what the plain regex scans find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.extractors.documents import OPENING_QUOTES, RANGE, build_patterns, own_period, starts_of
from pipeline.word_search import matches_from

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
