"""The shared scan of a plan text: its lowered text and the set of its words."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pipeline.extractors.scan import ODD_CASE_LETTERS, WORD_RUN, Scan, lowered, words_of


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


# ASCII in both cases, letters beyond it that lowering keeps ('ı', 'ß', 'ſ') or changes ('É', 'ǅ',
# the Kelvin sign to 'k'), 'İ' that lowers to two characters, 'Σ' whose lower case depends on
# its neighbours, and a lone surrogate.
LOWERING_TEXT = st.text(alphabet=st.sampled_from("aZ_1 \n’éÉıßſǅ\u212aİΣ\udcff"), max_size=40)


@given(LOWERING_TEXT)
def test_scan_lowers_as_str_lower_does(text: str) -> None:
    scan = Scan.of(text)
    lower = text.lower()
    plain = len(lower) == len(text)
    assert (scan.lower, scan.plain) == (lower if plain else lowered(text), plain)
    assert scan.odd_case == any(letter in text for letter in ODD_CASE_LETTERS)
    assert scan.words == words_of(scan.lower)


def test_scan_lowers_letters_beyond_ascii() -> None:
    scan = Scan.of("ÉÉN Cliënt, \u212aIND")
    assert (scan.lower, scan.plain, scan.odd_case) == ("één cliënt, kind", True, True)
    assert scan.words == {"één", "cliënt", "kind"}


# Letters in both cases, word characters beyond ASCII, punctuation that ASCII and Unicode have,
# a lone surrogate, and 'İ' and 'Σ', whose lower case depends on more than the letter itself.
SCAN_TEXT = st.text(alphabet=st.sampled_from("abAB_1é²’–(.,- \t\nİΣ\udcff"), max_size=80)
SCAN_WORD = st.text(alphabet=st.sampled_from("abAB_1é²Σ"), min_size=1, max_size=3)


def whole_word_starts(word: str, haystack: str) -> list[int]:
    """The regex engine's answer: every offset where `word` has no word character on either side."""
    return [match.start() for match in re.finditer(rf"(?<!\w)(?={re.escape(word)}(?!\w))", haystack)]


@given(SCAN_TEXT, st.integers(min_value=1, max_value=12))
def test_pieces_hold_every_word_of_their_text(text: str, size: int) -> None:
    scan = Scan.of(text, size)
    assert scan.words == words_of(scan.lower)
    bounds = [0, *(piece.end for piece in scan.pieces)] if text else [0]
    assert [piece.start for piece in scan.pieces] == bounds[:-1] and bounds[-1] == len(text)
    for piece in scan.pieces:
        assert piece.words == words_of(scan.lower[piece.start : piece.end])


@given(SCAN_TEXT, SCAN_WORD, st.integers(min_value=1, max_value=12))
def test_word_starts_are_every_whole_word(text: str, word: str, size: int) -> None:
    scan = Scan.of(text, size)
    assert scan.word_starts(word.lower()) == whole_word_starts(word.lower(), scan.lower)
    assert scan.word_starts(word, text) == whole_word_starts(word, text)


def test_word_starts_in_pieces() -> None:
    text = "Het OM, het om-team en de OM’s.\nOMzet OM"
    scan = Scan.of(text, 5)
    # cut at the first space, or ASCII punctuation, at least five characters on
    assert [(piece.start, piece.end) for piece in scan.pieces] == [
        (0, 6), (6, 11), (11, 19), (19, 25), (25, 30), (30, 37), (37, 40)
    ]  # fmt: skip
    assert (scan.pieces[1].words, scan.pieces[2].words) == ({"het"}, {"om", "team"})
    assert scan.word_starts("om") == [4, 12, 26, 38]
    assert scan.word_starts("OM", text) == [4, 26, 38]
    assert scan.word_starts("het") == [0, 8]


def test_a_word_beyond_ascii_is_searched_for_in_every_piece() -> None:
    # A final sigma: 'Σ' lowers to 'ς' after a letter and an apostrophe, to 'σ' on its own.
    text = "a’Σ is geen " + "woord " * 3
    scan = Scan.of(text, 4)
    assert "σ" not in scan.words
    assert scan.word_starts("Σ", text) == [2]
