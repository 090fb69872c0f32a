"""``thidua site``: gather the whole repository into a SiteModel and write the static site.

The output directory carries a marker file; a non-empty directory without it is refused unless
forced, so the command never overwrites files that thidua did not make.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

from thidua.domain.awards import AwardsResult
from thidua.domain.awards_catalogue import award_title
from thidua.domain.history import Outcome, predecessors, successor
from thidua.domain.models import ClusterYear
from thidua.domain.ranking import Ranking
from thidua.domain.standings import Standing, Status
from thidua.output.site.builder import SiteModel, write_site
from thidua.repository.loader import Repository
from thidua.services.history import evaluate, every_cluster_year, known_units, outcome_of
from thidua.services.history import histories as unit_histories

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
        "id": cy.id, "name": cy.cluster.name, "year": cy.number, "status": found.status.value,
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


def gather(repo: Repository, built: str, revision: str | None, base_url: str | None) -> SiteModel:
    # each cluster-year is ranked and walked up its ladder once, for its page and every history;
    # its ranking is dropped as soon as both are made (20,000 rankings at once cost gigabytes)
    computed: dict[tuple[str, int], Outcome] = {}
    year_pages: dict[tuple[str, int], dict[str, Any]] = {}
    for cy in every_cluster_year(repo):
        evaluated = evaluate(repo, cy)
        computed[(cy.id, cy.number)] = outcome_of(repo, cy, evaluated)
        year_pages[(cy.id, cy.number)] = _year_page(cy, evaluated)[0]
    years: list[dict[str, Any]] = []
    clusters: list[dict[str, Any]] = []
    award_rows: dict[str, dict[str, Any]] = {}
    for cid in sorted(repo.clusters):
        data = repo.clusters[cid]
        if data.file is None:
            continue
        file = data.file
        titles = {s.award: award_title(s.award, file.award_titles) for s in file.rules.awards}
        cluster_years = []
        for cy in repo.history(cid):
            page = year_pages.pop((cy.id, cy.number))
            years.append(page)
            decided = {(d["member"], d["award"]) for d in page["decided"]}
            listed = [{**d, "title": d["award_title"], "kind": "decided"} for d in page["decided"]]
            listed += [{**r, "kind": "recommended"} for r in page["recommended"] if (r["member"], r["award"]) not in decided]
            for a in listed:
                entry = award_rows.setdefault(a["award"], {"title": a["title"], "rows": []})
                entry["rows"].append({"year": cy.number, "cluster": cid, "cluster_name": file.name, "member": a["member"], "name": a["name"], "kind": a["kind"]})
            cluster_years.append({
                "number": cy.number,
                "members": [{"id": m, "name": cy.name(m)} for m in dict.fromkeys(cy.members)],
                "chair": page["chair"], "vice_chairs": page["vice_chairs"],
                "awards": [{"award": a["award"], "title": a["title"], "member": a["member"], "name": a["name"], "kind": a["kind"]} for a in listed],
            })
        clusters.append({
            "id": cid, "name": file.name, "kind": file.kind.value, "level": file.organiser.level.value,
            "organiser": file.organiser.name, "rules": file.rules, "titles": titles, "sources": file.sources,
            "years": cluster_years, "latest": cluster_years[-1]["number"] if cluster_years else None,
        })
    for entry in award_rows.values():
        entry["rows"].sort(key=lambda r: (-r["year"], r["cluster"], r["kind"] != "decided"))
    wanted = known_units(repo)
    for uid in list(wanted):  # successors and predecessors get a page too, so the links resolve
        nxt = successor(uid, repo.registry)
        for extra in ([nxt] if nxt else []) + predecessors(uid, repo.registry):
            if extra not in wanted:
                wanted.append(extra)
    histories = unit_histories(repo, wanted, computed)
    return SiteModel(clusters=clusters, years=years, histories=histories, awards=award_rows, built=built, revision=revision, base_url=base_url)


def build_site(repo: Repository, out: Path, *, base_url: str | None = None, force: bool = False, today: dt.date | None = None) -> int:
    """Write the site into ``out``; the number of pages written. Raises Refused or NotADirectoryError."""
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
    model = gather(repo, built, git_revision(repo.root), base_url)
    count = write_site(model, out)
    (out / ".nojekyll").write_text("", encoding="utf-8")
    return count
