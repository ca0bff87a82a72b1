"""How plans say they were adopted: signature lines and adoption sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import extract
from tests.conftest import write_plan

PLAN = "Veiligheidsplan 2024-2027\n\n1. Ondermijning\n\nOpgave\nDrugs.\n\nAmbitie\nMinder drugs.\n\n{closing}\n"


@pytest.mark.parametrize(
    ("closing", "date", "by", "place"),
    [
        ("Vastgesteld door de gemeenteraad van Ede op 14 maart 2023.", "2023-03-14", "gemeenteraad", "Ede"),
        ("Aldus vastgesteld in de openbare vergadering van 3 juli 2019.", "2019-07-03", "gemeenteraad", None),
        ("Vastgesteld door de raad op 1 mei 2020.", "2020-05-01", "gemeenteraad", None),
        (
            "Vastgesteld door de gemeenteraad van Capelle aan den IJssel op 2 juni 2021.",
            "2021-06-02",
            "gemeenteraad",
            "Capelle aan den IJssel",
        ),
        (
            "Vastgesteld door het college van burgemeester en wethouders op 5 oktober 2020.",
            "2020-10-05",
            "college van burgemeester en wethouders",
            None,
        ),
        ("Ermelo, 12 december 2018", "2018-12-12", None, "Ermelo"),
    ],
)
def test_adoption_closing_lines(tmp_path: Path, closing: str, date: str, by: str | None, place: str | None) -> None:
    record = extract(write_plan(tmp_path, "plan.txt", PLAN.format(closing=closing)))
    adopted = record.plan.adopted
    assert (adopted.date, adopted.by, adopted.place) == (date, by, place)
    # The closing line is back matter, not part of the last theme.
    ambitie = record.themes[-1].ambitie
    assert ambitie is not None and ambitie.text == "Minder drugs."
