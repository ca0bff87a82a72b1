"""Quick exact answers, from string methods, to the regex questions asked of every line or block.

Each function answers exactly as its pattern would. They rest on one fact: every white space
character except the plain space is unprintable (tabs, no-break spaces, line separators...), so
in a printable text plain substring tests can stand in for `\\s`.
"""

from __future__ import annotations

from pipeline.normalise.patterns import DOT_LEADER, HAS_GAP


def has_gap(text: str, printable: bool = False) -> bool:
    """Does `text` hold a column gap (`GAP`: two white space characters, or a tab)?

    `printable`: the caller knows `text.isprintable()` holds, so it need not be asked again.
    """
    if printable or text.isprintable():
        return "  " in text
    return HAS_GAP.search(text) is not None


def has_dot_leader(text: str, printable: bool = False) -> bool:
    """Does `text` hold a `DOT_LEADER` (four dots, spaced or not; two ellipses; four underscores)?"""
    if (printable or text.isprintable()) and ".." not in text and ". ." not in text:
        return "……" in text or "____" in text
    return DOT_LEADER.search(text) is not None


def single_spaced(text: str, printable: bool = False) -> bool:
    """Is `text` already what `" ".join(text.split())` makes of it?"""
    if "  " in text or text.startswith(" ") or text.endswith(" "):
        return False
    return printable or text.isprintable()
