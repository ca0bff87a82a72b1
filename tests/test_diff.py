"""`ivp diff`: changes between two versions of a plan, on Nijmegen and on synthetic pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from models import PlanRecord
from pipeline.cli import main
from pipeline.diff import diff_records, is_spelling_change, match_titles, word_edits
from pipeline.export import to_json
from tests.conftest import AMENDED_MD as AMENDED
from tests.conftest import COLLEGE
from tests.factories import budget, budget_line, footnote, law, record, theme


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # Renumbered themes keep their identity.
        (["Ondermijning", "Veilige wijken"], ["Aanpak van discriminatie", "Ondermijning", "Veilige wijken"],
         [(0, 1, "unchanged"), (1, 2, "unchanged")]),
        # Case, '&' and punctuation are no change.
        (["Zorg & Veiligheid"], ["Zorg en veiligheid."], [(0, 0, "unchanged")]),
        (["Ondermijning"], ["Ondernijning"], [(0, 0, "spelling")]),
        (["Jeugdoverlast"], ["Jeugdoverlats"], [(0, 0, "spelling")]),
        # A longer title that keeps the old words is a rename, not a new theme.
        (["Ondermijning"], ["Ondermijning en georganiseerde criminaliteit"], [(0, 0, "renamed")]),
        (["Jeugdoverlast"], ["Horeca"], []),
        # A short title differing in three letters is not a spelling change.
        (["Horeca"], ["Hoorcollege"], []),
    ],
)  # fmt: skip
def test_match_titles(old: list[str], new: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert match_titles(old, new) == expected


def test_spelling_change_is_a_few_letters() -> None:
    assert is_spelling_change("Ondermijning", "Ondernijning")
    assert not is_spelling_change("Veilig uitgaan", "Veilige evenementen")


def test_word_edits_ignore_typographic_quotes_and_line_breaks() -> None:
    old = "Denk aan de risico’s  die ondermijnende vormen\nvan criminaliteit hebben voor de buren."
    new = "Denk aan de risico's die ondernijnde vormen van criminaliteit hebben voor de burens."
    assert [(e.old, e.new) for e in word_edits(old, new)] == [
        ("ondermijnende", "ondernijnde"),
        ("buren.", "burens."),
    ]


def old_eindhoven() -> PlanRecord:
    return record(
        "Eindhoven",
        2019,
        2022,
        path="plannen/eindhoven-ivp-2019.docx",
        themes=[
            theme("A", "Woninginbraak", opgave="Het aantal woninginbraken daalt, maar blijft hoog in Woensel.",
                  ambitie="We willen minder inbraken."),
            theme("B", "Jeugdoverlast", opgave="Groepen jongeren veroorzaken overlast rond winkelcentra."),
            theme("C", "Cybercriminaliteit", category="core",
                  opgave="Inwoners en ondernemers worden steeds vaker slachtoffer van online fraude en phishing."),
            theme("D", "Verkeersveiligheid", category="core"),
        ],
        budget_tables=[budget([
            budget_line("1", "Inbraakpreventie", {2023: 120_000, 2024: 120_000}),
            budget_line("2", "Jongerenwerk", {2023: 80_000}),
        ])],
        footnotes=[footnote(1, "Bron: Veiligheidsmonitor 2021."), footnote(2, "Zie raadsinformatiebrief 2022-14.")],
        references=[law("Gemeentewet", "172"), law("Gemeentewet", "172"), law("Opiumwet", "13b")],
    )  # fmt: skip


def new_eindhoven() -> PlanRecord:
    return record(
        "Eindhoven",
        2019,
        2022,
        path="plannen/eindhoven-ivp-2019-gewijzigd.docx",
        themes=[
            theme("A", "Ondermijning"),
            theme("B", "Woninginbraak", opgave="Het aantal woninginbraken daalt, maar blijft hoog in Woensel.",
                  ambitie="We willen minder inbraken en meer aangiftes."),
            theme("C", "Jeugdoverlats", opgave="Groepen jongeren veroorzaken overlast rond winkelcentra."),
            theme("D", "Digitale veiligheid", category="priority",
                  opgave="Inwoners en ondernemers worden steeds vaker slachtoffer van online fraude en phishing."),
        ],
        budget_tables=[budget([
            budget_line("1", "Inbraakpreventie", {2023: 120_000, 2024: 150_000}),
            budget_line("2", "Jongerenwerk", {2023: 80_000}),
            budget_line("3", "Aanpak ondermijning", {2024: 200_000}),
        ])],
        footnotes=[footnote(1, "Bron: Veiligheidsmonitor 2023."), footnote(3, "Zie ook het RIEC-jaarverslag.")],
        references=[law("Gemeentewet", "172"), law("Opiumwet", "13b"), law("Wet Bibob")],
    )  # fmt: skip


EXPECTED_EINDHOVEN = """\
--- plannen/eindhoven-ivp-2019.docx
+++ plannen/eindhoven-ivp-2019-gewijzigd.docx

Themes
  + A Ondermijning (added)
  ~ A -> B Woninginbraak (renumbered)
  ~ B -> C Jeugdoverlast -> Jeugdoverlats (spelling change of the same theme, renumbered)
  ~ C -> D Cybercriminaliteit -> Digitale veiligheid (renamed, title similarity 0.38, renumbered, core -> priority)
  - D Verkeersveiligheid (removed)

Texts
  B Woninginbraak, ambitie (similarity 0.7429): inbraken. -> inbraken en meer aangiftes.

Budget
  Inbraakpreventie 2024: € 120.000 -> € 150.000 (printed 120 -> 150)
  + line Aanpak ondermijning (added)

Footnotes
  ~ 1 (rewritten, similarity 0.97): 'Bron: Veiligheidsmonitor 2021.' -> 'Bron: Veiligheidsmonitor 2023.'
  - 2 (removed): 'Zie raadsinformatiebrief 2022-14.'
  + 3 (added): 'Zie ook het RIEC-jaarverslag.'

Legal references
  + Wet Bibob
  - Gemeentewet art. 172
"""


def run_diff(tmp_path: Path, old: PlanRecord, new: PlanRecord, *options: str) -> tuple[int, str]:
    (tmp_path / "old.json").write_text(to_json(old), encoding="utf-8")
    (tmp_path / "new.json").write_text(to_json(new), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), *options])
    return result.exit_code, result.output


def test_synthetic_pair_as_text(tmp_path: Path) -> None:
    assert run_diff(tmp_path, old_eindhoven(), new_eindhoven()) == (0, EXPECTED_EINDHOVEN)


def test_synthetic_pair_as_json(tmp_path: Path) -> None:
    code, output = run_diff(tmp_path, old_eindhoven(), new_eindhoven(), "--json")
    assert code == 0
    data = json.loads(output)
    assert [(t["change"], t["old_number"], t["new_number"]) for t in data["themes"]] == [
        ("added", None, "A"),
        ("unchanged", "A", "B"),
        ("spelling", "B", "C"),
        ("renamed", "C", "D"),
        ("removed", "D", None),
    ]
    assert data["themes"][1]["texts"][0]["edits"] == [{"old": "inbraken.", "new": "inbraken en meer aangiftes."}]
    assert data["budget"] == [
        {"label": "Inbraakpreventie", "year": 2024, "old_amount": 120000, "new_amount": 150000,
         "old_printed": "120", "new_printed": "150"},
    ]  # fmt: skip
    assert data["legal_references"] == [
        {"change": "added", "citation": "Wet Bibob", "count": 1},
        {"change": "removed", "citation": "Gemeentewet art. 172", "count": 1},
    ]


def test_identical_versions_have_no_differences(tmp_path: Path) -> None:
    assert run_diff(tmp_path, old_eindhoven(), old_eindhoven()) == (
        0,
        "--- plannen/eindhoven-ivp-2019.docx\n+++ plannen/eindhoven-ivp-2019.docx\n\nNo differences.\n",
    )


def test_a_json_file_that_is_no_record_is_one_clear_line(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_text("{niet: json", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(broken), str(broken)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {broken}: not a plan record: invalid json")
    assert result.output.endswith("(pass JSON files written by `ivp extract`)\n")
    assert len(result.output.splitlines()) == 1


@pytest.fixture()
def nijmegen(college: PlanRecord, amended: PlanRecord) -> tuple[PlanRecord, PlanRecord]:
    """The college version (9 themes) and the amended version (11 themes) of one plan."""
    return college, amended


NIJMEGEN_THEMES = """\
Themes
  + 1 Aanpak van discriminatie (added)
  ~ 1 -> 2 Ondermijning -> Ondernijning (spelling change of the same theme, renumbered)
  ~ 2 -> 3 Veilige wijken (renumbered)
  ~ 3 -> 4 Digitale criminaliteit (renumbered)
  ~ 4 -> 5 Zorg & Veiligheid (renumbered)
  ~ 5 -> 6 Jonge aanwas in de criminaliteit (renumbered)
  ~ 6 -> 7 Polarisatie en maatschappelijke ontwrichting (renumbered)
  + 8 Aanpak straatintimidatie (added)
  ~ 7 -> 9 Openbare orde (renumbered)
  ~ 8 -> 10 Veilige evenementen, horeca en markten (renumbered)
  ~ 9 -> 11 Veilige fysieke leefomgeving (renumbered)
"""


def test_ivp_diff_on_the_two_nijmegen_files() -> None:
    result = CliRunner().invoke(main, ["diff", str(COLLEGE), str(AMENDED)])
    assert result.exit_code == 0
    assert result.output.startswith(f"--- {COLLEGE}\n+++ {AMENDED}\n\n" + NIJMEGEN_THEMES + "\nTexts\n")
    assert "\nFootnotes\n  ~ 1 (rewritten, similarity 0.42): " in result.output


def test_nijmegen_two_themes_added_and_all_renumbered(
    nijmegen: tuple[PlanRecord, PlanRecord],
) -> None:
    changes = diff_records(*nijmegen).themes
    assert [(c.new_number, c.new_title) for c in changes if c.change == "added"] == [
        ("1", "Aanpak van discriminatie"),
        ("8", "Aanpak straatintimidatie"),
    ]
    assert [c for c in changes if c.change in ("removed", "renamed")] == []
    assert {c.old_number: c.new_number for c in changes if c.change != "added"} == {
        "1": "2", "2": "3", "3": "4", "4": "5", "5": "6", "6": "7", "7": "9", "8": "10", "9": "11",
    }  # fmt: skip
    assert all(c.renumbered for c in changes if c.change != "added")


def test_nijmegen_misspelt_title_is_a_spelling_change(
    nijmegen: tuple[PlanRecord, PlanRecord],
) -> None:
    [spelling] = [c for c in diff_records(*nijmegen).themes if c.change == "spelling"]
    assert (spelling.old_number, spelling.old_title, spelling.new_number, spelling.new_title) == (
        "1", "Ondermijning", "2", "Ondernijning",
    )  # fmt: skip
    [opgave] = [text for text in spelling.texts if text.part == "opgave"]
    assert [(e.old, e.new) for e in opgave.edits] == [
        ("ondermijnende", "ondernijnde"),
        ("ondermijning", "ondernijning"),
        ("buren", "burens"),
    ]


def test_nijmegen_footnote_1_rewritten(nijmegen: tuple[PlanRecord, PlanRecord]) -> None:
    [note] = diff_records(*nijmegen).footnotes
    assert (note.change, note.number) == ("changed", 1)
    assert note.old_text is not None and note.old_text.startswith(
        "Deze aanpak ziet op de volgende thema’s: aanpak drugs"
    )
    assert note.new_text is not None and note.new_text.startswith("Naast actuele casuïstiek ziet deze aanpak")


def test_nijmegen_brandweerzorg_2022_budget_change(nijmegen: tuple[PlanRecord, PlanRecord]) -> None:
    old, new = nijmegen
    if not old.budget or not new.budget:
        pytest.skip("the budget extractor is not available on this branch")
    changes = diff_records(old, new)
    assert [(c.label, c.year, c.old_amount, c.new_amount) for c in changes.budget] == [
        ("Brandweezorg", 2022, 4_736_000, 14_736_000),
    ]
    assert [(c.change, c.old_label, c.new_label) for c in changes.budget_lines] == [
        ("spelling", "Brandweerzorg", "Brandweezorg"),
        ("spelling", "Ondermijning", "Ondernijning"),
    ]


# The budget table "Wat het kost - financieel overzicht 2022-2026" (x 1000 €) of both versions,
# copied from the plans: the college text prints Brandweerzorg 2022 as 4.736, the amended
# version as 14.736, and misspells two labels.
NIJMEGEN_BUDGET = [
    ("1", "Aanpak multiproblematiek", [848, 570, 570, 374, 374]),
    ("2", "Brandweerzorg", [4736, 15407, 15407, 15407, 15407]),
    ("3", "Intelligence", [143, 129, 129, 30, 30]),
    ("4", "Jeugdbeschermingstafel", [-71, -71, -71, -71, -71]),
    ("5", "Ondermijning", [325, 58, 63, 166, 166]),
    ("6", "Openbare orde", [217, 100, 100, 100, 100]),
    ("7", "Veilige evenementen en horeca", [262, 276, 276, 276, 276]),
    ("8", "Veilige fysieke leefomgeving", [5, 5, 5, 5, 5]),
    ("9", "Veilige wijken", [241, 582, 584, 585, 585]),
]
AMENDED_EDITS = {"Brandweerzorg": ("Brandweezorg", {2022: 14736}), "Ondermijning": ("Ondernijning", {})}


def nijmegen_budget(amended: bool) -> PlanRecord:
    lines = []
    for number, label, thousands in NIJMEGEN_BUDGET:
        amounts = {year: amount * 1000 for year, amount in zip(range(2022, 2027), thousands, strict=True)}
        printed_label = label
        if amended and label in AMENDED_EDITS:
            printed_label, edits = AMENDED_EDITS[label]
            amounts.update({year: amount * 1000 for year, amount in edits.items()})
        lines.append(budget_line(number, printed_label, amounts))
    return record("Nijmegen", 2022, 2026, budget_tables=[budget(lines)])


def test_nijmegen_budget_figures_give_one_changed_cell_and_two_misspelt_labels(tmp_path: Path) -> None:
    code, output = run_diff(tmp_path, nijmegen_budget(False), nijmegen_budget(True))
    assert code == 0
    assert output.endswith(
        "\nBudget\n"
        "  Brandweezorg 2022: € 4.736.000 -> € 14.736.000 (printed 4.736 -> 14.736)\n"
        "  ~ line Brandweerzorg -> Brandweezorg (spelling change)\n"
        "  ~ line Ondermijning -> Ondernijning (spelling change)\n"
    )
