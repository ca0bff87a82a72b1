"""The shortcuts of the KBV labeller find exactly the hits a word-by-word comparison finds."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors.kbv import _by_frequency, _edition, _hits, _word_matches, words

EDITION = _edition("kbv-2021")
# Keyword words and their relatives (inflected, compounds, other case), the short words phrases
# are made of, and the marks that split or join words: hyphens, apostrophes, '&', digits.
PIECES = st.sampled_from(
    [
        "huiselijk", "geweld", "Huiselijk", "GEWELD", "straatgeweld", "openbare", "orde", "Openbare",
        "zorg", "Zorg", "veiligheid", "veilige", "wijken", "wijkteams", "(wijk)teams", "ondermijning",
        "ondermijnende", "criminele", "netwerken", "jonge", "aanwas", "en", "de", "van", "in", "of",
        "kvo", "boa", "horeca", "x", " ", "  ", "\n", "-", "–", "&", "'s", "’", ",", ".", "(", ")", "12",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=30).map(" ".join) | st.lists(PIECES, max_size=30).map("".join)


def phrases_of_entries() -> list[list[tuple[object, ...]]]:
    return [[words(keyword, use_lemmas=False) for keyword in entry.keywords] for entry in EDITION.entries]


PHRASES = phrases_of_entries()


def plain_hits(text: str) -> dict[int, list[str]]:
    """Every keyword phrase of every entry tried at every word, the longest places kept."""
    found = [EDITION.match[word] for word in words(text)]
    hits: dict[int, list[str]] = {}
    for entry, phrases in enumerate(PHRASES):
        places = {
            (start, start + len(phrase))
            for phrase in phrases
            for start in range(len(found) - len(phrase) + 1)
            if all(
                (match := found[start + offset]) is not None and word in match.keywords
                for offset, word in enumerate(phrase)
            )
        }
        # A place inside another place of the same entry does not count.
        outer = sorted(
            (start, end)
            for start, end in places
            if not any(other != (start, end) and other[0] <= start and end <= other[1] for other in places)
        )
        if outer:
            hits[entry] = [" ".join(m.raw for m in found[start:end] if m is not None) for start, end in outer]
    return hits


@settings(max_examples=200)
@given(TEXTS)
def test_word_matches_per_token_are_the_matches_of_the_words(text: str) -> None:
    assert _word_matches(text, EDITION) == [EDITION.match[word] for word in words(text)]


@settings(max_examples=200)
@given(TEXTS)
def test_hits_are_those_of_a_word_by_word_comparison(text: str) -> None:
    assert _hits(_word_matches(text, EDITION)) == plain_hits(text)


@given(st.lists(st.sampled_from(["geweld", "huiselijk geweld", "orde", "zorg"]), max_size=12))
def test_hits_by_frequency_then_first_place(hits: list[str]) -> None:
    counts = Counter(hits)
    assert _by_frequency(hits) == sorted(counts, key=lambda hit: (-counts[hit], hits.index(hit)))


def test_a_phrase_across_a_dash_and_inside_a_longer_phrase() -> None:
    # The dash has no word, so "huiselijk – geweld" is the phrase; the second "geweld" is a hit of its own.
    hits = _hits(_word_matches("Huiselijk – geweld, en geweld.", EDITION))
    codes = {EDITION.entries[entry].code: found for entry, found in hits.items()}
    assert codes["1.3"] == ["huiselijk geweld", "geweld"]
