"""Messages of ``thidua rotate``, in English and Vietnamese (merged into the catalogue by i18n)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ member list
    "rotate.note.merged": {
        "en": "{name} merged into {successor} on {day}",
        "vi": "{name} đã nhập vào {successor} từ {day}",
    },
    "rotate.note.merged_listed": {
        "en": "{name} merged into {successor} on {day} (already listed: counted once)",
        "vi": "{name} đã nhập vào {successor} từ {day} (đã có trong danh sách: chỉ tính một lần)",
    },
    "rotate.note.dropped": {
        "en": "{name} ceases to exist on {day} and has no successor: not a member in {year}",
        "vi": "{name} chấm dứt tồn tại từ {day}, không có đơn vị kế thừa: không còn là thành viên năm {year}",
    },
    "rotate.note.unknown": {
        "en": "'{unit}' is not in the registry: left out of {year}",
        "vi": "'{unit}' không có trong danh mục: không đưa vào năm {year}",
    },
    "rotate.note.no_members": {
        "en": "no member of the source year exists in {year}: nothing to propose",
        "vi": "không thành viên nào của năm nguồn còn tồn tại trong năm {year}: không có gì để đề xuất",
    },
    # ------------------------------------------------------------------ why a candidate was chosen or skipped
    "rotate.why.merged": {
        "en": "{name} merged into {successor} on {day}: skipped (the successor does not inherit the office)",
        "vi": "{name} đã nhập vào {successor} từ {day}: bỏ qua (đơn vị kế thừa không kế thừa chức vụ)",
    },
    "rotate.why.ceases": {
        "en": "{name} ceases to exist on {day}, before the end of {year}: skipped",
        "vi": "{name} chấm dứt tồn tại từ {day}, trước khi hết năm {year}: bỏ qua",
    },
    "rotate.why.not_member": {
        "en": "{name} is not a member in {year}: skipped",
        "vi": "{name} không là thành viên năm {year}: bỏ qua",
    },
    "rotate.why.unknown": {
        "en": "'{unit}' is not in the registry: skipped",
        "vi": "'{unit}' không có trong danh mục: bỏ qua",
    },
    "rotate.why.cooldown": {
        "en": "chaired in {years}, within the {cooldown}-year cooldown: skipped",
        "vi": "đã làm Cụm trưởng năm {years}, trong thời gian {cooldown} năm không luân phiên lại: bỏ qua",
    },
    "rotate.why.outgoing": {
        "en": "outgoing chair: skipped",
        "vi": "Cụm trưởng năm trước: bỏ qua",
    },
    "rotate.why.is_chair": {
        "en": "already the chair: skipped",
        "vi": "đã là Cụm trưởng: bỏ qua",
    },
    "rotate.why.promoted": {
        "en": "vice-chair in {year}: promoted to chair",
        "vi": "Cụm phó năm {year}: lên Cụm trưởng",
    },
    "rotate.why.next_after": {
        "en": "next in rotation order after {name}",
        "vi": "kế tiếp {name} theo thứ tự luân phiên",
    },
    "rotate.why.first_in_order": {
        "en": "first in rotation order",
        "vi": "đứng đầu thứ tự luân phiên",
    },
    "rotate.why.cooldown_waived": {
        "en": "every member chaired within the cooldown: next in rotation order, cooldown waived",
        "vi": "mọi thành viên đều đã làm Cụm trưởng trong thời gian không luân phiên lại: chọn theo thứ tự",
    },
    "rotate.why.too_few": {
        "en": "too few other members: chosen despite the rule above",
        "vi": "không đủ thành viên khác: vẫn chọn dù vướng quy tắc trên",
    },
    "rotate.why.elected": {
        "en": "recorded election of {day}",
        "vi": "kết quả suy tôn ngày {day}",
    },
    "rotate.why.elected_undated": {
        "en": "election recorded in the {year} file",
        "vi": "kết quả suy tôn ghi trong tệp năm {year}",
    },
    # ------------------------------------------------------------------ notes on the policy
    "rotate.note.no_vice_can_serve": {
        "en": "no vice-chair of {year} can serve: the chair follows list order instead",
        "vi": "không Cụm phó nào của năm {year} có thể nhận chức: Cụm trưởng chọn theo thứ tự danh sách",
    },
    "rotate.note.no_vice_recorded": {
        "en": "no vice-chair recorded for {year}: the chair follows list order instead",
        "vi": "năm {year} không ghi Cụm phó: Cụm trưởng chọn theo thứ tự danh sách",
    },
    "rotate.note.no_chair_recorded": {
        "en": "no chair recorded for {year}: the rotation starts at the top of the order",
        "vi": "năm {year} không ghi Cụm trưởng: luân phiên bắt đầu từ đầu danh sách",
    },
    "rotate.note.resume_after": {
        "en": "the outgoing chair {outgoing} is now part of {successor}: the order resumes after {successor}",
        "vi": "Cụm trưởng năm trước {outgoing} nay thuộc {successor}: thứ tự tiếp tục sau {successor}",
    },
    "rotate.note.resume_next": {
        "en": "the outgoing chair {outgoing} is not a member any more: the order resumes at {name}",
        "vi": "Cụm trưởng năm trước {outgoing} không còn là thành viên: thứ tự tiếp tục từ {name}",
    },
    "rotate.note.resume_top": {
        "en": "the outgoing chair {outgoing} is not in the rotation order: it starts at the top",
        "vi": "Cụm trưởng năm trước {outgoing} không có trong thứ tự luân phiên: bắt đầu từ đầu danh sách",
    },
    "rotate.note.too_few_vices": {
        "en": "only {count} vice-chair(s) can be chosen, the rules ask for {wanted}",
        "vi": "chỉ chọn được {count} Cụm phó, quy chế quy định {wanted}",
    },
    "rotate.note.elected_suggestion": {
        "en": "the cluster elects its leadership and {year} records no election: this is only a suggestion, by list order",
        "vi": "Cụm bầu (suy tôn) lãnh đạo và năm {year} chưa ghi kết quả suy tôn: đây chỉ là gợi ý, theo thứ tự danh sách",
    },
    "rotate.note.appointed": {
        "en": "the leadership is appointed and no appointment is recorded after {year}: nothing to propose (record it under `appointment:` in the next year's file)",
        "vi": "lãnh đạo Cụm do cấp trên chỉ định và sau năm {year} chưa ghi quyết định chỉ định: không đề xuất (ghi vào `appointment:` trong tệp năm sau)",
    },
    "rotate.note.elected_cannot_serve": {
        "en": "the recorded election named {name}, who cannot serve: the policy's next candidate is proposed instead",
        "vi": "kết quả suy tôn ghi {name}, đơn vị không thể nhận chức: đề xuất ứng viên kế tiếp theo quy chế",
    },
    "rotate.note.vices_not_elected": {
        "en": "the election did not record the vice-chairs for {year}: they follow the rotation order",
        "vi": "kết quả suy tôn không ghi Cụm phó năm {year}: chọn theo thứ tự luân phiên",
    },
    "rotate.note.election_agrees": {
        "en": "the recorded election ({elected}) and the {policy} policy agree",
        "vi": "kết quả suy tôn ({elected}) trùng với quy tắc luân phiên {policy}",
    },
    "rotate.note.election_differs": {
        "en": "the recorded election ({elected}) differs from the {policy} policy, which gives {expected}: the election stands",
        "vi": "kết quả suy tôn ({elected}) khác quy tắc luân phiên {policy} ({expected}): giữ kết quả suy tôn",
    },
    "rotate.note.simulated": {
        "en": "based on the proposal for {year}, not on a file: no election can be recorded for it",
        "vi": "dựa trên đề xuất cho năm {year}, không phải tệp dữ liệu: năm đó chưa có kết quả suy tôn",
    },
    "rotate.note.recorded_none": {
        "en": "the {year} file exists but records no leadership",
        "vi": "tệp năm {year} đã có nhưng chưa ghi lãnh đạo Cụm",
    },
    "rotate.note.recorded_agrees": {
        "en": "agrees with the leadership recorded in the {year} file",
        "vi": "trùng với lãnh đạo Cụm ghi trong tệp năm {year}",
    },
    "rotate.note.recorded_differs": {
        "en": "differs from the leadership recorded in the {year} file: chair {chair}, vice-chairs {vices}",
        "vi": "khác lãnh đạo Cụm ghi trong tệp năm {year}: Cụm trưởng {chair}, Cụm phó {vices}",
    },
    # ------------------------------------------------------------------ output
    "rotate.title": {
        "en": "{cluster}: leadership {from_year} → {to_year}",
        "vi": "{cluster}: lãnh đạo Cụm {from_year} → {to_year}",
    },
    "rotate.policy.vice_promotes": {
        "en": "vice_promotes (a vice-chair becomes chair; the next members in order become vice-chairs)",
        "vi": "vice_promotes (Cụm phó lên Cụm trưởng; các thành viên kế tiếp làm Cụm phó)",
    },
    "rotate.policy.list_order": {
        "en": "list_order (round-robin over the rotation order)",
        "vi": "list_order (luân phiên theo thứ tự danh sách)",
    },
    "rotate.policy.elected": {
        "en": "elected (chosen by vote at the year-end review)",
        "vi": "elected (suy tôn tại hội nghị tổng kết)",
    },
    "rotate.policy.appointed": {
        "en": "appointed (by a superior)",
        "vi": "appointed (cấp trên chỉ định)",
    },
    "rotate.policy_line": {
        "en": "Policy: {policy}; vice-chairs: {vices}; cooldown: {cooldown} year(s)",
        "vi": "Quy tắc: {policy}; số Cụm phó: {vices}; không luân phiên lại trong: {cooldown} năm",
    },
    "rotate.basis.policy": {"en": "Decided by the rotation policy.", "vi": "Theo quy tắc luân phiên."},
    "rotate.basis.election": {"en": "Decided by the recorded election.", "vi": "Theo kết quả suy tôn đã ghi."},
    "rotate.basis.suggestion": {
        "en": "PROPOSAL ONLY: the cluster decides.",
        "vi": "CHỈ LÀ ĐỀ XUẤT: Cụm quyết định.",
    },
    "rotate.basis.none": {"en": "Nothing proposed.", "vi": "Không có đề xuất."},
    "rotate.proposal_only": {
        "en": "PROPOSAL ONLY: the cluster decides.",
        "vi": "CHỈ LÀ ĐỀ XUẤT: Cụm quyết định.",
    },
    "rotate.col.role": {"en": "Role", "vi": "Chức vụ"},
    "rotate.col.outgoing": {"en": "{year} (outgoing)", "vi": "{year} (năm trước)"},
    "rotate.col.incoming": {"en": "{year} (incoming)", "vi": "{year} (năm mới)"},
    "rotate.col.candidate": {"en": "Candidate", "vi": "Ứng viên"},
    "rotate.col.decision": {"en": "Decision", "vi": "Kết quả"},
    "rotate.col.why": {"en": "Why", "vi": "Lý do"},
    "rotate.col.year": {"en": "Year", "vi": "Năm"},
    "rotate.col.chair": {"en": "Chair", "vi": "Cụm trưởng"},
    "rotate.col.vices": {"en": "Vice-chairs", "vi": "Cụm phó"},
    "rotate.col.basis": {"en": "Basis", "vi": "Căn cứ"},
    "rotate.role.chair": {"en": "chair", "vi": "Cụm trưởng"},
    "rotate.role.vice_chair": {"en": "vice-chair", "vi": "Cụm phó"},
    "rotate.chosen": {"en": "chosen", "vi": "chọn"},
    "rotate.skipped": {"en": "skipped", "vi": "bỏ qua"},
    "rotate.basis_short.policy": {"en": "policy", "vi": "quy tắc"},
    "rotate.basis_short.election": {"en": "election", "vi": "suy tôn"},
    "rotate.basis_short.suggestion": {"en": "suggestion", "vi": "gợi ý"},
    "rotate.basis_short.none": {"en": "none", "vi": "không"},
    "rotate.flag": {
        "en": "Rotating flag (Cờ luân lưu): {giver} → {receiver}",
        "vi": "Cờ luân lưu: {giver} → {receiver}",
    },
    "rotate.candidates": {"en": "Candidates considered", "vi": "Các ứng viên đã xét"},
    "rotate.members": {"en": "Members in {period} ({count}): {names}", "vi": "Thành viên {period} ({count}): {names}"},
    "rotate.notes": {"en": "Notes:", "vi": "Ghi chú:"},
    "rotate.schedule_title": {
        "en": "{cluster}: rotation schedule after {period}",
        "vi": "{cluster}: lịch luân phiên sau {period}",
    },
    "rotate.year_heading": {"en": "{period}:", "vi": "{period}:"},
    "rotate.nobody": {"en": "–", "vi": "–"},
    # ------------------------------------------------------------------ command
    "rotate.err.no_years": {
        "en": "cluster '{cluster}' has no readable year file: run `thidua validate {path}`",
        "vi": "cụm '{cluster}' không có tệp năm đọc được: chạy `thidua validate {path}`",
    },
    "rotate.err.no_year": {
        "en": "cluster '{cluster}' has no file for {year} (years: {years})",
        "vi": "cụm '{cluster}' không có tệp năm {year} (các năm: {years})",
    },
    "rotate.err.unusable": {
        "en": "cannot use {cluster} {year}: {where}: {reason}; run `thidua validate {path}`",
        "vi": "không dùng được {cluster} năm {year}: {where}: {reason}; chạy `thidua validate {path}`",
    },
    "rotate.err.source": {
        "en": "the source year {year} has errors: nothing proposed",
        "vi": "năm nguồn {year} có lỗi: không đề xuất gì",
    },
    "rotate.err.history": {
        "en": "the rotation from {year} relies on the year(s) above (who chaired, who was elected, the cooldown): nothing proposed",
        "vi": "việc luân phiên từ năm {year} dựa vào (các) năm nêu trên (ai làm Cụm trưởng, kết quả suy tôn, thời gian chờ): không đề xuất gì",
    },
    "rotate.err.would_not_validate": {
        "en": "{path} would not validate ({count} error(s) above): nothing written",
        "vi": "{path} sẽ không hợp lệ ({count} lỗi nêu trên): không ghi tệp",
    },
    "rotate.err.would_not_validate_dry": {
        "en": "{path} would not validate ({count} error(s) above): --write would refuse to write it",
        "vi": "{path} sẽ không hợp lệ ({count} lỗi nêu trên): --write sẽ không ghi tệp này",
    },
    "rotate.err.unclean": {
        "en": "{path} has validation errors: run `thidua validate {path}`",
        "vi": "{path} có lỗi dữ liệu: chạy `thidua validate {path}`",
    },
    "rotate.err.years_with_write": {
        "en": "--years cannot be combined with --write or --dry-run: one year file is written at a time",
        "vi": "không dùng --years cùng --write hoặc --dry-run: mỗi lần chỉ ghi một tệp năm",
    },
    "rotate.err.force_without_write": {
        "en": "--force only makes sense with --write",
        "vi": "--force chỉ dùng cùng --write",
    },
    "rotate.err.exists": {
        "en": "{path} already exists: nothing written (use --force to overwrite it)",
        "vi": "{path} đã tồn tại: không ghi (dùng --force để ghi đè)",
    },
    "rotate.err.no_members": {
        "en": "no member exists in {year}: no file written",
        "vi": "không thành viên nào tồn tại trong năm {year}: không ghi tệp",
    },
    "rotate.err.write_failed": {
        "en": "could not write {path}: {detail}",
        "vi": "không ghi được {path}: {detail}",
    },
    "rotate.err.year_range": {
        "en": "{year} is outside the years the format accepts (1945–2100)",
        "vi": "năm {year} nằm ngoài khoảng định dạng cho phép (1945–2100)",
    },
    "rotate.wrote": {"en": "wrote {path}", "vi": "đã ghi {path}"},
    "rotate.would_write": {
        "en": "dry run: {path} would be written (diff against {against}); nothing written",
        "vi": "chạy thử: sẽ ghi {path} (so với {against}); chưa ghi gì",
    },
    "rotate.would_refuse": {
        "en": "note: {path} exists; --write would need --force",
        "vi": "lưu ý: {path} đã tồn tại; --write cần thêm --force",
    },
    # ------------------------------------------------------------------ the written file
    "rotate.file.header": {
        "en": "{period}: made by `thidua rotate` from {source}; to fill: pledge, sources, and scores after the review.",
        "vi": "{period}: tạo bằng `thidua rotate` từ {source}; cần bổ sung: giao ước, nguồn, và điểm sau tổng kết.",
    },
    "rotate.file.leadership": {
        "en": "Leadership {period} ({policy}): {basis}",
        "vi": "Lãnh đạo Cụm {period} ({policy}): {basis}",
    },
    "rotate.file.no_leadership": {
        "en": "Leadership {period}: to fill ({policy}).",
        "vi": "Lãnh đạo Cụm {period}: cần bổ sung ({policy}).",
    },
    "rotate.file.members": {
        "en": "Members mapped to the units of 31/12/{year} by `thidua rotate`.",
        "vi": "Thành viên đã quy về các đơn vị tại 31/12/{year} bằng `thidua rotate`.",
    },
}
