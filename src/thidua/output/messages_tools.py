"""Messages of ``thidua schema``, ``init``, ``fmt`` and ``validate --changed-since``, in both languages."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ fmt
    "fmt.refused": {
        "en": "{where}: not formatted, file left unchanged: {reason} [{code}]",
        "vi": "{where}: không định dạng, giữ nguyên tệp: {reason} [{code}]",
    },
    "fmt.would_change_data": {
        "en": "formatting would change the data (a thidua bug: please report it with this file)",
        "vi": "định dạng sẽ làm thay đổi dữ liệu (lỗi của thidua: vui lòng báo lỗi kèm tệp này)",
    },
    "fmt.comment_lost": {
        "en": "formatting would drop the comment {comment} (it is inside a list or mapping in [ ] or {{ }} spanning lines, or above a '---' line)",
        "vi": "định dạng sẽ làm mất chú thích {comment} (chú thích nằm trong danh sách hoặc ánh xạ [ ] hay {{ }} trải nhiều dòng, hoặc ở trên dòng '---')",
    },
    "fmt.comment_lost.hint": {
        "en": "move the comment to its own line above the list (outside the [ ] or {{ }}), or below the '---' line, then run thidua fmt again",
        "vi": "chuyển chú thích lên một dòng riêng phía trên danh sách (ngoài [ ] hay {{ }}), hoặc xuống dưới dòng '---', rồi chạy lại thidua fmt",
    },
    "fmt.comment_changed": {
        "en": "formatting would change a comment into {comment} (a thidua bug: please report it with this file)",
        "vi": "định dạng sẽ làm thay đổi một chú thích thành {comment} (lỗi của thidua: vui lòng báo lỗi kèm tệp này)",
    },
    "fmt.bad_value": {"en": "value cannot be read: {detail}", "vi": "không đọc được giá trị: {detail}"},
    "fmt.bad_value.hint": {
        "en": "write a date that exists as YYYY-MM-DD (2024-02-29, not 2024-02-30), or quote the value if it is text",
        "vi": "ghi ngày có thật theo dạng YYYY-MM-DD (2024-02-29, không phải 2024-02-30), hoặc đặt giá trị trong dấu nháy nếu là văn bản",
    },
    "fmt.unreadable": {"en": "cannot read the file ({detail})", "vi": "không đọc được tệp ({detail})"},
    "fmt.symlink": {
        "en": "{where}: symbolic link, skipped (format the file it points to)",
        "vi": "{where}: liên kết tượng trưng, bỏ qua (hãy định dạng tệp mà nó trỏ tới)",
    },
    "fmt.reformatted": {"en": "reformatted {where}", "vi": "đã định dạng lại {where}"},
    "fmt.would_reformat": {"en": "would reformat {where}", "vi": "cần định dạng lại {where}"},
    "fmt.summary": {
        "en": "{changed} file(s) reformatted, {unchanged} already canonical, {refused} not formatted",
        "vi": "{changed} tệp đã định dạng lại, {unchanged} tệp đã chuẩn, {refused} tệp không định dạng được",
    },
    "fmt.summary_check": {
        "en": "{changed} file(s) would be reformatted, {unchanged} already canonical, {refused} not formatted",
        "vi": "{changed} tệp cần định dạng lại, {unchanged} tệp đã chuẩn, {refused} tệp không định dạng được",
    },
    "fmt.hint_check": {
        "en": "run `thidua fmt` on these files to apply the changes shown",
        "vi": "chạy `thidua fmt` trên các tệp này để áp dụng các thay đổi ở trên",
    },
    "fmt.no_files": {"en": "no YAML files found in {path}", "vi": "không có tệp YAML nào trong {path}"},
    # ------------------------------------------------------------------ writing files
    "write.exists": {
        "en": "{path} exists; add --force to overwrite it",
        "vi": "{path} đã tồn tại; thêm --force để ghi đè",
    },
    "write.failed": {"en": "cannot write {path}: {detail}", "vi": "không ghi được {path}: {detail}"},
    "write.wrote": {"en": "wrote {path}", "vi": "đã ghi {path}"},
    # ------------------------------------------------------------------ init
    "init.not_dir": {"en": "{path} exists and is not a directory", "vi": "{path} đã tồn tại và không phải thư mục"},
    "init.not_empty": {
        "en": "{path} is not empty; add --force to add the missing files (existing files are never overwritten)",
        "vi": "{path} không trống; thêm --force để tạo các tệp còn thiếu (tệp đã có không bao giờ bị ghi đè)",
    },
    "init.through_link": {
        "en": "{path} is reached through a symbolic link that leaves {directory} (or is a link itself): nothing written",
        "vi": "{path} đi qua một liên kết tượng trưng ra ngoài {directory} (hoặc chính nó là liên kết): không ghi gì",
    },
    "init.created": {"en": "created {path}", "vi": "đã tạo {path}"},
    "init.kept": {"en": "kept {path} (it exists; not overwritten)", "vi": "giữ nguyên {path} (đã có; không ghi đè)"},
    "init.done": {
        "en": "{count} file(s) created under {path}/ (next: cd {path} && git init && thidua validate data/)",
        "vi": "đã tạo {count} tệp trong {path}/ (tiếp theo: cd {path} && git init && thidua validate data/)",
    },
    # ------------------------------------------------------------------ validate --changed-since
    "changed.no_git": {
        "en": "--changed-since needs git, which is not installed (or not on PATH)",
        "vi": "--changed-since cần git, nhưng git chưa được cài (hoặc không có trong PATH)",
    },
    "changed.git_failed": {"en": "git failed: {detail}", "vi": "git báo lỗi: {detail}"},
    "changed.not_repo": {
        "en": "--changed-since: {path} is not inside a git repository",
        "vi": "--changed-since: {path} không nằm trong kho git",
    },
    "changed.unknown_ref": {
        "en": "--changed-since: unknown git ref '{ref}' (in CI, check out with fetch-depth: 0)",
        "vi": "--changed-since: không có tham chiếu git '{ref}' (trong CI, checkout với fetch-depth: 0)",
    },
    "changed.bad_ref": {
        "en": "--changed-since: '{ref}' is not a git ref",
        "vi": "--changed-since: '{ref}' không phải tham chiếu git",
    },
}
