"""Small plans written in other municipalities' styles: numbering, headings, tiers, parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import Part, PlanRecord
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
    assert inbraken.opgave is not None and inbraken.opgave.heading == "Dat betekent:"
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


def _parts(record: PlanRecord) -> list[tuple[str | None, str, str | None, str | None, str | None]]:
    """Number, title, category and the first words of opgave and ambitie of every theme."""

    def opening(part: Part | None) -> str | None:
        return " ".join(part.text.split()[:3]) if part else None

    return [(t.number, t.title, t.category, opening(t.opgave), opening(t.ambitie)) for t in record.themes]


LISTS_BEFORE_THEMES = """\
Veiligheidsplan Hoogeveen 2024-2027

1. Ondermijnende criminaliteit

Opgave
Hennepkwekerijen in huurwoningen nemen toe.

Ambitie
Onze aanpak rust op drie pijlers:
1. Preventie
2. Samenwerking
3. Informatiedeling

2. Jeugd en overlast

Opgave
Groepen jongeren veroorzaken overlast bij het station.

Ambitie
We werken langs twee lijnen:
1. Vroegsignalering
2. Samenwerking met scholen

3. Veilig uitgaan

Opgave: in het uitgaansgebied neemt het geweld in de nacht toe.

Ambitie: veilige nachten, met drie maatregelen:

1. Cameratoezicht

2. Horecaportiers

3. Taxistandplaatsen

4. Woninginbraken

Opgave
Inbrekers slaan vooral in de donkere maanden toe.

Ambitie
Minder inbraken door:

1. Buurtpreventie

2. Voorlichting

Aanpak
We starten buurtapps.
"""


def test_theme_heading_after_a_numbered_list_in_plain_text(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "hoogeveen.txt", LISTS_BEFORE_THEMES))
    assert _parts(record) == [
        # After the pillars 1-3, '2.' does not continue the list.
        ("1", "Ondermijnende criminaliteit", None, "Hennepkwekerijen in huurwoningen", "Onze aanpak rust"),
        # After a list 1-2 written without blank lines, '3.' continues the headings 1 and 2.
        ("2", "Jeugd en overlast", None, "Groepen jongeren veroorzaken", "We werken langs"),
        # After a list written with blank lines, 'Opgave' tells that '4.' opens a theme.
        ("3", "Veilig uitgaan", None, "in het uitgaansgebied", "veilige nachten, met"),
        ("4", "Woninginbraken", None, "Inbrekers slaan vooral", "Minder inbraken door:"),
    ]
    assert [p.title for p in record.themes[0].pillars] == ["Preventie", "Samenwerking", "Informatiedeling"]
    uitgaan, inbraken = record.themes[2], record.themes[3]
    assert uitgaan.ambitie is not None
    assert uitgaan.ambitie.text.endswith(":\n\n1. Cameratoezicht\n2. Horecaportiers\n3. Taxistandplaatsen")
    # A list with blank lines between its items stays a list even when a part label follows it.
    assert inbraken.ambitie is not None
    assert inbraken.ambitie.text == "Minder inbraken door:\n\n1. Buurtpreventie\n2. Voorlichting"
    assert inbraken.aanpak is not None and inbraken.aanpak.text == "We starten buurtapps."
    assert [f.code for f in record.findings if f.code.startswith("theme.")] == []


QUESTION_THEMES_MARKDOWN = """\
# Veiligheidsplan Gouda 2023-2026

## Speerpunten

### Hoe maken we de binnenstad veiliger?

**Waar staan we nu?**

Winkeliers melden vaker diefstal en intimidatie.

**Wat willen we bereiken?**

Een binnenstad waar iedereen zich welkom voelt.

### Hoe beschermen we kwetsbare inwoners?

**Waar staan we nu?**

Ouderen worden vaker opgelicht aan de deur.

**Wat willen we bereiken?**

Weerbare ouderen.

## Overige thema's

### Hoe blijft de brandveiligheid op peil?

**Waar staan we nu?**

Het aantal woningbranden is stabiel.

**Wat willen we bereiken?**

Elke woning een rookmelder.
"""

QUESTION_THEMES_TEXT = """\
Integraal veiligheidsplan Harderwijk 2023-2026

Speerpunten

Hoe maken we de binnenstad veiliger?

Waar staan we nu?
Winkeliers melden vaker diefstal en intimidatie.

Wat willen we bereiken?
Een binnenstad waar iedereen zich welkom voelt.

Hoe beschermen we kwetsbare inwoners?

Waar staan we nu?
Ouderen worden vaker opgelicht aan de deur.

Wat willen we bereiken?
Weerbare ouderen.

Overige thema's

Hoe blijft de brandveiligheid op peil?

Waar staan we nu?
Het aantal woningbranden is stabiel.

Wat willen we bereiken?
Elke woning een rookmelder.
"""


@pytest.mark.parametrize(
    ("name", "text"), [("gouda.md", QUESTION_THEMES_MARKDOWN), ("harderwijk.txt", QUESTION_THEMES_TEXT)]
)
def test_unnumbered_question_themes_under_two_tier_headings(tmp_path: Path, name: str, text: str) -> None:
    record = extract(write_plan(tmp_path, name, text))
    assert _parts(record) == [
        (None, "Hoe maken we de binnenstad veiliger?", "priority", "Winkeliers melden vaker", "Een binnenstad waar"),
        (None, "Hoe beschermen we kwetsbare inwoners?", "priority", "Ouderen worden vaker", "Weerbare ouderen."),
        (None, "Hoe blijft de brandveiligheid op peil?", "core", "Het aantal woningbranden", "Elke woning een"),
    ]
    assert [t.tier_label for t in record.themes] == ["Speerpunten", "Speerpunten", "Overige thema's"]
    assert record.plan.tiers == ("Speerpunten", "Overige thema's")


LETTERED_THEMES = """\
Veiligheidsagenda Zeist 2023/2026

Thema A – Ondermijning

Opgave
Criminelen gebruiken loodsen in het buitengebied.

Ambitie
Een weerbaar buitengebied.

Thema B: Online veiligheid

Opgave
Inwoners worden slachtoffer van phishing.

Ambitie
Digitaal weerbare inwoners.

Thema C: Huiselijk geweld

Opgave
Geweld achter de voordeur blijft vaak onzichtbaar.

Ambitie
Eerder hulp bieden.
"""


def test_themes_numbered_with_letters_after_the_word_thema(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "zeist.txt", LETTERED_THEMES))
    assert _parts(record) == [
        ("A", "Ondermijning", None, "Criminelen gebruiken loodsen", "Een weerbaar buitengebied."),
        ("B", "Online veiligheid", None, "Inwoners worden slachtoffer", "Digitaal weerbare inwoners."),
        # 'C' follows 'B' as a letter, although it is also the Roman numeral 100.
        ("C", "Huiselijk geweld", None, "Geweld achter de", "Eerder hulp bieden."),
    ]
    assert record.themes[1].subsections == ()


ROMAN_THEMES_UPPERCASE_TIERS = """\
INTEGRAAL VEILIGHEIDSPLAN GEMEENTE BERGEN OP ZOOM 2024-2027

Voorwoord

In Bergen op Zoom werken we samen aan veiligheid. Dit plan volgt op het plan 2020-2023.

SPEERPUNTEN

I. Drugsoverlast

Huidige situatie
Bewoners melden handel op straat.

Onze ambitie
Geen straathandel meer.

II. Zorg en veiligheid

Uitgangssituatie
Meldingen van verward gedrag nemen toe.

Doel
Snelle hulp.

OVERIGE THEMA'S

III. Verkeersveiligheid

Trends en ontwikkelingen
Meer ongevallen met e-bikes.

Doelstelling
Minder ongevallen.

Maatregelen
Lessen voor oudere fietsers.

IV. Natuurbranden

Trends en ontwikkelingen
Droge zomers.

Doelstelling
Snel blussen.

Vastgesteld door de gemeenteraad in de openbare vergadering van 12 december 2023.
"""


def test_roman_themes_under_uppercase_tier_headings(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "bergen.txt", ROMAN_THEMES_UPPERCASE_TIERS))
    assert _parts(record) == [
        ("I", "Drugsoverlast", "priority", "Bewoners melden handel", "Geen straathandel meer."),
        ("II", "Zorg en veiligheid", "priority", "Meldingen van verward", "Snelle hulp."),
        ("III", "Verkeersveiligheid", "core", "Meer ongevallen met", "Minder ongevallen."),
        ("IV", "Natuurbranden", "core", "Droge zomers.", "Snel blussen."),
    ]
    assert [t.tier_label for t in record.themes] == ["SPEERPUNTEN", "SPEERPUNTEN", "OVERIGE THEMA'S", "OVERIGE THEMA'S"]
    assert record.themes[2].aanpak is not None and record.themes[2].aanpak.text == "Lessen voor oudere fietsers."
    # The closing adoption sentence is back matter, not part of the last theme.
    assert record.themes[3].ambitie is not None and record.themes[3].ambitie.text == "Snel blussen."
    assert record.themes[3].span.quote.endswith("Snel blussen.")
    plan = record.plan
    assert plan.title == "INTEGRAAL VEILIGHEIDSPLAN GEMEENTE BERGEN OP ZOOM 2024-2027"
    assert plan.municipality == "Bergen op Zoom"
    assert (plan.period.start, plan.period.end, plan.period.inferred) == (2024, 2027, False)
    assert (plan.adopted.date, plan.adopted.by) == ("2023-12-12", "gemeenteraad")


SECTION_SIGN_NUMBERING = """\
# Veiligheidsplan Amstelveen 2022 – 2025

## § 1 Inleiding

Het vorige plan liep van 2018 tot 2021.

## § 2 Accenten

### § 2.1 Criminele uitbuiting van jongeren voorkomen

**Aanleiding**

Jongeren worden geronseld als geldezel.

**Doelstelling**

Geen jongere als geldezel.

### § 2.2 Ondermijning in het havengebied

**Aanleiding**

Loodsen worden misbruikt.

**Doelstelling**

Controles in het havengebied.

## § 3 Brede thema's

### § 3.1 Veilig wonen

**Aanleiding**

Woninginbraken dalen.

**Doelstelling**

Dat blijft zo.
"""


def test_section_sign_numbering_and_accenten_tier(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "amstelveen.md", SECTION_SIGN_NUMBERING))
    assert _parts(record) == [
        (
            "2.1",
            "Criminele uitbuiting van jongeren voorkomen",
            "priority",
            "Jongeren worden geronseld",
            "Geen jongere als",
        ),
        ("2.2", "Ondermijning in het havengebied", "priority", "Loodsen worden misbruikt.", "Controles in het"),
        ("3.1", "Veilig wonen", "core", "Woninginbraken dalen.", "Dat blijft zo."),
    ]
    assert record.plan.tiers == ("Accenten", "Brede thema's")
    assert (record.plan.period.start, record.plan.period.end) == (2022, 2025)


NUMBERED_PART_HEADINGS = """\
Veiligheidsplan Lelystad 2020 t/m 2023

1. Inleiding

Dit plan beschrijft onze prioriteiten en kerntaken.

2. Prioriteiten

2.1. Mensenhandel

2.1.1. Probleemanalyse
Uitbuiting in de seksbranche en in de logistiek.

2.1.2. Doelstelling
Meer signalen van uitbuiting.

2.2. Radicalisering

2.2.1. Probleemanalyse
Jongeren radicaliseren online.

2.2.2. Doelstelling
Tijdig ingrijpen.

3. Kerntaken

3.1. Evenementen

3.1.1. Probleemanalyse
Grote evenementen in het stadspark.

3.1.2. Doelstelling
Veilige evenementen.

4. Uitvoering

Het college stelt elk jaar een uitvoeringsprogramma op.

Vastgesteld door de gemeenteraad van Lelystad op 3 februari 2020.
"""


def test_numbered_part_headings_below_numbered_themes(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "lelystad.txt", NUMBERED_PART_HEADINGS))
    assert _parts(record) == [
        ("2.1", "Mensenhandel", "priority", "Uitbuiting in de", "Meer signalen van"),
        ("2.2", "Radicalisering", "priority", "Jongeren radicaliseren online.", "Tijdig ingrijpen."),
        ("3.1", "Evenementen", "core", "Grote evenementen in", "Veilige evenementen."),
    ]
    assert [t.tier_label for t in record.themes] == ["Prioriteiten", "Prioriteiten", "Kerntaken"]
    first = record.themes[0]
    assert first.opgave is not None and first.opgave.heading == "2.1.1. Probleemanalyse"
    # '4. Uitvoering' names an approach but, numbered as a chapter, it ends the last theme.
    last = record.themes[-1]
    assert last.ambitie is not None and last.ambitie.text == "Veilige evenementen."
    assert last.aanpak is None
    assert (record.plan.adopted.date, record.plan.adopted.by, record.plan.adopted.place) == (
        "2020-02-03",
        "gemeenteraad",
        "Lelystad",
    )
    assert record.plan.municipality == "Lelystad"


COVER_AND_FRONT_MATTER = """\
GEMEENTE ’S-HERTOGENBOSCH

Looptijd 2024 – 2027

Integraal veiligheidsplan Samen Sterk

01 VOORWOORD

Het vorige plan liep van 2019 tot 2022; dit plan bouwt daarop voort.

02 Ondermijning

Dat betekent:
Drugshandel raakt de hele stad.

Ambitie
Een stad die criminelen buiten de deur houdt.

03 Zorg en veiligheid

Dat betekent:
Mensen met verward gedrag komen niet altijd in beeld.

Ambitie
Eerder in beeld.

Vastgesteld door de gemeenteraad op 7 maart 2024.
"""


def test_cover_period_line_numbered_front_matter_and_closing_adoption(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "bosch.txt", COVER_AND_FRONT_MATTER))
    assert _parts(record) == [
        # Numbers are kept as printed: '02', not '2'.
        ("02", "Ondermijning", None, "Drugshandel raakt de", "Een stad die"),
        ("03", "Zorg en veiligheid", None, "Mensen met verward", "Eerder in beeld."),
    ]
    plan = record.plan
    assert plan.title == "Integraal veiligheidsplan Samen Sterk"
    # Printed with a typographic apostrophe; recorded under its official (CBS) spelling.
    assert (plan.municipality, plan.municipality_code) == ("'s-Hertogenbosch", "GM0796")
    assert (plan.period.start, plan.period.end, plan.period.inferred) == (2024, 2027, False)
    assert (plan.adopted.date, plan.adopted.by, plan.adopted.place) == ("2024-03-07", "gemeenteraad", None)
    last = record.themes[-1]
    assert last.opgave is not None and last.opgave.heading == "Dat betekent:"
    assert last.ambitie is not None and last.ambitie.text == "Eerder in beeld."
    assert [f.code for f in record.findings] == []


TIERS_AS_MARKDOWN_CHAPTERS = """\
# Veiligheidsplan Oss 2024-2027

# Speerpunten

## I. Ondermijning

### Opgave

Drugslabs in schuren.

### Ambitie

Geen drugslabs meer.

## II. Jeugd

### Opgave

Jongeren dealen.

### Ambitie

Perspectief voor jongeren.

## Overige thema's

## III. Verkeer

### Opgave

Sluipverkeer door de kernen.

### Ambitie

Veilige schoolroutes.

# Financiën

Het budget staat in de begroting.
"""


def test_a_chapter_after_the_tiers_ends_the_last_theme(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "oss.md", TIERS_AS_MARKDOWN_CHAPTERS))
    assert _parts(record) == [
        ("I", "Ondermijning", "priority", "Drugslabs in schuren.", "Geen drugslabs meer."),
        ("II", "Jeugd", "priority", "Jongeren dealen.", "Perspectief voor jongeren."),
        ("III", "Verkeer", "core", "Sluipverkeer door de", "Veilige schoolroutes."),
    ]
    # '# Financiën' is at the level of '# Speerpunten', so it closes the tier and its themes.
    verkeer = record.themes[2]
    assert verkeer.ambitie is not None and verkeer.ambitie.text == "Veilige schoolroutes."
    assert verkeer.subsections == ()


UPPERCASE_COVER_AND_THEMES = """\
VEILIGHEIDSPLAN 2023-2026
GEMEENTE SÚDWEST-FRYSLÂN

PRIORITEITEN

ONDERMIJNING

Opgave
Drugsafval in de natuur.

Ambitie
Een schoon buitengebied.

KERNTAKEN

BRANDVEILIGHEID

Opgave
Rieten daken.

Ambitie
Minder branden.
"""


def test_unnumbered_themes_in_capitals_under_tiers_in_capitals(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "fryslan.txt", UPPERCASE_COVER_AND_THEMES))
    assert _parts(record) == [
        (None, "ONDERMIJNING", "priority", "Drugsafval in de", "Een schoon buitengebied."),
        (None, "BRANDVEILIGHEID", "core", "Rieten daken.", "Minder branden."),
    ]
    assert record.plan.title == "VEILIGHEIDSPLAN 2023-2026"
    assert record.plan.municipality == "Súdwest-Fryslân"
