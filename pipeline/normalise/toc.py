"""Recognise a table of contents: a skeleton to cross-check headings, never content."""

from __future__ import annotations

from pipeline.normalise.drafts import Draft
from pipeline.normalise.patterns import FLAT_ENTRY, LEADER_ENTRY, TOC_HEADING
from pipeline.normalise.screens import has_dot_leader

MIN_ENTRIES_WITHOUT_HEADING = 3
MAX_ENTRY_CHARS = 200
# Share of a paragraph's characters that entries must account for before it counts as TOC.
MIN_COVERED = 0.9


def drop_toc(drafts: list[Draft]) -> tuple[list[Draft], list[str]]:
    """Remove TOC headings and entries; return the remaining drafts and the entry titles."""
    kept: list[Draft] = []
    entries: list[str] = []
    index = 0
    while index < len(drafts):
        draft = drafts[index]
        in_toc = draft.kind == "heading" and TOC_HEADING.match(draft.text.strip())
        run = _entry_run(drafts, index + 1 if in_toc else index, after_heading=bool(in_toc))
        if in_toc or len(run) >= MIN_ENTRIES_WITHOUT_HEADING:
            entries.extend(title for titles in run for title in titles)
            index += (1 if in_toc else 0) + len(run)
            continue
        kept.append(draft)
        index += 1
    return kept, entries


def _entry_run(drafts: list[Draft], start: int, after_heading: bool) -> list[list[str]]:
    """The consecutive TOC entries from `start`, one list of titles per draft."""
    titles: list[list[str]] = []
    # By position: islice would first step over every draft before `start`, for every draft.
    for position in range(start, len(drafts)):
        draft = drafts[position]
        title = _entry_title(draft) or (_bare_entry_titles(draft) if after_heading else None)
        if title is None:
            break
        titles.append(title)
    return titles


def _entry_title(draft: Draft) -> list[str] | None:
    if len(draft.text) > MAX_ENTRY_CHARS * 40:
        return None
    if draft.kind == "table_row" and len(draft.cells) == 2 and draft.cells[-1].isdigit():
        return [draft.cells[0]]
    # Every entry has a dot leader; looking for one first spares the entry pattern's scan of prose.
    if draft.kind in ("paragraph", "heading", "list_item") and has_dot_leader(draft.text, draft.printable):
        entries = list(LEADER_ENTRY.finditer(draft.text))
        covered = sum(_printed_length(entry.group(0)) for entry in entries)
        if entries and covered >= _printed_length(draft.text) * MIN_COVERED:
            return [entry.group("title").strip() for entry in entries]
    return None


def _printed_length(text: str) -> int:
    return len("".join(text.split()))


def _bare_entry_titles(draft: Draft) -> list[str] | None:
    """Entries right under a TOC heading: 'Inleiding 3', 'Inleiding3', or all flattened in one line."""
    if draft.kind not in ("paragraph", "heading", "list_item"):
        return None
    pairs = FLAT_ENTRY.findall(draft.text)
    covered = sum(len(title) + len(page) for title, page in pairs)
    if pairs and covered >= len(draft.text.replace(" ", "")) * 0.8:
        return [title.strip() for title, _ in pairs]
    return None
