"""The data format, as pydantic models.

These models are the single source of truth for the files under ``data/``: the loader validates
against them, ``thidua schema`` exports them as JSON Schema, and every command computes over them.
Models are strict (a year written as ``"2023"`` or a code written as ``24`` is an error, not a
guess); dates are the one exception and are accepted as ISO strings (``2024-03-13``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    StringConstraints,
    Tag,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
UnitId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Code = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Year = Annotated[int, Field(ge=1945, le=2100)]
Points = Annotated[float, Field(ge=0, le=1_000_000)]

# Real clusters have 5–20 members and 10–40 indicators; these caps only bound what a hostile file
# can make the checks do.
MAX_MEMBERS = 500
MAX_INDICATORS = 500


def _iso_date(value: object) -> object:
    """Accept ``YYYY-MM-DD`` strings only: a bare number must not become a Unix timestamp."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("expected a date written YYYY-MM-DD") from None
    return value


Date = Annotated[dt.date, BeforeValidator(_iso_date)]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=False)


# --------------------------------------------------------------------------- registry


class UnitType(StrEnum):
    tinh = "tinh"  # province
    thanh_pho_trung_uong = "thanh_pho_trung_uong"  # centrally run city
    thanh_pho = "thanh_pho"  # provincial city (district level)
    thi_xa = "thi_xa"  # town
    huyen = "huyen"  # rural district
    quan = "quan"  # urban district
    xa = "xa"  # rural commune
    phuong = "phuong"  # ward
    thi_tran = "thi_tran"  # township (old map only)
    dac_khu = "dac_khu"  # special zone (new map, from 01/07/2025)
    co_quan = "co_quan"  # agency / ministry / department / organisation
    truong = "truong"  # school
    doanh_nghiep = "doanh_nghiep"  # enterprise
    hop_tac_xa = "hop_tac_xa"  # cooperative
    dang_uy = "dang_uy"  # Party committee (tỉnh ủy, đảng ủy)
    doan_the = "doan_the"  # Fatherland Front or mass-organisation committee

    @property
    def prefix(self) -> str:
        return UNIT_PREFIX[self]

    @property
    def territorial(self) -> bool:
        """A province, district or commune (headed by a people's committee), not a body or a school."""
        return self in TERRITORIAL_TYPES


UNIT_PREFIX = {
    UnitType.tinh: "Tỉnh",
    UnitType.thanh_pho_trung_uong: "Thành phố",
    UnitType.thanh_pho: "Thành phố",
    UnitType.thi_xa: "Thị xã",
    UnitType.huyen: "Huyện",
    UnitType.quan: "Quận",
    UnitType.xa: "Xã",
    UnitType.phuong: "Phường",
    UnitType.thi_tran: "Thị trấn",
    UnitType.dac_khu: "Đặc khu",
    UnitType.co_quan: "",
    UnitType.truong: "",  # a school's name carries its kind: "Trường THCS&THPT Bác Ái"
    UnitType.doanh_nghiep: "",
    UnitType.hop_tac_xa: "",
    UnitType.dang_uy: "",
    UnitType.doan_the: "",
}
TERRITORIAL_TYPES = frozenset({
    UnitType.tinh, UnitType.thanh_pho_trung_uong, UnitType.thanh_pho, UnitType.thi_xa, UnitType.huyen,
    UnitType.quan, UnitType.xa, UnitType.phuong, UnitType.thi_tran, UnitType.dac_khu,
})


class Source(Strict):
    """Where a fact comes from: a URL or an official document number, ideally both."""

    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    document: Text | None = None  # e.g. "5007/BNV-TĐKT"
    publisher: Text | None = None
    date: Date | None = None
    note: Text | None = None


class Unit(Strict):
    """A unit that can be a cluster member: a province, a city, a district, an agency."""

    id: UnitId
    name: Text  # without the type prefix: "Nam Định", not "Tỉnh Nam Định"
    type: Annotated[UnitType, Field(strict=False)]
    code: Code | None = None  # statistics office code; provinces only, and reused after 2025
    valid_from: Date | None = None  # None: since before the records start
    valid_to: Date | None = None  # None: still in force
    successor: UnitId | None = None
    predecessors: list[UnitId] = Field(default_factory=list)
    # A rename (THPT Bác Ái -> THCS&THPT Bác Ái) is a succession of one unit into one: the same
    # history under a new id; ``change`` says which kind of succession ``successor`` records.
    change: Literal["merger", "rename", "split"] | None = None
    parent: UnitId | None = None  # the province, commune or body a school or agency belongs to

    @property
    def full_name(self) -> str:
        prefix = self.type.prefix
        return f"{prefix} {self.name}" if prefix else self.name

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class RegistryFile(Strict):
    """``data/provinces.yaml``."""

    units: list[Unit]
    sources: list[Source] = Field(min_length=1)


# --------------------------------------------------------------------------- rules


class IndicatorKind(StrEnum):
    scored = "scored"
    bonus = "bonus"
    deduction = "deduction"


class Rounding(StrEnum):
    floor = "floor"
    ceil = "ceil"
    nearest = "nearest"  # half rounds up: 2.5 → 3


class VoteBase(StrEnum):
    """What a vote share is counted against."""

    members = "members"  # every member of the voting body (default: the cluster's members)
    voters = "voters"  # those who cast a valid ballot
    present = "present"  # those present at the meeting


class VoteThreshold(Strict):
    """A share of votes as a rule states it: "> 50 % of all members", "≥ 2/3 of those present"."""

    share: Annotated[float, Field(gt=0, le=1)]
    of: Annotated[VoteBase, Field(strict=False)] = VoteBase.voters
    strict: bool = False  # true: more than the share ("quá 50 %"); false: at least the share

    @model_validator(mode="before")
    @classmethod
    def _base_from_text(cls, data: Any) -> Any:
        # Inside the ``float | VoteThreshold`` union pydantic < 2.11 validates members strictly,
        # ignoring the field's strict=False, so the enum is made from its text here; an unknown
        # text stays text and gets the field's own error.
        if isinstance(data, dict) and isinstance(data.get("of"), str) and data["of"] in VoteBase.__members__:
            return {**data, "of": VoteBase(data["of"])}
        return data

    @property
    def legacy(self) -> bool:
        """Whether this is what a bare number means: at least ``share`` of the voters."""
        return self.of is VoteBase.voters and not self.strict


# A bare number is the share of the voters, reached or exceeded (the format before issue 12).
Threshold = Annotated[float, Field(gt=0, le=1)] | VoteThreshold


def as_threshold(value: float | VoteThreshold | None) -> VoteThreshold | None:
    if value is None or isinstance(value, VoteThreshold):
        return value
    return VoteThreshold(share=value)


class Band(Strict):
    """A score band (xếp loại): a named range of totals, optionally with a floor on every criterion.

    ``min``/``max`` bound the total (``min_inclusive``: ≥ or >, ``max_inclusive``: ≤ or <);
    ``floor`` is the least share of its maximum every scored criterion must reach (0.85: none below
    85 %). Bands are listed best first; a member takes the first whose conditions it meets.
    """

    id: UnitId
    name: Text  # "Xuất sắc", "Tốt", "Khá"
    min: Annotated[float, Field(ge=-1_000_000, le=1_000_000)] | None = None
    min_inclusive: bool = True
    max: Annotated[float, Field(ge=-1_000_000, le=1_000_000)] | None = None
    max_inclusive: bool = False
    floor: Annotated[float, Field(gt=0, le=1)] | None = None


class AwardStep(Strict):
    """One rung of a cluster's award ladder, walked top to bottom over the ranking."""

    award: UnitId  # an id from the award catalogue (thidua.domain.awards) or from ``award_titles``
    count: Annotated[int, Field(ge=0, le=1000)] | None = None
    share: Annotated[float, Field(gt=0, le=1)] | None = None  # of the cluster's members
    rounding: Annotated[Rounding, Field(strict=False)] = Rounding.floor
    min_total: Points | None = None
    max_deductions: Points | None = None  # more points deducted than this: not eligible
    min_scores: dict[str, Points] = Field(default_factory=dict)  # indicator id -> minimum
    min_vote_share: Threshold | None = None  # overrides the rule-wide ``vote_threshold``
    issuer: Text | None = None  # who gives it: "Bộ Công Thương", "UBND tỉnh Hải Dương"
    # true: walked over the whole ranking on its own (another body's list), so a member awarded on
    # another rung may receive this one too; false: one ladder award per member, the highest.
    independent: bool = False
    band: UnitId | None = None  # a band (rules.bands) the member must have reached

    @model_validator(mode="after")
    def _one_quota(self) -> AwardStep:
        if (self.count is None) == (self.share is None):
            raise ValueError("give exactly one of 'count' or 'share'")
        return self


class RotationPolicy(StrEnum):
    vice_promotes = "vice_promotes"
    list_order = "list_order"
    elected = "elected"
    appointed = "appointed"


class RotationRules(Strict):
    policy: Annotated[RotationPolicy, Field(strict=False)] = RotationPolicy.elected
    vice_chairs: Annotated[int, Field(ge=0, le=10)] = 1
    cooldown: Annotated[int, Field(ge=0, le=50)] = 0  # skip who chaired in the last K years
    order: list[UnitId] | None = None  # rotation order; default: the members' order


class Rules(Strict):
    """A cluster's rules (quy chế). Year files may override any key of the cluster file's."""

    tie_break: list[Annotated[str, StringConstraints(pattern=r"^(votes|bonus|deductions|(group|indicator):[a-z0-9-]+)$")]] = Field(default_factory=list)
    vote_threshold: Threshold | None = None
    awards: list[AwardStep] = Field(default_factory=list)
    rotation: RotationRules = Field(default_factory=RotationRules)
    bands: list[Band] = Field(default_factory=list, max_length=50)


class RulesOverride(Strict):
    """The same keys as Rules, all optional: what a year changes."""

    tie_break: list[Annotated[str, StringConstraints(pattern=r"^(votes|bonus|deductions|(group|indicator):[a-z0-9-]+)$")]] | None = None
    vote_threshold: Threshold | None = None
    awards: list[AwardStep] | None = None
    rotation: RotationRules | None = None
    bands: list[Band] | None = None


# --------------------------------------------------------------------------- clusters


class ClusterKind(StrEnum):
    cum = "cum"  # cluster of localities
    khoi = "khoi"  # block of agencies / of similar units


class OrganiserLevel(StrEnum):
    central = "central"  # Ban Thi đua - Khen thưởng Trung ương, or another central body
    province = "province"
    ministry = "ministry"
    district = "district"  # before 01/07/2025
    commune = "commune"


class Body(StrEnum):
    """The kind of body that organises a cluster: one province runs several (its people's
    committee, its Party committee, its Fatherland Front, each department), and each is an
    organiser of its own for the one-cluster-per-organiser rule and the Government-flag cap."""

    central_board = "central_board"  # Ban Thi đua - Khen thưởng Trung ương
    ministry = "ministry"  # a ministry, a central agency or central body
    people_committee = "people_committee"  # Ủy ban nhân dân
    party_committee = "party_committee"  # Tỉnh ủy, Huyện ủy, Đảng ủy
    fatherland_front = "fatherland_front"  # Ủy ban Mặt trận Tổ quốc Việt Nam
    department = "department"  # a department of a province or commune (Sở, Ban, Phòng)
    cooperative_alliance = "cooperative_alliance"  # Liên minh Hợp tác xã
    union = "union"  # Liên đoàn Lao động, Đoàn Thanh niên, Hội Liên hiệp Phụ nữ…
    association = "association"  # Hội
    enterprise = "enterprise"  # a corporation or group organising its member companies


# What an organiser is when it gives its level and no ``body`` (every file written before bodies
# existed): the Central Board at central level, the ministry at ministry level, else the people's
# committee of ``unit`` (UBND tỉnh / huyện / xã), the body that runs most territorial clusters.
DEFAULT_BODY: dict[OrganiserLevel, Body] = {
    OrganiserLevel.central: Body.central_board,
    OrganiserLevel.ministry: Body.ministry,
    OrganiserLevel.province: Body.people_committee,
    OrganiserLevel.district: Body.people_committee,
    OrganiserLevel.commune: Body.people_committee,
}
# One such body per unit (or in the country): its key needs no name. Departments, unions,
# associations, enterprises and ministries are told apart by name.
ONE_PER_UNIT = frozenset({Body.central_board, Body.people_committee, Body.party_committee, Body.fatherland_front})
# The levels at which a body can organise; a body not listed may organise at any level.
BODY_LEVELS: dict[Body, frozenset[OrganiserLevel]] = {
    Body.central_board: frozenset({OrganiserLevel.central}),
    Body.ministry: frozenset({OrganiserLevel.central, OrganiserLevel.ministry}),
    Body.people_committee: frozenset({OrganiserLevel.province, OrganiserLevel.district, OrganiserLevel.commune}),
    Body.department: frozenset({OrganiserLevel.province, OrganiserLevel.district, OrganiserLevel.commune}),
}


class Organiser(Strict):
    """Who runs the cluster: a body (``body``, default by level: :data:`DEFAULT_BODY`) of a unit."""

    level: Annotated[OrganiserLevel, Field(strict=False)]
    name: Text
    unit: UnitId | None = None  # the province, district or commune whose body it is (registry id)
    body: Annotated[Body, Field(strict=False)] | None = None

    @property
    def body_kind(self) -> Body:
        return self.body or DEFAULT_BODY[self.level]

    @property
    def key(self) -> tuple[str, str, str]:
        """The body's identity across clusters: (body, unit, name), the name only where a unit
        has several bodies of that kind (two departments of one province)."""
        body = self.body_kind
        if body in ONE_PER_UNIT and (self.unit or body is Body.central_board):
            return (body.value, self.unit or "", "")
        return (body.value, self.unit or "", self.name)


class PeriodKind(StrEnum):
    calendar = "calendar"  # năm 2024: 1 January to 31 December (the default)
    school_year = "school_year"  # năm học 2017–2018: from ``start`` (default 1 September) for a year
    other = "other"  # a declared period, written with ``label``


MonthDay = Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
PERIOD_START: dict[PeriodKind, str] = {PeriodKind.calendar: "01-01", PeriodKind.school_year: "09-01", PeriodKind.other: "01-01"}


class Period(Strict):
    """What the year of a year file means. A year file ``2017.yaml`` is the period that starts in
    2017: the calendar year 2017, or the school year 2017–2018 when ``kind: school_year``."""

    kind: Annotated[PeriodKind, Field(strict=False)] = PeriodKind.calendar
    start: MonthDay | None = None  # "09-05": the first day (month-day); default by kind
    label: Text | None = None  # how people write it, with {start} and {end}: "niên vụ {start}–{end}"

    def first_day(self, year: int) -> dt.date:
        month, day = (int(part) for part in (self.start or PERIOD_START[self.kind]).split("-"))
        return dt.date(year, month, min(day, 28) if month == 2 else day)

    def last_day(self, year: int) -> dt.date:
        return _add_year(self.first_day(year)) - dt.timedelta(days=1)

    def end_year(self, year: int) -> int:
        """The year the period ends in: ``year`` for a calendar year, ``year + 1`` for 2017–2018."""
        return self.last_day(year).year


def _add_year(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year + 1)


class Signer(Strict):
    """Who signs the cluster's papers: ``on_behalf: "KT."`` signs for the head (Decree 30)."""

    name: Text | None = None  # "Nguyễn Văn A"
    title: Text | None = None  # the signer's own title: "Phó Chủ tịch"; default "Chủ tịch"
    on_behalf: Literal["KT.", "TM.", "TL.", "TUQ."] | None = None
    head: Text | None = None  # the head signed for after "KT.": default "Chủ tịch"


class DocumentSettings(Strict):
    """``documents:`` in cluster.yaml or a year file (the year's keys win): the drafts' details."""

    seat: Text | None = None  # the issuing body's seat, in the date line: "Thanh Hóa"
    issuer: Text | None = None  # the issuing body's name when not the chair's people's committee
    signer: Signer | None = None


class ClusterFile(Strict):
    """``data/clusters/<id>/cluster.yaml``: what holds across the years."""

    id: UnitId
    name: Text
    kind: Annotated[ClusterKind, Field(strict=False)]
    organiser: Organiser
    period: Period | None = None  # None: calendar years
    units: list[Unit] = Field(default_factory=list)  # the cluster's own units (districts, agencies)
    award_titles: dict[str, Text] = Field(default_factory=dict)  # extra award ids -> official names
    rules: Rules = Field(default_factory=Rules)
    documents: DocumentSettings | None = None
    sources: list[Source] = Field(default_factory=list)


class FormulaKind(StrEnum):
    """How a computed indicator turns a member's result into points (``docs/data-format.md``)."""

    ratio = "ratio"  # max · actual / target, capped at max
    leader_relative = "leader_relative"  # below target 0.5·max·A/T; the leader max; others between
    best = "best"  # no target: max · actual / the best actual of the cluster
    pass_fail = "pass_fail"  # passed: max; else 0
    per_item = "count"  # count × points, capped at ``cap`` (default: max); bonus/deduction counts too


class Formula(Strict):
    """``formula:`` of an indicator computed from a target and a result instead of given points."""

    kind: Annotated[FormulaKind, Field(strict=False)]
    target: Annotated[float, Field(gt=0, le=1e15)] | None = None  # every member's, unless its own
    unit: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None  # "%", "tỷ đồng"
    points: Points | None = None  # count: points per item
    cap: Points | None = None  # count: at most this many points (default: the indicator's max)

    @model_validator(mode="after")
    def _points_for_counts(self) -> Formula:
        if self.kind is FormulaKind.per_item and self.points is None:
            raise ValueError("a 'count' formula needs 'points' (points per item)")
        if self.kind is not FormulaKind.per_item and (self.points is not None or self.cap is not None):
            raise ValueError("'points' and 'cap' belong to a 'count' formula")
        if self.kind in (FormulaKind.best, FormulaKind.pass_fail, FormulaKind.per_item) and self.target is not None:
            raise ValueError(f"a '{self.kind.value}' formula takes no target")
        return self


CriterionNumber = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,3}(\.[0-9]{1,3}){0,4}$")]


class IndicatorGroup(Strict):
    """``groups:`` of a year file: a criteria group (nhóm tiêu chí) with its maximum."""

    id: UnitId
    name: Text
    number: Annotated[str, StringConstraints(pattern=r"^[IVXLC]{1,8}$|^[A-Z]$")] | None = None  # I, II, III
    max: Points | None = None  # its criteria's maxima may not add up to more (TD413)


class Indicator(Strict):
    id: UnitId
    name: Text
    group: UnitId | None = None
    number: CriterionNumber | None = None  # 1, 1.1, 1.2.3, as the pledge numbers it
    max: Points
    weight: Annotated[float, Field(gt=0, le=1000)] = 1.0
    kind: Annotated[IndicatorKind, Field(strict=False)] = IndicatorKind.scored
    formula: Formula | None = None  # computed from target and actual instead of given points


class StagedScore(Strict):
    """One member's score on one indicator through its stages, or the result a formula scores.

    Points: ``self`` (tự chấm), ``appraised`` (thẩm định; ``reason`` when it differs from self),
    ``explanation`` (giải trình), ``final`` (điểm cuối). Ranking uses final, else appraised; a
    self-score alone is not ranked (TD412). A computed indicator takes ``actual`` (and ``target``
    when the member has its own), ``count`` or ``passed`` instead.
    """

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)

    self_score: Annotated[Points | None, Field(alias="self")] = None
    appraised: Points | None = None
    reason: Text | None = None
    explanation: Text | None = None
    final: Points | None = None
    actual: Annotated[float, Field(ge=-1e15, le=1e15)] | None = None
    target: Annotated[float, Field(gt=0, le=1e15)] | None = None
    count: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    passed: bool | None = None
    note: Text | None = None

    @property
    def points_given(self) -> bool:
        return self.self_score is not None or self.appraised is not None or self.final is not None

    @property
    def data_given(self) -> bool:
        return self.actual is not None or self.count is not None or self.passed is not None or self.target is not None


def _score_form(value: Any) -> str:
    return SCORE_STAGES if isinstance(value, (dict, StagedScore)) else SCORE_NUMBER


# A score is a number (the final score) or a mapping of stages. The two forms accept disjoint
# inputs (a strict number refuses a mapping, a model refuses a number), so a plain union accepts
# what the discriminated one below accepts and builds the same values, in pydantic-core alone (the
# callable discriminator calls Python for every score: 4x the union's cost, ~280,000 scores per
# 2,000 files). Only its errors differ: a refused score is reported under both forms.
Score = Points | StagedScore


def all_plain(row: Mapping[str, Score]) -> bool:
    """Whether every score of a member's row is a plain number (no stages): asked in C, because a
    file holds ~140 scores and most checks have nothing to do with a plain one."""
    return StagedScore not in set(map(type, row.values()))


# For the errors: the form written picks the branch, so a wrong number is reported as a number, a
# wrong mapping as a mapping (``ClusterYearFileByForm``). The tags cannot be keys (ids never hold
# '<'): the loader drops them from error paths.
SCORE_NUMBER = "<number>"
SCORE_STAGES = "<stages>"
UNION_TAGS = frozenset({SCORE_NUMBER, SCORE_STAGES})
ScoreByForm = Annotated[
    Annotated[Points, Tag(SCORE_NUMBER)] | Annotated[StagedScore, Tag(SCORE_STAGES)],
    Discriminator(_score_form),
]


class Leadership(Strict):
    """Who holds the offices. ``vice_chairs`` absent (None): not recorded; ``[]``: explicitly none."""

    chair: UnitId | None = None
    vice_chairs: list[UnitId] | None = None  # None: not recorded; [] : none


class Election(Leadership):
    """Next year's leadership as elected (suy tôn) at this year's review."""

    date: Date | None = None


class Appointment(Leadership):
    """This year's leadership as appointed by a decision (quyết định chỉ định): a leadership
    source of its own, beside the previous year's election and the rotation policy. It names the
    offices it fills; an office it leaves out is filled as if there were no appointment."""

    decision: Text  # the decision's number: "125/QĐ-BTĐKT"
    date: Date | None = None
    issuer: Text | None = None  # the body that decided: "Ban Thi đua - Khen thưởng Trung ương"
    signer: Text | None = None  # who signed: "Phó Trưởng ban Nguyễn Văn A"
    note: Text | None = None


class VoteMethod(StrEnum):
    secret_ballot = "secret_ballot"  # bỏ phiếu kín
    show_of_hands = "show_of_hands"  # biểu quyết giơ tay
    acclamation = "acclamation"  # suy tôn, thống nhất: no count


VoteCount = Annotated[int, Field(ge=0, le=10_000)]


class Votes(Strict):
    """A vote of the review meeting: counts per member, and per award where recorded."""

    method: Annotated[VoteMethod, Field(strict=False)] | None = None
    members: Annotated[int, Field(ge=1, le=10_000)] | None = None  # the voting body; default: the cluster's members
    present: Annotated[int, Field(ge=1, le=10_000)] | None = None
    voters: Annotated[int, Field(ge=1, le=10_000)]  # valid ballots cast
    counts: dict[str, VoteCount] = Field(default_factory=dict)  # member -> votes
    awards: dict[UnitId, dict[str, VoteCount]] = Field(default_factory=dict)  # award -> member -> votes


class RankingBasis(StrEnum):
    points = "points"  # totals of the scored indicators (chấm điểm)
    votes = "votes"  # counts per member (bỏ phiếu)
    decided = "decided"  # the order the meeting decided (bình xét, suy tôn)


class RankingRecord(Strict):
    """How the year was ranked, and the order the meeting decided when it decided one."""

    # None: ``decided`` when an order is written, else ``points`` when scores are, else ``votes``.
    basis: Annotated[RankingBasis, Field(strict=False)] | None = None
    # From the first place down; a list is a place the meeting shared. Partial orders stop early:
    # "the meeting placed A first, B second" is [a, b].
    order: list[UnitId | list[UnitId]] = Field(default_factory=list, max_length=MAX_MEMBERS)
    note: Text | None = None

    def places(self) -> list[list[str]]:
        return [[p] if isinstance(p, str) else list(p) for p in self.order]


class Meeting(Strict):
    date: Date | None = None
    place: Text | None = None


class AwardKind(StrEnum):
    ladder = "ladder"  # decided over the year's ranking, by the cluster's ladder
    thematic = "thematic"  # a thematic award (chuyên đề), outside the ranking
    during_year = "during_year"  # given during the year (đột xuất), outside the ranking


class DecidedAward(Strict):
    member: UnitId
    award: UnitId
    kind: Annotated[AwardKind, Field(strict=False)] = AwardKind.ladder
    issuer: Text | None = None  # who gives it, when the ladder has the award from several bodies
    note: Text | None = None


class Fact(Strict):
    """A published figure (cluster total, or one member's when ``member`` is set)."""

    label: Text
    value: float
    unit: Annotated[str, StringConstraints(max_length=40)] | None = None
    member: UnitId | None = None


class Decision(Strict):
    """A decision that set something, as cited: "Quyết định số 1234/QĐ-UBND ngày 15/02/2024 của
    UBND tỉnh Đồng Nai". At least a number or a date."""

    number: Text | None = None  # "1234/QĐ-UBND"
    date: Date | None = None
    issuer: Text | None = None  # "UBND tỉnh Đồng Nai"
    title: Text | None = None  # "về việc thành lập các Cụm thi đua …"
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Text | None = None  # what is assumed about it

    @model_validator(mode="after")
    def _cited(self) -> Decision:
        if self.number is None and self.date is None:
            raise ValueError("give the decision's 'number' or 'date'")
        return self


class ClusterYearFile(Strict):
    """``data/clusters/<id>/<year>.yaml``: one cluster, one year."""

    cluster: UnitId
    year: Year
    as_of: Date | None = None  # the day the member list speaks of; default 31 December of year
    scores_illustrative: bool = False  # true: scores are not published figures
    members: list[UnitId] = Field(min_length=1, max_length=MAX_MEMBERS)
    basis: Decision | None = None  # the decision that set this year's members
    leadership: Leadership = Field(default_factory=Leadership)
    election: Election | None = None
    appointment: Appointment | None = None  # this year's leadership by decision
    pledge: Meeting | None = None
    review: Meeting | None = None
    indicators: list[Indicator] = Field(default_factory=list, max_length=MAX_INDICATORS)
    groups: list[IndicatorGroup] = Field(default_factory=list, max_length=MAX_INDICATORS)
    scores: dict[str, dict[str, Score]] = Field(default_factory=dict)
    votes: Votes | None = None
    ranking: RankingRecord | None = None
    awards: list[DecidedAward] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    rules: RulesOverride | None = None
    documents: DocumentSettings | None = None
    sources: list[Source] = Field(default_factory=list)
    note: Text | None = None

    # The last day of the period the file is about (set by the loader from the cluster's
    # ``period``); None: 31 December of ``year``.
    _period_end: dt.date | None = PrivateAttr(default=None)

    @property
    def reference_date(self) -> dt.date:
        # read from pydantic's dict of private attributes: its __getattr__ is the slow path, and
        # the checks ask this ~5 times per file
        period_end: dt.date | None = (self.__pydantic_private__ or {}).get("_period_end")
        return self.as_of or period_end or dt.date(self.year, 12, 31)


class ClusterYearFileByForm(ClusterYearFile):
    # A year file validated for its error messages only: each score checked in the form it is
    # written in (the loader validates ``ClusterYearFile`` first, and this only when that fails).
    # Also the published JSON schema (``oneOf`` a number or a mapping of stages), under the same
    # title and description as ``ClusterYearFile``.
    __doc__ = ClusterYearFile.__doc__
    model_config = ConfigDict(title="ClusterYearFile")

    scores: dict[str, dict[str, ScoreByForm]] = Field(default_factory=dict)


@dataclass(eq=False)
class ClusterYear:
    """A year file joined with its cluster file and registry: what the rules operate on."""

    cluster: ClusterFile
    year: ClusterYearFile
    rules: Rules
    units: Any  # thidua.domain.registry.Registry, with the cluster's own units overlaid
    path: str = ""

    def __post_init__(self) -> None:
        # The year file learns the period its year means (its ``reference_date``): the cluster's.
        if self.cluster.period is not None:
            self.year._period_end = self.cluster.period.last_day(self.year.year)

    @property
    def id(self) -> str:
        return self.cluster.id

    @property
    def number(self) -> int:
        return self.year.year

    @property
    def members(self) -> list[str]:
        return self.year.members

    @property
    def period(self) -> Period:
        return self.cluster.period or CALENDAR

    @property
    def basis(self) -> Decision | None:
        """The decision that set this year's members (``basis:``), for validate and the documents."""
        return self.year.basis

    def name(self, unit_id: str) -> str:
        return str(self.units.name(unit_id))


def document_settings(cluster: ClusterFile, year: ClusterYearFile) -> DocumentSettings:
    """The cluster's ``documents:`` with the year's keys over them."""
    base = cluster.documents.model_dump(exclude_none=True) if cluster.documents else {}
    base.update(year.documents.model_dump(exclude_none=True) if year.documents else {})
    return DocumentSettings.model_validate(base, strict=False)


def effective_rules(base: Rules, override: RulesOverride | None) -> Rules:
    if override is None:
        return base
    changed = {k: v for k, v in override.model_dump(exclude_none=True).items()}
    return base.model_copy(update={k: getattr(override, k) for k in changed})


CALENDAR = Period()


# A model whose errors are taken from another that accepts the same data but words its errors
# better (the loader validates with the first, and with the second only what the first refused).
ERRORS_FROM: dict[type[BaseModel], type[BaseModel]] = {ClusterYearFile: ClusterYearFileByForm}

SCHEMA_KINDS: dict[str, type[BaseModel]] = {
    "cluster-year": ClusterYearFileByForm,
    "cluster": ClusterFile,
    "registry": RegistryFile,
}

Severity = Literal["error", "warning", "info"]


class OfClusterYear:
    """A result about one cluster-year (a ranking, an award walk): its cluster's id and its year."""

    cluster_year: ClusterYear

    @property
    def cluster(self) -> str:
        return self.cluster_year.id

    @property
    def year(self) -> int:
        return self.cluster_year.number
