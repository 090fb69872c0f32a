"""Messages of ``thidua rank``: the ranking table, ``--explain`` and ``--stability``.

Written for the chair's staff and the members, not for programmers: whole sentences, the
cluster's own words (tổng điểm, điểm thưởng, điểm trừ, tiêu chí phụ), official names untouched.
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ words
    "rank.ordinal": {"en": "{n}th", "vi": "thứ {n}"},  # English ordinals are computed in code
    "rank.word.and": {"en": "{items} and {last}", "vi": "{items} và {last}"},
    "rank.word.then": {"en": ", then ", "vi": ", rồi đến "},
    "rank.key.group": {"en": "group {name} subtotal", "vi": "tổng điểm nhóm {name}"},
    "rank.key.indicator": {"en": "indicator {name} points", "vi": "điểm chỉ tiêu {name}"},
    "rank.key.votes": {"en": "votes", "vi": "số phiếu suy tôn"},
    "rank.key.bonus": {"en": "bonus points", "vi": "điểm thưởng"},
    "rank.key.deductions": {"en": "fewer deductions", "vi": "ít điểm trừ hơn"},
    "rank.new": {"en": "new", "vi": "mới"},
    # ------------------------------------------------------------------ the ranking table
    "rank.title": {"en": "{name} ({cluster}), {period}", "vi": "{name} ({cluster}), {period}"},
    "rank.col.rank": {"en": "Rank", "vi": "Hạng"},
    "rank.col.member": {"en": "Member", "vi": "Thành viên"},
    "rank.col.total": {"en": "Total", "vi": "Tổng điểm"},
    "rank.col.bonus": {"en": "Bonus", "vi": "Điểm thưởng"},
    "rank.col.deductions": {"en": "Deducted", "vi": "Điểm trừ"},
    "rank.col.votes": {"en": "Votes", "vi": "Phiếu"},
    "rank.col.change": {"en": "vs {year}", "vi": "So với {year}"},
    "rank.col.note": {"en": "Tie-break", "vi": "Phân định"},
    "rank.note.decided": {"en": "equal total, separated by {key}", "vi": "bằng điểm, phân định bằng {key}"},
    "rank.note.tied": {"en": "tie remains with {names}", "vi": "vẫn hoà với {names}"},
    "rank.illustrative": {
        "en": "The scores are illustrative (scores_illustrative: true), chosen to match the published outcome: they are not published figures.",
        "vi": "Điểm là điểm minh hoạ (scores_illustrative: true), chọn cho khớp kết quả đã công bố: không phải số liệu được công bố.",
    },
    "rank.chain": {
        "en": "Equal totals are separated by: {keys}.",
        "vi": "Bằng tổng điểm thì xét lần lượt: {keys}.",
    },
    "rank.no_chain": {
        "en": "The rules set no tie-break: equal totals share a rank.",
        "vi": "Quy chế không có tiêu chí phụ: bằng tổng điểm thì đồng hạng.",
    },
    "rank.tie_remains": {
        "en": "Tie not broken: {names} share the {rank} place; the rules' tie-breaks cannot separate them, so the cluster must decide (e.g. by vote).",
        "vi": "Chưa phân định được: {names} cùng xếp {rank}; các tiêu chí phụ trong quy chế không tách được, Cụm phải quyết định (ví dụ bỏ phiếu).",
    },
    "rank.followed": {
        "en": "{name}: compared with the {year} rank of {old} ({old_id}), which merged into it.",
        "vi": "{name}: so với hạng năm {year} của {old} ({old_id}), đơn vị đã hợp nhất vào.",
    },
    "rank.no_scores": {
        "en": "{title}: no scores yet, not ranked (add `scores:` after the year-end review).",
        "vi": "{title}: chưa có điểm, chưa xếp hạng (thêm `scores:` sau hội nghị tổng kết).",
    },
    "rank.unusable": {
        "en": "{title}: not ranked: {where}: {reason}; run `thidua validate {path}`",
        "vi": "{title}: không xếp hạng: {where}: {reason}; chạy `thidua validate {path}`",
    },
    "rank.invalid": {
        "en": "{title}: not ranked, the data has errors in {files}; run `{command}`",
        "vi": "{title}: không xếp hạng, dữ liệu có lỗi trong {files}; chạy `{command}`",
    },
    # ------------------------------------------------------------------ command messages
    "rank.no_year": {
        "en": "no cluster has a file for {year} in {root}",
        "vi": "không có cụm nào có tệp năm {year} trong {root}",
    },
    "rank.no_year_for": {
        "en": "{clusters}: no file for {year}",
        "vi": "{clusters}: không có tệp năm {year}",
    },
    "rank.unknown_member": {
        "en": "'{member}' is not a member of any cluster in {year}",
        "vi": "'{member}' không là thành viên cụm nào năm {year}",
    },
    "rank.ambiguous_member": {
        "en": "'{member}' could be {options}: write the id, or narrow with --cluster",
        "vi": "'{member}' có thể là {options}: hãy ghi mã, hoặc chọn cụm bằng --cluster",
    },
    "rank.member_not_ranked": {
        "en": "cannot explain {name}: {reason}",
        "vi": "không giải thích được {name}: {reason}",
    },
    "rank.csv_both": {
        "en": "--format csv holds one table: use --explain or --stability, not both (or --format json)",
        "vi": "--format csv chỉ chứa một bảng: dùng --explain hoặc --stability, không dùng cả hai (hoặc --format json)",
    },
    # ------------------------------------------------------------------ --explain
    "explain.title": {
        "en": "Why {name} is {rank} of {count} members in {cluster}, {period}",
        "vi": "Vì sao {name} xếp {rank} trên {count} thành viên, {cluster}, {period}",
    },
    "explain.total": {
        "en": "Total {total} points = {scored} from the indicators (out of {possible} possible) + {bonus} bonus − {deductions} deducted.",
        "vi": "Tổng điểm {total} = {scored} điểm chỉ tiêu (tối đa {possible}) + {bonus} điểm thưởng − {deductions} điểm trừ.",
    },
    "explain.votes": {"en": "Votes: {votes} of {voters}.", "vi": "Phiếu suy tôn: {votes}/{voters}."},
    "explain.col.indicator": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "explain.col.group": {"en": "Group", "vi": "Nhóm"},
    "explain.col.score": {"en": "Score", "vi": "Điểm"},
    "explain.col.max": {"en": "Max", "vi": "Tối đa"},
    "explain.col.share": {"en": "Reached", "vi": "Đạt"},
    "explain.col.weight": {"en": "Weight", "vi": "Trọng số"},
    "explain.col.points": {"en": "Points", "vi": "Điểm tính"},
    "explain.kind.bonus": {"en": "(bonus)", "vi": "(điểm thưởng)"},
    "explain.kind.deduction": {"en": "(deduction)", "vi": "(điểm trừ)"},
    "explain.strongest": {
        "en": "Strongest (share of the maximum reached): {items}.",
        "vi": "Mạnh nhất (tỷ lệ đạt so với điểm tối đa): {items}.",
    },
    "explain.weakest": {"en": "Weakest: {items}.", "vi": "Yếu nhất: {items}."},
    "explain.shares": {
        "en": "It shares the {rank} place with {names}: the rules' tie-breaks cannot separate them.",
        "vi": "Cùng xếp {rank} với {names}: các tiêu chí phụ trong quy chế không phân định được.",
    },
    "explain.first": {"en": "It is in first place.", "vi": "Đơn vị đứng đầu Cụm."},
    "explain.lead": {
        "en": "Its lead over the next place, {other} ({rank}): {gap} points.",
        "vi": "Hơn đơn vị liền sau, {other} ({rank}): {gap} điểm.",
    },
    "explain.lead_tie": {
        "en": "{other} ({rank}) has the same total; the tie-break put it below: {key} ({mine} against {theirs}).",
        "vi": "{other} ({rank}) bằng tổng điểm; tiêu chí phụ xếp đơn vị đó xuống dưới: {key} ({mine} so với {theirs}).",
    },
    "explain.gained": {
        "en": "Where it earned most over them: {items}.",
        "vi": "Hơn nhiều nhất ở: {items}.",
    },
    "explain.up": {
        "en": "Next place up: {other} ({rank}), {gap} points ahead.",
        "vi": "Liền trên: {other} ({rank}), hơn {gap} điểm.",
    },
    "explain.up_tie": {
        "en": "Next place up: {other} ({rank}) has the same total and is placed higher by the tie-break: {key} ({theirs} against {mine}).",
        "vi": "Liền trên: {other} ({rank}) bằng tổng điểm, được xếp trên nhờ tiêu chí phụ: {key} ({theirs} so với {mine}).",
    },
    "explain.lost": {
        "en": "Where they earned more points: {items}.",
        "vi": "Đơn vị đó hơn điểm ở: {items}.",
    },
    "explain.no_awards": {
        "en": "The cluster's rules name no awards, so there is no award line.",
        "vi": "Quy chế của Cụm không nêu danh hiệu khen thưởng nên không có ngưỡng khen thưởng.",
    },
    "explain.line": {
        "en": "Award line: the rules reward the first {count} places ({ladder}).",
        "vi": "Ngưỡng khen thưởng: quy chế khen {count} vị trí đầu ({ladder}).",
    },
    "explain.inside": {
        "en": "{name} is above the line: its place goes with {award}.",
        "vi": "{name} nằm trong ngưỡng: vị trí này tương ứng với {award}.",
    },
    "explain.inside_gap": {
        "en": "It is {gap} points ahead of the first place without an award ({other}, {rank}).",
        "vi": "Hơn vị trí đầu tiên không được khen ({other}, {rank}) {gap} điểm.",
    },
    "explain.inside_tie": {
        "en": "It has the same total as the first place without an award ({other}, {rank}): only the tie-break keeps it above the line.",
        "vi": "Bằng tổng điểm với vị trí đầu tiên không được khen ({other}, {rank}): chỉ nhờ tiêu chí phụ mà nằm trong ngưỡng.",
    },
    "explain.outside": {
        "en": "{name} is below the line: it needs {gap} more points to draw level with {other}, on the last rewarded place ({rank}).",
        "vi": "{name} nằm ngoài ngưỡng: cần thêm {gap} điểm để bằng {other}, ở vị trí cuối cùng được khen ({rank}).",
    },
    "explain.outside_tie": {
        "en": "{name} has the same total as {other}, on the last rewarded place ({rank}); the tie-break put it below the line.",
        "vi": "{name} bằng tổng điểm với {other}, ở vị trí cuối cùng được khen ({rank}); tiêu chí phụ xếp đơn vị xuống dưới ngưỡng.",
    },
    "explain.crowded": {
        "en": "More members share the rewarded ranks than there are awards: the cluster must settle the tie at the line.",
        "vi": "Số thành viên đồng hạng trong ngưỡng nhiều hơn số danh hiệu: Cụm phải phân định tại ngưỡng.",
    },
    "explain.assumption": {
        "en": "This assumes every member meets the conditions of each award; the ranking alone does not check them.",
        "vi": "Giả định mọi thành viên đủ điều kiện của từng danh hiệu; riêng bảng xếp hạng không kiểm tra điều kiện.",
    },
    "explain.conditions": {
        "en": "This cluster's rules do set conditions (minimum total, deductions, scores or votes): check them before proposing.",
        "vi": "Quy chế của Cụm có đặt điều kiện (tổng điểm, điểm trừ, điểm chỉ tiêu hoặc phiếu tối thiểu): cần kiểm tra trước khi đề nghị.",
    },
    # ------------------------------------------------------------------ --stability
    "stability.title": {
        "en": "How stable is this ranking? {title}",
        "vi": "Thứ hạng có vững không? {title}",
    },
    "stability.method": {
        "en": "The ranking was computed again {samples} times, each time changing every indicator's weight at random by up to ±{spread}% and every score by up to ±{tolerance} points (bonus and deductions as entered); then once without each indicator in turn. Random seed {seed}: the same seed gives the same result.",
        "vi": "Bảng xếp hạng được tính lại {samples} lần, mỗi lần thay đổi ngẫu nhiên trọng số của mỗi chỉ tiêu tối đa ±{spread}% và mỗi điểm chấm tối đa ±{tolerance} điểm (giữ nguyên điểm thưởng, điểm trừ); sau đó tính lại mỗi lần bỏ đi một chỉ tiêu. Hạt giống ngẫu nhiên {seed}: cùng hạt giống cho cùng kết quả.",
    },
    "stability.col.member": {"en": "Member", "vi": "Thành viên"},
    "stability.col.median": {"en": "Usual rank", "vi": "Hạng thường gặp"},
    "stability.col.band": {"en": "90% of trials", "vi": "90% số lần"},
    "stability.col.same_rank": {"en": "Same rank", "vi": "Giữ hạng"},
    "stability.col.award": {"en": "Award of its place", "vi": "Danh hiệu theo hạng"},
    "stability.col.same_award": {"en": "Keeps it", "vi": "Giữ danh hiệu"},
    "stability.col.any_award": {"en": "Any award", "vi": "Được khen"},
    "stability.col.leave_out": {"en": "Without 1 indicator", "vi": "Bỏ 1 chỉ tiêu"},
    "stability.leader": {
        "en": "{name} stays {rank} in {share} of the trials (usual range {band}).",
        "vi": "{name} giữ vị trí {rank} trong {share} số lần thử (thường trong khoảng hạng {band}).",
    },
    "stability.no_awards": {
        "en": "The cluster's rules name no awards: the table shows how far each place can move.",
        "vi": "Quy chế của Cụm không nêu danh hiệu: bảng cho thấy mỗi vị trí có thể dịch chuyển bao xa.",
    },
    "stability.keeps": {
        "en": "{name} keeps {award} in {share} of the trials (some award in {any}).",
        "vi": "{name} giữ {award} trong {share} số lần thử (được khen nói chung: {any}).",
    },
    "stability.close": {
        "en": "Closest to an award among the others: {items}.",
        "vi": "Gần được khen nhất trong số còn lại: {items}.",
    },
    "stability.close_item": {
        "en": "{name} (an award in {share} of the trials)",
        "vi": "{name} (được khen trong {share} số lần thử)",
    },
    "stability.outcome_fixed": {
        "en": "No trial changes who receives which award.",
        "vi": "Không lần thử nào làm thay đổi đơn vị nhận danh hiệu.",
    },
    "stability.outcome_moves": {
        "en": "In {share} of the trials at least one award goes to a different member.",
        "vi": "Trong {share} số lần thử, ít nhất một danh hiệu chuyển sang đơn vị khác.",
    },
    "stability.leave_out_changes": {
        "en": "Without “{indicator}”, the awards change: {moves}.",
        "vi": "Nếu bỏ “{indicator}”, kết quả khen thưởng thay đổi: {moves}.",
    },
    "stability.leave_out_fixed": {
        "en": "Leaving out any one indicator does not change who receives an award.",
        "vi": "Bỏ bất kỳ một chỉ tiêu nào cũng không làm thay đổi đơn vị được khen.",
    },
    "stability.verdict_can": {
        "en": "Conclusion: the award outcome could change with small differences in weights or scores; check the close places carefully.",
        "vi": "Kết luận: kết quả khen thưởng có thể thay đổi khi trọng số hoặc điểm chênh lệch nhỏ; cần rà soát kỹ các vị trí sát nhau.",
    },
    "stability.verdict_cannot": {
        "en": "Conclusion: the award outcome holds under all these changes.",
        "vi": "Kết luận: kết quả khen thưởng giữ nguyên trong mọi thay đổi trên.",
    },
    "stability.caveat": {
        "en": "These are what-if tests on the cluster's own data, not a forecast: a wide range means the place rests on small differences.",
        "vi": "Đây là phép thử “nếu… thì” trên chính dữ liệu của Cụm, không phải dự báo: khoảng hạng rộng nghĩa là vị trí phụ thuộc vào chênh lệch nhỏ.",
    },
}
