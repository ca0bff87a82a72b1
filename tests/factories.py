"""Small factories that build plan records the way `ivp extract` writes them, for tests."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence

from models import (
    BudgetLine,
    BudgetTable,
    Finding,
    Footnote,
    KbvLabel,
    LegalReference,
    Mention,
    Organisation,
    Part,
    Period,
    Pillar,
    PlanMeta,
    PlanRecord,
    Source,
    Span,
    Theme,
)


def at(page: int | None = None) -> Span:
    """An empty span on a page: the factories do not model the plan text."""
    return Span(page=page, start=0, end=0, quote="")


def theme(
    number: str | None,
    title: str,
    category: str | None = "priority",
    opgave: str | None = None,
    ambitie: str | None = None,
    pillars: Sequence[str] = (),
    kbv: Sequence[tuple[str, str]] = (),
    page: int | None = None,
) -> Theme:
    """A theme with optional opgave/ambitie text, pillar titles and (code, label) KBV labels."""
    return Theme(
        number=number,
        title=title,
        category=category,  # type: ignore[arg-type]
        opgave=Part(heading="Opgave", text=opgave, span=at(page)) if opgave else None,
        ambitie=Part(heading="Ambitie", text=ambitie, span=at(page)) if ambitie else None,
        pillars=tuple(Pillar(number=str(i), title=p, span=at(page)) for i, p in enumerate(pillars, start=1)),
        kbv=tuple(KbvLabel(code=c, label=label, score=0.6, evidence=(label.lower(),)) for c, label in kbv),
        span=at(page),
    )


def budget_line(
    number: str | None, label: str, amounts: dict[int, int | None], themes: Sequence[str] = ()
) -> BudgetLine:
    """A budget line; amounts in euros, printed in thousands as Dutch plans do ('14.736')."""
    printed = {
        year: "" if amount is None else f"{amount // 1000:,}".replace(",", ".") for year, amount in amounts.items()
    }
    return BudgetLine(
        number=number,
        label=label,
        amounts=amounts,
        amounts_as_printed=printed,
        themes=tuple(themes),
        span=at(17),
    )


def budget(lines: Sequence[BudgetLine], caption: str = "Financieel overzicht") -> BudgetTable:
    """A budget table in thousands of euros over the years of its lines."""
    years = tuple(sorted({year for line in lines for year in line.amounts}))
    return BudgetTable(
        caption=caption,
        unit="x 1000 €",
        multiplier=1000,
        years=years,
        lines=tuple(lines),
        span=at(17),
    )


def law(name: str, article: str | None = None, paragraph: int | None = None) -> LegalReference:
    """A citation of a national law."""
    text = f"artikel {article} {name}" if article else name
    return LegalReference(law=name, article=article, paragraph=paragraph, text=text, span=at(2))


def organisation(name: str, count: int, acronym: str | None = None) -> Organisation:
    """A named organisation mentioned `count` times."""
    mentions = tuple(Mention(text=name, span=at(4)) for _ in range(count))
    return Organisation(name=name, acronym=acronym, kind="government", mentions=mentions, count=count)


def footnote(number: int, text: str) -> Footnote:
    """A footnote."""
    return Footnote(number=number, text=text, span=at(9))


def record(
    municipality: str | None,
    start: int | None = 2023,
    end: int | None = 2026,
    themes: Sequence[Theme] = (),
    budget_tables: Sequence[BudgetTable] = (),
    references: Sequence[LegalReference] = (),
    organisations: Sequence[Organisation] = (),
    footnotes: Sequence[Footnote] = (),
    findings: Sequence[Finding] = (),
    path: str | None = None,
) -> PlanRecord:
    """A plan record as `ivp extract` writes it."""
    path = path or f"corpus/{(municipality or 'plan').lower().replace(' ', '-')}-ivp.pdf"
    return PlanRecord(
        pipeline_version="0.1.0",
        source=Source(path=path, sha256=hashlib.sha256(path.encode()).hexdigest(), format="pdf"),
        plan=PlanMeta(municipality=municipality, period=Period(start=start, end=end)),
        themes=tuple(themes),
        budget=tuple(budget_tables),
        legal_references=tuple(references),
        organisations=tuple(organisations),
        footnotes=tuple(footnotes),
        findings=tuple(findings),
        text="",
    )


def zip_archive(members: dict[str, bytes]) -> bytes:
    """A zip file holding `members` (name -> content), as Word and OpenDocument files are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
