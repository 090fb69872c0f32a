"""``thidua site``: rank and write each cluster where it is loaded, then the pages that span clusters.

The output directory carries a marker file; a non-empty directory without it is refused unless
forced, so the command never overwrites files that thidua did not make.

How a large repository is built (issue 14, "fast on big repositories"): one cluster directory at
a time is loaded, ranked and written (its page and its cluster-year pages, both languages), by
forked worker processes where there are many. What the pages that span clusters need comes back
as a small ``ClusterPart``: the home page's line, the award rows, and each unit's record of each
cluster-year. No process ever holds more than one cluster's models; the parent assembles the
home, unit and award pages from the parts (``write_site``, itself forked for large sites).

Two things a cluster's own process cannot know are checked once every part is in, and a cluster
they touch is made again in the parent, so the bytes are those of a build over the whole
repository at once: a unit sitting in two clusters of one organiser (TD306, which makes a year
unclean and so unranked), and which units have a page (a cluster's pages link a unit that a
registry it holds knows; the parent checks each such answer against the pages it makes).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thidua.domain.awards_catalogue import award_title
from thidua.domain.history import UnitHistory, YearRecord, history_of, predecessors, successor, year_records
from thidua.domain.periods import spoken_period
from thidua.domain.ranking import Ranking
from thidua.domain.record import Membership, Repository
from thidua.domain.standings import Standing, Status
from thidua.output.site import builder
from thidua.output.site.builder import SHARED_SECTIONS, SiteModel, write_cluster, write_site
from thidua.services.history import evaluate, outcome_of

if TYPE_CHECKING:
    from thidua.domain.awards import AwardsResult
    from thidua.domain.diagnostics import Issue
    from thidua.domain.models import ClusterYear, Unit
    from thidua.domain.registry import Registry

MARKER = ".thidua-site"


class Refused(Exception):
    """The output directory is not ours to write into."""


def check_output(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(str(out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists() and not force:
        raise Refused(str(out))


def git_revision(root: Path) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def _ref(cy: ClusterYear, unit_id: str | None) -> dict[str, str] | None:
    return {"id": unit_id, "name": cy.name(unit_id)} if unit_id else None


def _year_page(cy: ClusterYear, evaluated: tuple[Standing, AwardsResult | None]) -> tuple[dict[str, Any], AwardsResult | None]:
    found, result = evaluated
    ranking: Ranking | None = found.ranking if found.status is Status.ranked else None
    groups = sorted({g for e in ranking.entries for g in e.groups}) if ranking else []
    rows = [
        {"rank": e.rank if e.placed else "–", "id": e.member, "name": e.name, "tied": bool(e.tied_with),
         # no points (ranked by votes or by the meeting): "–", never an invented 0
         "total": e.total if e.has_points else None, "bonus": e.bonus if e.has_points else None,
         "deductions": e.deductions if e.has_points else None, "groups": [e.groups.get(g, 0.0) for g in groups]}
        for e in (ranking.entries if ranking else [])
    ]
    lead = cy.year.leadership
    election = cy.year.election
    extra = cy.cluster.award_titles
    page = {
        "id": cy.id, "name": cy.cluster.name, "year": cy.number, "period": spoken_period(cy), "status": found.status.value,
        "illustrative": cy.year.scores_illustrative, "groups": groups, "rows": rows,
        "decided": [{"member": d.member, "name": cy.name(d.member), "award": d.award, "award_title": award_title(d.award, extra), "note": d.note} for d in cy.year.awards],
        "recommended": [
            {"member": r.member, "name": r.name, "award": r.award, "title": r.award_title, "reason": r.reason}
            for r in (result.recommendations if result else [])
        ],
        "chair": _ref(cy, lead.chair),
        "vice_chairs": [_ref(cy, v) for v in lead.vice_chairs or []],
        "election": None if election is None else {
            "date": election.date.strftime("%d/%m/%Y") if election.date else None,
            "chair": _ref(cy, election.chair),
            "vice_chairs": [_ref(cy, v) for v in election.vice_chairs or []],
        },
        "review": ", ".join(x for x in [cy.year.review.date.strftime("%d/%m/%Y") if cy.year.review and cy.year.review.date else "", cy.year.review.place or "" if cy.year.review else ""] if x) or None,
        "facts": [{"label": f.label, "raw": f.value, "unit": f.unit, "member": _ref(cy, f.member)} for f in cy.year.facts],
        "note": cy.year.note,
        "sources": cy.year.sources,
    }
    return page, result


# --------------------------------------------------------------------------- one cluster


@dataclass
class ClusterPart:
    """What one cluster directory gives the pages that span clusters, made where it was ranked."""

    id: str
    home: dict[str, Any] | None = None  # its line on the home page; None: no usable cluster.yaml
    years: list[tuple[int, dict[str, YearRecord]]] = field(default_factory=list)  # each year: every named unit's record
    awards: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # (award id, title, award page row)
    overlay: list[Unit] | None = None  # the cluster's own units, when it has a year (``find_unit`` reads them)
    memberships: list[Membership] = field(default_factory=list)
    links: dict[str, bool] = field(default_factory=dict)  # each unit its pages link: whether it was given a page
    pages: int = 0


class _Guess:
    """Which units have a page, as a cluster's own process can tell: those a registry it holds
    knows (a unit named anywhere gets a page when a registry knows it). Every answer is kept,
    and checked against the pages made once every cluster is in."""

    def __init__(self, units: Registry) -> None:
        self.units = units
        self.asked: dict[str, bool] = {}

    def __contains__(self, unit_id: object) -> bool:
        found = self.asked.get(unit_id)  # type: ignore[call-overload]
        if found is None:
            found = self.asked[unit_id] = isinstance(unit_id, str) and self.units.get(unit_id) is not None  # type: ignore[index]
        return found


def cluster_part(repo: Repository, cid: str, out: Path, settings: SiteModel, unit_pages: Container[str] | None = None) -> ClusterPart:
    """Rank one cluster's years, write its pages (``settings``: the footer), return its part.

    ``unit_pages``: which units have a page, when known; else guessed (``_Guess``) and recorded.
    """
    data = repo.clusters[cid]
    part = ClusterPart(cid, memberships=list(data.memberships))
    if data.file is None:
        return part
    file = data.file
    titles = {s.award: award_title(s.award, file.award_titles) for s in file.rules.awards}
    history = repo.history(cid)
    year_pages: list[dict[str, Any]] = []
    cluster_years = []
    for cy in history:
        evaluated = evaluate(repo, cy)
        page = _year_page(cy, evaluated)[0]
        part.years.append((cy.number, year_records(cy, outcome_of(repo, cy, evaluated))))
        year_pages.append(page)
        decided = {(d["member"], d["award"]) for d in page["decided"]}
        listed = [{**d, "title": d["award_title"], "kind": "decided"} for d in page["decided"]]
        listed += [{**r, "kind": "recommended"} for r in page["recommended"] if (r["member"], r["award"]) not in decided]
        for a in listed:
            part.awards.append((a["award"], a["title"], {"year": cy.number, "period": page["period"], "cluster": cid, "cluster_name": file.name, "member": a["member"], "name": a["name"], "kind": a["kind"]}))
        cluster_years.append({
            "number": cy.number, "period": page["period"],
            "members": [{"id": m, "name": cy.name(m)} for m in dict.fromkeys(cy.members)],
            "chair": page["chair"], "vice_chairs": page["vice_chairs"],
            "awards": [{"award": a["award"], "title": a["title"], "member": a["member"], "name": a["name"], "kind": a["kind"]} for a in listed],
        })
    cluster = {
        "id": cid, "name": file.name, "kind": file.kind.value, "level": file.organiser.level.value,
        "organiser": file.organiser.name, "rules": file.rules, "titles": titles, "sources": file.sources,
        "years": cluster_years, "latest": cluster_years[-1]["number"] if cluster_years else None,
    }
    part.home = {key: cluster[key] for key in ("id", "name", "kind", "level", "organiser", "latest")}
    part.home["years"] = [{"number": y["number"]} for y in cluster_years]
    if history:
        part.overlay = list(file.units)
    guess = _Guess(history[0].units if history else repo.registry) if unit_pages is None else None
    part.pages = write_cluster(cluster, year_pages, out, dataclasses.replace(settings, unit_pages=guess if guess is not None else unit_pages))
    part.links = guess.asked if guess is not None else {}
    return part


# --------------------------------------------------------------------------- where clusters come from


class _Loaded:
    """The clusters of a repository loaded whole (``build_site``): cross-cluster findings included."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.registry = repo.registry
        self.ids = sorted(repo.clusters)

    def files(self) -> int:
        return sum(len(data.documents) for data in self.repo.clusters.values())

    def part(self, cid: str, out: Path, settings: SiteModel, unit_pages: Container[str] | None = None, extra: Iterable[tuple[Membership, Issue]] = ()) -> ClusterPart:
        return cluster_part(self.repo, cid, out, settings, unit_pages)


class _OnDisk:
    """The clusters of a data directory, each loaded (with its models) where it is ranked.

    A cluster loaded alone has its own diagnostics; the cross-cluster check (``extra``) is added
    when the parent finds it concerns the cluster.
    """

    def __init__(self, root: Path) -> None:
        from thidua.repository.loader import cluster_directories, load_registry

        self.root = root
        self.root_real = root.resolve()
        self.registry, _, _ = load_registry(root, self.root_real)
        self.directories = {directory.name: (directory, shown) for directory, shown in cluster_directories(root, self.root_real)[0]}
        self.ids = list(self.directories)

    def files(self) -> int:
        total = 0
        for directory, _ in self.directories.values():
            try:
                total += sum(1 for _ in os.scandir(directory))
            except OSError:
                continue
        return total

    def repository(self, cid: str, extra: Iterable[tuple[Membership, Issue]] = ()) -> Repository:
        from thidua.repository.loader import load_cluster

        directory, shown = self.directories[cid]
        extra = list(extra)
        # the cross-cluster findings come back to a cluster made again, loaded with the positions they need
        data = load_cluster(directory, self.registry, self.root_real, shown, models=True, later_issues=bool(extra))
        for membership, issue in extra:  # as the loader places them (positions kept past release)
            data.documents[membership.path].add_issue(issue)
        diagnostics = [d for doc in data.documents.values() for d in doc.diagnostics]
        return Repository(self.root, self.registry, {data.id: data}, diagnostics=diagnostics)

    def part(self, cid: str, out: Path, settings: SiteModel, unit_pages: Container[str] | None = None, extra: Iterable[tuple[Membership, Issue]] = ()) -> ClusterPart:
        return cluster_part(self.repository(cid, extra), cid, out, settings, unit_pages)


_Source = _Loaded | _OnDisk
_shared: dict[str, Any] = {}  # the source, output and settings, inherited by forked workers


def _part_in_worker(cid: str) -> ClusterPart:
    return _shared["source"].part(cid, _shared["out"], _shared["settings"])


def _parts(source: _Source, out: Path, settings: SiteModel) -> list[ClusterPart]:
    """Every cluster's part, in the order of their ids: by forked workers when there are many."""
    workers = builder._jobs(2 * source.files(), None)
    if workers > 1 and len(source.ids) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        if "fork" in multiprocessing.get_all_start_methods():
            builder.compile_templates()  # once here, not in every worker (and the pages' workers later)
            _shared.update(source=source, out=out, settings=settings)
            try:
                with ProcessPoolExecutor(min(workers, len(source.ids)), mp_context=multiprocessing.get_context("fork")) as pool:
                    return list(pool.map(_part_in_worker, source.ids))
            except (OSError, BrokenProcessPool):
                pass  # no processes here: one process makes every part again, with the same bytes
            finally:
                _shared.clear()
    return [source.part(cid, out, settings) for cid in source.ids]


# --------------------------------------------------------------------------- the pages that span clusters


def _across(source: _Source, parts: list[ClusterPart]) -> dict[str, list[tuple[Membership, Issue]]]:
    """Cross-cluster findings (TD306) by the cluster they concern; none from a whole repository,
    whose clusters already have them."""
    if isinstance(source, _Loaded):
        return {}
    from thidua.domain.across import check_across_clusters

    owner = {m.path: part.id for part in parts for m in part.memberships}
    found: dict[str, list[tuple[Membership, Issue]]] = {}
    for membership, issue in check_across_clusters(m for part in parts for m in part.memberships):
        found.setdefault(owner[membership.path], []).append((membership, issue))
    return found


def _histories(parts: list[ClusterPart], registry: Registry) -> dict[str, UnitHistory]:
    """Every unit's history from the parts: the units that sat in a cluster, led one or received an
    award, and their successors and predecessors; as ``services.history.history`` gives each."""
    index: dict[str, list[tuple[tuple[int, str], dict[str, YearRecord]]]] = {}
    wanted: dict[str, None] = {}
    for part in parts:
        for number, records in part.years:
            for uid in records:
                index.setdefault(uid, []).append(((number, part.id), records))
                wanted.setdefault(uid)
    for uid in list(wanted):  # successors and predecessors get a page too, so the links resolve
        nxt = successor(uid, registry)
        for extra in ([nxt] if nxt else []) + predecessors(uid, registry):
            wanted.setdefault(extra)
    overlays: list[Registry] = []
    pending = [part.overlay for part in parts if part.overlay is not None]
    out: dict[str, UnitHistory] = {}
    for uid in wanted:
        unit, known = registry.get(uid), registry
        if unit is None:  # a cluster's own unit: the first cluster (by id) that declares it
            for position in range(len(pending)):
                if position == len(overlays):
                    overlays.append(registry.overlay(pending[position]))
                unit = overlays[position].get(uid)
                if unit is not None:
                    known = overlays[position]
                    break
        if unit is None:
            continue
        found: dict[tuple[int, str], dict[str, YearRecord]] = {}
        for i in [uid, *predecessors(uid, known)]:
            found.update(index.get(i, []))
        out[uid] = history_of(uid, unit, known, found.items())
    return out


def _award_rows(parts: list[ClusterPart]) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for part in parts:
        for award, title, row in part.awards:
            rows.setdefault(award, {"title": title, "rows": []})["rows"].append(row)
    for entry in rows.values():
        entry["rows"].sort(key=lambda r: (-r["year"], r["cluster"], r["kind"] != "decided"))
    return rows


def _build(source: _Source, out: Path, base_url: str | None, force: bool, today: dt.date | None) -> int:
    check_output(out, force)
    ours = (out / MARKER).exists()
    if ours:  # start from empty so deleted pages do not linger
        for child in out.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    fresh = ours or not out.exists() or not any(out.iterdir())
    out.mkdir(parents=True, exist_ok=True)
    if fresh:  # never claim a directory forced open: the next build would empty it, files and all
        (out / MARKER).write_text("made by thidua site; the next build may replace everything here\n", encoding="utf-8")
    built = (today or dt.datetime.now(dt.UTC).date()).strftime("%d/%m/%Y")
    settings = SiteModel(clusters=[], years=[], histories={}, awards={}, built=built, revision=git_revision(source.root if isinstance(source, _OnDisk) else source.repo.root), base_url=base_url)
    from thidua.repository.loader import paused_gc

    # Paused for the whole build (and so in the forked workers), as for a load: each cluster's
    # models, the parts, the histories and the pages hold hundreds of thousands of objects, and
    # every automatic collection walked all of them again (unpickling a worker's part took 5 times
    # as long). Nothing here forms reference cycles
    # except jinja's few per templated page (home, clusters, awards): collected once the build is done.
    with paused_gc():
        return _write_all(source, out, settings)


def _write_all(source: _Source, out: Path, settings: SiteModel) -> int:
    parts = _parts(source, out, settings)
    extra = _across(source, parts)
    position = {part.id: i for i, part in enumerate(parts)}
    for cid in sorted(extra):  # a year unclean only across clusters: ranked again, as unranked
        parts[position[cid]] = source.part(cid, out, settings, None, extra[cid])
    histories = _histories(parts, source.registry)
    for i, part in enumerate(parts):
        if any(given != (uid in histories) for uid, given in part.links.items()):  # a guess was wrong
            parts[i] = source.part(part.id, out, settings, histories, extra.get(part.id, []))
    model = dataclasses.replace(
        settings, clusters=[part.home for part in parts if part.home is not None], histories=histories, awards=_award_rows(parts), sections=SHARED_SECTIONS,
    )
    count = sum(part.pages for part in parts) + write_site(model, out)
    (out / ".nojekyll").write_text("", encoding="utf-8")
    return count


def build_site(repo: Repository, out: Path, *, base_url: str | None = None, force: bool = False, today: dt.date | None = None) -> int:
    """Write the site of a loaded repository into ``out``; the number of pages. Raises Refused or NotADirectoryError."""
    return _build(_Loaded(repo), out, base_url, force, today)


def build_site_from(root: Path, out: Path, *, base_url: str | None = None, force: bool = False, today: dt.date | None = None) -> int:
    """Write the site of the data directory ``root``, each cluster loaded where it is ranked and
    written (what ``thidua site`` runs): the same bytes as ``build_site(load_repository(root), ...)``."""
    return _build(_OnDisk(root), out, base_url, force, today)

