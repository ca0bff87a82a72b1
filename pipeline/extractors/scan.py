"""One pass over a plan's text that several components share: the text lowered and its words."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word as the regex engine sees it: a run of \w characters.
WORD_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class Scan:
    """A plan text lowered, and the set of its lower-case words: computed once, shared by matchers.

    `lower` has the length of the text, so offsets into it are offsets into the text.
    `plain` says whether `lower` is `text.lower()`, no character having changed its length.
    """

    lower: str
    words: frozenset[str]
    plain: bool = True

    @classmethod
    def of(cls, text: str) -> Scan:
        lower = text.lower()
        plain = len(lower) == len(text)
        if not plain:  # a few characters change length when lowered
            lower = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
        return cls(lower, frozenset(WORD_RUN.findall(lower)), plain)


def is_word_char(char: str) -> bool:
    """Whether the regex engine counts `char` as \\w."""
    return char.isalnum() or char == "_"
