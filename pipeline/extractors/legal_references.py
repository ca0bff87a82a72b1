"""Legal references: citations of laws in a plan, linked to their BWB id and JuriConnect id.

`find_legal_references` works on plain text; the spaCy component
`ivp_legal_references` runs it over `doc.text` and sets `doc._.ivp_legal_references`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from models import Finding, LegalReference
from pipeline.extractors.component import locator, store, text_scan
from pipeline.extractors.law_names import LawMention, LawNames, fold
from pipeline.extractors.law_table import Law, load_law_table
from pipeline.extractors.legal_grammar import (
    ABBREVIATION,
    ARTICLE_CITATION,
    ARTICLE_PART,
    ARTICLE_WORD,
    BARE_ARTICLE,
    BEFORE_ARTICLE,
    BRACKETED,
    CITATION_RUN,
    LID_NUMBER,
    NUMBER_WITH_LETTERS,
    ORDINALS,
    SUB_VALUE,
    SUB_VALUES,
    TITLE_FILLER_WORDS,
    TRAILING_ARTICLE,
)
from pipeline.extractors.scan import Scan, is_word_char
from pipeline.word_search import matches_from, occurrences, starts_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pipeline.spans import Locator

EXTENSION = "ivp_legal_references"
WETTEN = "https://wetten.overheid.nl/"
# How far around an ambiguous abbreviation the words of the candidate titles are sought.
CONTEXT_CHARS = 250
# Shorter words ("grond" in "op grond van") say nothing about which law is meant.
CONTEXT_WORD_LENGTH = 6
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class CitedArticle:
    """One article of a citation with its own lid and sub ("13b, eerste lid, onder a")."""

    article: str
    paragraph: int | None
    sub: str | None


@dataclass(frozen=True, slots=True)
class ArticleCitation:
    """ "artikel 38b, eerste lid" and the like, before or after the law's name."""

    start: int
    end: int
    articles: tuple[CitedArticle, ...]


def _lid(printed: str | None) -> int | None:
    """The number of a lid as printed ("het tweede lid", "lid 2", "2e lid" -> 2)."""
    match = LID_NUMBER.search(printed) if printed else None
    if match is None:
        return None
    return ORDINALS[match["ordinal"].lower()] if match["ordinal"] else int(match["number"])


def _subs(printed: str | None) -> tuple[str | None, ...]:
    """The letters or numbers of an onder/sub ("aanhef en onder a" -> a; "onder a en b" -> a, b)."""
    match = SUB_VALUES.search(printed) if printed else None
    if match is None:
        return (None,)
    return tuple(value.lower() for value in SUB_VALUE.findall(match["value"]))


def _citation(match: re.Match[str]) -> ArticleCitation:
    """The articles, each with its lid and sub, of one matched article citation."""
    before = match.groupdict().get("before")
    articles = []
    for index, part in enumerate(ARTICLE_PART.finditer(match["chain"])):
        paragraph, subs = _lid(part["lid"]), _subs(part["sub"])
        if index == 0 and before:
            # "het tweede lid, onder b, van artikel 172": the lid and sub of the first article
            paragraph = paragraph if paragraph is not None else _lid(before)
            subs = subs if subs != (None,) else _subs(before)
        # Article numbers are written with lower-case letters in the law and in JuriConnect ids.
        articles += [CitedArticle(part["number"].lower(), paragraph, sub) for sub in subs]
    return ArticleCitation(match.start(), match.end(), tuple(articles))


def find_article_citations(text: str, scan: Scan | None = None) -> dict[int, ArticleCitation]:
    """Article citations in `text`, keyed by the offset where the cited law's name must start."""
    citations = {match.end(): _citation(match) for match in bare_articles(text, scan)}
    citations.update((match.end(), _citation(match)) for match in article_citations(text, scan))
    return citations


def bare_articles(text: str, scan: Scan | None = None) -> Iterator[re.Match[str]]:
    """The matches of BARE_ARTICLE.finditer(text), tried only where one can start.

    A match's number is a whole run of word characters: digits and one or two lower-case
    letters ("13b"), which `scan.words` holds as it is (lowering changes neither those
    characters nor whether a character is one of them), or digits right before a colon
    ("5:21"). Trying those places beats a regex scan of every character several times over.
    """
    if scan is None:
        yield from BARE_ARTICLE.finditer(text)
        return
    numbers = [word for word in scan.words if word[0].isdecimal() and NUMBER_WITH_LETTERS.fullmatch(word)]
    starts = set(starts_of(numbers, scan.lower))
    for colon in occurrences(":", text):
        start = colon
        while start > 0 and text[start - 1].isdecimal():  # the regex's \d is a decimal digit
            start -= 1
        if start < colon:
            starts.add(start)
    yield from matches_from(BARE_ARTICLE, text, sorted(starts))


def article_word_starts(text: str, scan: Scan | None = None) -> Iterator[int]:
    """Where ARTICLE_WORD matches in `text`: "art" in any case after no letter, digit or hyphen.

    With a scan, a plain `find` in the lowered text replaces the case-blind regex (about four
    times faster); no other character lowers to "a", "r" or "t", so both find the same places.
    """
    lower = scan.lower if scan is not None else text.lower()
    if len(lower) != len(text):
        yield from (match.start() for match in ARTICLE_WORD.finditer(text))
        return
    for position in occurrences("art", lower):
        if position == 0 or not (is_word_char(text[position - 1]) or text[position - 1] == "-"):
            yield position


def article_citations(text: str, scan: Scan | None = None) -> Iterator[re.Match[str]]:
    """The matches of ARTICLE_CITATION.finditer(text), sought only in the runs around "art".

    No match leaves a run of CITATION_RUN characters and the character after a run is none
    of them, so a search that ends there sees what a search of the whole text sees; the
    look-behinds still see the text before the run. The first "art" of a run is the first
    article word of every match that starts before it, and only a lid and sub of
    BEFORE_ARTICLE characters come before that word, so the search starts where those end.
    """
    backwards = ""
    searched = 0
    for start in article_word_starts(text, scan):
        if start < searched:
            continue
        backwards = backwards or text[::-1]  # the lid's start, found by matching the text reversed
        before = BEFORE_ARTICLE.match(backwards, len(text) - start)
        after = CITATION_RUN.match(text, start)
        if before is None or after is None:  # pragma: no cover - the patterns match the empty string
            continue
        searched = after.end()
        yield from ARTICLE_CITATION.finditer(text, start - len(before.group()), searched)


def _same_law(first: LawMention, second: LawMention) -> bool:
    """Whether every law `first` may stand for is among those of `second`."""
    titles = {law.citeertitel for law in second.laws}
    return bool(first.laws) and all(law.citeertitel in titles for law in first.laws)


def merge_bracketed(text: str, mentions: list[LawMention]) -> tuple[list[LawMention], dict[str, LawMention]]:
    """Fold "full name (short name)" into one mention; return the short names so defined."""
    merged: list[LawMention] = []
    defined: dict[str, LawMention] = {}
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        index += 1
        bracket = BRACKETED.match(text, mention.end)
        if bracket is None:
            merged.append(mention)
            continue
        inner = bracket.group("inner")
        following = mentions[index] if index < len(mentions) else None
        inside = following is not None and following.start < bracket.end()
        # "Wet X (Wet Y)" is one law named twice; "Opiumwet (art. 13b Opiumwet)" cites an article.
        whole = following is not None and (following.start, following.end) == bracket.span("inner")
        if inside and following is not None and whole:
            if not _same_law(mention, following):
                if mention.laws:  # "Gemeentewet (Opiumwet)": two laws, not one name
                    merged.append(mention)
                    continue
                # An unknown full name explained by a known abbreviation: trust the table.
                mention = replace(mention, laws=following.laws, how=following.how, article=following.article)
            index += 1
        elif inside or not ABBREVIATION.fullmatch(inner):
            merged.append(mention)
            continue
        mention = replace(mention, outer_end=bracket.end())
        defined[fold(inner)] = replace(mention, outer_end=None, name=fold(text[mention.start : mention.end]))
        merged.append(mention)
    return merged, defined


def merge_bracketed_citations(
    text: str, mentions: list[LawMention], citations: dict[int, ArticleCitation]
) -> tuple[list[LawMention], dict[int, ArticleCitation]]:
    """Fold "name (artikel 151d Gemeentewet)" into one reference when both name the same law.

    The bracket explains the name ("Wet aanpak woonoverlast (artikel 151d Gemeentewet)"),
    so the reference is the name with the bracketed article.
    """
    merged: list[LawMention] = []
    citations = dict(citations)
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        index += 1
        following = mentions[index] if index < len(mentions) else None
        bracket = BRACKETED.match(text, mention.end) if mention.outer_end is None else None
        cited = citations.get(following.start) if following else None
        if (
            bracket is not None
            and following is not None
            and cited is not None
            and mention.start not in citations
            and (cited.start, following.end) == bracket.span("inner")
            and _same_law(mention, following)
        ):
            mention = replace(mention, outer_end=bracket.end())
            citations[mention.start] = cited
            index += 1
        merged.append(mention)
    return merged, citations


def add_defined(mentions: list[LawMention], defined: list[LawMention]) -> list[LawMention]:
    """Add mentions of plan-defined short names; they also settle an ambiguous alias."""
    by_place = {(m.start, m.end): m for m in mentions}
    for mention in defined:
        same = by_place.get((mention.start, mention.end))
        settles = same is not None and len(same.laws) > 1
        free = not any(m.start < mention.end and mention.start < (m.outer_end or m.end) for m in by_place.values())
        if settles or free:
            by_place[(mention.start, mention.end)] = mention
    return sorted(by_place.values(), key=lambda m: m.start)


def _title_words(law: Law) -> tuple[str, ...]:
    """Words of a law's title that identify it ("politiegegevens", "gemeentewet")."""
    return tuple(w for w in WORD.findall(law.citeertitel.lower()) if w not in TITLE_FILLER_WORDS and len(w) >= 4)


def _context_score(law: Law, window: str) -> int:
    """How many words near a mention belong to a law's title ("politie" to Wet politiegegevens)."""
    titles = _title_words(law)
    words = [w for w in WORD.findall(window) if len(w) >= CONTEXT_WORD_LENGTH]
    return sum(1 for word in words if any(word in title or title in word for title in titles))


def resolve_ambiguous(text: str, mentions: list[LawMention]) -> list[LawMention]:
    """Pick one law for an ambiguous alias: the one named elsewhere in the plan, else by context."""
    named = {m.laws[0].citeertitel for m in mentions if len(m.laws) == 1}
    resolved = []
    for mention in mentions:
        if len(mention.laws) > 1:
            choice = [law for law in mention.laws if law.citeertitel in named]
            if len(choice) != 1:
                window = (
                    text[max(0, mention.start - CONTEXT_CHARS) : mention.start]
                    + " "
                    + text[mention.end : mention.end + CONTEXT_CHARS]
                ).lower()
                scores = {law.citeertitel: _context_score(law, window) for law in mention.laws}
                best = max(scores.values())
                choice = [law for law in mention.laws if scores[law.citeertitel] == best and best > 0]
            if len(choice) == 1:
                resolved.append(replace(mention, laws=(choice[0],), how="context"))
                continue
        resolved.append(mention)
    return resolved


def jci(bwb_id: str, article: str | None, paragraph: int | None) -> str:
    """The JuriConnect id of a law, article and lid (parts that are absent are left out)."""
    value = f"jci1.3:c:{bwb_id}"
    if article:
        value += f"&artikel={article}"
        if paragraph is not None:
            value += f"&lid={paragraph}"
    return value


def _finding(mention: LawMention, printed: str, reference: LegalReference) -> Finding | None:
    """What a reader should double-check about one reference, if anything."""
    span = reference.span
    if not mention.laws:
        return Finding(
            code="legal_reference.unknown_law",
            severity="warning",
            message=f"'{printed}' looks like a law but is not in the law table, so it has no "
            "BWB id (add it to your own laws file: ivp extract --laws FILE)",
            span=span,
        )
    if len(mention.laws) > 1:
        titles = " or ".join(law.citeertitel for law in mention.laws)
        return Finding(
            code="legal_reference.ambiguous_alias",
            severity="warning",
            message=f"'{printed}' may stand for {titles}; the plan does not say which",
            span=span,
        )
    law = mention.laws[0]
    if mention.how == "fuzzy":
        message = f"'{printed}' read as {law.citeertitel} (name similarity {mention.score:g}%)"
        return Finding(code="legal_reference.fuzzy_name", severity="info", message=message, span=span)
    if mention.how == "context":
        message = f"'{printed}' read as {law.citeertitel}, the law its context names"
        return Finding(code="legal_reference.alias_from_context", severity="info", message=message, span=span)
    if law.kind == "national" and law.bwb_id is None:
        message = f"{law.citeertitel} has no verified BWB id, so the reference has no link"
        return Finding(code="legal_reference.unverified_law", severity="info", message=message, span=span)
    return None


def _leads(starts: list[int], begin: int, end: int) -> bool:
    """Whether a citation of the next law starts between `begin` and `end`."""
    index = bisect_left(starts, begin)
    return index < len(starts) and starts[index] < end


def to_references(
    text: str, mentions: list[LawMention], citations: dict[int, ArticleCitation], spans: Locator
) -> tuple[tuple[LegalReference, ...], tuple[Finding, ...]]:
    """One reference per cited article of each mention (one when no article is cited)."""
    references: list[LegalReference] = []
    findings: list[Finding] = []
    starts = {mention.start for mention in mentions}
    leading = sorted(citation.start for end, citation in citations.items() if end in starts)
    for mention in mentions:
        end = mention.outer_end or mention.end
        citation = citations.get(mention.start)
        if citation is None:
            trailing = TRAILING_ARTICLE.match(text, end)
            # "(Wet Bibob), art. 13b Opiumwet": that article belongs to the law after it.
            if trailing and not _leads(leading, trailing.start(), trailing.end()):
                citation, end = _citation(trailing), trailing.end()
        if mention.needs_article and citation is None:
            continue
        span = spans.span(min(citation.start, mention.start) if citation else mention.start, end)
        printed = fold(text[mention.start : mention.end])
        law = mention.laws[0] if len(mention.laws) == 1 else None
        articles: tuple[CitedArticle | None, ...] = citation.articles if citation else (None,)
        for cited in articles:
            article = cited.article if cited else mention.article
            paragraph = cited.paragraph if cited else None
            link = jci(law.bwb_id, article, paragraph) if law and law.bwb_id else None
            reference = LegalReference(
                law=law.citeertitel if law else mention.name or printed,
                bwb_id=law.bwb_id if law else None,
                article=article,
                paragraph=paragraph,
                sub=cited.sub if cited else None,
                kind=law.kind if law else "unknown",
                text=span.quote,
                jci=link,
                url=WETTEN + link if link else None,
                span=span,
            )
            references.append(reference)
        finding = _finding(mention, printed, references[-1])
        if finding is not None:
            findings.append(finding)
    return tuple(references), tuple(findings)


def find_legal_references(
    text: str, spans: Locator, names: LawNames, scan: Scan | None = None
) -> tuple[tuple[LegalReference, ...], tuple[Finding, ...]]:
    """Every legal reference in a plan's text, and findings about the doubtful ones.

    `scan`, of the same text, only makes the search faster.
    """
    mentions, defined = merge_bracketed(text, names.find(text, scan))
    mentions, citations = merge_bracketed_citations(text, mentions, find_article_citations(text, scan))
    mentions = add_defined(mentions, names.find_defined(text, defined))
    mentions = resolve_ambiguous(text, mentions)
    return to_references(text, mentions, citations, spans)


class LegalReferenceRecognizer:
    """spaCy component: sets `doc._.ivp_legal_references` and adds findings on doubtful ones."""

    def __init__(self, names: LawNames) -> None:
        self.names = names

    def __call__(self, doc: Doc) -> Doc:
        spans = locator(doc)  # doc.text is rebuilt from the tokens on every access: read it once
        references, findings = find_legal_references(spans.text, spans, self.names, text_scan(doc))
        return store(doc, EXTENSION, references, findings)


@Language.factory(
    "ivp_legal_references",
    default_config={"extra_laws_path": None, "fuzzy_cutoff": 85.0},
    assigns=[f"doc._.{EXTENSION}"],
)
def make_legal_reference_recognizer(
    nlp: Language,
    name: str,
    extra_laws_path: Optional[str],  # noqa: UP045 - spaCy's config validation evaluates this annotation
    fuzzy_cutoff: float,
) -> LegalReferenceRecognizer:
    """The component, with the packaged laws plus the user's laws file when given."""
    return LegalReferenceRecognizer(LawNames(load_law_table(extra_laws_path), fuzzy_cutoff))
