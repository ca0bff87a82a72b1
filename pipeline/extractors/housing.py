"""Named housing corporations: 'woningcorporatie Portaal', 'de corporaties Talis en Woonwaarts', 'Standvast Wonen'.

There are hundreds of corporations, so they are recognised by how plans name them rather
than listed: a capitalised name right after a housing noun, or a name with the word 'Wonen'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.extractors.names import UPPER, WORD_BODY, opens_sentence

NAME = rf"[{UPPER}]{WORD_BODY}(?:[ \t]+[{UPPER}]{WORD_BODY}){{0,2}}"
WORD = re.compile(rf"[{UPPER}]{WORD_BODY}")
# Names listed after the noun: 'Portaal', 'Portaal en Talis', 'Portaal, Talis of Woonwaarts'.
LIST_SEPARATOR = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:en|of)[ \t]+")


@lru_cache(maxsize=4)
def noun_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    """A housing noun (any case) followed by a capitalised name on the same line."""
    alternatives = "|".join(re.escape(noun) for noun in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?i:{alternatives})[ \t]+(?={NAME})")


@lru_cache(maxsize=4)
def wonen_pattern(word: str) -> re.Pattern[str]:
    """'X Wonen' or 'Wonen X' with capitalised X."""
    name = rf"[{UPPER}]{WORD_BODY}"
    return re.compile(rf"(?<![\w&-])(?:{name}[ \t]+{word}|{word}[ \t]+{name})(?![\w&-])")


def housing_names(
    text: str, nouns: frozenset[str], wonen: str, not_with_wonen: frozenset[str], stops: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """(start, end) of every housing corporation's name, in text order.

    `stops`: capitalised words that end a listed name (articles opening the next clause);
    `not_with_wonen`: words that make 'X Wonen' or 'Wonen X' a kind of housing or a theme, not a name.
    """
    found: list[tuple[int, int]] = []
    name = re.compile(NAME)
    for noun in noun_pattern(nouns).finditer(text):
        position = noun.end()
        while (match := name.match(text, position)) is not None:
            words = list(WORD.finditer(text, match.start(), match.end()))
            while words and words[-1].group().lower() in stops:
                words.pop()
            if not words or words[0].group().lower() in stops:
                break
            end = words[-1].end()
            found.append((match.start(), end))
            separator = LIST_SEPARATOR.match(text, end)
            if separator is None:
                break
            position = separator.end()
    for match in wonen_pattern(wonen).finditer(text):
        other = next((word for word in match.group().split() if word != wonen), None)
        if other is None or other.lower() in not_with_wonen or opens_sentence(text, match.start()):
            continue
        found.append((match.start(), match.end()))
    return iter(sorted(set(found)))
