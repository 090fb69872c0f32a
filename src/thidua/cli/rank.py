"""``thidua rank YEAR``: rank every cluster's members, explain a place, test how stable it is.

Exit codes: 0 ranked (cluster-years without scores are reported, not errors); 1 a cluster-year
with validation errors was skipped, or nothing to rank for YEAR; 2 usage errors.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from thidua.cli.options import ClusterOption, DataOption, TableFormat, data_root, usage_error

if TYPE_CHECKING:  # for annotations only: the command imports its modules when it runs
    from thidua.domain.standings import Standing


def rank(
    year: Annotated[int, typer.Argument(help="The emulation year (năm thi đua), e.g. 2023.", min=1945, max=2100, show_default=False)],
    cluster: ClusterOption = None,
    data: DataOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f", help="table (rich on a terminal, plain when piped), json, csv or markdown.")] = TableFormat.table,
    explain: Annotated[str | None, typer.Option("--explain", "-e", metavar="MEMBER", help="Explain one member's place: id or Vietnamese name.", show_default=False)] = None,
    stability: Annotated[bool, typer.Option("--stability", help="Test how stable the ranking is under changed weights and scores.")] = False,
    samples: Annotated[int, typer.Option("--samples", help="Stability: number of random trials.", min=1, max=100_000)] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Stability: random seed; the same seed gives the same output.")] = 1,
    tolerance: Annotated[float, typer.Option("--tolerance", help="Stability: each score moves by up to ± this many points.", min=0.0, max=1000.0)] = 0.5,
    weight_spread: Annotated[float, typer.Option("--weight-spread", help="Stability: each weight is multiplied by 1 ± up to this share.", min=0.0, max=0.95)] = 0.2,
) -> None:
    """Rank each cluster's members for YEAR by the cluster's own indicators and rules."""
    from thidua.domain.explain import explain as explain_member
    from thidua.domain.stability import Settings, analyse
    from thidua.domain.standings import Status, standings
    from thidua.output.i18n import t
    from thidua.output.render import ranking as render
    from thidua.repository.loader import load_repository

    if format is TableFormat.csv and explain and stability:
        usage_error(t("rank.csv_both"))
    root = data_root(data)
    repo = load_repository(root)
    wanted = list(dict.fromkeys(cluster or []))
    for cid in wanted:
        if cid not in repo.clusters:
            usage_error(t("rank.unknown_cluster", cluster=cid, root=root, suggestion=_suggest(cid, sorted(repo.clusters))))
    found = standings(repo, year, wanted or None)
    failed = False
    missing = [cid for cid in wanted if cid not in {s.cluster for s in found}]
    if missing:
        _err(t("rank.no_year_for", clusters=", ".join(missing), year=year))
        failed = True
    if not found:
        if not missing:
            _err(t("rank.no_year", year=year, root=root))
        raise typer.Exit(1)

    explanation = None
    shown = found
    if explain:
        standing, member = _member(explain, found, year)
        shown = [standing]
        if standing.ranking is None:
            name = standing.cluster_year.name(member) if standing.cluster_year else member
            _err(t("rank.member_not_ranked", name=name, reason=render.status_line(standing)))
            raise typer.Exit(1)
        explanation = explain_member(standing.ranking, member)

    for standing in shown:
        if standing.status is Status.invalid:
            _err(_refused_line(standing))
            failed = True
    stabilities = None
    if stability:
        settings = Settings(samples=samples, seed=seed, weight_spread=weight_spread, tolerance=tolerance)
        stabilities = {s.cluster: analyse(s.ranking, settings) for s in shown if s.ranking is not None}

    if format is TableFormat.table:
        render.print_report(shown, explanation, stabilities)
    else:
        report = {TableFormat.json: render.json_report, TableFormat.csv: render.csv_report, TableFormat.markdown: render.markdown_report}
        sys.stdout.write(report[format](shown, explanation, stabilities))
    raise typer.Exit(1 if failed else 0)


def _member(text: str, found: list[Standing], year: int) -> tuple[Standing, str]:
    """The (standing, member id) that ``--explain`` names; a usage error when none or several."""
    from thidua.domain.explain import resolve_member
    from thidua.output.i18n import t

    matches, close = resolve_member(text, found)
    if not matches:
        suggestion = t("rank.did_you_mean", options=", ".join(f"'{m}'" for m in close)) if close else ""
        usage_error(t("rank.unknown_member", member=text, year=year, suggestion=suggestion))
    if len(matches) > 1:
        options = ", ".join(f"'{m}' ({s.cluster_year.units.full_name(m) if s.cluster_year else m}, {s.cluster})" for s, m in matches)
        usage_error(t("rank.ambiguous_member", member=text, options=options))
    return matches[0]


def _refused_line(standing: Standing) -> str:
    """Why a cluster-year is not ranked: the first error, located, and what to run."""
    from thidua.output.i18n import t
    from thidua.output.render import ranking as render
    from thidua.output.render.diagnostics import unusable_reason

    refused = standing.unusable
    if refused is None:  # missing scores found by the ranking itself (a safety net)
        return render.status_line(standing)
    return t("rank.unusable", title=render.title(standing), where=refused.where, reason=unusable_reason(refused), path=refused.path)


def _err(message: str) -> None:
    print(f"thidua: {message}", file=sys.stderr)


def _suggest(value: str, options: list[str]) -> str:
    import difflib

    from thidua.output.i18n import t

    close = difflib.get_close_matches(value, options, n=3, cutoff=0.5)
    if close:
        return t("rank.did_you_mean", options=", ".join(f"'{c}'" for c in close))
    return t("rank.known_clusters", options=", ".join(options)) if options else ""
