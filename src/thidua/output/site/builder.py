"""Render the site's pages with jinja2 (autoescape on: no name in the data can inject markup).

Pages are addressed relative to a language root: Vietnamese at the site root, English under
``en/``. Every link is relative, so the site works from ``file://`` and under any sub-path.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from thidua.domain.history import UnitHistory
from thidua.output.i18n import say, t
from thidua.output.render.history import awards_text, place_text, roles_text, unit_text
from thidua.output.render.text import number
from thidua.output.site.chart import place_chart
from thidua.output.site.search import search_key

LANGS = ("vi", "en")


@dataclass
class SiteModel:
    """Everything the pages show, gathered by ``thidua.services.site``; language-neutral."""

    clusters: list[dict[str, Any]]  # each: id, name, kind, level, organiser, rules, titles, sources, years
    years: list[dict[str, Any]]  # cluster-year pages: see services.site
    histories: dict[str, UnitHistory]
    awards: dict[str, dict[str, Any]]  # award id -> title, rows
    built: str
    revision: str | None = None
    base_url: str | None = None
    pages: list[str] = field(default_factory=list)


def environment() -> Environment:
    from thidua.output.render.text import day

    env = Environment(
        loader=PackageLoader("thidua.output.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = day  # dd/mm/yyyy: the one date format
    return env


def _translator(lang: str) -> Callable[..., str]:
    def translate(key: str, **params: Any) -> str:
        return t(key, lang=lang, **params)

    return translate


def _context(model: SiteModel, lang: str, path: str) -> dict[str, Any]:
    depth = path.count("/")
    root = "../" * depth
    site_root = root + ("../" if lang == "en" else "")
    other_lang = "en" if lang == "vi" else "vi"
    other = site_root + ("en/" if lang == "vi" else "") + path
    canonical = None
    if model.base_url:
        canonical = model.base_url.rstrip("/") + "/" + ("en/" if lang == "en" else "") + path
    return {
        "lang": lang,
        "_": _translator(lang),
        "root": root,
        "assets": site_root + "assets/",
        "other": other,
        "other_lang": other_lang,
        "canonical": canonical,
        "built": model.built,
        "revision": model.revision,
        "unit_pages": model.histories,
        "sources": [],
    }


def _history_rows(history: UnitHistory, lang: str) -> list[dict[str, Any]]:
    rows = []
    for r in history.records:
        decided = {a.award for a in r.decided}
        awards = [{"award": a.award, "title": a.title, "kind": "decided"} for a in r.decided]
        awards += [{"award": a.award, "title": a.title, "kind": "recommended"} for a in r.recommended if a.award not in decided]
        rows.append({
            "year": r.year, "cluster": r.cluster, "cluster_name": r.cluster_name, "unit": unit_text(r, lang),
            "place": place_text(r, lang), "ranked": r.rank is not None, "illustrative": r.illustrative,
            "roles": roles_text(r, lang), "awards": awards, "awards_text": awards_text(r, lang),
        })
    return rows


def _localise_year(page: dict[str, Any], lang: str) -> dict[str, Any]:
    out = dict(page)
    out["rows"] = [
        {**row, "total": number(row["total"], lang=lang), "bonus": number(row["bonus"], lang=lang),
         "deductions": number(row["deductions"], lang=lang), "groups": [number(g, lang=lang) for g in row["groups"]]}
        for row in page["rows"]
    ]
    out["recommended"] = [{**r, "reason": say(r["reason"], lang)} for r in page["recommended"]]
    out["facts"] = [{**f, "value": number(f["raw"], lang=lang) + (f" {f['unit']}" if f["unit"] else "")} for f in page["facts"]]
    return out


def pages(model: SiteModel, lang: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path under the language root, template, page variables) of every page."""
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for c in model.clusters:
        groups.setdefault(c["level"], {}).setdefault(c["organiser"], []).append(c)
    order = ["central", "ministry", "province"]
    grouped = [(level, sorted(groups[level].items())) for level in sorted(groups, key=lambda lv: order.index(lv) if lv in order else 9)]
    unit_list = sorted(({"id": uid, "name": h.label} for uid, h in model.histories.items()), key=lambda u: search_key(u["name"]))
    award_list = [{"id": aid, "title": a["title"]} for aid, a in sorted(model.awards.items())]
    yield "index.html", "home.html", {"groups": grouped, "unit_list": unit_list, "award_list": award_list}
    for c in model.clusters:
        yield f"clusters/{c['id']}/index.html", "cluster.html", {"c": c, "sources": c["sources"]}
    for page in model.years:
        yield f"clusters/{page['id']}/{page['year']}.html", "cluster_year.html", {"cy": _localise_year(page, lang), "sources": page["sources"]}
    for uid, history in model.histories.items():
        chart = place_chart(history.places, t("site.chart_label", lang=lang, name=history.full_name), t("col.year", lang=lang), t("col.place", lang=lang))
        yield f"units/{uid}.html", "unit.html", {"h": history, "rows": _history_rows(history, lang), "chart": chart}
    for aid, award in model.awards.items():
        yield f"awards/{aid}.html", "award.html", {"a": award}


def search_index(model: SiteModel, lang: str) -> list[dict[str, str]]:
    entries = []
    for uid, h in model.histories.items():
        entries.append({"t": h.label, "u": f"units/{uid}.html", "c": t("site.kind_label.unit", lang=lang)})
    for c in model.clusters:
        entries.append({"t": c["name"], "u": f"clusters/{c['id']}/index.html", "c": t("site.kind_label.cluster", lang=lang)})
    for aid, a in model.awards.items():
        entries.append({"t": a["title"], "u": f"awards/{aid}.html", "c": t("site.kind_label.award", lang=lang)})
    for e in entries:
        e["k"] = search_key(e["t"])
    return entries


def write_site(model: SiteModel, out: Path) -> int:
    """Write every page in both languages, the assets and the search index; the number of pages."""
    env = environment()
    count = 0
    for lang in LANGS:
        base = out if lang == "vi" else out / "en"
        for path, template, variables in pages(model, lang):
            html = env.get_template(template).render({**_context(model, lang, path), **variables})
            target = base / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
            count += 1
        index = search_index(model, lang)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (base / "search-index.json").write_text(text + "\n", encoding="utf-8")
        # A script, not fetch(): browsers refuse to fetch JSON from file:// pages.
        (base / "search-index.js").write_text("window.THIDUA_SEARCH=" + text.replace("</", "<\\/") + ";\n", encoding="utf-8")
    assets = out / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("style.css", "search.js"):
        (assets / name).write_bytes(resources.files("thidua.output.site").joinpath("static", name).read_bytes())
    return count
