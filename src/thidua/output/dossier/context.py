"""What the dossier's Word templates are filled with: plain dicts, lists and strings.

Every document of the dossier is a docxtpl template (``thidua/templates/documents/*.docx`` by
default, a data repository's ``templates/`` where it has its own) rendered with the context built
here. All the wording that depends on the data lives here, in Vietnamese whatever ``--lang`` says
(the documents are Vietnamese administrative documents): the issuing body and its seat (Decree
30/2020/NĐ-CP), the legal bases in force on the meeting's day, names bound by non-breaking spaces
so that a header line never breaks inside one, numbers written the Vietnamese way (96,5), typographic
quotes. What the data does not know (a time, a decision number) is a dotted blank ``……``.

``FIELDS`` documents every variable; docs/awards.md shows it (tests/test_dossier.py checks that
the page and the contexts agree).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from thidua.domain.awards import AwardsResult
from thidua.domain.awards_catalogue import award_title
from thidua.domain.basis import decision_words
from thidua.domain.dossier import needs_report, previous_awards
from thidua.domain.legal_bases import legal_bases
from thidua.domain.models import (
    ClusterKind,
    ClusterYear,
    DocumentSettings,
    OrganiserLevel,
    Signer,
    UnitType,
    document_settings,
)
from thidua.domain.scoring import counted_scores
from thidua.domain.textsafe import document_text
from thidua.output.docx import BLANK, keep_together, typographic
from thidua.output.i18n import say
from thidua.output.period_words import year_span, year_words
from thidua.output.render.scores import band_name
from thidua.output.render.text import day as show_day
from thidua.output.render.text import number

BOUND_WORDS = ("thành phố", "thị xã", "ủy ban nhân dân", "trung ương")
ILLUSTRATIVE = (
    "Ghi chú: điểm trong bảng là điểm minh hoạ, không phải số liệu chấm điểm chính thức của {cum}; "
    "thay bằng bảng điểm thật trước khi trình ký."
)

# --------------------------------------------------------------------------- words


def basis_text(cy: ClusterYear) -> str:
    """The decision that set the year's members as a Căn cứ cites it ("Quyết định số 15/QĐ-SGDĐT
    ngày 05/01/2018 của Sở Giáo dục và Đào tạo về việc …"); "" when the year records none."""
    if cy.basis is None:
        return ""
    cited = say(decision_words(cy.basis), "vi")
    return f"{cited} {cy.basis.title}" if cy.basis.title else cited


def words(result: AwardsResult) -> dict[str, str]:
    """'Cụm' or 'Khối' and what follows from it."""
    khoi = result.cluster_year.cluster.kind is ClusterKind.khoi
    cum = "Khối" if khoi else "Cụm"
    return {"cum": cum, "CUM": cum.upper(), "abbr": "KTĐ" if khoi else "CTĐ", "truong": f"{cum} trưởng"}


def committee(unit_id: str | None, result: AwardsResult) -> str | None:
    """'UBND tỉnh Thái Bình': the people's committee of a unit, its place words bound together
    (a header line may break after 'UBND', never inside a name); an agency by its own name."""
    unit = result.cluster_year.units.get(unit_id) if unit_id else None
    if unit is None:
        return None
    if not unit.type.territorial:
        return keep_together(unit.name)
    return f"UBND {keep_together(unit.type.prefix.lower() + ' ' + unit.name)}"


def bind_names(text: str, result: AwardsResult) -> str:
    """``text`` with the proper names it contains (members, the organiser's unit, place words)
    bound by non-breaking spaces, matched case-insensitively."""
    cy = result.cluster_year
    ids = [*cy.members, cy.cluster.organiser.unit or "", cy.year.leadership.chair or ""]
    names = {unit.name for i in ids if i and (unit := cy.units.get(i)) is not None}
    lowered = text.lower()
    for name in sorted(names | set(BOUND_WORDS), key=len, reverse=True):
        if " " not in name:
            continue
        start = lowered.find(name.lower())
        while start >= 0:
            end = start + len(name)
            text = text[:start] + keep_together(text[start:end]) + text[end:]
            start = lowered.find(name.lower(), end)
    return text


def settings(result: AwardsResult) -> DocumentSettings:
    cy = result.cluster_year
    return document_settings(cy.cluster, cy.year)


def government_organiser(result: AwardsResult) -> bool:
    """Clusters of the Board or of a people's committee issue under the chair's people's committee;
    one run by a Party committee, the Front or a ministry issues under its organiser's name."""
    organiser = result.cluster_year.cluster.organiser
    return organiser.level is OrganiserLevel.central or organiser.name.startswith(("UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân"))


def issuer(result: AwardsResult) -> str:
    """The issuing body's upper line: configured, else the chair's committee, else the organiser."""
    configured = settings(result).issuer
    if configured:
        return keep_together(configured)
    if not government_organiser(result):
        return keep_together(result.cluster_year.cluster.organiser.name)
    return committee(result.cluster_year.year.leadership.chair, result) or f"UBND {BLANK}"


def seat(result: AwardsResult) -> str | None:
    """The issuing body's seat for the date line (Decree 30): configured, else the chair's name."""
    configured = settings(result).seat
    if configured:
        return configured
    chair = result.cluster_year.year.leadership.chair
    if chair and government_organiser(result) and result.cluster_year.units.get(chair) is not None:
        return result.cluster_year.name(chair)
    return None


def meeting_day(result: AwardsResult) -> dt.date | None:
    review = result.cluster_year.year.review
    return review.date if review and review.date else None


def citations(result: AwardsResult) -> tuple[str, ...]:
    """The law, decree and circular in force on the review's day (1 March after the year if unknown)."""
    return legal_bases(meeting_day(result) or dt.date(result.cluster_year.number + 1, 3, 1))


def full_name(member: str, result: AwardsResult) -> str:
    return result.cluster_year.units.full_name(member)


def spell_organiser(name: str) -> str:
    """'UBND tỉnh Hải Dương' → 'Ủy ban nhân dân tỉnh Hải Dương' in running text."""
    return name.replace("UBND", "Ủy ban nhân dân", 1) if name.startswith("UBND") else name


def vn_number(value: float) -> str:
    return number(value, 2, "vi")


def date_words(day: dt.date | None) -> str:
    """'ngày 13 tháng 3 năm 2024' (days under 10 and months 1–2 take a zero, Decree 30)."""
    if day is None:
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(result: AwardsResult, place: str | None = None) -> str:
    """'Thái Bình, ngày 13 tháng 3 năm 2024': the issuing body's seat, never the meeting's place."""
    return f"{place or seat(result) or BLANK}, {date_words(meeting_day(result))}"


def fact_text(label: str, value: float, unit: str | None) -> str:
    if not unit:
        return f"{label}: {vn_number(value)}"
    return f"{label}: {vn_number(value)}{'' if unit == '%' else ' '}{unit}"


def signer_lines(signer: Signer | None, body: str | None) -> list[str]:
    """'CHỦ TỊCH UBND TỈNH X', or 'KT. CHỦ TỊCH' over 'PHÓ CHỦ TỊCH' when a deputy signs for the head."""
    signer = signer or Signer()
    body = keep_together(body) if body else body  # a long line breaks before the body, never inside it
    head = (signer.head or "Chủ tịch").upper()
    own = (signer.title or "Chủ tịch").upper()
    if signer.on_behalf:
        if signer.on_behalf == "TM.":
            return [f"TM. {(body or BLANK).upper()}", own]
        return [f"{signer.on_behalf} {head}" + (f" {body.upper()}" if body else ""), own]
    return [f"{own} {body.upper()}" if body else own]


def members_line(result: AwardsResult) -> str:
    """Provinces by their name ('Bắc Ninh'); districts with their type ('Huyện Gia Lộc')."""
    units = result.cluster_year.units
    names = []
    for member in result.cluster_year.members:
        unit = units.get(member)
        names.append(unit.name if unit is not None and unit.type is UnitType.tinh else units.full_name(member))
    return ", ".join(names)


def reports_needed(result: AwardsResult) -> list[tuple[str, str]]:
    """(member, award) for each proposal whose dossier needs a Báo cáo thành tích."""
    return [(member, award) for member, award in result.proposals() if needs_report(award)]


# --------------------------------------------------------------------------- the contexts


def _clean(value: Any) -> Any:
    """Every string made safe for Word XML, its straight quotes typographic."""
    if isinstance(value, str):
        return typographic(document_text(value))
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _proposals(result: AwardsResult) -> list[dict[str, Any]]:
    """Each award in ladder order: its title, how many, the members, the places left to the meeting."""
    cy = result.cluster_year
    extra = cy.cluster.award_titles
    ladder = [step.award for step in cy.rules.awards]
    by_award: dict[str, list[str]] = {}
    for member, award in result.proposals():
        by_award.setdefault(award, []).append(member)
    order = [a for a in ladder if a in by_award or any(t.award == a for t in result.ties_at_line)]
    order += [a for a in by_award if a not in order]
    entries = {e.member: e for e in result.ranking.entries} if result.ranking else {}
    points = bool(entries) and all(e.has_points for e in entries.values())  # ranked by votes or the meeting: no points to cite
    out = []
    for award in order:
        members = by_award.get(award, [])
        ties = [t for t in result.ties_at_line if t.award == award] if not result.decided else []
        out.append(
            {
                "award": award_title(award, extra),
                "count": f"{len(members) + sum(t.slots for t in ties):02d}",
                "members": [
                    {
                        "name": full_name(m, result),
                        "rank": entries[m].rank if m in entries else "",
                        "total": vn_number(entries[m].total) if m in entries and entries[m].has_points else "",  # never an invented 0
                    }
                    for m in members
                ],
                "ties": [
                    f"{t.slots:02d} suất trong số: {', '.join(full_name(m, result) for m in t.members)} "
                    f"(cùng xếp thứ {t.rank}{f', {vn_number(t.total)} điểm' if points else ''}): Hội nghị bình xét quyết định {BLANK}"
                    for t in ties
                ],
            }
        )
    return out


def _ranking(result: AwardsResult) -> list[dict[str, Any]]:
    if result.ranking is None:
        return []
    extra = result.cluster_year.cluster.award_titles
    proposals = dict(result.proposals())
    ties = {m: tie for tie in result.ties_at_line if not tie.carried for m in tie.members}
    rows = []
    for index, entry in enumerate(result.ranking.entries, start=1):
        award = proposals.get(entry.member)
        note = award_title(award, extra) if award else (f"Hội nghị quyết định ({award_title(ties[entry.member].award, extra)})" if entry.member in ties else "")
        rows.append({"no": index, "id": entry.member, "rank": entry.rank if entry.placed else "–", "name": full_name(entry.member, result), "total": vn_number(entry.total) if entry.has_points else "", "band": band_name(result.cluster_year, entry.band), "award": note})
    return rows


def _votes(result: AwardsResult) -> dict[str, Any]:
    """The secret ballot: recorded counts for every ranked member, or blanks for the proposed ones."""
    cy = result.cluster_year
    votes = cy.year.votes
    if votes:
        members = [e.member for e in result.ranking.entries] if result.ranking else list(cy.members)
    else:
        members = list(dict.fromkeys([m for m, _ in result.proposals()] + [m for tie in result.ties_at_line if not tie.carried for m in tie.members]))
    rows = []
    for index, member in enumerate(members, start=1):
        count = votes.counts.get(member, 0) if votes and votes.counts else None
        rows.append(
            {
                "no": index,
                "name": full_name(member, result),
                "count": f"{count}/{votes.voters}" if votes and count is not None else f"{BLANK}/{BLANK}",
                "share": vn_number(100 * count / votes.voters) if votes and count is not None else BLANK,
            }
        )
    return {"voters": str(votes.voters) if votes else BLANK, "recorded": votes is not None, "rows": rows, "illustrative": bool(votes and cy.year.scores_illustrative)}


def _signer(result: AwardsResult, w: dict[str, str]) -> dict[str, Any]:
    signer = settings(result).signer
    body = issuer(result) if government_organiser(result) and BLANK not in issuer(result) else None
    lines = [f"TM. {w['CUM']} THI ĐUA", w["truong"].upper()]
    if body or signer:
        lines += signer_lines(signer, body)
    return {"lines": lines, "name": keep_together(signer.name) if signer and signer.name else ""}


def _header(result: AwardsResult, symbol: str, body: str, second: str, place: str | None = None) -> dict[str, str]:
    return {"body": body.upper(), "second": second, "number": f"Số: {BLANK}/{symbol}", "place_and_date": place_and_date(result, place)}


def cluster_context(result: AwardsResult, document: str = "to-trinh") -> dict[str, Any]:
    """The variables of ``to-trinh`` and ``bien-ban`` (and the shared part of the report's)."""
    cy = result.cluster_year
    w = words(result)
    review = cy.year.review
    day = meeting_day(result)
    chair_body = committee(cy.year.leadership.chair, result)
    symbol = {"to-trinh": "TTr", "bien-ban": "BB"}.get(document, "BC")
    context = {
        "year": cy.number,
        "period": year_words(cy.cluster.period, cy.number, "vi"),
        "basis": basis_text(cy),
        "cluster": {"id": cy.id, "name": cy.cluster.name, "kind": w["cum"], "abbr": w["abbr"], "chair_title": w["truong"]},
        "organiser": {"name": spell_organiser(cy.cluster.organiser.name), "short": cy.cluster.organiser.name, "level": cy.cluster.organiser.level.value, "central": cy.cluster.organiser.level is OrganiserLevel.central},
        "issuer": issuer(result),
        "seat": seat(result) or BLANK,
        "header": _header(result, f"{symbol}-{w['abbr']}", issuer(result), bind_names(cy.cluster.name.upper(), result)),
        "meeting": {
            "date": show_day(day) if day else BLANK,
            "date_words": date_words(day),
            "place": (review.place if review and review.place else None) or BLANK,
            "chair": f"đại diện lãnh đạo {chair_body}" if chair_body else f"đại diện {BLANK}",
        },
        "legal_bases": list(citations(result)),
        "members": [{"id": m, "name": cy.name(m), "full_name": full_name(m, result)} for m in cy.members],
        "members_line": members_line(result),
        "facts": [fact_text(f.label, f.value, f.unit) for f in cy.year.facts if f.member is None],
        "ranking": _ranking(result),
        "bands": bool(cy.rules.bands),
        "scores_illustrative": cy.year.scores_illustrative,
        "illustrative_note": ILLUSTRATIVE.format(cum=w["cum"]),
        "proposals": _proposals(result),
        "votes": _votes(result),
        "recipients": ["Như trên", f"Các thành viên {w['cum']}", *(["Ban Thi đua - Khen thưởng Trung ương"] if cy.cluster.organiser.level is not OrganiserLevel.central else []), "Lưu: VT"],
        "signer": _signer(result, w),
    }
    return _clean(context)


def report_context(result: AwardsResult, member: str, award: str, history: Iterable[ClusterYear] = ()) -> dict[str, Any]:
    """The cluster's variables plus ``unit``, ``award``, ``entry``, ``indicators`` and
    ``previous_awards``, with the unit's own ``header`` and ``signer``."""
    cy = result.cluster_year
    w = words(result)
    entry = next((e for e in result.ranking.entries if e.member == member), None) if result.ranking else None
    unit = cy.units.get(member)
    full = full_name(member, result)
    locality = unit is not None and unit.type.territorial
    body = committee(member, result) or keep_together(full)
    scores = counted_scores(cy.year).get(member, {})  # the numbers ranking counted (final, else appraised)
    past = previous_awards(member, cy.number, history, cy.units)
    context = cluster_context(result, "bao-cao-thanh-tich")
    context.update(
        _clean(
            {
                "header": _header(result, f"BC-{'UBND' if locality else w['abbr']}", body, "", unit.name if unit is not None else None),
                "unit": {
                    "id": member,
                    "name": cy.name(member),
                    "full_name": full,
                    "committee": body,
                    "locality": locality,
                    "facts": [fact_text(f.label, f.value, f.unit) for f in cy.year.facts if f.member == member],
                    "seat": unit.name if unit is not None else BLANK,
                },
                "award": award_title(award, cy.cluster.award_titles),
                "entry": {"rank": entry.rank, "total": vn_number(entry.total) if entry.has_points else "", "band": band_name(cy, entry.band), "of": len(result.ranking.entries) if result.ranking else 0} if entry else None,
                "indicators": [
                    {"no": index, "name": i.name, "max": vn_number(i.max), "score": vn_number(scores[i.id])}
                    for index, i in enumerate((i for i in cy.year.indicators if i.id in scores), start=1)
                ]
                if entry
                else [],
                "previous_awards": [
                    {
                        "year": year_span(a.period, a.year),
                        "award": award_title(a.award, dict(a.award_titles)),
                        "unit": full_name(a.unit, result),
                        "cluster": a.cluster,
                        "who": "" if a.unit == past[0].unit or a.unit not in cy.units else f" ({cy.units.full_name(a.unit)})",
                    }
                    for a in past
                ],
                "signer": {"lines": [f"TM. {body.upper()}", "CHỦ TỊCH"] if locality else ["THỦ TRƯỞNG ĐƠN VỊ"], "name": ""},
            }
        )
    )
    return context


def context_for(name: str, result: AwardsResult, member: str | None = None, award: str | None = None, history: Iterable[ClusterYear] = ()) -> dict[str, Any]:
    if name == "bao-cao-thanh-tich":
        assert member is not None and award is not None
        return report_context(result, member, award, history)
    return cluster_context(result, name)


# Every variable, for docs/awards.md (``python scripts/gen_docs.py`` writes the table there).
FIELDS: tuple[tuple[str, str], ...] = (
    ("year", "the emulation year (2023): the year its file is named after"),
    ("period", "the year as the documents write it: năm 2023; năm học 2017–2018 where the cluster counts school years (`period:`)"),
    ("basis", "the decision that set the year's members (`basis:`), cited: Quyết định số … ngày … của … về việc …; empty when not recorded"),
    ("cluster.id, cluster.name, cluster.kind, cluster.abbr, cluster.chair_title", "dbsh; the cluster's name; Cụm or Khối; CTĐ or KTĐ; Cụm trưởng"),
    ("organiser.name, organiser.short, organiser.level, organiser.central", "Ủy ban nhân dân tỉnh X (spelt out for running text); UBND tỉnh X; central/province/district; true for the Central Board"),
    ("issuer, seat", "the issuing body (UBND tỉnh Thái Bình; Tỉnh ủy … for a Party-run cluster); its seat (Thái Bình)"),
    ("header.body, header.second, header.number, header.place_and_date", "the header's upper lines (capitals, names never split), Số: ……/TTr-CTĐ, the date line"),
    ("meeting.date, meeting.date_words, meeting.place, meeting.chair", "13/03/2024; ngày 13 tháng 3 năm 2024; the meeting's place; đại diện lãnh đạo UBND tỉnh …"),
    ("legal_bases", "list: the law, decree and circular in force on the meeting's day (without Căn cứ and ;)"),
    ("members, members_line", "list of {id, name, full_name}; the members in one line"),
    ("facts", "list: the cluster's published facts as text"),
    ("ranking", "list of {no, id, rank, name, total, band, award} (total written the Vietnamese way; band: the band's name, empty without; award: the proposal or the tie note)"),
    ("bands", "true when the year's rules define score bands (xếp loại): the ranking table then has a Xếp loại column"),
    ("scores_illustrative, illustrative_note", "true when the year's scores are illustrative; the note saying so"),
    ("proposals", "list of {award, count, members: [{name, rank, total}], ties: [text]} in ladder order"),
    ("votes.voters, votes.recorded, votes.rows, votes.illustrative", "ballots (…… if unknown); whether counts are recorded; list of {no, name, count, share}; illustrative votes"),
    ("recipients", "list: the Nơi nhận lines (without - and ;)"),
    ("signer.lines, signer.name", "the signature block's title lines (TM. CỤM THI ĐUA … KT. CHỦ TỊCH …); the signer's name or empty"),
    ("unit.id, unit.name, unit.full_name, unit.committee, unit.locality, unit.facts, unit.seat", "bao-cao-thanh-tich only: the proposed collective"),
    ("award", "bao-cao-thanh-tich only: the award's official title"),
    ("entry.rank, entry.total, entry.band, entry.of", "bao-cao-thanh-tich only: its place in the ranking, its band's name (empty without bands) (entry is none without scores)"),
    ("indicators", "bao-cao-thanh-tich only: list of {no, name, max, score}"),
    ("previous_awards", "bao-cao-thanh-tich only: list of {year, award, unit, cluster, who} from the repository's history"),
)


__all__ = [
    "FIELDS",
    "citations",
    "cluster_context",
    "context_for",
    "date_words",
    "report_context",
    "reports_needed",
    "vn_number",
]

