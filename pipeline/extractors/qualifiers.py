"""Regional qualifiers of organisation names: 'GGD *Twente*', 'RIEC-*Limburg*', 'Veiligheidshuis *Fryslân*'.

Two names that differ in their region are two organisations, however alike their generic
heads are. These plain functions split a name into its generic head and its qualifier,
compare names qualifier first, and read the qualifier printed after a generic name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container
from functools import lru_cache

from rapidfuzz import fuzz

from pipeline.extractors.names import UPPER, WORD_BODY

# A generic head this close to another (after the qualifiers agree) names the same organisation.
HEAD_THRESHOLD = 85
MAX_QUALIFIER_WORDS = 4
# Between a generic name and its qualifier: one space, or a hyphen ('RIEC-Limburg', 'RIEC -\nLimburg').
# Wider gaps are left alone: in text taken from a PDF table they separate columns.
JOINT = re.compile(r" ?-[ \t]?\n?| ")
CAPITAL_WORD = re.compile(rf"[{UPPER}]{WORD_BODY}")
GAP = re.compile(r" ")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Letters without their diacritics ('Fryslân' -> 'Fryslan'), one character for one."""
    return "".join(_fold_char(char) for char in text)


@lru_cache(maxsize=1024)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)
    return base[0] if len(base) > 1 and base[0].isascii() and base[0].isalpha() else char


def key_of(name: str) -> str:
    """The merge key of a name: case, diacritics, hyphens and white space ignored."""
    return " ".join(fold(name.casefold()).replace("-", " ").split())


def split_qualifier(key: str, is_head: Callable[[str], bool]) -> tuple[str, str]:
    """(generic head, qualifier) of a merge key: the qualifier is what follows the last head word.

    'regionaal informatie en expertisecentrum midden nederland' -> ('... expertisecentrum',
    'midden nederland'); a name without a head word is all qualifier, so only an equal name matches it.
    """
    words = key.split()
    last = max((index for index, word in enumerate(words) if is_head(word)), default=-1)
    return " ".join(words[: last + 1]), " ".join(words[last + 1 :])


def similarity(phrase: tuple[str, str], name: tuple[str, str]) -> float:
    """How alike two names split by `split_qualifier` are as one organisation: 0 when the regions differ."""
    (phrase_head, phrase_qualifier), (name_head, name_qualifier) = phrase, name
    if phrase_qualifier != name_qualifier:
        return 0.0
    if not phrase_head and not name_head:
        return 100.0
    return float(fuzz.ratio(phrase_head, name_head))


def qualifier_end(
    text: str,
    end: int,
    connectors: Container[str],
    prefixes: Container[str],
    stops: Callable[[str, int], bool],
) -> int | None:
    """The end of a regional qualifier printed right after a generic name ending at `end`, if any.

    A qualifier is one to four capitalised words on the same line ('Gelderland-Zuid', 'Gooi en
    Vechtstreek', 'Hart voor Brabant'), joined by a space or a hyphen, optionally after a prefix
    ('regio Utrecht'). `stops(word, start)` ends it before a word that starts another name.
    """
    joint = JOINT.match(text, end)
    if joint is None:
        return None
    position = joint.end()
    prefix = re.compile(r"[a-z]+[ \t]+").match(text, position)
    if prefix and prefix.group().strip() in prefixes:
        position = prefix.end()
    qualifier_end_at: int | None = None
    words = 0
    while words < MAX_QUALIFIER_WORDS:
        word = CAPITAL_WORD.match(text, position)
        if word is None or stops(word.group(), word.start()):
            break
        qualifier_end_at, words = word.end(), words + 1
        gap = GAP.match(text, word.end())
        if gap is None:
            break
        position = gap.end()
        connector = re.compile(r"[\w&]+").match(text, position)
        if connector and connector.group() in connectors:
            gap = GAP.match(text, connector.end())
            if gap is None:
                break
            position = gap.end()
    return qualifier_end_at
