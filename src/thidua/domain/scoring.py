"""From what a year file records to the score ranking counts: stages and computed indicators.

A score is a plain number (the final score), a mapping of stages (``self``, ``appraised``,
``final``), or, for an indicator with a ``formula``, the member's result (``actual``, ``count``,
``passed``). Ranking counts ``final``, else ``appraised``; a self-score alone is not counted (it has
not been checked: TD412), and a member whose score cannot be resolved is missing (never zero).

Formulas are computed exactly (``fractions.Fraction`` from the decimal text of each number) and
handed to ranking as a float, the type every total is summed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from thidua.domain.models import ClusterYearFile, Formula, FormulaKind, Indicator, StagedScore

HALF = Fraction(1, 2)


class Stage:
    """Which stage a counted score comes from (the words are the output's)."""

    final = "final"
    appraised = "appraised"
    self_score = "self"
    computed = "computed"


@lru_cache(maxsize=8192)
def exact(value: float | int) -> Fraction:
    """The number as written: 9.5 is 19/2, not the binary float's neighbour (repr is the shortest
    decimal that reads back as the same float; Decimal parses it in C, Fraction's regex would not)."""
    if isinstance(value, float):
        numerator, denominator = Decimal(repr(value)).as_integer_ratio()
        return Fraction(numerator, denominator)
    return Fraction(value)


@dataclass(frozen=True)
class Computation:
    """How a computed indicator reached its points, with the numbers used."""

    kind: FormulaKind
    points: Fraction
    actual: Fraction | None = None
    target: Fraction | None = None
    count: int | None = None
    passed: bool | None = None
    leader: str | None = None  # leader_relative: the member with the best result above target
    leader_actual: Fraction | None = None
    leader_target: Fraction | None = None
    best: Fraction | None = None  # best: the cluster's best result
    capped: bool = False  # the formula gave more than the maximum (or cap) and was cut to it
    unit: str | None = None


@dataclass(frozen=True)
class Resolved:
    """One member's counted score on one indicator, and where it came from."""

    value: float | None  # None: nothing countable (a self-score alone, a result missing)
    stage: str
    staged: StagedScore | None = None
    computation: Computation | None = None
    missing: tuple[str, ...] = field(default=())  # computed: the fields the formula lacks


_FINALS: dict[float, Resolved] = {}  # the Resolved of a plain score, one per value: frozen, so shared


def points_of(score: float | StagedScore) -> Resolved:
    """The counted value of a points indicator's score: final, else appraised, else nothing."""
    if not isinstance(score, StagedScore):
        value = float(score)
        found = _FINALS.get(value) if value else None  # 0.0 and -0.0 are one key: zeros are made each time
        if found is None:
            found = Resolved(value, Stage.final)
            if value:
                if len(_FINALS) >= 65_536:  # a bound on memory
                    _FINALS.clear()
                _FINALS[value] = found
        return found
    if score.final is not None:
        return Resolved(float(score.final), Stage.final, score)
    if score.appraised is not None:
        return Resolved(float(score.appraised), Stage.appraised, score)
    return Resolved(None, Stage.self_score, score)


def _target(indicator: Indicator, score: StagedScore) -> Fraction | None:
    formula = indicator.formula
    assert formula is not None
    value = score.target if score.target is not None else formula.target
    return exact(value) if value is not None else None


def ratio(max_: Fraction, actual: Fraction, target: Fraction) -> tuple[Fraction, bool]:
    """max · A / T, cut to max (and to 0 below zero)."""
    value = max_ * actual / target
    return min(max(value, Fraction(0)), max_), value > max_


def leader_relative(max_: Fraction, actual: Fraction, target: Fraction, leader_excess: Fraction | None) -> Fraction:
    """A < T: ½·MS·A/T; A = T: ½·MS; above target: ½·MS + (excess ÷ leader's excess)·½·MS.

    Excess is measured relative to each member's own target (A/T − 1), so members with different
    targets compare fairly; with one common target it is the rule's plain A − T ratio. The leader
    (largest excess) gets MS.
    """
    if actual <= target:
        return max(HALF * max_ * actual / target, Fraction(0))
    excess = actual / target - 1
    if leader_excess is None or leader_excess <= 0:
        return max_
    return HALF * max_ + min(excess / leader_excess, Fraction(1)) * HALF * max_


def best_relative(max_: Fraction, actual: Fraction, best: Fraction) -> Fraction:
    """No target: max · A / the best A of the cluster (0 when nobody has a positive result)."""
    if best <= 0:
        return Fraction(0)
    return min(max(max_ * actual / best, Fraction(0)), max_)


def count_points(count: int, points: Fraction, cap: Fraction) -> tuple[Fraction, bool]:
    value = count * points
    return min(value, cap), value > cap


def _computed(indicator: Indicator, scores: Mapping[str, Mapping[str, float | StagedScore]]) -> dict[str, Resolved]:
    """Every member's points on one computed indicator (the leader and the best need them all)."""
    formula = indicator.formula
    assert formula is not None
    max_ = exact(indicator.max)
    entries: dict[str, StagedScore] = {}
    out: dict[str, Resolved] = {}
    for member, row in scores.items():
        score = row.get(indicator.id)
        if score is None:
            continue
        if not isinstance(score, StagedScore) or not score.data_given:
            out[member] = Resolved(None, Stage.computed, score if isinstance(score, StagedScore) else None, missing=_needs(formula))
            continue
        lacking = tuple(f for f in _needs(formula) if getattr(score, f) is None and not (f == "target" and formula.target is not None))
        if lacking:
            out[member] = Resolved(None, Stage.computed, score, missing=lacking)
            continue
        entries[member] = score
    kind = formula.kind
    leader: tuple[str, Fraction, Fraction, Fraction] | None = None  # member, excess, actual, target
    best: Fraction | None = None
    if kind is FormulaKind.leader_relative:
        for member, score in entries.items():
            actual, target = exact(score.actual or 0), _target(indicator, score)
            assert target is not None
            excess = actual / target - 1
            if excess > 0 and (leader is None or excess > leader[1]):
                leader = (member, excess, actual, target)
    if kind is FormulaKind.best:
        best = max((exact(s.actual or 0) for s in entries.values()), default=None)
    for member, score in entries.items():
        computation = _compute(indicator, formula, max_, score, leader, best)
        out[member] = Resolved(float(computation.points), Stage.computed, score, computation)
    return out


def _needs(formula: Formula) -> tuple[str, ...]:
    return {
        FormulaKind.ratio: ("actual", "target"),
        FormulaKind.leader_relative: ("actual", "target"),
        FormulaKind.best: ("actual",),
        FormulaKind.pass_fail: ("passed",),
        FormulaKind.per_item: ("count",),
    }[formula.kind]


def _compute(
    indicator: Indicator,
    formula: Formula,
    max_: Fraction,
    score: StagedScore,
    leader: tuple[str, Fraction, Fraction, Fraction] | None,
    best: Fraction | None,
) -> Computation:
    kind, unit = formula.kind, formula.unit
    if kind is FormulaKind.pass_fail:
        return Computation(kind, max_ if score.passed else Fraction(0), passed=score.passed, unit=unit)
    if kind is FormulaKind.per_item:
        assert score.count is not None and formula.points is not None
        cap = exact(formula.cap) if formula.cap is not None else max_
        points, capped = count_points(score.count, exact(formula.points), min(cap, max_))
        return Computation(kind, points, count=score.count, capped=capped, unit=unit)
    actual = exact(score.actual or 0)
    if kind is FormulaKind.best:
        assert best is not None
        return Computation(kind, best_relative(max_, actual, best), actual=actual, best=best, unit=unit)
    target = _target(indicator, score)
    assert target is not None
    if kind is FormulaKind.ratio:
        points, capped = ratio(max_, actual, target)
        return Computation(kind, points, actual=actual, target=target, capped=capped, unit=unit)
    points = leader_relative(max_, actual, target, leader[1] if leader else None)
    if leader is None:
        return Computation(kind, points, actual=actual, target=target, unit=unit)
    return Computation(kind, points, actual=actual, target=target, leader=leader[0], leader_actual=leader[2], leader_target=leader[3], unit=unit)


def resolve(year: ClusterYearFile) -> dict[str, dict[str, Resolved]]:
    """Every recorded score of a year file, resolved: member -> indicator -> Resolved."""
    indicators = {i.id: i for i in year.indicators}
    computed = {i.id: _computed(i, year.scores) for i in year.indicators if i.formula is not None}
    # Where an id is repeated, the last indicator of that id says whether the score is computed.
    by_formula = {key: computed[key] for key, indicator in indicators.items() if indicator.formula is not None}
    finals = _FINALS
    out: dict[str, dict[str, Resolved]] = {}
    for member, row in year.scores.items():
        resolved: dict[str, Resolved] = {}
        for indicator_id, score in row.items():
            table = by_formula.get(indicator_id)
            if table is not None:
                resolved[indicator_id] = table[member]
            else:
                # A plain non-zero float already met: points_of's shared Resolved, without the call
                # (most scores of a year file are plain numbers that repeat).
                found = finals.get(score) if score.__class__ is float else None
                resolved[indicator_id] = found if found is not None else points_of(score)
        out[member] = resolved
    return out


def counted(resolved: Mapping[str, Mapping[str, Resolved]]) -> dict[str, dict[str, float]]:
    """The numbers ranking adds up: resolved scores without the uncountable ones."""
    return {m: {i: v for i, r in row.items() if (v := r.value) is not None} for m, row in resolved.items()}


def counted_scores(year: ClusterYearFile) -> dict[str, dict[str, float]]:
    return counted(resolve(year))


@dataclass(frozen=True)
class SelfDifference:
    """One indicator where the appraisal (or the final score) moved a member's self-score."""

    member: str
    indicator: str
    self_score: float
    appraised: float | None
    final: float | None
    reason: str | None
    explanation: str | None

    @property
    def change(self) -> float:
        """Points the member lost (negative) or gained against its self-score, at the counted stage."""
        counted_ = self.final if self.final is not None else self.appraised
        return float(exact(counted_ or 0) - exact(self.self_score))


def self_differences(year: ClusterYearFile, member: str | None = None) -> list[SelfDifference]:
    """Every score whose appraised or final value differs from the member's self-score."""
    out = []
    for who, row in year.scores.items():
        if member is not None and who != member:
            continue
        for indicator_id, score in row.items():
            if not isinstance(score, StagedScore) or score.self_score is None:
                continue
            later = [v for v in (score.appraised, score.final) if v is not None]
            if any(exact(v) != exact(score.self_score) for v in later):
                out.append(SelfDifference(who, indicator_id, score.self_score, score.appraised, score.final, score.reason, score.explanation))
    return out
