"""Dutch dates: '18 oktober 2022', '18-10-2022' or '2022-10-18' -> ISO 8601."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_NAMES = "|".join(MONTHS)
WRITTEN_DATE = rf"(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_NAMES})\s+(?P<year>(?:19|20)\d{{2}})"

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")
_WRITTEN = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_NAMES})\s+(\d{{4}})\b")


def iso_date(text: str) -> str | None:
    """The first date in `text` as ISO 8601, or None when there is none."""
    lowered = text.lower()
    for pattern, order in ((_ISO, (0, 1, 2)), (_NUMERIC, (2, 1, 0)), (_WRITTEN, (2, 1, 0))):
        match = pattern.search(lowered)
        if not match:
            continue
        parts = match.groups()
        year, month, day = (parts[index] for index in order)
        month_number = int(month) if month.isdigit() else MONTHS[month]
        try:
            return date(int(year), month_number, int(day)).isoformat()
        except ValueError:
            continue
    return None
