"""``thidua schema``: JSON Schema generated from the models, current in schema/, true to the data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from support import DATA, ROOT, runner
from thidua.cli.app import app
from thidua.domain.models import SCHEMA_KINDS
from thidua.services.fmt import file_kind
from thidua.services.schema import DIALECT, FILE_NAMES, KINDS, json_schema, schema_text

SCHEMA_DIR = ROOT / "schema"


def as_json(value: Any) -> Any:
    """YAML as a YAML 1.2 editor sees it: a date written 2024-03-13 is the string '2024-03-13'."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_kinds_are_the_models_kinds() -> None:
    assert set(KINDS) == set(SCHEMA_KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_command_prints_draft_2020_12_without_id(kind: str) -> None:
    result = runner.invoke(app, ["schema", "--kind", kind])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["$schema"] == DIALECT == "https://json-schema.org/draft/2020-12/schema"
    assert "$id" not in schema
    model = SCHEMA_KINDS[kind]
    assert schema["title"] == model.model_config.get("title", model.__name__)  # the year file's: "ClusterYearFile"
    assert schema["description"] == model.__doc__.strip()
    assert schema["additionalProperties"] is False, "unknown keys are errors, as in validate"
    assert set(schema["properties"]) == set(model.model_fields)


def test_default_kind_is_cluster_year() -> None:
    assert json.loads(runner.invoke(app, ["schema"]).stdout)["title"] == "ClusterYearFile"


@pytest.mark.parametrize("kind", KINDS)
def test_repository_schema_files_are_current(kind: str) -> None:
    path = SCHEMA_DIR / FILE_NAMES[kind]
    assert path.read_text(encoding="utf-8") == schema_text(kind), f"run: thidua schema --kind {kind} --output {path.relative_to(ROOT)} --force"


def test_every_modeline_points_at_an_existing_schema_of_its_kind() -> None:
    for path in DATA.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (SCHEMA_DIR / FILE_NAMES[file_kind(path)]).resolve(), path


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.relative_to(DATA).as_posix())
def test_every_shipped_file_validates_against_its_schema(path: Path) -> None:
    document = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = [e.message for e in validator(file_kind(path)).iter_errors(document)]
    assert errors == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["units"][0].update(code=1), "is not of type"),  # a code written as a number
        (lambda d: d["units"][0].update(code="1"), "does not match"),  # one digit
        (lambda d: d["units"][0].update(type="province"), "is not one of"),
        (lambda d: d["units"][0].update(colour="red"), "Additional properties"),
        (lambda d: d.pop("sources"), "'sources' is a required property"),
    ],
)
def test_the_schema_rejects_what_validate_rejects(change: Any, expected: str) -> None:
    document = as_json(yaml.safe_load((DATA / "provinces.yaml").read_text(encoding="utf-8")))
    change(document)
    messages = [e.message for top in validator("registry").iter_errors(document) for e in [top, *top.context]]
    assert any(expected in m for m in messages), messages


def test_output_is_written_atomically_and_never_over_a_file_unasked(tmp_path: Path) -> None:
    out = tmp_path / "schema" / "registry.json"
    result = runner.invoke(app, ["schema", "--kind", "registry", "--output", str(out)])
    assert result.exit_code == 0
    assert result.stdout == "", "the schema went to the file"
    assert out.read_text(encoding="utf-8") == schema_text("registry")
    out.write_text("{}", encoding="utf-8")
    refused = runner.invoke(app, ["schema", "--kind", "registry", "--output", str(out)])
    assert refused.exit_code == 2
    assert "add --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "{}"
    forced = runner.invoke(app, ["schema", "--kind", "registry", "--output", str(out), "--force"])
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8") == schema_text("registry")


def test_an_unknown_kind_is_a_usage_error() -> None:
    result = runner.invoke(app, ["schema", "--kind", "year"])
    assert result.exit_code == 2
    assert result.stdout == ""
