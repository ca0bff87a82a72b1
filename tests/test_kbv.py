"""KBV vocabulary: themes named in many ways land on the same Kernbeleid Veiligheid labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ReferenceDataError
from pipeline.extractors.kbv import KbvSettings, assign_kbv, label_theme
from pipeline.extractors.kbv_lexicon import load_lexicon
from pipeline.extractors.kbv_overrides import load_overrides
from tests.factories import theme


def codes(title: str, taxonomy: str = "kbv-2021", **parts: str) -> set[str]:
    return {label.code for label in label_theme(theme("1", title, **parts), taxonomy)}  # type: ignore[arg-type]


# The worked example at the end of kbv.md (Nijmegen 2022-2026), on the titles alone.
WORKED_EXAMPLE = [
    ("Ondermijning", {"5.2", "undermining"}),
    ("Veilige wijken", {"1", "neighbourhood"}),
    ("Digitale criminaliteit", {"5.4", "digital"}),
    ("Zorg & Veiligheid", {"1.1", "1.3", "care-and-safety"}),
    ("Jonge aanwas in de criminaliteit", {"3.2", "youth"}),
    ("Polarisatie en maatschappelijke ontwrichting", {"5.1", "unrest"}),
    ("Openbare orde", {"1"}),
    ("Veilige evenementen, horeca en markten", {"2.3", "2.4"}),
    ("Veilige fysieke leefomgeving", {"4.2", "4.3"}),
]


@pytest.mark.parametrize(("title", "expected"), WORKED_EXAMPLE)
def test_worked_example_of_kbv_md(title: str, expected: set[str]) -> None:
    assert codes(title) == expected


# Themes as other municipalities title them.
OTHER_WORDS = [
    ("Georganiseerde criminaliteit en ondermijning", {"5.2", "undermining"}),
    ("Ondermijnende criminaliteit een halt toeroepen", {"5.2", "undermining"}),
    ("Veilig uitgaan", {"2.3"}),
    ("Cybercrime en online fraude", {"5.4", "digital"}),
    ("Huiselijk geweld", {"1.3", "care-and-safety"}),
    ("Aanpak straatintimidatie", {"1.1"}),
    ("Jeugdoverlast", {"3.1", "youth"}),
    ("Verkeersveiligheid", {"4.1"}),
    ("Brandweerzorg en crisisbeheersing", {"4.2", "4.4"}),
    ("Veilig winkelgebied", {"2.1"}),
]


@pytest.mark.parametrize(("title", "expected"), OTHER_WORDS)
def test_themes_in_other_words(title: str, expected: set[str]) -> None:
    assert codes(title) == expected


def test_inflected_and_compound_words_name_their_evidence() -> None:
    [theme_label, _] = label_theme(theme("3", "Ondermijnende criminaliteit een halt toeroepen"))
    assert (theme_label.code, theme_label.label, theme_label.score, theme_label.evidence) == (
        "5.2", "Georganiseerde criminaliteit", 0.6, ("ondermijnende",),
    )  # fmt: skip
    [intimidation] = label_theme(theme("8", "Aanpak straatintimidatie"))
    assert (intimidation.code, intimidation.evidence) == ("1.1", ("straatintimidatie",))


def test_a_keyword_inside_a_longer_keyword_hit_is_not_counted_again() -> None:
    # 1.3 has both "huiselijk geweld" and "geweld": the "geweld" of "huiselijk geweld" is one hit, not two.
    opgave = "Huiselijk geweld en ander geweld nemen toe."
    labels = label_theme(theme("4", "Huiselijk geweld", opgave=opgave))
    assert [(label.code, label.score, label.evidence) for label in labels] == [
        ("1.3", 0.8, ("huiselijk geweld", "geweld")),
        ("care-and-safety", 0.7, ("huiselijk geweld",)),
    ]


def test_without_a_minimum_score_every_entry_of_the_edition_is_a_label() -> None:
    # Entries without a hit score 0 and are kept too: only those with hits are looked at otherwise.
    labels = label_theme(theme("1", "Ondermijning"), settings=KbvSettings(min_score=0.0))
    assert [(label.code, label.score) for label in labels[:2]] == [("5.2", 0.6), ("undermining", 0.6)]
    assert sorted(label.code for label in labels) == sorted(e.code for e in load_lexicon().edition("kbv-2021"))
    assert {(label.score, label.evidence) for label in labels[2:]} == {(0.0, ())}


def test_a_tag_brings_its_default_anchor_only_when_the_field_has_no_label_yet() -> None:
    # care-and-safety anchors on 1.1 and 1.3; "Huiselijk geweld" already is 1.3 itself.
    labels = label_theme(theme("4", "Zorg en veiligheid"))
    assert [(label.code, label.evidence) for label in labels] == [
        ("1.1", ("zorg en veiligheid",)),
        ("1.3", ("zorg en veiligheid",)),
        ("care-and-safety", ("zorg en veiligheid",)),
    ]


OPENBARE_ORDE_AMBITIE = (
    "Het is belangrijk om te beseffen dat het begrip openbare orde vloeibaar is, niet echt afgebakend. "
    "Al vele jaren staat onze aanpak van vraagstukken ten aanzien van de openbare orde in het teken van "
    "het reguleren van demonstraties en de aanpak van supportersgeweld rondom wedstrijden in het betaalde "
    "voetbal. Dat ligt in lijn met de hierboven gegeven definitie. Overigens zien we dat door de "
    "toenemende maatschappelijke polarisatie de omvang van en risico's rondom demonstraties toenemen."
)


def test_openbare_orde_text_about_demonstrations_adds_5_1_below_the_title_label() -> None:
    labels = label_theme(theme("9", "Openbare orde", category="core", ambitie=OPENBARE_ORDE_AMBITIE))
    by_code = {label.code: label for label in labels}
    # Title 0.6 plus 0.1 for each of the two "openbare orde" in the text.
    assert (by_code["1"].score, by_code["1"].evidence) == (0.8, ("openbare orde",))
    assert (by_code["5.1"].score, by_code["5.1"].evidence) == (
        0.3,
        ("demonstraties", "polarisatie"),
    )
    assert labels[0].code == "1"


FYSIEK_OPGAVE = (
    "Bij dit thema gaat het om de brandveiligheid – wat raakt aan de kaderstellende rol van de "
    "gemeenteraad in relatie tot artikel 3a Wet Veiligheidsregio's – en de constructieve veiligheid "
    "van bouwwerken en het voorkomen van veiligheidsrisico's door milieuhandhaving. In de kern gaat het "
    "daarbij vooral om onze relatie met de Omgevingsdienst Regio Nijmegen (ODRN) en de Veiligheidsregio "
    "Gelderland-Zuid (VRGZ): hoe zorgen we samen voor een veilige fysieke leefomgeving?"
)
FYSIEK_AMBITIE = (
    "De Omgevingswet en de Wet kwaliteitsborging bouwen, naast uiteraard de Wet Veiligheidsregio's, en "
    "de keuzes die we met het oog op die wettelijke regelingen gaan maken, zullen hierbij ook een "
    "belangrijke rol gaan spelen."
)


def test_fysieke_leefomgeving_with_its_opgave_reaches_4_4_through_the_veiligheidsregio() -> None:
    fysiek = theme("11", "Veilige fysieke leefomgeving", opgave=FYSIEK_OPGAVE, ambitie=FYSIEK_AMBITIE)
    labels = {label.code: label for label in label_theme(fysiek)}
    assert set(labels) == {"4.2", "4.3", "4.4"}
    # Three mentions of the veiligheidsregio in the text: 3 x 0.1.
    assert (labels["4.4"].score, labels["4.4"].evidence) == (0.3, ("veiligheidsregio",))
    assert labels["4.2"].evidence == ("fysieke leefomgeving", "brandveiligheid")


def test_title_weighs_more_than_a_passing_word_in_the_text() -> None:
    text = "Uitgaansgeweld en overlast; soms ook signalen van ondermijning in de horeca."
    labels = label_theme(theme("5", "Veilig uitgaan", opgave=text))
    assert [(label.code, label.score) for label in labels] == [("2.3", 0.8)]


def test_a_misspelt_title_is_still_labelled_from_its_opgave() -> None:
    opgave = (
        "Criminele netwerken en structuren waarvan een ondermijnende invloed uitgaat op de samenleving "
        "willen we tegengaan, bijvoorbeeld vanwege risico's op mensenhandel."
    )
    labels = label_theme(theme("2", "Ondernijning", opgave=opgave))
    assert [(label.code, label.score) for label in labels] == [("5.2", 0.3)]
    assert labels[0].evidence == ("criminele netwerken", "ondermijnende", "mensenhandel")


def test_kbv_2013_has_no_tags_and_no_veilig_toerisme() -> None:
    assert codes("Cybercrime en online fraude", "kbv-2013") == {"5.4"}
    assert codes("Veilig toerisme en recreatie", "kbv-2013") == set()
    assert codes("Veilig toerisme en recreatie", "kbv-2021") == {"2.5"}
    [label] = label_theme(theme("1", "Verkeersveiligheid"), "kbv-2013")
    assert label.taxonomy == "kbv-2013"


def test_a_theme_outside_the_taxonomy_gets_no_label() -> None:
    assert codes("Aanpak van discriminatie") == set()


def test_assign_kbv_returns_new_themes_and_keeps_the_raw_title() -> None:
    original = theme("1", "Zorg & Veiligheid", kbv=())
    [labelled] = assign_kbv([original], municipality="Nijmegen")
    assert original.kbv == ()
    assert labelled.title == "Zorg & Veiligheid"
    assert [label.code for label in labelled.kbv] == ["1.1", "1.3", "care-and-safety"]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_users_override_file_wins_for_the_named_themes(tmp_path: Path) -> None:
    overrides = load_overrides(
        write(
            tmp_path / "kbv.tsv",
            "municipality\ttitle\tcodes\nNijmegen\tAanpak van discriminatie\t1.1, 1.4\n*\tOpenbare orde\t1;5.1\n",
        )
    )
    themes = [
        theme("1", "Aanpak van discriminatie"),
        theme("9", "Openbare  orde"),
        theme("2", "Veilige wijken"),
    ]
    labelled = assign_kbv(themes, municipality="Nijmegen", overrides=overrides)
    override = ("override",)
    assert [[(label.code, label.label, label.score, label.evidence) for label in t.kbv] for t in labelled] == [
        [("1.1", "Sociale kwaliteit", 1.0, override), ("1.4", "Subjectieve veiligheid", 1.0, override)],
        [("1", "Veilige woon- en leefomgeving", 1.0, override),
         ("5.1", "Polarisatie en radicalisering", 1.0, override)],
        [("1", "Veilige woon- en leefomgeving", 0.6, ("veilige wijken",)),
         ("neighbourhood", "Veilige wijken", 0.6, ("veilige wijken",))],
    ]  # fmt: skip
    # The Nijmegen line does not apply to another municipality.
    [other] = assign_kbv([theme("1", "Aanpak van discriminatie")], municipality="Arnhem", overrides=overrides)
    assert other.kbv == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("gemeente\tthema\n", "the KBV override file lacks the header line municipality<TAB>title<TAB>codes "
         "(write a UTF-8 TSV with the columns municipality, title, codes)"),
        ("municipality\ttitle\tcodes\nUtrecht\tWoninginbraak\t1.3 9.9\n",
         "line 2 names unknown KBV code '9.9' (use codes from pipeline/data/kbv.json, e.g. 5.2 or undermining)"),
        ("municipality\ttitle\tcodes\nUtrecht\tWoninginbraak\n",
         "line 2 has 2 columns instead of 3 (write a UTF-8 TSV with the columns municipality, title, codes)"),
    ],
)  # fmt: skip
def test_a_broken_override_file_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "kbv.tsv", content)
    with pytest.raises(ReferenceDataError) as raised:
        load_overrides(path)
    assert str(raised.value) == f"{path}: {message}"


def test_the_lexicon_covers_the_five_fields_and_the_2021_tags() -> None:
    lexicon = load_lexicon()
    assert [e.code for e in lexicon.entries if e.kind == "field"] == ["1", "2", "3", "4", "5"]
    assert [e.code for e in lexicon.edition("kbv-2021") if e.kind == "tag"] == [
        "digital", "care-and-safety", "undermining", "unrest", "youth", "neighbourhood", "information",
    ]  # fmt: skip
    assert lexicon.fields_of("care-and-safety") == ("1",)
    assert lexicon.fields_of("5.2") == ("5",)
    assert lexicon.fields_of("information") == ()


def test_with_the_statistical_model_lemmas_decide_too() -> None:
    pytest.importorskip("nl_core_news_sm")
    assert codes("Ondermijnende criminaliteit") == {"5.2", "undermining"}


@pytest.mark.parametrize(
    ("opgave", "expected"),
    [
        # 'geweld' and 'huiselijk geweld' stand in two places each: the first found goes first.
        ("Geweld op straat en huiselijk geweld; ondermijning, huiselijk geweld en geweld.",
         (0.4, ("geweld", "huiselijk geweld"))),
        # Three places against two: the most frequent goes first, wherever it first stands.
        ("Geweld op straat. Huiselijk geweld, geweld en ondermijning; huiselijk geweld, huiselijk geweld.",
         (0.5, ("huiselijk geweld", "geweld"))),
    ],
)  # fmt: skip
def test_evidence_from_the_text_lists_the_most_frequent_first_and_ties_by_first_place(
    opgave: str, expected: tuple[float, tuple[str, ...]]
) -> None:
    [label, *_] = label_theme(theme("9", "Thema", opgave=opgave))
    assert (label.code, label.score, label.evidence) == ("1.3", *expected)
