"""Link budget lines to themes through the explanation after the table ('Toelichting').

Each budget product has a heading (its label) followed by a reference such as
'(Thema 4 – Zorg & Veiligheid)', '(Thema 1 – Ondermijning & Thema 3 – Digitale
criminaliteit)' or '(Alle thema's)'. A reference is resolved by title first (fuzzy,
so misspellings still match) and by number second.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Literal, NamedTuple

from rapidfuzz import fuzz, process

from models import BudgetLine, Document, StatedCount, Theme, ThemeReference
from pipeline.extractors.budget_words import vocabulary
from pipeline.numbers import DASHES
from pipeline.spans import Locator

# Scores (0-100) from rapidfuzz's ratio on casefolded, punctuation-free text.
LABEL_CUTOFF = 85.0
TITLE_CUTOFF = 85.0
# Longer blocks are paragraphs of explanation, not the heading of a budget product.
_MAX_LABEL_LENGTH = 100

_NUMBER = r"\d+[a-z]?|[IVXLC]+\b"
_RANGE_WORDS = re.compile(rf"\s*(?:t/m|tot en met|t\.m\.|[{DASHES}])\s*", re.IGNORECASE)
_WORD = re.compile(r"\w+")


Resolution = Literal["title", "number"]


class Event(NamedTuple):
    """A label or a reference found in the explanation, at a text offset."""

    offset: int
    line: int | None
    references: tuple[ThemeReference, ...]
    in_prose: bool = False  # a parenthesis inside a sentence, not a reference line of its own


class Patterns(NamedTuple):
    """The compiled forms of a theme reference, built from the theme words of the data file."""

    reference: re.Pattern[str]  # '(Thema 1 – Ondermijning & Thema 3 – ...)'
    separator: re.Pattern[str]  # '&', ',', 'en' ... before the next theme word
    single: re.Pattern[str]  # 'Thema 4 – Zorg & Veiligheid', 'Thema 4', 'Thema Ondermijning'
    plural: re.Pattern[str]  # 'thema's 1 en 3', 'thema's 1 t/m 6'
    everything: re.Pattern[str]  # 'Alle thema's'


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The reference patterns, compiled once."""
    words = "|".join(map(re.escape, vocabulary().theme_words))
    flags = re.IGNORECASE
    plural = r"(?:['’]?s|en)"
    return Patterns(
        reference=re.compile(rf"\(\s*(?:alle\s+)?(?:{words}){plural}?\b[^()]*\)", flags),
        separator=re.compile(rf"\s*(?:&|,|;|\+|\ben\b|\bof\b)\s*(?=(?:{words})\b)", flags),
        single=re.compile(
            rf"^(?:{words})\s*(?:(?P<number>{_NUMBER})\.?)?\s*(?:[{DASHES}:]\s*)?"
            rf"(?P<title>.*?)[\s.,;:]*$",
            flags,
        ),
        plural=re.compile(rf"^(?:{words}){plural}\s+(?=\d)", flags),
        everything=re.compile(rf"^alle\s+(?:{words}){plural}?\s*$", flags),
    )


class Listed(NamedTuple):
    """One item of a list of theme numbers: a number, or a range from `first` to `last`."""

    first: str
    last: str | None
    start: int
    end: int


def listed_numbers(text: str) -> list[Listed]:
    """The items of a list such as '1, 2 en 4' or '1 t/m 6'; a range is one item."""
    found: list[Listed] = []
    numbers = list(re.finditer(r"\d+", text))
    joined: set[int] = set()
    for position, (first, last) in enumerate(pairwise(numbers)):
        if position not in joined and _RANGE_WORDS.fullmatch(text[first.end() : last.start()]):
            found.append(Listed(first.group(), last.group(), first.start(), last.end()))
            joined.update((position, position + 1))
    for position, match in enumerate(numbers):
        if position not in joined:
            found.append(Listed(match.group(), None, match.start(), match.end()))
    return sorted(found, key=lambda item: item.start)


def range_themes(first: str, last: str, themes: Sequence[Theme]) -> tuple[str, ...]:
    """The numbers of the plan's themes that a range such as '1 t/m 6' covers, in order."""
    wanted = {str(value) for value in range(int(first), int(last) + 1)}
    return tuple(
        theme.number.rstrip(".") for theme in themes if theme.number and theme.number.rstrip(".") in wanted
    )


def comparable(text: str) -> str:
    """Text for fuzzy comparison: casefolded, '&' as 'en', punctuation and spacing flattened."""
    # The words are the runs of word characters (white space is never one): one regex pass.
    return " ".join(_WORD.findall(text.casefold().replace("&", " en ")))


def resolve(number: str | None, title: str | None, themes: Sequence[Theme]) -> tuple[Theme | None, Resolution | None]:
    """The theme a reference points at: by title first (fuzzy), by number second."""
    if title:
        wanted = comparable(title)
        titles = _comparable_titles(tuple(theme.title for theme in themes))
        # One call scores every title; only those at the cutoff or above come back.
        found = process.extract(wanted, titles, scorer=fuzz.ratio, score_cutoff=TITLE_CUTOFF, limit=None)
        if found:
            top = max(score for _, score, _ in found)
            tied = [themes[index] for index in sorted(index for _, score, index in found if score == top)]
            # Two themes with the same title: the printed number decides.
            return next((theme for theme in tied if theme.number == number), tied[0]), "title"
    if number:
        for theme in themes:
            if theme.number is not None and theme.number.rstrip(".") == number:
                return theme, "number"
    return None, None


def parse_references(
    text: str, offset: int, themes: Sequence[Theme], locator: Locator
) -> tuple[tuple[int, int, tuple[ThemeReference, ...]], ...]:
    """The theme references in a block's text: (start, end, references) per parenthesis."""
    compiled = patterns()
    found: list[tuple[int, int, tuple[ThemeReference, ...]]] = []
    for match in compiled.reference.finditer(text):
        body_start, body_end = match.start() + 1, match.end() - 1
        body = text[body_start:body_end]
        cuts = [
            0,
            *(cut for sep in compiled.separator.finditer(body) for cut in (sep.start(), sep.end())),
            len(body),
        ]
        references: list[ThemeReference] = []
        for cut_start, cut_end in zip(cuts[::2], cuts[1::2], strict=True):
            part = body[cut_start:cut_end].strip()
            start = cut_start + len(body[cut_start:cut_end]) - len(body[cut_start:cut_end].lstrip())
            base = offset + body_start + start
            span = locator.span(base, base + len(part))
            if compiled.everything.match(part):
                references.append(ThemeReference(text=part, all_themes=True, resolved_by="all", span=span))
                continue
            listed = compiled.plural.match(part)
            if listed:
                for item in listed_numbers(part[listed.end() :]):
                    where = locator.span(base + listed.end() + item.start, base + listed.end() + item.end)
                    if item.last is not None:
                        covered = range_themes(item.first, item.last, themes)
                        references.append(
                            ThemeReference(
                                text=where.quote,
                                number=item.first,
                                last=item.last,
                                themes=covered,
                                resolved_by="number" if covered else None,
                                span=where,
                            )
                        )
                        continue
                    theme, how = resolve(item.first, None, themes)
                    references.append(
                        ThemeReference(
                            text=where.quote,
                            number=item.first,
                            theme=theme.number if theme else None,
                            resolved_by=how,
                            span=where,
                        )
                    )
                continue
            parsed = compiled.single.match(part)
            number = parsed["number"] if parsed else None
            title = (parsed["title"] if parsed else None) or None
            theme, how = resolve(number, title, themes)
            references.append(
                ThemeReference(
                    text=part,
                    number=number,
                    title=title,
                    theme=theme.number if theme else None,
                    resolved_by=how,
                    span=span,
                )
            )
        found.append((match.start(), match.end(), tuple(references)))
    return tuple(found)


def match_label(text: str, labels: Sequence[str], whole: bool) -> int | None:
    """The budget line whose label this text is (whole) or begins with (not whole)."""
    return _best_label(comparable(text), labels, whole)


def _best_label(printed: str, labels: Sequence[str], whole: bool) -> int | None:
    """`match_label` on text already made comparable: the best-scoring label, the first of equal ones."""
    choices = _label_choices(tuple(labels))
    if whole:
        candidates = [(printed, choices.every)]
    else:
        # A label of n words is compared with the text's first n words.
        words = printed.split()
        candidates = [(" ".join(words[:size]), sized) for size, sized in choices.by_size]
    best: tuple[float, int] | None = None
    for candidate, sized in candidates:
        if not candidate:  # scores 0 against every (non-empty) label
            continue
        # One call scores all labels (None places are skipped), keeping the first of the best.
        found = process.extractOne(candidate, sized, scorer=fuzz.ratio, score_cutoff=LABEL_CUTOFF)
        if found is not None and (best is None or found[1] > best[0] or (found[1] == best[0] and found[2] < best[1])):
            best = (found[1], found[2])
    return best[1] if best else None


class _Choices(NamedTuple):
    """A table's labels made comparable, as rapidfuzz choices: None stands for a label left out."""

    every: tuple[str | None, ...]  # all labels (an empty one left out)
    by_size: tuple[tuple[int, tuple[str | None, ...]], ...]  # per word count, the labels of that count


@lru_cache(maxsize=16)
def _label_choices(labels: tuple[str, ...]) -> _Choices:
    # A plan's labels are compared with every block of its explanation: flatten them once.
    flat = [comparable(label) or None for label in labels]
    sizes = sorted({len(label.split()) for label in flat if label})
    by_size = tuple(
        (size, tuple(label if label and len(label.split()) == size else None for label in flat)) for size in sizes
    )
    return _Choices(tuple(flat), by_size)


@lru_cache(maxsize=16)
def _comparable_titles(titles: tuple[str, ...]) -> tuple[str, ...]:
    # Every reference of an explanation is compared with every theme title: flatten them once.
    return tuple(comparable(title) for title in titles)


def block_label(text: str, labels: Sequence[str]) -> int | None:
    """The budget line a block introduces: it is the line's label, or begins with it."""
    if text.lstrip().startswith("("):
        return None
    printed = comparable(text)
    line = _best_label(printed, labels, whole=True) if len(text) <= _MAX_LABEL_LENGTH else None
    return line if line is not None else _best_label(printed, labels, whole=False)


class Explanation(NamedTuple):
    """The blocks after a table that explain its lines, and the line each block introduces."""

    blocks: range
    # Per block: the index of the budget line it introduces (see `block_label`), or None.
    lines: tuple[int | None, ...]


def explanation_region(document: Document, labels: Sequence[str], after: range) -> Explanation:
    """The blocks of the explanation after a table: up to a heading that is not a line's label."""
    started = False
    lines: list[int | None] = []
    for index in after:
        block = document.blocks[index]
        if block.kind == "table_row":
            return Explanation(range(after.start, index), tuple(lines))
        line = block_label(block.text, labels)
        if line is not None:
            started = True
        elif block.kind == "heading" and (started or comparable(block.text) not in vocabulary().explanation_headings):
            return Explanation(range(after.start, index), tuple(lines))
        lines.append(line)
    return Explanation(after, tuple(lines))


def explanation_events(
    document: Document,
    labels: Sequence[str],
    themes: Sequence[Theme],
    explanation: Explanation,
    locator: Locator,
) -> list[Event]:
    """Labels and references in the blocks of an explanation, in reading order."""
    events: list[Event] = []
    region = explanation.blocks
    for block, line in zip(document.blocks[region.start : region.stop], explanation.lines, strict=True):
        text = block.text
        if line is not None:
            events.append(Event(block.start, line, ()))
        for ref_start, ref_end, references in parse_references(text, block.start, themes, locator):
            before = text[:ref_start].strip()
            in_prose = bool(before) and not before.endswith((".", "!", "?", ":", ";"))
            events.append(Event(block.start + ref_start, None, references, in_prose))
            rest = text[ref_end:].strip()
            # A normaliser may run the next product's heading into the reference line.
            after = match_label(rest, labels, whole=False) if rest else None
            if after is not None:
                events.append(Event(block.start + ref_end + 1, after, ()))
    return events


def link_lines(
    document: Document,
    lines: Sequence[BudgetLine],
    themes: Sequence[Theme],
    explanation: Explanation,
    locator: Locator,
) -> tuple[BudgetLine, ...]:
    """The lines with the theme references of an explanation, and their themes.

    `explanation` comes from `explanation_region` with the labels of these same lines.
    """
    labels = [line.label for line in lines]
    found: dict[int, list[ThemeReference]] = {}
    current: int | None = None
    for event in explanation_events(document, labels, themes, explanation, locator):
        if event.line is not None:
            current = event.line
        elif current is not None and not (event.in_prose and found.get(current)):
            # A remark in running text after the line's own reference ('... belangrijk
            # (thema's 1 t/m 5).') speaks of the programme, not of this line.
            found.setdefault(current, []).extend(event.references)
    every = tuple(theme.number for theme in themes if theme.number is not None)
    linked: list[BudgetLine] = []
    for index, line in enumerate(lines):
        references = tuple(found.get(index, ()))
        numbers: list[str] = []
        for reference in references:
            for number in every if reference.all_themes else reference.themes or (reference.theme,):
                if number is not None and number not in numbers:
                    numbers.append(number)
        linked.append(line.model_copy(update={"references": references, "themes": tuple(numbers)}))
    return tuple(linked)


@lru_cache(maxsize=1)
def _count_pattern() -> re.Pattern[str]:
    """'9 deelproducten', 'negen posten': a number or number word before a noun for budget lines."""
    words = vocabulary()
    count_words = "|".join(map(re.escape, dict(words.number_words)))
    nouns = "|".join(map(re.escape, words.line_nouns))
    return re.compile(rf"\b(?P<count>\d+|{count_words})\s+(?:{nouns})\b", re.IGNORECASE)


def find_stated_count(document: Document, regions: Sequence[range], locator: Locator) -> StatedCount | None:
    """A count of budget lines stated in the text around a table ('in totaal 9 deelproducten')."""
    numbers = dict(vocabulary().number_words)
    pattern = _count_pattern()
    for block in (document.blocks[index] for region in regions for index in region):
        if block.kind == "table_row":
            continue
        match = pattern.search(block.text)
        if match:
            raw = match["count"].casefold()
            count = int(raw) if raw.isdigit() else numbers[raw]
            span = locator.span(block.start + match.start(), block.start + match.end())
            return StatedCount(count=count, span=span)
    return None
