"""Award recommendations: a cluster's ladder (``rules.awards``) walked over its ranking.

The walk, top rung first:

* each member gets at most one award, the highest it qualifies for;
* a rung takes the next *eligible* members in rank order, up to its quota (a count, or a share of
  the members rounded as the rules say);
* a member that fails a condition of the rung (minimum total, maximum deductions, an indicator
  minimum, the vote threshold where votes are recorded) is passed over *for that rung*, with the
  numbers, and stays a candidate for the rungs below;
* when members the ranking could not separate (same rank, ``tied_with``) straddle the last slot of
  a rung, the tie is flagged for the meeting and none of them is chosen; whoever the meeting does
  not choose is owed a place on the next rung, so those places are held for them too;
* the first member below each line is reported with its gap to the last one awarded;
* the result is compared with the awards the file records as decided.

Nothing here prints or touches files: results carry ``Message`` objects (a message code and its raw
parameters) that renderers turn into text in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from thidua.domain.awards_catalogue import (
    GOVERNMENT_FLAG,
    GOVERNMENT_FLAG_CAP_SHARE,
    GOVERNMENT_FLAG_CAP_SOURCE,
    award_title,
    quota,
)
from thidua.domain.message import Message, Ordinal, Percent
from thidua.domain.models import (
    AwardKind,
    AwardStep,
    ClusterYear,
    OfClusterYear,
    OrganiserLevel,
    RankingBasis,
    VoteBase,
    VoteThreshold,
    as_threshold,
)
from thidua.domain.ranking import EPSILON, Entry, Ranking, can_rank, rank_record

# --------------------------------------------------------------------------- reasons


def ordinal(n: int) -> Ordinal:
    return Ordinal(n)


def quota_reason(step: AwardStep, members: int) -> Message:
    """'quota 1', or 'quota 20% of 12 = 2,4, rounded down: 2'."""
    if step.count is not None:
        return Message("awards.quota.count", {"quota": step.count})
    return Message(
        "awards.quota.share",
        {
            "share": Percent(step.share or 0),
            "members": members,
            "exact": round((step.share or 0) * members, 4),
            "rounding": Message(f"awards.rounding.{step.rounding.value}"),
            "quota": quota(step, members),
        },
    )


# --------------------------------------------------------------------------- results


@dataclass
class Placed:
    """A member at its place, an award and why: what a recommendation and a near miss both say."""

    member: str
    name: str
    rank: int
    total: float
    award: str
    award_title: str
    reason: Message


@dataclass
class Recommendation(Placed):
    issuer: str | None = None


@dataclass
class NearMiss(Placed):
    """A member just below a line (``gap`` in points) or passed over as ineligible (no gap)."""

    gap: float | None
    kind: str  # "below_line" | "ineligible"


@dataclass
class TieAtLine:
    """Members the ranking could not separate, more of them than the slots left on a rung."""

    award: str
    award_title: str
    slots: int
    members: list[str]
    names: list[str]
    rank: int
    total: float
    reason: Message
    carried: bool = False  # the places held on a lower rung for whoever loses a tie above


@dataclass
class Decided:
    member: str
    name: str
    award: str
    award_title: str
    note: str | None
    kind: AwardKind = AwardKind.ladder  # thematic, during_year: outside the ranking, never compared
    issuer: str | None = None


@dataclass
class Difference:
    kind: str  # "missing" | "extra" | "different" | "tie"
    member: str
    name: str
    recommended: str | None  # award ids
    decided: str | None
    reason: Message


@dataclass
class Comparison:
    agrees: bool
    differences: list[Difference]


@dataclass
class FlagCap:
    """Government-flag proposals of one non-central organiser against the 20% cap (informational)."""

    organiser: str
    proposals: int
    leading_units: int  # one leading member per cluster the organiser runs that year
    clusters: list[str]
    share: float
    cap: float
    over: bool
    reason: Message


@dataclass
class AwardsResult(OfClusterYear):
    cluster_year: ClusterYear
    status: str  # "recommended" | "no_scores" | "no_ladder"
    ranking: Ranking | None = None
    recommendations: list[Recommendation] = field(default_factory=list)
    near_misses: list[NearMiss] = field(default_factory=list)
    ties_at_line: list[TieAtLine] = field(default_factory=list)
    decided: list[Decided] = field(default_factory=list)
    comparison: Comparison | None = None
    notes: list[Message] = field(default_factory=list)
    flag_cap: FlagCap | None = None

    def award_of(self, member: str) -> Recommendation | None:
        return next((r for r in self.recommendations if r.member == member), None)

    def proposals(self) -> list[tuple[str, str]]:
        """(member, award) the cluster proposes: the decided awards when recorded, else ours."""
        if self.decided:
            return [(d.member, d.award) for d in self.decided]
        return [(r.member, r.award) for r in self.recommendations]


# --------------------------------------------------------------------------- eligibility


def band_failures(cy: ClusterYear, required: str, entry: Entry) -> list[Message]:
    """The step requires a band (xếp loại): the member's band, or a better one listed before it."""
    from thidua.domain.bands import reaches

    bands = {b.id: b.name for b in cy.rules.bands}
    if reaches(cy.rules.bands, entry.band, required):
        return []
    reached = bands.get(entry.band, "—") if entry.band else "—"
    return [Message("awards.fail.band", {"reached": reached, "required": bands.get(required, required)})]


def vote_threshold(cy: ClusterYear, step: AwardStep) -> VoteThreshold | None:
    return as_threshold(step.min_vote_share if step.min_vote_share is not None else cy.rules.vote_threshold)


def vote_denominator(cy: ClusterYear, base: VoteBase) -> int | None:
    """What a share is counted against: the voting body, those present, or the voters."""
    votes = cy.year.votes
    if votes is None:
        return None
    if base is VoteBase.members:
        return votes.members or len(dict.fromkeys(cy.members))
    if base is VoteBase.present:
        return votes.present
    return votes.voters


def vote_count(cy: ClusterYear, award: str, member: str) -> int | None:
    """A member's votes for ``award``: the award's own count when recorded, else the general one."""
    votes = cy.year.votes
    if votes is None:
        return None
    if award in votes.awards:
        return votes.awards[award].get(member, 0)
    return votes.counts.get(member, 0) if votes.counts else None


def vote_failure(cy: ClusterYear, step: AwardStep, member: str) -> Message | None:
    """Why ``member``'s votes miss the step's threshold, or None (met, or nothing to check)."""
    threshold = vote_threshold(cy, step)
    if threshold is None:
        return None
    count = vote_count(cy, step.award, member)
    if count is None:
        return None
    denominator = vote_denominator(cy, threshold.of)
    if not denominator:
        return None  # ``present`` not recorded: validate reports it (TD433)
    needed = threshold.share * denominator
    met = count > needed + EPSILON if threshold.strict else count >= needed - EPSILON
    if met:
        return None
    if threshold.legacy:
        return Message("awards.fail.votes", {"votes": count, "voters": denominator, "share": Percent(count / denominator), "threshold": Percent(threshold.share)})
    return Message(
        "votes.fail",
        {
            "votes": count,
            "denominator": denominator,
            "base": Message(f"votes.base.{threshold.of.value}"),
            "share": Percent(count / denominator),
            "comparison": Message("votes.more_than" if threshold.strict else "votes.at_least"),
            "threshold": Percent(threshold.share),
        },
    )


def points_conditions(step: AwardStep) -> bool:
    return step.min_total is not None or step.max_deductions is not None or bool(step.min_scores)


def conditional(cy: ClusterYear, step: AwardStep) -> bool:
    """Whether ``failures`` can fail anyone on ``step``: a condition on points, a band or a vote threshold."""
    return points_conditions(step) or step.band is not None or vote_threshold(cy, step) is not None


def failures(cy: ClusterYear, step: AwardStep, entry: Entry) -> list[Message]:
    """Every condition of ``step`` that ``entry`` fails, with the numbers; empty: eligible.

    Conditions on points are checked only where points exist: a year ranked by votes or by the
    meeting's decision without scores says so in a note instead (``awards.note.points_unchecked``).
    """
    out: list[Message] = []
    if not entry.has_points:
        failed = vote_failure(cy, step, entry.member)
        return [failed] if failed is not None else []
    if step.min_total is not None and entry.total < step.min_total - EPSILON:
        out.append(Message("awards.fail.min_total", {"total": entry.total, "min": step.min_total}))
    if step.max_deductions is not None and entry.deductions > step.max_deductions + EPSILON:
        out.append(Message("awards.fail.deductions", {"deductions": entry.deductions, "max": step.max_deductions}))
    if step.min_scores:
        out.extend(_score_failures(cy, step, entry))
    if step.band is not None:
        out.extend(band_failures(cy, step.band, entry))
    failed = vote_failure(cy, step, entry.member)
    if failed is not None:
        out.append(failed)
    return out


def _score_failures(cy: ClusterYear, step: AwardStep, entry: Entry) -> list[Message]:
    """The indicators whose minimum score (``min_scores``) ``entry`` does not reach."""
    out: list[Message] = []
    scores = {c.indicator.id: c.score for c in entry.contributions}
    names = {i.id: i.name for i in cy.year.indicators}
    for indicator, minimum in step.min_scores.items():
        score = scores.get(indicator)
        if score is None and indicator not in names:
            out.append(Message("awards.fail.no_indicator", {"indicator": indicator}))
        elif (score or 0.0) < minimum - EPSILON:
            out.append(Message("awards.fail.indicator", {"indicator": names[indicator], "score": float(score or 0.0), "min": minimum}))
    return out


# --------------------------------------------------------------------------- the walk


@dataclass
class _Held:
    """A tie above a line: ``owed`` of ``entries`` did not get that rung and wait for the next."""

    entries: list[Entry]
    owed: int


def recommend(cy: ClusterYear, ranking: Ranking | None = None) -> AwardsResult:
    """Walk the ladder of one cluster-year. Raises MissingScores if some scores are missing.

    ``ranking``: the cluster-year's ranking when the caller has it already (``rank_record(cy)``).
    """
    result = AwardsResult(cy, "recommended", decided=_decided(cy))
    if cy.year.scores_illustrative:
        result.notes.append(Message("awards.note.illustrative"))
    if not can_rank(cy):
        result.status = "no_scores"
        result.notes.insert(0, Message("awards.note.no_scores", {"year": cy.number}))
        return result
    if not cy.rules.awards:
        result.status = "no_ladder"
        result.notes.insert(0, Message("awards.note.no_ladder"))
        return result
    ranking = ranking if ranking is not None else rank_record(cy)
    result.ranking = ranking
    if ranking.basis is not RankingBasis.points or ranking.also:
        result.notes.insert(0, basis_note(ranking))
        if any(points_conditions(s) for s in cy.rules.awards) and not any(e.has_points for e in ranking.entries):
            result.notes.append(Message("votes.note.points_unchecked"))
    if any(vote_threshold(cy, s) is not None for s in cy.rules.awards) and cy.year.votes is None:
        result.notes.append(Message("awards.note.votes_unchecked"))
    _walk(cy, ranking, result)
    result.comparison = compare(result) if any(d.kind is AwardKind.ladder for d in result.decided) else None
    return result


def basis_note(ranking: Ranking) -> Message:
    """Which basis ranked the year, and what else it records beside it (a mixed year says how)."""
    also = [Message(f"votes.basis.{a}") for a in ranking.also]
    if also:
        return Message("votes.note.basis_mixed", {"basis": Message(f"votes.basis.{ranking.basis.value}"), "also": also[0] if len(also) == 1 else Message("word.both", {"first": also[0], "second": also[1]})})
    return Message("votes.note.basis", {"basis": Message(f"votes.basis.{ranking.basis.value}")})


def _recommended_reason(ranking: Ranking, entry: Entry, size: int, told: Message) -> Message:
    """Why ``entry`` is recommended; ``told``: the rung's ``quota_reason``."""
    if ranking.basis is RankingBasis.points:
        return Message("awards.reason.recommended", {"ordinal": ordinal(entry.rank), "members": size, "total": entry.total, "quota": told})
    if ranking.basis is RankingBasis.votes:
        return Message("votes.reason.by_votes", {"ordinal": ordinal(entry.rank), "members": size, "votes": entry.votes or 0, "quota": told})
    return Message("votes.reason.decided", {"ordinal": ordinal(entry.rank), "members": size, "quota": told})


def _below_reason(ranking: Ranking, below: Entry, last: Entry, title: str, told: Message) -> tuple[Message, float | None]:
    """Why ``below`` missed the line, and its gap to ``last``; ``told``: the rung's ``quota_reason``."""
    if ranking.basis is RankingBasis.points:
        gap = last.total - below.total
        return Message("awards.reason.below_line", {"ordinal": ordinal(below.rank), "total": below.total, "gap": gap, "last": last.name, "last_total": last.total, "award": title, "quota": told}), round(gap, 6)
    if ranking.basis is RankingBasis.votes:
        gap_votes = (last.votes or 0) - (below.votes or 0)
        return Message("votes.reason.below_line_votes", {"ordinal": ordinal(below.rank), "votes": below.votes or 0, "gap": gap_votes, "last": last.name, "last_votes": last.votes or 0, "award": title, "quota": told}), float(gap_votes)
    return Message("votes.reason.below_line_decided", {"ordinal": ordinal(below.rank), "last": last.name, "award": title, "quota": told}), None


def _walk(cy: ClusterYear, ranking: Ranking, result: AwardsResult) -> None:
    size = len(ranking.entries)
    ladder_placed: set[str] = set()  # awarded on an exclusive rung, or in a tie that holds them above
    held: _Held | None = None
    candidates = [e for e in ranking.entries if e.placed]  # below a partial decided order: none
    for step in cy.rules.awards:
        title = award_title(step.award, cy.cluster.award_titles)
        slots = quota(step, size)
        # An independent rung (another body's list) is walked over everyone, and takes no one
        # from the exclusive ladder; its own ties hold no places below it.
        placed: set[str] = set() if step.independent else ladder_placed
        if held is not None and not step.independent:
            slots, held = _serve_held(cy, step, title, slots, held, result)
        remaining = [e for e in candidates if e.member not in placed]
        eligible: list[Entry] = []
        if not conditional(cy, step):
            eligible = remaining  # nothing ``failures`` could find: every remaining member is eligible
        else:
            for entry in remaining:
                why = failures(cy, step, entry)
                if why and len(eligible) < slots:  # only members above the line are 'passed over'
                    result.near_misses.append(_miss(entry, step.award, title, Message("awards.reason.ineligible", {"award": title, "failures": why}), None, "ineligible"))
                if not why:
                    eligible.append(entry)
        if slots <= 0:
            continue
        chosen = eligible[:slots]
        awarded, group = split_at_line(eligible, slots)
        if group:
            left = slots - len(awarded)
            tie = _tie(step.award, title, left, group, Message("awards.reason.tie", {"slots": left, "award": title, "count": len(group)}))
            result.ties_at_line.append(tie)
            placed.update(e.member for e in group)
            if not step.independent:
                held = _Held(group, len(group) - left)
        told = quota_reason(step, size)  # the rung's quota, said once for all the reasons below
        for entry in awarded:
            reason = _recommended_reason(ranking, entry, size, told)
            if step.award == GOVERNMENT_FLAG and cy.cluster.organiser.level is not OrganiserLevel.central:
                reason = Message("awards.reason.flag_proposal", {"reason": reason, "cap": Percent(GOVERNMENT_FLAG_CAP_SHARE)})
            result.recommendations.append(Recommendation(entry.member, entry.name, entry.rank, entry.total, step.award, title, reason, step.issuer))
            placed.add(entry.member)
        if len(chosen) < slots:
            result.notes.append(Message("awards.note.unfilled", {"award": title, "slots": slots - len(chosen), "quota": slots}))
        last = awarded[-1] if awarded else None
        below = next((e for e in eligible if e.member not in placed), None)
        if last is not None and below is not None:
            reason, gap = _below_reason(ranking, below, last, title, told)
            result.near_misses.append(_miss(below, step.award, title, reason, gap, "below_line"))


def split_at_line(eligible: list[Entry], slots: int) -> tuple[list[Entry], list[Entry]]:
    """(awarded, tied): the first ``slots`` in rank order, unless equals straddle the last slot.

    Then those equals are the tie at the line: none of them is awarded, only the better ranked.
    """
    chosen = eligible[:slots]
    if not chosen or len(eligible) <= slots or eligible[slots].rank != chosen[-1].rank:
        return chosen, []
    line = chosen[-1].rank
    return [e for e in chosen if e.rank < line], [e for e in eligible if e.rank == line]


def _serve_held(cy: ClusterYear, step: AwardStep, title: str, slots: int, held: _Held, result: AwardsResult) -> tuple[int, _Held | None]:
    """Hold places on this rung for the members who lose a tie on the rung above."""
    if any(failures(cy, step, e) for e in held.entries):
        # Who loses the tie decides who is eligible here: the meeting must settle both rungs.
        result.notes.append(Message("awards.note.tie_unresolved", {"award": title, "members": ", ".join(e.name for e in held.entries)}))
        return slots, None
    take = min(held.owed, slots)
    if take > 0:
        reason = Message("awards.reason.tie_carried", {"slots": take, "award": title})
        result.ties_at_line.append(_tie(step.award, title, take, held.entries, reason, carried=True))
    owed = held.owed - take
    return slots - take, (_Held(held.entries, owed) if owed else None)


def _tie(award: str, title: str, slots: int, group: list[Entry], reason: Message, carried: bool = False) -> TieAtLine:
    return TieAtLine(award, title, slots, [e.member for e in group], [e.name for e in group], group[0].rank, group[0].total, reason, carried)


def _miss(entry: Entry, award: str, title: str, reason: Message, gap: float | None, kind: str) -> NearMiss:
    return NearMiss(entry.member, entry.name, entry.rank, entry.total, award, title, reason, gap, kind)


def _decided(cy: ClusterYear) -> list[Decided]:
    extra = cy.cluster.award_titles
    return [Decided(d.member, cy.name(d.member), d.award, award_title(d.award, extra), d.note, d.kind, d.issuer) for d in cy.year.awards]


# --------------------------------------------------------------------------- comparison


def compare(result: AwardsResult) -> Comparison:
    """Recommended against decided: missing (decided, not recommended), extra, different, tie.

    Every decided award of every member counts, whatever their order in the file: per member the
    two lists are matched award for award (an issuer, where both sides name one, must agree), and
    what is left on each side is reported, paired as "different" where both sides have some. Awards
    decided outside the ladder (``thematic``, ``during_year``) are no part of the comparison.
    """
    extra = result.cluster_year.cluster.award_titles
    rungs = {step.award: i for i, step in enumerate(result.cluster_year.rules.awards)}

    def ordered(pairs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        return sorted(pairs, key=lambda p: (rungs.get(p[0], len(rungs)), p[0], p[1] or ""))

    recommended: dict[str, list[tuple[str, str | None]]] = {}
    for r in result.recommendations:
        recommended.setdefault(r.member, []).append((r.award, r.issuer))
    decided: dict[str, list[tuple[str, str | None]]] = {}
    for d in result.decided:
        if d.kind is AwardKind.ladder:
            decided.setdefault(d.member, []).append((d.award, d.issuer))
    in_tie = {m for tie in result.ties_at_line for m in tie.members}
    name = result.cluster_year.name
    differences: list[Difference] = []
    order = [*dict.fromkeys([*(e.member for e in result.ranking.entries), *recommended, *decided])] if result.ranking else [*dict.fromkeys([*recommended, *decided])]
    for member in order:
        if member not in recommended and member not in decided:
            continue  # most members: nothing recommended, nothing decided, nothing to compare
        ours = ordered(recommended.get(member, []))
        theirs = ordered(decided.get(member, []))
        for pair in list(theirs):
            match = next((o for o in ours if o[0] == pair[0] and (o[1] is None or pair[1] is None or o[1] == pair[1])), None)
            if match is not None:
                ours.remove(match)
                theirs.remove(pair)
        for (award, _), (mine, _) in zip(theirs, ours, strict=False):
            params = {"name": name(member), "decided": award_title(award, extra), "recommended": award_title(mine, extra)}
            differences.append(Difference("different", member, name(member), mine, award, Message("awards.diff.different", params)))
        paired = min(len(theirs), len(ours))
        for award, _ in theirs[paired:]:
            kind = "tie" if not recommended.get(member) and member in in_tie else "missing"
            differences.append(Difference(kind, member, name(member), None, award, Message(f"awards.diff.{kind}", {"name": name(member), "decided": award_title(award, extra)})))
        for award, _ in ours[paired:]:
            differences.append(Difference("extra", member, name(member), award, None, Message("awards.diff.extra", {"name": name(member), "recommended": award_title(award, extra)})))
    return Comparison(not differences, differences)


# --------------------------------------------------------------------------- organiser cap


def organiser_key(cy: ClusterYear) -> tuple[str, ...]:
    """The organising body (``Organiser.key``): the Front's clusters are not the province's."""
    return cy.cluster.organiser.key


def flag_caps(results: Iterable[AwardsResult], share: float = GOVERNMENT_FLAG_CAP_SHARE) -> dict[tuple[str, ...], FlagCap]:
    """Government-flag proposals per non-central organiser, across all its clusters of the year.

    Proposals are the recommendations where scores exist, else the decided awards. The cap is
    ``share`` of the units that led the organiser's clusters: one per cluster (5007/BNV-TĐKT,
    unconfirmed under the 2022 law, hence a parameter and an informational line only).
    """
    groups: dict[tuple[str, ...], list[AwardsResult]] = {}
    for result in results:
        if result.cluster_year.cluster.organiser.level is OrganiserLevel.central:
            continue
        groups.setdefault(organiser_key(result.cluster_year), []).append(result)
    caps: dict[tuple[str, ...], FlagCap] = {}
    for key, members in groups.items():
        proposals = sum(1 for r in members for _, award in r.proposals() if award == GOVERNMENT_FLAG)
        on_ladder = any(s.award == GOVERNMENT_FLAG for r in members for s in r.cluster_year.rules.awards)
        if not proposals and not on_ladder:
            continue  # nothing to say about a flag none of its clusters proposes
        leading = len(members)
        cap = share * leading
        over = proposals > cap + EPSILON
        organiser = members[0].cluster_year.cluster.organiser.name
        reason = Message(
            "awards.cap.over" if over else "awards.cap.within",
            {"organiser": organiser, "proposals": proposals, "award": award_title(GOVERNMENT_FLAG), "clusters": leading, "share": Percent(share), "cap": round(cap, 4), "source": GOVERNMENT_FLAG_CAP_SOURCE},
        )
        caps[key] = FlagCap(organiser, proposals, leading, sorted(r.cluster for r in members), share, round(cap, 4), over, reason)
    return caps


def recommend_year(cluster_years: list[ClusterYear], every_clean: list[ClusterYear] | None = None) -> list[AwardsResult]:
    """Recommendations for ``cluster_years``; the cap counts ``every_clean`` cluster-year of the year.

    ``every_clean`` lets ``--cluster`` narrow the report without narrowing the organiser's cap,
    which spans all the clusters it runs. Raises MissingScores like ``recommend``.
    """
    results = [recommend(cy) for cy in cluster_years]
    shown = {id(r.cluster_year) for r in results}
    others = [recommend(cy) for cy in (every_clean or []) if id(cy) not in shown]
    caps = flag_caps([*results, *others])
    for result in results:
        result.flag_cap = caps.get(organiser_key(result.cluster_year))
    return results

