"""ivp: extract Dutch integrale veiligheidsplannen into validated JSON records.

    from pipeline import extract, extract_many
    record = extract("corpus/plan.pdf")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["PlanError", "extract", "extract_many"]

if TYPE_CHECKING:
    from pipeline.compose import extract, extract_many
    from pipeline.errors import PlanError


def __getattr__(name: str) -> Any:
    # Lazy, so that `ivp --help` and `import pipeline.errors` stay fast.
    if name in ("extract", "extract_many"):
        from pipeline import compose

        return getattr(compose, name)
    if name == "PlanError":
        from pipeline.errors import PlanError

        return PlanError
    raise AttributeError(name)
