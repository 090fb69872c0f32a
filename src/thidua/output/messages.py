"""Every user-facing message, in English and Vietnamese.

Keys are rule codes (``TD101``; ``TD101.hint`` for how to fix it) or dotted UI keys. A test checks
that every key has both languages and the same ``{placeholders}`` in each.
"""

from __future__ import annotations

from thidua.domain.rules import SEVERITY  # noqa: F401  (rule metadata lives in the domain)

CATALOGUE: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ file and YAML
    "TD001": {
        "en": "file is {size} MiB, over the limit of {limit} MiB",
        "vi": "tệp có {size} MiB, vượt giới hạn {limit} MiB",
    },
    "TD001.hint": {
        "en": "a cluster-year file is a few kilobytes; split it or remove what is not data",
        "vi": "một tệp cụm-năm chỉ vài kilobyte; tách tệp hoặc bỏ phần không phải dữ liệu",
    },
    "TD002": {
        "en": "not UTF-8 text ({detail})",
        "vi": "không phải văn bản UTF-8 ({detail})",
    },
    "TD002.hint": {
        "en": "save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
        "vi": "lưu tệp dạng UTF-8 (Notepad: Lưu thành, Mã hóa: UTF-8)",
    },
    "TD003": {"en": "file starts with a byte-order mark (BOM)", "vi": "tệp bắt đầu bằng dấu BOM"},
    "TD003.hint": {
        "en": "save as UTF-8 without BOM, or run `thidua fmt`",
        "vi": "lưu dạng UTF-8 không BOM, hoặc chạy `thidua fmt`",
    },
    "TD004": {"en": "Windows line endings (CRLF)", "vi": "xuống dòng kiểu Windows (CRLF)"},
    "TD004.hint": {
        "en": "use LF line endings, or run `thidua fmt`",
        "vi": "dùng xuống dòng LF, hoặc chạy `thidua fmt`",
    },
    "TD005": {"en": "tab character", "vi": "có ký tự tab"},
    "TD005.hint": {
        "en": "YAML indents with spaces: replace tabs with spaces, or run `thidua fmt`",
        "vi": "YAML thụt lề bằng dấu cách: thay tab bằng dấu cách, hoặc chạy `thidua fmt`",
    },
    "TD006": {"en": "YAML syntax error: {detail}", "vi": "lỗi cú pháp YAML: {detail}"},
    "TD006.hint": {
        "en": "check indentation and colons on this line and the one before",
        "vi": "kiểm tra thụt lề và dấu hai chấm ở dòng này và dòng trước",
    },
    "TD007": {
        "en": "more than {limit} YAML document in one file",
        "vi": "nhiều hơn {limit} tài liệu YAML trong một tệp",
    },
    "TD007.hint": {
        "en": "one file holds one cluster-year: remove the extra `---`",
        "vi": "mỗi tệp là một cụm-năm: bỏ dấu `---` thừa",
    },
    "TD008": {"en": "nesting deeper than {limit} levels", "vi": "lồng sâu quá {limit} cấp"},
    "TD008.hint": {
        "en": "the format is at most a few levels deep; this is not a data file",
        "vi": "định dạng chỉ lồng vài cấp; đây không phải tệp dữ liệu",
    },
    "TD009": {
        "en": "too many aliases or nodes (limit {limit}): possible alias bomb",
        "vi": "quá nhiều bí danh hoặc nút (giới hạn {limit}): có thể là bom bí danh",
    },
    "TD009.hint": {
        "en": "write values out instead of using anchors (&) and aliases (*)",
        "vi": "viết giá trị trực tiếp thay vì dùng neo (&) và bí danh (*)",
    },
    "TD010": {"en": "merge key `<<` is not allowed", "vi": "không cho phép khóa gộp `<<`"},
    "TD010.hint": {
        "en": "write the keys out; shared rules belong in cluster.yaml",
        "vi": "viết rõ các khóa; quy chế dùng chung đặt trong cluster.yaml",
    },
    "TD011": {"en": "tag {tag} is not allowed", "vi": "không cho phép thẻ {tag}"},
    "TD011.hint": {
        "en": "remove the tag: data files hold plain text, numbers, lists and mappings",
        "vi": "bỏ thẻ: tệp dữ liệu chỉ gồm chữ, số, danh sách và ánh xạ",
    },
    "TD012": {"en": "duplicate key '{key}'", "vi": "khóa '{key}' bị lặp"},
    "TD012.hint": {
        "en": "YAML would keep only one of them silently: merge the two entries",
        "vi": "YAML sẽ âm thầm chỉ giữ một: gộp hai mục lại",
    },
    "TD013": {
        "en": "'{value}' is read as a boolean by YAML 1.1",
        "vi": "'{value}' bị YAML 1.1 hiểu là đúng/sai",
    },
    "TD013.hint": {
        "en": "write true or false, or quote it if you mean text: '{value}'",
        "vi": "viết true hoặc false, hoặc đặt trong nháy nếu là chữ: '{value}'",
    },
    "TD014": {
        "en": "'{value}' is an ambiguous number (leading zero, base prefix or underscore)",
        "vi": "'{value}' là số không rõ nghĩa (số 0 ở đầu, tiền tố cơ số hoặc dấu gạch dưới)",
    },
    "TD014.hint": {
        "en": "codes are text: quote it, \"{value}\"",
        "vi": "mã là chuỗi: đặt trong nháy, \"{value}\"",
    },
    "TD015": {
        "en": "'{value}' is read as a base-60 number by YAML 1.1",
        "vi": "'{value}' bị YAML 1.1 hiểu là số cơ số 60",
    },
    "TD015.hint": {"en": "quote it: \"{value}\"", "vi": "đặt trong nháy: \"{value}\""},
    "TD016": {
        "en": "'{value}' is not a usable number (infinite, not-a-number or too long)",
        "vi": "'{value}' không phải số dùng được (vô cực, NaN hoặc quá dài)",
    },
    "TD016.hint": {"en": "write a plain finite number", "vi": "viết một số hữu hạn thông thường"},
    "TD017": {
        "en": "text is not in Unicode NFC (decomposed diacritics)",
        "vi": "văn bản không ở dạng Unicode NFC (dấu bị tách rời)",
    },
    "TD017.hint": {
        "en": "run `thidua fmt`, or retype the word with a Unicode keyboard (Unikey: dựng sẵn)",
        "vi": "chạy `thidua fmt`, hoặc gõ lại bằng bảng mã Unicode dựng sẵn (Unikey)",
    },
    "TD018": {"en": "file is empty", "vi": "tệp rỗng"},
    "TD018.hint": {
        "en": "start from `thidua rotate --write` or copy last year's file",
        "vi": "bắt đầu từ `thidua rotate --write` hoặc sao chép tệp năm trước",
    },
    "TD019": {
        "en": "expected a mapping (key: value), found {got}",
        "vi": "cần một ánh xạ (khóa: giá trị), gặp {got}",
    },
    "TD019.hint": {
        "en": "the file's top level is keys like `cluster:`, `year:`, `members:`",
        "vi": "cấp ngoài cùng của tệp là các khóa như `cluster:`, `year:`, `members:`",
    },
    "TD020": {
        "en": "symbolic link points outside the data directory",
        "vi": "liên kết tượng trưng trỏ ra ngoài thư mục dữ liệu",
    },
    "TD020.hint": {
        "en": "replace the link with the file itself",
        "vi": "thay liên kết bằng chính tệp đó",
    },
    "TD021": {
        "en": "'{name}' is not a regular file",
        "vi": "'{name}' không phải tệp thông thường",
    },
    "TD021.hint": {
        "en": "a directory or device cannot hold data: rename or remove it",
        "vi": "thư mục hay thiết bị không chứa dữ liệu được: đổi tên hoặc xóa",
    },
    "TD022": {
        "en": "unexpected file name '{name}'",
        "vi": "tên tệp không hợp lệ '{name}'",
    },
    "TD022.hint": {
        "en": "a cluster directory holds cluster.yaml and <year>.yaml files (e.g. 2024.yaml)",
        "vi": "thư mục cụm chỉ gồm cluster.yaml và các tệp <năm>.yaml (vd. 2024.yaml)",
    },
    "TD023": {
        "en": "no data found at {path}",
        "vi": "không tìm thấy dữ liệu tại {path}",
    },
    "TD023.hint": {
        "en": "a data directory holds provinces.yaml and clusters/<id>/<year>.yaml (see `thidua init`)",
        "vi": "thư mục dữ liệu gồm provinces.yaml và clusters/<mã>/<năm>.yaml (xem `thidua init`)",
    },
    "TD024": {
        "en": "'{field}' holds a control, direction-changing or invisible character ({char}, character {position})",
        "vi": "'{field}' chứa ký tự điều khiển, ký tự đổi chiều văn bản hoặc ký tự ẩn ({char}, ký tự thứ {position})",
    },
    "TD024.hint": {
        "en": "such characters can hide or disguise text on screen and in reports: retype the value without it",
        "vi": "các ký tự này có thể che giấu hoặc làm sai lệch văn bản trên màn hình và trong báo cáo: gõ lại giá trị, bỏ ký tự đó",
    },
    # ------------------------------------------------------------------ schema
    "TD100": {"en": "invalid value at '{field}': {detail}", "vi": "giá trị không hợp lệ tại '{field}': {detail}"},
    "TD101": {"en": "missing required field '{field}'", "vi": "thiếu trường bắt buộc '{field}'"},
    "TD101.hint": {"en": "add `{name}:` here", "vi": "thêm `{name}:` vào đây"},
    "TD102": {"en": "unknown field '{field}'", "vi": "trường không xác định '{field}'"},
    "TD102.hint": {"en": "{suggestion}", "vi": "{suggestion}"},
    "TD103": {
        "en": "'{field}' should be {expected}, found {got}",
        "vi": "'{field}' phải là {expected}, nhưng là {got}",
    },
    "TD103.hint": {"en": "{suggestion}", "vi": "{suggestion}"},
    "TD104": {
        "en": "'{value}' is not a valid {what} at '{field}'",
        "vi": "'{value}' không phải {what} hợp lệ tại '{field}'",
    },
    "TD104.hint": {"en": "{suggestion}", "vi": "{suggestion}"},
    "TD105": {
        "en": "'{value}' at '{field}' is not one of: {choices}",
        "vi": "'{value}' tại '{field}' không thuộc: {choices}",
    },
    "TD106": {
        "en": "{value} at '{field}' is out of range ({bound})",
        "vi": "{value} tại '{field}' nằm ngoài khoảng cho phép ({bound})",
    },
    "TD107": {"en": "'{field}': {detail}", "vi": "'{field}': {detail}"},
    "TD108": {
        "en": "decimal comma in the scores of '{member}': YAML reads it as two entries",
        "vi": "dấu phẩy thập phân trong điểm của '{member}': YAML hiểu thành hai mục",
    },
    "TD108.hint": {
        "en": "write decimals with a dot: {value}",
        "vi": "viết số thập phân bằng dấu chấm: {value}",
    },
    # ------------------------------------------------------------------ registry
    "TD201": {"en": "unknown unit '{unit}'", "vi": "không có đơn vị '{unit}'"},
    "TD201.hint": {
        "en": "{suggestion}",
        "vi": "{suggestion}",
    },
    "TD202": {
        "en": "{name} ({unit}) did not exist on {day}{why}{basis}",
        "vi": "{name} ({unit}) không tồn tại vào ngày {day}{why}{basis}",
    },
    "TD202.hint": {
        "en": "{suggestion}",
        "vi": "{suggestion}",
    },
    "TD203": {
        "en": "'{unit}' is a code, not a unit id (codes were reused in 2025, so a code is ambiguous)",
        "vi": "'{unit}' là mã số, không phải mã định danh (mã số đã được dùng lại từ 2025 nên không rõ đơn vị nào)",
    },
    "TD203.hint": {"en": "write the unit id: {suggestion}", "vi": "ghi mã định danh: {suggestion}"},
    "TD204": {
        "en": "registry inconsistency for '{unit}': {detail}",
        "vi": "danh mục không nhất quán tại '{unit}': {detail}",
    },
    "TD205": {
        "en": "code {code} means both {first} and {second} on {day}",
        "vi": "mã {code} cùng lúc chỉ {first} và {second} vào ngày {day}",
    },
    "TD205.hint": {
        "en": "set valid_to / valid_from so that the two periods do not overlap",
        "vi": "đặt valid_to / valid_from để hai giai đoạn không chồng nhau",
    },
    "TD206": {
        "en": "unit id '{unit}' is declared more than once",
        "vi": "mã đơn vị '{unit}' được khai báo nhiều lần",
    },
    "TD206.hint": {
        "en": "a cluster's own units need ids distinct from the registry's",
        "vi": "đơn vị riêng của cụm cần mã khác với danh mục chung",
    },
    # ------------------------------------------------------------------ clusters
    "TD301": {
        "en": "cluster directory has no cluster.yaml",
        "vi": "thư mục cụm thiếu cluster.yaml",
    },
    "TD301.hint": {
        "en": "create clusters/{cluster}/cluster.yaml with id, name, kind, organiser and rules",
        "vi": "tạo clusters/{cluster}/cluster.yaml gồm id, name, kind, organiser và rules",
    },
    "TD302": {
        "en": "'{field}' is '{value}' but the path says '{expected}'",
        "vi": "'{field}' là '{value}' nhưng đường dẫn là '{expected}'",
    },
    "TD302.hint": {
        "en": "rename the file or fix the field so that both agree",
        "vi": "đổi tên tệp hoặc sửa trường để hai bên khớp nhau",
    },
    "TD303": {"en": "'{unit}' is listed twice", "vi": "'{unit}' được liệt kê hai lần"},
    "TD304": {
        "en": "{role} '{unit}' is not a member of the cluster this year",
        "vi": "{role} '{unit}' không phải thành viên của cụm năm nay",
    },
    "TD304.hint": {
        "en": "add it to `members:` or choose a member",
        "vi": "thêm vào `members:` hoặc chọn một thành viên",
    },
    "TD305": {
        "en": "'{unit}' holds two roles: {roles}",
        "vi": "'{unit}' giữ hai vai trò: {roles}",
    },
    "TD306": {
        "en": "'{unit}' is also a member of {other} ({file}) with the same organiser in {year}{basis}",
        "vi": "'{unit}' cũng là thành viên của {other} ({file}) cùng đơn vị tổ chức năm {year}{basis}",
    },
    "TD306.hint": {
        "en": "a unit belongs to one cluster of an organiser each year",
        "vi": "mỗi năm một đơn vị chỉ thuộc một cụm của cùng đơn vị tổ chức",
    },
    "TD307": {
        "en": "{role} '{unit}' of {year} differs from the election recorded in {prev} ({elected})",
        "vi": "{role} '{unit}' năm {year} khác kết quả suy tôn ghi trong {prev} ({elected})",
    },
    "TD307.hint": {
        "en": "correct one of the two files: they must agree",
        "vi": "sửa một trong hai tệp cho khớp nhau",
    },
    "TD308": {
        "en": "{count} vice-chair(s) recorded, the rules say {expected}",
        "vi": "ghi {count} cụm phó, quy chế quy định {expected}",
    },
    "TD309": {
        "en": "{role} {name} ceases to exist on {day}, before its term ends",
        "vi": "{role} {name} chấm dứt tồn tại ngày {day}, trước khi hết nhiệm kỳ",
    },
    "TD310": {
        "en": "leadership of {year} is not what the rotation policy '{policy}' gives ({expected})",
        "vi": "lãnh đạo cụm năm {year} khác kết quả luân phiên '{policy}' ({expected})",
    },
    "TD311": {
        "en": "{role} '{unit}' differs from the rotation policy '{policy}', which gives '{expected}'",
        "vi": "{role} '{unit}' khác kết quả luân phiên '{policy}', là '{expected}'",
    },
    "TD311.hint": {
        "en": "record the election (`election:` in the year before) when the cluster chose otherwise",
        "vi": "ghi kết quả suy tôn (`election:` ở năm trước) nếu cụm đã chọn khác",
    },
    "TD312": {
        "en": "organiser unit '{unit}' is not in the registry",
        "vi": "đơn vị tổ chức '{unit}' không có trong danh mục",
    },
    "TD312.hint": {
        "en": "{suggestion}",
        "vi": "{suggestion}",
    },
    "TD313": {
        "en": "{field} {day} is far from {year} (expected {first} to {last})",
        "vi": "{field} {day} quá xa {year} (phải trong khoảng {first} đến {last})",
    },
    "TD313.hint": {
        "en": "check the year of this date: a typo such as 1900-01-01?",
        "vi": "kiểm tra năm của ngày này: có gõ nhầm, ví dụ 1900-01-01?",
    },
    # ------------------------------------------------------------------ indicators and scores
    "TD401": {"en": "indicator id '{indicator}' is used twice", "vi": "mã chỉ tiêu '{indicator}' bị dùng hai lần"},
    "TD402": {
        "en": "tie-break '{key}' names no {what} of this year",
        "vi": "tiêu chí phụ '{key}' không ứng với {what} nào của năm nay",
    },
    "TD403": {
        "en": "{name} has no score for indicator '{indicator}'",
        "vi": "{name} chưa có điểm chỉ tiêu '{indicator}'",
    },
    "TD403.hint": {
        "en": "enter the score; a missing score is not counted as zero",
        "vi": "nhập điểm; điểm thiếu không được tính là 0",
    },
    "TD404": {
        "en": "'{unit}' in {section} is not a member this year",
        "vi": "'{unit}' trong {section} không phải thành viên năm nay",
    },
    "TD405": {
        "en": "no scores entered yet for {year}",
        "vi": "chưa nhập điểm năm {year}",
    },
    "TD405.hint": {
        "en": "add `scores:` after the review; until then the cluster is not ranked",
        "vi": "thêm `scores:` sau hội nghị tổng kết; đến lúc đó cụm chưa được xếp hạng",
    },
    "TD406": {
        "en": "score for unknown indicator '{indicator}'",
        "vi": "có điểm cho chỉ tiêu không tồn tại '{indicator}'",
    },
    "TD406.hint": {"en": "{suggestion}", "vi": "{suggestion}"},
    "TD407": {
        "en": "score {score} for '{indicator}' is outside 0–{max}",
        "vi": "điểm {score} của '{indicator}' nằm ngoài 0–{max}",
    },
    "TD408": {
        "en": "{count} votes for '{unit}' but only {voters} voters",
        "vi": "'{unit}' có {count} phiếu nhưng chỉ có {voters} người bỏ phiếu",
    },
    "TD409": {
        "en": "the ladder step '{award}' requires indicator '{indicator}', which this year does not have",
        "vi": "bậc khen thưởng '{award}' yêu cầu chỉ tiêu '{indicator}', nhưng năm nay không có chỉ tiêu này",
    },
    "TD409.hint": {
        "en": "fix rules.awards[].min_scores (in cluster.yaml, or override rules in this year's file)",
        "vi": "sửa rules.awards[].min_scores (trong cluster.yaml, hoặc ghi đè rules trong tệp năm này)",
    },
    "TD410": {
        "en": "indicator '{indicator}' has a maximum of 0: no score can count",
        "vi": "chỉ tiêu '{indicator}' có điểm tối đa bằng 0: không điểm nào được tính",
    },
    "TD410.hint": {
        "en": "write the indicator's maximum points (max > 0) from the pledge",
        "vi": "ghi điểm tối đa của chỉ tiêu (max > 0) theo bản giao ước",
    },
    # ------------------------------------------------------------------ awards
    "TD501": {"en": "unknown award '{award}'", "vi": "không có danh hiệu '{award}'"},
    "TD501.hint": {"en": "{suggestion}", "vi": "{suggestion}"},
    "TD502": {
        "en": "award '{award}' given to '{unit}', who is not a member this year",
        "vi": "danh hiệu '{award}' trao cho '{unit}', không phải thành viên năm nay",
    },
    "TD503": {
        "en": "award '{award}' is not on this cluster's ladder",
        "vi": "danh hiệu '{award}' không có trong thang khen thưởng của cụm",
    },
    "TD503.hint": {
        "en": "add it to rules.awards, or check the award id",
        "vi": "thêm vào rules.awards, hoặc kiểm tra mã danh hiệu",
    },
    "TD504": {
        "en": "{count} × {award_name} decided, the quota is {quota}",
        "vi": "đã quyết định {count} × {award_name}, chỉ tiêu là {quota}",
    },
    "TD505": {
        "en": "'{unit}' is given more than one award: {awards}",
        "vi": "'{unit}' được đề nghị nhiều hơn một danh hiệu: {awards}",
    },
    "TD506": {
        "en": "Cờ thi đua của Chính phủ decided for '{unit}', ranked {rank}; in a cluster of the Central Board it goes to the leading member ({leader})",
        "vi": "Cờ thi đua của Chính phủ trao cho '{unit}' xếp thứ {rank}; ở cụm do Ban TĐKT Trung ương tổ chức, Cờ dành cho thành viên dẫn đầu ({leader})",
    },
    "TD506.hint": {
        "en": "Law 06/2022/QH15 Art. 25: give the flag to {leader}, or correct the scores",
        "vi": "Luật 06/2022/QH15 Điều 25: trao Cờ cho {leader}, hoặc sửa lại điểm",
    },
    # ------------------------------------------------------------------ sources
    "TD601": {
        "en": "the file states results but names no source",
        "vi": "tệp ghi kết quả nhưng không nêu nguồn",
    },
    "TD601.hint": {
        "en": "add `sources:` with a URL or a document number (e.g. 123/QĐ-UBND)",
        "vi": "thêm `sources:` với đường dẫn hoặc số văn bản (vd. 123/QĐ-UBND)",
    },
    # ------------------------------------------------------------------ shared words
    "word.both": {"en": "{first}, {second}", "vi": "{first}, {second}"},
    "word.did_you_mean": {"en": "did you mean {options}?", "vi": "có phải là {options}?"},
    "word.merged_into": {"en": "; it merged into {name} ({unit}) on {day}", "vi": "; đã nhập vào {name} ({unit}) từ {day}"},
    "word.starts_on": {"en": "; it starts on {day}", "vi": "; bắt đầu từ {day}"},
    "word.use_successor": {"en": "use {unit} ({name})", "vi": "dùng {unit} ({name})"},
    "word.chair": {"en": "chair", "vi": "Cụm trưởng"},
    "word.vice_chair": {"en": "vice-chair", "vi": "Cụm phó"},
    "word.elected_chair": {"en": "elected chair", "vi": "Cụm trưởng được suy tôn"},
    "word.elected_vice_chair": {"en": "elected vice-chair", "vi": "Cụm phó được suy tôn"},
    "word.group": {"en": "indicator group", "vi": "nhóm chỉ tiêu"},
    "word.indicator": {"en": "indicator", "vi": "chỉ tiêu"},
    "word.unit_id": {"en": "unit id (lowercase letters, digits and hyphens)", "vi": "mã đơn vị (chữ thường, số và gạch nối)"},
    "word.code": {"en": "two-digit code", "vi": "mã hai chữ số"},
    "word.url": {"en": "URL (http:// or https://)", "vi": "đường dẫn (http:// hoặc https://)"},
    "word.value": {"en": "value", "vi": "giá trị"},
    "type.text": {"en": "text", "vi": "văn bản"},
    "type.int": {"en": "a whole number", "vi": "số nguyên"},
    "type.number": {"en": "a number", "vi": "một số"},
    "type.bool": {"en": "true or false", "vi": "true hoặc false"},
    "type.list": {"en": "a list", "vi": "danh sách"},
    "type.mapping": {"en": "a mapping (key: value)", "vi": "ánh xạ (khóa: giá trị)"},
    "type.date": {"en": "a date YYYY-MM-DD", "vi": "ngày dạng YYYY-MM-DD"},
    "type.null": {"en": "nothing", "vi": "rỗng"},
    "hint.quote_code": {"en": "quote it: \"{value}\"", "vi": "đặt trong nháy: \"{value}\""},
    "hint.decimal_point": {"en": "write decimals with a dot: {value}", "vi": "viết số thập phân bằng dấu chấm: {value}"},
    # ------------------------------------------------------------------ validate report
    "validate.summary": {
        "en": "{files} files checked: {errors} errors, {warnings} warnings, {infos} notes",
        "vi": "đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú",
    },
    "validate.clean": {
        "en": "{files} files checked: no problems",
        "vi": "đã kiểm tra {files} tệp: không có lỗi",
    },
    "severity.error": {"en": "error", "vi": "lỗi"},
    "severity.warning": {"en": "warning", "vi": "cảnh báo"},
    "severity.info": {"en": "note", "vi": "ghi chú"},
    "label.hint": {"en": "hint", "vi": "gợi ý"},
    "label.docs": {"en": "see", "vi": "xem"},
    "cli.no_path": {"en": "path does not exist: {path}", "vi": "đường dẫn không tồn tại: {path}"},
    "cluster.unknown": {"en": "no cluster '{cluster}'", "vi": "không có cụm '{cluster}'"},
    "unit.unknown": {"en": "no unit '{unit}'", "vi": "không có đơn vị '{unit}'"},
    "cli.not_data": {
        "en": "{path} is not inside a data directory (no provinces.yaml above it)",
        "vi": "{path} không nằm trong thư mục dữ liệu (không có provinces.yaml phía trên)",
    },
}
