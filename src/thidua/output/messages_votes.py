"""Messages of rankings by vote or by the meeting's decision, vote thresholds and award kinds."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ bases
    "votes.basis.points": {"en": "points", "vi": "điểm"},
    "votes.basis.votes": {"en": "votes", "vi": "số phiếu"},
    "votes.basis.decided": {"en": "the meeting's decided order", "vi": "thứ tự hội nghị đã quyết định"},
    "votes.note.basis": {"en": "ranked by {basis}", "vi": "xếp hạng theo {basis}"},
    "votes.note.basis_mixed": {
        "en": "ranked by {basis}; {also} recorded too, for comparison only",
        "vi": "xếp hạng theo {basis}; có ghi cả {also}, chỉ để đối chiếu",
    },
    "votes.note.points_unchecked": {
        "en": "the ladder's conditions on points (minimum total, deductions, indicator minimums) are not checked: this year has no points",
        "vi": "không kiểm tra điều kiện về điểm của thang khen thưởng (tổng điểm tối thiểu, điểm trừ, điểm chỉ tiêu): năm này không có điểm",
    },
    "votes.not_placed": {"en": "outside the meeting's order", "vi": "ngoài thứ tự hội nghị công bố"},
    "votes.rank.not_placed": {
        "en": "the meeting's order stops at place {places}: {names} not placed",
        "vi": "thứ tự của hội nghị dừng ở vị trí {places}: {names} không được xếp thứ",
    },
    "votes.explain.neighbour": {"en": "next to {other}, placed {rank}", "vi": "liền kề {other}, xếp {rank}"},
    "votes.history.place": {"en": "{rank} of {members} (no points)", "vi": "thứ {rank}/{members} (không có điểm)"},
    # ------------------------------------------------------------------ thresholds
    "votes.base.members": {"en": "members", "vi": "thành viên"},
    "votes.base.voters": {"en": "voters", "vi": "người bỏ phiếu"},
    "votes.base.present": {"en": "present", "vi": "có mặt"},
    "votes.more_than": {"en": "more than", "vi": "trên"},
    "votes.at_least": {"en": "at least", "vi": "từ"},
    "votes.fail": {
        "en": "{votes}/{denominator} {base} ({share}), needs {comparison} {threshold} of the {base}",
        "vi": "{votes}/{denominator} {base} ({share}), cần {comparison} {threshold} số {base}",
    },
    # ------------------------------------------------------------------ award reasons
    "votes.reason.by_votes": {
        "en": "{ordinal} of {members} by votes, {votes} vote(s); {quota}",
        "vi": "xếp {ordinal}/{members} theo số phiếu, {votes} phiếu; {quota}",
    },
    "votes.reason.decided": {
        "en": "placed {ordinal} of {members} by the meeting; {quota}",
        "vi": "hội nghị xếp {ordinal}/{members}; {quota}",
    },
    "votes.reason.below_line_votes": {
        "en": "{ordinal}, {votes} vote(s): {gap} behind {last} ({last_votes}), the last given {award}; {quota}",
        "vi": "xếp {ordinal}, {votes} phiếu: kém {gap} phiếu so với {last} ({last_votes}), đơn vị cuối cùng được {award}; {quota}",
    },
    "votes.reason.below_line_decided": {
        "en": "placed {ordinal} by the meeting, after {last}, the last given {award}; {quota}",
        "vi": "hội nghị xếp {ordinal}, sau {last}, đơn vị cuối cùng được {award}; {quota}",
    },
    "votes.award.outside": {"en": "outside the ladder ({kind})", "vi": "ngoài thang khen thưởng ({kind})"},
    "votes.kind.thematic": {"en": "thematic", "vi": "chuyên đề"},
    "votes.kind.during_year": {"en": "during the year", "vi": "đột xuất trong năm"},
    "votes.kind.ladder": {"en": "ladder", "vi": "theo thang khen thưởng"},
    # ------------------------------------------------------------------ rules
    "TD430": {
        "en": "'{unit}' is placed twice in the meeting's order",
        "vi": "'{unit}' được xếp hai lần trong thứ tự của hội nghị",
    },
    "TD430.hint": {
        "en": "write each member once; members the meeting placed equal go in one list: [a, b]",
        "vi": "mỗi thành viên ghi một lần; các thành viên đồng hạng ghi chung một danh sách: [a, b]",
    },
    "TD431": {
        "en": "ranking.basis is '{basis}' but the file has no {missing}",
        "vi": "ranking.basis là '{basis}' nhưng tệp không có {missing}",
    },
    "TD431.hint": {
        "en": "add {missing}, or remove ranking.basis to rank by what the file records",
        "vi": "thêm {missing}, hoặc bỏ ranking.basis để xếp hạng theo dữ liệu tệp đang có",
    },
    "TD432": {
        "en": "{count} {what}, more than the {limit} {limit_what}",
        "vi": "{count} {what}, nhiều hơn {limit} {limit_what}",
    },
    "TD432.hint": {
        "en": "voters ≤ present ≤ members of the voting body; when the body is not the cluster's members (a council), write votes.members",
        "vi": "người bỏ phiếu ≤ có mặt ≤ thành viên của tập thể bỏ phiếu; nếu tập thể bỏ phiếu không phải các thành viên Cụm (một hội đồng), ghi votes.members",
    },
    "TD433": {
        "en": "votes are counted, but the method is acclamation",
        "vi": "có ghi số phiếu nhưng hình thức là suy tôn, không kiểm phiếu",
    },
    "TD433.hint": {
        "en": "write method: secret_ballot or show_of_hands, or remove the counts",
        "vi": "ghi method: secret_ballot (bỏ phiếu kín) hoặc show_of_hands (biểu quyết), hoặc bỏ số phiếu",
    },
    "TD434": {
        "en": "votes are counted for '{award}', which is not on this cluster's ladder",
        "vi": "có số phiếu cho '{award}' nhưng danh hiệu này không có trong thang khen thưởng của cụm",
    },
    "TD434.hint": {
        "en": "add it to rules.awards, or check the award id",
        "vi": "thêm vào rules.awards, hoặc kiểm tra mã danh hiệu",
    },
    "TD435": {
        "en": "the vote threshold counts those present, but votes.present is not recorded",
        "vi": "ngưỡng phiếu tính trên số có mặt nhưng không ghi votes.present",
    },
    "TD435.hint": {
        "en": "write votes.present (how many attended), or count the threshold of: voters or of: members",
        "vi": "ghi votes.present (số có mặt), hoặc tính ngưỡng theo of: voters hay of: members",
    },
    "TD436": {
        "en": "the meeting placed {name} {decided}, {other} place it {computed}; the ranking follows {winner}",
        "vi": "hội nghị xếp {name} thứ {decided}, theo {other} xếp thứ {computed}; bảng xếp hạng theo {winner}",
    },
    "TD436.hint": {
        "en": "write ranking.basis to say which one ranks the year (points, votes or decided)",
        "vi": "ghi ranking.basis để nói năm này xếp hạng theo gì (points, votes hoặc decided)",
    },
    "TD505.hint": {
        "en": "one ladder award per member; mark another body's rung independent: true, or an award outside the ranking kind: thematic or during_year",
        "vi": "mỗi thành viên một danh hiệu theo thang; rung của cơ quan khác ghi independent: true, danh hiệu ngoài xếp hạng ghi kind: thematic hoặc during_year",
    },
    "TD507": {
        "en": "'{award}' appears twice on the ladder from the same issuer '{issuer}'",
        "vi": "'{award}' có hai lần trong thang khen thưởng với cùng cơ quan tặng '{issuer}'",
    },
    "TD507.hint": {
        "en": "merge the two rungs, or name each rung's issuer (issuer: \"Bộ Công Thương\")",
        "vi": "gộp hai bậc, hoặc ghi cơ quan tặng của từng bậc (issuer: \"Bộ Công Thương\")",
    },
    "TD508": {
        "en": "'{award}' decided from '{issuer}', but the ladder gives it from: {issuers}",
        "vi": "'{award}' do '{issuer}' tặng, nhưng thang khen thưởng chỉ có: {issuers}",
    },
    "TD508.hint": {
        "en": "write the issuer as the ladder does, or add a rung for this issuer",
        "vi": "ghi cơ quan tặng như trong thang khen thưởng, hoặc thêm một bậc cho cơ quan này",
    },
}
