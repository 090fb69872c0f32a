"""JSON is the same whatever ``--lang``: codes and raw params, words only under ``message``/``hint``.

Every command with ``--format json`` is run on a copy of the shipped data (with one broken year
file, so that ``validate`` has findings with nested phrases) in Vietnamese and in English; once
every ``message`` and ``hint`` key is removed, the two outputs must be equal. Also: the loader's
spawned workers (Windows' only start method) give the same output as forked ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from support import copy_data, runner
from thidua.cli.app import app

MNBG = "mien-nui-bien-gioi-phia-bac"

COMMANDS = {
    "validate": ["validate", "--format", "json"],
    "rank": ["rank", "2023", "--format", "json"],
    "rank --explain": ["rank", "2024", "--explain", "lao-cai", "--format", "json"],
    "rank --stability": ["rank", "2024", "--cluster", MNBG, "--stability", "--samples", "50", "--format", "json"],
    "rotate": ["rotate", "--cluster", "dbsh", "--from", "2024", "--format", "json"],
    "rotate --years": ["rotate", "--cluster", MNBG, "--years", "2", "--format", "json"],
    "awards": ["awards", "2023", "--format", "json"],
    "awards 2024": ["awards", "2024", "--format", "json"],
}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("json-lang") / "data"
    copy_data(root)
    # a year after the 2025 mergers with the old members and a misspelt key: TD202 (nested
    # "merged into" and "use the successor" phrases, dates), TD102 (a "did you mean" phrase)
    year = (root / "clusters" / "dbsh" / "2024.yaml").read_text(encoding="utf-8")
    broken = year.replace("year: 2024", "year: 2026") + "membrs: 1\n"
    (root / "clusters" / "dbsh" / "2026.yaml").write_text(broken, encoding="utf-8")
    return root


def without_words(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_words(v) for k, v in value.items() if k not in ("message", "hint")}
    if isinstance(value, list):
        return [without_words(v) for v in value]
    return value


def run_json(lang: str, args: list[str], data: Path) -> Any:
    # validate reads the directory as an argument; the other commands take --data
    where = [str(data)] if args[0] == "validate" else ["--data", str(data)]
    result = runner.invoke(app, ["--lang", lang, *args, *where])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_json_is_the_same_in_every_language(command: str, data: Path) -> None:
    vi, en = (run_json(lang, COMMANDS[command], data) for lang in ("vi", "en"))
    assert vi != en or command.startswith("rank"), "the words differ: the comparison must not be vacuous"
    assert without_words(vi) == without_words(en)


def test_validate_json_carries_codes_and_raw_params(data: Path) -> None:
    report = run_json("vi", COMMANDS["validate"], data)
    merged = next(d for d in report["diagnostics"] if d["code"] == "TD202" and d["params"]["unit"] == "nam-dinh")
    assert merged["params"]["day"] == "2026-12-31"  # a date as data, not dd/mm/yyyy
    assert merged["params"]["why"] == {"code": "word.merged_into", "params": {"name": "Ninh Bình", "unit": "ninh-binh-2025", "day": "2025-07-01"}}
    assert merged["params"]["suggestion"]["code"] == "word.use_successor"
    assert "01/07/2025" in merged["message"] and "ninh-binh-2025" in merged["hint"]
    misspelt = next(d for d in report["diagnostics"] if d["code"] == "TD102")
    assert misspelt["params"]["suggestion"] == {"code": "word.did_you_mean", "params": {"options": "'members'"}}
    assert "members" in misspelt["hint"]


def test_awards_and_rotate_reasons_are_data(data: Path) -> None:
    awards = run_json("en", COMMANDS["awards"], data)[0]
    first = awards["recommendations"][0]["reason"]
    assert first["code"] == "awards.reason.recommended"
    assert first["params"]["ordinal"] == 1 and first["params"]["total"] == 96.5
    assert first["params"]["quota"] == {"code": "awards.quota.count", "params": {"quota": 1}}
    assert first["message"] == "1st of 9, 96.5 points; quota 1"
    rotate = run_json("en", COMMANDS["rotate"], data)
    note = next(n for n in rotate["notes"] if n["params"].get("unit") == "hai-phong-2025")
    assert note["code"] == "rotate.note.merged" and note["params"]["day"] == "2025-07-01"


# --------------------------------------------------------------------------- spawned workers


def _validate(data: Path, method: str) -> str:
    env = {**os.environ, "LANG": "en_US.UTF-8", "THIDUA_JOBS": "2", "THIDUA_START_METHOD": method}
    env.pop("THIDUA_LANG", None)
    done = subprocess.run(
        [sys.executable, "-m", "thidua", "--lang", "vi", "validate", str(data)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
    )
    assert done.returncode == 1, done.stderr
    return done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="no fork to compare with")
def test_spawned_workers_say_the_same_as_forked_ones(data: Path) -> None:
    """Workers started with spawn import thidua afresh (LANG=en): they must not choose any words."""
    forked, spawned = _validate(data, "fork"), _validate(data, "spawn")
    assert "đã kiểm tra" in forked and "có phải là 'members'" in forked  # Vietnamese, hints included
    assert spawned == forked
