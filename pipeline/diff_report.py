"""A plan diff as readable text (the default output of `ivp diff`) or as JSON."""

from __future__ import annotations

import json

from models.diff import BudgetLineChange, PlanDiff, TextChange, ThemeChange

# Word edits shown per changed text; the JSON output has them all.
MAX_EDITS_SHOWN = 6
# Footnote and edit texts are cut to this many characters in the text output.
MAX_QUOTE = 70


def euros(amount: int | None) -> str:
    """An amount in the Dutch way: '€ 14.736.000'; a missing cell as 'empty'."""
    return "empty" if amount is None else "€ " + f"{amount:,}".replace(",", ".")


def _cut(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def _theme_name(number: str | None, title: str | None) -> str:
    return f"{number} {title}" if number else str(title)


def theme_line(change: ThemeChange) -> str | None:
    """One line for a theme that was added, removed, renamed or renumbered; None if unchanged."""
    if change.change == "added":
        return f"  + {_theme_name(change.new_number, change.new_title)} (added)"
    if change.change == "removed":
        return f"  - {_theme_name(change.old_number, change.old_title)} (removed)"
    number = change.new_number
    if change.renumbered:
        number = f"{change.old_number} -> {change.new_number}"
    notes = []
    if change.change == "spelling":
        notes.append("spelling change of the same theme")
    elif change.change == "renamed":
        notes.append(f"renamed, title similarity {change.title_similarity:.2f}")
    if change.renumbered:
        notes.append("renumbered")
    if change.old_category != change.new_category:
        notes.append(f"{change.old_category} -> {change.new_category}")
    if not notes:
        return None
    title = change.new_title
    if change.change != "unchanged":
        title = f"{change.old_title} -> {change.new_title}"
    return f"  ~ {number} {title} ({', '.join(notes)})"


def text_line(change: ThemeChange, text: TextChange) -> str:
    """One line for a changed opgave or ambitie, with its first word edits."""
    edits = [f"{_cut(edit.old) or '(none)'} -> {_cut(edit.new) or '(none)'}" for edit in text.edits]
    shown = "; ".join(edits[:MAX_EDITS_SHOWN])
    if len(edits) > MAX_EDITS_SHOWN:
        shown += f"; … {len(edits) - MAX_EDITS_SHOWN} more"
    name = _theme_name(change.new_number, change.new_title)
    return f"  {name}, {text.part} (similarity {text.similarity:.4f}): {shown}"


def budget_line_text(line: BudgetLineChange) -> str:
    """One line for a budget line added, removed or relabelled."""
    if line.change == "added":
        return f"  + line {line.new_label} (added)"
    if line.change == "removed":
        return f"  - line {line.old_label} (removed)"
    what = "spelling change" if line.change == "spelling" else "renamed"
    return f"  ~ line {line.old_label} -> {line.new_label} ({what})"


def render_text(diff: PlanDiff) -> str:
    """The diff as a short report for people, one section per kind of change."""
    lines = [f"--- {diff.old.path}", f"+++ {diff.new.path}"]
    themes = [line for change in diff.themes if (line := theme_line(change))]
    texts = [text_line(change, text) for change in diff.themes for text in change.texts]
    budget = [
        f"  {cell.label} {cell.year}: {euros(cell.old_amount)} -> {euros(cell.new_amount)}"
        + (f" (printed {cell.old_printed} -> {cell.new_printed})" if cell.old_printed or cell.new_printed else "")
        for cell in diff.budget
    ]
    budget += [budget_line_text(line) for line in diff.budget_lines]
    footnotes = []
    for note in diff.footnotes:
        if note.change == "changed":
            footnotes.append(
                f"  ~ {note.number} (rewritten, similarity {note.similarity:.2f}): "
                f"{_cut(note.old_text)!r} -> {_cut(note.new_text)!r}"
            )
        else:
            sign = "+" if note.change == "added" else "-"
            footnotes.append(f"  {sign} {note.number} ({note.change}): {_cut(note.old_text or note.new_text)!r}")
    references = [
        f"  {'+' if ref.change == 'added' else '-'} {ref.citation}" + (f" ({ref.count}x)" if ref.count > 1 else "")
        for ref in diff.legal_references
    ]
    sections = [
        ("Themes", themes),
        ("Texts", texts),
        ("Budget", budget),
        ("Footnotes", footnotes),
        ("Legal references", references),
    ]
    for title, items in sections:
        if items:
            lines += ["", title, *items]
    if not any(items for _, items in sections):
        lines += ["", "No differences."]
    return "\n".join(lines) + "\n"


def render_json(diff: PlanDiff) -> str:
    """The diff as JSON: fields in model order, UTF-8, trailing newline."""
    return json.dumps(diff.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
