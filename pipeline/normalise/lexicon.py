"""How common a Dutch word is (wordfreq's Zipf scale), to judge a hyphen at a line end."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

# Zipf 4 is once per 100,000 words: "lange", "inzet", "ministerie"; fragments such as
# "minis" or "veiligheids" score lower.
COMMON_WORD = 4.0


@cache
def _frequency() -> Callable[[str, str], float]:
    # Imported on first use: the word list costs a few tenths of a second to load.
    from wordfreq import zipf_frequency

    return zipf_frequency


def zipf(word: str) -> float:
    """Zipf frequency of `word` in Dutch: 0 for unknown words, about 7 for the commonest."""
    return _frequency()(word.lower(), "nl")


def is_word(word: str) -> bool:
    """Is `word` a Dutch word written as one (known to the word list at all)?"""
    return zipf(word) > 0


def is_common_word(word: str) -> bool:
    """Is `word` common on its own in Dutch?"""
    return zipf(word) >= COMMON_WORD
