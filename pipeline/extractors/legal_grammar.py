"""The grammar of Dutch legal citations: compiled patterns and word lists, no logic.

Covers "artikel 38b, eerste lid Politiewet 2012", "art. 13b Opiumwet",
"artikelen 172 en 174 van de Gemeentewet", "artikel 151b lid 1 sub a Gemeentewet",
"het tweede lid, onder b, van artikel 172 Gemeentewet", "artikel 13b, eerste lid,
aanhef en onder a, van de Opiumwet", "artikel 5:21 jo. 5:32 Awb" and articles after
the law ("de Gemeentewet art. 174a lid 1", "Opiumwet, art. 13b", "Gemeentewet (artikel 172)").
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

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

# Words that end a law's name that is not in the table (pipeline/data/law-name-stop-words.txt).
NAME_STOP_WORDS = frozenset(
    word
    for line in (DATA / "law-name-stop-words.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for word in line.split()
)

# Name words that carry no identity, left out when context decides an ambiguous alias.
TITLE_FILLER_WORDS = frozenset(("wet", "op", "de", "het", "van", "voor", "door", "en", "in", "ter", "tot", "der"))

_ORDINAL = "|".join(ORDINALS)
_NUMBER = r"\d+[a-zA-Z]{0,3}(?:[.:]\d+[a-zA-Z]{0,3})*\b"


# A lid in any of its printed forms: "eerste lid", "het tweede lid", "lid 1", "2e lid".
_LID = rf"(?:(?:het\s+)?(?:{_ORDINAL})\s+lid|lid\s+\d+|\d+(?:e|ste|de)\s+lid)\b"
# An onder/sub/onderdeel letter or number, also after "aanhef en" ("aanhef en onder a").
# Further letters may follow ("onder a en b"): each is a reference of its own.
_SUB = r"(?:aanhef,?\s+en\s+)?(?:onder(?:deel)?|sub)\s+(?:[a-z]\b|\d+\b°?)(?:\s*(?:,|\ben\b|\bof\b)\s*[a-z]\b)*"
# "artikel", "artikelen", "art.", "artt." and "art" without its full stop.
_ARTICLE_WORD = r"(?:artikel(?:en)?|artt?\.|artt?(?=\s))"
# One cited article with its own lid and sub: "13b, eerste lid, aanhef en onder a".
_PART = rf"{_NUMBER}(?:,?\s+{_LID})?(?:,?\s+{_SUB})?"
# Between two cited articles: "172 en 174", "13a, 13b", "172, derde lid, en artikel 174",
# "5:21 jo. 5:32", "juncto".
_JOIN = rf"\s*(?:,?\s*(?:\ben\b|\bof\b|\bjo\b\.?|\bjuncto\b|\bj°)|,)\s*(?:{_ARTICLE_WORD}\s+)?"
# The articles of one citation; a further number is not the start of "2e lid".
_ARTICLES = rf"{_ARTICLE_WORD}\s+(?P<chain>{_PART}(?:{_JOIN}{_NUMBER}(?!\s+lid\b)(?:,?\s+{_LID})?(?:,?\s+{_SUB})?)*)"
# A lid and sub printed before the article they belong to: "het tweede lid, onder b, van".
_BEFORE = rf"(?:(?P<before>{_LID}(?:,?\s+{_SUB})?|{_SUB}),?\s+van\s+)"

# An article citation before the law, up to where the law's name must begin.
# The look-ahead on first letters (het, ordinals, lid, onder, sub, aanhef, a digit, art)
# is only for speed.
ARTICLE_CITATION = re.compile(
    rf"(?<![\w-])(?=[aehltvzdnos0-9]){_BEFORE}?{_ARTICLES}"
    r",?\s+(?:(?:van|uit)\s+(?:de|het)\s+|van\s+|der\s+)?",
    re.IGNORECASE,
)
# Every ARTICLE_CITATION match consists of characters of CITATION_RUN only (line breaks
# included; brackets belong to TRAILING_ARTICLE, which is only tried where a name ends), and
# its first article word follows a character that is no letter, digit or hyphen. So
# citations are sought only in the runs of those characters around each ARTICLE_WORD,
# which opens with "a" so the regex engine skips ahead to it.
ARTICLE_WORD = re.compile(r"a(?<![\w-].)rt", re.IGNORECASE)
CITATION_RUN = re.compile(r"[\w\s,.:°]*")
# The characters of a lid and sub printed before the article they belong to (_BEFORE).
BEFORE_ARTICLE = re.compile(r"[\w\s,°]*")
# An article cited after the law: "de Gemeentewet (artikel 172)", "Opiumwet, art. 13b",
# "de Gemeentewet art. 174a lid 1" (white space with at most one line break: a blank line
# starts something else). The closing bracket is part of the citation only when the
# opening one is.
TRAILING_ARTICLE = re.compile(
    rf"(?:\s*,\s*|\s*(?P<open>\()\s*|[^\S\n]*\n?[^\S\n]*(?<=\s)){_ARTICLES}(?(open)\s*\))",
    re.IGNORECASE,
)
# An article number printed without "artikel" right before the law: "handhavingsbeleid
# 13b Opiumwet". Only numbers with a letter or a chapter ("13b", "2:1") count: a plain
# number before a name is as often a year or a count, and "2e" is an ordinal.
# It opens with the digit it consumes first, so the regex engine skips ahead to digits.
BARE_ARTICLE = re.compile(
    r"(?P<chain>\d(?<![\w.:/-]\d)(?:\d*(?!e\b|de\b|ste\b)[a-z]{1,2}|\d*:\d+[a-z]?))(?![\w:])[^\S\n]+"
)
# The number of a BARE_ARTICLE match that has letters, as a whole word ("13b").
NUMBER_WITH_LETTERS = re.compile(r"\d+[a-z]{1,2}")
# One article of a matched chain, with its own lid and sub, in named groups.
ARTICLE_PART = re.compile(rf"(?P<number>{_NUMBER})(?:,?\s+(?P<lid>{_LID}))?(?:,?\s+(?P<sub>{_SUB}))?", re.IGNORECASE)
# The number or letter of a lid or sub matched above.
LID_NUMBER = re.compile(rf"(?P<ordinal>{_ORDINAL})|(?P<number>\d+)", re.IGNORECASE)
SUB_VALUES = re.compile(r"(?:onder(?:deel)?|sub)\s+(?P<value>.*)", re.IGNORECASE | re.DOTALL)
SUB_VALUE = re.compile(r"\b(?:[a-z]|\d+)\b", re.IGNORECASE)

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
