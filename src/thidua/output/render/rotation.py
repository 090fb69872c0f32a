"""Rotation proposals for people (tables and notes) and for programs (JSON)."""

from __future__ import annotations

from typing import Any

from thidua.domain.rotation import CHAIR, Proposal, label
from thidua.domain.textsafe import markdown_text, safe_join, safe_text
from thidua.output.i18n import say, t
from thidua.output.period_words import capital, period_json, put_period, year_cell, year_span, year_words
from thidua.output.render.text import day as show_day
from thidua.output.render.text import json_text, markdown_table, message_json, table_text, text_width, wrap


def _unit(proposal: Proposal, unit_id: str | None) -> dict[str, str] | None:
    return None if unit_id is None else {"id": unit_id, "name": proposal.units.name(unit_id)}


def _cell(proposal: Proposal, unit_id: str | None) -> str:
    return t("rotate.nobody") if unit_id is None else f"{proposal.units.name(unit_id)} ({unit_id})"


def _year(proposal: Proposal, year: int) -> str:
    """"2025", or "năm học 2025–2026" where the cluster counts school years."""
    return year_cell(proposal.period, year)


def _span(proposal: Proposal, year: int) -> str:
    """"2025", or "2025–2026" in a table, where the words would not fit."""
    return year_span(proposal.period, year)


def _words(proposal: Proposal, year: int) -> str:
    """"năm 2025" / "2025", or "năm học 2025–2026" / "school year 2025–2026"."""
    return year_words(proposal.period, year)


def _title(proposal: Proposal) -> str:
    cluster = f"{proposal.cluster_name} ({proposal.cluster})"
    return t("rotate.title", cluster=cluster, from_year=_year(proposal, proposal.from_year), to_year=_year(proposal, proposal.to_year))


def _schedule_title(proposal: Proposal) -> str:
    cluster = f"{proposal.cluster_name} ({proposal.cluster})"
    return t("rotate.schedule_title", cluster=cluster, period=_words(proposal, proposal.from_year))


def _heading(proposal: Proposal) -> str:
    return t("rotate.year_heading", period=capital(_words(proposal, proposal.to_year)))


def _role_headers(proposal: Proposal) -> list[str]:
    return [t("rotate.col.role"), t("rotate.col.outgoing", year=_span(proposal, proposal.from_year)), t("rotate.col.incoming", year=_span(proposal, proposal.to_year))]


def _role(role: str) -> str:
    return t("rotate.role.chair") if role == CHAIR else t("rotate.role.vice_chair")


def _policy_line(proposal: Proposal) -> str:
    rules = proposal.rules
    return t("rotate.policy_line", policy=t(f"rotate.policy.{rules.policy.value}"), vices=rules.vice_chairs, cooldown=rules.cooldown)


def _basis(proposal: Proposal) -> str:
    return t("rotate.proposal_only") if proposal.proposal_only else t(f"rotate.basis.{proposal.basis}")


def _appointment_line(proposal: Proposal) -> str:
    a = proposal.appointment
    assert a is not None
    day = show_day(a.date) if a.date else "–"
    return t("rotate.appointment", decision=a.decision, day=day, issuer=a.issuer or "–", signer=a.signer or "–")


def _appointment_json(proposal: Proposal) -> dict[str, Any] | None:
    a = proposal.appointment
    if a is None:
        return None
    return {
        "decision": a.decision, "date": a.date.isoformat() if a.date else None, "issuer": a.issuer, "signer": a.signer,
        "chair": _unit(proposal, a.chair),
        "vice_chairs": None if a.vice_chairs is None else [_unit(proposal, v) for v in a.vice_chairs],
    }


def _flag(proposal: Proposal) -> str:
    units = proposal.units
    return t("rotate.flag", giver=label(units, proposal.outgoing_chair), receiver=label(units, proposal.chair))


def _why_lines(proposal: Proposal) -> list[str]:
    """Candidates and notes as bullet lines (the schedule's per-year detail)."""
    lines = []
    for step in proposal.steps:
        decision = t("rotate.chosen") if step.chosen else t("rotate.skipped")
        lines.append(f"- {_role(step.role)} {label(proposal.units, step.unit)}: {decision}, {say(step.why)}")
    lines += [f"- {say(note)}" for note in proposal.notes]
    return lines


# --------------------------------------------------------------------------- terminal


def proposal_text(proposal: Proposal, terminal: bool = False) -> str:
    """One proposal in full: leadership, flag, every candidate considered, members, notes."""
    width = text_width(terminal)
    units = proposal.units
    head = [_title(proposal), _policy_line(proposal), _basis(proposal)]
    if proposal.record is not None:
        head.append(t("rotate.recorded_year", period=capital(_words(proposal, proposal.to_year))))
    if proposal.appointment is not None:
        head.append(_appointment_line(proposal))
    out = [wrap(safe_join(head), width) + "\n\n"]
    outgoing = [proposal.outgoing_chair, *proposal.outgoing_vice_chairs]
    incoming = [proposal.chair, *proposal.vice_chairs]
    rows = []
    for index in range(max(len(outgoing), len(incoming), 1 + proposal.rules.vice_chairs)):
        role = _role(CHAIR if index == 0 else "vice_chair")
        old = outgoing[index] if index < len(outgoing) else None
        new = incoming[index] if index < len(incoming) else None
        rows.append([role, _cell(proposal, old), _cell(proposal, new)])
    out.append(table_text("", _role_headers(proposal), rows, terminal=terminal, keep=(1, 2)))
    out.append(wrap(safe_text(_flag(proposal)), width) + "\n\n")
    if proposal.steps:
        steps = [[_role(s.role), _cell(proposal, s.unit), t("rotate.chosen") if s.chosen else t("rotate.skipped"), say(s.why)] for s in proposal.steps]
        out.append(table_text(t("rotate.candidates"), [t("rotate.col.role"), t("rotate.col.candidate"), t("rotate.col.decision"), t("rotate.col.why")], steps, terminal=terminal))
    names = ", ".join(f"{units.name(m)} ({m})" for m in proposal.members) or "–"
    out.append(wrap(safe_text(t("rotate.members", period=_words(proposal, proposal.to_year), count=len(proposal.members), names=names)), width) + "\n")
    if proposal.notes:
        out.append("\n" + wrap(safe_join([t("rotate.notes"), *(f"- {say(n)}" for n in proposal.notes)]), width) + "\n")
    return "".join(out)


def schedule_text(proposals: list[Proposal], terminal: bool = False) -> str:
    """``--years N``: one row per year, then why, year by year."""
    width = text_width(terminal)
    first = proposals[0]
    title = _schedule_title(first)
    out = [wrap(safe_join([title, _policy_line(first)]), width) + "\n\n"]
    rows = []
    for p in proposals:
        vices = ", ".join(_cell(p, v) for v in p.vice_chairs) or t("rotate.nobody")
        basis = t(f"rotate.basis_short.{p.basis}") + (" *" if p.proposal_only else "")
        rows.append([_span(p, p.to_year), _cell(p, p.chair), vices, basis])
    headers = [t("rotate.col.year"), t("rotate.col.chair"), t("rotate.col.vices"), t("rotate.col.basis")]
    caption = "* " + t("rotate.proposal_only") if any(p.proposal_only for p in proposals) else ""
    out.append(table_text("", headers, rows, caption=caption, terminal=terminal, keep=(1, 2)))  # names are never wrapped
    for p in proposals:
        out.append(wrap(safe_join([_heading(p), _flag(p)]), width) + "\n")
        out.append("".join(wrap(safe_text(line), width) + "\n" for line in _why_lines(p)) + "\n")
    return "".join(out)


def markdown(proposals: list[Proposal], schedule: bool) -> str:
    """The proposal (or the schedule) as Markdown: the same tables and sentences."""
    first = proposals[0]
    if not schedule:
        p = first
        title = _title(p)
        outgoing = [p.outgoing_chair, *p.outgoing_vice_chairs]
        incoming = [p.chair, *p.vice_chairs]
        rows = []
        for index in range(max(len(outgoing), len(incoming), 1 + p.rules.vice_chairs)):
            old = outgoing[index] if index < len(outgoing) else None
            new = incoming[index] if index < len(incoming) else None
            rows.append([_role(CHAIR if index == 0 else "vice_chair"), _cell(p, old), _cell(p, new)])
        parts = [f"## {markdown_text(title)}\n\n", f"{markdown_text(_policy_line(p))}\n\n{markdown_text(_basis(p))}\n\n"]
        parts.append(markdown_table(_role_headers(p), rows))
        parts.append(f"\n{markdown_text(_flag(p))}\n")
        if p.steps:
            steps = [[_role(s.role), _cell(p, s.unit), t("rotate.chosen") if s.chosen else t("rotate.skipped"), say(s.why)] for s in p.steps]
            parts.append(f"\n### {markdown_text(t('rotate.candidates'))}\n\n")
            parts.append(markdown_table([t("rotate.col.role"), t("rotate.col.candidate"), t("rotate.col.decision"), t("rotate.col.why")], steps))
        if p.notes:
            parts.append(f"\n### {markdown_text(t('rotate.notes'))}\n\n" + "".join(f"- {markdown_text(say(n))}\n" for n in p.notes))
        return "".join(parts)
    title = _schedule_title(first)
    rows = []
    for p in proposals:
        vices = ", ".join(_cell(p, v) for v in p.vice_chairs) or t("rotate.nobody")
        rows.append([_span(p, p.to_year), _cell(p, p.chair), vices, t(f"rotate.basis_short.{p.basis}") + (" *" if p.proposal_only else "")])
    parts = [f"## {markdown_text(title)}\n\n{markdown_text(_policy_line(first))}\n\n"]
    parts.append(markdown_table([t("rotate.col.year"), t("rotate.col.chair"), t("rotate.col.vices"), t("rotate.col.basis")], rows))
    for p in proposals:
        parts.append(f"\n### {markdown_text(_heading(p))}\n\n{markdown_text(_flag(p))}\n\n")
        parts.append("".join(f"- {markdown_text(line.strip())}\n" for line in _why_lines(p)))
    return "".join(parts)


# --------------------------------------------------------------------------- JSON


def as_dict(proposal: Proposal) -> dict[str, Any]:
    """The documented JSON object (README, `thidua rotate`): ids with Vietnamese names."""
    recorded = proposal.recorded
    data = {
        "cluster": proposal.cluster,
        "cluster_name": proposal.cluster_name,
        "from_year": proposal.from_year,
        "to_year": proposal.to_year,
        "policy": proposal.policy.value,
        "vice_chairs_wanted": proposal.rules.vice_chairs,
        "cooldown": proposal.rules.cooldown,
        "basis": proposal.basis,
        "proposal_only": proposal.proposal_only,
        "from_simulated": proposal.from_simulated,
        "chair": _unit(proposal, proposal.chair),
        "vice_chairs": [_unit(proposal, v) for v in proposal.vice_chairs],
        "outgoing": {
            "chair": _unit(proposal, proposal.outgoing_chair),
            "vice_chairs": [_unit(proposal, v) for v in proposal.outgoing_vice_chairs],
        },
        "flag": {"from": _unit(proposal, proposal.outgoing_chair), "to": _unit(proposal, proposal.chair)},
        "members": [_unit(proposal, m) for m in proposal.members],
        "candidates": [
            {"role": s.role, **(_unit(proposal, s.unit) or {}), "chosen": s.chosen, "reason": message_json(s.why)}
            for s in proposal.steps
        ],
        "recorded": None if recorded is None else {
            "chair": _unit(proposal, recorded.chair),
            "vice_chairs": None if recorded.vice_chairs is None else [_unit(proposal, v) for v in recorded.vice_chairs],
            "agrees": proposal.recorded_agrees,
        },
        "notes": [message_json(note) for note in proposal.notes],
        "recorded_year": proposal.record is not None,
        "open_offices": list(proposal.open_offices),
        "appointment": _appointment_json(proposal),
    }
    # the years as people write them, only where the cluster counts school years or other periods
    data = put_period(data, period_json(proposal.period, proposal.from_year), after="from_year", key="from_period")
    return put_period(data, period_json(proposal.period, proposal.to_year), after="to_year", key="to_period")


def json_output(proposals: list[Proposal], schedule: bool) -> str:
    """One object for a single proposal; a list of them for ``--years``."""
    if schedule:
        return json_text([as_dict(p) for p in proposals])
    return json_text(as_dict(proposals[0]))
