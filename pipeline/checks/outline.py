"""Cross-check the plan's own table of contents against the headings that were found."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from models import Finding, PlanRecord
from pipeline.checks import check
from pipeline.normalise.patterns import TOC_HEADING

# Section numbering in front of a title: "3.", "3.1", "II.", "B)", "Hoofdstuk 3:", "§ 2".
LEADING_NUMBER = re.compile(
    r"^(?:(?:hoofdstuk|chapter|deel|paragraaf|thema|bijlage)\s+)?(?:§\s*)?"
    r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-Z])(?:[.):]|\s+-)?\s+",
    re.IGNORECASE,
)
NOT_WORD = re.compile(r"[^\w]+")
# Titles this similar are the same heading set twice (a typo fixed, a hyphen lost at a line end).
SAME_TITLE = 90


@check("outline.toc")
def check_toc_against_headings(record: PlanRecord) -> Iterator[Finding]:
    if not record.table_of_contents or not record.outline:
        return
    headings = {title_key(f"{entry.number or ''} {entry.title}") for entry in record.outline}
    headings.discard("")
    for entry in record.table_of_contents:
        if TOC_HEADING.match(entry):
            continue  # the contents listing itself, whose heading is dropped along with it
        key = title_key(entry)
        if key and not any(key == heading or fuzz.ratio(key, heading) >= SAME_TITLE for heading in headings):
            yield Finding(
                code="outline.toc_entry_missing",
                severity="warning",
                message=f"The table of contents lists '{entry}', but no heading with that title was found: "
                "check whether that section is in the file and was read as a heading.",
            )


def title_key(title: str) -> str:
    """A heading title without its numbering, case and punctuation, for comparing a TOC entry with it."""
    return NOT_WORD.sub(" ", LEADING_NUMBER.sub("", title.strip())).strip().casefold()
