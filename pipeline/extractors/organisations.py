"""Organisations and generic partner types named in a plan, every mention merged under one name.

Sources, strongest first: the gazetteer (pipeline/data/organisations.tsv plus the
user's files), acronym definitions "Long Name (LN)" and their bare acronyms,
capitalised names with an organisational head word, and ORG entities of a
statistical model when one runs before this component.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from spacy.language import Language

from models import Mention, Organisation, PartnerType
from pipeline.extractors.component import locator, store
from pipeline.extractors.gazetteer import (
    Entry,
    Hit,
    Matcher,
    Scan,
    entry_aliases,
    entry_matcher,
    load_organisations,
    load_partner_types,
    load_words,
)
from pipeline.extractors.names import (
    Word,
    capitalised_runs,
    definitions,
    long_form,
    name_text,
    word_before,
)
from pipeline.spans import Locator

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTENSION = "ivp_organisations"
PARTNER_EXTENSION = "ivp_partner_types"
MODEL_LABELS = frozenset({"ORG"})
# A definition's long form names a gazetteer entry when it is this close to one of its names.
FUZZY_THRESHOLD = 85


@dataclass(frozen=True)
class Resources:
    """Everything the recogniser needs, built once per component."""

    entries: dict[str, Entry]
    by_acronym: dict[str, tuple[Entry, ...]]
    by_alias: dict[str, str]
    matcher: Matcher
    partner_matcher: Matcher
    head_words: frozenset[str]
    head_suffixes: tuple[str, ...]
    blocking_first_words: frozenset[str]
    strip_first_words: frozenset[str]
    connectors: frozenset[str]
    kind_words: tuple[tuple[str, str], ...]
    lower_case_heads: tuple[str, ...]


@dataclass
class Found:
    """The organisations of one plan while they are being collected."""

    primary: list[Hit] = field(default_factory=list)
    secondary: list[Hit] = field(default_factory=list)
    new: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)  # key -> name, acronym, kind
    bound: dict[str, str] = field(default_factory=dict)  # acronym -> key


def key_of(name: str) -> str:
    """The merge key of a name: case, hyphens and white space ignored."""
    return " ".join(name.casefold().replace("-", " ").split())


@lru_cache(maxsize=8)
def build_resources(gazetteers: tuple[str, ...] = ()) -> Resources:
    """Gazetteer, partner types and word lists compiled for matching."""
    entries = load_organisations(gazetteers)
    words = load_words()
    by_acronym: dict[str, list[Entry]] = {}
    by_alias: dict[str, str] = {}
    for entry in entries:
        if entry.acronym:
            by_acronym.setdefault(entry.acronym, []).append(entry)
        for alias, _ in entry_aliases(entry):
            by_alias.setdefault(key_of(alias), entry.name)
    partner_names = [
        (alias, entry.name, exact) for entry in load_partner_types() for alias, exact in entry_aliases(entry)
    ]
    return Resources(
        entries={entry.name: entry for entry in entries},
        by_acronym={acronym: tuple(group) for acronym, group in by_acronym.items()},
        by_alias=by_alias,
        matcher=entry_matcher(entries),
        partner_matcher=Matcher(partner_names),
        head_words=frozenset(words["head_words"]),
        head_suffixes=tuple(words["head_suffixes"]),
        blocking_first_words=frozenset(words["blocking_first_words"]),
        strip_first_words=frozenset(words["strip_first_words"]),
        connectors=frozenset(words["connectors"]),
        kind_words=tuple(words["kind_words"].items()),
        lower_case_heads=tuple(words["lower_case_heads"]),
    )


def kind_of(name: str, resources: Resources) -> str:
    """The kind of an organisation outside the gazetteer, guessed from the words of its name."""
    parts = [part for word in name.lower().split() for part in word.split("-") if part]
    for word, kind in resources.kind_words:
        if any(word in part for part in parts):
            return kind
    return "other"


def add_new(
    found: Found,
    text: str,
    start: int,
    end: int,
    resources: Resources,
    *,
    acronym: str | None = None,
) -> str:
    """Register an organisation outside the gazetteer (or find it there by name); return its key."""
    name = name_text(text, start, end)
    known = resources.by_alias.get(key_of(name))
    if known is not None:
        return known
    key = key_of(name)
    if key not in found.new or (acronym and found.new[key][1] is None):
        found.new[key] = (name, acronym, kind_of(name, resources))
    return key


def best_entry(run: Sequence[Word], entries: Sequence[Entry], text: str) -> tuple[Entry, tuple[Word, ...]] | None:
    """The entry a definition's long form names, and the tail of the run that names it."""
    best: tuple[float, Entry, tuple[Word, ...]] | None = None
    for start in range(len(run)):
        tail = tuple(run[start:])
        phrase = key_of(name_text(text, tail[0].start, tail[-1].end))
        for entry in entries:
            names = [key_of(alias) for alias, exact in entry_aliases(entry) if not exact]
            score = max(fuzz.ratio(phrase, name) for name in names) if names else 0.0
            # "de Omgevingsdienst (ODRN)": a part of the name standing for the whole
            words_of_entry = {word for name in names for word in name.split()}
            if len(entries) == 1 and set(phrase.split()) <= words_of_entry:
                score = max(score, float(FUZZY_THRESHOLD))
            if score >= FUZZY_THRESHOLD and (best is None or score > best[0]):
                best = (score, entry, tail)
    return (best[1], best[2]) if best else None


def add_definitions(found: Found, text: str, resources: Resources) -> None:
    """Bind each defined acronym to its organisation and record the long form as a mention."""
    for definition in definitions(text, resources.connectors):
        acronym = definition.acronym
        known = resources.by_acronym.get(acronym, ())
        match = best_entry(definition.words, known, text) if known and definition.words else None
        if match is not None:
            entry, tail = match
            found.bound.setdefault(acronym, entry.name)
            found.primary.append(Hit(tail[0].start, tail[-1].end, entry.name))
            continue
        if len(known) == 1:
            continue  # the gazetteer already finds the acronym
        tail = long_form(acronym, definition.words)
        if not tail:
            continue
        key = add_new(found, text, tail[0].start, tail[-1].end, resources, acronym=acronym)
        found.bound.setdefault(acronym, key)
        found.primary.append(Hit(tail[0].start, tail[-1].end, key))
    for acronym, key in found.bound.items():
        if acronym not in resources.by_acronym:
            # every bare use, before the definition as well as after it
            # the look-behind after the first letter lets the regex engine skip ahead to that letter
            first, rest = re.escape(acronym[:1]), re.escape(acronym[1:])
            pattern = re.compile(rf"{first}(?<![\w&].){rest}(?![\w&])")
            found.primary += [Hit(m.start(), m.end(), key) for m in pattern.finditer(text)]


def add_head_word_names(found: Found, text: str, resources: Resources) -> None:
    """Capitalised names with an organisational head word ('Stichting Veilig Wonen')."""

    def single(word: str, start: int) -> bool:
        return is_compound_head(word, resources) or lower_head_before(text, start, resources) is not None

    for run, opens in capitalised_runs(text, resources.connectors, single):
        lead = None if opens else lower_head_before(text, run[0].start, resources)
        if lead is not None:
            # 'de buurtteams Jeugd & Gezin', 'het team Handhaving': a lower-case head names the run
            key = add_new(found, text, lead.start, run[-1].end, resources)
            found.secondary.append(Hit(lead.start, run[-1].end, key))
            continue
        names = list(run)
        if opens and not (len(names) > 1 and is_head(names[0].text, resources)):
            names.pop(0)  # a sentence's first word is capitalised anyway
        while names and (names[0].text.lower() in resources.strip_first_words or not names[0].capitalised):
            names.pop(0)
        if not names or names[0].text.lower() in resources.blocking_first_words:
            continue
        if len(names) == 1 and not is_compound_head(names[0].text, resources):
            continue
        if not any(is_head(word.text, resources) for word in names):
            continue
        key = add_new(found, text, names[0].start, names[-1].end, resources)
        found.secondary.append(Hit(names[0].start, names[-1].end, key))


def lower_head_before(text: str, start: int, resources: Resources) -> Word | None:
    """A lower-case team-like head word right before a capitalised name ('het team Handhaving')."""
    heads = resources.lower_case_heads
    # Asked for most capitalised words: rule out the common case before the regex search.
    if not text[max(0, start - 40) : start].rstrip(" \t\n").lower().endswith(heads):
        return None
    word = word_before(text, start)
    if word is None or not word.text[0].islower():
        return None
    lower = word.text.lower()
    return (
        word if lower in heads or any(lower.endswith(head) and len(lower) > len(head) + 2 for head in heads) else None
    )


def is_compound_head(word: str, resources: Resources) -> bool:
    """Whether one capitalised word inside a sentence names an organisation on its own.

    'de Regieteams' does, being a compound that ends in a head word; 'de Dienst' does not.
    """
    lower = word.lower().rstrip("-")
    return lower not in resources.head_words and is_head(lower, resources)


def is_head(word: str, resources: Resources) -> bool:
    """Whether a word is (or ends in) an organisational head word."""
    lower = word.lower().rstrip("-")
    if lower in resources.head_words:
        return True
    if not lower.endswith(resources.head_suffixes):  # one C-level test for the common case
        return False
    # a compound ending in a head word (Expertisecentrum), not an inflection of the head word
    return any(lower.endswith(suffix) and len(lower) > len(suffix) + 2 for suffix in resources.head_suffixes)


def resolve_shared(hits: Sequence[Hit], found: Found, resources: Resources) -> list[Hit]:
    """Give a shared acronym ('RIEC') the organisation the plan means by it."""
    named = {hit.key for hit in hits if not hit.key.startswith("@")}
    return [
        Hit(hit.start, hit.end, shared_key(hit.key[1:], named, found, resources)) if hit.key.startswith("@") else hit
        for hit in hits
    ]


def shared_key(acronym: str, named: set[str], found: Found, resources: Resources) -> str:
    """A shared acronym's defined meaning, else the one entry the plan names, else a generic one."""
    key = found.bound.get(acronym)
    if key is not None:
        return key
    candidates = [entry.name for entry in resources.by_acronym[acronym] if entry.name in named]
    if len(candidates) == 1:
        return candidates[0]
    kinds = {entry.kind for entry in resources.by_acronym[acronym]}
    key = key_of(acronym)
    found.new[key] = (acronym, acronym, kinds.pop() if len(kinds) == 1 else "other")
    return key


def without_overlaps(primary: Sequence[Hit], secondary: Sequence[Hit] = ()) -> list[Hit]:
    """The longest hit where hits overlap; secondary hits only fill text no primary hit claims."""
    chosen: list[Hit] = []
    for hit in sorted(primary, key=lambda h: (h.start, h.start - h.end)):
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    starts = [hit.start for hit in chosen]
    extra: list[Hit] = []
    for hit in sorted(secondary, key=lambda h: (h.start, h.start - h.end)):
        before = bisect_left(starts, hit.end)  # chosen hits are disjoint: check the last one before
        if (before and chosen[before - 1].end > hit.start) or (extra and hit.start < extra[-1].end):
            continue
        extra.append(hit)
    return sorted(chosen + extra, key=lambda h: (h.start, h.end))


def recognise(
    text: str,
    resources: Resources | None = None,
    spans: Locator | None = None,
    candidates: Sequence[tuple[int, int]] = (),
) -> tuple[tuple[Organisation, ...], tuple[PartnerType, ...]]:
    """The organisations and partner types of a plan; `candidates` are extra (start, end) names."""
    resources = resources or build_resources()
    spans = spans or Locator(text)
    scan = Scan.of(text)
    found = Found(primary=resources.matcher.find(text, scan))
    add_definitions(found, text, resources)
    add_head_word_names(found, text, resources)
    for start, end in candidates:
        found.secondary.append(Hit(start, end, add_new(found, text, start, end, resources)))
    primary = resolve_shared(found.primary, found, resources)
    hits = without_overlaps(primary, found.secondary)
    organisations = group_organisations(hits, found, resources, text, spans)
    partner_hits = without_overlaps(hits, resources.partner_matcher.find(text, scan))
    claimed = set(hits)
    partners = group_partner_types([hit for hit in partner_hits if hit not in claimed], text, spans)
    return organisations, partners


def mentions_by_key(hits: Iterable[Hit], text: str, spans: Locator) -> dict[str, list[Mention]]:
    """Mentions grouped by organisation, in order of first mention."""
    grouped: dict[str, list[Mention]] = {}
    for hit in hits:
        grouped.setdefault(hit.key, []).append(
            Mention(text=name_text(text, hit.start, hit.end), span=spans.span(hit.start, hit.end))
        )
    return grouped


def group_organisations(
    hits: Iterable[Hit], found: Found, resources: Resources, text: str, spans: Locator
) -> tuple[Organisation, ...]:
    """One Organisation per key with all its mentions."""
    organisations = []
    for key, mentions in mentions_by_key(hits, text, spans).items():
        entry = resources.entries.get(key)
        name, acronym, kind = (entry.name, entry.acronym, entry.kind) if entry else found.new[key]
        organisations.append(
            Organisation(name=name, acronym=acronym, kind=kind, mentions=tuple(mentions), count=len(mentions))
        )
    return tuple(organisations)


def group_partner_types(hits: Iterable[Hit], text: str, spans: Locator) -> tuple[PartnerType, ...]:
    """One PartnerType per generic kind of partner with its mentions."""
    return tuple(
        PartnerType(name=key, count=len(mentions), mentions=tuple(mentions))
        for key, mentions in mentions_by_key(hits, text, spans).items()
    )


class OrganisationRecognizer:
    """spaCy component: sets `doc._.ivp_organisations` and `doc._.ivp_partner_types`."""

    def __init__(self, gazetteers: Sequence[str] = ()) -> None:
        self.resources = build_resources(tuple(str(path) for path in gazetteers))

    def __call__(self, doc: Doc) -> Doc:
        spans = locator(doc)
        candidates = tuple((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in MODEL_LABELS)
        organisations, partners = recognise(spans.text, self.resources, spans, candidates)
        store(doc, PARTNER_EXTENSION, partners)
        return store(doc, EXTENSION, organisations)


@Language.factory("ivp_organisations", default_config={"gazetteers": []})
def make_organisation_recognizer(nlp: Language, name: str, gazetteers: list[str]) -> OrganisationRecognizer:
    """Organisations and partner types; `gazetteers`: extra files shaped like organisations.tsv."""
    return OrganisationRecognizer(gazetteers)
