"""``thidua schema``, ``thidua init`` and ``thidua fmt``: the tools around a data repository."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua.cli.options import usage_error

if TYPE_CHECKING:
    from thidua.services.fmt import NotFormattable


class SchemaKind(StrEnum):
    cluster_year = "cluster-year"
    cluster = "cluster"
    registry = "registry"


def schema(
    kind: Annotated[SchemaKind, typer.Option("--kind", "-k", help="Which file: cluster-year (data/clusters/<id>/<year>.yaml), cluster (cluster.yaml) or registry (provinces.yaml).")] = SchemaKind.cluster_year,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --output if it exists.")] = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a data file, generated from the models."""
    from thidua.output.i18n import t
    from thidua.repository.writer import RefusedOverwrite, atomic_write
    from thidua.services.schema import schema_text

    text = schema_text(kind.value)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        atomic_write(output, text, overwrite=force)
    except RefusedOverwrite:
        usage_error(t("write.exists", path=output))
    except OSError as exc:
        print(t("write.failed", path=output, detail=exc.strerror or exc), file=sys.stderr)
        raise typer.Exit(1) from None
    print(t("write.wrote", path=output), file=sys.stderr)


def init(
    directory: Annotated[Path, typer.Argument(help="Directory of the new data repository (created if missing).")],
    force: Annotated[bool, typer.Option("--force", help="Also in a non-empty directory: add the missing files, keep every existing one.")] = False,
) -> None:
    """Create a data repository: registry, an example cluster, schemas, CI workflow, pre-commit, README."""
    from thidua.output.i18n import t
    from thidua.services.scaffold import LeavesDirectory, NotEmpty, scaffold

    if directory.exists() and not directory.is_dir():
        usage_error(t("init.not_dir", path=directory))
    try:
        result = scaffold(directory, force=force)
    except NotEmpty:
        usage_error(t("init.not_empty", path=directory))
    except LeavesDirectory as exc:  # a data error, not a usage one: the directory's own content
        print(f"thidua: {t('init.through_link', path=(directory / exc.path).as_posix(), directory=directory.as_posix())}", file=sys.stderr)
        raise typer.Exit(1) from None
    except OSError as exc:
        print(t("write.failed", path=exc.filename or directory, detail=exc.strerror or exc), file=sys.stderr)
        raise typer.Exit(1) from None
    for path in result.created:
        print(t("init.created", path=(directory / path).as_posix()))
    for path in result.kept:
        print(t("init.kept", path=(directory / path).as_posix()), file=sys.stderr)
    print(t("init.done", count=len(result.created), path=directory.as_posix()), file=sys.stderr)


def fmt(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or directories (default: $THIDUA_DATA, else data/).", show_default=False)] = None,
    check: Annotated[bool, typer.Option("--check", help="Change nothing: print a diff of each file that would change and exit 1.")] = False,
) -> None:
    """Rewrite data files in canonical form, keeping comments (key order, quoted codes, NFC, indentation)."""
    from thidua.output.i18n import t
    from thidua.repository.loader import default_data_dir, display_path
    from thidua.repository.writer import atomic_write
    from thidua.services.fmt import collect_files, examine, unified_diff

    targets = paths or [default_data_dir()]
    for path in targets:
        if not path.exists() and not path.is_symlink():
            usage_error(t("cli.no_path", path=path))
    files = collect_files(targets)
    if not files:
        print(t("fmt.no_files", path=", ".join(p.as_posix() for p in targets)), file=sys.stderr)
    changed = unchanged = refused = 0
    for path in files:
        outcome = examine(path, display_path(path))
        where = outcome.display
        if outcome.skipped:
            print(t("fmt.symlink", where=where), file=sys.stderr)
        elif outcome.error is not None:
            _report_refusal(where, outcome.error)
            refused += 1
        elif not outcome.changed:
            unchanged += 1
        elif check:
            sys.stdout.write(unified_diff(outcome.display, outcome.before, outcome.after))
            print(t("fmt.would_reformat", where=where), file=sys.stderr)
            changed += 1
        else:
            try:
                atomic_write(path, outcome.after, overwrite=True)  # asked for: that is what fmt does
            except OSError as exc:
                print(t("write.failed", path=where, detail=exc.strerror or exc), file=sys.stderr)
                refused += 1
                continue
            print(t("fmt.reformatted", where=where), file=sys.stderr)
            changed += 1
    summary = "fmt.summary_check" if check else "fmt.summary"
    print(t(summary, changed=changed, unchanged=unchanged, refused=refused), file=sys.stderr)
    if check and changed:
        print(t("fmt.hint_check"), file=sys.stderr)
    raise typer.Exit(1 if refused or (check and changed) else 0)


def _report_refusal(where: str, error: NotFormattable) -> None:
    """``file:line:col: not formatted ...: reason [code]`` and the code's hint, as validate shows one."""
    from thidua.output.i18n import say, say_hint, t

    if error.line is not None:
        where += f":{error.line}" + (f":{error.column}" if error.column is not None else "")
    print(t("fmt.refused", where=where, reason=say(error.message), code=error.code), file=sys.stderr)
    hint = say_hint(error.message)
    if hint:
        print(f"    {t('label.hint')}: {hint}", file=sys.stderr)
