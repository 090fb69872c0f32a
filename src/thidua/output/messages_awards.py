"""Messages of `thidua awards`, in English and Vietnamese (same placeholders in both).

Award titles and unit names arrive as parameters: they are official Vietnamese names, never
translated. The dossier (Tờ trình, Biên bản, Báo cáo thành tích) is Vietnamese whatever the
language: its text is in the Word templates and ``thidua.output.dossier.context``.
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ quotas
    "awards.quota.count": {"en": "quota {quota}", "vi": "chỉ tiêu {quota}"},
    "awards.quota.share": {
        "en": "quota {share} of {members} = {exact}, {rounding}: {quota}",
        "vi": "chỉ tiêu {share} của {members} = {exact}, {rounding}: {quota}",
    },
    "awards.rounding.floor": {"en": "rounded down", "vi": "làm tròn xuống"},
    "awards.rounding.ceil": {"en": "rounded up", "vi": "làm tròn lên"},
    "awards.rounding.nearest": {"en": "rounded to the nearest", "vi": "làm tròn đến số gần nhất"},
    # ------------------------------------------------------------------ reasons
    "awards.reason.recommended": {
        "en": "{ordinal} of {members}, {total} points; {quota}",
        "vi": "xếp {ordinal}/{members}, {total} điểm; {quota}",
    },
    "awards.reason.flag_proposal": {
        "en": "{reason}; a proposal: the organiser picks among the leaders of its clusters (cap {cap})",
        "vi": "{reason}; là đề nghị: cơ quan tổ chức chọn trong các đơn vị dẫn đầu cụm, khối (tối đa {cap})",
    },
    "awards.reason.ineligible": {
        "en": "passed over for {award}: {failures}",
        "vi": "không đủ điều kiện {award}: {failures}",
    },
    "awards.reason.below_line": {
        "en": "{ordinal}, {total} points: {gap} points behind {last} ({last_total}), the last given {award}; {quota}",
        "vi": "xếp {ordinal}, {total} điểm: kém {gap} điểm so với {last} ({last_total}), đơn vị cuối cùng được {award}; {quota}",
    },
    "awards.reason.tie": {
        "en": "tie at the line: {count} members share this rank for {slots} place(s) of {award}; the meeting decides",
        "vi": "bằng điểm tại ranh giới: {count} đơn vị cùng hạng cho {slots} suất {award}; Hội nghị quyết định",
    },
    "awards.reason.tie_carried": {
        "en": "tie at the line above: {slots} place(s) of {award} held for whoever is not chosen there",
        "vi": "bằng điểm ở ranh giới trên: {slots} suất {award} dành cho đơn vị không được chọn ở đó",
    },
    "awards.fail.min_total": {
        "en": "total {total} below the minimum {min}",
        "vi": "tổng điểm {total} thấp hơn mức tối thiểu {min}",
    },
    "awards.fail.deductions": {
        "en": "{deductions} points deducted, over the maximum {max}",
        "vi": "bị trừ {deductions} điểm, vượt mức tối đa {max}",
    },
    "awards.fail.indicator": {
        "en": "{indicator}: {score}, below the minimum {min}",
        "vi": "{indicator}: {score}, thấp hơn mức tối thiểu {min}",
    },
    "awards.fail.no_indicator": {
        "en": "a minimum is set for indicator '{indicator}', which this year does not have",
        "vi": "có mức tối thiểu cho chỉ tiêu '{indicator}' nhưng năm này không có chỉ tiêu đó",
    },
    "awards.fail.votes": {
        "en": "{votes}/{voters} votes ({share}), under the threshold {threshold}",
        "vi": "{votes}/{voters} phiếu ({share}), dưới ngưỡng {threshold}",
    },
    # ------------------------------------------------------------------ notes
    "awards.note.illustrative": {
        "en": "scores are illustrative, not published figures: the recommendations show the ladder at work",
        "vi": "điểm là minh hoạ, không phải số liệu công bố: đề xuất chỉ minh hoạ cách áp dụng thang khen thưởng",
    },
    "awards.note.no_scores": {
        "en": "no scores entered for {year}: no recommendations",
        "vi": "chưa nhập điểm năm {year}: chưa có đề xuất khen thưởng",
    },
    "awards.note.no_ladder": {
        "en": "the rules set no award ladder (rules.awards): no recommendations",
        "vi": "quy chế chưa có thang khen thưởng (rules.awards): chưa có đề xuất",
    },
    "awards.note.votes_unchecked": {
        "en": "a vote threshold is set but no votes are recorded: not checked",
        "vi": "có ngưỡng phiếu suy tôn nhưng chưa ghi số phiếu: chưa kiểm tra",
    },
    "awards.note.unfilled": {
        "en": "{slots} of {quota} place(s) of {award} left unfilled: no other eligible member",
        "vi": "còn {slots}/{quota} suất {award} chưa có đơn vị: không còn đơn vị đủ điều kiện",
    },
    "awards.note.tie_unresolved": {
        "en": "{members} tie above {award} and not all of them qualify for it: the meeting decides both",
        "vi": "{members} bằng điểm ở ranh giới trên {award} và không cùng đủ điều kiện: Hội nghị quyết định cả hai",
    },
    # ------------------------------------------------------------------ comparison
    "awards.diff.missing": {
        "en": "{name}: decided {decided}, not recommended",
        "vi": "{name}: đã quyết định {decided}, không có trong đề xuất",
    },
    "awards.diff.extra": {
        "en": "{name}: recommended {recommended}, not among the decided awards",
        "vi": "{name}: đề xuất {recommended}, không có trong kết quả đã quyết định",
    },
    "awards.diff.different": {
        "en": "{name}: decided {decided}, recommended {recommended}",
        "vi": "{name}: đã quyết định {decided}, đề xuất {recommended}",
    },
    "awards.diff.tie": {
        "en": "{name}: decided {decided}; the recommendation leaves it to the meeting (tie)",
        "vi": "{name}: đã quyết định {decided}; đề xuất để Hội nghị quyết định (bằng điểm)",
    },
    "awards.compare.agrees": {
        "en": "Decided awards recorded: the recommendations agree ({count})",
        "vi": "Kết quả đã quyết định: khớp với đề xuất ({count})",
    },
    "awards.compare.differs": {
        "en": "Decided awards recorded: {count} difference(s)",
        "vi": "Kết quả đã quyết định: {count} điểm khác",
    },
    "awards.compare.none": {
        "en": "No decided awards recorded.",
        "vi": "Chưa ghi kết quả khen thưởng đã quyết định.",
    },
    "awards.decided.heading": {"en": "Decided awards (as recorded):", "vi": "Khen thưởng đã quyết định (theo dữ liệu):"},
    # ------------------------------------------------------------------ the organiser's cap
    "awards.cap.within": {
        "en": "{organiser}: {proposals} proposal(s) for {award} from the {clusters} cluster(s) it runs in the data; cap {share} of {clusters} leading unit(s) = {cap} ({source}; unconfirmed under the 2022 law): within the cap",
        "vi": "{organiser}: {proposals} đề nghị {award} từ {clusters} cụm, khối trong dữ liệu; tối đa {share} của {clusters} đơn vị dẫn đầu = {cap} ({source}; chưa rõ còn áp dụng theo Luật 2022): trong giới hạn",
    },
    "awards.cap.over": {
        "en": "{organiser}: {proposals} proposal(s) for {award} from the {clusters} cluster(s) it runs in the data; cap {share} of {clusters} leading unit(s) = {cap} ({source}; unconfirmed under the 2022 law): over the cap",
        "vi": "{organiser}: {proposals} đề nghị {award} từ {clusters} cụm, khối trong dữ liệu; tối đa {share} của {clusters} đơn vị dẫn đầu = {cap} ({source}; chưa rõ còn áp dụng theo Luật 2022): vượt giới hạn",
    },
    # ------------------------------------------------------------------ output
    "awards.title": {"en": "{cluster} · {name} · {period}", "vi": "{cluster} · {name} · {period}"},
    "awards.col.rank": {"en": "Rank", "vi": "Hạng"},
    "awards.col.member": {"en": "Member", "vi": "Đơn vị"},
    "awards.col.total": {"en": "Total", "vi": "Tổng điểm"},
    "awards.col.award": {"en": "Award", "vi": "Khen thưởng"},
    "awards.col.reason": {"en": "Reason", "vi": "Lý do"},
    "awards.cell.tie": {"en": "tie: {award}?", "vi": "bằng điểm: {award}?"},
    # ------------------------------------------------------------------ command messages
    "awards.unusable": {
        "en": "skipped {cluster} {year}: {where}: {reason}; run `thidua validate {path}`",
        "vi": "bỏ qua {cluster} {year}: {where}: {reason}; chạy `thidua validate {path}`",
    },
    "awards.missing_scores": {
        "en": "skipped {cluster} {year}: scores missing ({missing}); run `thidua validate`",
        "vi": "bỏ qua {cluster} {year}: thiếu điểm ({missing}); chạy `thidua validate`",
    },
    "awards.no_year": {
        "en": "no cluster has a file for {year}",
        "vi": "không cụm nào có tệp năm {year}",
    },
    "awards.docx.wrote": {"en": "wrote {path}", "vi": "đã ghi {path}"},
    "awards.docx.exists": {
        "en": "{path} exists: not overwritten (use --force)",
        "vi": "{path} đã có: không ghi đè (dùng --force)",
    },
    "awards.docx.nothing": {
        "en": "no documents for {cluster} {year}: neither scores nor decided awards",
        "vi": "không lập văn bản cho {cluster} {year}: chưa có điểm và kết quả khen thưởng",
    },
    "awards.pdf.needs_docx": {
        "en": "--pdf needs --docx DIR (the PDFs are written beside the .docx files)",
        "vi": "--pdf cần --docx THƯ_MỤC (tệp PDF được ghi cạnh tệp .docx)",
    },
    "awards.pdf.no_soffice": {
        "en": "--pdf: LibreOffice (soffice) is not installed; install it (e.g. apt install libreoffice-writer) or drop --pdf",
        "vi": "--pdf: chưa cài LibreOffice (soffice); hãy cài (ví dụ apt install libreoffice-writer) hoặc bỏ --pdf",
    },
    "awards.pdf.failed": {
        "en": "--pdf: LibreOffice could not convert: {detail}",
        "vi": "--pdf: LibreOffice không chuyển được: {detail}",
    },
    "awards.docx.not_dir": {
        "en": "--docx: {path} is not a directory",
        "vi": "--docx: {path} không phải thư mục",
    },
}
