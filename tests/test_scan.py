"""The shared scan of a plan text: its lowered text and the set of its words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.extractors.scan import WORD_RUN, Scan, words_of


def test_words_are_runs_of_word_characters() -> None:
    text = "het riec-team (riec), de_wet 2022/23 m² ½\tnaar\nhuis"
    assert words_of(text) == {"het", "riec", "team", "de_wet", "2022", "23", "m²", "½", "naar", "huis"}


@given(st.text(alphabet=st.sampled_from("aZé_-(),.²½ \t\n'’İ1"), max_size=60))
def test_words_are_what_the_regex_finds(text: str) -> None:
    assert words_of(text) == frozenset(WORD_RUN.findall(text))


def test_scan_keeps_offsets_when_lowering_would_change_them() -> None:
    plain = Scan.of("De RIEC")
    assert (plain.lower, plain.words, plain.plain) == ("de riec", {"de", "riec"}, True)
    odd = Scan.of("İzmir en RIEC")
    assert (odd.lower, odd.plain) == ("İzmir en riec", False)
    assert odd.words == {"İzmir", "en", "riec"}
