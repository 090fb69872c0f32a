"""Messages of the cluster format's organisers, kinds of member, periods and membership basis
(the rule codes of their block in domain/rules.py)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ kinds of member, renames
    "TD207": {
        "en": "'{unit}' is renamed into '{successor}', which has {count} predecessors: a rename is one unit into one",
        "vi": "'{unit}' đổi tên thành '{successor}', nhưng '{successor}' có {count} đơn vị tiền thân: đổi tên là một đơn vị thành một đơn vị",
    },
    "TD207.hint": {
        "en": "write `change: merger` when several units went into it",
        "vi": "ghi `change: merger` nếu nhiều đơn vị hợp nhất vào đó",
    },
    "TD208": {
        "en": "parent '{parent}' of '{unit}' is not a known unit",
        "vi": "đơn vị cấp trên '{parent}' của '{unit}' không có trong danh mục",
    },
    "TD208.hint": {"en": "{suggestion}", "vi": "{suggestion}"},
    "word.renamed_to": {"en": "; it was renamed {name} ({unit}) on {day}", "vi": "; đã đổi tên thành {name} ({unit}) từ {day}"},
    # ------------------------------------------------------------------ organisers are bodies
    "TD314": {
        "en": "organiser body '{body}' cannot organise at level '{level}' (only {allowed})",
        "vi": "cơ quan tổ chức '{body}' không tổ chức cụm ở cấp '{level}' (chỉ: {allowed})",
    },
    "TD314.hint": {
        "en": "give the organiser's `body` (people_committee, party_committee, fatherland_front, department, ministry, central_board, union, association, cooperative_alliance, enterprise) and its `level`",
        "vi": "ghi `body` của đơn vị tổ chức (people_committee, party_committee, fatherland_front, department, ministry, central_board, union, association, cooperative_alliance, enterprise) và `level`",
    },
    "TD315": {
        "en": "organiser unit '{unit}' ({name}) is of level {unit_level}, the organiser says {level}",
        "vi": "đơn vị tổ chức '{unit}' ({name}) thuộc cấp {unit_level}, nhưng `level` ghi {level}",
    },
    "TD315.hint": {
        "en": "a district's people's committee organises at level district: correct `level` or `unit`",
        "vi": "UBND cấp huyện tổ chức ở cấp district: sửa `level` hoặc `unit`",
    },
    # ------------------------------------------------------------------ periods
    "period.school_year": {"en": "school year {start}–{end}", "vi": "năm học {start}–{end}"},
    "period.span": {"en": "{start}–{end}", "vi": "{start}–{end}"},
    "period.year": {"en": "the year {year}", "vi": "năm {year}"},
    "period.label": {"en": "{label}", "vi": "{label}"},
    "period.calendar": {"en": "{year}", "vi": "năm {year}"},
    "TD316": {
        "en": "period label '{label}' names a placeholder other than {start} and {end}",
        "vi": "nhãn kỳ thi đua '{label}' dùng chỗ điền khác {start} và {end}",
    },
    "TD316.hint": {
        "en": "write the label as people do, with {start} and {end} for the years: \"niên vụ {start}–{end}\"",
        "vi": "ghi nhãn như thường viết, dùng {start} và {end} cho các năm: \"niên vụ {start}–{end}\"",
    },
    # ------------------------------------------------------------------ membership basis
    "word.basis": {"en": " (members as set by {decision})", "vi": " (thành viên theo {decision})"},
    "TD317": {
        "en": "the members of {year} ({count}) differ from those of {prev} ({prev_count}): {changes}; the {year} file records no basis (the decision that set them)",
        "vi": "thành viên năm {year} ({count}) khác năm {prev} ({prev_count}): {changes}; tệp năm {year} chưa ghi căn cứ (quyết định quy định thành viên)",
    },
    "basis.joined": {"en": "joined {names}", "vi": "thêm {names}"},
    "basis.left": {"en": "left {names}", "vi": "ra {names}"},
    "basis.joined_left": {"en": "joined {joined}; left {left}", "vi": "thêm {joined}; ra {left}"},
    "TD317.hint": {
        "en": "record the decision under `basis:` in the {year} file, e.g. `basis: {{number: \"15/QĐ-UBND\", date: {year}-01-10, issuer: \"UBND tỉnh …\", title: \"về việc …\"}}`; validate and the documents cite it",
        "vi": "ghi quyết định vào `basis:` trong tệp năm {year}, ví dụ `basis: {{number: \"15/QĐ-UBND\", date: {year}-01-10, issuer: \"UBND tỉnh …\", title: \"về việc …\"}}`; validate và văn bản sẽ trích dẫn",
    },
}


def _basis_entries() -> dict[str, dict[str, str]]:
    """``basis.number_date_issuer`` and each shorter combination: a decision cited with what is known."""
    import itertools

    words = {
        "number": ("decision {number}", "Quyết định số {number}"),
        "date": ("of {date}", "ngày {date}"),
        "issuer": ("by {issuer}", "của {issuer}"),
    }
    out: dict[str, dict[str, str]] = {}
    for size in (1, 2, 3):
        for parts in itertools.combinations(words, size):
            en = " ".join(words[p][0] for p in parts)
            vi = " ".join(words[p][1] for p in parts)
            if parts[0] != "number":
                en, vi = "the decision " + en, "quyết định " + vi
            out["basis." + "_".join(parts)] = {"en": en, "vi": vi}
    return out


CATALOGUE.update(_basis_entries())
