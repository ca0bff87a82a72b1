"""Named housing corporations: 'woningcorporatie Portaal', 'de corporaties Talis en Woonwaarts', 'Standvast Wonen'.

There are hundreds of corporations, so they are recognised by how plans name them rather
than listed: a capitalised name right after a housing noun, or a name with the word 'Wonen'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.extractors.names import UPPER, WORD_BODY, opens_sentence
from pipeline.extractors.scan import WORD_RUN, lowered

CAPITALISED = rf"[{UPPER}]{WORD_BODY}"
WORD = re.compile(CAPITALISED)
# Up to three capitalised words after a housing noun, on the same line.
NAME_AFTER = re.compile(rf"[ \t]+({CAPITALISED}(?:[ \t]+{CAPITALISED}){{0,2}})")
WORD_BEFORE = re.compile(rf"(?<![\w&-])({CAPITALISED})[ \t]+$")
WORD_AFTER = re.compile(rf"[ \t]+({CAPITALISED})(?![\w&-])")
# Names listed after the noun: 'Portaal', 'Portaal en Talis', 'Portaal, Talis of Woonwaarts'.
LIST_SEPARATOR = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:en|of)[ \t]+")
NAME = re.compile(rf"{CAPITALISED}(?:[ \t]+{CAPITALISED}){{0,2}}")


def word_starts(text: str, lower: str, word: str) -> Iterator[int]:
    """Offsets where `word` (lower case) stands as a whole word; str.find is far faster than a regex scan."""
    position = lower.find(word)
    while position >= 0:
        end = position + len(word)
        before = lower[position - 1] if position else " "
        after = lower[end] if end < len(lower) else " "
        if not (before.isalnum() or before in "-&_") and not (after.isalnum() or after in "-&_"):
            yield position
        position = lower.find(word, end)


def names_after(text: str, position: int, stops: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The listed names right after a housing noun ending at `position`."""
    first = NAME_AFTER.match(text, position)
    if first is None:
        return
    position = first.start(1)
    while (match := NAME.match(text, position)) is not None:
        words = list(WORD.finditer(text, match.start(), match.end()))
        while words and words[-1].group().lower() in stops:
            words.pop()
        if not words or words[0].group().lower() in stops:
            return
        yield match.start(), words[-1].end()
        separator = LIST_SEPARATOR.match(text, words[-1].end())
        if separator is None:
            return
        position = separator.end()


def housing_names(
    text: str,
    nouns: frozenset[str],
    wonen: str,
    not_with_wonen: frozenset[str],
    stops: frozenset[str],
    lower: str | None = None,
    words: frozenset[str] | None = None,
) -> Iterator[tuple[int, int]]:
    """(start, end) of every housing corporation's name, in text order.

    `stops`: capitalised words that end a listed name; `not_with_wonen`: words that make
    'X Wonen' or 'Wonen X' a kind of housing or a theme ('Beschermd Wonen'), not a name.
    `lower`: `lowered(text)` (the Scan's), if already made;
    `words`: the distinct runs of word characters in `lower`, if known.
    """
    if lower is None:
        lower = lowered(text)
    found: set[tuple[int, int]] = set()
    for noun in nouns:
        # a noun stands as a whole word, so one the plan lacks is not searched for
        if words is not None and noun not in words and WORD_RUN.fullmatch(noun):
            continue
        for start in word_starts(text, lower, noun):
            found.update(names_after(text, start + len(noun), stops))
    for start in word_starts(text, text, wonen):
        end = start + len(wonen)
        before = WORD_BEFORE.search(text, max(0, start - 40), start)
        after = WORD_AFTER.match(text, end)
        if before is not None and before.group(1) != wonen:
            span, other = (before.start(1), end), before.group(1)
        elif after is not None and after.group(1) != wonen:
            span, other = (start, after.end(1)), after.group(1)
        else:
            continue
        if other.lower() in not_with_wonen or opens_sentence(text, span[0]):
            continue
        found.add(span)
    return iter(sorted(found))
