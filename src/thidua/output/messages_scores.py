"""Messages of the scoring stages, criteria groups, computed indicators and bands (TD411–TD420)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "TD411": {
        "en": "{name}: the appraised score {appraised} of '{indicator}' differs from the self-score {self} without a reason",
        "vi": "{name}: điểm thẩm định {appraised} của '{indicator}' khác điểm tự chấm {self} mà không nêu lý do",
    },
    "TD411.hint": {
        "en": "add 'reason:' saying why the appraisal changed the score",
        "vi": "thêm 'reason:' ghi lý do thẩm định thay đổi điểm",
    },
    "TD412": {
        "en": "{name}: '{indicator}' has no appraised or final score",
        "vi": "{name}: '{indicator}' chưa có điểm thẩm định hoặc điểm cuối",
    },
    "TD412.hint": {
        "en": "a self-score alone is not ranked: add 'appraised:' or 'final:'",
        "vi": "điểm tự chấm chưa được xếp hạng: thêm 'appraised:' hoặc 'final:'",
    },
    "TD413": {
        "en": "the criteria's maxima add up to {sum}, more than the maximum {max} of the group '{group}'",
        "vi": "Tổng điểm tối đa của các tiêu chí ({sum}) vượt quá điểm tối đa của nhóm tiêu chí '{group}' ({max})",
    },
    "TD413.hint": {
        "en": "lower a criterion's maximum, or correct the group's",
        "vi": "giảm điểm tối đa của tiêu chí, hoặc sửa điểm tối đa của nhóm",
    },
    "TD414": {
        "en": "indicator '{indicator}' is in group '{group}', which 'groups:' does not declare",
        "vi": "chỉ tiêu '{indicator}' thuộc nhóm '{group}' không có trong 'groups:'",
    },
    "TD414.hint": {"en": "use one of: {groups}", "vi": "dùng một trong: {groups}"},
    "TD415": {"en": "{what} number '{value}' is used twice", "vi": "số thứ tự {what} '{value}' bị dùng hai lần"},
    "TD415.hint": {"en": "number each once (1, 1.1, 1.2 …; groups I, II …)", "vi": "mỗi số dùng một lần (1, 1.1, 1.2 …; nhóm I, II …)"},
    "TD416": {
        "en": "'{indicator}' is computed ({formula}) but lacks: {fields}",
        "vi": "'{indicator}' được tính theo công thức ({formula}) nhưng thiếu: {fields}",
    },
    "TD416.hint": {
        "en": "record the member's result; the points are computed from it",
        "vi": "ghi kết quả của thành viên; điểm được tính từ kết quả đó",
    },
    "TD417": {
        "en": "'{indicator}' is computed ({formula}): points are not given by hand",
        "vi": "'{indicator}' được tính theo công thức ({formula}): không nhập điểm bằng tay",
    },
    "TD417.hint": {
        "en": "write the result instead, e.g. {{actual: 7.2, target: 6.5}}, {{count: 3}} or {{passed: true}}",
        "vi": "ghi kết quả thay cho điểm, ví dụ {{actual: 7.2, target: 6.5}}, {{count: 3}} hoặc {{passed: true}}",
    },
    "TD418": {
        "en": "'{indicator}' is scored in points, but a result (actual, target, count, passed) is given",
        "vi": "'{indicator}' chấm bằng điểm nhưng lại ghi kết quả (actual, target, count, passed)",
    },
    "TD418.hint": {
        "en": "give self/appraised/final points, or add a 'formula:' to the indicator",
        "vi": "ghi điểm self/appraised/final, hoặc thêm 'formula:' cho chỉ tiêu",
    },
    "TD419": {
        "en": "the final score {final} of '{indicator}' departs from the appraised {appraised} without an explanation",
        "vi": "điểm cuối {final} của '{indicator}' khác điểm thẩm định {appraised} mà không có giải trình",
    },
    "TD419.hint": {
        "en": "record the member's explanation (giải trình) in 'explanation:'",
        "vi": "ghi nội dung giải trình vào 'explanation:'",
    },
    "TD420": {
        "en": "the award step '{award}' requires band '{band}', which the rules do not define",
        "vi": "bậc khen thưởng '{award}' đòi hỏi xếp loại '{band}' không có trong quy chế",
    },
    "TD420.hint": {"en": "use one of: {bands}", "vi": "dùng một trong: {bands}"},
    # ------------------------------------------------------------------ words shown by rank / awards
    "scores.stage.final": {"en": "final", "vi": "điểm cuối"},
    "scores.stage.appraised": {"en": "appraised", "vi": "thẩm định"},
    "scores.stage.self": {"en": "self-score", "vi": "tự chấm"},
    "scores.stage.computed": {"en": "computed", "vi": "tính theo công thức"},
    "scores.col.stage": {"en": "Stage", "vi": "Giai đoạn"},
    "scores.col.band": {"en": "Band", "vi": "Xếp loại"},
    "scores.marked_down": {
        "en": "Marked down on {indicator}: self-score {self} → appraised {appraised}; reason: {reason}",
        "vi": "Bị trừ điểm ở {indicator}: tự chấm {self} → thẩm định {appraised}; lý do: {reason}",
    },
    "scores.marked_up": {
        "en": "Raised on {indicator}: self-score {self} → appraised {appraised}; reason: {reason}",
        "vi": "Được nâng điểm ở {indicator}: tự chấm {self} → thẩm định {appraised}; lý do: {reason}",
    },
    "scores.band_missed": {
        "en": "  missed {band}: {why}",
        "vi": "  chưa đạt {band}: {why}",
    },
    "scores.band_missed_total": {
        "en": "total {total} outside {bounds}",
        "vi": "tổng điểm {total} ngoài khoảng {bounds}",
    },
    "scores.band_missed_floor": {
        "en": "{indicator} at {share} of its maximum, under the floor {floor}",
        "vi": "{indicator} đạt {share} điểm tối đa, dưới mức sàn {floor}",
    },
    "scores.final_after": {
        "en": "  final score {final} after the explanation: {explanation}",
        "vi": "  điểm cuối {final} sau giải trình: {explanation}",
    },
    "scores.groups": {"en": "Criteria groups: {items}", "vi": "Nhóm tiêu chí: {items}"},
    "scores.max": {"en": "max {max}", "vi": "tối đa {max}"},
    "scores.no_reason": {"en": "(none given)", "vi": "(không nêu)"},
    "scores.differences": {
        "en": "Self-scores changed by the appraisal ({count}):",
        "vi": "Điểm tự chấm được thẩm định thay đổi ({count}):",
    },
    "scores.difference": {
        "en": "{name}, {indicator}: self {self} → appraised {appraised}, final {final} ({change}); reason: {reason}",
        "vi": "{name}, {indicator}: tự chấm {self} → thẩm định {appraised}, điểm cuối {final} ({change}); lý do: {reason}",
    },
    "scores.no_differences": {
        "en": "No appraised score differs from its self-score.",
        "vi": "Không có điểm thẩm định nào khác điểm tự chấm.",
    },
    "scores.band": {"en": "Band (xếp loại): {band}", "vi": "Xếp loại: {band}"},
    "scores.band_none": {"en": "no band reached", "vi": "chưa đạt xếp loại nào"},
    "scores.computed.ratio": {
        "en": "{indicator}: {max} × {actual} / {target}{unit} = {points}{capped}",
        "vi": "{indicator}: {max} × {actual} / {target}{unit} = {points}{capped}",
    },
    "scores.computed.leader_below": {
        "en": "{indicator}: below or at target: ½ × {max} × {actual} / {target}{unit} = {points}",
        "vi": "{indicator}: dưới hoặc bằng chỉ tiêu: ½ × {max} × {actual} / {target}{unit} = {points}",
    },
    "scores.computed.leader_top": {
        "en": "{indicator}: the cluster's leader ({actual} against {target}{unit}) gets the maximum {points}",
        "vi": "{indicator}: dẫn đầu Cụm ({actual} so với chỉ tiêu {target}{unit}) được điểm tối đa {points}",
    },
    "scores.computed.leader_above": {
        "en": "{indicator}: above target: ½ × {max} + (excess {excess} ÷ the leader's {leader_excess}) × ½ × {max} = {points}",
        "vi": "{indicator}: vượt chỉ tiêu: ½ × {max} + (mức vượt {excess} ÷ mức vượt của đơn vị dẫn đầu {leader_excess}) × ½ × {max} = {points}",
    },
    "scores.computed.best": {
        "en": "{indicator}: {max} × {actual} / the best result {best}{unit} = {points}",
        "vi": "{indicator}: {max} × {actual} / kết quả cao nhất {best}{unit} = {points}",
    },
    "scores.computed.pass_fail": {
        "en": "{indicator}: {passed} → {points}",
        "vi": "{indicator}: {passed} → {points}",
    },
    "scores.computed.count": {
        "en": "{indicator}: {count} × {per} = {points}{capped}",
        "vi": "{indicator}: {count} × {per} = {points}{capped}",
    },
    "scores.computed.capped": {"en": " (capped)", "vi": " (tối đa)"},
    "scores.passed": {"en": "passed", "vi": "đạt"},
    "scores.failed": {"en": "not passed", "vi": "không đạt"},
    "awards.fail.band": {
        "en": "band {reached} does not reach {required}",
        "vi": "xếp loại {reached} chưa đạt {required}",
    },
}
