"""``thidua rank`` end to end: the published outcomes, every format (golden files), exit codes.

Regenerate the golden files after an intended change with ``THIDUA_UPDATE_GOLDEN=1 pytest``
and review the diff.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import (
    DATA,
    GOLDEN,
    MERGER_2025,
    MERGER_2026,
    YEAR_2024,
    check_golden,
    copy_data,
    flat,
    ranked,
    runner,
    write_data,
)
from thidua.cli.app import app

MNBG = "mien-nui-bien-gioi-phia-bac"


def run(*args: str, data: Path = DATA, lang: str = "en"):
    return runner.invoke(app, ["--lang", lang, "rank", *args, "--data", str(data)])


def golden(name: str, text: str) -> None:
    check_golden(GOLDEN / "rank" / name, text)


# --------------------------------------------------------------------------- done when


def test_2023_ranks_nam_dinh_first_then_hung_yen_and_quang_ninh() -> None:
    result = run("2023", "--format", "json")
    assert result.exit_code == 0, result.stderr
    dbsh = next(c for c in json.loads(result.stdout) if c["cluster"] == "dbsh")
    assert [(r["member"], r["rank"]) for r in dbsh["ranking"][:3]] == [("nam-dinh", 1), ("hung-yen", 2), ("quang-ninh", 3)]
    assert dbsh["status"] == "ranked" and dbsh["scores_illustrative"] is True


def test_2024_puts_dien_bien_first_and_lao_cai_second_in_the_northern_border_cluster() -> None:
    result = run("2024", "--format", "json")
    assert result.exit_code == 0, result.stderr
    clusters = {c["cluster"]: c for c in json.loads(result.stdout)}
    assert [(r["member"], r["rank"]) for r in clusters[MNBG]["ranking"][:2]] == [("dien-bien", 1), ("lao-cai", 2)]
    assert clusters["dbsh"]["status"] == "no_scores" and clusters["dbsh"]["ranking"] == []


# --------------------------------------------------------------------------- golden outputs


@pytest.mark.parametrize(
    ("name", "args", "lang"),
    [
        ("rank-2023.txt", ["2023"], "en"),
        ("rank-2023.json", ["2023", "--format", "json"], "en"),
        ("rank-2023.csv", ["2023", "--format", "csv"], "en"),
        ("rank-2024.md", ["2024", "--format", "markdown"], "en"),
        ("explain-lao-cai.txt", ["2024", "--explain", "lao-cai"], "en"),
        ("explain-lao-cai.json", ["2024", "--explain", "Lào Cai", "--format", "json"], "en"),
        ("explain-lao-cai.csv", ["2024", "--explain", "lao-cai", "--format", "csv"], "en"),
        ("explain-nam-dinh.md", ["2023", "--cluster", "dbsh", "--explain", "nam-dinh", "--format", "markdown"], "en"),
        ("stability-mnbg.txt", ["2024", "--cluster", MNBG, "--stability", "--samples", "300"], "en"),
        ("stability-mnbg.json", ["2024", "--cluster", MNBG, "--stability", "--samples", "300", "--format", "json"], "en"),
        ("stability-mnbg.csv", ["2024", "--cluster", MNBG, "--stability", "--samples", "300", "--format", "csv"], "en"),
    ],
)
def test_golden_outputs_on_the_shipped_data(name: str, args: list[str], lang: str) -> None:
    result = run(*args, lang=lang)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    golden(name, result.stdout)


# One golden per renderer and format (above); the other outputs are checked by their results.


def test_rank_in_vietnamese() -> None:
    result = run("2024", lang="vi")
    assert result.exit_code == 0 and result.stderr == ""
    assert ranked(result.stdout) == [(1, "Điện Biên"), (2, "Lào Cai"), (3, "Sơn La"), (4, "Cao Bằng"), (5, "Lạng Sơn"), (6, "Lai Châu"), (7, "Hà Giang")]
    assert flat("Hạng  Thành viên    Tđ  kinh-te") in flat(result.stdout) and "Tđ = Tổng điểm" in result.stdout  # abbreviated, with a legend
    assert flat("   2  Lào Cai     93,5       40      19  14,5") in flat(result.stdout)  # decimal comma
    assert flat("Cụm thi đua các tỉnh đồng bằng sông Hồng (dbsh), năm 2024: chưa có điểm, chưa xếp hạng") in flat(result.stdout)
    assert flat("Bằng tổng điểm thì xét lần lượt: số phiếu suy tôn.") in flat(result.stdout)


def test_explain_in_vietnamese() -> None:
    result = run("2023", "--explain", "Hà Nam", lang="vi")
    assert result.exit_code == 0 and result.stderr == ""
    assert flat("Vì sao Hà Nam xếp thứ 8 trên 9 thành viên, Cụm thi đua các tỉnh đồng bằng sông Hồng, năm 2023") in flat(result.stdout)
    assert flat("   8  Hà Nam             88     36,5      13    19                 9        9          1,5         0") in flat(result.stdout)
    assert flat("Tổng điểm 88 = 86,5 điểm chỉ tiêu (tối đa 100) + 1,5 điểm thưởng − 0 điểm trừ.") in flat(result.stdout)


def test_stability_in_vietnamese_says_what_the_english_golden_says() -> None:
    args = ["2024", "--cluster", MNBG, "--stability", "--samples", "300"]
    vi, en = run(*args, lang="vi"), run(*args, lang="en")
    assert vi.exit_code == en.exit_code == 0 and vi.stderr == ""
    assert ranked(vi.stdout)[:7] == ranked(en.stdout)[:7] == [(1, "Điện Biên"), (2, "Lào Cai"), (3, "Sơn La"), (4, "Cao Bằng"), (5, "Lạng Sơn"), (6, "Lai Châu"), (7, "Hà Giang")]
    assert len(vi.stdout.splitlines()) == len(en.stdout.splitlines())
    assert flat("Điện Biên giữ Cờ thi đua của Chính phủ trong 87% số lần thử (được khen nói chung: >99%).") in flat(vi.stdout)
    assert flat("Lào Cai giữ Bằng khen của Thủ tướng Chính phủ trong 76% số lần thử (được khen nói chung: 88%).") in flat(vi.stdout)
    assert flat("Trong 24% số lần thử, ít nhất một danh hiệu chuyển sang đơn vị khác.") in flat(vi.stdout)


def test_ties_and_tie_breaks(tmp_path: Path) -> None:
    root = write_data(tmp_path / "data", {2024: YEAR_2024})
    result = run("2024", data=root)
    assert result.exit_code == 0, result.stderr
    assert ranked(result.stdout) == [(1, "Hải Phòng"), (2, "Đà Nẵng"), (3, "Hà Nội"), (4, "Cần Thơ"), (4, "Hồ Chí Minh")]
    prose = " ".join(result.stdout.split())  # sentences are wrapped at word boundaries
    assert "tie remains with Hồ Chí Minh" in prose
    assert "equal total, separated by group kinh-te subtotal" in prose
    assert "Tie not broken: Cần Thơ and Hồ Chí Minh share the 4th place" in prose
    assert "illustrative" not in result.stdout  # this file does not say its scores are illustrative


def test_change_across_the_2025_merger(tmp_path: Path) -> None:
    root = write_data(tmp_path / "data", {2025: MERGER_2025, 2026: MERGER_2026}, tie_break="")
    result = run("2026", data=root)
    assert result.exit_code == 0, result.stderr
    assert ranked(result.stdout) == [(1, "Hưng Yên"), (2, "Ninh Bình"), (3, "Quảng Ninh"), (4, "Hà Nội")]
    assert flat("Hưng Yên: compared with the 2025 rank of Thái Bình (thai-binh), which merged into it.") in flat(result.stdout)
    rows = {line.split()[1]: line for line in result.stdout.splitlines() if line[:4].strip().isdigit()}
    assert "↑2" in rows["Hưng"] and "↓1" in rows["Ninh"] and "new" in rows["Hà"]
    assert "Ninh Bình: compared with the 2025 rank of Nam Định (nam-dinh), which merged into it." in " ".join(result.stdout.split())


# --------------------------------------------------------------------------- formats


def test_vietnamese_numbers_and_headers() -> None:
    result = run("2023", "--cluster", "dbsh", lang="vi")
    assert flat("Hạng") in flat(result.stdout) and "Tổng điểm" in result.stdout
    assert flat("96,5") in flat(result.stdout) and "96.5" not in result.stdout
    assert flat("Điểm là điểm minh hoạ") in flat(result.stdout)


def test_csv_has_one_row_per_member_with_plain_numbers() -> None:
    result = run("2023", "--format", "csv", "--cluster", "dbsh", lang="vi")
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + 9
    assert lines[0].startswith("\ufeffcluster,year,rank,member,name,total,group:kinh-te,group:xa-hoi,")  # the table's order
    assert lines[1].startswith("dbsh,2023,1,nam-dinh,Nam Định,96.5,39.5,14,21.5,9,9.5,93.5,3,0,")


def test_stability_is_reproducible_from_the_command_line() -> None:
    args = ["2024", "--cluster", MNBG, "--stability", "--samples", "200", "--seed", "42", "--format", "json"]
    first, again = run(*args), run(*args)
    assert first.stdout == again.stdout
    other = run(*args[:-3], "43", "--format", "json")
    assert json.loads(other.stdout)[0]["stability"]["seed"] == 43
    assert json.loads(first.stdout)[0]["stability"]["members"][0]["member"] == "dien-bien"


# --------------------------------------------------------------------------- errors and exit codes


def test_unknown_cluster_is_a_usage_error_with_a_suggestion() -> None:
    result = run("2023", "--cluster", "dbhs")
    assert result.exit_code == 2
    assert result.stderr == "thidua: no cluster 'dbhs'; did you mean 'dbsh'?\n"
    assert result.stdout == ""


def test_a_missing_data_directory_is_a_usage_error(tmp_path: Path) -> None:
    assert run("2023", data=tmp_path / "nowhere").exit_code == 2


def test_a_year_without_files_exits_1_and_says_so() -> None:
    result = run("1999")
    assert result.exit_code == 1
    assert "no cluster has a file for 1999" in result.stderr
    named = run("2025", "--cluster", "dbsh")
    assert named.exit_code == 1 and "dbsh: no file for 2025" in named.stderr


def test_a_cluster_year_with_errors_is_skipped_the_others_are_ranked(tmp_path: Path) -> None:
    root = tmp_path / "data"
    copy_data(root)
    path = root / "clusters" / "dbsh" / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("tang-truong-grdp: 9.5\n", "tang-truong-grdp: 12\n", 1), encoding="utf-8")
    result = run("2023", data=root)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert "(dbsh), 2023: not ranked" in line and "thidua validate " in line and line.endswith("dbsh/2023.yaml`")
    assert flat("(hai-duong-cap-huyen), 2023") in flat(result.stdout) and "(dbsh)" not in result.stdout
    report = run("2023", "--format", "json", data=root)
    statuses = {c["cluster"]: c["status"] for c in json.loads(report.stdout)}
    assert statuses == {"dbsh": "invalid", "hai-duong-cap-huyen": "ranked", "nam-dinh-cap-huyen": "no_scores"}


def test_a_missing_score_stops_that_cluster_not_the_run(tmp_path: Path) -> None:
    text = YEAR_2024.replace("can-tho: {kinh-te-a: 6, xa-hoi-b: 8,", "can-tho: {kinh-te-a: 6,")
    result = run("2024", "--format", "json", data=write_data(tmp_path / "data", {2024: text}))
    assert result.exit_code == 1
    [item] = json.loads(result.stdout)
    assert item["status"] == "invalid" and item["ranking"] == []


def test_explain_needs_an_unambiguous_member() -> None:
    ambiguous = run("2023", "--explain", "Nam Định")
    assert ambiguous.exit_code == 2
    assert "'nam-dinh'" in ambiguous.stderr and "'thanh-pho-nam-dinh-nam-dinh'" in ambiguous.stderr
    unknown = run("2023", "--explain", "nam-dihn")
    assert unknown.exit_code == 2 and "did you mean 'nam-dinh'" in unknown.stderr
    narrowed = run("2023", "--cluster", "dbsh", "--explain", "Nam Định")
    assert narrowed.exit_code == 0 and "Why Nam Định is 1st of 9 members" in narrowed.stdout


def test_explain_a_member_whose_cluster_has_no_scores_exits_1() -> None:
    result = run("2023", "--explain", "thanh-pho-nam-dinh-nam-dinh")
    assert result.exit_code == 1
    assert "cannot explain Nam Định" in result.stderr and "no scores yet" in result.stderr


def test_csv_cannot_hold_explain_and_stability_together() -> None:
    result = run("2024", "--format", "csv", "--explain", "lao-cai", "--stability")
    assert result.exit_code == 2 and "--format csv" in result.stderr


def test_bad_options_are_usage_errors() -> None:
    assert run("2024", "--samples", "0").exit_code == 2
    assert run("2024", "--format", "xml").exit_code == 2
    assert run("2024", "--weight-spread", "1.5").exit_code == 2


def test_the_command_module_imports_nothing_heavy() -> None:
    code = "import sys, thidua.cli.rank; print(sorted(m for m in ('pydantic', 'rich', 'babel', 'thidua.domain.ranking', 'thidua.repository.loader') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
