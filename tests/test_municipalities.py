"""The municipality of a plan, checked against the CBS list: official name, code, unknown names."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import extract
from pipeline.errors import ReferenceDataError
from pipeline.extractors.municipalities import fold, index_municipalities, load_municipalities, read_municipalities
from pipeline.tables import plan_rows
from tests.conftest import write_plan

BODY = """
## 1. Ondermijning

### Waar staan we nu?

Criminelen misbruiken vastgoed in het buitengebied.

### Wat willen we bereiken?

Minder drugslabs.

## 2. Verkeersveiligheid

### Waar staan we nu?

Het aantal ongevallen daalt.
"""


def plan(tmp_path: Path, cover: str, body: str = BODY) -> Path:
    """A small markdown plan with `cover` above two themes."""
    return write_plan(tmp_path, "plan.md", cover + "\n" + body)


@pytest.mark.parametrize(
    ("cover", "body_line", "name", "code"),
    [
        # Title only, no 'gemeente' anywhere.
        ("# Veiligheidsplan Amersfoort 2024-2027\n", "", "Amersfoort", "GM0307"),
        ("# Integraal Veiligheidsplan ’s-Hertogenbosch 2024-2027\n", "", "'s-Hertogenbosch", "GM0796"),
        # A cover in capitals, with the old article.
        ("GEMEENTE 'S-HERTOGENBOSCH\n\n# Integraal Veiligheidsplan 2023-2026\n", "", "'s-Hertogenbosch", "GM0796"),
        # An alias after 'gemeente' gives the official name.
        ("# Integraal Veiligheidsplan 2023-2026\n", "De gemeente Den Haag werkt samen.", "'s-Gravenhage", "GM0518"),
        # Particles in lower case belong to the name.
        ("# Veilig samen 2023-2026\n", "De gemeente Bergen op Zoom werkt samen.", "Bergen op Zoom", "GM0748"),
        # CBS disambiguates Hengelo (O.) from the village in Gelderland.
        ("# Veilig Hengelo 2023-2026\n", "De gemeente Hengelo werkt samen.", "Hengelo (O.)", "GM0164"),
        ("# Feilich 2023-2026\n", "De gemeente Súdwest Fryslân werkt samen.", "Súdwest-Fryslân", "GM1900"),
    ],
)
def test_the_municipality_is_the_official_name_with_its_cbs_code(
    tmp_path: Path, cover: str, body_line: str, name: str, code: str
) -> None:
    record = extract(plan(tmp_path, cover, body_line + "\n" + BODY))
    assert (record.plan.municipality, record.plan.municipality_code) == (name, code)
    assert record.plan.municipalities == (name,)
    assert "plan.unknown_municipality" not in {finding.code for finding in record.findings}
    assert next(plan_rows(record))["municipality_code"] == code


def test_a_name_the_list_does_not_know_is_kept_and_flagged(tmp_path: Path) -> None:
    cover, line = "# Integraal Veiligheidsplan 2027-2030\n", "De gemeente Noorderdam werkt samen.\n"
    record = extract(plan(tmp_path, cover, line + BODY))
    assert (record.plan.municipality, record.plan.municipality_code) == ("Noorderdam", None)
    [finding] = [finding for finding in record.findings if finding.code == "plan.unknown_municipality"]
    assert finding.severity == "info"
    assert finding.message == (
        "Municipality 'Noorderdam' is not on the CBS list of 1 January 2025: check the name "
        "(a later merger, a misspelling or a place that is not a municipality)."
    )


def test_words_in_lower_case_are_not_municipalities(tmp_path: Path) -> None:
    # 'best' and 'buren' are words; Best and Buren are municipalities.
    record = extract(plan(tmp_path, "# Het beste voor de buren 2024-2027\n"))
    assert (record.plan.municipality, record.plan.municipality_code) == (None, None)
    assert "plan.unknown_municipality" not in {finding.code for finding in record.findings}


def test_gemeente_x_outranks_a_municipality_named_on_the_cover(tmp_path: Path) -> None:
    cover, line = "# Veilig Utrecht en omstreken 2024-2027\n", "De gemeente Zeist werkt samen.\n"
    record = extract(plan(tmp_path, cover, line + BODY))
    assert record.plan.municipality == "Zeist"


def test_the_packaged_list_holds_every_municipality_of_2025() -> None:
    known = load_municipalities()
    codes = [entry.code for entry in known.municipalities]
    assert len(codes) == len(set(codes)) == 342
    by_code = {entry.code: entry.name for entry in known.municipalities}
    assert by_code["GM0268"] == "Nijmegen"
    assert by_code["GM0363"] == "Amsterdam"
    # Merged away before 2025: Weesp (2022) and Brielle, Hellevoetsluis, Westvoorne (2023).
    assert by_code["GM1992"] == "Voorne aan Zee"
    assert not {"GM0457", "GM0501", "GM0530", "GM0614"} & set(by_code)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Den Bosch", "GM0796"),
        ("'S-HERTOGENBOSCH", "GM0796"),
        ("’s Gravenhage", "GM0518"),
        ("Sudwest Fryslan", "GM1900"),
        ("Bergen (NH.)", "GM0373"),
        ("Bergen (L.)", "GM0893"),
        ("bergen-op-zoom", "GM0748"),
        ("Bergen", None),  # two municipalities: only the disambiguated names are known
        ("Weesp", None),
    ],
)
def test_lookup_by_any_name(name: str, code: str | None) -> None:
    found = load_municipalities().lookup(name)
    assert (found.code if found else None) == code


def test_fold_ignores_case_accents_apostrophes_and_hyphens() -> None:
    assert fold("’S-HERTOGENBOSCH") == fold("'s Hertogenbosch") == "'s hertogenbosch"
    assert fold("Súdwest-Fryslân") == "sudwest fryslan"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "code\tname\taliases\n0363\tAmsterdam\t\n",
            "line 2: code '0363' is not a CBS municipality code (write it as GM0363)",
        ),
        (
            "gemeente\tnaam\n",
            "line 1: header is 'gemeente | naam' (use the tab-separated columns code, name, aliases)",
        ),
        (
            "code\tname\taliases\nGM0373\tBergen (NH.)\tBergen\nGM0893\tBergen (L.)\tBergen\n",
            "the name 'Bergen' stands for both GM0373 and GM0893 "
            "(give each name to one municipality (disambiguate as 'Bergen (NH.)'))",
        ),
        (
            "code\tname\taliases\nGM0363\tAmsterdam\t\nGM0363\tAmsterdam-Noord\t\n",
            "code GM0363 is listed twice (keep one line per municipality)",
        ),
    ],
)
def test_a_malformed_list_names_the_line_and_the_fix(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "municipalities.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReferenceDataError) as error:
        index_municipalities(path, read_municipalities(path))
    assert str(error.value) == f"{path}: {message}"
