"""Version diff: what changed between an old and a new version of one plan.

Themes are matched by title, not number, so renumbering is not a change of
content: first equal titles, then small spelling changes (a few letters), then
renamed themes whose titles or texts are still alike. Budget lines are matched
the same way, footnotes by number, legal references as a multiset of citations.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from models import BudgetLine, LegalReference, PlanRecord, Theme
from models.diff import (
    BudgetCellChange,
    BudgetLineChange,
    FootnoteChange,
    PlanDiff,
    ReferenceChange,
    TextChange,
    ThemeChange,
    WordEdit,
)

# A title change of at most this many letters, in a title this close, is a spelling change.
SPELLING_MAX_EDITS = 2
SPELLING_MIN_SIMILARITY = 0.8
# Below spelling: titles this alike (word sets), or texts this alike, still mean the same theme.
RENAME_MIN_TITLE_SIMILARITY = 0.8
RENAME_MIN_TEXT_SIMILARITY = 0.75

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'})
_PUNCTUATION = re.compile(r"[^\w\s]")


def load_plan(path: str | Path) -> PlanRecord:
    """A plan's record: read from its JSON record, or extracted from the plan file."""
    from pipeline.compose import extract  # (spaCy only when a plan must be extracted)
    from pipeline.records import read_record

    path = Path(path)
    return read_record(path) if path.suffix.lower() == ".json" else extract(path)


def normal_text(text: str) -> str:
    """Text as compared: typographic quotes made plain, white space collapsed."""
    return " ".join(text.translate(_QUOTES).split())


def title_key(title: str) -> str:
    """A title as compared: case, punctuation, '&' vs 'en' and white space ignored."""
    return " ".join(_PUNCTUATION.sub(" ", title.replace("&", " en ").casefold()).split())


def similarity(old: str, new: str) -> float:
    """How alike two texts are, 0 to 1, rounded to 4 decimals."""
    return round(fuzz.ratio(normal_text(old), normal_text(new)) / 100, 4)


def is_spelling_change(old: str, new: str) -> bool:
    """A few letters differ in an otherwise equal title ('Ondermijning' -> 'Ondernijning')."""
    a, b = title_key(old), title_key(new)
    return Levenshtein.distance(a, b) <= SPELLING_MAX_EDITS and fuzz.ratio(a, b) / 100 >= SPELLING_MIN_SIMILARITY


Pair = tuple[int, int, str]


def match_titles(
    old: Sequence[str], new: Sequence[str], text_score: Callable[[int, int], float] | None = None
) -> list[Pair]:
    """Pairs (old index, new index, 'unchanged' | 'spelling' | 'renamed'), each index once."""
    pairs: list[Pair] = []
    used_old: set[int] = set()
    used_new: set[int] = set()

    def take(candidates: list[tuple[float, int, int]], kind: str) -> None:
        # Best score first; ties by position so the result never depends on set order.
        for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
            if i not in used_old and j not in used_new:
                pairs.append((i, j, kind))
                used_old.add(i)
                used_new.add(j)

    def free() -> list[tuple[int, int]]:
        return [(i, j) for i in range(len(old)) if i not in used_old for j in range(len(new)) if j not in used_new]

    take([(1.0, i, j) for i, j in free() if title_key(old[i]) == title_key(new[j])], "unchanged")
    take(
        [(fuzz.ratio(old[i], new[j]), i, j) for i, j in free() if is_spelling_change(old[i], new[j])],
        "spelling",
    )
    renames = []
    for i, j in free():
        title = fuzz.token_set_ratio(title_key(old[i]), title_key(new[j])) / 100
        text = text_score(i, j) if text_score else 0.0
        if title >= RENAME_MIN_TITLE_SIMILARITY or text >= RENAME_MIN_TEXT_SIMILARITY:
            renames.append((max(title, text), i, j))
    take(renames, "renamed")
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def word_edits(old: str, new: str) -> tuple[WordEdit, ...]:
    """The runs of words that differ between two texts (difflib over words)."""
    a, b = normal_text(old).split(), normal_text(new).split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return tuple(
        WordEdit(old=" ".join(a[i1:i2]), new=" ".join(b[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    )


def _theme_text(theme: Theme) -> str:
    return " ".join(part.text for part in (theme.opgave, theme.ambitie) if part is not None)


def text_changes(old: Theme, new: Theme) -> tuple[TextChange, ...]:
    """The opgave and ambitie texts that differ between two versions of a theme."""
    changes = []
    for part in ("opgave", "ambitie"):
        before, after = getattr(old, part), getattr(new, part)
        old_text = before.text if before else None
        new_text = after.text if after else None
        if normal_text(old_text or "") == normal_text(new_text or ""):
            continue
        changes.append(
            TextChange(
                part=part,
                similarity=similarity(old_text or "", new_text or ""),
                edits=word_edits(old_text or "", new_text or ""),
                old_text=old_text,
                new_text=new_text,
            )
        )
    return tuple(changes)


def theme_changes(old: Sequence[Theme], new: Sequence[Theme]) -> tuple[ThemeChange, ...]:
    """Every theme of the new version (in its order), then the removed ones."""
    old_texts = [normal_text(_theme_text(theme)) for theme in old]
    new_texts = [normal_text(_theme_text(theme)) for theme in new]

    def text_score(i: int, j: int) -> float:
        if not old_texts[i] or not new_texts[j]:
            return 0.0
        return fuzz.ratio(old_texts[i], new_texts[j]) / 100

    pairs = {j: (i, kind) for i, j, kind in match_titles([t.title for t in old], [t.title for t in new], text_score)}
    matched_old = {i for i, _ in pairs.values()}
    changes = []
    for j, after in enumerate(new):
        if j not in pairs:
            changes.append(
                ThemeChange(
                    change="added",
                    new_number=after.number,
                    new_title=after.title,
                    new_category=after.category,
                )
            )
            continue
        i, kind = pairs[j]
        before = old[i]
        changes.append(
            ThemeChange(
                change=kind,
                old_number=before.number,
                new_number=after.number,
                old_title=before.title,
                new_title=after.title,
                title_similarity=round(fuzz.ratio(before.title, after.title) / 100, 3),
                renumbered=before.number != after.number,
                old_category=before.category,
                new_category=after.category,
                texts=text_changes(before, after),
            )
        )
    for i, before in enumerate(old):
        if i not in matched_old:
            changes.append(
                ThemeChange(
                    change="removed",
                    old_number=before.number,
                    old_title=before.title,
                    old_category=before.category,
                )
            )
    return tuple(changes)


def _budget_lines(record: PlanRecord) -> list[BudgetLine]:
    return [line for table in record.budget for line in table.lines]


def budget_changes(
    old: PlanRecord, new: PlanRecord
) -> tuple[tuple[BudgetLineChange, ...], tuple[BudgetCellChange, ...]]:
    """Budget lines added, removed or relabelled, and every amount that changed."""
    before, after = _budget_lines(old), _budget_lines(new)
    pairs = match_titles([line.label for line in before], [line.label for line in after])
    lines: list[BudgetLineChange] = []
    cells: list[BudgetCellChange] = []
    for i, j, kind in pairs:
        a, b = before[i], after[j]
        if kind != "unchanged":
            lines.append(BudgetLineChange(change=kind, old_label=a.label, new_label=b.label))
        for year in sorted(set(a.amounts) | set(b.amounts)):
            if a.amounts.get(year) != b.amounts.get(year):
                cells.append(
                    BudgetCellChange(
                        label=b.label,
                        year=year,
                        old_amount=a.amounts.get(year),
                        new_amount=b.amounts.get(year),
                        old_printed=a.amounts_as_printed.get(year),
                        new_printed=b.amounts_as_printed.get(year),
                    )
                )
    matched_old = {i for i, _, _ in pairs}
    matched_new = {j for _, j, _ in pairs}
    lines += [BudgetLineChange(change="added", new_label=b.label) for j, b in enumerate(after) if j not in matched_new]
    lines += [
        BudgetLineChange(change="removed", old_label=a.label) for i, a in enumerate(before) if i not in matched_old
    ]
    return tuple(lines), tuple(cells)


def footnote_changes(old: PlanRecord, new: PlanRecord) -> tuple[FootnoteChange, ...]:
    """Footnotes added, removed or rewritten, matched by number."""
    before = {note.number: note.text for note in old.footnotes}
    after = {note.number: note.text for note in new.footnotes}
    changes = []
    for number in sorted(set(before) | set(after)):
        a, b = before.get(number), after.get(number)
        if a is None:
            changes.append(FootnoteChange(change="added", number=number, new_text=b))
        elif b is None:
            changes.append(FootnoteChange(change="removed", number=number, old_text=a))
        elif normal_text(a) != normal_text(b):
            changes.append(
                FootnoteChange(
                    change="changed",
                    number=number,
                    old_text=a,
                    new_text=b,
                    similarity=similarity(a, b),
                )
            )
    return tuple(changes)


def citation(reference: LegalReference) -> str:
    """A citation as compared: law, article, lid and sub ('Gemeentewet art. 174a lid 1')."""
    parts = [reference.law]
    if reference.article:
        parts.append(f"art. {reference.article}")
    if reference.paragraph is not None:
        parts.append(f"lid {reference.paragraph}")
    if reference.sub:
        parts.append(f"sub {reference.sub}")
    return " ".join(parts)


def reference_changes(old: PlanRecord, new: PlanRecord) -> tuple[ReferenceChange, ...]:
    """Citations the new version makes more (added) or less (removed) often."""
    before = Counter(citation(reference) for reference in old.legal_references)
    after = Counter(citation(reference) for reference in new.legal_references)
    added = [ReferenceChange(change="added", citation=c, count=n) for c, n in sorted((after - before).items())]
    removed = [ReferenceChange(change="removed", citation=c, count=n) for c, n in sorted((before - after).items())]
    return tuple(added + removed)


def diff_records(old: PlanRecord, new: PlanRecord) -> PlanDiff:
    """All differences between two versions of a plan."""
    budget_lines, budget = budget_changes(old, new)
    return PlanDiff(
        old=old.source,
        new=new.source,
        themes=theme_changes(old.themes, new.themes),
        budget_lines=budget_lines,
        budget=budget,
        footnotes=footnote_changes(old, new),
        legal_references=reference_changes(old, new),
    )


def diff_plans(old: str | Path, new: str | Path) -> PlanDiff:
    """All differences between two plan files or their JSON records."""
    return diff_records(load_plan(old), load_plan(new))
