"""Proper names in running text: capitalised word runs and acronym definitions ("Long Name (LN)").

Plain functions over the text, shared by the organisation recogniser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

UPPER = "A-ZÀ-ÖØ-Þ"
# A word keeps its inner hyphens and apostrophes ("Gelderland-Zuid", "regio's") and a
# trailing hyphen of an elided compound ("Informatie- en Expertisecentrum").
WORD_BODY = r"[\w&]*(?:['’]\w+)?(?:-[\w&]+(?:['’]\w+)?)*-?"
WORD = re.compile(r"[\w&]" + WORD_BODY)
# Between the words of one name: spaces, markdown emphasis, at most one line break.
SEPARATOR = r"[ \t*_]*(?:\n[ \t*_]*)?"
GAP = re.compile(SEPARATOR)
# An acronym may carry a short second part: "(RIEC ZWB)", "(RUD ZL)".
ACRONYM_DEFINITION = re.compile(r"\(\s*(?P<acronym>[A-Z][A-Za-z&]{0,3}[A-Z][A-Za-z0-9&]{0,6}(?: [A-Z]{2,4})?)\s*\)")
WORD_BEFORE = re.compile(r"(?<![\w-])([\w-]+)[ \t]+$")
SENTENCE_BREAK = frozenset(".!?:;•▪➢➤#>(–—")
MAX_RUN = 12
COORDINATORS = frozenset({"en", "&", "of"})
ARTICLES = frozenset({"de", "het", "den", "een"})
WINDOW = 200  # characters searched back from an acronym for its long form


@dataclass(frozen=True)
class Word:
    """A word of the text with its offsets."""

    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@dataclass(frozen=True)
class Definition:
    """'Long Name (ACRONYM)': the name words before the parenthesis and the acronym's offsets."""

    words: tuple[Word, ...]
    acronym: str
    start: int
    end: int


@lru_cache(maxsize=8)
def run_pattern(connectors: frozenset[str]) -> re.Pattern[str]:
    """Capitalised words joined by separators, with lower-case connectors allowed between them."""
    # The capital comes before its look-behind, so the regex engine can skip ahead to capitals.
    capital = rf"[{UPPER}](?<![\w&-].){WORD_BODY}"
    connector = "|".join(re.escape(word) for word in sorted(connectors, key=len, reverse=True))
    # at least one separator character after every word keeps the match unambiguous
    gap = rf"(?=[ \t*_\n]){SEPARATOR}"
    # group "more" holds the words after the first: unset for a run of one word
    return re.compile(rf"{capital}(?P<more>(?:{gap}(?:(?:{connector}){gap})*{capital})+)?")


def words_in(text: str, start: int, end: int) -> tuple[Word, ...]:
    """The words of text[start:end] with offsets into `text`."""
    return tuple(Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end))


def opens_sentence(text: str, start: int) -> bool:
    """Whether `start` opens a text, line, sentence or list item: a capital there says nothing."""
    position = start
    while position > 0 and text[position - 1] in " \t*_":
        position -= 1
    return (
        position == 0
        or text[position - 1] == "\n"
        or text[position - 1] in SENTENCE_BREAK
        or (text[position - 1].isdigit() and position < start)
    )


def capitalised_runs(
    text: str, connectors: frozenset[str], single: Callable[[str, int], bool] = lambda word, start: False
) -> Iterator[tuple[tuple[Word, ...], bool]]:
    """Runs of capitalised words (with inner connectors), each with whether it opens a sentence.

    A run of one word is kept only when `single(word, start)` holds: most capitalised words are
    ordinary words opening a sentence.
    """
    for match in run_pattern(connectors).finditer(text):
        if match.start("more") < 0:  # one word: every word of a match ends where WORD's match would
            if single(match.group(), match.start()):
                yield (Word(match.start(), match.end(), match.group()),), opens_sentence(text, match.start())
            continue
        opens = opens_sentence(text, match.start())
        for run in split_coordination(words_in(text, match.start(), match.end())):
            yield run[:MAX_RUN], opens
            opens = False


def word_before(text: str, start: int) -> Word | None:
    """The word right before offset `start` on the same line, if only spaces separate them."""
    match = WORD_BEFORE.search(text, max(0, start - 40), start)
    return Word(match.start(1), match.end(1), match.group(1)) if match else None


def split_coordination(run: Sequence[Word]) -> Iterator[tuple[Word, ...]]:
    """Split 'Stichting A en het Centrum B' in two: no name goes on with 'en de' or 'en het'."""
    start = 0
    for index in range(len(run) - 1):
        if run[index].text.lower() in COORDINATORS and run[index + 1].text.lower() in ARTICLES:
            if index > start:
                yield tuple(run[start:index])
            start = index + 1
    yield tuple(run[start:])


def joined(text: str, left: Word, right: Word) -> bool:
    """Whether two neighbouring words may belong to one name."""
    return GAP.fullmatch(text[left.end : right.start]) is not None


def run_before(text: str, end: int, connectors: frozenset[str]) -> tuple[Word, ...]:
    """The capitalised name run that ends right before offset `end` (connectors allowed inside)."""
    # Word objects only for the few words walked back over, not for every word of the window.
    matches = list(WORD.finditer(text, max(0, end - WINDOW), end))
    if not matches or GAP.fullmatch(text[matches[-1].end() : end]) is None:
        return ()
    run: list[Word] = []
    for match in reversed(matches):
        word = Word(match.start(), match.end(), match.group())
        if len(run) == MAX_RUN or (run and not joined(text, word, run[0])):
            break
        if not (word.capitalised or word.text.lower() in connectors):
            break
        run.insert(0, word)
    while run and not run[0].capitalised:
        run.pop(0)
    return tuple(run)


def definitions(text: str, connectors: frozenset[str]) -> Iterator[Definition]:
    """Every 'Long Name (ACRONYM)' in the text; the words are () when no name precedes."""
    for match in ACRONYM_DEFINITION.finditer(text):
        acronym = match.group("acronym")
        if sum(char.isupper() for char in acronym) < 2:
            continue
        run = run_before(text, match.start(), connectors)
        yield Definition(run, acronym, match.start("acronym"), match.end("acronym"))


def initials_fit(acronym: str, words: Sequence[Word]) -> bool:
    """Whether the acronym's letters occur in order in the long form, the first opening it."""
    letters = [char.lower() for char in acronym if char.isalnum()]
    long_form = " ".join(word.text for word in words).lower()
    if not letters or not long_form.startswith(letters[0]):
        return False
    position = 1
    for letter in letters[1:]:
        position = long_form.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def long_form(acronym: str, run: Sequence[Word]) -> tuple[Word, ...]:
    """The longest tail of `run` that the acronym abbreviates, or () when none does."""
    for start in range(len(run)):
        tail = tuple(run[start:])
        if tail[0].capitalised and initials_fit(acronym, tail) and len(tail) <= len(acronym) + 3:
            return tail
    return ()


def name_text(text: str, start: int, end: int) -> str:
    """A name as printed with white space collapsed and emphasis markers removed."""
    return " ".join(text[start:end].replace("*", " ").replace("_", " ").split())
