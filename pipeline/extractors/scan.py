"""One pass over a plan's text that several components share: the text lowered and its words."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word as the regex engine sees it: a run of \w characters.
WORD_RUN = re.compile(r"\w+")
# The only letters outside ASCII that the regex engine matches to an ASCII letter when case is
# ignored: dotted and dotless i, long s, Kelvin sign.
ODD_CASE_LETTERS = "\u0130\u0131\u017f\u212a"


@dataclass(frozen=True)
class Scan:
    """A plan text lowered, and the set of its lower-case words: computed once, shared by matchers.

    `lower` has the length of the text, so offsets into it are offsets into the text.
    `plain` says whether `lower` is `text.lower()`, no character having changed its length;
    `odd_case` whether the text holds one of ODD_CASE_LETTERS. In a plain text without them, a
    word of ASCII letters that a pattern matches ignoring case stands in `words` lowered.
    """

    lower: str
    words: frozenset[str]
    plain: bool = True
    odd_case: bool = False

    @classmethod
    def of(cls, text: str) -> Scan:
        lower = text.lower()
        plain = len(lower) == len(text)
        if not plain:
            lower = lowered(text)
        return cls(lower, words_of(lower), plain, any(letter in text for letter in ODD_CASE_LETTERS))


def lowered(text: str) -> str:
    """`text` in lower case, keeping every offset: a character whose lower case is longer stays as it is."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    # 'İ' lowers to two characters; offsets into the lowered text must be offsets into the text
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def words_of(text: str) -> frozenset[str]:
    """The distinct runs of word characters in `text`, as `WORD_RUN.findall` finds them.

    White space never belongs to a word, and a token that is all letters and digits is one word,
    so only the other distinct tokens go through the regex: a third faster on a plan.
    """
    tokens = set(text.split())
    words = {token for token in tokens if token.isalnum()}
    words.update(WORD_RUN.findall(" ".join(tokens - words)))
    return frozenset(words)


def is_word_char(char: str) -> bool:
    """Whether the regex engine counts `char` as \\w."""
    return char.isalnum() or char == "_"
