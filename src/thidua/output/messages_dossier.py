"""Messages of the award dossier's Word templates: the TD8xx rules (``awards --docx``)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "TD801": {
        "en": "the template uses the field '{field}', which the data does not have (paragraph {paragraph}: “{text}”)",
        "vi": "mẫu dùng trường '{field}' mà dữ liệu không có (đoạn {paragraph}: “{text}”)",
    },
    "TD801.hint": {
        "en": "use one of the fields listed in docs/awards.md#templates (check the spelling), or delete the template to use the default",
        "vi": "dùng một trong các trường liệt kê ở docs/awards.md#templates (kiểm tra chính tả), hoặc xoá mẫu để dùng mẫu mặc định",
    },
    "TD802": {
        "en": "the template's tags are broken: {detail} (paragraph {paragraph}: “{text}”)",
        "vi": "thẻ trong mẫu bị hỏng: {detail} (đoạn {paragraph}: “{text}”)",
    },
    "TD802.hint": {
        "en": "each {{{{ … }}}} and {{% … %}} must be closed, and every {{%p for %}} / {{%p if %}} needs its {{%p endfor %}} / {{%p endif %}}",
        "vi": "mỗi {{{{ … }}}} và {{% … %}} phải được đóng, và mỗi {{%p for %}} / {{%p if %}} cần {{%p endfor %}} / {{%p endif %}} tương ứng",
    },
    "TD803": {
        "en": "not a readable Word document ({detail})",
        "vi": "không phải tệp Word đọc được ({detail})",
    },
    "TD803.hint": {
        "en": "save it from Word or LibreOffice as .docx (not .doc), or delete it to use the default",
        "vi": "lưu lại từ Word hoặc LibreOffice dạng .docx (không phải .doc), hoặc xoá để dùng mẫu mặc định",
    },
    "TD804": {
        "en": "not one of the dossier's templates, so not used (the names are to-trinh.docx, bien-ban.docx, bao-cao-thanh-tich.docx)",
        "vi": "không phải mẫu nào của hồ sơ nên không được dùng (tên mẫu là to-trinh.docx, bien-ban.docx, bao-cao-thanh-tich.docx)",
    },
    "TD804.hint": {
        "en": "rename it to the document it replaces (saved as .docx), or move it out of templates/",
        "vi": "đổi tên theo văn bản mà nó thay thế (lưu dạng .docx), hoặc chuyển ra khỏi templates/",
    },
    "awards.template.failed": {
        "en": "no document was written: a Word template in templates/ has an error (docs/awards.md#templates)",
        "vi": "chưa ghi văn bản nào: một mẫu Word trong templates/ có lỗi (docs/awards.md#templates)",
    },
}
