"""Compiled patterns and word lists used by the normalise steps."""

from __future__ import annotations

import re

from pipeline.dates import MONTH_NAMES, WRITTEN_DATE

# Decorative bullets that mark list items or sub-headings; never content.
BULLETS = "▪■□●○◦•·‣⁃➢➤►▶→-–*"
_BULLET = rf"[{re.escape(BULLETS)}]"
_ORDINAL = r"\(?(?:\d{1,2}|[a-z])[.)]"
BULLET_MARKER = re.compile(rf"^\s*({_BULLET})\s+(?=\S)")
ORDERED_MARKER = re.compile(rf"^\s*({_ORDINAL})\s+(?=\S)")
# Either marker in one match, for the many lines that have neither (no bullet opens an ordinal).
LIST_MARKER = re.compile(rf"^\s*({_BULLET}|{_ORDINAL})\s+(?=\S)")
TERMINAL_PUNCTUATION = ".,;:!"
GAP = re.compile(r"\s{2,}|\t")
# Whether a line has a GAP at all: opens with a character class, so the regex engine skips ahead.
HAS_GAP = re.compile(r"\s(?:\s|(?<=\t))")
NUMERIC_CELL = re.compile(r"^[-–(€\s]*\d[\d.,\s]*\)?\s*%?$|^[-–]$")
SIGNATURE_DATE = re.compile(rf"\b{WRITTEN_DATE}\s*$", re.IGNORECASE)
# A dateline without a day: a place, a comma, a month and a year ("Den Haag, maart 2024").
MONTH_DATELINE = re.compile(rf",\s*(?:{MONTH_NAMES})\s+(?:19|20)\d{{2}}\s*$", re.IGNORECASE)
TOC_HEADING = re.compile(r"^(inhoud|inhoudsopgave|inhoudstafel|table of contents)\s*:?$", re.IGNORECASE)
# Four dots (spaced or not), two ellipses or four underscores. Written to open with a
# character class so the regex engine skips ahead to those characters: it is run over every block.
DOT_LEADER = re.compile(r"[.…_](?:(?<=\.)\s?(?:\.\s?){3,}|(?<=…)…+|(?<=_)_{3,})")
# One entry inside a run of them (a Word paragraph with line breaks, or one flattened line):
# a title, a leader of dots or ellipses, the page.
LEADER_ENTRY = re.compile(r"(?P<title>[^\s.…_][^\n\t]*?)\s*(?:[.…_]\s?){2,}\s*(?P<page>\d{1,4})(?=\s|$)")
TOC_ENTRY = re.compile(r"^(?P<title>.+?)(?:\s*(?:\.\s?){3,}\s*|\t+|\s{2,})(?P<page>\d{1,3})\s*$")
# 'Inleiding 3', 'Inleiding3', '1. Ondermijning 5': a title and the page it starts on.
FLAT_ENTRY = re.compile(r"((?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[^\d]*?[^\d\s.])\s*(\d{1,3})(?=\s|$)")
CONJUNCTIONS_AFTER_HYPHEN = {"en", "of", "tot", "en/of", "noch"}
# Dutch prefixes written with a hyphen ("niet-gemeentelijk", "ex-gedetineerde", "oud-burgemeester").
HYPHENATED_PREFIXES = {"niet", "ex", "oud", "anti", "vice", "non", "semi", "pro", "co", "extra", "multi", "zelf"}
VOWELS = set("aeiouyáéíóúàèëïöüâêîôû")
SPACES = re.compile(r"[ \u00a0\u2007\u202f]{2,}")
# A line ending in one of these words continues on the next line; it is no heading.
TRAILING_FUNCTION_WORDS = {
    "en",
    "of",
    "de",
    "het",
    "een",
    "van",
    "met",
    "voor",
    "in",
    "op",
    "aan",
    "te",
    "door",
    "bij",
    "naar",
    "om",
    "die",
    "dat",
    "als",
    "tot",
    "over",
    "onder",
    "uit",
    "zijn",
    "is",
    "wordt",
    "worden",
}
