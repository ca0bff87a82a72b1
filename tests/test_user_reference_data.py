"""The user's own laws file and gazetteer: `ivp extract --laws/--organisations` and `extract(resources=...)`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pipeline import extract, extract_many
from pipeline.batch import BatchSettings, Failure, process, up_to_date
from pipeline.cli import main
from pipeline.discover import discover
from pipeline.errors import ReferenceDataError
from pipeline.extractors.law_table import read_laws
from pipeline.nlp import build_nlp
from pipeline.resources import Resources

LAWS_HEADER = "citeertitel\taliases\tbwb_id\tverified_source\tkind\n"
# A fictional municipal bye-law, with the optional kind column.
LAWS = LAWS_HEADER + "Verordening drugsoverlast Beekdal\tVDB\t\tgemeenteblad Beekdal 2024\tlocal\n"
ORGANISATIONS = (
    "name\tacronym\tkind\taliases\tsource\n"
    "Beekwacht\tBKW\tnetwork\tBuurtwacht Beekdal\tour own list\n"
)
# Two plans in different styles; neither the verordening nor the Beekwacht is known
# without the user's files (no "Wet", no organisational head word).
BEEKDAL = """Integraal Veiligheidsplan 2025-2028
Gemeente Beekdal

1. Drugsoverlast
De burgemeester sluit een pand op grond van
artikel 4, tweede lid, van de Verordening drugsoverlast Beekdal.
Zij doet dat samen met de politie en de Beekwacht.

2. Buurten
De Beekwacht loopt elke week door de wijk.
"""
HEUVELRAND = """# Veiligheidsplan Heuvelrand 2024-2027

## Ondermijning

Wij passen artikel 7 van de VDB ook hier toe. Vrijwilligers van de Buurtwacht Beekdal
melden signalen aan het Openbaar Ministerie.
"""


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def invoke(*args: str) -> Result:
    """Run `ivp` in-process, stdout and stderr kept apart."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def record(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def references(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (r["law"], r["bwb_id"], r["article"], r["paragraph"], r["kind"], r["text"]) for r in data["legal_references"]
    ]


def organisation(data: dict[str, Any], name: str) -> tuple[Any, ...] | None:
    for item in data["organisations"]:
        if item["name"] == name:
            return (item["acronym"], item["kind"], [mention["text"] for mention in item["mentions"]])
    return None


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {
        "beekdal": write(tmp_path, "in/beekdal.txt", BEEKDAL),
        "heuvelrand": write(tmp_path, "in/heuvelrand.md", HEUVELRAND),
        "laws": write(tmp_path, "ref/laws.tsv", LAWS),
        "organisations": write(tmp_path, "ref/organisations.tsv", ORGANISATIONS),
    }


def test_cli_extracts_with_the_users_laws_and_gazetteer_in_two_workers(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    laws, gazetteer = files["laws"], files["organisations"]
    result = invoke(
        "extract", str(tmp_path / "in"), "--out", str(out), "--workers", "2", "--quiet",
        "--laws", str(laws), "--organisations", str(gazetteer),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "2 extracted, 0 up to date, 0 failed\n"
    beekdal, heuvelrand = record(out / "beekdal.txt.json"), record(out / "heuvelrand.md.json")
    assert references(beekdal) == [
        (
            "Verordening drugsoverlast Beekdal", None, "4", 2, "local",
            "artikel 4, tweede lid, van de Verordening drugsoverlast Beekdal",
        )
    ]  # fmt: skip
    assert references(heuvelrand) == [
        ("Verordening drugsoverlast Beekdal", None, "7", None, "local", "artikel 7 van de VDB")
    ]
    assert organisation(beekdal, "Beekwacht") == ("BKW", "network", ["Beekwacht", "Beekwacht"])
    assert organisation(heuvelrand, "Beekwacht") == ("BKW", "network", ["Buurtwacht Beekdal"])
    # A local regulation has no BWB id by nature: no finding asks for one.
    assert [f["code"] for f in beekdal["findings"] if f["code"].startswith("legal_reference")] == []
    assert beekdal["reference_files"] == [
        {"kind": "laws", "path": str(laws), "sha256": sha256(laws)},
        {"kind": "organisations", "path": str(gazetteer), "sha256": sha256(gazetteer)},
    ]


def test_without_the_users_files_neither_is_found(files: dict[str, Path]) -> None:
    data = extract(files["beekdal"])
    assert data.legal_references == ()
    assert [o.name for o in data.organisations] == ["burgemeester", "politie"]
    assert data.reference_files == ()


def test_resume_redoes_records_made_with_other_reference_data(files: dict[str, Path], tmp_path: Path) -> None:
    laws = files["laws"]
    job = discover([files["beekdal"]], tmp_path / "out")[0]
    with_laws = BatchSettings(out_dir=tmp_path / "out", resources=Resources(laws=laws))
    assert process(job, with_laws).status == "extracted"
    assert record(job.output)["reference_files"] == [{"kind": "laws", "path": str(laws), "sha256": sha256(laws)}]
    assert up_to_date(job, with_laws, {}) is not None
    # The same content elsewhere is the same reference data; no file at all is not.
    moved = write(tmp_path, "elsewhere/laws.tsv", LAWS)
    assert up_to_date(job, with_laws.model_copy(update={"resources": Resources(laws=moved)}), {}) is not None
    assert up_to_date(job, with_laws.model_copy(update={"resources": Resources()}), {}) is None
    laws.write_text(LAWS + "Verordening jeugdoverlast Beekdal\tVJB\t\tgemeenteblad\tlocal\n", encoding="utf-8")
    assert up_to_date(job, with_laws, {}) is None


def test_a_reference_data_failure_is_retried_on_resume(files: dict[str, Path], tmp_path: Path) -> None:
    job = discover([files["beekdal"]], tmp_path / "out")[0]
    settings = BatchSettings(out_dir=tmp_path / "out")
    failure = Failure(
        path=str(job.source), error="ReferenceDataError", stage="reference-data",
        message="laws.tsv: line 2 has ...", sha256=sha256(job.source),
    )  # fmt: skip
    assert up_to_date(job, settings, {str(job.source): failure}) is None


MALFORMED = {
    "laws, bad id": (
        "--laws",
        LAWS_HEADER + "Verordening x\tVx\tBWB-12\tsomewhere\tnational\n",
        "line 2 has bwb_id 'BWB-12', which is not a BWB id (write an id such as BWBR0031788, or UNVERIFIED)",
    ),
    "laws, bad kind": (
        "--laws",
        LAWS_HEADER + "Verordening x\tVx\t\tsomewhere\tprovincial\n",
        "line 2 has kind 'provincial' (write national, local or leave it empty)",
    ),
    "organisations, bad kind": (
        "--organisations",
        "name\tacronym\tkind\taliases\tsource\nBeekwacht\tBKW\tburen\t\t\n",
        "line 2: unknown kind 'buren' (use one of: care, education, environmental service, "
        "government, housing, justice, knowledge institute, municipal body, network, other, "
        "police, safety region, youth)",
    ),
}


@pytest.mark.parametrize(("option", "content", "message"), MALFORMED.values(), ids=MALFORMED.keys())
def test_cli_stops_on_a_malformed_file_with_one_line(
    files: dict[str, Path], tmp_path: Path, option: str, content: str, message: str
) -> None:
    bad = write(tmp_path, "ref/bad.tsv", content)
    out = tmp_path / "out"
    result = invoke("extract", str(files["beekdal"]), "--out", str(out), option, str(bad))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}: {message}\n"
    assert not out.exists()


def test_python_api_takes_resources(files: dict[str, Path]) -> None:
    resources = Resources(laws=files["laws"], organisations=files["organisations"])
    one = extract(files["heuvelrand"], resources=resources)
    assert [(r.law, r.article, r.kind) for r in one.legal_references] == [
        ("Verordening drugsoverlast Beekdal", "7", "local")
    ]
    many = list(extract_many([files["beekdal"], files["heuvelrand"]], workers=2, resources=resources))
    assert [[o.name for o in r.organisations if o.name == "Beekwacht"] for r in many] == [  # type: ignore[union-attr]
        ["Beekwacht"],
        ["Beekwacht"],
    ]


def test_extract_many_refuses_a_malformed_file_before_the_first_plan(files: dict[str, Path], tmp_path: Path) -> None:
    bad = write(tmp_path, "ref/bad.tsv", "citeertitel\taliases\n")
    with pytest.raises(ReferenceDataError) as error:
        next(extract_many([files["beekdal"]], resources=Resources(laws=bad)))
    assert str(error.value) == (
        f"{bad}: line 1 (the header) lacks the column(s) bwb_id, verified_source "
        "(start the file with the tab-separated header: citeertitel aliases bwb_id verified_source)"
    )


def test_the_pipeline_is_built_once_per_set_of_files(files: dict[str, Path]) -> None:
    resources = Resources(laws=files["laws"])
    assert build_nlp(resources) is build_nlp(Resources(laws=files["laws"]))
    assert build_nlp(resources) is not build_nlp()


def test_laws_file_without_kind_column_holds_national_laws(tmp_path: Path) -> None:
    path = write(tmp_path, "laws.tsv", "citeertitel\taliases\tbwb_id\tverified_source\nWet x\tWx\tUNVERIFIED\tnone\n")
    assert [(law.citeertitel, law.kind, law.bwb_id) for law in read_laws(path)] == [("Wet x", "national", None)]
