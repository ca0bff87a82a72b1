"""The user's own reference data: a laws file and an organisation gazetteer beside the packaged ones.

    from pathlib import Path
    from pipeline import extract
    from pipeline.resources import Resources
    record = extract("plan.pdf", resources=Resources(laws=Path("provincie.tsv")))

The files are read once per process (and once per worker process): edit them between
runs, not during one. The record lists them with their sha256 as read, so a batch knows
that a record made with other content is out of date.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from models import ReferenceFile
from models.base import Record
from pipeline.errors import ReferenceDataError

Kind = Literal["laws", "organisations"]


class Resources(Record):
    """Reference data files added to the packaged tables; `None`: the packaged table alone."""

    laws: Path | None = Field(default=None, description="Laws in the columns of pipeline/data/laws.tsv (--laws).")
    organisations: Path | None = Field(
        default=None, description="Organisations in the columns of pipeline/data/organisations.tsv (--organisations)."
    )

    def given(self) -> tuple[tuple[Kind, Path], ...]:
        """(kind, path) of each file given, laws first."""
        pairs: tuple[tuple[Kind, Path | None], ...] = (("laws", self.laws), ("organisations", self.organisations))
        return tuple((kind, path) for kind, path in pairs if path is not None)

    def files(self) -> tuple[ReferenceFile, ...]:
        """The given files with the sha256 of their content, as a record lists them."""
        return tuple(
            ReferenceFile(kind=kind, path=str(path), sha256=file_digest(path)) for kind, path in self.given()
        )

    def check(self) -> None:
        """Read every given file now, so a malformed one stops a run before its first plan."""
        from pipeline.extractors.gazetteer import load_organisations
        from pipeline.extractors.law_table import load_law_table

        if self.laws is not None:
            load_law_table(str(self.laws))
        if self.organisations is not None:
            load_organisations((str(self.organisations),))


DEFAULT_RESOURCES = Resources()


@lru_cache(maxsize=8)
def files_read(resources: Resources) -> tuple[ReferenceFile, ...]:
    """The files as first read in this process, which the cached pipeline holds, for the record."""
    return resources.files()


def file_digest(path: Path) -> str:
    """The sha256 of a reference data file; an unreadable one is a `ReferenceDataError`."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise ReferenceDataError(path, f"cannot read the file ({error.strerror})", "check the path") from error
