"""Messages of ``thidua units``: finding the id of a province, district, commune or agency."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "units.col.id": {"en": "Id", "vi": "Mã định danh"},
    "units.col.name": {"en": "Name", "vi": "Tên"},
    "units.col.level": {"en": "Level", "vi": "Cấp"},
    "units.col.code": {"en": "Code", "vi": "Mã số"},
    "units.col.parent": {"en": "In", "vi": "Thuộc"},
    "units.col.from": {"en": "Valid from", "vi": "Hiệu lực từ"},
    "units.col.to": {"en": "Valid to", "vi": "Hiệu lực đến"},
    "units.level.province": {"en": "province", "vi": "cấp tỉnh"},
    "units.level.district": {"en": "district", "vi": "cấp huyện"},
    "units.level.commune": {"en": "commune", "vi": "cấp xã"},
    "units.level.agency": {"en": "agency", "vi": "cơ quan, đơn vị"},
    "units.title": {"en": "Units on {day}", "vi": "Đơn vị ngày {day}"},
    "units.title_query": {"en": "Units on {day} matching “{query}”", "vi": "Đơn vị ngày {day} khớp với “{query}”"},
    "units.count": {"en": "{count} unit(s)", "vi": "{count} đơn vị"},
    "units.none": {"en": "no unit found on {day}", "vi": "không tìm thấy đơn vị nào ngày {day}"},
    "units.bad_date": {
        "en": "--on: not a date: '{value}' (write 2024-01-01 or 01/01/2024)",
        "vi": "--on: không phải ngày: '{value}' (viết 2024-01-01 hoặc 01/01/2024)",
    },
    "units.unknown_in": {
        "en": "--in: no province or district with id '{unit}'{suggestion}",
        "vi": "--in: không có tỉnh hoặc huyện nào có mã định danh '{unit}'{suggestion}",
    },
    "units.registry_problems": {
        "en": "{path} has {count} error(s); `thidua validate` lists them",
        "vi": "{path} có {count} lỗi; chạy `thidua validate` để xem",
    },
}
