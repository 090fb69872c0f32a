"""Render the site's pages with jinja2 (autoescape on: no name in the data can inject markup).

Pages are addressed relative to a language root: Vietnamese at the site root, English under
``en/``. Every link is relative, so the site works from ``file://`` and under any sub-path.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

from thidua.domain.history import UnitHistory
from thidua.output.i18n import Said, t
from thidua.output.render.history import place_text, roles_text, unit_text
from thidua.output.render.text import number
from thidua.output.site.chart import place_chart
from thidua.output.site.html import html_text
from thidua.output.site.search import search_key

LANGS = ("vi", "en")
SECTIONS = ("home", "clusters", "years", "units", "awards")
CLUSTER_SECTIONS = ("clusters", "years")  # the pages of one cluster, made where it was ranked
SHARED_SECTIONS = ("home", "units", "awards")  # the pages made from every cluster's summary


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
    # which units have a page (unit links point there): ``histories`` unless given
    unit_pages: Container[str] | None = None
    sections: tuple[str, ...] = SECTIONS  # which pages ``pages`` lists


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """jinja's environment with a shorter path for ``page.name`` on a plain dict, which the
    pages read hundreds of thousands of times: jinja first tries the attribute (an exception
    for every dict key) and then the key. Same result: a dict's attributes still come first."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except LookupError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


_environments: dict[str, Environment] = {}  # one per language and process: templates compile once


def environment(lang: str = "vi") -> Environment:
    found = _environments.get(lang)
    if found is None:
        found = _environments[lang] = _new_environment(lang)
    return found


TEMPLATES = ("base.html", "home.html", "cluster.html", "award.html", "sources.html")


def compile_templates() -> None:
    """Both languages' templates compiled in this process: before forking workers, once for all of them."""
    for lang in LANGS:
        env = environment(lang)
        for name in TEMPLATES:
            env.get_template(name)


def _new_environment(lang: str) -> Environment:
    from thidua.output.render.text import day

    env = _Environment(
        loader=PackageLoader("thidua.output.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # the templates ship with the package: no stat() of each one for every page
    )
    env.filters["day"] = day  # dd/mm/yyyy: the one date format
    # Links, badges and the rows of long tables are Python functions, not jinja macros or loops:
    # a page calls them hundreds of times, and a macro call costs ~20 times more. They escape
    # what they insert. ``unit`` and ``award`` are made for each page (``_context``).
    translate = _translator(lang)
    labels = _Labels(lang)  # ``L['key']``: a label without parameters, a lookup where ``_('key')`` is a call
    badge = Markup('<span class="badge" title="%s">%s</span>') % (translate("site.illustrative"), translate("site.illustrative_short"))
    env.globals.update(illustrative_badge=badge, _=translate, L=labels, sources_list=_sources_body, leaders_body=_leaders_body, awards_by_year_body=_awards_by_year_body,
                       award_body=_award_body, members_body=_members_body)
    return env


_Link = Callable[[str, str], Markup]


_Made = dict[tuple[Any, ...], Any]  # what pages at one depth share: links, a history row's cells (``_history_body``)


def _links(root: str, unit_pages: Container[str], cache: _Made) -> tuple[_Link, _Link]:
    """The page's ``unit(id, name)`` and ``award(id, title)``: links relative to ``root``; a unit
    without a page is its escaped name. ``cache``: the links already made for pages at that depth."""
    # Markup('<a href="%s…">%s</a>') % (…) escapes each value the same way, at several times the cost
    href = escape(root)

    def unit(unit_id: str, name: str) -> Markup:
        key = ("u", unit_id, name)
        found = cache.get(key)
        if found is None:
            if unit_id in unit_pages:
                found = Markup(f'<a href="{href}units/{escape(unit_id)}.html">{escape(name)}</a>')
            else:
                found = escape(name)
            cache[key] = found
        return found

    def award(award_id: str, title: str) -> Markup:
        key = ("a", award_id, title)
        found = cache.get(key)
        if found is None:
            found = cache[key] = Markup(f'<a href="{href}awards/{escape(award_id)}.html">{escape(title)}</a>')
        return found

    return unit, award


class _Labels(dict[str, str]):
    """The labels of a language, each translated the first time it is read."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, key: str) -> str:
        found = self[key] = t(key, lang=self.lang)
        return found


def _translator(lang: str) -> Callable[..., str]:
    plain: dict[Any, str] = {}  # the same few dozen labels (and periods), thousands of times

    def translate(key: str, **params: Any) -> str:
        if params:
            try:
                wanted: Any = (key, frozenset(params.items()))
                found = plain.get(wanted)
            except TypeError:  # a value that cannot be a key: translated each time
                return t(key, lang=lang, **params)
            if found is None:
                found = plain[wanted] = t(key, lang=lang, **params)
            return found
        found = plain.get(key)
        if found is None:
            found = plain[key] = t(key, lang=lang)
        return found

    return translate


def _ranking_rows(rows: list[dict[str, Any]], unit: _Link, lang: str, tied: str) -> str:
    """The ranking table's rows (a cluster-year page); scores the page's language's way."""
    written = _written.setdefault(lang, {})

    get = written.get

    def num(value: float | int | None) -> str:  # a score as the page writes it (escaped): each one formatted once
        # ``number`` writes 1, 1.0 and True alike, but 0.0 "0" and -0.0 "-0": those are kept by their repr
        key = value if value else repr(value)
        found = get(key)
        if found is None:
            found = written[key] = html_text(_number(value, lang))
        return found

    out = []
    for r in rows:
        rank = r["rank"]
        groups = "".join([f'<td class="num">{get(g) or num(g)}</td>' for g in r["groups"]])
        out.append(
            f'<tr><td class="num">{rank if type(rank) is int else html_text(rank)}{tied if r["tied"] else ""}</td>'
            f'<th scope="row">{unit(r["id"], r["name"])}</th>{groups}<td class="num">{get(r["bonus"]) or num(r["bonus"])}</td>'
            f'<td class="num">{get(r["deductions"]) or num(r["deductions"])}</td><td class="num"><strong>{get(r["total"]) or num(r["total"])}</strong></td></tr>'
        )
    return "".join(out)


_said: dict[str, Said] = {}  # by language: each reason said once (and escaped)


def _sources_list(sources: list[Any]) -> str:
    """The list of sources (a cluster's, a cluster-year's), escaped."""
    from thidua.output.render.text import day

    out = ['<ul class="sources">']
    for s in sources:
        title = html_text(s.title)
        out.append(f'<li><a href="{html_text(s.url)}" rel="noopener noreferrer">{title}</a>' if s.url else f"<li>{title}")
        if s.document:
            out.append(f" · {html_text(s.document)}")
        if s.publisher:
            out.append(f" · {html_text(s.publisher)}")
        if s.date:
            out.append(f" · {html_text(day(s.date))}")
        if s.note:
            out.append(f'<br><span class="muted">{html_text(s.note)}</span>')
        out.append("</li>")
    out.append("</ul>")
    return "".join(out)


@pass_context
def _sources_body(ctx: Context, sources: list[Any]) -> Markup:
    return Markup(_sources_list(sources))


class _Escaped(dict[str, str]):
    """The labels of a language, translated and escaped the first time each is read."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, key: str) -> str:
        found = self[key] = html_text(t(key, lang=self.lang))
        return found


_escaped: dict[str, _Escaped] = {}


def _leaders(unit: _Link, chair: dict[str, str] | None, vice_chairs: list[dict[str, str]], labels: _Escaped) -> str:
    """The chair's and the vice-chairs' lines of a leadership list."""
    vice = ", ".join([unit(m["id"], m["name"]) for m in vice_chairs]) or "–"
    return (f'<dt>{labels["col.chair"]}</dt><dd>{unit(chair["id"], chair["name"]) if chair else "–"}</dd>\n'
            f'<dt>{labels["col.vice_chairs"]}</dt><dd>{vice}</dd>\n')


def _year_body(ctx: Mapping[str, Any], cy: dict[str, Any]) -> str:
    """A cluster-year page's main part: the ranking, the awards decided and recommended (with their
    reasons), the leadership, the facts, the note and the sources. Every value escaped here."""
    unit, award, lang, root, badge = ctx["unit"], ctx["award"], ctx["lang"], ctx["root"], ctx["illustrative_badge"]
    labels = _escaped.get(lang) or _escaped.setdefault(lang, _Escaped(lang))
    said = _said.get(lang) or _said.setdefault(lang, Said(lang))
    name = html_text(cy["name"])
    period = cy["period"]
    when = _period(ctx["_"], period, cy["year"])
    illustrative = cy["illustrative"]
    out = [
        f'<nav class="crumbs"><a href="{html_text(root)}index.html">{labels["site.home"]}</a> › <a href="index.html">{name}</a></nav>\n'
        f"<h1>{name} · {when}</h1>\n",
        f'<p class="warning" role="note">{labels["site.illustrative"]}</p>' if illustrative else "",
        f'\n<h2>{labels["site.ranking"]}{f" {badge}" if illustrative and cy["rows"] else ""}</h2>\n',
    ]
    if cy["rows"]:
        groups = "".join([f'<th scope="col" class="num">{html_text(g)}</th>' for g in cy["groups"]])
        tied = f' <span class="muted">({html_text(ctx["_"]("site.tied"))})</span>'
        out.append(
            f'<div class="table-wrap"><table class="ranking">\n<thead><tr><th scope="col">{labels["col.place"]}</th><th scope="col">{labels["col.unit"]}</th>'
            f'{groups}<th scope="col" class="num">{labels["col.bonus"]}</th><th scope="col" class="num">{labels["col.deductions"]}</th>'
            f'<th scope="col" class="num">{labels["col.total"]}</th></tr></thead>\n<tbody>{_ranking_rows(cy["rows"], unit, lang, tied)}</tbody>\n</table></div>\n'
        )
    else:
        out.append(f'<p>{labels["site.not_ranked." + cy["status"]]}</p>\n')
    out.append(f'\n<h2>{labels["site.awards"]}</h2>\n<h3>{labels["site.decided"]}</h3>\n')
    if cy["decided"]:
        rows = "".join([
            f'<tr><th scope="row">{unit(d["member"], d["name"])}</th><td>{award(d["award"], d["award_title"])}</td><td>{html_text(d["note"] or "")}</td></tr>'
            for d in cy["decided"]
        ])
        out.append(f'<div class="table-wrap"><table>\n<thead><tr><th scope="col">{labels["col.unit"]}</th><th scope="col">{labels["col.award"]}</th>'
                   f'<th scope="col">{labels["col.note"]}</th></tr></thead>\n<tbody>{rows}</tbody>\n</table></div>')
    else:
        out.append(f'<p>{labels["site.no_awards"]}</p>')
    recommended = cy["recommended"]
    out.append(f'<h3>{labels["site.recommended"]}{f" {badge}" if illustrative and recommended else ""}</h3>\n')
    if recommended:
        rows = "".join([
            f'<tr><th scope="row">{unit(r["member"], r["name"])}</th><td>{award(r["award"], r["title"])}</td><td>{html_text(said(r["reason"]))}</td></tr>'
            for r in recommended
        ])
        out.append(f'<div class="table-wrap"><table>\n<thead><tr><th scope="col">{labels["col.unit"]}</th><th scope="col">{labels["col.award"]}</th>'
                   f'<th scope="col">{labels["col.reason"]}</th></tr></thead>\n<tbody>{rows}</tbody>\n</table></div>')
    else:
        out.append(f'<p>{labels["site.no_awards"]}</p>')
    out.append(f'\n<h2>{labels["site.leadership"]}</h2>\n<dl>\n{_leaders(unit, cy["chair"], cy["vice_chairs"], labels)}</dl>\n')
    election = cy["election"]
    if election:
        date = f'<dt>{labels["site.date"]}</dt><dd>{html_text(election["date"])}</dd>' if election["date"] else ""
        out.append(f'<h3>{labels["site.election"]}</h3>\n<dl>\n{date}{_leaders(unit, election["chair"], election["vice_chairs"], labels)}</dl>\n')
    if cy["review"]:
        out.append(f'<p>{labels["site.review"]}: {html_text(cy["review"])}</p>')
    out.append("\n")
    if cy["facts"]:
        facts = []
        for f in cy["facts"]:
            member = f" ({unit(f['member']['id'], f['member']['name'])})" if f["member"] else ""
            value = _number(f["raw"], lang) + (f" {f['unit']}" if f["unit"] else "")
            facts.append(f'<tr><th scope="row">{html_text(f["label"])}{member}</th><td class="num">{html_text(value)}</td></tr>')
        rows = "".join(facts)
        out.append(f'<h2>{labels["site.facts"]}</h2>\n<div class="table-wrap"><table>\n<thead><tr><th scope="col">{labels["col.fact"]}</th>'
                   f'<th scope="col" class="num">{labels["col.value"]}</th></tr></thead>\n<tbody>{rows}</tbody>\n</table></div>\n')
    if cy["note"]:
        out.append(f'<h2>{labels["site.note"]}</h2><p>{html_text(cy["note"])}</p>')
    if cy["sources"]:
        out.append(f'<h2>{labels["site.sources"]}</h2>{_sources_list(cy["sources"])}')
    return "".join(out)


def _period(translate: Callable[..., str], period: Any, year: int) -> str:
    """A year's cell as the templates write it: the period in words ("năm học 2017–2018"), else the year."""
    return html_text(translate(period.code, **period.params)) if period else html_text(year)


@pass_context
def _award_body(ctx: Context, rows: list[dict[str, Any]]) -> Markup:
    """The award page's rows (recipients by year), as the template wrote them."""
    unit, translate, labels = ctx["unit"], ctx["_"], ctx["L"]
    root = html_text(ctx["root"])
    out = []
    for r in rows:
        cluster = html_text(r["cluster"])
        out.append(
            f'<tr><th scope="row"><a href="{root}clusters/{cluster}/{html_text(r["year"])}.html">{_period(translate, r.get("period"), r["year"])}</a></th>'
            f'<td><a href="{root}clusters/{cluster}/index.html">{html_text(r["cluster_name"])}</a></td>'
            f'<td>{unit(r["member"], r["name"])} <span class="muted">({html_text(labels["history." + r["kind"]])})</span></td></tr>'
        )
    return Markup("".join(out))


@pass_context
def _members_body(ctx: Context, years: list[dict[str, Any]]) -> Markup:
    """The cluster page's members by year, as the template wrote them."""
    unit, translate = ctx["unit"], ctx["_"]
    return Markup("".join(
        f'<tr><th scope="row"><a href="{html_text(y["number"])}.html">{_period(translate, y.get("period"), y["number"])}</a></th>'
        f'<td>{", ".join(unit(m["id"], m["name"]) for m in y["members"])}</td></tr>'
        for y in years
    ))


@pass_context
def _leaders_body(ctx: Context, years: list[dict[str, Any]]) -> Markup:
    """The cluster page's chair and vice-chairs by year."""
    unit, translate = ctx["unit"], ctx["_"]
    out = []
    for y in years:
        chair = y["chair"]
        vice = ", ".join([unit(m["id"], m["name"]) for m in y["vice_chairs"]]) or "–"
        out.append(f'<tr><th scope="row">{_period(translate, y.get("period"), y["number"])}</th>'
                   f'<td>{unit(chair["id"], chair["name"]) if chair else "–"}</td><td>{vice}</td></tr>')
    return Markup("".join(out))


@pass_context
def _awards_by_year_body(ctx: Context, years: list[dict[str, Any]]) -> Markup:
    """The cluster page's awards by year, decided and recommended."""
    unit, award, translate, lang = ctx["unit"], ctx["award"], ctx["_"], ctx["lang"]
    labels = _escaped.get(lang) or _escaped.setdefault(lang, _Escaped(lang))
    out = []
    for y in years:
        if y["awards"]:
            when = _period(translate, y.get("period"), y["number"])
            out.extend([
                f'<tr><th scope="row">{when}</th><td>{award(a["award"], a["title"])}</td>'
                f'<td>{unit(a["member"], a["name"])} <span class="muted">({labels["history." + a["kind"]]})</span></td></tr>'
                for a in y["awards"]
            ])
    return Markup("".join(out))


class _PlaceWords:
    """A ranked place's words in one language, escaped (``place_text``'s, for the history table)."""

    def __init__(self, lang: str) -> None:
        self.place = html_text(t("history.place", lang=lang))
        self.illustrative = f" ({html_text(t('history.illustrative', lang=lang))}) "  # then the badge


_place_words: dict[str, _PlaceWords] = {}


def _history_body(ctx: Mapping[str, Any], history: UnitHistory) -> Markup:
    """The history table's rows (a unit page): a row per record, its awards decided and then
    those only recommended (each award once).

    A cluster-year is a row of each of its members' pages, and many rows share a place's words:
    each cell is made once per language and depth (``made``), with what it depends on as its key."""
    award, translate, badge, lang, made = ctx["award"], ctx["_"], ctx["illustrative_badge"], ctx["lang"], ctx["made"]
    root = html_text(ctx["root"])
    kinds = {kind: f' <span class="muted">({html_text(translate("history." + kind))})</span>' for kind in ("decided", "recommended")}
    words = _place_words.get(lang) or _place_words.setdefault(lang, _PlaceWords(lang))
    numbers = _numbers.get(lang) or _numbers.setdefault(lang, {})
    out = []
    for r in history.records:
        key: tuple[Any, ...] = ("hy", r.cluster, r.year)  # a cluster id and year: one file, one name, one period
        head = made.get(key)
        if head is None:
            cluster = html_text(r.cluster)
            head = made[key] = (f'<tr><th scope="row"><a href="{root}clusters/{cluster}/{r.year}.html">{_period(translate, r.period, r.year)}</a></th>'
                                f'<td><a href="{root}clusters/{cluster}/index.html">{html_text(r.cluster_name)}</a></td>')
        key = ("hu", r.own, r.member_name)
        who = made.get(key)
        if who is None:
            who = made[key] = html_text(unit_text(r, lang))
        if r.rank is not None and r.total is not None:
            # the common cell, nearly always different (the total): ``place_text`` escaped, from its
            # words escaped once; its values are numbers, which escaping leaves as they are
            total = r.total
            place = words.place.format(rank=r.rank, members=r.members, total=numbers.get(total if total else repr(total)) or _number(total, lang))
            if r.illustrative:
                place = f"{place}{words.illustrative}{badge}"  # not ``+ badge``: Markup's + would escape the place again
        else:
            key = ("hp", r.status, r.rank, r.members, r.illustrative)
            place = made.get(key)
            if place is None:
                place = made[key] = f'{html_text(place_text(r, lang))}{f" {badge}" if r.illustrative and r.rank is not None else ""}'
        roles = ""
        if r.roles:
            key = ("hr", *r.roles)
            roles = made.get(key)
            if roles is None:
                roles = made[key] = html_text(roles_text(r, lang))
        awards = ""
        if r.decided or r.recommended:
            decided = {a.award for a in r.decided}
            listed = [f'{award(a.award, a.title)}{kinds["decided"]}' for a in r.decided]
            listed += [f'{award(a.award, a.title)}{kinds["recommended"]}' for a in r.recommended if a.award not in decided]
            awards = "<br>".join(listed)
        out.append(f"{head}<td>{who}</td><td>{place}</td><td>{roles}</td><td>{awards}</td></tr>")
    return Markup("".join(out))


def _context(model: SiteModel, lang: str, path: str, links: dict[str, _Made]) -> dict[str, Any]:
    """A page's variables besides its own; ``links``: the links (and cells) made so far, by the page's root."""
    depth = path.count("/")
    root = "../" * depth
    unit_pages = model.histories if model.unit_pages is None else model.unit_pages
    made = links.setdefault(root, {})
    unit, award = _links(root, unit_pages, made)
    site_root = root + ("../" if lang == "en" else "")
    other_lang = "en" if lang == "vi" else "vi"
    other = site_root + ("en/" if lang == "vi" else "") + path
    canonical = None
    if model.base_url:
        canonical = model.base_url.rstrip("/") + "/" + ("en/" if lang == "en" else "") + path
    return {
        "lang": lang,
        "root": root,
        "assets": site_root + "assets/",
        "other": other,
        "other_lang": other_lang,
        "canonical": canonical,
        "built": model.built,
        "revision": model.revision,
        "unit_pages": unit_pages,
        "unit": unit,
        "award": award,
        "made": made,
        "sources": [],
    }


_numbers: dict[str, dict[Any, str]] = {}  # by language: each score written once


_written: dict[str, dict[Any, str]] = {}  # by language: each score written once, escaped for a page


def _number(value: float | int | None, lang: str) -> str:
    known = _numbers.setdefault(lang, {})
    if len(known) > 200_000:  # a bound on memory, never reached by the benchmark's scores
        known.clear()
        _written.clear()
    # ``number`` writes float(value): 1, 1.0 and True alike (equal keys), but 0.0 "0" and -0.0 "-0" (by their repr)
    key = value if value else repr(value)
    found = known.get(key)
    if found is None:
        found = known[key] = number(value, lang=lang)
    return found


Page = tuple[str, str, Callable[[], dict[str, Any]]]  # path, template, its variables (made when rendered)


def pages(model: SiteModel, lang: str) -> list[Page]:
    """(path under the language root, template, page variables) of every page; variables are made lazily."""
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for c in model.clusters:
        groups.setdefault(c["level"], {}).setdefault(c["organiser"], []).append(c)
    order = ["central", "ministry", "province"]

    def home() -> dict[str, Any]:
        grouped = [(level, sorted(groups[level].items())) for level in sorted(groups, key=lambda lv: order.index(lv) if lv in order else 9)]
        unit_list = sorted(({"id": uid, "name": h.label} for uid, h in model.histories.items()), key=lambda u: search_key(u["name"]))
        award_list = [{"id": aid, "title": a["title"]} for aid, a in sorted(model.awards.items())]
        return {"groups": grouped, "unit_list": unit_list, "award_list": award_list}

    def unit_page(history: UnitHistory) -> dict[str, Any]:
        chart = place_chart(history.places, t("site.chart_label", lang=lang, name=history.full_name), t("col.year", lang=lang), t("col.place", lang=lang))
        return {"h": history, "chart": chart}

    wanted = model.sections
    out: list[Page] = [("index.html", "home.html", home)] if "home" in wanted else []
    if "clusters" in wanted:
        out += [(f"clusters/{c['id']}/index.html", "cluster.html", partial(dict, c=c, sources=c["sources"])) for c in model.clusters]
    if "years" in wanted:
        out += [
            (f"clusters/{page['id']}/{page['year']}.html", "cluster_year", partial(_year_variables, page, lang))
            for page in model.years
        ]
    if "units" in wanted:
        out += [(f"units/{uid}.html", "unit", partial(unit_page, history)) for uid, history in model.histories.items()]
    if "awards" in wanted:
        out += [(f"awards/{aid}.html", "award.html", partial(dict, a=award)) for aid, award in model.awards.items()]
    return out


def _year_variables(page: dict[str, Any], lang: str) -> dict[str, Any]:
    return {"cy": page}


def _year_page(frame: _Frame, ctx: Mapping[str, Any], page: dict[str, Any]) -> str:
    """A cluster-year page: its title and body in the frame of its language and depth."""
    cy = page["cy"]
    return frame.fill(ctx, f'{html_text(cy["name"])} {_period(ctx["_"], cy["period"], cy["year"])}', _year_body(ctx, cy))


def _unit_page(frame: _Frame, ctx: Mapping[str, Any], page: dict[str, Any]) -> str:
    """A unit's page: its successor or predecessors, the chart of its places, its history table.

    Written in Python, as ``unit.html`` was (a unit page of a large repository has thousands of rows)."""
    h: UnitHistory = page["h"]
    chart, translate, unit, lang = page["chart"], ctx["_"], ctx["unit"], ctx["lang"]
    labels = _escaped.get(lang) or _escaped.setdefault(lang, _Escaped(lang))
    label = html_text(h.label)
    out = [f'<nav class="crumbs"><a href="{html_text(ctx["root"])}index.html">{labels["site.home"]}</a></nav>\n<h1>{label}</h1>\n']
    if h.successor:
        after = h.successor
        out.append(f'<p class="notice">{html_text(translate("history.successor", name=after.name, unit=after.id))} → {unit(after.id, after.name)}</p>')
    if h.predecessors:
        names = ", ".join([p.name for p in h.predecessors])
        out.append(f'<p class="notice">{html_text(translate("history.predecessors", names=names))}</p>\n'
                   f'<p>{", ".join([unit(p.id, p.name) for p in h.predecessors])}</p>')
    out.append(f'<h2>{labels["site.history"]}</h2>\n')
    if chart:
        out.append(f'<figure class="chart-box"><figcaption>{labels["site.chart"]}</figcaption>{chart}</figure>')
    if h.records:
        heads = "".join([f'<th scope="col">{labels[key]}</th>' for key in ("col.year", "col.cluster", "col.unit", "col.place", "col.role", "col.awards")])
        out.append(f'<div class="table-wrap"><table>\n<thead><tr>{heads}</tr></thead>\n<tbody>{_history_body(ctx, h)}</tbody>\n</table></div>\n')
    else:
        out.append(f'<p>{labels["history.no_records"]}</p>')
    return frame.fill(ctx, str(label), "".join(out))


# Pages written in Python, without a template: (frame, the page's context, its variables) -> the page.
# The thousands of cluster-year pages: jinja's cost per page (a context, the base template's
# blocks) was a third of theirs.
_PYTHON_PAGES: dict[str, Callable[[_Frame, Mapping[str, Any], dict[str, Any]], str]] = {"cluster_year": _year_page, "unit": _unit_page}

_frames: dict[tuple[Any, ...], _Frame] = {}  # by what base.html reads besides the marked parts

_MARK = re.compile("\x00(title|main|other|canonical)\x00")
# base.html with a mark in place of each part that changes from page to page
_FRAME = '{% extends "base.html" %}{% block title %}\x00title\x00{% endblock %}{% block main %}\x00main\x00{% endblock %}'


def _frame(env: Environment, context: dict[str, Any]) -> _Frame:
    """The frame of a page's language and depth, made once per process: every cluster's pages share it."""
    key = (context["lang"], context["root"], context["built"], context["revision"], context["canonical"] is not None)
    found = _frames.get(key)
    if found is None:
        found = _frames[key] = _Frame(env, context)
    return found


class _Frame:
    """base.html rendered once for the pages of one language and depth, each part that changes
    from page to page left as a mark: a page is the frame with its title, body and paths put in."""

    def __init__(self, env: Environment, context: dict[str, Any]) -> None:
        marked = {**context, "other": "\x00other\x00", "canonical": "\x00canonical\x00" if context["canonical"] else None}
        self.parts = _MARK.split(env.from_string(_FRAME).render(marked))  # text, mark, text, mark, ..., text

    def fill(self, ctx: Mapping[str, Any], title: str, main: str) -> str:
        """The page of context ``ctx``: ``title`` and ``main`` as they are (escaped by the caller), its paths escaped here."""
        values = {"title": title, "main": main, "other": html_text(ctx["other"]), "canonical": html_text(ctx["canonical"] or "")}
        parts = self.parts.copy()
        for i in range(1, len(parts), 2):
            parts[i] = values[parts[i]]
        return "".join(parts)


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


def write_pages(model: SiteModel, out: Path, lang: str, start: int = 0, stop: int | None = None, links: dict[str, _Made] | None = None) -> int:
    """Render and write pages ``start:stop`` of a language, one at a time (only the page being written is in memory).

    ``links``: the links and cells made for earlier pages of the same model and language, by depth (kept by a worker across its chunks)."""
    env = environment(lang)
    base = out if lang == "vi" else out / "en"
    templates: dict[str, Template] = {}
    made: set[Path] = set()
    links = {} if links is None else links
    count = 0
    for path, name, variables in pages(model, lang)[start:stop]:
        target = base / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        context = _context(model, lang, path, links)
        written = _PYTHON_PAGES.get(name)
        if written is not None:
            frame = _frame(env, context)
            text = written(frame, {**env.globals, **context}, variables())
        else:
            template = templates.get(name) or templates.setdefault(name, env.get_template(name))
            text = template.render({**context, **variables()})
        _write(target, text)
        count += 1
        made_here = links[context["root"]]
        if len(made_here) > MADE_BOUND:  # a bound on memory: a 20,000-file site has ~100,000 distinct cells
            made_here.clear()
    return count


MADE_BOUND = 40_000  # links and cells kept for the pages at one depth


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def _write(target: Path, text: str) -> None:
    """``target.write_text(text, encoding="utf-8")`` (line ends the system's way, as text mode
    writes them) in one encode and one system write: thousands of pages, each a small file."""
    data = (text if os.linesep == "\n" else text.replace("\n", os.linesep)).encode("utf-8")
    handle = os.open(target, _FLAGS, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
    finally:
        os.close(handle)


_shared: dict[str, Any] = {}  # the model and output directory, inherited by forked workers


def _write_chunk(job: tuple[str, int, int]) -> int:
    lang, start, stop = job
    return write_pages(_shared["model"], _shared["out"], lang, start, stop, _shared["links"].setdefault(lang, {}))


def _jobs(pages_count: int, jobs: int | None) -> int:
    if jobs is None:
        forced = os.environ.get("THIDUA_JOBS", "").strip()
        if forced.isdigit() and int(forced) >= 1:
            jobs = int(forced)
        else:
            try:
                jobs = len(os.sched_getaffinity(0))
            except AttributeError:  # not on Linux
                jobs = os.cpu_count() or 1
    return jobs if pages_count >= PARALLEL_MIN_PAGES else 1


PARALLEL_MIN_PAGES = 400  # below this, starting workers costs more than it saves
ROWS_PER_PAGE = 20  # a unit page's rows that cost about one cluster-year page to render


def write_cluster(cluster: dict[str, Any], years: list[dict[str, Any]], out: Path, model: SiteModel) -> int:
    """Write one cluster's page and its cluster-year pages in both languages; the number written.

    ``model`` gives the footer and links (its ``unit_pages``); its clusters and years are not read.
    """
    part = SiteModel(clusters=[cluster], years=years, histories={}, awards={}, built=model.built, revision=model.revision,
                     base_url=model.base_url, unit_pages=model.unit_pages, sections=CLUSTER_SECTIONS)
    return sum(write_pages(part, out, lang) for lang in LANGS)


def write_site(model: SiteModel, out: Path, jobs: int | None = None) -> int:
    """Write every page (of ``model.sections``) in both languages, the assets and the search index; the number of pages.

    Large sites are rendered by forked worker processes (``$THIDUA_JOBS``, else every CPU), each
    writing its own chunk of pages; where processes cannot be forked, one process writes them all.
    """
    totals = {lang: len(pages(model, lang)) for lang in LANGS}
    # a unit's page grows with the repository (a row per year it sat somewhere): weigh its rows
    rows = sum(len(h.records) for h in model.histories.values()) if "units" in model.sections else 0
    workers = _jobs(sum(totals.values()) + 2 * rows // ROWS_PER_PAGE, jobs)
    count = 0
    done = False
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        if "fork" in multiprocessing.get_all_start_methods():
            size = max(16, sum(totals.values()) // (workers * 8))
            chunks = [(lang, i, min(i + size, n)) for lang, n in totals.items() for i in range(0, n, size)]
            compile_templates()  # once here, not in every worker
            _shared.update(model=model, out=out, links={})  # each worker's own copy: its links and cells, kept across its chunks
            try:
                with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                    count = sum(pool.map(_write_chunk, chunks))
                done = True
            except (OSError, BrokenProcessPool):
                count = 0  # no processes here: the serial path below writes every page again
            finally:
                _shared.clear()
    if not done:
        count = sum(write_pages(model, out, lang) for lang in LANGS)
    for lang in LANGS:
        base = out if lang == "vi" else out / "en"
        base.mkdir(parents=True, exist_ok=True)
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
