"""The published JSON Schema: every record ivp writes validates, and it says what is always there."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pipeline import extract
from pipeline.cli import main
from pipeline.export import json_schema, to_json
from tests.broken_inputs import many_themes, nested_html

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("nijmegen-*")), ids=lambda path: path.name)
def test_every_corpus_record_validates(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    validator.validate(json.loads(to_json(extract(path))))


@pytest.mark.parametrize(("name", "data"), [("thema.txt", many_themes(3)), ("diep.html", nested_html(50))])
def test_records_of_odd_plans_validate(
    validator: jsonschema.Draft202012Validator, tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    validator.validate(json.loads(to_json(extract(path))))


def test_a_record_without_its_themes_or_a_theme_category_is_invalid(
    validator: jsonschema.Draft202012Validator,
) -> None:
    record = json.loads(to_json(extract(CORPUS / "nijmegen-ivp-2022-2026-college.txt")))
    without_themes = {key: value for key, value in record.items() if key != "themes"}
    assert [error.message for error in validator.iter_errors(without_themes)] == ["'themes' is a required property"]
    record["themes"][0].pop("category")
    assert [error.message for error in validator.iter_errors(record)] == ["'category' is a required property"]


def test_the_schema_names_its_draft_and_every_top_level_field() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == set(schema["properties"])


def test_the_schema_id_carries_the_schema_version() -> None:
    assert json_schema()["$id"] == "urn:ivp:schema:plan-record:1.4"
