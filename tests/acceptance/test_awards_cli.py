"""``thidua awards`` end to end: the shipped outcomes, golden outputs, exit codes, --docx files.

Golden files live in tests/golden/awards/; regenerate them with ``THIDUA_UPDATE_GOLDEN=1 pytest``
and read the diff before committing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import support
from support import DATA, GOLDEN, copy_data, flat, ranked, runner
from thidua.cli.app import app


def run(*args: str):
    return runner.invoke(app, ["--lang", "en", "awards", *args, "--data", str(DATA)] if "--data" not in args else ["--lang", "en", "awards", *args])


def check_golden(name: str, text: str) -> None:
    support.check_golden(GOLDEN / "awards" / name, text)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path / "data")


# --------------------------------------------------------------------------- the shipped outcomes


def test_2023_recommends_the_published_awards() -> None:
    result = run("2023", "--format", "json")
    assert result.exit_code == 0, result.stderr
    by_cluster = {c["cluster"]: c for c in json.loads(result.stdout)}
    dbsh = {r["member"]: r["award_title"] for r in by_cluster["dbsh"]["recommendations"]}
    assert dbsh == {"nam-dinh": "Cờ thi đua của Chính phủ", "hung-yen": "Bằng khen của Thủ tướng Chính phủ", "quang-ninh": "Bằng khen của Thủ tướng Chính phủ"}
    block = by_cluster["hai-duong-cap-huyen"]
    assert {r["member"]: r["award_title"] for r in block["recommendations"]} == {
        "thanh-pho-hai-duong-hai-duong": "Cờ thi đua của Chính phủ",
        "huyen-cam-giang-hai-duong": "Cờ thi đua của UBND tỉnh",
        "huyen-gia-loc-hai-duong": "Bằng khen của Chủ tịch UBND tỉnh",
        "huyen-kim-thanh-hai-duong": "Bằng khen của Chủ tịch UBND tỉnh",
    }
    assert block["comparison"] == {"agrees": True, "differences": []}
    assert block["government_flag_cap"]["over"] is True and block["government_flag_cap"]["confirmed"] is False
    assert by_cluster["nam-dinh-cap-huyen"]["status"] == "no_scores"


def test_2024_gives_dien_bien_the_flag_and_lao_cai_the_certificate() -> None:
    result = run("2024", "--format", "json", "--cluster", "mien-nui-bien-gioi-phia-bac")
    assert result.exit_code == 0
    (cluster,) = json.loads(result.stdout)
    assert [(r["member"], r["award"]) for r in cluster["recommendations"]] == [("dien-bien", "co-thi-dua-chinh-phu"), ("lao-cai", "bang-khen-thu-tuong")]
    assert cluster["comparison"]["agrees"] is True


def test_json_fields_are_the_documented_ones() -> None:
    cluster = json.loads(run("2023", "--format", "json", "--cluster", "dbsh").stdout)[0]
    assert set(cluster) == {"cluster", "name", "year", "status", "organiser", "members", "scores_illustrative", "basis", "recommendations", "near_misses", "ties_at_line", "decided", "comparison", "notes", "government_flag_cap"}
    assert set(cluster["recommendations"][0]) == {"member", "name", "rank", "total", "award", "award_title", "issuer", "reason"}
    assert set(cluster["near_misses"][0]) == {"member", "name", "rank", "total", "award", "award_title", "kind", "reason", "gap"}
    assert set(cluster["decided"][0]) == {"member", "name", "award", "award_title", "kind", "issuer", "note"}
    assert cluster["recommendations"][0]["total"] == 96.5, "machine formats keep plain numbers"


# --------------------------------------------------------------------------- golden outputs


def test_golden_table_plain() -> None:
    result = run("2023")
    assert result.exit_code == 0
    check_golden("table-2023.txt", result.stdout)


def test_table_in_vietnamese() -> None:  # one golden per format (table-2023.txt); here the results
    result = runner.invoke(app, ["--lang", "vi", "awards", "2024", "--data", str(DATA)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "   1  Điện Biên    95  Cờ thi đua của Chính phủ           xếp thứ 1/7, 95 điểm;" in lines  # the reason wraps
    assert "   2  Lào Cai    93,5  Bằng khen của Thủ tướng Chính phủ  xếp thứ 2/7, 93,5" in lines
    assert ranked(result.stdout) == [(1, "Điện Biên"), (2, "Lào Cai"), (3, "Sơn La"), (4, "Cao Bằng"), (5, "Lạng Sơn"), (6, "Lai Châu"), (7, "Hà Giang")]
    assert flat("Kết quả đã quyết định: khớp với đề xuất (2)") in flat(result.stdout)
    assert lines.count("- chưa nhập điểm năm 2024: chưa có đề xuất khen thưởng") == 2


def test_golden_json() -> None:
    check_golden("awards-2023.json", run("2023", "--format", "json").stdout)


def test_golden_markdown() -> None:
    check_golden("awards-2023.md", run("2023", "--format", "markdown").stdout)


# --------------------------------------------------------------------------- exit codes


def test_unknown_cluster_is_a_usage_error() -> None:
    result = run("2023", "--cluster", "dbhs")
    assert result.exit_code == 2
    assert "no cluster 'dbhs'" in result.stderr and result.stdout == ""


def test_unknown_format_and_missing_data_dir_are_usage_errors(tmp_path: Path) -> None:
    assert run("2023", "--format", "xml").exit_code == 2
    result = runner.invoke(app, ["awards", "2023", "--data", str(tmp_path / "nope")])
    assert result.exit_code == 2


def test_a_year_without_files_exits_1() -> None:
    result = run("1999")
    assert result.exit_code == 1 and "no cluster has a file for 1999" in result.stderr


def test_a_cluster_year_with_errors_is_skipped_and_the_others_still_run(data: Path) -> None:
    path = data / "clusters" / "dbsh" / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("member: hung-yen", "member: hung-yen-x"), encoding="utf-8")
    result = run("2023", "--data", str(data))
    assert result.exit_code == 1
    shown = path.as_posix()
    assert result.stderr.strip().splitlines() == [
        f"thidua: skipped dbsh 2023: {shown}:243:13: TD502 award 'bang-khen-thu-tuong' given to 'hung-yen-x', who is not a member this year; run `thidua validate {shown}`"
    ]
    assert flat("hai-duong-cap-huyen") in flat(result.stdout) and "dbsh ·" not in result.stdout


def test_a_tie_at_the_line_in_real_files(data: Path) -> None:
    """Bắc Ninh raised to 94, level with Quảng Ninh (same economic group, no votes): one place left."""
    path = data / "clusters" / "dbsh" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    raised = text.replace("  bac-ninh:  # tổng minh hoạ = 91 + 1 - 0.5 = 91.5\n    tang-truong-grdp: 7.0", "  bac-ninh:  # 94\n    tang-truong-grdp: 9.5")
    assert raised != text
    path.write_text(raised, encoding="utf-8")
    result = run("2023", "--format", "json", "--cluster", "dbsh", "--data", str(data))
    assert result.exit_code == 0, result.stderr
    cluster = json.loads(result.stdout)[0]
    assert [r["member"] for r in cluster["recommendations"]] == ["nam-dinh", "hung-yen"]
    (tie,) = cluster["ties_at_line"]
    assert [m["member"] for m in tie["members"]] == ["bac-ninh", "quang-ninh"]
    assert (tie["award"], tie["slots"], tie["rank"], tie["total"]) == ("bang-khen-thu-tuong", 1, 3, 94)
    assert cluster["comparison"]["agrees"] is False
    assert cluster["comparison"]["differences"] == [
        {"kind": "tie", "member": "quang-ninh", "name": "Quảng Ninh", "recommended": None, "decided": "bang-khen-thu-tuong", "reason": {
            "code": "awards.diff.tie",
            "params": {"name": "Quảng Ninh", "decided": "Bằng khen của Thủ tướng Chính phủ"},
            "message": "Quảng Ninh: decided Bằng khen của Thủ tướng Chính phủ; the recommendation leaves it to the meeting (tie)",
        }}
    ]
    table = run("2023", "--cluster", "dbsh", "--data", str(data)).stdout
    assert "tie: Bằng khen của Thủ tướng Chính phủ?" in table


# --------------------------------------------------------------------------- --docx


def test_docx_writes_the_dossier_per_cluster_year_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    result = run("2023", "--docx", str(out))
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "dbsh-2023-bao-cao-thanh-tich-hung-yen.docx",
        "dbsh-2023-bao-cao-thanh-tich-nam-dinh.docx",
        "dbsh-2023-bao-cao-thanh-tich-quang-ninh.docx",
        "dbsh-2023-bien-ban.docx",
        "dbsh-2023-to-trinh.docx",
        "hai-duong-cap-huyen-2023-bao-cao-thanh-tich-thanh-pho-hai-duong-hai-duong.docx",
        "hai-duong-cap-huyen-2023-bien-ban.docx",
        "hai-duong-cap-huyen-2023-to-trinh.docx",
    ]
    assert "no documents for nam-dinh-cap-huyen 2023" in result.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "dbsh-2023-to-trinh.docx").write_bytes(b"kept")
    again = run("2023", "--docx", str(out))
    assert again.exit_code == 1
    assert "dbsh-2023-to-trinh.docx exists: not overwritten (use --force)" in again.stderr
    assert (out / "dbsh-2023-to-trinh.docx").read_bytes() == b"kept"
    forced = run("2023", "--docx", str(out), "--force")
    assert forced.exit_code == 0
    assert (out / "dbsh-2023-to-trinh.docx").read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in out.iterdir()) == sorted(before), "no temporary files left behind"


def test_docx_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    assert run("2023", "--docx", str(target)).exit_code == 2
