"""Leadership rotation: who chairs a cluster next year, and why.

At each year-end review the chair (Cụm trưởng) hands the rotating flag (Cờ luân lưu) to the next
one and vice-chairs (Cụm phó) are chosen, by the policy in ``rules.rotation``. Everything here is a
plain function over the models: no printing, no files. Every decision is recorded as a ``Step``
(who was considered, chosen or skipped, and why) and every side remark as a ``Message`` (a code and raw parameters), so that the
renderers can explain the proposal in either language.

Time matters: the member list of the target year is the source year's members as they stand on
31 December of the target year (after the 2025 merger, Nam Định is Ninh Bình (2025)), and a named
leader-to-be who stops existing before the end of the target year cannot take office; the policy's
next candidate is taken instead (a successor does not inherit an office).

The record wins. Where the target year has a file, its members are the members (as listed), the
offices it records (``leadership``, else its ``appointment``) are kept, and only the offices it
leaves out are filled, among the members who exist all year, without moving anyone it names. An
election that names some offices keeps them the same way. A schedule (``years``) reads every year
that has a file from the file, never from the proposal chained before it, so the answer for a year
does not depend on the ``from`` year that reaches it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from thidua.domain.message import Message
from thidua.domain.models import Appointment, ClusterYear, Election, Leadership, Period, RotationPolicy, RotationRules

CHAIR, VICE = "chair", "vice_chair"


@dataclass(frozen=True, eq=False)
class Step:
    """One candidate considered for a role: chosen or skipped, and why."""

    role: str  # CHAIR or VICE
    unit: str
    chosen: bool
    why: Message


@dataclass
class Term:
    """One year as rotation sees it: a year file, or a proposal chained into a schedule."""

    year: int
    members: list[str]
    chair: str | None
    vice_chairs: list[str]
    election: Election | None
    rules: RotationRules
    simulated: bool = False
    vices_recorded: bool = False  # vice_chairs was written (``[]``: the year had none)


@dataclass
class Record:
    """What a target year's file records: it wins over any proposal."""

    year: int
    members: list[str]
    leadership: Leadership
    appointment: Appointment | None
    rules: RotationRules


def record_of(cy: ClusterYear) -> Record:
    return Record(cy.number, list(cy.members), cy.year.leadership, cy.year.appointment, cy.rules.rotation)


@dataclass
class Proposal:
    """The leadership proposed for ``to_year``. Satisfies the checks' contract (.chair, .vice_chairs)."""

    cluster: str
    cluster_name: str
    from_year: int
    to_year: int
    rules: RotationRules
    units: Any  # thidua.domain.registry.Registry: names for the renderers
    members: list[str]
    outgoing_chair: str | None
    outgoing_vice_chairs: list[str]
    chair: str | None = None
    vice_chairs: list[str] = field(default_factory=list)
    basis: str = "policy"  # policy | election | suggestion | none
    proposal_only: bool = False
    from_simulated: bool = False
    steps: list[Step] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    recorded: Leadership | None = None  # the target year's file, when it exists
    recorded_agrees: bool | None = None
    record: Record | None = None  # the target year's file: its offices are kept, only gaps filled
    appointment: Appointment | None = None  # the decision that gives any of the offices
    open_offices: list[str] = field(default_factory=list)  # "chair", "vice_chairs": nobody gives them
    period: Period | None = None  # what the cluster's years mean (school years): for the reports' words

    @property
    def policy(self) -> RotationPolicy:
        return self.rules.policy


# --------------------------------------------------------------------------- small helpers


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def label(units: Any, unit_id: str | None) -> str:
    """A unit's name, with the year it started when another unit bears the same name.

    'Ninh Bình' is two units: the old province and the one formed on 01/07/2025, shown as
    'Ninh Bình (2025)'. Names are official Vietnamese names: never translated.
    """
    if unit_id is None:
        return "–"
    unit = units.get(unit_id)
    if unit is None:
        return unit_id
    if unit.valid_from and any(u.name == unit.name and u.id != unit.id for u in units):
        return f"{unit.name} ({unit.valid_from.year})"
    return str(unit.name)


def _names(units: Any, ids: list[str]) -> str:
    return ", ".join(label(units, i) for i in ids) or "–"


def _cycle(order: list[str], start: int) -> Iterator[str]:
    """Every member once, starting at ``start`` and wrapping round."""
    for step in range(len(order)):
        yield order[(start + step) % len(order)]


# --------------------------------------------------------------------------- history


def terms_of(history: list[ClusterYear]) -> list[Term]:
    """Year files as terms, oldest first. An office the year's ``leadership`` leaves out is taken
    from its ``appointment``; a chair still missing is the one elected for it at the previous
    year's review, when that was recorded."""
    terms: list[Term] = []
    for cy in sorted(history, key=lambda c: c.number):
        leadership, appointment = cy.year.leadership, cy.year.appointment
        chair = leadership.chair or (appointment.chair if appointment is not None else None)
        previous = terms[-1] if terms else None
        if chair is None and previous and previous.year == cy.number - 1 and previous.election:
            chair = previous.election.chair
        vices = leadership.vice_chairs
        if vices is None and appointment is not None:
            vices = appointment.vice_chairs
        terms.append(Term(cy.number, list(cy.members), chair, list(vices or []), cy.year.election, cy.rules.rotation,
                          vices_recorded=vices is not None))
    return terms


def successor_term(proposal: Proposal) -> Term:
    """The proposal as a simulated year, to chain a schedule. It has no election: nobody voted."""
    return Term(proposal.to_year, list(proposal.members), proposal.chair, list(proposal.vice_chairs),
                None, proposal.rules, simulated=True, vices_recorded=True)


# --------------------------------------------------------------------------- members and order


def map_members(members: list[str], units: Any, target: int) -> tuple[list[str], list[Message]]:
    """The source year's members as units on 31/12 of the target year: order kept, duplicates
    collapsed, every change reported."""
    end = year_end(target)
    out: list[str] = []
    notes: list[Message] = []
    for member in members:
        unit = units.get(member)
        current = units.on(member, end)
        if current is None:
            if unit is not None and unit.valid_to is not None:
                notes.append(Message("rotate.note.dropped", {"name": label(units, member), "day": unit.valid_to + dt.timedelta(days=1), "year": target}))
            else:
                notes.append(Message("rotate.note.unknown", {"unit": member, "year": target}))
            continue
        if current.id != member:
            day = unit.valid_to + dt.timedelta(days=1) if unit and unit.valid_to else "?"
            key = "rotate.note.merged_listed" if current.id in out else "rotate.note.merged"
            notes.append(Message(key, {"name": label(units, member), "successor": label(units, current.id), "unit": current.id, "day": day}))
        if current.id not in out:
            out.append(current.id)
    return out, notes


def rotation_order(base: list[str], members: list[str], units: Any, target: int) -> list[str]:
    """The rotation order for the target year: ``base`` (the rules' order, default: the member
    list) mapped like the members; members the order forgets go last."""
    end = year_end(target)
    order: list[str] = []
    for unit_id in base:
        current = units.on(unit_id, end)
        if current is not None and current.id in members and current.id not in order:
            order.append(current.id)
    return order + [m for m in members if m not in order]


def _start_after(outgoing: str | None, term: Term, order: list[str], units: Any, target: int) -> tuple[int, str | None]:
    """Where list order resumes: just after the outgoing chair, or after its successor when it
    merged. Returns (index of the first candidate, the unit the order resumes after)."""
    if not order or outgoing is None:
        return 0, None
    end = year_end(target)
    current = units.on(outgoing, end)
    if current is not None and current.id in order:
        index = order.index(current.id)
        return (index + 1) % len(order), current.id
    # The outgoing chair is gone without a successor here: resume at the next source member that is.
    base = term.rules.order or term.members
    if outgoing in base:
        at = base.index(outgoing)
        for step in range(1, len(base) + 1):
            current = units.on(base[(at + step) % len(base)], end)
            if current is not None and current.id in order:
                return order.index(current.id), outgoing
    return 0, None


def recent_chairs(terms: list[Term], target: int, cooldown: int, units: Any) -> dict[str, list[int]]:
    """Who chaired in the ``cooldown`` years before the target, by the unit they are now.

    A unit formed by a merger counts its predecessors' terms: Ninh Bình (2025) continues the office
    that Nam Định held in 2024.
    """
    end = year_end(target)
    out: dict[str, list[int]] = {}
    for term in terms:
        if term.chair and target - cooldown <= term.year < target:
            current = units.on(term.chair, end)
            out.setdefault(current.id if current else term.chair, []).append(term.year)
    return out


def cannot_serve(unit_id: str, members: list[str], units: Any, target: int) -> Message | None:
    """Why a named leader-to-be cannot hold office through the target year (None: it can)."""
    end = year_end(target)
    unit = units.get(unit_id)
    if unit is None:
        return Message("rotate.why.unknown", {"unit": unit_id})
    if unit.valid_to is not None and unit.valid_to < end:
        day = unit.valid_to + dt.timedelta(days=1)
        current = units.on(unit_id, end)
        if current is not None:
            return Message("rotate.why.merged", {"name": label(units, unit_id), "successor": label(units, current.id), "day": day})
        return Message("rotate.why.ceases", {"name": label(units, unit_id), "day": day, "year": target})
    if unit_id not in members:
        return Message("rotate.why.not_member", {"name": label(units, unit_id), "year": target})
    return None


# --------------------------------------------------------------------------- choosing


@dataclass
class _Context:
    """What every choice needs, computed once per proposal."""

    term: Term
    target: int
    units: Any
    members: list[str]  # who may take an office (the target's members who exist all year)
    order: list[str]
    recent: dict[str, list[int]]
    outgoing: str | None  # the outgoing chair as it stands in the target year
    rules: RotationRules
    keep: dict[str, Message] = field(default_factory=dict)  # units holding another office, and why

    def cooldown_note(self, unit_id: str) -> Message:
        years = ", ".join(str(y) for y in sorted(self.recent[unit_id]))
        return Message("rotate.why.cooldown", {"years": years, "cooldown": self.rules.cooldown})


def _chair_by_order(ctx: _Context, steps: list[Step], notes: list[Message]) -> str | None:
    """list_order: the next member after the outgoing chair who has not chaired recently. A unit
    that holds a vice-chair already (elected, recorded, appointed) keeps it and is passed over."""
    if not ctx.order:
        return None
    outgoing = ctx.term.chair
    start, after = _start_after(outgoing, ctx.term, ctx.order, ctx.units, ctx.target)
    if outgoing is None:
        notes.append(Message("rotate.note.no_chair_recorded", {"year": ctx.term.year}))
    elif after is None:
        notes.append(Message("rotate.note.resume_top", {"outgoing": label(ctx.units, outgoing)}))
    elif after not in ctx.order:
        notes.append(Message("rotate.note.resume_next", {"outgoing": label(ctx.units, outgoing), "name": label(ctx.units, ctx.order[start])}))
    elif after != outgoing:
        notes.append(Message("rotate.note.resume_after", {"outgoing": label(ctx.units, outgoing), "successor": label(ctx.units, after)}))
    why = Message("rotate.why.next_after", {"name": label(ctx.units, after)}) if after else Message("rotate.why.first_in_order", {})
    for unit_id in _cycle(ctx.order, start):
        if unit_id in ctx.keep:
            steps.append(Step(CHAIR, unit_id, False, ctx.keep[unit_id]))
        elif unit_id in ctx.recent:
            steps.append(Step(CHAIR, unit_id, False, ctx.cooldown_note(unit_id)))
        else:
            steps.append(Step(CHAIR, unit_id, True, why))
            return unit_id
    # everyone chaired within the cooldown: it cannot hold, so it yields
    for unit_id in _cycle(ctx.order, start):
        if unit_id not in ctx.keep:
            steps.append(Step(CHAIR, unit_id, True, Message("rotate.why.cooldown_waived", {})))
            return unit_id
    return None


def _chair_by_promotion(ctx: _Context, steps: list[Step], notes: list[Message]) -> str | None:
    """vice_promotes: the first vice-chair who can serve; else list order."""
    for vice in ctx.term.vice_chairs:
        reason = ctx.keep.get(vice) or cannot_serve(vice, ctx.members, ctx.units, ctx.target)
        if reason is not None:
            steps.append(Step(CHAIR, vice, False, reason))
            continue
        steps.append(Step(CHAIR, vice, True, Message("rotate.why.promoted", {"year": ctx.term.year})))
        return vice
    if ctx.term.vice_chairs:
        key = "rotate.note.no_vice_can_serve"
    else:
        key = "leadership.note.no_vices_held" if ctx.term.vices_recorded else "rotate.note.no_vice_recorded"
    notes.append(Message(key, {"year": ctx.term.year}))
    return _chair_by_order(ctx, steps, notes)


def _vices_by_order(ctx: _Context, chair: str | None, chosen: list[str], steps: list[Step], notes: list[Message], wanted: int | None = None) -> list[str]:
    """The next members after the chair, skipping the outgoing chair, anyone already chosen and
    anyone who chaired within the cooldown. Too few left: the skipped ones fill in, in order.
    ``wanted``: how many in all (default: the rules' number)."""
    wanted = ctx.rules.vice_chairs if wanted is None else wanted
    picked = list(chosen)
    if len(picked) >= wanted or not ctx.order:
        return picked
    start = (ctx.order.index(chair) + 1) if chair in ctx.order else 0
    after = Message("rotate.why.next_after", {"name": label(ctx.units, chair)}) if chair else Message("rotate.why.first_in_order", {})
    held_back: list[str] = []
    for unit_id in _cycle(ctx.order, start):
        if len(picked) >= wanted:
            break
        if unit_id == chair or unit_id in picked:
            continue
        if unit_id == ctx.outgoing:
            steps.append(Step(VICE, unit_id, False, Message("rotate.why.outgoing", {})))
            held_back.append(unit_id)
        elif unit_id in ctx.recent:
            steps.append(Step(VICE, unit_id, False, ctx.cooldown_note(unit_id)))
            held_back.append(unit_id)
        else:
            steps.append(Step(VICE, unit_id, True, after))
            picked.append(unit_id)
    # Recently-chaired members before the outgoing chair: the latter held office last.
    for unit_id in sorted(held_back, key=lambda u: u == ctx.outgoing):
        if len(picked) >= wanted:
            break
        steps.append(Step(VICE, unit_id, True, Message("rotate.why.too_few", {})))
        picked.append(unit_id)
    if len(picked) < wanted and len(ctx.members) > 1:
        notes.append(Message("rotate.note.too_few_vices", {"count": len(picked), "wanted": wanted}))
    return picked


def _by_policy(ctx: _Context, policy: RotationPolicy, steps: list[Step], notes: list[Message]) -> tuple[str | None, list[str]]:
    """The leadership the rotation policy gives, ignoring any election."""
    if policy is RotationPolicy.vice_promotes:
        chair = _chair_by_promotion(ctx, steps, notes)
    else:
        chair = _chair_by_order(ctx, steps, notes)
    return chair, _vices_by_order(ctx, chair, [], steps, notes)


def _candidates(term: Term, units: Any, target: int, record: Record | None) -> tuple[list[str], list[str], list[Message]]:
    """(members of the target year, who of them may take an office, notes).

    Without a file for the target year: the source year's members mapped to 31/12 of the target
    year. With one: its members as listed, and only those that exist all year may be chosen.
    """
    if record is None:
        members, notes = map_members(term.members, units, target)
        return members, members, notes
    members = list(record.members)
    able, notes = [], []
    for member in members:
        why = cannot_serve(member, members, units, target)
        if why is None:
            able.append(member)
        elif why.code == "rotate.why.merged":
            notes.append(Message("leadership.note.not_candidate_merged", {**why.params, "year": target}))
        else:
            notes.append(Message("leadership.note.not_candidate", {"name": label(units, member), "year": target, "why": why}))
    return members, able, notes


def _context(terms: list[Term], units: Any, target: int, record: Record | None) -> tuple[_Context, list[str], list[Message]]:
    term = terms[-1]
    rules = record.rules if record is not None else term.rules
    members, able, notes = _candidates(term, units, target, record)
    base = rules.order or (record.members if record is not None else term.members)
    order = rotation_order(base, able, units, target)
    recent = recent_chairs(terms, target, rules.cooldown, units)
    outgoing = units.on(term.chair, year_end(target)) if term.chair else None
    ctx = _Context(term, target, units, able, order, recent, outgoing.id if outgoing else None, rules)
    return ctx, members, notes


def appointed_why(appointment: Appointment) -> Message:
    return Message("leadership.why.appointed", {"decision": appointment.decision, "day": appointment.date or "–",
                                                "issuer": appointment.issuer or "–", "signer": appointment.signer or "–"})


def _recorded_offices(record: Record | None, steps: list[Step]) -> tuple[str | None, list[str] | None, str | None]:
    """The offices the target year's file gives: ``leadership`` first, then the appointment.
    Returns (chair, vice-chairs, the chair's basis); None where the file leaves an office open."""
    if record is None:
        return None, None, None
    leadership, appointment = record.leadership, record.appointment
    chair, vices, basis = None, None, None
    recorded = Message("leadership.why.recorded", {"year": record.year})
    if leadership.chair:
        chair, basis = leadership.chair, "recorded"
        steps.append(Step(CHAIR, chair, True, recorded))
    elif appointment is not None and appointment.chair:
        chair, basis = appointment.chair, "appointment"
        steps.append(Step(CHAIR, chair, True, appointed_why(appointment)))
    if leadership.vice_chairs is not None:
        vices = list(leadership.vice_chairs)
        steps += [Step(VICE, v, True, recorded) for v in vices]
    elif appointment is not None and appointment.vice_chairs is not None:
        vices = list(appointment.vice_chairs)
        steps += [Step(VICE, v, True, appointed_why(appointment)) for v in vices]
    return chair, vices, basis


def propose(terms: list[Term], units: Any, cluster: str = "", cluster_name: str = "", target: int | None = None,
            record: Record | None = None) -> Proposal:
    """The leadership for ``target`` (default: the year after the last term) under the last term's
    rules. ``terms`` are the cluster's years up to the source year, oldest first. ``record``: the
    target year's file, whose members and offices win; only the offices it leaves open are filled."""
    term = terms[-1]
    target = record.year if record is not None else target if target is not None else term.year + 1
    ctx, members, notes = _context(terms, units, target, record)
    rules = ctx.rules
    proposal = Proposal(cluster, cluster_name, term.year, target, rules, units, members, term.chair,
                        list(term.vice_chairs), notes=[], from_simulated=term.simulated, record=record)
    proposal.appointment = record.appointment if record is not None else None
    steps = proposal.steps
    chair, vices, basis = _recorded_offices(record, steps)
    if chair is not None and vices is not None:  # the file gives every office
        proposal.chair, proposal.vice_chairs, proposal.basis = chair, vices, basis or "recorded"
        return proposal
    proposal.notes += notes
    if term.simulated:
        proposal.notes.append(Message("rotate.note.simulated", {"year": term.year}))
    if not ctx.members:
        proposal.notes.append(Message("rotate.note.no_members", {"year": target}))
        proposal.chair, proposal.vice_chairs = chair, vices or []
        proposal.basis, proposal.proposal_only = basis or "none", chair is None
        return proposal
    ctx.keep = {v: Message("leadership.why.holds_vice", {}) for v in vices or []}
    if chair is not None:
        ctx.keep[chair] = Message("rotate.why.is_chair", {})
    if chair is None and len(ctx.members) == 1:
        chair = _only_member(ctx, proposal)
        proposal.chair, proposal.vice_chairs, proposal.basis = chair, [v for v in vices or [] if v != chair], "only_member"
        return proposal
    policy = rules.policy
    election = term.election if term.year == target - 1 else None
    if election is not None and not (election.chair or election.vice_chairs is not None):
        election = None
    if election is not None:
        proposal.basis = basis or "election"
        chair, vices, from_record = _elected(ctx, election, chair, vices, proposal)
        # Where the election left a gap, an elected or appointed cluster gets only a suggestion;
        # the other policies fill it by their own rule.
        proposal.proposal_only = policy in (RotationPolicy.elected, RotationPolicy.appointed) and not from_record
        if policy in (RotationPolicy.vice_promotes, RotationPolicy.list_order) and election.chair and chair == election.chair:
            _compare_policy(ctx, policy, election, proposal)
    else:
        filled = chair is None
        if chair is None:
            chair = _fill_chair(ctx, policy, proposal)
        if vices is None:
            if policy is RotationPolicy.appointed:  # nobody appointed them: left open, never guessed
                vices = []
                proposal.open_offices.append("vice_chairs")
                if chair is not None:
                    proposal.notes.append(Message("leadership.note.vices_not_appointed", {"year": target}))
            else:
                vices = _vices_by_order(ctx, chair, [], steps, proposal.notes)
                filled = True
        if chair is None:
            proposal.open_offices.insert(0, "chair")
        proposal.basis = basis or proposal.basis
        if filled and policy in (RotationPolicy.elected, RotationPolicy.appointed):
            proposal.proposal_only = True
    proposal.chair, proposal.vice_chairs = chair, vices
    return proposal


def _only_member(ctx: _Context, proposal: Proposal) -> str:
    """A one-member list: that member holds the chair, with nobody to rotate with."""
    only = ctx.members[0]
    proposal.steps.append(Step(CHAIR, only, True, Message("leadership.why.only_member", {})))
    key = "leadership.note.one_member_stays" if ctx.term.chair == only else "leadership.note.one_member"
    proposal.notes.append(Message(key, {"name": label(ctx.units, only), "year": ctx.target}))
    return only


def _fill_chair(ctx: _Context, policy: RotationPolicy, proposal: Proposal) -> str | None:
    """The chair by the policy, where nothing recorded or elected gives it."""
    if policy in (RotationPolicy.vice_promotes, RotationPolicy.list_order):
        proposal.basis = "policy"
        if policy is RotationPolicy.vice_promotes:
            return _chair_by_promotion(ctx, proposal.steps, proposal.notes)
        return _chair_by_order(ctx, proposal.steps, proposal.notes)
    if policy is RotationPolicy.elected:
        proposal.notes.append(Message("rotate.note.elected_suggestion", {"year": ctx.term.year}))
        proposal.basis = "suggestion"
        return _chair_by_order(ctx, proposal.steps, proposal.notes)
    proposal.notes.append(Message("rotate.note.appointed", {"year": ctx.term.year}))
    proposal.basis = "none"
    return None


def _elected(ctx: _Context, election: Election, chair: str | None, vices: list[str] | None,
             proposal: Proposal) -> tuple[str | None, list[str], bool]:
    """The offices the source year's election gives, each elected unit checked; the offices it
    leaves open (or whose elected unit cannot serve) filled by the policy without moving an
    elected unit. ``chair``/``vices``: offices the target's file already gives (they win).
    Returns (chair, vice-chairs, every office came from the election or the file)."""
    steps, notes = proposal.steps, proposal.notes
    when = Message("rotate.why.elected", {"day": election.date}) if election.date else Message("rotate.why.elected_undated", {"year": ctx.term.year})
    complete = True
    elected_vices: list[str] = []
    if vices is None and election.vice_chairs is not None:
        for vice in election.vice_chairs:
            reason = cannot_serve(vice, ctx.members, ctx.units, ctx.target)
            if reason is None and vice == chair:
                reason = Message("rotate.why.is_chair", {})
            if reason is None:
                elected_vices.append(vice)
                ctx.keep.setdefault(vice, Message("leadership.why.holds_vice", {}))
            else:
                complete = False
            steps.append(Step(VICE, vice, reason is None, when if reason is None else reason))
    if chair is None:
        if election.chair:
            reason = ctx.keep.get(election.chair) or cannot_serve(election.chair, ctx.members, ctx.units, ctx.target)
            if reason is None:
                chair = election.chair
                steps.insert(0, Step(CHAIR, chair, True, when))
            else:
                steps.insert(0, Step(CHAIR, election.chair, False, reason))
                notes.append(Message("rotate.note.elected_cannot_serve", {"name": label(ctx.units, election.chair)}))
        if chair is None:
            complete = False
            policy = ctx.rules.policy
            chooser = _chair_by_promotion if policy is RotationPolicy.vice_promotes else _chair_by_order
            chair = chooser(ctx, steps, notes)
    if vices is None:
        if election.vice_chairs is None:
            if ctx.rules.vice_chairs:
                notes.append(Message("rotate.note.vices_not_elected", {"year": ctx.target}))
                complete = False
            vices = _vices_by_order(ctx, chair, elected_vices, steps, notes)
        else:
            # A recorded list fixes how many vice-chairs there are (``[]``: none, which the checks
            # then require of the next year); only the places of elected units who cannot serve are filled.
            vices = _vices_by_order(ctx, chair, elected_vices, steps, notes, len(election.vice_chairs))
    return chair, vices, complete


def _compare_policy(ctx: _Context, policy: RotationPolicy, election: Election, proposal: Proposal) -> None:
    """Say whether the recorded election is what the rotation policy gives."""
    plain = _Context(ctx.term, ctx.target, ctx.units, ctx.members, ctx.order, ctx.recent, ctx.outgoing, ctx.rules)
    chair, _ = _by_policy(plain, policy, [], [])
    params = {"policy": policy.value, "elected": label(ctx.units, election.chair), "expected": label(ctx.units, chair)}
    key = "rotate.note.election_agrees" if chair == election.chair else "rotate.note.election_differs"
    proposal.notes.append(Message(key, params))


def compare_recorded(proposal: Proposal, without: Proposal) -> None:
    """Say how the leadership recorded for the proposal's year compares with what the rotation
    gives without the record (``without``). The record is kept either way."""
    record = proposal.record
    if record is None:
        return
    recorded = record.leadership
    proposal.recorded = recorded
    units, year = proposal.units, proposal.to_year
    if recorded.chair is None and recorded.vice_chairs is None and record.appointment is None:
        proposal.notes.append(Message("rotate.note.recorded_none", {"year": year}))
        return
    chair = recorded.chair or (record.appointment.chair if record.appointment else None)
    vices = recorded.vice_chairs if recorded.vice_chairs is not None else (record.appointment.vice_chairs if record.appointment else None)
    same_chair = chair is None or chair == without.chair
    same_vices = vices is None or sorted(vices) == sorted(without.vice_chairs)
    proposal.recorded_agrees = same_chair and same_vices
    if without.chair is None:  # the rotation gives nothing to compare with (appointed)
        proposal.recorded_agrees = None
    elif proposal.recorded_agrees:
        proposal.notes.append(Message("rotate.note.recorded_agrees", {"year": year}))
    else:
        proposal.notes.append(Message("leadership.note.record_kept", {
            "year": year, "chair": label(units, without.chair), "vices": _names(units, without.vice_chairs),
        }))


# --------------------------------------------------------------------------- entry points


def schedule(history: list[ClusterYear], from_year: int, years: int = 1) -> list[Proposal]:
    """Proposals for the ``years`` years after ``from_year``, each chained on the one before.

    A year that has a file is read from the file: its proposal keeps what the file records, and
    the next year is chained on the file, not on the proposal (so every path to a year gives the
    same answer). Years without a file are simulated: no election is recorded for them, so an
    elected cluster gets list-order suggestions.
    """
    past = [cy for cy in history if cy.number <= from_year]
    if not past:
        return []
    files = {cy.number: cy for cy in history}
    source = past[-1]
    terms = terms_of(past)
    out: list[Proposal] = []
    for _ in range(years):
        target = terms[-1].year + 1
        recorded = files.get(target)
        if recorded is None:
            proposal = propose(terms, source.units, source.id, source.cluster.name, target)
            terms = [*terms, successor_term(proposal)]
        else:
            proposal = propose(terms, source.units, source.id, source.cluster.name, target, record_of(recorded))
            compare_recorded(proposal, propose(terms, source.units, source.id, source.cluster.name, target))
            terms = terms_of([cy for cy in history if cy.number <= target])
        proposal.period = source.cluster.period
        out.append(proposal)
    return out


def expected_leadership(history: list[ClusterYear], target_year: int) -> Proposal | None:
    """The leadership the policy gives for ``target_year`` from the years before it (oldest first).

    None when the policy cannot say: an elected or appointed cluster without a recorded election,
    or a recorded election whose leaders cannot serve (any replacement is only a suggestion).
    """
    past = [cy for cy in history if cy.number < target_year]
    if not past:
        return None
    proposal = propose(terms_of(past), past[-1].units, past[-1].id, past[-1].cluster.name, target_year)
    return None if proposal.proposal_only or proposal.chair is None else proposal
