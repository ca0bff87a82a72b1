"""Footnotes of an HTML page: the notes lifted out of the tree, and the markers that cite them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import Tag

# Notes sections and single notes as pandoc, Word ("Save as web page"), CMSes and CVDR mark them.
_NOTE_CLASS = re.compile(r"^(?:foot-?notes?|voetno(?:o)?t(?:en)?|end-?notes?|noten|notes)$", re.I)
_NOTE_ID = re.compile(
    r"^(?:_?ftn|fn|footnote|voetno(?:o)?t|noot|note|endnote)-?(\d+)$|^(?:footnotes|voetnoten|noten)$",
    re.I,
)
_NOTE_ROLES = frozenset({"doc-endnotes", "doc-footnote", "doc-endnote"})
_REF_CLASS = re.compile(r"^(?:footnote-?ref|noteref|voetnootref)", re.I)
_BACKLINK = re.compile(r"^#(?:_?ftnref|fnref|ref-?fn)", re.I)
_CONTAINERS = frozenset({"section", "div", "aside", "ol", "ul", "footer", "p", "li", "dl"})
_LEADING_NUMBER = re.compile(r"^\s*\[?\(?(\d{1,3})[\])]?\.?(?:\s+|$)")
_DIGITS = re.compile(r"\d{1,3}")
_BACK_ARROWS = frozenset({"↩", "↩︎", "^", "↑"})
_WHITESPACE = re.compile(r"\s+")


@dataclass
class Notes:
    """Footnote texts by number and the anchors (ids, names) that lead to each note."""

    texts: dict[int, str] = field(default_factory=dict)
    anchors: dict[str, int] = field(default_factory=dict)

    def ref_number(self, tag: Tag) -> int | None:
        """The note number when `tag` is a footnote marker in the body, else None."""
        if tag.name == "a":
            href = str(tag.get("href") or "")
            if href.startswith("#") and href[1:] in self.anchors:
                return self.anchors[href[1:]]
            classes = " ".join(_classes(tag))
            if tag.get("role") == "doc-noteref" or _REF_CLASS.search(classes):
                return self._known(tag.get_text())
            return None
        if tag.name == "sup":
            link = tag.find("a")
            if isinstance(link, Tag):
                number = self.ref_number(link)
                if number is not None:
                    return number
            return self._known(tag.get_text())
        return None

    def _known(self, text: str) -> int | None:
        digits = text.strip().strip("[]()")
        if digits.isdigit() and int(digits) in self.texts:
            return int(digits)
        return None


def lift_footnotes(root: Tag) -> Notes:
    """Find the notes of the page, record them and remove them from the tree."""
    notes = Notes()
    candidates = [tag for tag in root.find_all(_CONTAINERS) if _is_note(tag)]
    # Tags compare by content in bs4, so nesting is checked by identity.
    found = {id(tag) for tag in candidates}
    chosen = [tag for tag in candidates if not any(id(parent) in found for parent in tag.parents)]
    for container in chosen:
        for position, item in enumerate(_items(container), start=1):
            _record(item, position, container, notes)
        container.decompose()
    return notes


def _is_note(tag: Tag) -> bool:
    if tag.get("role") in _NOTE_ROLES:
        return True
    if any(_NOTE_CLASS.match(name) for name in _classes(tag)):
        return True
    return bool(_NOTE_ID.match(str(tag.get("id") or "")))


def _items(container: Tag) -> list[Tag]:
    """The single notes of a notes section: its list items, its numbered paragraphs, or itself."""
    items = [
        li for li in container.find_all("li") if li.find_parent("li") is None or li is container
    ]
    if container.name == "li" or not items:
        paragraphs = [child for child in container.find_all(["p", "div"], recursive=False)]
        numbered = [p for p in paragraphs if _LEADING_NUMBER.match(p.get_text()) or _has_note_id(p)]
        return numbered if len(numbered) >= 2 else [container]
    return items


def _record(item: Tag, position: int, container: Tag, notes: Notes) -> None:
    number = _id_number(item)
    anchors = [str(item.get("id") or "")]
    anchors += [str(tag.get("id") or tag.get("name") or "") for tag in item.find_all(["a", "span"])]
    for link in item.find_all("a"):
        href = str(link.get("href") or "")
        if (
            _BACKLINK.match(href)
            or link.get("role") == "doc-backlink"
            or link.get_text().strip() in _BACK_ARROWS
        ):
            if number is None:
                number = _leading(link.get_text())
            link.decompose()
    text = _WHITESPACE.sub(" ", item.get_text(" ")).strip()
    leading = _LEADING_NUMBER.match(text)
    if leading and (number is None or int(leading.group(1)) == number):
        number = int(leading.group(1))
        text = text[leading.end() :].strip()
    if number is None:
        start = str(container.get("start") or "1")
        number = (int(start) if start.isdigit() else 1) + position - 1
    if not text:
        return
    notes.texts.setdefault(number, text)
    for anchor in anchors:
        if anchor:
            notes.anchors.setdefault(anchor, number)


def _id_number(tag: Tag) -> int | None:
    match = _NOTE_ID.match(str(tag.get("id") or ""))
    return int(match.group(1)) if match and match.group(1) else None


def _has_note_id(tag: Tag) -> bool:
    return _id_number(tag) is not None


def _leading(text: str) -> int | None:
    match = _DIGITS.search(text)
    return int(match.group(0)) if match else None


def _classes(tag: Tag) -> list[str]:
    value: str | list[str] = tag.get("class") or []
    return [value] if isinstance(value, str) else [str(name) for name in value]
