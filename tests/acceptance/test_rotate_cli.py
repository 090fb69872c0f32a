"""``thidua rotate`` end to end: output (golden files), exit codes, and writing the next year's file.

Regenerate the golden files with ``THIDUA_UPDATE_GOLDEN=1 python -m pytest tests/acceptance/test_rotate_cli.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from support import DATA, GOLDEN, check_golden, copy_data, flat, runner
from thidua.cli.app import app
from thidua.services.validate import validate_paths

DBSH = ["--cluster", "dbsh"]
BORDER = ["--cluster", "mien-nui-bien-gioi-phia-bac"]


def run(*args: str, lang: str = "en", data: Path = DATA):
    return runner.invoke(app, ["--lang", lang, "rotate", *args, "--data", str(data)])


def golden(name: str, text: str) -> None:
    check_golden(GOLDEN / "rotate" / name, text)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data, with the working directory above it (paths print as data/...)."""
    root = copy_data(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return root


# --------------------------------------------------------------------------- output


@pytest.mark.parametrize(("name", "args", "lang"), [
    ("dbsh.en.txt", DBSH, "en"),
    ("dbsh.json", [*DBSH, "--format", "json"], "en"),
])
def test_output_matches_golden(name: str, args: list[str], lang: str) -> None:
    result = run(*args, lang=lang)
    assert result.exit_code == 0, result.output
    golden(name, result.stdout)


# One golden per format (above); the other clusters, languages and schedules are checked by their results.


def test_dbsh_in_vietnamese() -> None:
    result = run(*DBSH, lang="vi")
    assert result.exit_code == 0, result.output
    for line in ("Cụm trưởng  Nam Định (nam-dinh)    Hải Phòng (hai-phong-2025)",
                 "Cụm phó     Hải Dương (hai-duong)  Phú Thọ (phu-tho-2025)",
                 "Cụm phó     Ninh Bình (ninh-binh)  Quảng Ninh (quang-ninh)",
                 "Cờ luân lưu: Nam Định → Hải Phòng (2025)", "CHỈ LÀ ĐỀ XUẤT: Cụm quyết định."):
        assert line in result.stdout.splitlines()


def test_cities_2025_in_vietnamese() -> None:
    result = run("--cluster", "tp-truc-thuoc-tw", lang="vi")
    assert result.exit_code == 0, result.output
    for line in ("Cụm trưởng  –                 Hà Nội (ha-noi)", "Cụm phó     –                 Hồ Chí Minh (ho-chi-minh-2025)",
                 "Cờ luân lưu: – → Hà Nội", "CHỈ LÀ ĐỀ XUẤT: Cụm quyết định."):
        assert line in result.stdout.splitlines()


def test_dbsh_three_year_schedule() -> None:
    result = run(*DBSH, "--years", "3")
    assert result.exit_code == 0, result.output
    for line in ("2025  Hải Phòng (hai-phong-2025)  Phú Thọ (phu-tho-2025), Quảng Ninh (quang-ninh)     suggestion *",
                 "2026  Phú Thọ (phu-tho-2025)      Quảng Ninh (quang-ninh), Bắc Ninh (bac-ninh-2025)   suggestion *",
                 "2027  Quảng Ninh (quang-ninh)     Bắc Ninh (bac-ninh-2025), Hưng Yên (hung-yen-2025)  suggestion *",
                 "* PROPOSAL ONLY: the cluster decides."):
        assert line in result.stdout.splitlines()


def test_border_two_years_as_json() -> None:
    report = json.loads(run(*BORDER, "--years", "2", "--format", "json").stdout)
    got = [(r["from_year"], r["to_year"], r["chair"]["id"], [v["id"] for v in r["vice_chairs"]], r["flag"]["to"]["id"], r["basis"])
           for r in report]
    assert got == [(2024, 2025, "cao-bang", ["dien-bien"], "cao-bang", "election"), (2025, 2026, "dien-bien", ["lang-son"], "dien-bien", "policy")]
    assert not any(r["proposal_only"] for r in report)


def test_done_when_border_cluster_proposes_cao_bang_and_says_both_agree() -> None:
    result = run(*BORDER)
    assert result.exit_code == 0
    assert flat("vice-chair  Cao Bằng (cao-bang)  Điện Biên (dien-bien)") in flat(result.stdout)
    assert flat("chair       Lào Cai (lao-cai)    Cao Bằng (cao-bang)") in flat(result.stdout)
    assert flat("Rotating flag (Cờ luân lưu): Lào Cai → Cao Bằng") in flat(result.stdout)
    assert flat("the recorded election (Cao Bằng) and the vice_promotes policy agree") in flat(result.stdout)


def test_done_when_dbsh_2025_leadership_exists_with_reasons() -> None:
    report = json.loads(run(*DBSH, "--format", "json").stdout)
    assert (report["from_year"], report["to_year"]) == (2024, 2025)
    leaders = [report["chair"]["id"], *(v["id"] for v in report["vice_chairs"])]
    assert leaders == ["hai-phong-2025", "phu-tho-2025", "quang-ninh"]
    assert {m["id"] for m in report["members"]} >= set(leaders)
    assert report["flag"] == {"from": {"id": "nam-dinh", "name": "Nam Định"}, "to": {"id": "hai-phong-2025", "name": "Hải Phòng"}}
    assert report["proposal_only"] is True and report["policy"] == "elected"
    assert all(c["reason"] for c in report["candidates"])
    assert "Hải Dương merged into Hải Phòng (2025) on 01/07/2025" in [n["message"] for n in report["notes"]]


def test_years_gives_a_list_and_from_picks_the_source_year() -> None:
    report = json.loads(run(*DBSH, "--from", "2023", "--years", "2", "--format", "json").stdout)
    assert [(r["from_year"], r["to_year"]) for r in report] == [(2023, 2024), (2024, 2025)]
    assert report[0]["chair"]["id"] == "nam-dinh"  # the election recorded on 13/03/2024
    assert report[0]["recorded"]["agrees"] is True  # ... which the 2024 file records


# --------------------------------------------------------------------------- exit codes


@pytest.mark.parametrize("args", [
    ["--cluster", "dbs"],
    [*DBSH, "--from", "2019"],
    [*DBSH, "--years", "2", "--write"],
    [*DBSH, "--years", "2", "--dry-run"],
    [*DBSH, "--force"],
    [*DBSH, "--years", "0"],
    [*DBSH, "--format", "csv"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_unknown_cluster_suggests_the_right_one() -> None:
    result = run("--cluster", "dbs")
    assert "no cluster 'dbs'; did you mean 'dbsh'?" in result.stderr


def test_a_source_year_with_errors_exits_1_and_points_to_validate(data: Path) -> None:
    path = data / "clusters" / "dbsh" / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("chair: nam-dinh", "chair: nam-dihn"), encoding="utf-8")
    result = run(*DBSH, data=data)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "thidua: cannot use dbsh 2024: data/clusters/dbsh/2024.yaml:13:10: TD201 unknown unit 'nam-dihn'; run `thidua validate data/clusters/dbsh/2024.yaml`",
        "thidua: the source year 2024 has errors: nothing proposed",
    ]
    assert result.stdout == ""


# --------------------------------------------------------------------------- --write


def test_write_creates_a_file_that_validates(data: Path) -> None:
    result = run(*DBSH, "--write", data=data)
    assert result.exit_code == 0, result.output
    assert "wrote data/clusters/dbsh/2025.yaml" in result.stderr
    target = data / "clusters" / "dbsh" / "2025.yaml"
    text = target.read_text(encoding="utf-8")
    golden("dbsh-2025.yaml", text)
    report = validate_paths([data])
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert errors == []
    about_new = {d.code for d in report.diagnostics if d.file.endswith("dbsh/2025.yaml")}
    assert about_new <= {"TD405"}  # only "no scores entered yet"
    written = yaml.safe_load(text)
    assert written["year"] == 2025
    assert written["members"] == ["bac-ninh-2025", "hung-yen-2025", "ninh-binh-2025", "hai-phong-2025", "phu-tho-2025", "quang-ninh"]
    assert written["leadership"] == {"chair": "hai-phong-2025", "vice_chairs": ["phu-tho-2025", "quang-ninh"]}
    assert len(written["indicators"]) == 14
    assert not {"scores", "election", "awards", "votes", "facts", "review", "pledge", "sources", "as_of"} & set(written)


def test_write_keeps_comments_and_key_order_and_drops_the_old_years_results(data: Path) -> None:
    source = (data / "clusters" / "mien-nui-bien-gioi-phia-bac" / "2024.yaml").read_text(encoding="utf-8")
    assert run(*BORDER, "--write", data=data).exit_code == 0
    text = (data / "clusters" / "mien-nui-bien-gioi-phia-bac" / "2025.yaml").read_text(encoding="utf-8")
    header = source.split("\ncluster:")[0]
    assert text.startswith(header + "\n# 2025: made by `thidua rotate` from 2024.yaml")
    assert "# Thứ tự thành viên như nguồn liệt kê (seed 004): dùng cho luân phiên." in text
    assert "  # --- kinh-te: chỉ tiêu phát triển kinh tế (so với kế hoạch năm)" in text
    assert "# Bộ chỉ tiêu giao ước:" in text
    assert "MINH HOẠ" not in text and "tổng minh hoạ" not in text  # comments about the old scores went with them
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys == ["cluster", "year", "members", "leadership", "indicators"]
    assert 'name: "Tốc độ tăng trưởng kinh tế (GRDP) so với kế hoạch"' in text  # quoting kept


def test_write_refuses_to_overwrite_and_force_overwrites(data: Path) -> None:
    target = data / "clusters" / "tp-truc-thuoc-tw" / "2025.yaml"
    before = target.read_bytes()
    result = run("--cluster", "tp-truc-thuoc-tw", "--from", "2024", "--write", data=data)
    assert result.exit_code == 1
    assert "data/clusters/tp-truc-thuoc-tw/2025.yaml already exists: nothing written (use --force to overwrite it)" in result.stderr
    assert target.read_bytes() == before
    result = run("--cluster", "tp-truc-thuoc-tw", "--from", "2024", "--write", "--force", data=data)
    assert result.exit_code == 0, result.output
    # 2025 is recorded: --force fills the offices it leaves out and keeps everything else (issue 12)
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert written["members"] == ["ha-noi", "ho-chi-minh", "hai-phong", "da-nang", "can-tho", "hue"]
    assert written["leadership"] == {"chair": "ha-noi", "vice_chairs": ["hue"]}
    assert written["sources"] == yaml.safe_load(before)["sources"] and written["as_of"].isoformat() == "2025-03-22"
    assert validate_paths([data]).ok


@pytest.mark.parametrize("where", ["replace", "write"])
def test_a_failure_midway_leaves_the_old_file_intact(data: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    directory = data / "clusters" / "tp-truc-thuoc-tw"
    target = directory / "2025.yaml"
    before = target.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if where == "replace":
        monkeypatch.setattr(os, "replace", boom)
    else:
        monkeypatch.setattr(os, "fsync", boom)  # the disk fills up while the temporary file is written
    result = run("--cluster", "tp-truc-thuoc-tw", "--from", "2024", "--write", "--force", data=data)
    assert result.exit_code == 1
    assert "could not write data/clusters/tp-truc-thuoc-tw/2025.yaml: No space left on device" in result.stderr
    assert "Traceback" not in result.output
    assert target.read_bytes() == before
    assert sorted(p.name for p in directory.iterdir()) == ["2024.yaml", "2025.yaml", "cluster.yaml"]  # no temporary file


def test_dry_run_shows_the_diff_and_writes_nothing(data: Path) -> None:
    directory = data / "clusters" / "mien-nui-bien-gioi-phia-bac"
    before = sorted(p.name for p in directory.iterdir())
    result = run(*BORDER, "--dry-run", data=data)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in directory.iterdir()) == before
    golden("border-dry-run.diff", result.stdout)
    assert result.stdout.startswith("--- data/clusters/mien-nui-bien-gioi-phia-bac/2024.yaml\n+++ data/clusters/mien-nui-bien-gioi-phia-bac/2025.yaml\n")
    assert flat("-year: 2024\n-scores_illustrative: true\n+year: 2025\n") in flat(result.stdout)
    assert "nothing written" in result.stderr


def test_dry_run_against_an_existing_file_diffs_that_file(data: Path) -> None:
    result = run("--cluster", "tp-truc-thuoc-tw", "--from", "2024", "--dry-run", data=data)
    assert result.exit_code == 0
    assert result.stdout.startswith("--- data/clusters/tp-truc-thuoc-tw/2025.yaml\n")
    # the recorded year is filled in, never rebuilt: nothing is taken out of it
    assert [line for line in result.stdout.splitlines() if line.startswith("-") and not line.startswith("---")] == []
    assert flat("+leadership:\n+  chair: ha-noi\n+  vice_chairs: [hue]\n") in flat(result.stdout)
    assert "--write would need --force" in result.stderr


def test_nothing_to_write_when_no_member_survives(data: Path) -> None:
    assert run("--cluster", "nam-dinh-cap-huyen", "--write", data=data).exit_code == 0  # 2024: districts still exist
    result = run("--cluster", "nam-dinh-cap-huyen", "--write", data=data)  # from 2024 to 2025: all abolished
    assert result.exit_code == 1
    assert "no member exists in 2025: no file written" in result.stderr
    assert not (data / "clusters" / "nam-dinh-cap-huyen" / "2025.yaml").exists()


def test_written_years_chain(data: Path) -> None:
    """2024 → 2025 → 2026, each written from the one before, all valid."""
    assert run(*BORDER, "--write", data=data).exit_code == 0
    result = run(*BORDER, "--write", "--format", "json", data=data)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["from_year"], report["chair"]["id"]) == (2025, "dien-bien")  # the 2025 vice-chair
    assert validate_paths([data]).ok


# --------------------------------------------------------------------------- building the file


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.relative_to(DATA).as_posix())
def test_the_round_trip_reproduces_every_shipped_file(path: Path) -> None:
    from thidua.output.nextyear import round_trip

    text = path.read_text(encoding="utf-8")
    assert round_trip(text) == text


TRICKY = """\
# header line 1

# header after a blank line
cluster: c
year: 2024
as_of: 2024-06-01  # eol on as_of
scores_illustrative: true
members:
  - ha-noi  # eol on a member
  - hai-duong
  - cao-bang
leadership: {chair: ha-noi, vice_chairs: [hai-duong]}
# about the pledge meeting
pledge:
  date: 2024-03-01
indicators:
  - id: a
    name: "Chỉ tiêu A"
    max: 10  # eol on the last indicator
# block about the scores
scores:
  ha-noi: {a: 5}
  hai-duong: {a: 6}
  cao-bang: {a: 7}
rules:
  rotation:
    policy: POLICY
    vice_chairs: 1
sources:
  - title: x
    url: https://example.org
# trailing comment at the end of the file
"""


def tricky(tmp_path: Path, policy: str) -> Path:
    root = tmp_path / "data"
    (root / "clusters" / "c").mkdir(parents=True)
    shutil.copy(DATA / "provinces.yaml", root / "provinces.yaml")
    (root / "clusters" / "c" / "cluster.yaml").write_text(
        'id: c\nname: "Cụm thử"\nkind: cum\norganiser: {level: central, name: "Ban Thi đua - Khen thưởng Trung ương"}\n', encoding="utf-8")
    (root / "clusters" / "c" / "2024.yaml").write_text(TRICKY.replace("POLICY", policy), encoding="utf-8")
    return root


def test_comments_follow_their_keys_in_a_tricky_file(tmp_path: Path) -> None:
    """Block lists, flow mappings, end-of-line comments, a comment at the end; merged vice skipped."""
    root = tricky(tmp_path, "vice_promotes")
    assert run("--cluster", "c", "--write", data=root).exit_code == 0
    assert (root / "clusters" / "c" / "2025.yaml").read_text(encoding="utf-8") == """\
# header line 1

# header after a blank line
# 2025: made by `thidua rotate` from 2024.yaml; to fill: pledge, sources, and scores after the review.
cluster: c
year: 2025
# Members mapped to the units of 31/12/2025 by `thidua rotate`.
members:
  - ha-noi
  - hai-phong-2025
  - cao-bang

# Leadership 2025 (vice_promotes): Decided by the rotation policy.
leadership:
  chair: hai-phong-2025
  vice_chairs: [cao-bang]
indicators:
  - id: a
    name: "Chỉ tiêu A"
    max: 10  # eol on the last indicator
rules:
  rotation:
    policy: vice_promotes
    vice_chairs: 1
# trailing comment at the end of the file
"""
    assert validate_paths([root]).ok


def test_appointed_writes_no_leadership_but_says_what_to_fill(tmp_path: Path) -> None:
    root = tricky(tmp_path, "appointed")
    result = run("--cluster", "c", "--write", data=root, lang="vi")
    assert result.exit_code == 0, result.output
    text = (root / "clusters" / "c" / "2025.yaml").read_text(encoding="utf-8")
    assert "leadership:" not in text
    assert "  - cao-bang\n\n# Lãnh đạo Cụm năm 2025: cần bổ sung (appointed).\nindicators:\n" in text
    assert validate_paths([root]).ok


def test_every_rotate_message_has_both_languages_with_the_same_placeholders() -> None:
    import string
    import unicodedata

    from thidua.output.messages_rotate import CATALOGUE

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, entry in CATALOGUE.items():
        assert set(entry) == {"en", "vi"}, key
        assert fields(entry["en"]) == fields(entry["vi"]), key
        assert unicodedata.normalize("NFC", entry["vi"]) == entry["vi"], key
