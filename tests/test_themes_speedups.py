"""The shortcuts of the theme extractor find exactly what the plain forms find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pipeline.extractors.themes import INLINE_LABEL
from pipeline.labels import part_of

# The label pattern as first written: the label grows one character at a time until a colon.
LAZY_INLINE_LABEL = re.compile(r"^(?P<label>[A-Za-zÀ-ÿ' ?]{3,40}?)\s*:\s+(?=\S)")
OPENINGS = st.lists(
    st.sampled_from(
        [
            "Ambitie", "Opgave", "Wat willen we bereiken?", "a", "ab", "é", "’", "'", "?", " ", "  ", "\t",
            "\u00a0", "\n", ":", ": ", ":\n", "x", "Onze aanpak", "in 2026", "1", ".", "-", "abcdefghij" * 2,
        ]
    ),
    max_size=25,
).map("".join)  # fmt: skip


@given(OPENINGS)
def test_inline_labels_are_the_ones_the_lazy_pattern_finds(text: str) -> None:
    lazy, possessive = LAZY_INLINE_LABEL.match(text), INLINE_LABEL.match(text)
    assert (lazy is None) == (possessive is None)
    if lazy and possessive:
        assert lazy.end() == possessive.end()
        # The possessive label may keep spaces before the colon, which every reader strips.
        assert possessive.group("label").rstrip(" ") == lazy.group("label").rstrip(" ")
        assert part_of(possessive.group("label")) == part_of(lazy.group("label"))


def test_inline_label_with_spaces_before_its_colon() -> None:
    match = INLINE_LABEL.match("Ambitie  : in 2026 minder overlast")
    assert match is not None
    assert match.group("label").strip() == "Ambitie"
    assert part_of(match.group("label")) == "ambitie"
    assert match.end() == len("Ambitie  : ")
    # More than forty letters before the colon is prose, not a label.
    assert INLINE_LABEL.match("Wat willen we in deze planperiode allemaal bereiken: veel") is None
