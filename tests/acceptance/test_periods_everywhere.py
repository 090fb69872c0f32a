"""Periods shown as people write them in every report, and the membership basis cited and checked
(issue 12, items 9 and 10).

A school-year cluster (``period: {kind: school_year}``): its 2017.yaml is the năm học 2017–2018, and
rank, explain, awards (text, Markdown, CSV, JSON, xlsx), history, rotate, the scoring workbook, the
dossier and the site say so in Vietnamese and in English. A calendar cluster's output is unchanged
(the goldens hold it byte for byte; here: its JSON gains no ``period`` key, its titles say "năm 2023").
A year whose members differ from the year before without a recorded ``basis:`` is noted (TD317); the
dossier cites a recorded basis among its Căn cứ and invents none.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support import DATA, SCHOOL_CLUSTER, invoke, write_data
from thidua.services.validate import validate_paths

CLUSTER = "id: demo\n" + SCHOOL_CLUSTER + """\
  - {id: truong-thpt-phuoc-chau, name: "Trường THPT Phước Chu", type: truong}
rules:
  awards:
    - {award: bang-khen-chu-tich-ubnd-tinh, count: 1}
"""
BASIS = 'basis: {number: "15/QĐ-SGDĐT", date: 2017-09-05, issuer: "Sở Giáo dục và Đào tạo tỉnh Ninh Thuận", title: "về việc phân chia các khối thi đua năm học 2017–2018"}\n'
YEAR_2017 = """\
cluster: demo
year: 2017
scores_illustrative: true
members: [truong-thpt-bac-ai, truong-thpt-ninh-hai]
{basis}leadership: {{chair: truong-thpt-bac-ai, vice_chairs: [truong-thpt-ninh-hai]}}
review: {{date: 2018-07-20}}
indicators: [{{id: tong-hop, name: "Tổng hợp", max: 100}}]
scores: {{truong-thpt-bac-ai: {{tong-hop: 90}}, truong-thpt-ninh-hai: {{tong-hop: 85}}}}
"""
YEAR_2018 = """\
cluster: demo
year: 2018
scores_illustrative: true
members: [truong-thpt-bac-ai, truong-thpt-phuoc-chau]
{basis}review: {{date: 2019-07-20}}
"""
SCHOOL = {"vi": "năm học 2017–2018", "en": "school year 2017–2018"}
NEXT = {"vi": "năm học 2018–2019", "en": "school year 2018–2019"}


def school_data(root: Path, basis_2017: bool = True, basis_2018: bool = False, cluster: str = CLUSTER) -> Path:
    years = {2017: YEAR_2017.format(basis=BASIS if basis_2017 else ""), 2018: YEAR_2018.format(basis=BASIS.replace("2017-09-05", "2018-09-05") if basis_2018 else "")}
    return write_data(root, years, cluster=cluster)


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return school_data(tmp_path_factory.mktemp("periods") / "data")


def run(lang: str, *args: Any) -> str:
    result = invoke(["--lang", lang, *args])
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- every report


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_report_writes_the_school_year(lang: str, school: Path, tmp_path: Path) -> None:
    data = ["--data", school]
    said = SCHOOL[lang]
    assert f"Khối thi đua các trường THPT tỉnh Ninh Thuận (demo), {said}" in run(lang, "rank", "2017", *data)
    assert said in one_line(run(lang, "rank", "2017", "--explain", "truong-thpt-bac-ai", *data)).split("\n")[0]
    title = f"demo · Khối thi đua các trường THPT tỉnh Ninh Thuận · {said}"
    assert title in run(lang, "awards", "2017", *data)
    assert f"## {title}" in run(lang, "awards", "2017", "--format", "markdown", *data)
    table = run(lang, "awards", "2017", "--format", "csv", *data).lstrip("\ufeff").splitlines()
    assert table[0].startswith("cluster,year,period,") and table[1].startswith(f"demo,2017,{said},")
    history = run(lang, "history", "truong-thpt-bac-ai", *data)
    assert [line for line in history.splitlines() if line.startswith(said)], history  # the Year column, whole
    assert f"| {said} |" in run(lang, "history", "truong-thpt-bac-ai", "--format", "markdown", *data)
    rotate = one_line(run(lang, "rotate", "--cluster", "demo", "--from", "2017", "--years", "2", *data))
    assert f"{said} → " not in rotate  # a schedule: "after năm học 2017–2018"
    assert said in rotate and ("Năm học 2018–2019:" if lang == "vi" else "School year 2018–2019:") in rotate
    single = one_line(run(lang, "rotate", "--cluster", "demo", "--from", "2017", *data))
    assert f"{said} → {NEXT[lang]}" in single and "2017–2018 (" in single  # title; the table's short heading


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_json_keeps_the_year_and_adds_the_period_as_data(lang: str, school: Path) -> None:
    period = {"code": "period.school_year", "params": {"start": "2017", "end": "2018"}, "message": SCHOOL[lang]}
    (awards,) = json.loads(run(lang, "awards", "2017", "--format", "json", "--data", school))
    assert (awards["year"], awards["period"]) == (2017, period)
    assert list(awards)[:4] == ["cluster", "name", "year", "period"]
    (ranked,) = json.loads(run(lang, "rank", "2017", "--format", "json", "--data", school))
    assert (ranked["year"], ranked["period"]) == (2017, period)
    history = json.loads(run(lang, "history", "truong-thpt-bac-ai", "--format", "json", "--data", school))
    assert [(r["year"], r.get("period")) for r in history["records"]] == [(2017, period), (2018, {**period, "params": {"start": "2018", "end": "2019"}, "message": NEXT[lang]})]
    rotate = json.loads(run(lang, "rotate", "--cluster", "demo", "--from", "2017", "--format", "json", "--data", school))
    assert (rotate["from_year"], rotate["from_period"], rotate["to_year"], rotate["to_period"]["params"]) == (2017, period, 2018, {"start": "2018", "end": "2019"})


def _without_words(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_words(v) for k, v in value.items() if k not in ("message", "hint")}
    if isinstance(value, list):
        return [_without_words(v) for v in value]
    return value


@pytest.mark.parametrize("args", [["awards", "2017"], ["rank", "2017"], ["history", "truong-thpt-bac-ai"], ["rotate", "--cluster", "demo", "--from", "2017"]])
def test_the_period_in_json_is_the_same_in_every_language(args: list[str], school: Path) -> None:
    vi, en = (json.loads(run(lang, *args, "--format", "json", "--data", school)) for lang in ("vi", "en"))
    assert vi != en
    assert _without_words(vi) == _without_words(en)


def test_workbooks_write_the_school_year(school: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    sheet = tmp_path / "sheet.xlsx"
    run("en", "sheet", "export", "demo", "2017", "--output", sheet, "--layout", "matrix", "--data", school)
    assert openpyxl.load_workbook(sheet).worksheets[0]["A1"].value == "BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM HỌC 2017–2018"
    ranking = tmp_path / "rank.xlsx"
    run("vi", "rank", "2017", "--format", "xlsx", "--output", ranking, "--data", school)
    assert openpyxl.load_workbook(ranking).worksheets[0]["A1"].value.startswith("KẾT QUẢ XẾP HẠNG THI ĐUA NĂM HỌC 2017–2018: ")
    awards = tmp_path / "awards.xlsx"
    run("en", "awards", "2017", "--format", "xlsx", "--output", awards, "--data", school)
    assert openpyxl.load_workbook(awards).worksheets[0]["A1"].value == "demo · Khối thi đua các trường THPT tỉnh Ninh Thuận · school year 2017–2018"


def test_the_site_writes_the_school_year_on_unit_pages(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    run("vi", "site", "--output", out, "--data", school)
    link = '<a href="../clusters/demo/2017.html">{}</a>'
    assert link.format(SCHOOL["vi"]) in (out / "units" / "truong-thpt-bac-ai.html").read_text(encoding="utf-8")
    assert link.format(SCHOOL["en"]) in (out / "en" / "units" / "truong-thpt-bac-ai.html").read_text(encoding="utf-8")


def test_the_site_writes_the_school_year_on_cluster_and_award_pages(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    run("vi", "site", "--output", out, "--data", school)
    page = (out / "clusters" / "demo" / "2017.html").read_text(encoding="utf-8")
    assert "<title>Khối thi đua các trường THPT tỉnh Ninh Thuận năm học 2017–2018 · thidua</title>" in page
    assert "<h1>Khối thi đua các trường THPT tỉnh Ninh Thuận · năm học 2017–2018</h1>" in page
    english = (out / "en" / "clusters" / "demo" / "2017.html").read_text(encoding="utf-8")
    assert "<h1>Khối thi đua các trường THPT tỉnh Ninh Thuận · school year 2017–2018</h1>" in english
    assert '<a href="2017.html">năm học 2017–2018</a>' in (out / "clusters" / "demo" / "index.html").read_text(encoding="utf-8")
    award = (out / "awards" / "bang-khen-chu-tich-ubnd-tinh.html").read_text(encoding="utf-8")
    assert ">năm học 2017–2018</a>" in award


def test_the_site_templates_write_a_period_given_in_the_page_data(tmp_path: Path) -> None:
    """What the templates do with the ``period`` of a page's data (a Message), whoever gathers it."""
    from thidua.domain.message import Message
    from thidua.domain.models import Rules
    from thidua.output.site.builder import SiteModel, write_site

    period = Message("period.school_year", {"start": "2017", "end": "2018"})
    year = {"number": 2017, "period": period, "members": [], "chair": None, "vice_chairs": [], "awards": [{"award": "x", "title": "Bằng khen", "member": "a", "name": "A", "kind": "decided"}]}
    cluster = {"id": "demo", "name": "Khối THPT", "kind": "khoi", "level": "province", "organiser": "Sở GDĐT", "rules": Rules(), "titles": {}, "sources": [], "years": [year], "latest": 2017}
    page = {"id": "demo", "name": "Khối THPT", "year": 2017, "period": period, "status": "no_scores", "illustrative": False, "groups": [], "rows": [], "decided": [], "recommended": [],
            "chair": None, "vice_chairs": [], "election": None, "review": None, "facts": [], "note": None, "sources": []}
    awards = {"x": {"title": "Bằng khen", "rows": [{"year": 2017, "period": period, "cluster": "demo", "cluster_name": "Khối THPT", "member": "a", "name": "A", "kind": "decided"}]}}
    write_site(SiteModel(clusters=[cluster], years=[page], histories={}, awards=awards, built="01/01/2026"), tmp_path)
    assert "<h1>Khối THPT · năm học 2017–2018</h1>" in (tmp_path / "clusters" / "demo" / "2017.html").read_text(encoding="utf-8")
    assert "<title>Khối THPT school year 2017–2018 · thidua</title>" in (tmp_path / "en" / "clusters" / "demo" / "2017.html").read_text(encoding="utf-8")
    index = (tmp_path / "clusters" / "demo" / "index.html").read_text(encoding="utf-8")
    assert '<a href="2017.html">năm học 2017–2018</a>' in index and '<th scope="row">năm học 2017–2018</th>' in index
    assert ">năm học 2017–2018</a>" in (tmp_path / "awards" / "x.html").read_text(encoding="utf-8")
    assert ">năm học 2017–2018</a>" in (tmp_path / "index.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- calendar years unchanged


def test_a_calendar_cluster_is_written_as_before() -> None:
    data = ["--data", DATA]
    assert "dbsh · Cụm thi đua các tỉnh đồng bằng sông Hồng · năm 2023" in run("vi", "awards", "2023", *data)
    assert "Cụm thi đua các tỉnh đồng bằng sông Hồng (dbsh), 2023" in run("en", "rank", "2023", "--cluster", "dbsh", *data)
    assert run("vi", "awards", "2023", "--format", "csv", *data).lstrip("\ufeff").startswith("cluster,year,Hạng,")
    for args in (["awards", "2023"], ["rank", "2023"]):
        assert all("period" not in item for item in json.loads(run("en", *args, "--format", "json", *data)))
    history = json.loads(run("en", "history", "ha-noi", "--format", "json", *data))
    assert history["records"] and all("period" not in r for r in history["records"])
    rotate = json.loads(run("en", "rotate", "--cluster", "dbsh", "--from", "2024", "--format", "json", *data))
    assert "from_period" not in rotate and "to_period" not in rotate


# --------------------------------------------------------------------------- TD317: a change of members without a basis


def _td317(root: Path) -> list[tuple[str, int, int, str, str]]:
    from thidua.output.i18n import say, say_hint

    return [(Path(d.file).name, d.line, d.column, d.severity, say(d.message, "en") + " | " + say_hint(d.message, "en")) for d in validate_paths([root]).diagnostics if d.code == "TD317"]


def test_a_change_of_members_without_a_basis_is_noted_at_the_members_key(tmp_path: Path) -> None:
    root = school_data(tmp_path / "data")
    assert _td317(root) == [(
        "2018.yaml", 4, 1, "info",
        "the members of 2018 (2) differ from those of 2017 (2): joined Trường THPT Phước Chu (truong-thpt-phuoc-chau); "
        "left Trường THPT Ninh Hải (truong-thpt-ninh-hai); the 2018 file records no basis (the decision that set them)"
        ' | record the decision under `basis:` in the 2018 file, e.g. `basis: {number: "15/QĐ-UBND", date: 2018-01-10, issuer: "UBND tỉnh …", title: "về việc …"}`; validate and the documents cite it',
    )]
    strict = validate_paths([root], strict=True).diagnostics
    assert [d.severity for d in strict if d.code == "TD317"] == ["info"]  # a note: --strict stays clean


def test_a_member_who_only_joined_is_named_and_nobody_is_said_to_leave(tmp_path: Path) -> None:
    from thidua.output.i18n import say

    grown = YEAR_2018.format(basis="").replace("[truong-thpt-bac-ai, truong-thpt-phuoc-chau]", "[truong-thpt-bac-ai, truong-thpt-ninh-hai, truong-thpt-phuoc-chau]")
    root = write_data(tmp_path / "data", {2017: YEAR_2017.format(basis=""), 2018: grown}, cluster=CLUSTER)
    (found,) = [d for d in validate_paths([root]).diagnostics if d.code == "TD317"]
    assert say(found.message, "vi") == ("thành viên năm 2018 (3) khác năm 2017 (2): thêm Trường THPT Phước Chu (truong-thpt-phuoc-chau); "
                                        "tệp năm 2018 chưa ghi căn cứ (quyết định quy định thành viên)")


def test_no_note_with_a_basis_the_same_members_or_a_renamed_member(tmp_path: Path) -> None:
    assert _td317(school_data(tmp_path / "basis" / "data", basis_2018=True)) == []
    same = write_data(tmp_path / "same" / "data", {2017: YEAR_2017.format(basis=""), 2018: YEAR_2018.format(basis="").replace("truong-thpt-phuoc-chau", "truong-thpt-ninh-hai")}, cluster=CLUSTER)
    assert _td317(same) == []
    # THPT Ninh Hải becomes THCS&THPT Ninh Hải on 01/09/2018: the same member under its new name
    renamed = CLUSTER.replace(
        '  - {id: truong-thpt-ninh-hai, name: "Trường THPT Ninh Hải", type: truong}',
        '  - {id: truong-thpt-ninh-hai, name: "Trường THPT Ninh Hải", type: truong, valid_to: 2018-08-31, successor: truong-thcs-thpt-ninh-hai, change: rename}\n'
        '  - {id: truong-thcs-thpt-ninh-hai, name: "Trường THCS&THPT Ninh Hải", type: truong, valid_from: 2018-09-01, predecessors: [truong-thpt-ninh-hai]}',
    )
    moved = write_data(tmp_path / "renamed" / "data", {2017: YEAR_2017.format(basis=""), 2018: YEAR_2018.format(basis="").replace("truong-thpt-phuoc-chau", "truong-thcs-thpt-ninh-hai")}, cluster=renamed)
    assert [d.code for d in validate_paths([moved]).diagnostics if d.severity != "info"] == []
    assert _td317(moved) == []


def test_the_shipped_data_stays_strict_clean_with_its_one_note() -> None:
    found = validate_paths([DATA], strict=True).diagnostics
    assert [d.code for d in found if d.severity != "info"] == []
    assert [(Path(d.file).parent.name, d.line) for d in found if d.code == "TD317"] == [("tp-truc-thuoc-tw", 12)]  # Huế joins in 2025


# --------------------------------------------------------------------------- the dossier


def _docx_text(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_the_dossier_cites_the_basis_and_writes_the_school_year(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    run("vi", "awards", "2017", "--docx", out, "--data", school)
    to_trinh = _docx_text(out / "demo-2017-to-trinh.docx")
    cited = "Căn cứ Quyết định số 15/QĐ-SGDĐT ngày 05/09/2017 của Sở Giáo dục và Đào tạo tỉnh Ninh Thuận về việc phân chia các khối thi đua năm học 2017–2018;"
    assert cited in to_trinh
    assert to_trinh.index(cited) < next(i for i, p in enumerate(to_trinh) if p.startswith("Căn cứ Quy chế"))
    assert "Về việc đề nghị khen thưởng thành tích thi đua năm học 2017–2018" in to_trinh
    assert "I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM HỌC 2017–2018" in to_trinh
    assert not any("năm 2017 " in p or p.endswith("năm 2017") for p in to_trinh)
    bien_ban = _docx_text(out / "demo-2017-bien-ban.docx")
    assert "Họp bình xét thi đua, khen thưởng năm học 2017–2018" in bien_ban
    assert cited.replace("Căn cứ ", "- ") in bien_ban


def test_the_dossier_invents_no_basis(tmp_path: Path) -> None:
    root = school_data(tmp_path / "data", basis_2017=False)
    out = tmp_path / "docs"
    run("vi", "awards", "2017", "--docx", out, "--data", root)
    for name in ("to-trinh", "bien-ban"):
        text = _docx_text(out / f"demo-2017-{name}.docx")
        assert not [p for p in text if "Quyết định số" in p or "15/QĐ" in p], name
        assert not [p for p in text if p.strip() in ("Căn cứ ;", "- ;")], name


def test_a_calendar_dossier_still_says_nam(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    run("vi", "awards", "2023", "--cluster", "dbsh", "--docx", out, "--data", DATA)
    text = _docx_text(out / "dbsh-2023-to-trinh.docx")
    assert "Về việc đề nghị khen thưởng thành tích thi đua năm 2023" in text
    assert "I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM 2023" in text


# --------------------------------------------------------------------------- rotate --write


def test_the_next_years_file_writes_the_school_year_and_assumes_no_basis(tmp_path: Path) -> None:
    root = school_data(tmp_path / "data")
    (root / "clusters" / "demo" / "2018.yaml").unlink()
    run("vi", "rotate", "--cluster", "demo", "--from", "2017", "--write", "--data", root)
    written = (root / "clusters" / "demo" / "2018.yaml").read_text(encoding="utf-8")
    assert written.startswith("# Năm học 2018–2019: tạo bằng `thidua rotate` từ 2017.yaml;")
    assert "# Lãnh đạo Cụm năm học 2018–2019 (" in written
    assert "basis:" not in written and "15/QĐ-SGDĐT" not in written
