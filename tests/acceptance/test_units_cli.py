"""``thidua units`` end to end against the shipped data/: counts, name search, --in, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import DATA, copy_data, runner
from thidua.cli.app import app


def run(*args: str, data: Path = DATA, lang: str = "en"):
    return runner.invoke(app, ["--lang", lang, "units", *args, "--data", str(data)])


def listed(*args: str, data: Path = DATA) -> list[dict]:
    result = run(*args, "--format", "json", data=data)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (("--on", "2026-01-01", "--level", "commune"), 3321),
        (("--on", "2026-01-01", "--level", "province"), 34),
        (("--on", "2024-01-01", "--level", "province"), 63),
        (("--on", "2025-06-30", "--level", "district"), 696),
        (("--on", "2025-06-30", "--level", "commune"), 10035),
        (("--in", "ha-noi", "--level", "district", "--on", "2024-01-01"), 30),  # 12 quận, 17 huyện, 1 thị xã
        (("--in", "ha-noi", "--level", "commune", "--on", "2026-01-01"), 126),
    ],
)
def test_counts(args: tuple[str, ...], count: int) -> None:
    assert len(listed(*args)) == count


def test_every_object_has_the_documented_fields() -> None:
    for unit in listed("--on", "2024-01-01", "--in", "quan-ba-dinh-ha-noi") + listed("--on", "2026-01-01", "--level", "province"):
        assert {"id", "name", "level", "code", "valid_from", "valid_to", "parent", "source"} <= unit.keys()
        assert unit["source"] in ("repository", "national")
        assert unit["code"] is None or isinstance(unit["code"], str)


def test_phuc_xa_without_diacritics() -> None:
    found = listed("phuc xa", "--on", "2024-01-01")
    assert [u["id"] for u in found] == ["phuong-phuc-xa-ba-dinh-ha-noi"]
    unit = found[0]
    assert unit["name"] == "Phường Phúc Xá" and unit["level"] == "commune"
    assert unit["parent"] == "quan-ba-dinh-ha-noi" and unit["province"] == "ha-noi" and unit["code"] == "00001"
    assert unit["source"] == "national" and unit["valid_to"] == "2025-06-30"


def test_phuc_xa_text_table() -> None:
    result = run("phuc xa", "--on", "2024-01-01")
    assert result.exit_code == 0, result.output
    assert "phuong-phuc-xa-ba-dinh-ha-noi" in result.stdout
    assert "Phường Phúc Xá" in result.stdout and "quan-ba-dinh-ha-noi" in result.stdout
    assert "30/06/2025" in result.stdout  # dd/mm/yyyy
    assert "Valid to" in result.stdout


def test_headers_in_vietnamese() -> None:
    result = run("phuc xa", "--on", "2024-01-01", lang="vi")
    assert "Mã định danh" in result.stdout and "Hiệu lực đến" in result.stdout and "cấp xã" in result.stdout


@pytest.mark.parametrize("query", ["hoa binh", "Hòa Bình", "Hoà Bình", "hòa bình", "HOÀ BÌNH"])
def test_both_tone_mark_conventions_and_no_diacritics(query: str) -> None:
    ids = [u["id"] for u in listed(query, "--on", "2024-01-01", "--level", "province")]
    assert ids == ["hoa-binh"]


def test_hoa_and_hoa_with_marks() -> None:
    plain = {u["id"] for u in listed("hoa", "--on", "2024-01-01", "--level", "province")}
    marked = {u["id"] for u in listed("hòa", "--on", "2024-01-01", "--level", "province")}
    old_style = {u["id"] for u in listed("hoà", "--on", "2024-01-01", "--level", "province")}
    assert marked == old_style == {"hoa-binh", "khanh-hoa"}  # Hoà Bình and Khánh Hòa, written either way
    assert plain == marked | {"thanh-hoa"}  # without marks, Thanh Hóa too


def test_a_code_is_a_string_and_depends_on_the_day() -> None:
    assert [u["id"] for u in listed("24", "--on", "2024-01-01")] == ["bac-giang"]
    assert [u["id"] for u in listed("24", "--on", "2026-01-01")] == ["bac-ninh-2025"]
    assert [u["id"] for u in listed("00001", "--on", "2024-01-01")] == ["phuong-phuc-xa-ba-dinh-ha-noi"]


def test_an_id_finds_itself() -> None:
    assert [u["id"] for u in listed("quan-ba-dinh-ha-noi", "--on", "2024-01-01")] == ["quan-ba-dinh-ha-noi"]


def test_dd_mm_yyyy_dates_are_accepted() -> None:
    assert len(listed("--on", "01/01/2024", "--level", "province")) == 63


def test_an_unknown_in_is_a_one_line_usage_error() -> None:
    result = run("--in", "ha-noy")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "ha-noy" in lines[0] and "'ha-noi'" in lines[0]


def test_a_commune_is_not_a_parent() -> None:
    result = run("--in", "phuong-phuc-xa-ba-dinh-ha-noi")
    assert result.exit_code == 2


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "31/02/2024"])
def test_an_invalid_date_is_a_usage_error(value: str) -> None:
    result = run("--on", value)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_nothing_found_exits_1() -> None:
    result = run("khong co don vi nay", "--on", "2024-01-01")
    assert result.exit_code == 1
    assert "no unit found" in result.stderr
    assert json.loads(run("khong co don vi nay", "--format", "json").stdout) == []


def test_a_repository_entry_overrides_and_extends_the_shipped_list(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    registry = (DATA / "provinces.yaml").read_text(encoding="utf-8")
    extra = (
        "  - id: quan-ba-dinh-ha-noi\n"
        "    name: Ba Đình (sửa)\n"
        "    type: quan\n"
        "    valid_to: 2025-06-30\n"
        "  - id: so-noi-vu-ha-noi\n"
        "    name: Sở Nội vụ Hà Nội\n"
        "    type: co_quan\n"
    )
    data.joinpath("provinces.yaml").write_text(registry.replace("\nunits:\n", "\nunits:\n" + extra, 1), encoding="utf-8")
    found = listed("ba dinh", "--on", "2024-01-01", "--level", "district", data=data)
    assert [(u["id"], u["name"], u["source"], u["parent"]) for u in found] == [("quan-ba-dinh-ha-noi", "Ba Đình (sửa)", "repository", "ha-noi")]
    # the shipped entry is gone everywhere, not only from name searches
    districts = listed("--in", "ha-noi", "--level", "district", "--on", "2024-01-01", data=data)
    assert len(districts) == 30 and sum(u["id"] == "quan-ba-dinh-ha-noi" for u in districts) == 1
    agency = listed("noi vu", "--level", "agency", data=data)
    assert [(u["id"], u["level"], u["source"]) for u in agency] == [("so-noi-vu-ha-noi", "agency", "repository")]


def test_a_broken_registry_is_reported_and_the_national_list_still_searched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    copy_data(data)
    (data / "provinces.yaml").write_text("units: [}\n", encoding="utf-8")
    result = run("phuc xa", "--on", "2024-01-01", data=data)
    assert result.exit_code == 0
    assert "provinces.yaml" in result.stderr and "thidua validate" in result.stderr


def test_on_a_narrow_terminal_the_id_is_never_cut(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    from thidua.output.render import units as render
    from thidua.services.units import unit_search

    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr("thidua.output.i18n._current", "en")
    day = dt.date(2024, 1, 1)
    out = render.text(unit_search(DATA).find("phuc xa", on=day), day, "phuc xa", terminal=True, width=60)
    assert "┃" in out, "a rich table"
    assert "phuong-phuc-xa-ba-dinh-ha-noi" in out
