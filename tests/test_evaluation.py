"""The scorer on small hand-made gold/record pairs, the gold loader, and `ivp evaluate`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from models import (
    BudgetLine,
    BudgetTable,
    Finding,
    Footnote,
    LegalReference,
    Organisation,
    Part,
    Pillar,
    PlanMeta,
    PlanRecord,
    Source,
    Span,
    Theme,
)
from models.plan import Adopted, Period
from pipeline.cli import main
from pipeline.errors import GoldFileError
from pipeline.evaluation import Gold, load_gold, score
from pipeline.evaluation.counts import Counts

# A small plan in another municipality's style: "2.1" numbering, question headings.
TEXT = (
    "Veilig Zuiderdam 2024-2027\n\n"
    "2.1 Woninginbraak\n\n"
    "Waar staan we nu?\n\n"
    "Het aantal inbraken daalde sinds 2019 met een kwart, maar blijft hoog in de oude wijken.\n\n"
    "Wat willen we bereiken?\n\n"
    "Minder inbraken in alle wijken. "
    "Bewoners melden verdachte situaties sneller bij de politie.\n\n"
    "2.2 Drugsoverlast\n\n"
    "Waar staan we nu?\n\n"
    "Rond het station wordt openlijk gedeald en de buurt voelt zich onveilig.\n\n"
    "Wat willen we bereiken?\n\n"
    "Een station zonder dealers, met de inzet van artikel 13b Opiumwet waar nodig.\n\n"
    "Eerste voetnoot over de cijfers van het CBS."
)


def span(phrase: str, occurrence: int = 1) -> Span:
    """The span of the n-th occurrence of `phrase` in TEXT."""
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(phrase, start + 1)
    return Span(start=start, end=start + len(phrase), quote=phrase)


def part(heading: str, phrase: str) -> Part:
    return Part(heading=heading, text=phrase, span=span(phrase))


INBRAAK_OPGAVE = (
    "Het aantal inbraken daalde sinds 2019 met een kwart, maar blijft hoog in de oude wijken."
)
INBRAAK_AMBITIE = (
    "Minder inbraken in alle wijken. Bewoners melden verdachte situaties sneller bij de politie."
)
DRUGS_OPGAVE = "Rond het station wordt openlijk gedeald en de buurt voelt zich onveilig."
DRUGS_AMBITIE = "Een station zonder dealers, met de inzet van artikel 13b Opiumwet waar nodig."


def theme(number: str, title: str, opgave: str | None, ambitie: str | None, **extra: Any) -> Theme:
    return Theme(
        number=number,
        title=title,
        category=extra.pop("category", "priority"),
        opgave=part("Waar staan we nu?", opgave) if opgave else None,
        ambitie=part("Wat willen we bereiken?", ambitie) if ambitie else None,
        span=span("Veilig"),
        **extra,
    )


def reference(law: str, article: str | None, lid: int | None = None) -> LegalReference:
    return LegalReference(law=law, article=article, paragraph=lid, text=law, span=span("Opiumwet"))


def budget_line(label: str, amounts: dict[int, int | None]) -> BudgetLine:
    printed = {year: str(amount) for year, amount in amounts.items()}
    return BudgetLine(label=label, amounts=amounts, amounts_as_printed=printed, span=span("Veilig"))


def record(**fields: Any) -> PlanRecord:
    """A perfect record of TEXT, with `fields` replaced."""
    values: dict[str, Any] = {
        "pipeline_version": "test",
        "source": Source(path="zuiderdam.txt", sha256="0" * 64, format="txt"),
        "plan": PlanMeta(
            municipality="Zuiderdam",
            title="Veilig Zuiderdam",
            period=Period(start=2024, end=2027),
            adopted=Adopted(date="2024-03-01", place="Zuiderdam", by="gemeenteraad"),
        ),
        "themes": (
            theme("2.1", "Woninginbraak", INBRAAK_OPGAVE, INBRAAK_AMBITIE),
            theme(
                "2.2",
                "Drugsoverlast",
                DRUGS_OPGAVE,
                DRUGS_AMBITIE,
                pillars=(Pillar(title="Station zonder dealers", span=span("Een station")),),
            ),
        ),
        "legal_references": (reference("Opiumwet", "13b"),),
        "organisations": (
            Organisation(name="Politie"),
            Organisation(name="Centraal Bureau voor de Statistiek"),
        ),
        "footnotes": (
            Footnote(
                number=1, text="Eerste voetnoot over de cijfers van het CBS.", span=span("Eerste")
            ),
        ),
        "budget": (
            BudgetTable(
                years=(2024, 2025),
                lines=(budget_line("Inbraakpreventie", {2024: 120_000, 2025: None}),),
                stated_total={2024: 120_000, 2025: None},
                span=span("Veilig"),
            ),
        ),
        "findings": (Finding(code="budget.total_mismatch", severity="warning", message="..."),),
        "text": TEXT,
    }
    values.update(fields)
    return PlanRecord(**values)


GOLD: dict[str, Any] = {
    "sources": ["zuiderdam.txt"],
    "plan": {
        "municipality": "Zuiderdam",
        "title": "Veilig Zuiderdam",
        "period": {"start": 2024, "end": 2027},
        "adopted": {"date": "2024-03-01", "place": "Zuiderdam", "by": "Gemeenteraad"},
    },
    "themes": [
        {
            "number": "2.1",
            "title": "Woninginbraak",
            "category": "priority",
            "opgave": {
                "first": "Het aantal inbraken daalde sinds",
                "last": "hoog in de oude wijken.",
            },
            "ambitie": {
                "first": "Minder inbraken in alle wijken.",
                "last": "sneller bij de politie.",
            },
        },
        {
            "number": "2.2",
            "title": "Drugsoverlast",
            "category": "priority",
            "opgave": {"first": "Rond het station wordt", "last": "de buurt voelt zich onveilig."},
            "ambitie": {"first": "Een station zonder dealers,", "last": "13b Opiumwet waar nodig."},
            "pillars": ["Station zonder dealers"],
        },
    ],
    "legal_references": [{"law": "Opiumwet", "article": "13b", "mentions": 1}],
    "organisations": ["politie"],
    "organisations_optional": ["Centraal Bureau voor de Statistiek"],
    "footnotes": [{"number": 1, "first": "Eerste voetnoot", "last": "van het CBS."}],
    "budget": [
        {
            "lines": [{"label": "Inbraakpreventie", "amounts": {"2024": 120000, "2025": None}}],
            "stated_total": {"2024": 120000, "2025": None},
        }
    ],
    "findings": ["budget.total_mismatch"],
}


def gold(**changes: Any) -> Gold:
    return Gold.model_validate({**GOLD, **changes})


def counts(result: Any, field: str) -> tuple[int, int, int]:
    found = next(f.counts for f in result.fields if f.field == field)
    return found.tp, found.fp, found.fn


def mismatches(result: Any, field: str) -> list[str]:
    return [m.describe() for m in result.mismatches if m.field == field]


def test_a_perfect_record_scores_one_on_every_field() -> None:
    result = score(gold(), record())
    assert [f.field for f in result.fields if f.counts.f1 != 1.0] == []
    assert result.mismatches == ()
    assert counts(result, "opgave.tokens") == (28, 0, 0)
    assert counts(result, "budget.cells") == (2, 0, 0)


def test_counts_conventions_for_empty_sides() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    assert (Counts(fn=3).precision, Counts(fn=3).recall, Counts(fn=3).f1) == (0.0, 0.0, 0.0)
    assert (Counts(fp=2).precision, Counts(fp=2).recall) == (0.0, 0.0)
    assert Counts(tp=3, fp=1, fn=2).f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_wrong_missing_and_extra_themes() -> None:
    themes = (
        theme("2.1", "Woninginbraken", INBRAAK_OPGAVE, INBRAAK_AMBITIE),
        theme("3", "Cybercrime", None, None, category="core"),
    )
    result = score(gold(), record(themes=themes))
    assert counts(result, "themes") == (0, 2, 2)
    assert mismatches(result, "themes") == [
        'themes: expected theme 2.1 "Woninginbraak", found "Woninginbraken"',
        'themes: missing theme 2.2 "Drugsoverlast"',
        'themes: extra theme 3 "Cybercrime"',
    ]
    assert counts(result, "categories") == (1, 1, 1)
    assert counts(result, "pillars") == (0, 0, 1)


def test_theme_numbers_compare_without_trailing_dot_and_titles_without_case() -> None:
    themes = (
        theme("2.1", "Woninginbraak", INBRAAK_OPGAVE, INBRAAK_AMBITIE),
        theme("2.2", "Drugsoverlast", DRUGS_OPGAVE, DRUGS_AMBITIE),
    )
    themed = gold(
        themes=[
            {**GOLD["themes"][0], "number": "2.1.", "title": "WONINGINBRAAK"},
            GOLD["themes"][1],
        ]
    )
    assert counts(score(themed, record(themes=themes)), "themes") == (2, 0, 0)


def test_an_opgave_that_stops_early_loses_its_end_and_the_missing_words() -> None:
    short = "Het aantal inbraken daalde sinds 2019 met een kwart"
    themes = (theme("2.1", "Woninginbraak", short, INBRAAK_AMBITIE), record().themes[1])
    result = score(gold(), record(themes=themes))
    assert counts(result, "opgave.start") == (2, 0, 0)
    assert counts(result, "opgave.end") == (1, 1, 1)
    # 16 + 12 gold words; the short opgave has 9 of the first 16.
    assert counts(result, "opgave.tokens") == (21, 0, 7)
    assert mismatches(result, "opgave.end") == [
        'opgave.end: expected theme 2.1 "hoog in de oude wijken.", found "sinds 2019 met een kwart"'
    ]
    assert mismatches(result, "opgave.tokens") == [
        "opgave.tokens: expected theme 2.1 16 words, found 9 words (0 too many, 7 missing)"
    ]


def test_an_ambitie_that_runs_into_the_next_theme_has_extra_words() -> None:
    long = INBRAAK_AMBITIE + "\n\n2.2 Drugsoverlast"
    themes = (theme("2.1", "Woninginbraak", INBRAAK_OPGAVE, long), record().themes[1])
    result = score(gold(), record(themes=themes))
    assert counts(result, "ambitie.start") == (2, 0, 0)
    assert counts(result, "ambitie.end") == (1, 1, 1)
    assert counts(result, "ambitie.tokens") == (26, 3, 0)


def test_a_gold_part_absent_from_the_text_is_reported() -> None:
    themes_gold = [
        GOLD["themes"][0],
        {**GOLD["themes"][1], "opgave": {"first": "Nergens te vinden", "last": "echt niet"}},
    ]
    result = score(gold(themes=themes_gold), record())
    assert counts(result, "opgave.start") == (1, 1, 1)
    assert counts(result, "opgave.tokens") == (16, 12, 5)
    assert mismatches(result, "opgave.tokens") == [
        'opgave.tokens: gold text not found in the record text: theme 2.2 "Nergens te vinden"'
    ]


def test_legal_references_as_triples_and_as_mention_counts() -> None:
    found = (reference("Opiumwet", "13b"),) * 3 + (reference("Gemeentewet", "174a", 1),)
    result = score(
        gold(legal_references=[{"law": "opiumwet", "article": "13B", "mentions": 2}]),
        record(legal_references=found),
    )
    assert counts(result, "legal_references") == (1, 1, 0)
    assert counts(result, "legal_references.mentions") == (2, 2, 0)
    assert mismatches(result, "legal_references") == [
        "legal_references: extra Gemeentewet art. 174a lid 1"
    ]


def test_organisations_ignore_case_punctuation_and_optional_names() -> None:
    found = (
        Organisation(name="POLITIE"),
        Organisation(name="Zorg en Veiligheidshuis"),
        Organisation(name="CBS"),
    )
    result = score(
        gold(
            organisations=["Politie", "Zorg- en Veiligheidshuis", "RIEC Zuid"],
            organisations_optional=["cbs"],
        ),
        record(organisations=found),
    )
    assert counts(result, "organisations") == (2, 0, 1)
    assert mismatches(result, "organisations") == ['organisations: missing "RIEC Zuid"']


def test_budget_cells_are_exact_euros() -> None:
    table = (
        record()
        .budget[0]
        .model_copy(update={"lines": (budget_line("Inbraakpreventie", {2024: 120, 2025: None}),)})
    )
    result = score(gold(), record(budget=(table,)))
    assert counts(result, "budget.cells") == (1, 1, 1)
    assert mismatches(result, "budget.cells") == [
        'budget.cells: expected "inbraakpreventie" 2024 120000, found 120'
    ]


def test_footnotes_by_number_first_and_last_words() -> None:
    notes = (Footnote(number=1, text="Eerste voetnoot over de cijfers.", span=span("Eerste")),)
    result = score(gold(), record(footnotes=notes))
    assert counts(result, "footnotes") == (0, 1, 1)


def test_findings_compare_as_a_multiset_of_codes() -> None:
    found = tuple(
        Finding(code=c, severity="warning", message="m")
        for c in ("themes.empty", "themes.empty", "x")
    )
    result = score(gold(findings=["themes.empty", "budget.total_mismatch"]), record(findings=found))
    assert counts(result, "findings") == (1, 2, 1)


def test_metadata_fields_score_each_value() -> None:
    plan = record().plan.model_copy(
        update={"period": Period(start=2023, end=2027), "adopted": Adopted()}
    )
    result = score(gold(), record(plan=plan))
    assert counts(result, "metadata.period") == (1, 1, 1)
    assert counts(result, "metadata.adopted") == (0, 0, 3)
    assert counts(result, "metadata.title") == (1, 0, 0)


def test_a_note_is_attached_to_its_field() -> None:
    result = score(gold(notes={"findings": "codes not settled yet"}), record())
    assert [(f.field, f.note) for f in result.fields if f.note] == [
        ("findings", "codes not settled yet")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{",
            "is not valid JSON (line 1, column 2: "
            "Expecting property name enclosed in double quotes)",
        ),
        (
            "[]",
            "is not a valid gold file: top level: "
            "Input should be a valid dictionary or instance of Gold",
        ),
        (
            '{"sources": []}',
            "is not a valid gold file: sources: "
            "Tuple should have at least 1 item after validation, not 0",
        ),
        (
            '{"sources": ["a.txt"], '
            '"budget": [{"lines": [{"label": "x", "amounts": {"2024": 1.5}}]}]}',
            "is not a valid gold file: budget.0.lines.0.amounts.2024: "
            "Input should be a valid integer",
        ),
        (
            '{"sources": ["a.txt"], "themes": [{"number": "1", "title": "t", "category": "top"}]}',
            "is not a valid gold file: themes.0.category: Input should be 'priority' or 'core'",
        ),
    ],
)
def test_malformed_gold_files_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFileError) as raised:
        load_gold(path)
    assert str(raised.value).startswith(f"{path}: {message}")


def test_notes_may_only_name_known_fields(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text('{"sources": ["a.txt"], "notes": {"themez": "typo"}}', encoding="utf-8")
    with pytest.raises(
        GoldFileError, match=r"notes: Value error, notes name unknown fields \['themez'\]"
    ):
        load_gold(path)


# --- the command, in process, on a record stored the way `ivp extract` stores it ---


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    """A folder with the plan, its gold file and its record in outputs/."""
    plan = tmp_path / "zuiderdam.txt"
    plan.write_text(TEXT, encoding="utf-8")
    source = Source(
        path=str(plan), sha256=hashlib.sha256(plan.read_bytes()).hexdigest(), format="txt"
    )
    themes = (
        theme("2.1", "Woninginbraak", INBRAAK_OPGAVE, INBRAAK_AMBITIE),
        theme("2.2", "Drugs", None, None),
    )
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    stored_record = record(source=source, themes=themes)
    (outputs / "zuiderdam.txt.json").write_text(stored_record.model_dump_json(), encoding="utf-8")
    (tmp_path / "gold.json").write_text(
        json.dumps({**GOLD, "notes": {"pillars": "pillar list not annotated"}})
    )
    return tmp_path


def test_cli_prints_the_table_notes_and_mismatches(stored: Path) -> None:
    result = CliRunner().invoke(
        main, ["evaluate", str(stored / "gold.json"), "--outputs", str(stored / "outputs")]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"== zuiderdam.txt (gold {stored / 'gold.json'})"
    assert lines[1] == "field                           P      R     F1    tp    fp    fn"
    assert "themes                      0.500  0.500  0.500     1     1     1" in lines
    assert "opgave.tokens               1.000  0.571  0.727    16     0    12" in lines
    assert "pillars                     0.000  0.000  0.000     0     0     1 *" in lines
    assert "  * pillars: pillar list not annotated" in lines
    assert 'themes: expected theme 2.2 "Drugsoverlast", found "Drugs"' in [
        line.strip() for line in lines
    ]
    assert "== overall (1 plans)" in lines


def test_cli_json_output(stored: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["evaluate", str(stored / "gold.json"), "--outputs", str(stored / "outputs"), "--json"],
    )
    data = json.loads(result.output)
    assert data["overall"]["themes"] == {
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "note": None,
    }
    assert data["plans"][0]["mismatches"][0] == {
        "field": "themes",
        "kind": "wrong",
        "expected": 'theme 2.2 "Drugsoverlast"',
        "found": '"Drugs"',
    }


def test_cli_reports_an_empty_outputs_folder_in_one_line(stored: Path) -> None:
    (stored / "outputs" / "zuiderdam.txt.json").unlink()
    result = CliRunner().invoke(
        main, ["evaluate", str(stored / "gold.json"), "--outputs", str(stored / "outputs")]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {stored / 'outputs'}: holds no .json records "
        "(run `ivp extract PLANS --out FOLDER` first)\n"
    )


def test_cli_reports_a_missing_record_in_one_line(stored: Path) -> None:
    (stored / "outputs" / "zuiderdam.txt.json").rename(stored / "outputs" / "other.json")
    (stored / "zuiderdam.txt").write_text("Een andere versie van het plan.", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["evaluate", str(stored / "gold.json"), "--outputs", str(stored / "outputs")]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {stored / 'zuiderdam.txt'}: has no record in the outputs folder "
        "(run `ivp extract` on it first)\n"
    )


def test_cli_reports_a_missing_source(tmp_path: Path) -> None:
    (tmp_path / "gold.json").write_text('{"sources": ["nowhere/plan.txt"]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "gold.json")])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path / 'gold.json'}: lists source 'nowhere/plan.txt', which does not exist "
        "(give the path relative to the project root, e.g. corpus/plan.pdf)\n"
    )


def test_cli_scores_a_plan_that_cannot_be_extracted_as_empty(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "gold.json").write_text('{"sources": ["empty.txt"], "organisations": ["Politie"]}')
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "gold.json")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        lines[1]
        == f"error: {tmp_path / 'empty.txt'}: is empty (check that the download completed) "
        "(scored as an empty record)"
    )
    assert "organisations               0.000  0.000  0.000     0     0     1" in lines


def test_cli_finds_a_record_by_name_when_the_plan_file_is_gone(stored: Path) -> None:
    (stored / "zuiderdam.txt").unlink()
    (stored / "outputs" / "notes.json").write_text('["not a record"]', encoding="utf-8")
    gold, outputs = str(stored / "gold.json"), str(stored / "outputs")
    result = CliRunner().invoke(main, ["evaluate", gold, "--outputs", outputs])
    assert result.exit_code == 0, result.output
    assert "themes                      0.500  0.500  0.500     1     1     1" in result.output
