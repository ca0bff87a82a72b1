"""Find where a plan names a law: exact aliases, misspelt names, unknown law-like names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from rapidfuzz import fuzz, process, utils

from pipeline.extractors.law_table import Law, LawTable
from pipeline.extractors.legal_grammar import (
    APOSTROPHES,
    COMPOUND_NAME,
    NAME_START,
    NAME_STOP_WORDS,
    NAME_WORD,
)
from pipeline.extractors.scan import WORD_RUN, Scan
from pipeline.word_search import matches_from, starts_of

Match = Literal["alias", "fuzzy", "unknown", "defined", "context"]
# Beyond the longest known name, a name that is not in the table is cut off here.
MAX_UNKNOWN_WORDS = 8
# Placed after a name's first character: the character before the name is no word character.
AFTER_WORD_START = r"(?<![\w-].)"
LETTER_RUN = re.compile(r"[^\W\d_]*")
# Where a folded name stops being matched as written: a space or an apostrophe matches several characters.
LITERAL_END = re.compile(r"[ ']")


@dataclass(frozen=True, slots=True)
class LawMention:
    """A stretch of text that names a law; `laws` holds one law, or several when ambiguous."""

    start: int
    end: int
    laws: tuple[Law, ...]
    how: Match
    article: str | None = None
    score: float | None = None
    # Two-letter abbreviations (Sr, Gw) count only right after an article citation.
    needs_article: bool = False
    # Where the citation ends when an abbreviation in brackets follows the name.
    outer_end: int | None = None
    # The name as first printed, for a short name the plan defined for a law not in the table.
    name: str | None = None


def fold(name: str) -> str:
    """A name in the form aliases are compared in: one kind of apostrophe, single spaces."""
    for mark in APOSTROPHES:
        name = name.replace(mark, "'")
    return " ".join(name.split())


def is_abbreviation(alias: str) -> bool:
    """Whether an alias is matched with its exact capitals (Bibob, DHW, Gemw.)."""
    return " " not in alias and (len(alias) <= 5 or any(c.isupper() for c in alias[1:]))


def _spellings(alias: str) -> tuple[str, ...]:
    """An alias and, for an abbreviation such as "Wgs", its capitals form "WGS" that plans also use."""
    if is_abbreviation(alias) and alias.isalpha() and not alias.isupper():
        return (alias, alias.upper())
    return (alias,)


def _key(alias: str) -> str:
    """The index key of an alias: exact for abbreviations, lower case for names."""
    return fold(alias) if is_abbreviation(alias) else fold(alias).lower()


Trie = dict[str, "Trie"]


def _char_pattern(char: str) -> str:
    """The regex for one character of a folded name: any white space, any apostrophe."""
    if char == " ":
        return r"\s+"
    if char == "'":
        return f"[{APOSTROPHES}]"
    return re.escape(char)


def _trie_pattern(names: set[str], after_first: str = "") -> str:
    """Names as one regex shaped like a trie, so each text position tries each letter once.

    Optional tails are greedy, so the longest name that fits is found first. `after_first`
    goes right after each name's first character (a look-behind on the one before it).
    """
    root: Trie = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(root, after_first)


def _node_pattern(node: Trie, after_first: str = "") -> str:
    branches = [_char_pattern(char) + after_first + _node_pattern(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group


def _names_pattern(names: list[str], exact_case: bool = False) -> re.Pattern[str]:
    """One regex for many names: abbreviations with their exact capitals, other names in any case."""
    exact = {fold(name) for name in names if exact_case or is_abbreviation(name)}
    folded = {fold(name).lower() for name in names if not (exact_case or is_abbreviation(name))}
    if not folded:
        # Only exact names: the pattern opens with their first letters, so the regex engine
        # skips ahead to those; the look-behind on the character before follows the first letter.
        return re.compile(rf"(?:{_trie_pattern(exact, after_first=AFTER_WORD_START)})(?![\w’'])")
    alternatives = [f"(?i:{_trie_pattern(folded)})"] if folded else []
    alternatives += [_trie_pattern(exact)] if exact else []
    # The look-ahead on first letters only makes the scan faster.
    first = {name[0] for name in exact} | {name[0] for name in folded} | {name[0].upper() for name in folded}
    letters = re.escape("".join(sorted(first)))
    return re.compile(rf"(?<![\w-])(?=[{letters}])(?:{'|'.join(alternatives)})(?![\w’'])")


class LawNames:
    """Finds law names in a text; built once per law table, reused for every plan."""

    def __init__(self, table: LawTable, fuzzy_cutoff: float = 85.0) -> None:
        self.fuzzy_cutoff = fuzzy_cutoff
        self._exact: dict[str, list[tuple[Law, str | None]]] = {}
        self._folded: dict[str, list[tuple[Law, str | None]]] = {}
        by_title = {law.citeertitel: law for law in table.laws}
        entries: list[tuple[str, Law, str | None]] = [
            (variant, law, None) for law in table.laws for alias in law.aliases for variant in _spellings(alias)
        ]
        nicknames = [
            (nick.name, by_title[nick.citeertitel], nick.article)
            for nick in table.nicknames
            if nick.citeertitel in by_title
        ]
        for alias, law, article in entries:
            targets = self._index(alias).setdefault(_key(alias), [])
            if all(t[0].citeertitel != law.citeertitel for t in targets):
                targets.append((law, article))
        # A nickname says what its words stand for ("Wet aanpak woonoverlast" = Gemeentewet
        # art. 151d), so it replaces the plain aliases spelt the same.
        overridden: set[str] = set()
        for alias, law, article in nicknames:
            index, key = self._index(alias), _key(alias)
            if key not in overridden:
                index[key] = []
                overridden.add(key)
            index[key].append((law, article))
        entries += nicknames
        aliases = sorted({alias for alias, _, _ in entries}, key=lambda a: (-len(a), a))
        self._pattern = _names_pattern(aliases)
        self._first_words = _first_words(aliases)
        self._lowered_first_words = frozenset(
            word.lower() for words in (self._first_words or {}).values() for word in words
        )
        # Fuzzy matching only for names of three or more words, where misspellings hide.
        self._long_names = sorted({fold(a) for a, _, _ in entries if len(a.split()) >= 3})
        self._long_processed = [utils.default_process(name) for name in self._long_names]

    def _index(self, alias: str) -> dict[str, list[tuple[Law, str | None]]]:
        return self._exact if is_abbreviation(alias) else self._folded

    def lookup(self, printed: str) -> tuple[tuple[Law, ...], str | None] | None:
        """The law(s) an alias stands for and the article a nickname implies, if known."""
        key = fold(printed)
        targets = self._exact.get(key) or self._folded.get(key.lower())
        if not targets:
            return None
        article = targets[0][1] if len(targets) == 1 else None
        return tuple(law for law, _ in targets), article

    def _alias_matches(self, text: str, scan: Scan | None) -> Iterator[re.Match[str]]:
        """The matches of the alias pattern over `text`, as `finditer` gives them.

        With a scan of the text, only the places where an alias's first word stands are tried.
        Every match starts with its alias's first word, a run of word characters that the
        text holds as a word of its own: printed as listed for an abbreviation, in any case
        for a name. For first words of ASCII characters, a text without ODD_CASE_LETTERS
        holds such a name in `scan.lower` as listed. So trying those places in order, each
        after the end of the last match, finds what a scan of every position finds.
        """
        if scan is None or self._first_words is None or scan.odd_case:
            yield from self._pattern.finditer(text)
            return
        # An abbreviation ('Bibob', 'BIBOB') stands lowered in the lowered text wherever it stands
        # in the text, and the pattern checks its capitals: one search serves every spelling.
        end = 0
        for position in starts_of(self._lowered_first_words & scan.words, scan.lower):
            if position < end:
                continue
            match = self._pattern.match(text, position)
            if match is not None:
                end = match.end()
                yield match

    def _alias_mentions(self, text: str, scan: Scan | None = None) -> list[LawMention]:
        mentions = []
        for match in self._alias_matches(text, scan):
            found = self.lookup(match.group())
            if found is None:  # pragma: no cover - every alternative of the pattern is in the index
                continue
            laws, article = found
            short = len(fold(match.group())) <= 2
            mentions.append(LawMention(match.start(), match.end(), laws, "alias", article, needs_article=short))
        return mentions

    def _name_words(self, text: str, start: int) -> list[tuple[str, int]]:
        """The words after "Wet" at `start` that may belong to the name, with their ends."""
        words: list[tuple[str, int]] = [("Wet", start + 3)]
        position = start + 3
        while len(words) <= MAX_UNKNOWN_WORDS + 4:
            match = NAME_WORD.match(text, position)
            if match is None or match.group(1).lower() in NAME_STOP_WORDS:
                break
            words.append((match.group(1), match.end()))
            position = match.end()
        return words

    def _fuzzy(self, words: list[tuple[str, int]], start: int) -> LawMention | None:
        """The longest run of `words` that is a known name misspelt, if any."""
        for count in range(len(words), 2, -1):
            printed = " ".join(word for word, _ in words[:count])
            best = process.extractOne(
                utils.default_process(printed),
                self._long_processed,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=self.fuzzy_cutoff,
            )
            if best is None:
                continue
            name = self._long_names[best[2]]
            # A name ends where the known name ends: "... bouwen" but not "... bouwen naadloos".
            last_word = utils.default_process(name.split()[-1])
            if fuzz.ratio(utils.default_process(words[count - 1][0]), last_word) < self.fuzzy_cutoff:
                continue
            found = self.lookup(name)
            if found is not None:
                laws, article = found
                return LawMention(start, words[count - 1][1], laws, "fuzzy", article, score=round(best[1], 1))
        return None

    def _generic_mentions(self, text: str) -> list[LawMention]:
        """Law-like names ("Wet op de ...", "...wet") resolved by fuzzy matching or kept unknown."""
        mentions = []
        for match in NAME_START.finditer(text):
            words = self._name_words(text, match.start())
            fuzzy = self._fuzzy(words, match.start())
            if fuzzy is not None:
                mentions.append(fuzzy)
            elif len(words) > 1:
                words = words[: MAX_UNKNOWN_WORDS + 1]
                mentions.append(LawMention(match.start(), words[-1][1], (), "unknown"))
        for match in compound_names(text):
            mentions.append(LawMention(match.start(), match.end(), (), "unknown"))
        return mentions

    def find(self, text: str, scan: Scan | None = None) -> list[LawMention]:
        """Every law name in `text`, in order, none overlapping; `scan` (of `text`) makes it faster."""
        exact = self._alias_mentions(text, scan)
        exact_at = {mention.start: mention for mention in exact}
        chosen = list(exact)
        for mention in self._generic_mentions(text):
            rival = exact_at.get(mention.start)
            if mention.how == "fuzzy":
                # A misspelt long name beats a shorter exact alias inside it.
                keep = rival is None or mention.end > rival.end
            else:
                keep = not _overlaps_any(mention, exact)
            if keep:
                chosen.append(mention)
        return _leftmost_longest(chosen)

    def find_defined(self, text: str, defined: dict[str, LawMention]) -> list[LawMention]:
        """Mentions of short names the plan itself defined in brackets ("... (Wlv)")."""
        if not defined:
            return []
        pattern = _names_pattern(sorted(defined, key=lambda name: (-len(name), name)), exact_case=True)
        # Every match opens with a name's first word as written (the names keep their case), so
        # only the places of those words are tried instead of every position of the plan.
        first_words = {LITERAL_END.split(fold(name), maxsplit=1)[0] for name in defined}
        if "" in first_words:
            matches: Iterable[re.Match[str]] = pattern.finditer(text)
        else:
            matches = matches_from(pattern, text, starts_of(first_words, text))
        mentions = []
        for match in matches:
            source = defined[fold(match.group())]
            mentions.append(replace(source, start=match.start(), end=match.end(), how="defined", score=None))
        return mentions


def compound_names(text: str) -> Iterator[re.Match[str]]:
    """The matches of COMPOUND_NAME.finditer(text), tried only where a run of letters ends in "wet".

    A match takes a whole run of letters (it opens after no word character and ends before
    none), so it starts where the run around some "wet" starts; trying only there is several
    times faster than letting the regex try every capital of the plan.
    """
    backwards = ""
    end = 0
    position = text.find("wet")
    while position >= 0:
        backwards = backwards or text[::-1]  # the run's start, found by matching the text reversed
        letters = LETTER_RUN.match(backwards, len(text) - position)
        start = position - (len(letters.group()) if letters else 0)
        if start >= end:
            match = COMPOUND_NAME.match(text, start)
            if match is not None:
                end = match.end()
                yield match
        position = text.find("wet", max(position + 1, end))


def _first_words(aliases: list[str]) -> dict[bool, frozenset[str]] | None:
    """The first words of the aliases, as printed for abbreviations and lowered for names.

    None when one is no run of ASCII word characters at the start of its alias: such aliases
    are only found by the whole pattern.
    """
    words: dict[bool, set[str]] = {True: set(), False: set()}
    for alias in aliases:
        first = WORD_RUN.match(fold(alias))
        if first is None or not first.group().isascii():
            return None
        exact = is_abbreviation(alias)
        words[exact].add(first.group() if exact else first.group().lower())
    return {exact: frozenset(found) for exact, found in words.items()}


def _overlaps_any(mention: LawMention, others: list[LawMention]) -> bool:
    return any(mention.start < other.end and other.start < mention.end for other in others)


def _leftmost_longest(mentions: list[LawMention]) -> list[LawMention]:
    """Non-overlapping mentions, preferring the earliest and then the longest."""
    chosen: list[LawMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return chosen
