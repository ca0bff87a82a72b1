"""The grammar of Dutch legal citations: compiled patterns and word lists, no logic.

Covers "artikel 38b, eerste lid Politiewet 2012", "art. 13b Opiumwet",
"artikelen 172 en 174 van de Gemeentewet", "artikel 151b lid 1 sub a Gemeentewet"
and "het tweede lid, onder b, van artikel 172 Gemeentewet".
"""

from __future__ import annotations

import re

ORDINALS: dict[str, int] = {
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "vijfde": 5,
    "zesde": 6,
    "zevende": 7,
    "achtste": 8,
    "negende": 9,
    "tiende": 10,
}

# Words that end a law's name that is not in the table: conjunctions, relatives,
# auxiliaries and adverbs that follow a name in running text ("de Wet op de X is ...").
NAME_STOP_WORDS = frozenset(
    """
    en of maar want dus die dat welke wie wat waarin waarmee waarbij waarop waardoor
    om te als zoals naast nu ook al nog niet wel dan toen wanneer omdat doordat zodat
    is zijn was waren wordt worden werd werden kan kunnen moet moeten mag mogen zal
    zullen zou zouden heeft hebben had hadden gaat gaan staat staan biedt bieden geeft
    geven regelt regelen bepaalt bepalen maakt maken treedt trad vraagt vragen
    """.split()  # noqa: SIM905 - a word list reads better as running text
)

# Name words that carry no identity, left out when context decides an ambiguous alias.
TITLE_FILLER_WORDS = frozenset(("wet", "op", "de", "het", "van", "voor", "door", "en", "in", "ter", "tot", "der"))

_ORDINAL = "|".join(ORDINALS)
_NUMBER = r"\d+[a-zA-Z]{0,3}(?:[.:]\d+[a-zA-Z]{0,3})*\b"


def _paragraph(tag: str) -> str:
    """A lid in any of its printed forms, its number in groups named after `tag`."""
    return (
        rf"(?:(?:het\s+)?(?P<{tag}_ord>{_ORDINAL})\s+lid"
        rf"|lid\s+(?P<{tag}_num>\d+)"
        rf"|(?P<{tag}_nth>\d+)(?:e|ste|de)\s+lid)\b"
    )


def _sub(tag: str) -> str:
    return rf"(?:onder|sub)\s+(?P<{tag}_sub>[a-z]\b|\d+)°?"


# "artikel 38b, eerste lid", "artikelen 172 en 174", "art. 151b lid 1 sub a": group
# `numbers` holds every article number, the lid and sub follow.
_ARTICLE = (
    r"(?:artikel(?:en)?|artt?\.)\s+"
    rf"(?P<numbers>{_NUMBER}(?:\s*(?:,|\ben\b)\s*{_NUMBER}(?!\s+lid\b))*)"
    rf"(?:,?\s+{_paragraph('post')})?"
    rf"(?:,?\s+{_sub('post')})?"
)
# An article citation before the law, up to where the law's name must begin; the lid
# and sub may also come first ("het tweede lid, onder b, van artikel 172 Gemeentewet").
# The look-ahead on first letters (het, ordinals, lid, a digit, art) is only for speed.
ARTICLE_CITATION = re.compile(
    rf"(?<![\w-])(?=[aehltvzdn0-9])(?:(?:{_paragraph('pre')})(?:,?\s+{_sub('pre')})?,?\s+van\s+)?{_ARTICLE}"
    r",?\s+(?:(?:van|uit)\s+(?:de|het)\s+|van\s+|der\s+)?",
    re.IGNORECASE,
)
# Every citation holds one "artikel"/"art." after a character that is no letter, digit or
# hyphen (found by "a" first, so the regex engine skips ahead), and consists of characters
# of CITATION_RUN only: citations are sought in the runs of those around each "art".
ARTICLE_WORD = re.compile(r"a(?<![\w-].)rt", re.IGNORECASE)
CITATION_RUN = re.compile(r"[\w\s,.:°]*")
# An article cited after the law: "de Gemeentewet (artikel 172)", "Opiumwet, art. 13b".
# The closing bracket is part of the citation only when the opening one is.
TRAILING_ARTICLE = re.compile(rf"\s*(?:,\s*|(?P<open>\()\s*){_ARTICLE}(?(open)\s*\))", re.IGNORECASE)
ARTICLE_NUMBER = re.compile(_NUMBER)

# "Wet" as the start of a law's name (capital W, followed by white space, so that
# "wetgeving", "Wet- en regelgeving" and "de wet" never start one). The patterns run over
# the whole plan: each opens with what it consumes first, so the regex engine can skip
# ahead to that, and checks the character before it in a look-behind.
NAME_START = re.compile(r"Wet(?<![\w-]Wet)(?=\s)")
# One more word of a name: letters (with apostrophes and hyphens inside) or a year.
NAME_WORD = re.compile(r"\s+([^\W\d_][\w’'-]*[^\W_]|[^\W\d_]|\d{4}\b)")
# A capitalised compound ending in "wet" ("Winkeltijdenwet"), with an optional year.
COMPOUND_NAME = re.compile(r"[A-Z](?<![\w-].)[^\W\d_]*[a-z]wet(?:\s+\d{4}\b)?(?![\w-])")
# "(Wet Bibob)" or "(Bibob)" right after a name; emphasis marks may sit in between.
BRACKETED = re.compile(r"[*_]*\s*\(\s*(?P<inner>[^()\n]{1,80}?)\s*\)")
# What may be defined in brackets as a short name for the law just cited.
ABBREVIATION = re.compile(r"(?:Wet\s+)?[A-Z][\w.’'-]{1,15}")
APOSTROPHES = "'’‘`"
