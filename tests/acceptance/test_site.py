"""thidua site: the static website built from the shipped data, checked without a browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support import DATA, copy_data, runner
from thidua.cli.app import app
from thidua.output.site.search import search_key
from thidua.repository.loader import load_repository
from thidua.services.site import MARKER, Refused, build_site


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append((tag, name, value))
            if tag == "html" and name == "lang":
                self.html_lang = value


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    build_site(load_repository(DATA), out, base_url="https://example.org/data/")
    return out


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_pages_exist_in_both_languages(site: Path) -> None:
    for page in ["index.html", "clusters/dbsh/index.html", "clusters/dbsh/2023.html", "units/nam-dinh.html",
                 "units/ninh-binh-2025.html", "awards/co-thi-dua-chinh-phu.html", "search-index.js"]:
        assert (site / page).is_file(), page
        assert (site / "en" / page).is_file(), page
    assert parse(site / "index.html").html_lang == "vi"
    assert parse(site / "en" / "index.html").html_lang == "en"


def test_every_internal_link_resolves_to_a_file(site: Path) -> None:
    broken = []
    for page in html_files(site):
        for tag, attr, value in parse(page).links:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https", "data", "mailto") or value.startswith("#"):
                continue
            assert not value.startswith("/"), f"{page}: absolute link {value}"
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: <{tag} {attr}={value}>")
    assert broken == []


def test_nothing_loads_from_the_network(site: Path) -> None:
    for page in html_files(site):
        for tag, attr, value in parse(page).links:
            external = value.startswith(("http://", "https://", "//"))
            if tag == "a":  # a link to a source may be external: the reader follows it, nothing loads
                continue
            if tag == "link" and external:
                # a canonical link names the page's public address; it loads nothing
                text = page.read_text(encoding="utf-8")
                assert f'<link rel="canonical" href="{value}">' in text, f"{page}: {value}"
                continue
            assert not external, f"{page}: <{tag} {attr}={value}> loads from the network"
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css) and "@import" not in css and "@font-face" not in css
    js = (site / "assets" / "search.js").read_text(encoding="utf-8")
    assert "http" not in js and "fetch(" not in js and "XMLHttpRequest" not in js


def test_the_nam_dinh_page_shows_its_flag_and_points_to_its_successor(site: Path) -> None:
    text = (site / "units" / "nam-dinh.html").read_text(encoding="utf-8")
    assert "Cờ thi đua của Chính phủ" in text
    assert 'href="../units/ninh-binh-2025.html"' in text
    assert "<svg" in text and "<table" in text  # the chart and its table alternative
    merged = (site / "units" / "ninh-binh-2025.html").read_text(encoding="utf-8")
    assert "khi là Nam Định" in merged


def test_illustrative_scores_are_marked(site: Path) -> None:
    text = (site / "clusters" / "dbsh" / "2023.html").read_text(encoding="utf-8")
    assert "Điểm minh hoạ" in text and 'class="badge"' in text
    english = (site / "en" / "clusters" / "dbsh" / "2023.html").read_text(encoding="utf-8")
    assert "Illustrative scores" in english


def test_tables_scroll_in_a_container_and_headers_have_scope(site: Path) -> None:
    for page in html_files(site):
        text = page.read_text(encoding="utf-8")
        assert text.count("<table") == text.count('<div class="table-wrap"><table'), page
        assert not re.search(r"<th(?=[\s>])(?![^>]*scope=)[^>]*>", text), page


def test_the_footer_has_the_build_date_and_revision(site: Path) -> None:
    text = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Tạo ngày \d\d/\d\d/\d{4}", text)


def test_the_search_index_covers_units_clusters_and_awards(site: Path) -> None:
    text = (site / "search-index.json").read_text(encoding="utf-8")
    assert '"k":"ha noi' in text or '"k":"thanh pho ha noi' in text
    assert "units/nam-dinh.html" in text and "clusters/dbsh/index.html" in text and "awards/co-thi-dua-chinh-phu.html" in text


@pytest.mark.parametrize(("text", "key"), [("Hà Nội", "ha noi"), ("ĐẮK LẮK", "dak lak"), ("Đà  Nẵng", "da nang"), ("Hoà Bình", "hoa binh"), ("Hòa Bình", "hoa binh"), ("Ha Noi", "ha noi")])
def test_search_key_strips_diacritics_including_d_bar(text: str, key: str) -> None:
    assert search_key(text) == key


def test_a_hostile_name_is_escaped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    copy_data(data)
    registry = data / "provinces.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("name: Nam Định", 'name: "<script>alert(1)</script>"', 1), encoding="utf-8")
    repo = load_repository(data)
    assert repo.registry.name("nam-dinh") == "<script>alert(1)</script>"
    out = tmp_path / "out"
    build_site(repo, out)
    for page in out.rglob("*.html"):
        assert "<script>alert(1)" not in page.read_text(encoding="utf-8"), page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (out / "units" / "nam-dinh.html").read_text(encoding="utf-8")
    assert "</script>" not in (out / "search-index.js").read_text(encoding="utf-8")


def test_a_directory_not_made_by_thidua_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(Refused):
        build_site(load_repository(DATA), out)
    result = runner.invoke(app, ["site", "-o", str(out), "--data", str(DATA)])
    assert result.exit_code == 2 and "--force" in result.stderr
    result = runner.invoke(app, ["site", "-o", str(out), "--data", str(DATA), "--force"])
    assert result.exit_code == 0, result.output
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert not (out / MARKER).exists(), "a forced directory is not claimed: a later build must not empty it"
    with pytest.raises(Refused):
        build_site(load_repository(DATA), out)


def test_a_rebuild_replaces_its_own_output(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = runner.invoke(app, ["site", "-o", str(out), "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    (out / "units" / "stale.html").write_text("old", encoding="utf-8")
    result = runner.invoke(app, ["site", "-o", str(out), "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    assert not (out / "units" / "stale.html").exists()
    assert (out / MARKER).exists()
