"""The exceptions of ivp: one root, one subclass per cause, messages for people."""

from __future__ import annotations

from pathlib import Path


class PlanError(Exception):
    """Anything that stops one plan from being extracted.

    `str(error)` is one line that names the file, the cause and, where there is
    one, the fix.
    """

    stage = "extract"

    def __init__(self, path: str | Path, cause: str, fix: str | None = None) -> None:
        self.path = str(path)
        self.cause = cause
        self.fix = fix
        message = f"{self.path}: {cause}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)

    def __reduce__(self) -> tuple[type[PlanError], tuple[str, str, str | None]]:
        # Rebuild from the parts, not the message, so errors survive worker processes.
        return (type(self), (self.path, self.cause, self.fix))


class LoadError(PlanError):
    """The file cannot be read as a plan."""

    stage = "load"


class UnsupportedFormat(LoadError):
    """The file is of a kind ivp does not read."""


class EmptyDocument(LoadError):
    """The file holds no text."""


class BinaryContent(LoadError):
    """A file named as text holds binary data."""


class EncryptedPDF(LoadError):
    """The PDF is password protected."""


class CorruptFile(LoadError):
    """The file is damaged or truncated."""


class NoTextLayer(LoadError):
    """The PDF has pages but no extractable text (a scan)."""


class TooLarge(LoadError):
    """The file exceeds a configured limit."""


class TimedOut(PlanError):
    """Extraction took longer than the per-file time limit."""


class ReferenceDataError(PlanError):
    """A user-supplied reference data file (laws, organisations) is malformed."""

    stage = "reference-data"


class RecordError(PlanError):
    """A JSON record (output of `ivp extract`) cannot be read back."""

    stage = "read-record"


class NoRecords(RecordError):
    """A folder that should hold JSON records holds none."""


class UnsafeOutput(PlanError):
    """The output path derived from the file name would lie outside the output folder."""

    stage = "export"


class GoldFileError(PlanError):
    """A gold annotation file (or the plan or record it points to) cannot be used for evaluation."""

    stage = "evaluate"
