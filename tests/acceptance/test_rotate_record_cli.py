"""``thidua rotate`` and ``thidua validate`` over recorded years and appointments (issue 12, item 8)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from support import flat, rotation_cluster
from thidua.cli.app import app
from thidua.services.validate import validate_paths

DATA = Path(__file__).parents[2] / "data"
CITIES = "data/clusters/tp-truc-thuoc-tw/2025.yaml"
runner = CliRunner()


def rotate(*args: str, data: Path, lang: str = "en"):
    return runner.invoke(app, ["--lang", lang, "rotate", *args, "--data", str(data)])


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    monkeypatch.chdir(tmp_path)
    return root




# --------------------------------------------------------------------------- the recorded year wins


def test_write_force_on_a_recorded_year_only_adds_the_open_offices(data: Path) -> None:
    target = data / "clusters" / "tp-truc-thuoc-tw" / "2025.yaml"
    before = target.read_text(encoding="utf-8")
    result = rotate("--cluster", "tp-truc-thuoc-tw", "--from", "2024", "--write", "--force", data=data)
    assert result.exit_code == 0, result.output
    after = target.read_text(encoding="utf-8")
    added = ("# Offices not recorded for 2025 filled by `thidua rotate` (elected): PROPOSAL ONLY: the cluster decides.\n"
             "leadership:\n  chair: ha-noi\n  vice_chairs: [hue]\n\n")
    assert added in after
    assert after.replace(added, "") == before  # Huế, the sources, every comment: as they were
    assert validate_paths([data]).ok


def test_write_force_on_a_fully_recorded_year_writes_nothing(data: Path) -> None:
    target = data / "clusters" / "tp-truc-thuoc-tw" / "2025.yaml"
    text = target.read_text(encoding="utf-8").replace("\nsources:", "\nleadership: {chair: ha-noi, vice_chairs: [hue]}\n\nsources:", 1)
    target.write_text(text, encoding="utf-8")
    result = rotate("--cluster", "tp-truc-thuoc-tw", "--from", "2024", "--write", "--force", data=data)
    assert result.exit_code == 1
    assert f"{CITIES} already records every office for 2025 (or leaves it to an appointment): nothing to write" in result.stderr
    assert target.read_text(encoding="utf-8") == text


def test_a_recorded_year_that_does_not_load_is_never_replaced(data: Path) -> None:
    target = data / "clusters" / "tp-truc-thuoc-tw" / "2025.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("year: 2025", "year: '2025'"), encoding="utf-8")
    before = target.read_bytes()
    result = rotate("--cluster", "tp-truc-thuoc-tw", "--from", "2024", "--write", "--force", data=data)
    assert result.exit_code == 1
    assert f"{CITIES} exists but could not be read as a year file: fix it first" in result.stderr
    assert target.read_bytes() == before


def test_from_2025_and_from_2024_years_3_agree_on_2026() -> None:
    direct = json.loads(rotate("--cluster", "tp-truc-thuoc-tw", "--from", "2025", "-f", "json", data=DATA).stdout)
    chained = json.loads(rotate("--cluster", "tp-truc-thuoc-tw", "--from", "2024", "--years", "3", "-f", "json", data=DATA).stdout)
    assert chained[0]["recorded_year"] is True
    assert [m["id"] for m in chained[0]["members"]] == ["ha-noi", "ho-chi-minh", "hai-phong", "da-nang", "can-tho", "hue"]
    assert chained[1]["to_year"] == direct["to_year"] == 2026
    assert chained[1]["chair"] == direct["chair"] == {"id": "ha-noi", "name": "Hà Nội"}
    assert chained[1]["vice_chairs"] == direct["vice_chairs"]


# --------------------------------------------------------------------------- appointments


APPOINTED = {
    2023: "members: [ha-noi, cao-bang, dien-bien, lai-chau]\nleadership: {chair: ha-noi, vice_chairs: [cao-bang]}\n",
    2024: """\
        members: [ha-noi, cao-bang, dien-bien, lai-chau]
        appointment:
          decision: "125/QĐ-BTĐKT"
          date: 2024-01-15
          issuer: "Ban Thi đua - Khen thưởng Trung ương"
          signer: "Phó Trưởng ban Nguyễn Văn A"
          chair: lai-chau
        """,
}


def test_an_appointment_is_shown_in_rotate_and_in_json(tmp_path: Path) -> None:
    root = rotation_cluster(tmp_path, "appointed", APPOINTED)
    assert validate_paths([root]).ok
    table = rotate("--cluster", "c", "--from", "2023", data=root)
    assert table.exit_code == 0, table.output
    assert flat("Appointment: decision 125/QĐ-BTĐKT of 15/01/2024, Ban Thi đua - Khen thưởng Trung ương, signed by Phó Trưởng ban Nguyễn Văn A") in flat(table.stdout)
    assert flat("As appointed by decision (offices it leaves out are proposed).") in flat(table.stdout)
    vi = rotate("--cluster", "c", "--from", "2023", data=root, lang="vi")
    assert flat("Chỉ định: quyết định 125/QĐ-BTĐKT ngày 15/01/2024, Ban Thi đua - Khen thưởng Trung ương, người ký Phó Trưởng ban Nguyễn Văn A") in flat(vi.stdout)
    report = json.loads(rotate("--cluster", "c", "--from", "2023", "-f", "json", data=root).stdout)
    assert report["chair"] == {"id": "lai-chau", "name": "Lai Châu"} and report["basis"] == "appointment"
    assert report["appointment"] == {"decision": "125/QĐ-BTĐKT", "date": "2024-01-15", "issuer": "Ban Thi đua - Khen thưởng Trung ương",
                                     "signer": "Phó Trưởng ban Nguyễn Văn A", "chair": {"id": "lai-chau", "name": "Lai Châu"},
                                     "vice_chairs": None}


def diagnostics(root: Path) -> list[tuple[str, str, str]]:
    from thidua.output.i18n import say, set_language

    set_language("en")
    try:
        return sorted((d.code, d.severity, say(d.message)) for d in validate_paths([root]).diagnostics if d.code.startswith("TD33"))
    finally:
        set_language(None)


@pytest.mark.parametrize(("appointment", "leadership", "expected"), [
    ("{decision: '7/QĐ', chair: son-la}", "", [
        ("TD331", "error", "appointed chair 'son-la' is not a member of the cluster this year"),
        ("TD335", "warning", "chair 'son-la' appointed by decision 7/QĐ differs from the election recorded in 2023 (cao-bang): the appointment stands")]),
    ("{decision: '7/QĐ', chair: cao-bang}", "", []),
    ("{decision: '7/QĐ'}", "", [("TD333", "error", "the appointment by decision 7/QĐ names no office")]),
    ("{decision: '7/QĐ', chair: cao-bang, vice_chairs: [cao-bang]}", "",
     [("TD334", "error", "'cao-bang' is appointed to two offices by decision 7/QĐ")]),
    ("{decision: '7/QĐ', chair: cao-bang}", "leadership: {chair: dien-bien}\n",
     [("TD330", "error", "chair 'dien-bien' differs from the appointment by decision 7/QĐ ('cao-bang')")]),
    ("{decision: '7/QĐ', chair: lai-chau}", "", [("TD335", "warning",
      "chair 'lai-chau' appointed by decision 7/QĐ differs from the election recorded in 2023 (cao-bang): the appointment stands")]),
])
def test_appointments_are_validated(tmp_path: Path, appointment: str, leadership: str, expected: list[tuple[str, str, str]]) -> None:
    root = rotation_cluster(tmp_path, "appointed", {
        2023: "members: [ha-noi, cao-bang, dien-bien, lai-chau]\nleadership: {chair: ha-noi}\nelection: {chair: cao-bang}\n"
              "sources: [{title: x, url: 'https://example.org'}]\n",
        2024: f"members: [ha-noi, cao-bang, dien-bien, lai-chau]\n{leadership}appointment: {appointment}\n",
    })
    assert diagnostics(root) == expected


def test_an_appointed_unit_that_merges_away_is_warned(tmp_path: Path) -> None:
    root = rotation_cluster(tmp_path, "appointed", {
        2025: "as_of: 2025-03-01\nmembers: [ha-noi, hai-duong, cao-bang]\nappointment: {decision: '7/QĐ', chair: hai-duong}\n",
    })
    assert diagnostics(root) == [("TD332", "warning", "appointed chair Hải Dương ceases to exist on 01/07/2025, before the year ends")]


def test_an_appointed_chair_is_not_reported_against_the_policy(tmp_path: Path) -> None:
    """list_order would give Cao Bằng after Hà Nội; a decision appointed Lai Châu: no TD311."""
    years = {2023: "members: [ha-noi, cao-bang, dien-bien, lai-chau]\nleadership: {chair: ha-noi}\n"}
    decided = rotation_cluster(tmp_path / "a", "list_order", {**years, 2024: "members: [ha-noi, cao-bang, dien-bien, lai-chau]\n"
                                                     "appointment: {decision: '7/QĐ', chair: lai-chau}\n"})
    assert [d.code for d in validate_paths([decided]).diagnostics if d.code.startswith("TD3")] == []
    undecided = rotation_cluster(tmp_path / "b", "list_order", {**years, 2024: "members: [ha-noi, cao-bang, dien-bien, lai-chau]\n"
                                                       "leadership: {chair: lai-chau}\n"})
    assert [d.code for d in validate_paths([undecided]).diagnostics if d.code.startswith("TD3")] == ["TD311"]


def test_offices_an_appointment_leaves_open_are_not_written_as_none(tmp_path: Path) -> None:
    root = rotation_cluster(tmp_path, "appointed", APPOINTED)
    target = root / "clusters" / "c" / "2024.yaml"
    before = target.read_bytes()
    report = json.loads(rotate("--cluster", "c", "--from", "2023", "-f", "json", data=root).stdout)
    assert report["open_offices"] == ["vice_chairs"] and report["vice_chairs"] == []
    result = rotate("--cluster", "c", "--from", "2023", "--write", "--force", data=root)
    assert result.exit_code == 1
    assert "already records every office for 2024 (or leaves it to an appointment): nothing to write" in result.stderr
    assert target.read_bytes() == before
