"""What the commands say on stderr besides their report: the reporters of the services' results.

Each takes a service's result and prints its lines; the reports themselves (tables, JSON, …) are
in ``output/render/``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from thidua.output.i18n import say as say_message
from thidua.output.i18n import say_hint, t
from thidua.output.render.diagnostics import unusable_reason

if TYPE_CHECKING:
    from thidua.domain.standings import Standing
    from thidua.services.awards import AwardsReport
    from thidua.services.fmt import FmtResult, NotFormattable
    from thidua.services.init import InitResult
    from thidua.services.rank import RankResult
    from thidua.services.rotate import RotationResult
    from thidua.services.validate import ValidationResult


def say(message: str) -> None:
    """One line on stderr, as every command says it."""
    print(f"thidua: {message}", file=sys.stderr)


def wrote(path: object) -> None:
    """``wrote PATH`` on stderr, after a file was written."""
    print(t("write.wrote", path=path), file=sys.stderr)


def rank_notes(result: RankResult) -> None:
    """The clusters without a file for the year, then each shown cluster-year left unranked."""
    if result.missing:
        say(t("rank.no_year_for", clusters=", ".join(result.missing), year=result.year))
    for standing in result.invalid:
        say(refused_line(standing))


def refused_line(standing: Standing) -> str:
    """Why a cluster-year is not ranked: the first error, located, and what to run."""
    from thidua.output.render import ranking as render

    refused = standing.unusable
    if refused is None:  # missing scores found by the ranking itself (a safety net)
        return render.status_line(standing)
    return t("rank.unusable", title=render.title(standing), where=refused.where, reason=unusable_reason(refused), path=refused.path)


def awards_notes(report: AwardsReport) -> None:
    """Each cluster-year the report leaves out, and why: errors, or missing scores."""
    for bad in report.unusable:
        say(t("awards.unusable", cluster=bad.cluster, year=report.year, where=bad.where, reason=unusable_reason(bad), path=bad.path))
    for cluster, missing in report.missing_scores:
        shown = ", ".join(f"{m}:{i}" for m, i in missing[:3]) + (", …" if len(missing) > 3 else "")
        say(t("awards.missing_scores", cluster=cluster, year=report.year, missing=shown))


def awards_documents(report: AwardsReport) -> None:
    """What became of each draft document."""
    for done in report.documents:
        if done.status == "nothing":
            say(t("awards.docx.nothing", cluster=done.cluster, year=done.year))
        elif done.status == "exists":
            say(t("awards.docx.exists", path=done.path))
        elif done.status == "failed":
            say(f"{done.path}: {done.detail}")
        elif done.status == "ignored":
            print(f"{done.path}: {t('severity.warning')} {done.detail} {t(done.detail, path=done.path)}", file=sys.stderr)
            print(f"  {t(done.detail + '.hint')}", file=sys.stderr)
        else:
            print(t("awards.docx.wrote", path=done.path), file=sys.stderr)


def init_report(result: InitResult) -> None:
    """Each file created (stdout), each kept (stderr), and how many."""
    directory = result.directory
    for path in result.created:
        print(t("init.created", path=(directory / path).as_posix()))
    for path in result.kept:
        print(t("init.kept", path=(directory / path).as_posix()), file=sys.stderr)
    print(t("init.done", count=len(result.created), path=directory.as_posix()), file=sys.stderr)


def fmt_report(result: FmtResult) -> None:
    """Per file what fmt did (with ``--check``: the diff on stdout), then the summary."""
    from thidua.output.diff import file_diff

    if not result.outcomes:
        print(t("fmt.no_files", path=", ".join(p.as_posix() for p in result.targets)), file=sys.stderr)
    for outcome in result.outcomes:
        where = outcome.display
        if outcome.skipped:
            print(t("fmt.symlink", where=where), file=sys.stderr)
        elif outcome.error is not None:
            _fmt_refusal(where, outcome.error)
        elif outcome.write_error is not None:
            print(t("write.failed", path=where, detail=outcome.write_error), file=sys.stderr)
        elif not outcome.changed:
            continue
        elif result.check:
            sys.stdout.write(file_diff(where, outcome.before, outcome.after))
            print(t("fmt.would_reformat", where=where), file=sys.stderr)
        else:
            print(t("fmt.reformatted", where=where), file=sys.stderr)
    summary = "fmt.summary_check" if result.check else "fmt.summary"
    print(t(summary, changed=result.changed, unchanged=result.unchanged, refused=result.refused), file=sys.stderr)
    if result.check and result.changed:
        print(t("fmt.hint_check"), file=sys.stderr)


def _fmt_refusal(where: str, error: NotFormattable) -> None:
    """``file:line:col: not formatted ...: reason [code]`` and the code's hint, as validate shows one."""
    if error.line is not None:
        where += f":{error.line}" + (f":{error.column}" if error.column is not None else "")
    print(t("fmt.refused", where=where, reason=say_message(error.message), code=error.code), file=sys.stderr)
    hint = say_hint(error.message)
    if hint:
        print(f"    {t('label.hint')}: {hint}", file=sys.stderr)


def rotate_written(result: RotationResult) -> None:
    """The file written, or (dry run) its diff on stdout and what writing would do."""
    from thidua.output.diff import unified_diff
    from thidua.repository.loader import display_path

    if result.written is not None:
        print(t("rotate.wrote", path=display_path(result.written)), file=sys.stderr)
    preview = result.preview
    if preview is None:
        return
    target, against = display_path(preview.target), display_path(preview.against)
    sys.stdout.write(unified_diff(preview.before, preview.after, against, target))
    print(t("rotate.would_write", path=target, against=against), file=sys.stderr)
    if preview.would_refuse:
        print(t("rotate.would_refuse", path=target), file=sys.stderr)


def step_summary(result: ValidationResult) -> None:
    """On GitHub Actions, the diagnostics as Markdown in the job summary ($GITHUB_STEP_SUMMARY)."""
    import os

    from thidua.output.render.diagnostics import render_markdown

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(render_markdown(result.diagnostics, result.files))
        except OSError:
            pass  # a summary is a courtesy; never fail validation over it
