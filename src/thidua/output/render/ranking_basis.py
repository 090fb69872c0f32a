"""The ranking table and notes of a year ranked by votes or by the meeting's decided order.

Points rankings keep their table (``render.ranking``); these years show the place, the member,
the votes where counted and the points only where the year has them (for reference), and say
which basis ranked them and what else the file records.
"""

from __future__ import annotations

from thidua.domain.message import Message
from thidua.domain.standings import Standing
from thidua.output.i18n import say, t
from thidua.output.render.rank_text import Table, change_label, join_names
from thidua.output.render.text import number


def basis_note(standing: Standing) -> Message:
    from thidua.domain.awards import basis_note as note

    assert standing.ranking is not None
    return note(standing.ranking)


def basis_table(standing: Standing) -> Table:
    ranking = standing.ranking
    assert ranking is not None
    votes = any(e.votes is not None for e in ranking.entries)
    points = any(e.has_points for e in ranking.entries)
    headers = [t("rank.col.rank"), t("rank.col.member")]
    align = "rl"
    if votes:
        headers.append(t("rank.col.votes"))
        align += "r"
    if points:
        headers.append(t("rank.col.total"))
        align += "r"
    if standing.previous_year is not None:
        headers.append(t("rank.col.change", year=standing.previous_year))
        align += "r"
    lookup = {e.member: e.name for e in ranking.entries}
    notes = [t("rank.note.tied", names=join_names([lookup.get(m, m) for m in e.tied_with])) if e.tied_with else "" for e in ranking.entries]
    if any(notes):
        headers.append(t("rank.col.note"))
        align += "l"
    rows: list[list[str]] = []
    for index, e in enumerate(ranking.entries):
        row = [str(e.rank) if e.placed else "–", e.name]
        if votes:
            row.append("" if e.votes is None else str(e.votes))
        if points:
            row.append(number(e.total) if e.has_points else "")
        if standing.previous_year is not None:
            move = standing.movement(e.member)
            row.append(change_label(move.change(e.rank), move.new) if e.placed else "")
        if any(notes):
            row.append(notes[index])
        rows.append(row)
    return headers, rows, align


def basis_lines(standing: Standing) -> list[str]:
    """Which basis ranked the year, and who a partial order leaves unplaced."""
    ranking = standing.ranking
    assert ranking is not None
    lines = [say(basis_note(standing))]
    unplaced = [e.name for e in ranking.entries if not e.placed]
    if unplaced:
        places = sum(1 for e in ranking.entries if e.placed)
        lines.append(t("votes.rank.not_placed", places=places, names=join_names(unplaced)))
    return lines
