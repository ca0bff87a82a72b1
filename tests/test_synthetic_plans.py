"""Small plans written in other municipalities' styles: numbering, headings, tiers, parts."""

from __future__ import annotations

from pathlib import Path

from pipeline import extract
from tests.conftest import all_spans, write_plan

DECIMAL_MARKDOWN = """\
# Integraal Veiligheidsplan Zwolle 2023-2026

## 1. Inleiding

Dit plan volgt op het Integraal Veiligheidsplan 2019-2022.

## 3. Prioriteiten

### 3.1 Prioriteit 1: Ondermijnende criminaliteit

#### Waar staan we nu?

Criminelen misbruiken vastgoed en bedrijven in het buitengebied.

#### Wat willen we bereiken?

Minder drugslabs en een weerbare gemeente.

#### Wat gaan we doen?

We zetten de Wet Bibob vaker in.

#### Indicatoren

Aantal Bibob-toetsen per jaar.

### 3.2 Prioriteit 2: Huiselijk geweld

#### Waar staan we nu?

Huiselijk geweld blijft vaak verborgen.

#### Wat willen we bereiken?

Eerder signaleren.

## 4. Basis op orde

### 4.1 Verkeersveiligheid

#### Waar staan we nu?

Het aantal ongevallen daalt.

#### Wat willen we bereiken?

Nul verkeersdoden.

## 5. Financiën

Zie de begroting.
"""

UPPERCASE_TEXT = """\
INTEGRAAL VEILIGHEIDSBELEID GEMEENTE DEVENTER 2019 t/m 2022

HOOFDSTUK 1: INLEIDING

Voor u ligt het nieuwe beleid. Wij staan voor de opgave om samen te werken.

AANDACHTSGEBIED 1: Jeugd en veiligheid

Aanleiding
Jongeren raken betrokken bij drugshandel en er is overlast in de wijken.

Doelstelling
Minder jongeren in de criminaliteit.

AANDACHTSGEBIED 2: Fysieke veiligheid

Aanleiding
De brandweer ziet meer branden in woningen.

Doelstelling
Minder woningbranden.

HOOFDSTUK 2: UITVOERING

Het college stelt jaarlijks een uitvoeringsprogramma vast.

Deventer, 12 december 2018
De gemeenteraad
"""

INLINE_LABELS = """\
Veiligheidsagenda 2023/2026

Thema 1 – Veilige wijken

Opgave: in sommige wijken voelen bewoners zich onveilig.

Ambitie: in 2026 voelt 80 procent van de bewoners zich veilig.

Thema 2 – Cybercrime

Opgave: steeds meer inwoners worden slachtoffer van online fraude.

Ambitie: inwoners zijn digitaal weerbaar.

Thema 3 – Woninginbraken

Dat betekent:
Er wordt vaker ingebroken in de avond.

Ambitie:
Minder inbraken.

En daarom doen we het volgende.
We organiseren voorlichtingsavonden in de wijken.
"""

PILLAR_PLAN = """\
# Veiligheidsplan 2024-2027

## Prioritaire thema's

### A. Zorg en veiligheid

#### Opgave

Personen met verward gedrag veroorzaken overlast.

#### Ambitie

Onze aanpak rust op twee sporen:

1. Vroegsignalering
2. Passende zorg

##### ➤ Vroegsignaleren

Wijkteams delen signalen.

##### ➤ Passende zorg

Er komt een meldpunt.

### B. Veilig uitgaan

#### Opgave

Geweld in het uitgaansgebied.

#### Ambitie

Veilige nachten.

## Kernthema's

### C. Brandveiligheid

#### Opgave

Brandveilig leven.

#### Ambitie

Minder branden.
"""


def test_decimal_numbering_with_priority_prefix_and_question_parts(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "zwolle.md", DECIMAL_MARKDOWN))
    assert [(t.number, t.title, t.category) for t in record.themes] == [
        ("3.1", "Ondermijnende criminaliteit", "priority"),
        ("3.2", "Huiselijk geweld", "priority"),
        ("4.1", "Verkeersveiligheid", "core"),
    ]
    first = record.themes[0]
    assert first.opgave is not None and first.opgave.heading == "Waar staan we nu?"
    assert first.opgave.text == "Criminelen misbruiken vastgoed en bedrijven in het buitengebied."
    assert first.ambitie is not None and first.ambitie.text == "Minder drugslabs en een weerbare gemeente."
    assert first.aanpak is not None and first.aanpak.heading == "Wat gaan we doen?"
    assert first.aanpak.text == "We zetten de Wet Bibob vaker in."
    assert first.indicators is not None and first.indicators.text == "Aantal Bibob-toetsen per jaar."
    assert record.themes[2].tier_label == "Basis op orde"
    assert record.plan.title == "Integraal Veiligheidsplan Zwolle 2023-2026"
    assert (record.plan.period.start, record.plan.period.end, record.plan.period.inferred) == (2023, 2026, False)


def test_uppercase_chapters_and_aandachtsgebieden_in_plain_text(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "deventer.txt", UPPERCASE_TEXT))
    assert [(t.number, t.title) for t in record.themes] == [
        ("1", "Jeugd en veiligheid"),
        ("2", "Fysieke veiligheid"),
    ]
    jeugd = record.themes[0]
    assert jeugd.opgave is not None and jeugd.opgave.heading == "Aanleiding"
    assert jeugd.opgave.text == "Jongeren raken betrokken bij drugshandel en er is overlast in de wijken."
    assert jeugd.ambitie is not None and jeugd.ambitie.heading == "Doelstelling"
    # The second theme ends at the next chapter, not at the end of the plan.
    assert record.themes[1].ambitie is not None
    assert record.themes[1].ambitie.text == "Minder woningbranden."
    assert (record.plan.period.start, record.plan.period.end) == (2019, 2022)
    assert record.plan.municipality == "Deventer"
    assert record.plan.adopted.date == "2018-12-12"
    assert record.plan.adopted.by == "gemeenteraad"


def test_opgave_in_prose_does_not_start_a_part(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "deventer.txt", UPPERCASE_TEXT))
    assert "staan voor de opgave" in record.text
    assert all("Voor u ligt" not in (t.opgave.text if t.opgave else "") for t in record.themes)


def test_inline_labels_and_word_numbered_themes(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "agenda.txt", INLINE_LABELS))
    assert [(t.number, t.title) for t in record.themes] == [
        ("1", "Veilige wijken"),
        ("2", "Cybercrime"),
        ("3", "Woninginbraken"),
    ]
    inbraken = record.themes[2]
    assert inbraken.opgave is not None and inbraken.opgave.heading == "Dat betekent"
    assert inbraken.opgave.text == "Er wordt vaker ingebroken in de avond."
    assert inbraken.aanpak is not None and inbraken.aanpak.heading == "En daarom doen we het volgende."
    assert inbraken.aanpak.text == "We organiseren voorlichtingsavonden in de wijken."
    wijken = record.themes[0]
    assert wijken.opgave is not None and wijken.opgave.heading == "Opgave"
    assert wijken.opgave.text == "in sommige wijken voelen bewoners zich onveilig."
    assert wijken.ambitie is not None
    assert wijken.ambitie.text == "in 2026 voelt 80 procent van de bewoners zich veilig."
    assert (record.plan.period.start, record.plan.period.end) == (2023, 2026)


def test_letter_numbered_themes_pillars_with_other_intro_word(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "plan.md", PILLAR_PLAN))
    assert [(t.number, t.title, t.category) for t in record.themes] == [
        ("A", "Zorg en veiligheid", "priority"),
        ("B", "Veilig uitgaan", "priority"),
        ("C", "Brandveiligheid", "core"),
    ]
    zorg = record.themes[0]
    assert [(p.title, p.heading) for p in zorg.pillars] == [
        ("Vroegsignalering", "Vroegsignaleren"),
        ("Passende zorg", "Passende zorg"),
    ]
    assert zorg.pillars[1].text == "Er komt een meldpunt."
    assert zorg.ambitie is not None and zorg.ambitie.text.endswith("Er komt een meldpunt.")


def test_a_recipe_has_no_themes_and_says_so(tmp_path: Path) -> None:
    recipe = (
        "Appeltaart\n\nIngrediënten\n\n500 gram appels, 200 gram bloem.\n\nBereiding\n\nMeng alles en bak 50 minuten.\n"
    )
    record = extract(write_plan(tmp_path, "recept.txt", recipe))
    assert record.themes == ()
    assert [f.code for f in record.findings] == ["theme.none_found"]
    assert record.findings[0].message.startswith("No themes found: is this a safety plan?")


def test_stated_count_that_contradicts_the_themes_is_reported(tmp_path: Path) -> None:
    text = PILLAR_PLAN.replace("## Kernthema's", "## Kernthema's\n\nNaast de drie prioritaire thema's werken we aan:")
    record = extract(write_plan(tmp_path, "plan.md", text))
    mismatches = [f for f in record.findings if f.code == "theme.count_mismatch"]
    assert len(mismatches) == 1
    assert mismatches[0].message == (
        "The plan speaks of 3 prioritaire thema's ('drie prioritaire thema's'), but 2 priority themes were found."
    )


def test_spans_of_synthetic_plans_quote_the_text(tmp_path: Path) -> None:
    for name, text in (("a.md", DECIMAL_MARKDOWN), ("b.txt", UPPERCASE_TEXT), ("c.txt", INLINE_LABELS)):
        record = extract(write_plan(tmp_path, name, text))
        for span in all_spans(record):
            assert record.text[span.start : span.end] == span.quote


PHENOMENA_PILLARS = """\
# Veiligheidsplan 2024-2027

Het plan rust op drie pijlers:

1. Ondermijning
2. Jeugd
3. Zorg en veiligheid

## 1. Ondermijning

### Opgave

Deze prioriteit kent drie pijlers:

1. Drugshandel.
2. Mensenhandel.
3. Witwassen.

### Ambitie

Onze aanpak rust op twee pijlers:

1. Preventie en bewustwording.
2. Samenwerking met de partners.

## 2. Jeugd

### Opgave

Jonge aanwas.

### Ambitie

Minder jonge aanwas.

## 3. Zorg en veiligheid

### Opgave

Verward gedrag.

### Ambitie

Passende zorg.
"""


def test_pillars_naming_phenomena_or_themes_are_not_approach_pillars(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "plan.md", PHENOMENA_PILLARS))
    assert [t.title for t in record.themes] == ["Ondermijning", "Jeugd", "Zorg en veiligheid"]
    assert [p.title for p in record.themes[0].pillars] == [
        "Preventie en bewustwording",
        "Samenwerking met de partners",
    ]
    assert [p.heading for p in record.themes[0].pillars] == [None, None]
    assert [f.code for f in record.findings if f.code.startswith("pillar.")] == ["pillar.no_section"] * 2


def test_a_plan_with_500_themes(tmp_path: Path) -> None:
    sections = [
        f"{n}. Thema nummer {n}\n\nOpgave\nOverlast in wijk {n}.\n\nAmbitie\n"
        "Onze aanpak berust op twee pijlers:\n1. Preventie.\n2. Samenwerking.\n\n"
        "➢ Preventie\nMeer preventie.\n\n➢ Samenwerking\nSamen optrekken.\n"
        for n in range(1, 501)
    ]
    record = extract(write_plan(tmp_path, "groot.txt", "Veiligheidsplan 2024-2027\n\n" + "\n".join(sections)))
    assert [t.number for t in record.themes] == [str(n) for n in range(1, 501)]
    assert record.themes[-1].title == "Thema nummer 500"
    assert record.themes[-1].opgave is not None and record.themes[-1].opgave.text == "Overlast in wijk 500."
    assert [p.text for p in record.themes[-1].pillars] == ["Meer preventie.", "Samen optrekken."]
    assert record.findings == ()
