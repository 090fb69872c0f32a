"""The rows the site writes in Python (ranking, history, award recipients, members by year)
escape every name as jinja's autoescaping does: no cluster or unit name can inject markup."""

from __future__ import annotations

from pathlib import Path

from support import copy_data
from thidua.repository.loader import load_repository
from thidua.services.site import build_site

UNIT = """<i>N</i> & "q" 'r'"""
UNIT_ESCAPED = "&lt;i&gt;N&lt;/i&gt; &amp; &#34;q&#34; &#39;r&#39;"
CLUSTER = "Cụm <b>x</b> & y"
CLUSTER_ESCAPED = "Cụm &lt;b&gt;x&lt;/b&gt; &amp; y"


def test_names_in_the_rows_written_in_python_are_escaped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    copy_data(data)
    registry = data / "provinces.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("name: Nam Định", f"name: '{UNIT.replace(chr(39), chr(39) * 2)}'", 1), encoding="utf-8")
    cluster = data / "clusters" / "dbsh" / "cluster.yaml"
    text = cluster.read_text(encoding="utf-8")
    cluster.write_text(text.replace('name: "Cụm thi đua các tỉnh đồng bằng sông Hồng"', f'name: "{CLUSTER}"', 1), encoding="utf-8")
    repo = load_repository(data)
    assert repo.registry.name("nam-dinh") == UNIT
    out = tmp_path / "out"
    build_site(repo, out)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<i>N</i>" not in html and "<b>x</b>" not in html, page
    for lang in ("", "en/"):
        unit_page = (out / lang / "units" / "nam-dinh.html").read_text(encoding="utf-8")
        assert UNIT_ESCAPED in unit_page
        assert f">{CLUSTER_ESCAPED}</a></td>" in unit_page  # the history rows' cluster column
        year_page = (out / lang / "clusters" / "dbsh" / "2023.html").read_text(encoding="utf-8")
        assert f'<th scope="row"><a href="../../units/nam-dinh.html">{UNIT_ESCAPED}</a></th>' in year_page  # a ranking row
        cluster_page = (out / lang / "clusters" / "dbsh" / "index.html").read_text(encoding="utf-8")
        assert f'<a href="../../units/nam-dinh.html">{UNIT_ESCAPED}</a>' in cluster_page  # members by year
        awards = [p.read_text(encoding="utf-8") for p in (out / lang / "awards").glob("*.html")]
        assert any(f">{CLUSTER_ESCAPED}</a></td>" in page for page in awards)  # recipients' cluster
