"""Consistency checks on the themes: empty themes, numbering, stated counts and ranges, pillars."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from models import Finding, PlanRecord
from pipeline.checks import check
from pipeline.labels import labels, normalise_label
from pipeline.spans import Locator
from pipeline.word_search import matches_from, word_starts

NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
}

STATED_COUNT = re.compile(
    r"\b(?P<count>" + "|".join(NUMBER_WORDS) + r"|\d{1,2})\s+(?:hierboven\s+|hieronder\s+|hiervoor\s+)?"
    r"(?:beschreven\s+|genoemde\s+|uitgewerkte\s+)?(?P<kind>prioritaire|kern|overige)?\s*thema['’]?s\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
# How every stated count ends; the words before it are only letters, digits and white space.
THEMAS = re.compile(r"thema['’]?s\b", re.IGNORECASE)
WORDS_AND_SPACES = re.compile(r"[\w\s]*")
RANGE = re.compile(r"thema['’]?s\s+(?P<first>\d{1,2})\s*(?:t/m|tot en met)\s*(?P<last>\d{1,2})", re.IGNORECASE)


@check("themes.found")
def check_themes_found(record: PlanRecord) -> Iterator[Finding]:
    if not record.themes:
        yield Finding(
            code="theme.none_found",
            severity="error",
            message="No themes found: is this a safety plan? Themes are recognised by headings such as "
            "'Opgave', 'Ambitie' or 'Wat willen we bereiken?' under a numbered or titled heading.",
        )


@check("themes.empty")
def check_empty_themes(record: PlanRecord) -> Iterator[Finding]:
    for theme in record.themes:
        if theme.empty:
            yield Finding(
                code="theme.empty",
                severity="warning",
                message=f"Theme {_name(theme.number, theme.title)} has a heading but no text.",
                span=theme.span,
            )


@check("themes.numbering")
def check_numbering(record: PlanRecord) -> Iterator[Finding]:
    numbers = [theme.number for theme in record.themes if theme.number and theme.number.isdigit()]
    for number, count in sorted(Counter(numbers).items(), key=lambda item: int(item[0])):
        if count > 1:
            spans = tuple(t.span for t in record.themes if t.number == number)
            yield Finding(
                code="theme.duplicate_number",
                severity="warning",
                message=f"{count} themes carry number {number}.",
                span=spans[0],
                related=spans[1:],
            )
    values = sorted({int(n) for n in numbers})
    missing = [n for n in range(values[0], values[-1] + 1) if n not in values] if values else []
    if missing:
        listed = ", ".join(str(n) for n in missing)
        yield Finding(
            code="theme.numbering_gap",
            severity="warning",
            message=f"Theme numbering skips {listed}: a theme may be missing or misnumbered.",
        )


@check("themes.stated_counts")
def check_stated_counts(record: PlanRecord) -> Iterator[Finding]:
    """'De zes hierboven beschreven prioritaire thema's' against the themes found."""
    locator = Locator(record.text)
    body = record.text
    # Stated counts and ranges all contain "thema": only its places are tried.
    themas = word_starts("thema", body)
    for match in stated_counts(body, themas):
        if match.group("kind") is None:
            continue
        stated = _count(match.group("count"))
        category = "priority" if match.group("kind").lower() == "prioritaire" else "core"
        found = sum(1 for theme in record.themes if theme.category == category)
        if found and stated != found:
            yield Finding(
                code="theme.count_mismatch",
                severity="warning",
                message=f"The plan speaks of {stated} {match.group('kind').lower()} thema's "
                f"('{match.group(0)}'), but {found} {category} themes were found.",
                span=locator.span(match.start(), match.end()),
            )
    # Numbers compare as values: a plan printing '01' speaks of it as 'thema 1'.
    numbers = {int(theme.number) for theme in record.themes if theme.number and theme.number.isdigit()}
    for match in matches_from(RANGE, body, themas):
        first, last = int(match.group("first")), int(match.group("last"))
        absent = [str(n) for n in range(first, last + 1) if n not in numbers]
        span = locator.span(match.start(), match.end())
        if record.themes and absent:
            yield Finding(
                code="theme.range_mismatch",
                severity="warning",
                message=f"The plan refers to '{match.group(0)}', but theme(s) {', '.join(absent)} do not exist.",
                span=span,
            )
            continue
        tier = sentence_category(body, match.start(), match.end())
        in_tier = [theme for theme in record.themes if tier is not None and theme.category == tier]
        tier_numbers = sorted(int(theme.number) for theme in in_tier if theme.number and theme.number.isdigit())
        if not tier_numbers or tier_numbers == list(range(first, last + 1)):
            continue
        yield Finding(
            code="theme.range_category_mismatch",
            severity="warning",
            message=f"The plan says '{match.group(0)}' for its {tier} themes, but the {tier} themes "
            f"found are numbered {numbered(tier_numbers)}; the range may be left from an earlier numbering.",
            span=span,
            related=tuple(theme.span for theme in in_tier),
        )


def sentence_category(body: str, start: int, end: int) -> str | None:
    """The tier a sentence speaks of ('... met prioriteit ... (thema's 1 t/m 6)'), if it names one."""
    sentence_start = max(body.rfind(". ", 0, start), body.rfind("\n", 0, start)) + 1
    after = SENTENCE_END.search(body, end)
    context = body[sentence_start : after.start() if after else len(body)].casefold()
    words = labels().tier_sentence_words
    matching = [category for category in ("priority", "core") if any(word in context for word in words[category])]
    return matching[0] if len(matching) == 1 else None


def numbered(values: list[int]) -> str:
    """'1 t/m 8' for a run of numbers, else '1, 2, 4'."""
    if len(values) > 2 and values == list(range(values[0], values[-1] + 1)):
        return f"{values[0]} t/m {values[-1]}"
    return ", ".join(str(value) for value in values)


@check("themes.pillars")
def check_pillars(record: PlanRecord) -> Iterator[Finding]:
    """Pillars without an elaborating sub-section, sub-sections outside the pillar list, typos."""
    for theme in record.themes:
        if not theme.pillars:
            continue
        name = _name(theme.number, theme.title)
        for pillar in theme.pillars:
            if pillar.heading is None:
                yield Finding(
                    code="pillar.no_section",
                    severity="info",
                    message=f"Pillar '{pillar.title}' of theme {name} has no sub-section that elaborates it.",
                    span=pillar.span,
                )
            elif normalise_label(pillar.heading) != normalise_label(pillar.title):
                yield Finding(
                    code="pillar.heading_differs",
                    severity="info",
                    message=f"Pillar '{pillar.title}' of theme {name} is elaborated under a heading spelt "
                    f"differently: '{pillar.heading}'.",
                    span=pillar.span,
                )
        for subsection in theme.subsections:
            yield Finding(
                code="pillar.unlisted_section",
                severity="info",
                message=f"Sub-section '{subsection.title}' of theme {name} is not one of the pillars listed "
                f"({', '.join(p.title for p in theme.pillars)}).",
                span=subsection.span,
            )


def stated_counts(text: str, thema: Sequence[int] | None = None) -> Iterator[re.Match[str]]:
    """The matches of STATED_COUNT.finditer(text), found faster.

    Each match ends in "thema's" and holds no other, and before that it has only word
    characters and white space. So it is sought only in the run of those that ends at
    each "thema's": an unanchored scan of the whole plan is slow (every "een" starts one).
    `thema` are the places of "thema" in the text in any case, if the caller has them.
    """
    done = 0
    backwards = ""
    starts = word_starts("thema", text) if thema is None else thema
    for themas in matches_from(THEMAS, text, starts):
        backwards = backwards or text[::-1]  # the run's start, found by matching the text reversed
        run = WORDS_AND_SPACES.match(backwards, len(text) - themas.start())
        start = max(done, themas.start() - (run.end() - run.start() if run else 0))
        match = STATED_COUNT.search(text, start, themas.end())
        if match is not None:
            yield match
        done = themas.end()


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _name(number: str | None, title: str) -> str:
    return f"{number} '{title}'" if number else f"'{title}'"

