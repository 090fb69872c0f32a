"""The ranking table and notes of a year ranked by votes or by the meeting's decided order.

Points rankings keep their table (``render.ranking``); these years show the place, the member,
the votes where counted and the points only where the year has them (for reference), and say
which basis ranked them and what else the file records.
"""

from __future__ import annotations

from thidua.domain.message import Message
from thidua.domain.ranking import Entry
from thidua.domain.standings import Standing
from thidua.output.i18n import say, t
from thidua.output.render.rank_text import Column, Table, change_and_note_columns, columns_table, join_names
from thidua.output.render.text import number


def basis_note(standing: Standing) -> Message:
    from thidua.domain.awards import basis_note as note

    assert standing.ranking is not None
    return note(standing.ranking)


def basis_table(standing: Standing) -> Table:
    ranking = standing.ranking
    assert ranking is not None
    lookup = {e.member: e.name for e in ranking.entries}
    columns: list[Column] = [(t("rank.col.rank"), "r", lambda e: str(e.rank) if e.placed else "–"), (t("rank.col.member"), "l", lambda e: e.name)]
    if any(e.votes is not None for e in ranking.entries):
        columns.append((t("rank.col.votes"), "r", lambda e: "" if e.votes is None else str(e.votes)))
    if any(e.has_points for e in ranking.entries):  # points recorded beside the basis, for reference
        columns.append((t("rank.col.total"), "r", lambda e: number(e.total) if e.has_points else ""))

    def note(e: Entry) -> str:
        return t("rank.note.tied", names=join_names([lookup.get(m, m) for m in e.tied_with])) if e.tied_with else ""

    columns += change_and_note_columns(standing, note, placed_only=True)
    return columns_table(columns, ranking.entries)


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
