"""Messages of the command line itself: the help of every command and option, and usage errors.

Help keys are ``cli.help.<command path>`` (``cli.help.rank``, ``cli.help.sheet.export``) and
``cli.help.<command path>.<parameter>`` (``cli.help.rank.year``); a parameter without its own key
falls back to ``cli.help.<parameter>`` (``cli.help.data``), shared by every command.
"""

from __future__ import annotations

_FMT_TEXT = {
    "en": "text (rich on a terminal, plain when piped)",
    "vi": "text (bảng rich trên màn hình, chữ thường khi chuyển tiếp)",
}


def _formats(en: str, vi: str) -> dict[str, str]:
    return {"en": f"{_FMT_TEXT['en']}, {en}.", "vi": f"{_FMT_TEXT['vi']}, {vi}."}


CATALOGUE: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ help: the frame
    "cli.usage": {"en": "Usage", "vi": "Cách dùng"},
    "cli.arguments": {"en": "Arguments", "vi": "Đối số"},
    "cli.options": {"en": "Options", "vi": "Tùy chọn"},
    "cli.commands": {"en": "Commands", "vi": "Lệnh"},
    "cli.OPTIONS": {"en": "OPTIONS", "vi": "TÙY_CHỌN"},
    "cli.COMMAND": {"en": "COMMAND", "vi": "LỆNH"},
    "cli.default": {"en": "default: {value}", "vi": "mặc định: {value}"},
    "cli.required": {"en": "required", "vi": "bắt buộc"},
    "cli.repeatable": {"en": "repeatable", "vi": "lặp lại được"},
    "cli.range": {"en": "{low} to {high}", "vi": "từ {low} đến {high}"},
    "cli.at_least": {"en": "at least {low}", "vi": "ít nhất {low}"},
    "cli.at_most": {"en": "at most {high}", "vi": "nhiều nhất {high}"},
    "cli.global": {
        "en": "Global options, before or after the command: --lang vi|en, --data DIR, -h/--help.",
        "vi": "Tùy chọn chung, đặt trước hoặc sau lệnh: --lang vi|en, --data THƯ_MỤC, -h/--help.",
    },
    "cli.more": {
        "en": "Run 'thidua COMMAND -h' for the help of a command.",
        "vi": "Chạy 'thidua LỆNH -h' để xem trợ giúp của một lệnh.",
    },
    # ------------------------------------------------------------------ usage errors
    "cli.see": {"en": "(see {command} -h)", "vi": "(xem {command} -h)"},
    "cli.no_such_option": {"en": "no such option {option}{suggestion}", "vi": "không có tùy chọn {option}{suggestion}"},
    "cli.no_such_command": {"en": "no such command '{command}'{suggestion}", "vi": "không có lệnh '{command}'{suggestion}"},
    "cli.suggest": {"en": "; did you mean {option}?", "vi": "; có phải là {option}?"},
    "cli.missing_argument": {"en": "missing argument {name}", "vi": "thiếu đối số {name}"},
    "cli.missing_option": {"en": "missing option {name}", "vi": "thiếu tùy chọn {name}"},
    "cli.needs_value": {"en": "option {name} needs a value", "vi": "tùy chọn {name} cần một giá trị"},
    "cli.bad_value": {"en": "invalid value for {name}: {value}", "vi": "giá trị không hợp lệ cho {name}: {value}"},
    "cli.choose": {"en": "; choose one of {choices}", "vi": "; chọn một trong {choices}"},
    "cli.expects": {"en": "; expected {expected}", "vi": "; cần {expected}"},
    "cli.integer": {"en": "an integer", "vi": "một số nguyên"},
    "cli.number": {"en": "a number", "vi": "một số"},
    "cli.extra_argument": {"en": "unexpected extra argument {args}", "vi": "thừa đối số {args}"},
    "cli.bad_lang": {"en": "--lang: use vi or en, not '{value}'", "vi": "--lang: dùng vi hoặc en, không phải '{value}'"},
    "cli.usage_error": {"en": "{detail}", "vi": "{detail}"},
    "cli.not_a_directory": {"en": "not a directory: {path}", "vi": "không phải thư mục: {path}"},
    "cli.no_data": {
        "en": "no data directory at {path}; give one with --data DIR or $THIDUA_DATA, or create one with `thidua init DIR`",
        "vi": "không có thư mục dữ liệu ở {path}; chỉ ra bằng --data THƯ_MỤC hoặc $THIDUA_DATA, hoặc tạo mới bằng `thidua init THƯ_MỤC`",
    },
    "cli.unknown_member": {
        "en": "no member '{member}' in {cluster} {year}{suggestion}",
        "vi": "không có thành viên '{member}' trong {cluster} năm {year}{suggestion}",
    },
    # ------------------------------------------------------------------ help: shared parameters
    "cli.help.help": {"en": "Show this help and exit.", "vi": "Hiện trợ giúp này rồi thoát."},
    "cli.help.data": {
        "en": "Data directory (default: $THIDUA_DATA, else data/).",
        "vi": "Thư mục dữ liệu (mặc định: $THIDUA_DATA, nếu không có thì data/).",
    },
    "cli.help.cluster": {"en": "Only this cluster id.", "vi": "Chỉ cụm có mã này."},
    "cli.help.no_cache": {
        "en": "Check every file again: neither read nor write the cache (.thidua-cache/ in the data directory, or $THIDUA_CACHE_DIR).",
        "vi": "Kiểm tra lại mọi tệp: không đọc, không ghi bộ nhớ đệm (.thidua-cache/ trong thư mục dữ liệu, hoặc $THIDUA_CACHE_DIR).",
    },
    "cli.help.rank.differences": {
        "en": "List every self-score the appraisal changed, with its reason.",
        "vi": "Liệt kê mọi điểm tự chấm bị thẩm định thay đổi, kèm lý do.",
    },
    "cli.help.init.templates": {
        "en": "Also copy the award dossier's Word templates into templates/ to edit them.",
        "vi": "Sao chép thêm các mẫu Word của hồ sơ khen thưởng vào templates/ để sửa.",
    },
    "cli.help.lang": {
        "en": "Language of messages and help: vi or en (default: $THIDUA_LANG, then $LANG).",
        "vi": "Ngôn ngữ của thông báo và trợ giúp: vi hoặc en (mặc định: $THIDUA_LANG, rồi $LANG).",
    },
    "cli.help.version": {"en": "Show the version and exit.", "vi": "Hiện phiên bản rồi thoát."},
    "cli.help.install_completion": {"en": "Install completion for the current shell.", "vi": "Cài tự hoàn thành lệnh cho shell đang dùng."},
    "cli.help.show_completion": {
        "en": "Show completion for the current shell, to copy it or customize the installation.",
        "vi": "Hiện mã tự hoàn thành cho shell đang dùng, để sao chép hoặc tự cài.",
    },
    "cli.help.year": {"en": "The emulation year (năm thi đua), e.g. 2023.", "vi": "Năm thi đua, ví dụ 2023."},
    "cli.help.output": {
        "en": "Write the report to this file instead of stdout (atomically; --force replaces it).",
        "vi": "Ghi báo cáo vào tệp này thay vì ra màn hình (ghi trọn vẹn; --force để ghi đè).",
    },
    "cli.help.force": {"en": "With --output: replace an existing file.", "vi": "Với --output: ghi đè tệp đã có."},
    # ------------------------------------------------------------------ help: commands
    "cli.help.thidua": {
        "en": "Records, rankings, rotations and awards of Vietnam's emulation clusters (cụm / khối thi đua).",
        "vi": "Hồ sơ, xếp hạng, luân phiên và khen thưởng của các cụm, khối thi đua.",
    },
    "cli.help.validate": {
        "en": "Check data files: YAML safety, schema, registry, rules. Every problem is reported.",
        "vi": "Kiểm tra tệp dữ liệu: an toàn YAML, lược đồ, danh mục đơn vị, quy tắc. Báo mọi lỗi.",
    },
    "cli.help.validate.paths": {
        "en": "Data directories or files (default: --data, $THIDUA_DATA, else data/).",
        "vi": "Thư mục hoặc tệp dữ liệu (mặc định: --data, $THIDUA_DATA, nếu không có thì data/).",
    },
    "cli.help.validate.data": {"en": "Data directory, when no PATH is given.", "vi": "Thư mục dữ liệu, khi không có PATHS."},
    "cli.help.validate.format": _formats(
        "json, markdown or github (default: github when GITHUB_ACTIONS=true, else text)",
        "json, markdown hoặc github (mặc định: github khi GITHUB_ACTIONS=true, nếu không thì text)",
    ),
    "cli.help.validate.strict": {"en": "Treat warnings as errors.", "vi": "Coi cảnh báo là lỗi."},
    "cli.help.validate.changed_since": {
        "en": "Report only problems in files changed since this git ref (committed since the merge base, modified, staged or untracked); cross-file checks still read every file.",
        "vi": "Chỉ báo lỗi trong các tệp đã đổi từ git ref này (đã commit từ merge base, đã sửa, đã stage hoặc chưa theo dõi); kiểm tra chéo vẫn đọc mọi tệp.",
    },
    "cli.help.rank": {
        "en": "Rank each cluster's members for YEAR by the cluster's own indicators and rules.",
        "vi": "Xếp hạng thành viên của từng cụm trong năm YEAR theo tiêu chí và quy định của chính cụm đó.",
    },
    "cli.help.rank.format": _formats(
        "json, csv, markdown, or xlsx (a workbook, with --output)",
        "json, csv, markdown, hoặc xlsx (sổ tính Excel, cùng --output)",
    ),
    "cli.help.rank.explain": {
        "en": "Explain one member's place: id or Vietnamese name.",
        "vi": "Giải thích thứ hạng của một thành viên: mã định danh hoặc tên tiếng Việt.",
    },
    "cli.help.rank.stability": {
        "en": "Test how stable the ranking is under changed weights and scores.",
        "vi": "Kiểm tra độ ổn định của thứ hạng khi trọng số và điểm thay đổi.",
    },
    "cli.help.rank.samples": {"en": "Stability: number of random trials.", "vi": "Độ ổn định: số lần thử ngẫu nhiên."},
    "cli.help.rank.seed": {
        "en": "Stability: random seed; the same seed gives the same output.",
        "vi": "Độ ổn định: hạt giống ngẫu nhiên; cùng hạt giống cho cùng kết quả.",
    },
    "cli.help.rank.tolerance": {
        "en": "Stability: each score moves by up to ± this many points.",
        "vi": "Độ ổn định: mỗi điểm dịch chuyển tối đa ± chừng này điểm.",
    },
    "cli.help.rank.weight_spread": {
        "en": "Stability: each weight is multiplied by 1 ± up to this share.",
        "vi": "Độ ổn định: mỗi trọng số nhân với 1 ± tối đa tỷ lệ này.",
    },
    "cli.help.rotate": {
        "en": "Propose next year's chair (Cụm trưởng) and vice-chairs (Cụm phó), and write that year's file.",
        "vi": "Đề xuất Cụm trưởng, Cụm phó năm sau và ghi tệp của năm đó.",
    },
    "cli.help.rotate.cluster": {"en": "Cluster id (its directory under clusters/).", "vi": "Mã cụm (thư mục của cụm trong clusters/)."},
    "cli.help.rotate.from_year": {
        "en": "Source year (default: the cluster's latest year file).",
        "vi": "Năm gốc (mặc định: tệp năm mới nhất của cụm).",
    },
    "cli.help.rotate.years": {"en": "Schedule of the next N years under the policy.", "vi": "Lịch luân phiên N năm tới theo quy chế."},
    "cli.help.rotate.write": {
        "en": "Create clusters/<id>/<next year>.yaml from the source year.",
        "vi": "Tạo clusters/<mã>/<năm sau>.yaml từ năm gốc.",
    },
    "cli.help.rotate.force": {"en": "With --write or --output: overwrite an existing file.", "vi": "Với --write hoặc --output: ghi đè tệp đã có."},
    "cli.help.rotate.dry_run": {
        "en": "Show the diff of the file --write would create; write nothing.",
        "vi": "Hiện phần khác biệt của tệp mà --write sẽ tạo; không ghi gì.",
    },
    "cli.help.rotate.format": _formats("json or markdown", "json hoặc markdown"),
    "cli.help.awards": {
        "en": "Walk each cluster's award ladder over its ranking: who is proposed for what, and why.",
        "vi": "Xét thang khen thưởng của từng cụm theo thứ hạng: ai được đề nghị hình thức nào, vì sao.",
    },
    "cli.help.awards.format": _formats(
        "json, csv, markdown, or xlsx (a workbook, with --output)",
        "json, csv, markdown, hoặc xlsx (sổ tính Excel, cùng --output)",
    ),
    "cli.help.awards.docx": {
        "en": "Also write the dossier (Tờ trình, Biên bản, Báo cáo thành tích, .docx) of each cluster-year into this directory.",
        "vi": "Ghi thêm hồ sơ (Tờ trình, Biên bản, Báo cáo thành tích, .docx) của từng cụm-năm vào thư mục này.",
    },
    "cli.help.awards.pdf": {
        "en": "With --docx: also convert each document to PDF (needs LibreOffice).",
        "vi": "Với --docx: chuyển thêm từng văn bản sang PDF (cần LibreOffice).",
    },
    "cli.help.awards.force": {
        "en": "Overwrite existing .docx files and the --output file.",
        "vi": "Ghi đè các tệp .docx và tệp --output đã có.",
    },
    "cli.help.units": {
        "en": "Find the id of a province, district, commune or agency, as valid on a day.",
        "vi": "Tìm mã định danh của tỉnh, huyện, xã hoặc cơ quan, đơn vị có hiệu lực vào một ngày.",
    },
    "cli.help.units.query": {
        "en": "Name (with or without diacritics, either tone-mark convention), code or id.",
        "vi": "Tên (có hoặc không dấu, cách bỏ dấu nào cũng được), mã số hoặc mã định danh.",
    },
    "cli.help.units.on": {
        "en": "Units valid on this day: 2024-01-01 or 01/01/2024 (default: today).",
        "vi": "Đơn vị có hiệu lực vào ngày này: 2024-01-01 hoặc 01/01/2024 (mặc định: hôm nay).",
    },
    "cli.help.units.level": {"en": "Only this level.", "vi": "Chỉ cấp này."},
    "cli.help.units.within": {
        "en": "Only units in this province or district (an id).",
        "vi": "Chỉ đơn vị thuộc tỉnh hoặc huyện này (mã định danh).",
    },
    "cli.help.units.format": _formats("json, csv or markdown", "json, csv hoặc markdown"),
    "cli.help.schema": {
        "en": "Print the JSON Schema (draft 2020-12) of a data file, generated from the models.",
        "vi": "In JSON Schema (draft 2020-12) của một loại tệp dữ liệu, sinh từ mô hình.",
    },
    "cli.help.schema.kind": {
        "en": "Which file: cluster-year (data/clusters/<id>/<year>.yaml), cluster (cluster.yaml) or registry (provinces.yaml).",
        "vi": "Loại tệp: cluster-year (data/clusters/<mã>/<năm>.yaml), cluster (cluster.yaml) hoặc registry (provinces.yaml).",
    },
    "cli.help.schema.output": {"en": "Write to this file instead of stdout.", "vi": "Ghi vào tệp này thay vì ra màn hình."},
    "cli.help.schema.force": {"en": "Overwrite --output if it exists.", "vi": "Ghi đè --output nếu đã có."},
    "cli.help.init": {
        "en": "Create a data repository: registry, an example cluster, schemas, CI workflow, pre-commit, README.",
        "vi": "Tạo kho dữ liệu: danh mục đơn vị, một cụm mẫu, lược đồ, quy trình CI, pre-commit, README.",
    },
    "cli.help.init.directory": {
        "en": "Directory of the new data repository (created if missing).",
        "vi": "Thư mục của kho dữ liệu mới (tạo nếu chưa có).",
    },
    "cli.help.init.force": {
        "en": "Also in a non-empty directory: add the missing files, keep every existing one.",
        "vi": "Cả trong thư mục không rỗng: thêm tệp còn thiếu, giữ nguyên mọi tệp đã có.",
    },
    "cli.help.fmt": {
        "en": "Rewrite data files in canonical form, keeping comments (key order, quoted codes, NFC, indentation).",
        "vi": "Viết lại tệp dữ liệu theo dạng chuẩn, giữ chú thích (thứ tự khóa, mã trong ngoặc kép, NFC, thụt lề).",
    },
    "cli.help.fmt.paths": {
        "en": "Files or directories (default: $THIDUA_DATA, else data/).",
        "vi": "Tệp hoặc thư mục (mặc định: $THIDUA_DATA, nếu không có thì data/).",
    },
    "cli.help.fmt.check": {
        "en": "Change nothing: print a diff of each file that would change and exit 1.",
        "vi": "Không sửa gì: in phần khác biệt của từng tệp sẽ đổi và thoát với mã 1.",
    },
    "cli.help.history": {
        "en": "A unit's record across the years: clusters, places, awards, chair terms; follows the 2025 mergers.",
        "vi": "Quá trình thi đua của một đơn vị qua các năm: cụm, thứ hạng, khen thưởng, nhiệm kỳ cụm trưởng; theo cả các lần sáp nhập 2025.",
    },
    "cli.help.history.unit": {
        "en": "A unit id from data/provinces.yaml or a cluster's units, e.g. nam-dinh.",
        "vi": "Mã định danh đơn vị trong data/provinces.yaml hoặc trong đơn vị của một cụm, ví dụ nam-dinh.",
    },
    "cli.help.history.format": _formats("json or markdown", "json hoặc markdown"),
    "cli.help.site": {
        "en": "Build a static website (Vietnamese, with English under en/): clusters, years, units, awards.",
        "vi": "Dựng website tĩnh (tiếng Việt, tiếng Anh trong en/): cụm, năm, đơn vị, khen thưởng.",
    },
    "cli.help.site.output": {"en": "Directory to write the site into.", "vi": "Thư mục để ghi website."},
    "cli.help.site.base_url": {
        "en": "Public address of the site, for canonical links (pages link relatively either way).",
        "vi": "Địa chỉ công khai của website, cho liên kết chuẩn (các trang vẫn liên kết tương đối).",
    },
    "cli.help.site.force": {
        "en": "Write into a non-empty directory that thidua did not make.",
        "vi": "Ghi vào thư mục không rỗng mà thidua không tạo ra.",
    },
    "cli.help.sheet": {
        "en": "The scoring workbook (Excel): export it for the members, import it back into the year file.",
        "vi": "Sổ chấm điểm (Excel): xuất cho các thành viên, nhập lại vào tệp năm.",
    },
    "cli.help.sheet.export": {
        "en": "Write the scoring workbook of CLUSTER for YEAR (.xlsx), existing scores pre-filled.",
        "vi": "Ghi sổ chấm điểm của cụm CLUSTER cho năm YEAR (.xlsx), điền sẵn điểm đã có.",
    },
    "cli.help.sheet.export.cluster": {"en": "Cluster id, e.g. dbsh.", "vi": "Mã cụm, ví dụ dbsh."},
    "cli.help.sheet.export.output": {
        "en": "Workbook to write (default: CLUSTER-YEAR.xlsx).",
        "vi": "Sổ tính cần ghi (mặc định: CLUSTER-YEAR.xlsx).",
    },
    "cli.help.sheet.export.layout": {
        "en": "per-member: a sheet per member; matrix: members across one sheet.",
        "vi": "per-member: mỗi thành viên một trang; matrix: mọi thành viên trên một trang.",
    },
    "cli.help.sheet.export.force": {"en": "Replace an existing file.", "vi": "Ghi đè tệp đã có."},
    "cli.help.sheet.import": {
        "en": "Read scores from a workbook into the year file (comments kept, validated first).",
        "vi": "Đọc điểm từ sổ tính vào tệp năm (giữ chú thích, kiểm tra trước khi ghi).",
    },
    "cli.help.sheet.import.file": {
        "en": "The filled-in workbook (.xlsx, .xls, .ods).",
        "vi": "Sổ tính đã điền (.xlsx, .xls, .ods).",
    },
    "cli.help.sheet.import.cluster": {
        "en": "Cluster id; only for a workbook not exported by thidua.",
        "vi": "Mã cụm; chỉ cần với sổ tính không do thidua xuất.",
    },
    "cli.help.sheet.import.year": {
        "en": "Year; only for a workbook not exported by thidua.",
        "vi": "Năm; chỉ cần với sổ tính không do thidua xuất.",
    },
    "cli.help.sheet.import.dry_run": {
        "en": "Show the change to the year file as a diff; write nothing.",
        "vi": "Hiện thay đổi của tệp năm dưới dạng khác biệt; không ghi gì.",
    },
    "cli.help.sheet.import.columns": {
        "en": "Name the columns instead of recognising the headings, e.g. 'tt=STT;name=Nội dung;final=Điểm'.",
        "vi": "Chỉ định cột thay vì nhận dạng tiêu đề, ví dụ 'tt=STT;name=Nội dung;final=Điểm'.",
    },
    "cli.help.sheet.import.format": _formats(
        "json or github, for the findings (default: github when GITHUB_ACTIONS=true, else text)",
        "json hoặc github, cho các phát hiện (mặc định: github khi GITHUB_ACTIONS=true, nếu không thì text)",
    ),
}
