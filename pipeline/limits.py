"""Limits that keep one pathological file from taking the machine: size, pages, characters."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from models.base import Record
from pipeline.errors import TooLarge


class Limits(Record):
    """The largest plan ivp will extract; each limit has a command-line flag to raise it."""

    max_bytes: int = Field(default=100 * 1_048_576, gt=0, description="File size (--max-size, in MB).")
    max_pages: int = Field(default=2_000, gt=0, description="Pages, where the format has them (--max-pages).")
    max_chars: int = Field(default=5_000_000, gt=0, description="Characters of text (--max-chars).")

    def check_bytes(self, path: Path, size: int) -> None:
        """Refuse a file larger than `max_bytes`, before it is read."""
        if size > self.max_bytes:
            raise TooLarge(
                path, f"is {megabytes(size)}, over the limit of {megabytes(self.max_bytes)}", "raise it with --max-size"
            )

    def check_pages(self, path: Path, pages: int | None) -> None:
        """Refuse a document with more than `max_pages` pages; `None` (unknown) passes."""
        if pages is not None and pages > self.max_pages:
            raise TooLarge(
                path,
                f"has {pages:,} pages, over the limit of {self.max_pages:,}",
                "is it really one plan? raise the limit with --max-pages",
            )

    def check_chars(self, path: Path, characters: int) -> None:
        """Refuse a document with more than `max_chars` characters of text."""
        if characters > self.max_chars:
            raise TooLarge(
                path,
                f"has {characters:,} characters of text, over the limit of {self.max_chars:,} for one plan",
                "is it really one plan? raise the limit with --max-chars",
            )


DEFAULT_LIMITS = Limits()


def megabytes(size: int) -> str:
    """A size for people: '45.9 MB' or, under 1 MB, '45,924 bytes'."""
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size:,} bytes"
