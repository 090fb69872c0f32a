"""Messages of leadership by record: the target year's file, appointments by decision, partial
elections, ``vice_chairs: []``, one-member lists (``thidua rotate`` and ``thidua validate``)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ why a unit holds an office
    "leadership.why.recorded": {
        "en": "recorded in the {year} file: kept",
        "vi": "đã ghi trong tệp năm {year}: giữ nguyên",
    },
    "leadership.why.appointed": {
        "en": "appointed by decision {decision} of {day} ({issuer}; signed: {signer})",
        "vi": "được chỉ định theo quyết định {decision} ngày {day} ({issuer}; người ký: {signer})",
    },
    "leadership.why.holds_vice": {
        "en": "holds a vice-chair already (elected, recorded or appointed): kept there, not moved",
        "vi": "đã giữ chức Cụm phó (được suy tôn, đã ghi hoặc được chỉ định): giữ nguyên, không chuyển",
    },
    "leadership.why.only_member": {
        "en": "the only member who can hold office",
        "vi": "thành viên duy nhất có thể nhận chức",
    },
    # ------------------------------------------------------------------ notes
    "leadership.note.one_member": {
        "en": "the {year} list has one member, {name}: it holds the chair; there is no rotation and no vice-chair",
        "vi": "danh sách năm {year} chỉ có một thành viên, {name}: đơn vị này giữ chức Cụm trưởng; không có luân phiên và không có Cụm phó",
    },
    "leadership.note.one_member_stays": {
        "en": "the {year} list has one member, {name}, the outgoing chair: it stays chair; this is not a rotation, and there is no vice-chair",
        "vi": "danh sách năm {year} chỉ có một thành viên là Cụm trưởng năm trước, {name}: tiếp tục giữ chức; đây không phải luân phiên, và không có Cụm phó",
    },
    "leadership.note.no_vices_held": {
        "en": "{year} had no vice-chair (`vice_chairs: []`): the chair follows list order instead",
        "vi": "năm {year} không có Cụm phó (`vice_chairs: []`): Cụm trưởng chọn theo thứ tự danh sách",
    },
    "leadership.note.not_candidate": {
        "en": "{name} is listed in the {year} file but cannot hold an office all year ({why}): not a candidate",
        "vi": "{name} có trong danh sách năm {year} nhưng không thể giữ chức cả năm ({why}): không đề xuất",
    },
    "leadership.note.vices_not_appointed": {
        "en": "no vice-chair is appointed for {year}: left open, not guessed (record them under `appointment:` when decided)",
        "vi": "chưa có Cụm phó được chỉ định cho năm {year}: để trống, không đoán (ghi vào `appointment:` khi có quyết định)",
    },
    "leadership.note.not_candidate_merged": {
        "en": "{name}, listed in the {year} file, merges into {successor} on {day}: it cannot hold an office all year, so it is not a candidate",
        "vi": "{name} có trong danh sách năm {year} nhưng nhập vào {successor} từ {day}: không thể giữ chức cả năm nên không đề xuất",
    },
    "leadership.note.record_kept": {
        "en": "the leadership recorded in the {year} file is kept; without it the rotation would give chair {chair}, vice-chairs {vices}",
        "vi": "giữ lãnh đạo Cụm ghi trong tệp năm {year}; nếu không có, luân phiên sẽ cho Cụm trưởng {chair}, Cụm phó {vices}",
    },
    # ------------------------------------------------------------------ bases
    "rotate.basis.recorded": {
        "en": "As recorded in the year's file (offices it leaves out are proposed).",
        "vi": "Theo tệp dữ liệu của năm (chức danh chưa ghi được đề xuất).",
    },
    "rotate.basis.appointment": {
        "en": "As appointed by decision (offices it leaves out are proposed).",
        "vi": "Theo quyết định chỉ định (chức danh không được chỉ định được đề xuất).",
    },
    "rotate.basis.only_member": {
        "en": "The only member holds the chair.",
        "vi": "Thành viên duy nhất giữ chức Cụm trưởng.",
    },
    "rotate.basis_short.recorded": {"en": "recorded", "vi": "đã ghi"},
    "rotate.basis_short.appointment": {"en": "appointed", "vi": "chỉ định"},
    "rotate.basis_short.only_member": {"en": "only member", "vi": "một thành viên"},
    "rotate.appointment": {
        "en": "Appointment: decision {decision} of {day}, {issuer}, signed by {signer}",
        "vi": "Chỉ định: quyết định {decision} ngày {day}, {issuer}, người ký {signer}",
    },
    "rotate.recorded_year": {
        "en": "{period} has a file: its members and recorded offices are kept; only the offices it leaves out are proposed.",
        "vi": "{period} đã có tệp dữ liệu: giữ thành viên và chức danh đã ghi; chỉ đề xuất chức danh chưa ghi.",
    },
    # ------------------------------------------------------------------ writing into a recorded year
    "rotate.file.filled": {
        "en": "Offices not recorded for {period} filled by `thidua rotate` ({policy}): {basis}",
        "vi": "Chức danh {period} chưa ghi, do `thidua rotate` bổ sung ({policy}): {basis}",
    },
    "leadership.err.nothing_to_add": {
        "en": "{path} already records every office for {year} (or leaves it to an appointment): nothing to write",
        "vi": "{path} đã ghi đủ lãnh đạo Cụm năm {year} (hoặc để chờ quyết định chỉ định): không có gì để ghi",
    },
    "leadership.err.target_unusable": {
        "en": "{path} exists but could not be read as a year file: fix it first (rotate never replaces a recorded year)",
        "vi": "{path} đã tồn tại nhưng không đọc được như tệp năm: sửa tệp trước (rotate không bao giờ thay tệp đã ghi)",
    },
    # ------------------------------------------------------------------ words
    "word.appointed_chair": {"en": "appointed chair", "vi": "Cụm trưởng được chỉ định"},
    "word.appointed_vice_chair": {"en": "appointed vice-chair", "vi": "Cụm phó được chỉ định"},
    # ------------------------------------------------------------------ rules TD330–TD339
    "TD330": {
        "en": "{role} '{unit}' differs from the appointment by decision {decision} ('{appointed}')",
        "vi": "{role} '{unit}' khác quyết định chỉ định {decision} ('{appointed}')",
    },
    "TD330.hint": {
        "en": "the file records one leadership: make `leadership:` agree with `appointment:`, or leave the office out of `leadership:`",
        "vi": "mỗi tệp ghi một lãnh đạo Cụm: sửa `leadership:` cho khớp `appointment:`, hoặc bỏ chức danh đó khỏi `leadership:`",
    },
    "TD331": {
        "en": "{role} '{unit}' is not a member of the cluster this year",
        "vi": "{role} '{unit}' không phải thành viên của cụm năm nay",
    },
    "TD331.hint": {
        "en": "add it to `members:` or check the decision's text",
        "vi": "thêm vào `members:` hoặc đối chiếu nguyên văn quyết định",
    },
    "TD332": {
        "en": "{role} {name} ceases to exist on {day}, before the year ends",
        "vi": "{role} {name} chấm dứt tồn tại ngày {day}, trước khi hết năm",
    },
    "TD332.hint": {
        "en": "record who holds the office after that day, if a later decision says so",
        "vi": "ghi đơn vị giữ chức sau ngày đó nếu có quyết định sau",
    },
    "TD333": {
        "en": "the appointment by decision {decision} names no office",
        "vi": "quyết định chỉ định {decision} không ghi chức danh nào",
    },
    "TD333.hint": {
        "en": "add `chair:` and/or `vice_chairs:` (`[]`: explicitly none) as the decision says",
        "vi": "thêm `chair:` và/hoặc `vice_chairs:` (`[]`: không có) theo quyết định",
    },
    "TD334": {
        "en": "'{unit}' is appointed to two offices by decision {decision}",
        "vi": "'{unit}' được chỉ định hai chức danh trong quyết định {decision}",
    },
    "TD334.hint": {
        "en": "a unit holds one office: check the decision's text",
        "vi": "mỗi đơn vị giữ một chức danh: đối chiếu nguyên văn quyết định",
    },
    "TD335": {
        "en": "{role} '{unit}' appointed by decision {decision} differs from the election recorded in {prev} ({elected}): the appointment stands",
        "vi": "{role} '{unit}' được chỉ định theo quyết định {decision} khác kết quả suy tôn ghi trong {prev} ({elected}): giữ quyết định chỉ định",
    },
    "TD335.hint": {
        "en": "nothing to fix if the decision overrode the vote; otherwise correct one of the two files",
        "vi": "không cần sửa nếu quyết định thay kết quả suy tôn; nếu không, sửa một trong hai tệp",
    },
}
