"""``thidua rank``/``awards``/``validate`` on years ranked by votes or by the meeting's order.

The repository is tests/examples/votes (see its README: a copy of a published decided order, and a
made-up ministry block) with the shipped registry; no scores are invented for either.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from support import flat
from thidua.cli.app import app

ROOT = Path(__file__).parents[2]
runner = CliRunner()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "examples" / "votes" / "clusters", root / "clusters")
    shutil.copy(ROOT / "data" / "provinces.yaml", root / "provinces.yaml")
    return root


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--lang", "en", *args])
    return result.exit_code, result.stdout


def test_validate_strict_is_clean(data: Path) -> None:
    code, out = run("validate", str(data), "--strict")
    assert code == 0, out


def test_rank_json_says_the_basis_and_invents_no_points(data: Path) -> None:
    code, out = run("rank", "2024", "--data", str(data), "--format", "json")
    assert code == 0, out
    by = {item["cluster"]: item for item in json.loads(out)}
    border = by["bien-gioi"]
    assert border["status"] == "ranked" and border["basis"] == "decided" and border["basis_also"] == []
    assert [(e["member"], e["rank"], e["placed"], e["total"]) for e in border["ranking"][:3]] == [
        ("dien-bien", 1, True, None),
        ("lao-cai", 2, True, None),
        ("cao-bang", 3, False, None),
    ]
    block = by["khoi-bo"]
    assert block["basis"] == "votes"
    assert [(e["member"], e["rank"], e["votes"]) for e in block["ranking"]] == [("hai-duong", 1, 5), ("bac-ninh", 2, 4), ("hung-yen", 3, 3), ("thai-binh", 4, 1), ("ha-nam", 5, 0)]


def test_rank_text_says_the_basis_and_who_is_not_placed(data: Path) -> None:
    code, out = run("rank", "2024", "--data", str(data), "--cluster", "bien-gioi")
    assert code == 0, out
    assert "ranked by the meeting's decided order" in out
    assert "the meeting's order stops at place 2: Cao Bằng, Lạng Sơn, Hà Giang, Sơn La and Lai Châu not placed" in flat(out)


def test_explain_a_member_without_points(data: Path) -> None:
    code, out = run("rank", "2024", "--data", str(data), "--explain", "cao-bang", "--format", "json")
    assert code == 0, out
    explained = json.loads(out)[0]["explain"]
    assert explained["basis"] == "decided" and explained["placed"] is False and explained["total"] is None
    assert explained["award_line"]["inside"] is False and explained["award_line"]["gap"] is None
    code, out = run("rank", "2024", "--data", str(data), "--explain", "lao-cai")
    assert code == 0 and "next to Điện Biên, placed 1st" in out


def test_stability_skips_a_year_without_points(data: Path) -> None:
    code, out = run("rank", "2024", "--data", str(data), "--stability", "--format", "json")
    assert code == 0, out
    assert all("stability" not in item for item in json.loads(out))


def test_awards_from_a_decided_order_and_two_issuers(data: Path) -> None:
    code, out = run("awards", "2024", "--data", str(data), "--format", "json")
    assert code == 0, out
    by = {item["cluster"]: item for item in json.loads(out)}
    border = by["bien-gioi"]
    assert border["basis"] == "decided"
    assert [(r["member"], r["award"], r["total"]) for r in border["recommendations"]] == [("dien-bien", "co-thi-dua-chinh-phu", None), ("lao-cai", "bang-khen-thu-tuong", None)]
    assert border["comparison"]["agrees"] is True
    block = by["khoi-bo"]
    assert [(r["member"], r["award"], r["issuer"]) for r in block["recommendations"]] == [
        ("hai-duong", "co-thi-dua-bo", "Bộ Công Thương"),
        ("bac-ninh", "bang-khen-chu-tich-ubnd-tinh", None),
        ("hai-duong", "co-thi-dua-ubnd-tinh", "UBND tỉnh Hải Dương"),
    ]
    assert block["comparison"] == {"agrees": True, "differences": []}
    assert [d["kind"] for d in block["decided"]] == ["ladder", "ladder", "ladder", "thematic"]


def test_a_vote_short_of_more_than_half_of_all_members_is_passed_over(data: Path) -> None:
    year = data / "clusters" / "khoi-bo" / "2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("hai-duong: 5,", "hai-duong: 4,"), encoding="utf-8")
    code, out = run("awards", "2024", "--data", str(data), "--cluster", "khoi-bo", "--format", "json")
    assert code == 0, out
    block = json.loads(out)[0]
    assert "co-thi-dua-bo" not in [r["award"] for r in block["recommendations"]]
    failure = block["near_misses"][0]["reason"]
    assert "4/9 members (44.44%), needs more than 50% of the members" in failure["message"]


def test_shipped_points_rankings_say_points(tmp_path: Path) -> None:
    code, out = run("rank", "2023", "--data", str(ROOT / "data"), "--format", "json")
    assert code == 0, out
    assert {item["basis"] for item in json.loads(out) if item["status"] == "ranked"} == {"points"}


def test_the_shipped_border_cluster_records_the_meetings_order_beside_its_points(tmp_path: Path) -> None:
    """mien-nui-bien-gioi-phia-bac 2024: published order Điện Biên, Lào Cai (seed 004); its points
    are illustrative and still rank; the order is kept and checked against them."""
    code, out = run("rank", "2024", "--data", str(ROOT / "data"), "--cluster", "mien-nui-bien-gioi-phia-bac", "--format", "json")
    assert code == 0, out
    item = json.loads(out)[0]
    assert (item["basis"], item["basis_also"]) == ("points", ["decided"])
    assert [e["member"] for e in item["ranking"][:2]] == ["dien-bien", "lao-cai"]
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    year = data / "clusters" / "mien-nui-bien-gioi-phia-bac" / "2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("order: [dien-bien, lao-cai]", "order: [lao-cai, dien-bien]"), encoding="utf-8")
    code, out = run("validate", str(year), "--format", "json")
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "TD436"]
    assert len(found) == 1 and found[0]["severity"] == "info"
    assert "the meeting placed Lào Cai 1st, points place it 2nd; the ranking follows points" in found[0]["message"]


def test_documents_of_a_decided_year_cite_places_not_invented_points(data: Path, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "docs"
    code, _ = run("awards", "2024", "--data", str(data), "--cluster", "bien-gioi", "--docx", str(out))
    assert code == 0
    text = ""
    for name in ("bien-gioi-2024-to-trinh.docx", "bien-gioi-2024-bien-ban.docx", "bien-gioi-2024-bao-cao-thanh-tich-dien-bien.docx"):
        document = docx.Document(str(out / name))
        text += "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Tỉnh Điện Biên (xếp thứ 1);" in text
    assert "Tỉnh Điện Biên được Hội nghị xếp thứ 1/7 đơn vị thành viên" in text
    assert "0 điểm" not in text and "0/7" not in text


def test_csv_leaves_points_empty_where_there_are_none(data: Path) -> None:
    code, out = run("rank", "2024", "--data", str(data), "--cluster", "bien-gioi", "--format", "csv")
    assert code == 0
    header, first = out.splitlines()[:2]
    row = dict(zip(header.split(","), first.split(","), strict=True))
    assert (row["member"], row["total"], row["scored"], row["bonus"], row["deductions"]) == ("dien-bien", "", "", "", "")


def test_site_page_of_a_decided_year_shows_no_points(data: Path, tmp_path: Path) -> None:
    import re

    out = tmp_path / "site"
    code, _ = run("site", "--data", str(data), "--output", str(out))
    assert code == 0
    cells = re.findall(r'<td class="num">([^<]*)</td>', (out / "clusters" / "bien-gioi" / "2024.html").read_text(encoding="utf-8"))
    assert cells[:6] == ["1", "–", "–", "2", "–", "–"] and "0" not in cells


def test_history_gives_a_place_without_points_and_none_below_a_partial_order(data: Path) -> None:
    code, out = run("history", "dien-bien", "--data", str(data), "--format", "markdown")  # cells unwrapped
    assert code == 0 and "1 of 7 (no points)" in out and "points" not in out.replace("(no points)", "")
    code, out = run("history", "cao-bang", "--data", str(data))
    assert code == 0 and "not in the ranking" in out
