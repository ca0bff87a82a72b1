"""Referenced policy documents: golden tests on the Nijmegen plans, synthetic plans elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import extract
from pipeline.errors import ReferenceDataError, UnsupportedFormat
from pipeline.extractors.documents import (
    build_patterns,
    candidates,
    find_documents,
    noun_starts,
    own_period,
    search_words,
)
from pipeline.extractors.organisations import recognise
from pipeline.extractors.scan import Scan

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PLANS = [
    "nijmegen-ivp-2022-2026-college.txt",
    "nijmegen-ivp-2022-2026-amended.md",
    "nijmegen-ivp-2022-2026-amended.docx",
]

# Read off both plans by hand: (title, kind, year), in order of first reference.
GOLDEN = [
    (
        "Veiligheidsbrief",
        "council letter",
        None,
    ),  # 'onze jaarlijkse Veiligheidsbrief aan de gemeenteraad'
    ("Veiligheidsplan 2018-2022 ‘De weerbare stad’", "plan", 2018),
    ("coalitieakkoord ‘Ons Nijmegen, Stad van iedereen’", "coalition agreement", None),
    ("Veiligheidsbrief 2022", "council letter", 2022),
    ("trendstudie Platform31", "study", None),
    ("Plan van aanpak fysieke veiligheid 2019-2022", "plan", 2019),
    ("Stadsbegroting van 2021", "budget", 2021),
]


@pytest.mark.parametrize("plan", PLANS)
def test_golden_referenced_documents(plan: str) -> None:
    try:
        record = extract(CORPUS / plan)
    except UnsupportedFormat:
        pytest.skip(f"no loader for {plan} yet")
    assert [(d.title, d.kind, d.year) for d in record.referenced_documents] == GOLDEN
    for document in record.referenced_documents:
        assert record.text[document.span.start : document.span.end] == document.span.quote


def documents(text: str) -> list[tuple[str, str, int | None]]:
    organisations, _ = recognise(text)
    makers = sorted((m.span.start, m.span.end, o.name) for o in organisations for m in o.mentions)
    return [(d.title, d.kind, d.year) for d in find_documents(text, makers=makers)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het Veiligheidsplan 2019-2022 “Samen Veilig Tilburg” is geëvalueerd.",
         [("Veiligheidsplan 2019-2022 ‘Samen Veilig Tilburg’", "plan", 2019)]),
        ("“Vertrouwen in Utrecht” is het collegeprogramma van deze periode.",
         [("collegeprogramma ‘Vertrouwen in Utrecht’", "coalition agreement", None)]),
        ("Het coalitieakkoord 'Samen vooruit' vraagt om meer handhaving.",
         [("coalitieakkoord ‘Samen vooruit’", "coalition agreement", None)]),
        ("De middelen staan in de Programmabegroting 2023 en in de begroting van 2024.",
         [("Programmabegroting 2023", "budget", 2023), ("begroting van 2024", "budget", 2024)]),
        ("Zie ook het rapport van het CCV over woninginbraak.",
         [("rapport Centrum voor Criminaliteitspreventie en Veiligheid", "study", None)]),
        ("In de Veiligheidsmonitor 2021 scoort Zwolle beter.",
         [("Veiligheidsmonitor 2021", "study", 2021)]),
        ("De raad ontvangt ieder jaar de Jaarrekening.", [("Jaarrekening", "budget", None)]),
        ("Dit plan raakt veel thema's. 'Samen' is ons motto.", []),
        ("Zorg voor elkaar is het plan van de wijk.", []),
        # a capitalised adjective before the noun is part of the title; a coordination is not
        ("We werken volgens het Regionaal Uitvoeringsprogramma 2023.",
         [("Regionaal Uitvoeringsprogramma 2023", "plan", 2023)]),
        ("Het IVP 2019-2022 'Veilig Deventer' en het coalitieakkoord \"Deventer verbindt\" gelden.",
         [("IVP 2019-2022 ‘Veilig Deventer’", "plan", 2019),
          ("coalitieakkoord ‘Deventer verbindt’", "coalition agreement", None)]),
    ],
)  # fmt: skip
def test_documents_in_plans_of_other_municipalities(text: str, expected: list[tuple[str, str, int | None]]) -> None:
    assert documents(text) == expected


def test_the_plan_does_not_refer_to_itself() -> None:
    text = (
        "Integraal Veiligheidsplan 2023-2026\n\n"
        "Dit plan volgt het Integraal Veiligheidsplan 2019-2022 op. "
        "In de periode 2023-2026 werken we aan vijf thema's."
    )
    assert own_period(text) == "2023-2026"
    assert documents(text) == [("Integraal Veiligheidsplan 2019-2022", "plan", 2019)]


def test_the_period_in_the_title_line_is_the_plans_own() -> None:
    text = (
        "Kadernota Integrale Veiligheid 2024-2027\n"
        "Gemeente Venlo\n\n"
        "Deze nota volgt de Kadernota Integrale Veiligheid 2019-2022 op."
    )
    assert own_period(text) == "2024-2027"
    assert documents(text) == [("Kadernota Integrale Veiligheid 2019-2022", "budget", 2019)]


def test_a_period_wrapped_over_two_lines_is_one_period() -> None:
    assert documents("We bouwen voort op het veiligheidsplan 2018-\n2022 van Arnhem.") == [
        ("veiligheidsplan 2018-2022", "plan", 2018)
    ]


def test_malformed_noun_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "nouns.tsv"
    path.write_text("noun\tkind\nwoonvisie\tvision\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as error:
        build_patterns(path)
    assert str(error.value) == (
        f"{path}: line 2: unknown document kind 'vision' "
        "(use one of: budget, coalition agreement, council letter, other, plan, study)"
    )


def test_only_first_words_not_held_by_another_are_searched() -> None:
    # 'veiligheidsplan' and 'plannen' hold 'plan' after letters only; '2plan' holds it after a digit
    words = frozenset({"plan", "veiligheidsplan", "plannen", "2plan", "begroting"})
    assert search_words(words) == ("2plan", "begroting", "plan")


def test_noun_starts_find_compounds_through_the_shorter_noun() -> None:
    kinds = {"plan": "plan", "veiligheidsplan": "plan", "begroting": "budget"}
    text = "Het Veiligheidsplan, de Stadsbegroting en een plan-x; x-plan niet."
    assert list(noun_starts(text, kinds)) == [4, 24, 46]
    # with the scan's words, 'veiligheidsplan' and 'begroting' are searched; 'plan' stands in three words
    scan = Scan.of(text)
    assert list(noun_starts(text, kinds, scan.lower, scan.words)) == [4, 24, 46]
    # a noun that none of the given words holds is not searched for
    assert list(noun_starts("Geen plan.", kinds, "geen plan.", frozenset({"geen"}))) == []
    # a text whose lowering changes its length ('İ') is lowered letter by letter: 'Plan' is still found
    odd = "İ Plan en een plan"
    odd_scan = Scan.of(odd)
    assert not odd_scan.plain
    assert list(noun_starts(odd, kinds)) == [2, 14]
    assert [d.start for d in candidates(odd, build_patterns(), scan=odd_scan)] == [
        d.start for d in candidates(odd, build_patterns())
    ]
