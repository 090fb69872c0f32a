"""Messages of ``thidua sheet``: the TD7xx rules (scoring workbooks) and the command's own lines."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "TD701": {"en": "cannot read the workbook ({detail})", "vi": "không đọc được bảng tính ({detail})"},
    "TD701.hint": {
        "en": "save it as .xlsx, .xls or .ods and close it in Excel first",
        "vi": "lưu dạng .xlsx, .xls hoặc .ods và đóng tệp trong Excel trước",
    },
    "TD702": {
        "en": "text typed in the legacy {encoding} encoding: '{text}'",
        "vi": "văn bản gõ bằng bảng mã cũ {encoding}: '{text}'",
    },
    "TD702.hint": {
        "en": "convert the workbook to Unicode (UniKey: Công cụ chuyển mã, {encoding} → Unicode), then import again",
        "vi": "chuyển bảng tính sang Unicode (UniKey: Công cụ chuyển mã, {encoding} → Unicode) rồi nhập lại",
    },
    "TD703": {"en": "no header row found (TT, Tên tiêu chí, Điểm…)", "vi": "không tìm thấy dòng tiêu đề (TT, Tên tiêu chí, Điểm…)"},
    "TD703.hint": {
        "en": "add a row with the headings TT, Tên tiêu chí and Điểm tối đa, or name the columns with --columns",
        "vi": "thêm dòng tiêu đề TT, Tên tiêu chí, Điểm tối đa, hoặc chỉ rõ các cột bằng --columns",
    },
    "TD704": {"en": "sheet skipped: no header row", "vi": "bỏ qua trang: không có dòng tiêu đề"},
    "TD705": {
        "en": "the workbook was not exported by thidua: its cluster and year are unknown",
        "vi": "bảng tính không do thidua xuất ra: không biết Cụm và năm",
    },
    "TD705.hint": {"en": "give --cluster ID --year YEAR", "vi": "dùng --cluster MÃ --year NĂM"},
    "TD706": {"en": "no data for cluster '{cluster}' year {year}", "vi": "không có dữ liệu Cụm '{cluster}' năm {year}"},
    "TD706.hint": {
        "en": "check --data, --cluster and --year; `thidua init` creates a year file",
        "vi": "kiểm tra --data, --cluster và --year; `thidua init` tạo tệp năm",
    },
    "TD707": {"en": "unknown member '{text}'", "vi": "không có thành viên '{text}'"},
    "TD707.hint": {"en": "write the member's id or name as the year file lists it; close: {suggestion}", "vi": "ghi mã hoặc tên thành viên như trong tệp năm; gần giống: {suggestion}"},
    "TD708": {"en": "unknown criterion '{text}'", "vi": "không có tiêu chí '{text}'"},
    "TD708.hint": {"en": "use a criterion of the year file; close: {suggestion}", "vi": "dùng tiêu chí có trong tệp năm; gần giống: {suggestion}"},
    "TD709": {
        "en": "criterion '{text}' matched by its number {number} to '{name}'",
        "vi": "tiêu chí '{text}' được khớp theo số thứ tự {number} với '{name}'",
    },
    "TD709.hint": {"en": "check that it is the same criterion", "vi": "kiểm tra đúng là cùng một tiêu chí"},
    "TD710": {"en": "'{text}' is not a number", "vi": "'{text}' không phải là số"},
    "TD710.hint": {"en": "write a number such as 9,5 or 9.5, or leave the cell empty", "vi": "ghi số như 9,5 hoặc 9.5, hoặc để trống"},
    "TD711": {"en": "{value} is over the maximum {max} of '{name}'", "vi": "{value} vượt điểm tối đa {max} của '{name}'"},
    "TD711.hint": {"en": "a score lies between 0 and the maximum", "vi": "điểm nằm trong khoảng từ 0 đến điểm tối đa"},
    "TD712": {"en": "negative score {value}", "vi": "điểm âm {value}"},
    "TD712.hint": {
        "en": "write deductions as positive points in their own criterion",
        "vi": "ghi điểm trừ là số dương ở tiêu chí điểm trừ",
    },
    "TD713": {"en": "pass mark '{text}' for '{name}', which is scored in points", "vi": "dấu đạt '{text}' cho '{name}', tiêu chí chấm bằng điểm"},
    "TD713.hint": {"en": "write the points", "vi": "ghi số điểm"},
    "TD714": {
        "en": "the sheet's total {stated} for {name} is not the total of its scores, {computed}",
        "vi": "tổng {stated} của {name} trên bảng tính khác tổng các điểm, {computed}",
    },
    "TD714.hint": {
        "en": "thidua imports the scores and recomputes the total; check the sheet's formula or a mistyped score",
        "vi": "thidua nhập các điểm và tự tính tổng; kiểm tra công thức hoặc điểm gõ sai",
    },
    "TD715": {"en": "score {value} given again (was {other} at {at})", "vi": "điểm {value} được ghi lần nữa (trước là {other} ở {at})"},
    "TD715.hint": {"en": "keep one score per member and criterion", "vi": "mỗi thành viên, mỗi tiêu chí chỉ một điểm"},
    "TD717": {"en": "no scores for {name} ({member}) in the workbook", "vi": "bảng tính không có điểm của {name} ({member})"},
    "TD717.hint": {"en": "their scores in the year file are left as they are", "vi": "điểm của thành viên này trong tệp năm được giữ nguyên"},
    "TD719": {"en": "'{text}' matches several: {options}", "vi": "'{text}' khớp nhiều mục: {options}"},
    "TD719.hint": {"en": "write the id instead", "vi": "ghi mã thay cho tên"},
    "TD720": {
        "en": "the workbook is for {cluster} {year}, not {given_cluster} {given_year}",
        "vi": "bảng tính của {cluster} năm {year}, không phải {given_cluster} năm {given_year}",
    },
    "TD720.hint": {"en": "leave out --cluster and --year for an exported workbook", "vi": "bỏ --cluster và --year với bảng tính do thidua xuất"},
    "TD721": {
        "en": "the year file would not validate after the import ({code} in {file})",
        "vi": "tệp năm sẽ không hợp lệ sau khi nhập ({code} trong {file})",
    },
    "TD721.hint": {"en": "nothing was written; fix the finding above", "vi": "chưa ghi gì; sửa lỗi nêu ở trên"},
    # ------------------------------------------------------------------ the command
    "sheet.no_year": {"en": "no year file for {cluster} {year} ({path})", "vi": "không có tệp năm của {cluster} năm {year} ({path})"},
    "sheet.imported": {
        "en": "{path}: {scores} scores of {members} members imported",
        "vi": "{path}: đã nhập {scores} điểm của {members} thành viên",
    },
    "sheet.unchanged": {"en": "{path}: already holds these scores", "vi": "{path}: đã có đúng các điểm này"},
    "sheet.bad_columns": {
        "en": "--columns takes role=Heading pairs separated by ';' (roles: {roles})",
        "vi": "--columns nhận các cặp vai trò=Tiêu đề cách nhau bởi ';' (vai trò: {roles})",
    },
    "xlsx.needs_output": {
        "en": "--format xlsx and --output FILE.xlsx go together",
        "vi": "--format xlsx phải đi cùng --output TỆP.xlsx",
    },
    "sheet.no_file": {"en": "no such workbook: {path}", "vi": "không có bảng tính: {path}"},
}
