"""What the organisation recogniser works with: compiled reference data and the names found so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.extractors.documents import NOUNS_FILE, read_nouns
from pipeline.extractors.gazetteer import (
    Entry,
    Hit,
    Matcher,
    entry_aliases,
    entry_matcher,
    load_organisations,
    load_partner_types,
    load_words,
)
from pipeline.extractors.names import name_text
from pipeline.extractors.qualifiers import key_of


@dataclass(frozen=True, eq=False)  # compared and hashed by identity, so caches can key on it
class Lexicon:
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
    parents: dict[str, str]  # key of a generic parent (an entry name, or '@RIEC') -> its kind
    members: dict[str, frozenset[str]]  # generic parent -> the entries of its regions
    qualifier_prefixes: frozenset[str]
    not_region_endings: tuple[str, ...]
    words: dict[str, Any]


@dataclass
class Found:
    """The organisations of one plan while they are being collected."""

    primary: list[Hit] = field(default_factory=list)
    secondary: list[Hit] = field(default_factory=list)
    new: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)  # key -> name, acronym, kind
    bound: dict[str, str] = field(default_factory=dict)  # acronym -> key
    family: dict[str, str] = field(default_factory=dict)  # key of a qualified new organisation -> parent key
    aliases: dict[str, str] = field(default_factory=dict)  # merge key of another name -> key


@lru_cache(maxsize=8)
def build_resources(gazetteers: tuple[str, ...] = ()) -> Lexicon:
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
    # A shared acronym (RIEC) is the generic parent of the entries that share it.
    parents = {f"@{acronym}": group[0].kind for acronym, group in by_acronym.items() if len(group) > 1}
    parents |= {name: entry.kind for entry in entries if (name := entry.name) in words["regional_parents"]}
    members = {f"@{acronym}": frozenset(entry.name for entry in group) for acronym, group in by_acronym.items()}
    national = frozenset(words["national_qualifiers"])
    members |= {parent: regions_of(parent, entries, national) for parent in parents if not parent.startswith("@")}
    partner_names = [
        (alias, entry.name, exact) for entry in load_partner_types() for alias, exact in entry_aliases(entry)
    ]
    return Lexicon(
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
        parents=parents,
        members=members,
        qualifier_prefixes=frozenset(words["qualifier_prefixes"]),
        # 'GGD Gezondheidsmonitor', 'RIEC Jaarverslag': a document or a task, not a region
        not_region_endings=tuple(words["not_region_endings"])
        + tuple(noun for noun in read_nouns(NOUNS_FILE) if " " not in noun),
        words=words,
    )


def regions_of(parent: str, entries: tuple[Entry, ...], national: frozenset[str]) -> frozenset[str]:
    """The entries named like a generic parent with a region: 'GGD Twente' for 'GGD'.

    Same kind only ('GGD GHOR Nederland' is an association of GGD'en), and no national body
    ('Brandweer Nederland' is no region of the brandweer).
    """
    by_name = {entry.name: entry for entry in entries}
    generic = [f"{key_of(alias)} " for alias, _ in entry_aliases(by_name[parent])]

    def region_of(entry: Entry) -> bool:
        keys = [key_of(alias) for alias, _ in entry_aliases(entry)]
        return any(key.startswith(g) and key[len(g) :] not in national for key in keys for g in generic)

    return frozenset(
        entry.name
        for entry in entries
        if entry.kind == by_name[parent].kind and entry.name != parent and region_of(entry)
    )


def kind_of(name: str, resources: Lexicon) -> str:
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
    resources: Lexicon,
    *,
    acronym: str | None = None,
    kind: str | None = None,
) -> str:
    """Register an organisation outside the gazetteer (or find it there by name); return its key."""
    name = name_text(text, start, end)
    key = key_of(name)
    known = resources.by_alias.get(key) or found.aliases.get(key)
    if known is not None:
        return known
    if key not in found.new or (acronym and found.new[key][1] is None):
        found.new[key] = (name, acronym, kind or kind_of(name, resources))
    return key


def is_compound_head(word: str, resources: Lexicon) -> bool:
    """Whether one capitalised word inside a sentence names an organisation on its own.

    'de Regieteams' does, being a compound that ends in a head word; 'de Dienst' does not.
    """
    lower = word.lower().rstrip("-")
    return lower not in resources.head_words and is_head(lower, resources)


def is_head(word: str, resources: Lexicon) -> bool:
    """Whether a word is (or ends in) an organisational head word."""
    lower = word.lower().rstrip("-")
    if lower in resources.head_words:
        return True
    if not lower.endswith(resources.head_suffixes):  # one C-level test for the common case
        return False
    # a compound ending in a head word (Expertisecentrum), not an inflection of the head word
    return any(lower.endswith(suffix) and len(lower) > len(suffix) + 2 for suffix in resources.head_suffixes)
