"""Organisations and generic partner types named in a plan, every mention merged under one name.

Sources, strongest first: the gazetteer (pipeline/data/organisations.tsv plus the
user's files), with a generic name followed by a region ('GGD Twente') read as that
region's organisation; acronym definitions "Long Name (LN)" and their bare acronyms;
housing corporations by pattern; capitalised names with an organisational head word;
and ORG entities of a statistical model when one runs before this component.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import TypeAdapter
from spacy.language import Language

from models import Organisation, PartnerType
from models.base import Fields
from pipeline.extractors.component import locator, store, text_scan
from pipeline.extractors.gazetteer import Entry, Hit, entry_aliases
from pipeline.extractors.housing import housing_names
from pipeline.extractors.names import (
    Word,
    capitalised_runs,
    definitions,
    long_form,
    name_text,
    word_before,
)
from pipeline.extractors.organisation_resources import (
    Found,
    Lexicon,
    add_new,
    build_resources,
    is_compound_head,
    is_head,
)
from pipeline.extractors.qualifiers import HEAD_THRESHOLD, key_of, qualifier_end, similarity, split_qualifier
from pipeline.extractors.scan import Scan
from pipeline.spans import Locator
from pipeline.word_search import occurrences_of_each

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTENSION = "ivp_organisations"
PARTNER_EXTENSION = "ivp_partner_types"
MODEL_LABELS = frozenset({"ORG"})
# Validators of a whole list of records from their fields, every mention and span checked.
ORGANISATIONS = TypeAdapter(tuple[Organisation, ...])
PARTNER_TYPES = TypeAdapter(tuple[PartnerType, ...])


def best_entry(
    run: Sequence[Word], entries: Sequence[Entry], text: str, resources: Lexicon
) -> tuple[Entry, tuple[Word, ...]] | None:
    """The entry a definition's long form names, and the tail of the run that names it.

    Only the generic heads are compared loosely: "Regionaal Informatie- en Expertise Centrum
    Zuid-Nederland" is no RIEC Midden-Nederland, however alike the rest of the two names is.
    """

    acronyms = frozenset(entry.acronym.casefold() for entry in entries if entry.acronym)
    phrases = [
        split_qualifier(key_of(name_text(text, run[start].start, run[-1].end)), head_test(acronyms, resources))
        for start in range(len(run))
    ]
    # the best score wins; among equals the longest tail, then the first entry
    best: tuple[tuple[float, int, int], Entry, int] | None = None
    for index, entry in enumerate(entries):
        names, words_of_entry, qualifiers = entry_names(entry, acronyms, resources)
        for start, phrase in enumerate(phrases):
            score = max((similarity(phrase, name) for name in names), default=0.0)
            # "de Omgevingsdienst (ODRN)": a part of the name standing for the whole, with no other region
            if len(entries) == 1 and set(" ".join(phrase).split()) <= words_of_entry and phrase[1] in qualifiers:
                score = max(score, float(HEAD_THRESHOLD))
            rank = (score, -start, -index)
            if score >= HEAD_THRESHOLD and (best is None or rank > best[0]):
                best = (rank, entry, start)
    return (best[1], tuple(run[best[2] :])) if best else None


def head_test(acronyms: frozenset[str], resources: Lexicon) -> Callable[[str], bool]:
    """Whether a word of a merge key is a generic head: a head word or one of the `acronyms`."""

    def head(word: str) -> bool:
        return is_head(word, resources) or word in acronyms

    return head


@lru_cache(maxsize=1024)
def entry_names(
    entry: Entry, acronyms: frozenset[str], resources: Lexicon
) -> tuple[tuple[tuple[str, str], ...], frozenset[str], frozenset[str]]:
    """An entry's loose names split by `split_qualifier`, their words, and their qualifiers with ''.

    The same for every definition of the acronym, so worked out once per process.
    """
    head = head_test(acronyms, resources)
    names = tuple(split_qualifier(key_of(alias), head) for alias, exact in entry_aliases(entry) if not exact)
    words = frozenset(word for parts in names for word in " ".join(parts).split())
    return names, words, frozenset({qualifier for _, qualifier in names} | {""})


def add_definitions(found: Found, text: str, resources: Lexicon) -> None:
    """Bind each defined acronym to its organisation and record the long form as a mention."""
    for definition in definitions(text, resources.connectors):
        acronym = definition.acronym
        known = resources.by_acronym.get(acronym, ())
        match = best_entry(definition.words, known, text, resources) if known and definition.words else None
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
        # a region outside the gazetteer ('... Zuid-Nederland (RIEC)') is typed like its family
        kinds = {entry.kind for entry in known}
        kind = kinds.pop() if len(kinds) == 1 else None
        key = add_new(found, text, tail[0].start, tail[-1].end, resources, acronym=acronym, kind=kind)
        found.bound.setdefault(acronym, key)
        if known:
            found.family[key] = f"@{acronym}"
            region = split_qualifier(key, lambda word: is_head(word, resources))[1]
            if region:  # a later 'RIEC Zuid-Nederland' names the organisation this definition defines
                found.aliases.setdefault(key_of(f"{acronym} {region}"), key)
        found.primary.append(Hit(tail[0].start, tail[-1].end, key))
    for acronym, key in found.bound.items():
        if acronym not in resources.by_acronym:
            # every bare use, before the definition as well as after it
            # the look-behind after the first letter lets the regex engine skip ahead to that letter
            first, rest = re.escape(acronym[:1]), re.escape(acronym[1:])
            pattern = re.compile(rf"{first}(?<![\w&].){rest}(?![\w&])")
            found.primary += [Hit(m.start(), m.end(), key) for m in pattern.finditer(text)]


def add_head_word_names(found: Found, text: str, resources: Lexicon, scan: Scan) -> None:
    """Capitalised names with an organisational head word ('Stichting Veilig Wonen')."""

    suffixes, lower_heads = resources.head_suffixes, resources.lower_case_heads
    # Asked for every capitalised word, `single` first looks it up in two sets that hold every
    # place where the exact tests below can pass: far cheaper than slicing and lowering each time.
    suffix_ends, after_heads = head_places(scan.lower, suffixes, lower_heads)

    def single(word: str, start: int) -> bool:
        if start + len(word) not in suffix_ends and start not in after_heads:
            return False
        if word.lower().rstrip("-").endswith(suffixes) and is_compound_head(word, resources):
            return True
        before = text[max(0, start - 40) : start].rstrip(" \t\n").lower()
        return before.endswith(lower_heads) and lower_head_before(text, start, resources) is not None

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


def head_places(lower: str, suffixes: tuple[str, ...], heads: tuple[str, ...]) -> tuple[set[int], set[int]]:
    """Where a word may end in one of `suffixes`, and where a word may start after one of `heads`.

    `lower` is the text lowered with its offsets kept. The first set holds the end of every
    suffix in `lower`, also past one hyphen after it; the second the end of the spaces or tabs
    after every head. A capitalised word lowering to a suffix's letters shows them in `lower`.
    """
    starts = occurrences_of_each((*suffixes, *heads), lower)
    suffix_ends: set[int] = set()
    for suffix in suffixes:
        for start in starts[suffix]:
            suffix_ends.update((start + len(suffix), start + len(suffix) + 1))
    after_heads: set[int] = set()
    for head in heads:
        for start in starts[head]:
            end = position = start + len(head)
            while position < len(lower) and lower[position] in " \t":
                position += 1
            if position > end:
                after_heads.add(position)
    return suffix_ends, after_heads


def add_housing_names(found: Found, text: str, resources: Lexicon, scan: Scan) -> None:
    """Housing corporations named after a housing noun or with 'Wonen', and their later bare names."""
    words = resources.words
    lower, plan_words = scan.lower, scan.words
    spans = housing_names(
        text,
        frozenset(words["housing_nouns"]),
        words["housing_name_word"],
        frozenset(words["not_with_housing_name_word"]),
        frozenset(words["housing_name_stops"]),
        lower,
        plan_words,
    )
    names: dict[str, str] = {}
    for start, end in spans:
        names.setdefault(name_text(text, start, end), add_new(found, text, start, end, resources, kind="housing"))
    for name, key in names.items():
        # 'Portaal' on its own later in the plan is the same corporation
        pattern = bare_name_pattern(name)
        found.primary += [Hit(m.start(), m.end(), key) for m in pattern.finditer(text)]


def bare_name_pattern(name: str) -> re.Pattern[str]:
    """`name` as a whole name, its words split by any white space."""
    first, *others = name.split()
    # The first letter before the look-behind lets the regex engine skip ahead to that letter
    # instead of trying every position of the plan; `.` holds, for a name never opens with a line break.
    opening = rf"{re.escape(first[0])}(?<![\w&-].){re.escape(first[1:])}"
    return re.compile(r"\s+".join([opening, *map(re.escape, others)]) + r"(?![\w&-])")


def lower_head_before(text: str, start: int, resources: Lexicon) -> Word | None:
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


def qualify(hits: Sequence[Hit], found: Found, text: str, resources: Lexicon) -> list[Hit]:
    """Give a generic name followed by a region ('GGD Twente', 'RIEC-Limburg') its own organisation.

    A generic entry absorbs only unqualified mentions: a qualified one names the gazetteer entry
    of that region, the organisation a definition in the plan gave that region, or else a new
    organisation typed like its generic parent.
    """
    starts = {hit.start for hit in hits}

    def stops(word: str, start: int) -> bool:
        lower = word.lower()
        return (
            start in starts
            or lower in resources.blocking_first_words
            or lower.endswith(resources.not_region_endings)
            or is_head(lower, resources)
        )

    qualified = []
    for hit in hits:
        kind = resources.parents.get(hit.key)
        if kind is None:
            qualified.append(hit)
            continue
        end = qualifier_end(text, hit.end, resources.connectors, resources.qualifier_prefixes, stops)
        if end is None:
            qualified.append(hit)
            continue
        printed = name_text(text, hit.start, hit.end)
        region = name_text(text, hit.end, end).lstrip("- ")
        qualified.append(Hit(hit.start, end, qualified_key(hit.key, printed, region, kind, found, resources)))
    return qualified


def qualified_key(parent: str, printed: str, region: str, kind: str, found: Found, resources: Lexicon) -> str:
    """The organisation a generic name with a region names: listed, defined in the plan, or new."""
    entry = resources.entries.get(parent)
    generic_names = [alias for alias, _ in entry_aliases(entry)] if entry else [printed]
    for generic in [printed, *generic_names]:
        key = key_of(f"{generic} {region}")
        known = resources.by_alias.get(key) or found.aliases.get(key) or found.bound.get(f"{generic} {region}")
        if known is not None:
            return known
    # one key for every generic name of the parent: 'Veiligheidshuis X' and 'Zorg- en Veiligheidshuis X'
    key = key_of(f"{entry.name if entry else parent.lstrip('@')} {region}")
    found.new.setdefault(key, (f"{printed} {region}", None, kind))
    found.family[key] = parent
    return key


def resolve_shared(hits: Sequence[Hit], found: Found, resources: Lexicon) -> list[Hit]:
    """Give a shared acronym ('RIEC') or a bare generic name ('de GGD') the organisation the plan means.

    A generic name means the one region of its family the plan names ('de GGD West-Brabant ...
    de GGD'); with none or several it stays generic.
    """
    named = {hit.key for hit in hits if not hit.key.startswith("@")}
    resolved = []
    for hit in hits:
        key = hit.key
        if key.startswith("@"):
            key = shared_key(key[1:], named, found, resources)
        elif key in resources.members:
            regions = named_regions(key, named, found, resources)
            key = regions[0] if len(regions) == 1 else key
        resolved.append(Hit(hit.start, hit.end, key))
    return resolved


def named_regions(parent: str, named: set[str], found: Found, resources: Lexicon) -> list[str]:
    """The organisations of a generic parent's family that the plan names."""
    listed = [name for name in sorted(resources.members[parent]) if name in named]
    return listed + [key for key, family in found.family.items() if family == parent and key in named]


def shared_key(acronym: str, named: set[str], found: Found, resources: Lexicon) -> str:
    """A shared acronym's defined meaning, else the one entry the plan names, else a generic one."""
    key = found.bound.get(acronym)
    if key is not None:
        return key
    candidates = named_regions(f"@{acronym}", named, found, resources)
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
    resources: Lexicon | None = None,
    spans: Locator | None = None,
    candidates: Sequence[tuple[int, int]] = (),
    scan: Scan | None = None,
) -> tuple[tuple[Organisation, ...], tuple[PartnerType, ...]]:
    """The organisations and partner types of a plan; `candidates` are extra (start, end) names.

    `scan` is the text's `Scan` when another component has made it already.
    """
    resources = resources or build_resources()
    spans = spans or Locator(text)
    scan = scan or Scan.of(text)
    found = Found()
    add_definitions(found, text, resources)
    found.primary += qualify(resources.matcher.find(text, scan), found, text, resources)
    add_head_word_names(found, text, resources, scan)
    add_housing_names(found, text, resources, scan)
    for start, end in candidates:
        found.secondary.append(Hit(start, end, add_new(found, text, start, end, resources)))
    primary = resolve_shared(found.primary, found, resources)
    hits = without_overlaps(primary, found.secondary)
    organisations = group_organisations(hits, found, resources, text, spans)
    partner_hits = without_overlaps(hits, resources.partner_matcher.find(text, scan))
    claimed = set(hits)
    partners = group_partner_types([hit for hit in partner_hits if hit not in claimed], text, spans)
    return organisations, partners


def mentions_by_key(hits: Iterable[Hit], text: str, spans: Locator) -> dict[str, list[Fields]]:
    """The fields of each organisation's mentions, in order of first mention.

    Fields, not models: the records validate all their mentions and spans at once, cheaper
    than a model built per mention and per span.
    """
    grouped: dict[str, list[Fields]] = {}
    for hit in hits:
        grouped.setdefault(hit.key, []).append(
            {"text": name_text(text, hit.start, hit.end), "span": spans.fields(hit.start, hit.end)}
        )
    return grouped


def group_organisations(
    hits: Iterable[Hit], found: Found, resources: Lexicon, text: str, spans: Locator
) -> tuple[Organisation, ...]:
    """One Organisation per key with all its mentions."""
    organisations = []
    for key, mentions in mentions_by_key(hits, text, spans).items():
        entry = resources.entries.get(key)
        name, acronym, kind = (entry.name, entry.acronym, entry.kind) if entry else found.new[key]
        organisations.append(
            {"name": name, "acronym": acronym, "kind": kind, "mentions": mentions, "count": len(mentions)}
        )
    return ORGANISATIONS.validate_python(organisations)


def group_partner_types(hits: Iterable[Hit], text: str, spans: Locator) -> tuple[PartnerType, ...]:
    """One PartnerType per generic kind of partner with its mentions."""
    return PARTNER_TYPES.validate_python(
        [
            {"name": key, "count": len(mentions), "mentions": mentions}
            for key, mentions in mentions_by_key(hits, text, spans).items()
        ]
    )


class OrganisationRecognizer:
    """spaCy component: sets `doc._.ivp_organisations` and `doc._.ivp_partner_types`."""

    def __init__(self, gazetteers: Sequence[str] = ()) -> None:
        self.resources = build_resources(tuple(str(path) for path in gazetteers))

    def __call__(self, doc: Doc) -> Doc:
        spans = locator(doc)
        candidates = tuple((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in MODEL_LABELS)
        organisations, partners = recognise(spans.text, self.resources, spans, candidates, text_scan(doc))
        store(doc, PARTNER_EXTENSION, partners)
        return store(doc, EXTENSION, organisations)


@Language.factory("ivp_organisations", default_config={"gazetteers": []})
def make_organisation_recognizer(nlp: Language, name: str, gazetteers: list[str]) -> OrganisationRecognizer:
    """Organisations and partner types; `gazetteers`: extra files shaped like organisations.tsv."""
    return OrganisationRecognizer(gazetteers)
