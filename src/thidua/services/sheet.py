"""``thidua sheet export`` and ``thidua sheet import`` as library calls.

Export writes the scoring workbook of a cluster-year. Import reads a filled-in workbook (either
layout, or a sheet made by hand), matches members and criteria the way a clerk writes them, and
puts the scores into the year file keeping its comments: validated in memory first, written
atomically, every problem reported at its cell (``s.xlsx:Nam Định!E7``) with a TD7xx code.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thidua.domain.diagnostics import Diagnostic
from thidua.domain.models import ClusterYear, IndicatorKind
from thidua.domain.rules import default_severity
from thidua.domain.sheet_match import (
    HEADER_SYNONYMS,
    SCORE_ROLES,
    Matcher,
    as_number_label,
    cell_name,
    fold,
    header_roles,
    is_roman,
    is_total_label,
    legacy_encoding,
    parse_value,
)
from thidua.repository.loader import Repository, display_path, load_repository
from thidua.repository.workbook import Sheet, Workbook, WorkbookError, read_workbook
from thidua.repository.writer import atomic_write

HEADER_SEARCH_ROWS = 30
TOTAL_TOLERANCE = 0.005


class SheetError(Exception):
    """A usage problem (unknown cluster, file exists…): ``key`` is an i18n key, ``params`` its values."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def _year_path(root: Path, cluster: str, year: int) -> Path:
    return root / "clusters" / cluster / f"{year}.yaml"


def _cluster_year(repo: Repository, root: Path, cluster: str, year: int) -> ClusterYear:
    if cluster not in repo.clusters:  # only this cluster was loaded: suggest from the directories
        from thidua.domain.suggest import closest
        from thidua.services.errors import UnknownCluster

        folder = root / "clusters"
        ids = [d.name for d in folder.iterdir() if d.is_dir()] if folder.is_dir() else []
        raise UnknownCluster(cluster, closest(cluster, ids))
    cy = repo.clusters[cluster].years.get(year)
    if cy is None:
        raise SheetError("sheet.no_year", cluster=cluster, year=year, path=display_path(_year_path(root, cluster, year)))
    return cy


# --------------------------------------------------------------------------- export


def export_sheet(root: Path, cluster: str, year: int, output: Path, layout: str = "per-member", force: bool = False) -> Path:
    """Write the scoring workbook of ``cluster`` ``year`` to ``output``; RefusedOverwrite if it exists."""
    from thidua.output.xlsx.sheet import scoring_workbook

    repo = load_repository(root, only=[cluster])
    cy = _cluster_year(repo, root, cluster, year)
    atomic_write(output, scoring_workbook(cy, layout), overwrite=force)
    return output


# --------------------------------------------------------------------------- import


@dataclass
class Cell:
    sheet: str
    row: int
    column: int


SheetScore = float | dict[str, float | str]  # a plain number (the final score) or the stages read


@dataclass
class ImportResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    scores: dict[str, dict[str, SheetScore]] = field(default_factory=dict)
    cluster: str | None = None
    year: int | None = None
    path: Path | None = None  # the year file
    before: str = ""
    after: str = ""
    written: bool = False

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    @property
    def changed(self) -> bool:
        return self.before != self.after


class _Reader:
    def __init__(self, shown: str, cy: ClusterYear, synonyms: Mapping[str, tuple[str, ...]], columns: Mapping[str, str] | None) -> None:
        self.shown = shown
        self.cy = cy
        self.synonyms = synonyms
        self.columns = columns or {}
        self.diagnostics: list[Diagnostic] = []
        # (member, indicator) -> stage (self, appraised, final, explanation, note) -> (value, cell)
        self.values: dict[tuple[str, str], dict[str, tuple[float | str, Cell]]] = {}
        self.totals: list[tuple[str, str, float, Cell]] = []  # (member, stage, stated total, cell)
        self.indicators = {i.id: i for i in cy.year.indicators}
        members = list(dict.fromkeys(cy.members))
        self.members = Matcher({m: [cy.units.name(m), cy.units.full_name(m)] for m in members})
        self.criteria = Matcher({i.id: [i.name] for i in cy.year.indicators}, {n: i.id for n, i in enumerate(cy.year.indicators, start=1)})
        self.numbered = _numbering(cy)

    def report(self, code: str, where: Cell | None, **params: Any) -> None:
        place = self.shown if where is None else f"{self.shown}:{_sheet_ref(where.sheet)}!{cell_name(where.row, where.column)}"
        self.diagnostics.append(Diagnostic(place, None, None, code, default_severity(code), params))

    # ---------------------------------------------------------------- header
    def header(self, sheet: Sheet) -> tuple[int, dict[int, str]] | None:
        if self.columns:
            wanted = {fold(h): role for role, h in self.columns.items()}
            for r in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
                found = {c: wanted[fold(str(v))] for c, v in enumerate(sheet.rows[r]) if v is not None and fold(str(v)) in wanted}
                if "name" in found.values() or "tt" in found.values() or "id" in found.values():
                    return r, found
            return None
        for r in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
            roles = header_roles(sheet.rows[r], self.synonyms)
            kinds = set(roles.values())
            if "name" in kinds and ({"tt", "max", "id"} & kinds or set(SCORE_ROLES) & kinds):
                return r, roles
        return None

    # ---------------------------------------------------------------- rows
    def criterion(self, sheet: Sheet, row: int, roles: Mapping[str, int]) -> tuple[str | None, bool]:
        """(indicator id or None, is a total row). Reports unknown criteria."""
        cells = sheet.rows[row]
        get = lambda role: cells[roles[role]] if role in roles and roles[role] < len(cells) else None  # noqa: E731
        name, number, ident = get("name"), get("tt"), get("id")
        if is_total_label(name) or (name is None and is_total_label(number)):
            return None, True
        if is_roman(number) or (name is None and number is None and ident is None):
            return None, False  # a group heading or an empty row
        if ident is not None and str(ident).strip() in self.indicators:
            return str(ident).strip(), False
        if name is None and as_number_label(number) is None:
            return None, False
        found = self.criteria.find(name, None)
        if len(found.ids) == 1:
            return found.ids[0], False
        if len(found.ids) > 1:
            self.report("TD719", Cell(sheet.name, row, roles.get("name", 0)), text=str(name), options=", ".join(found.ids))
            return None, False
        label = as_number_label(number)
        if label is not None and label in self.numbered:
            target = self.numbered[label]
            if name is not None:
                self.report("TD709", Cell(sheet.name, row, roles.get("name", 0)), text=str(name), number=label, name=self.indicators[target].name)
            return target, False
        where = Cell(sheet.name, row, roles["name"] if "name" in roles and name is not None else roles.get("tt", 0))
        hint = ", ".join(f"'{self.indicators[i].name}'" for i in self.criteria.suggest(name)) if name else ""
        self.report("TD708", where, text=str(name if name is not None else number), suggestion=hint or "-")
        return None, False

    def value(self, member: str, indicator: str, raw: object, where: Cell) -> float | None:
        parsed = parse_value(raw)
        spec = self.indicators[indicator]
        if parsed.blank:
            return None
        if parsed.pass_mark:
            self.report("TD713", where, text=str(raw), name=spec.name)
            return None
        if parsed.bad is not None or parsed.number is None:
            self.report("TD710", where, text=str(raw))
            return None
        number = parsed.number
        if number < 0:
            self.report("TD712", where, value=_num(number))
            return None
        if number > spec.max + 1e-9:
            self.report("TD711", where, value=_num(number), max=_num(spec.max), name=spec.name)
            return None
        return number

    def put(self, member: str, indicator: str, number: float, where: Cell, stage: str = "final") -> None:
        stages = self.values.setdefault((member, indicator), {})
        known = stages.get(stage)
        if known is not None and isinstance(known[0], float) and abs(known[0] - number) > 1e-9:
            first = known[1]
            self.report("TD715", where, value=_num(number), other=_num(known[0]), at=f"{_sheet_ref(first.sheet)}!{cell_name(first.row, first.column)}")
            return
        stages[stage] = (number, where)

    def text(self, member: str, indicator: str, raw: object, where: Cell, stage: str) -> None:
        """A Giải trình or Ghi chú cell: kept with the row's stages when it holds text."""
        if raw is not None and str(raw).strip():
            self.values.setdefault((member, indicator), {}).setdefault(stage, (str(raw).strip(), where))

    def scores(self, member: str, indicator: str) -> dict[str, tuple[float | str, Cell]]:
        return self.values.get((member, indicator), {})

    def stated_total(self, member: str, stage: str, raw: object, where: Cell) -> None:
        parsed = parse_value(raw)
        if parsed.number is not None:
            self.totals.append((member, stage, parsed.number, where))
        elif not parsed.blank:
            self.report("TD710", where, text=str(raw))

    # ---------------------------------------------------------------- layouts
    def per_member(self, sheet: Sheet, member: str, header: int, roles: Mapping[str, int]) -> None:
        order = [r for r in SCORE_ROLES if r in roles]
        for row in range(header + 1, len(sheet.rows)):
            indicator, total = self.criterion(sheet, row, roles)
            if total:
                role = next((r for r in ("final", "appraised", "self") if r in roles and sheet.cell(row, roles[r]) is not None), None)
                if role is not None:
                    self.stated_total(member, role, sheet.cell(row, roles[role]), Cell(sheet.name, row, roles[role]))
                break
            if indicator is None:
                continue
            for role in order:  # every stage the sheet has a column for
                raw = sheet.cell(row, roles[role])
                if parse_value(raw).blank:
                    continue
                where = Cell(sheet.name, row, roles[role])
                number = self.value(member, indicator, raw, where)
                if number is not None:
                    self.put(member, indicator, number, where, role)
            for role in ("explanation", "note"):
                if role in roles:
                    self.text(member, indicator, sheet.cell(row, roles[role]), Cell(sheet.name, row, roles[role]), role)

    def matrix(self, sheet: Sheet, header: int, roles: Mapping[int, str]) -> None:
        role_of = {role: col for col, role in roles.items()}
        head = sheet.rows[header]
        sub = sheet.rows[header + 1] if header + 1 < len(sheet.rows) else []
        sub_roles = header_roles(sub, self.synonyms)
        has_sub = any(r in SCORE_ROLES for r in sub_roles.values())
        columns: dict[int, tuple[str, str]] = {}  # col -> (member, role)
        current: str | None = None
        width = max(len(head), len(sub))
        for col in range(width):
            if col in roles:
                current = None
                continue
            text = head[col] if col < len(head) else None
            if text is not None:
                found = self.members.find(text)
                current = None
                if len(found.ids) == 1:
                    current = found.ids[0]
                elif len(found.ids) > 1:
                    self.report("TD719", Cell(sheet.name, header, col), text=str(text), options=", ".join(found.ids))
                else:
                    hint = ", ".join(f"'{self.cy.name(m)}'" for m in self.members.suggest(text))
                    self.report("TD707", Cell(sheet.name, header, col), text=str(text), suggestion=hint or "-")
            if current is None:
                continue
            if has_sub:
                role = _sub_role(sub[col] if col < len(sub) else None, self.synonyms)
                if role in (*SCORE_ROLES, "explanation", "note"):
                    columns[col] = (current, role)
            elif text is not None:
                columns[col] = (current, "final")
        first = header + (2 if has_sub else 1)
        by_member: dict[str, list[tuple[int, str]]] = {}
        for col, (member, role) in columns.items():
            by_member.setdefault(member, []).append((col, role))
        rank = {"appraised": 0, "final": 1, "self": 2}
        for member in by_member:
            by_member[member].sort(key=lambda cr: rank.get(cr[1], 3))
        for row in range(first, len(sheet.rows)):
            indicator, total = self.criterion(sheet, row, {r: c for r, c in role_of.items()})
            if total:
                for member, cols in by_member.items():
                    for col, role in cols:
                        raw = sheet.cell(row, col)
                        if parse_value(raw).number is not None:
                            self.stated_total(member, role, raw, Cell(sheet.name, row, col))
                            break
                break
            if indicator is None:
                continue
            for member, cols in by_member.items():
                for col, role in cols:
                    where = Cell(sheet.name, row, col)
                    if role in ("explanation", "note"):
                        self.text(member, indicator, sheet.cell(row, col), where, role)
                        continue
                    raw = sheet.cell(row, col)
                    if parse_value(raw).blank:
                        continue
                    number = self.value(member, indicator, raw, where)
                    if number is not None:
                        self.put(member, indicator, number, where, role)


def _sub_role(text: object, synonyms: Mapping[str, tuple[str, ...]]) -> str | None:
    if text is None:
        return None
    roles = header_roles([text], synonyms)
    return roles.get(0)


def _numbering(cy: ClusterYear) -> dict[int, str]:
    """Criterion number (TT) -> id, numbered as the export numbers them (groups, bonus, deductions)."""
    from thidua.output.xlsx.sheet import sections

    ids = [i.id for s in sections(cy) for i in s.indicators]
    return {n: i for n, i in enumerate(ids, start=1)}


def _sheet_ref(name: str) -> str:
    return name


def _num(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _total(cy: ClusterYear, scores: Mapping[str, float]) -> float:
    total = 0.0
    for indicator in cy.year.indicators:
        value = scores.get(indicator.id)
        if value is None:
            continue
        if indicator.kind is IndicatorKind.scored:
            total += value * indicator.weight
        elif indicator.kind is IndicatorKind.bonus:
            total += value
        else:
            total -= value
    return total


def sheet_score(read: Mapping[str, float | str], exported: bool = False) -> SheetScore | None:
    """What a row of the sheet writes into the year file: a plain number when it holds only a
    final (or an appraised, or one unnamed) score, else the stages it holds; None when no number.

    ``Ghi chú``/``Lý do`` becomes the ``reason`` when the appraisal differs from the self-score,
    else a ``note``. In a workbook thidua exported, *Điểm cuối* is the formula "thẩm định, else tự
    chấm" unless a final score was recorded: a value equal to that is not a final score of its own.
    """
    numbers = {k: float(v) for k, v in read.items() if k in SCORE_ROLES and isinstance(v, float | int)}
    texts = {k: str(v) for k, v in read.items() if k in ("explanation", "note") and isinstance(v, str)}
    own, appraised, final = numbers.get("self"), numbers.get("appraised"), numbers.get("final")
    derived = appraised if appraised is not None else own
    if exported and final is not None and derived is not None and final == derived:
        final = None
    if own is None and appraised is None and final is None:
        return None
    if own is None and "explanation" not in texts and (appraised is None or final is None or appraised == final):
        return final if final is not None else appraised
    out: dict[str, float | str] = {}
    if own is not None:
        out["self"] = own
    if appraised is not None:
        out["appraised"] = appraised
    if "note" in texts:
        out["reason" if own is not None and appraised is not None and own != appraised else "note"] = texts["note"]
    if "explanation" in texts:
        out["explanation"] = texts["explanation"]
    if final is not None:
        out["final"] = final
    return out


STAGE_CELL = {"TD411": "appraised", "TD412": "self"}  # where a check of the written stages points in the sheet


def _at_cells(errors: list[Diagnostic], cy: ClusterYear, reader: _Reader) -> list[Diagnostic]:
    """The year file's TD411/TD412 about a score the sheet gave, located at the sheet's cell."""
    members = {cy.name(m): m for m in dict.fromkeys(cy.members)}
    out = []
    for d in errors:
        stage = STAGE_CELL.get(d.code)
        member = members.get(str(d.params.get("name"))) if stage else None
        found = reader.scores(member, str(d.params.get("indicator"))).get(stage or "") if member else None
        if found is None:
            out.append(d)
            continue
        where = found[1]
        place = f"{reader.shown}:{_sheet_ref(where.sheet)}!{cell_name(where.row, where.column)}"
        out.append(Diagnostic(place, None, None, d.code, d.severity, d.params))
    return out


def _legacy(book: Workbook, shown: str) -> Diagnostic | None:
    for sheet in book.sheets:
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if isinstance(value, str):
                    kind = legacy_encoding(value)
                    if kind:
                        place = f"{shown}:{sheet.name}!{cell_name(r, c)}"
                        return Diagnostic(place, None, None, "TD702", default_severity("TD702"), {"encoding": kind, "text": value[:40]})
    return None


def _stage_value(value: float | str) -> float | int | str:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _same(known: object, value: float | str) -> bool:
    if isinstance(value, str):
        return known == value
    return isinstance(known, int | float) and not isinstance(known, bool) and float(known) == float(value)


def set_scores(text: str, scores: Mapping[str, Mapping[str, SheetScore]]) -> str:
    """The year file's text with ``scores`` put in (a ruamel round trip: comments and order kept).

    A number goes in as the final score; a mapping of stages is merged into a staged score (a
    stage the sheet left blank stays as recorded) or replaces a plain number, in flow style."""
    import re

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long name
    # the file's own sequence indentation, read from its first block list (ruamel's guess would
    # parse the whole file a second time)
    first = re.search(r"^[A-Za-z_][\w-]*:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*( *)- ", text, flags=re.M)
    offset = len(first.group(1)) if first else 0
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    data = yaml.load(text)
    block = data.get("scores")
    if not isinstance(block, CommentedMap):
        block = CommentedMap()
        keys = list(data)
        after = next((k for k in ("votes", "indicators", "members") if k in keys), None)
        data.insert(keys.index(after) + 1 if after else len(keys), "scores", block)
    for member, values in scores.items():
        row = block.get(member)
        if not isinstance(row, CommentedMap):
            row = CommentedMap()
            block[member] = row
        for indicator, value in values.items():
            known = row.get(indicator)
            if isinstance(value, dict):
                if isinstance(known, CommentedMap):
                    for stage, given in value.items():
                        if not _same(known.get(stage), given):
                            known[stage] = _stage_value(given)
                else:
                    staged = CommentedMap((stage, _stage_value(given)) for stage, given in value.items())
                    staged.fa.set_flow_style()
                    row[indicator] = staged
            elif isinstance(known, CommentedMap):  # a score with its stages: the sheet's number is the final one
                counted = known.get("final", known.get("appraised"))
                if not (isinstance(counted, (int, float)) and float(counted) == float(value)):
                    known["final"] = float(value)
            elif not (isinstance(known, (int, float)) and not isinstance(known, bool) and float(known) == float(value)):
                row[indicator] = float(value)  # unchanged numbers keep how the file wrote them
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def import_sheet(
    file: Path,
    root: Path,
    cluster: str | None = None,
    year: int | None = None,
    dry_run: bool = False,
    synonyms: Mapping[str, tuple[str, ...]] | None = None,
    columns: Mapping[str, str] | None = None,
) -> ImportResult:
    """Read ``file``, check it, and (unless ``dry_run`` or a finding is an error) write the scores."""
    from thidua.services.validate import errors_if_written

    shown = display_path(file)
    result = ImportResult()

    def fail(code: str, **params: Any) -> ImportResult:
        result.diagnostics.append(Diagnostic(shown, None, None, code, default_severity(code), params))
        return result

    try:
        book = read_workbook(file)
    except WorkbookError as exc:
        return fail("TD701", detail=str(exc))
    legacy = _legacy(book, shown)
    if legacy is not None:
        result.diagnostics.append(legacy)
        return result
    meta_cluster, meta_year = book.meta.get("cluster"), book.meta.get("year")
    if (meta_cluster and cluster and meta_cluster != cluster) or (meta_year and year and meta_year != str(year)):
        return fail("TD720", cluster=meta_cluster or "-", year=meta_year or "-", given_cluster=cluster or "-", given_year=year or "-")
    cluster = cluster or meta_cluster
    if year is None and meta_year and meta_year.isdigit():
        year = int(meta_year)
    if not cluster or year is None:
        return fail("TD705")
    result.cluster, result.year = cluster, year
    repo = load_repository(root, only=[cluster])
    try:
        cy = _cluster_year(repo, root, cluster, year)
    except SheetError:
        return fail("TD706", cluster=cluster, year=year)
    reader = _Reader(shown, cy, synonyms or HEADER_SYNONYMS, columns)
    sheet_members = {k.removeprefix("sheet:"): v for k, v in book.meta.items() if k.startswith("sheet:")}
    read_any = False
    skipped: list[Sheet] = []
    for sheet in book.sheets:
        if not sheet.visible and sheet.name not in sheet_members:
            continue
        found = reader.header(sheet)
        if found is None:
            skipped.append(sheet)
            continue
        header, by_col = found
        roles = {role: col for col, role in by_col.items()}
        if set(SCORE_ROLES) & set(roles):
            member = sheet_members.get(sheet.name)
            if member is None:
                match = reader.members.find(sheet.name)
                if len(match.ids) != 1:
                    hint = ", ".join(f"'{cy.name(m)}'" for m in reader.members.suggest(sheet.name))
                    reader.report("TD707", Cell(sheet.name, 0, 0), text=sheet.name, suggestion=hint or "-")
                    continue
                member = match.ids[0]
            reader.per_member(sheet, member, header, roles)
        else:
            reader.matrix(sheet, header, by_col)
        read_any = True
    for sheet in skipped:
        reader.report("TD704" if read_any else "TD703", Cell(sheet.name, 0, 0))
    if not book.sheets:
        reader.report("TD703", None)
    exported = book.meta.get("format") == "thidua-sheet"
    for (member, indicator), stages in reader.values.items():
        score = sheet_score({stage: value for stage, (value, _where) in stages.items()}, exported)
        if score is not None:
            result.scores.setdefault(member, {})[indicator] = score
    for member, stage, stated, where in reader.totals:
        if member not in result.scores:
            continue
        column = {ind: v[0] for (m, ind), row in reader.values.items() if m == member for s, v in row.items() if s == stage}
        computed = _total(cy, {ind: float(v) for ind, v in column.items() if isinstance(v, float)})
        if abs(computed - stated) > TOTAL_TOLERANCE:
            reader.report("TD714", where, stated=_num(stated), computed=_num(round(computed, 6)), name=cy.name(member))
    if read_any:
        for member in dict.fromkeys(cy.members):
            if member not in result.scores:
                reader.report("TD717", None, name=cy.name(member), member=member)
    result.diagnostics.extend(reader.diagnostics)
    if not result.ok or not result.scores:
        return result
    path = _year_path(root, cluster, year)
    result.path = path
    result.before = path.read_text(encoding="utf-8")
    formulas = {i.id for i in cy.year.indicators if i.formula is not None}  # their results stay as recorded
    result.after = set_scores(result.before, {m: {i: v for i, v in row.items() if i not in formulas} for m, row in result.scores.items()})
    errors = _at_cells(errors_if_written(root, path, result.after, repo.diagnostics), cy, reader)
    if errors:
        result.diagnostics.extend(errors)
        for d in errors:
            if d.file.startswith(f"{shown}:"):
                continue  # already at its cell
            result.diagnostics.append(Diagnostic(shown, None, None, "TD721", "error", {"file": d.file, "code": d.code}))
        return result
    if not dry_run and result.changed:
        atomic_write(path, result.after, overwrite=True)
        result.written = True
    return result
