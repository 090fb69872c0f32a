"""Generate the national lists of districts and communes shipped in ``src/thidua/repository/units/``.

Generation-time requirement (NOT a dependency of thidua; install it only where you run this):

    pip install vietnamadminunits==1.0.4          # MIT licence, (c) 2025 Tran Ngoc Minh Hieu
    # or, to skip its run-time dependencies (shapely, geopy…), which this script does not use:
    pip install --no-deps vietnamadminunits==1.0.4

    python scripts/generate_units.py              # rewrites src/thidua/repository/units/*
    python scripts/generate_units.py --check      # exit 1 if the shipped files differ (ignores the date)

What it reads:
- the SQLite file ``vietnamadminunits/data/dataset.db`` inside that package, found through the
  installed distribution's file list so the package itself (and its heavy imports) is never
  imported: table ``admin_units_legacy`` (63 provinces, 696 districts, 10,035 communes: the old map
  as it stood on 30/06/2025) and table ``admin_units`` (34 provinces, 3,321 communes from
  01/07/2025);
- ``data/provinces.yaml`` to turn the two-digit province codes into our province ids: a code means
  the unit valid on 30/06/2025 for the old map (46 → ``hue``) and on 01/07/2025 for the new one
  (37 → ``ninh-binh-2025``), since codes were reused;
- ``scripts/units_overrides.yaml``: hand-kept changes made before 30/06/2025 that the source's
  snapshot cannot show (Mỹ Lộc merged into Nam Định city on 01/01/2025).

Ids are derived once here and written out, so the loader never recomputes them: see ``district_id``,
``old_commune_ids`` and ``new_commune_ids`` for the scheme and its tie-breaks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.metadata
import json
import sqlite3
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from thidua.domain.registry import slugify  # ids follow the registry's own rule: the id a clerk would guess

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "thidua" / "repository" / "units"
PROVINCES = ROOT / "data" / "provinces.yaml"
OVERRIDES = ROOT / "scripts" / "units_overrides.yaml"

SOURCE = "vietnamadminunits"
SOURCE_VERSION = "1.0.4"
SOURCE_LICENCE = "MIT"
SOURCE_COPYRIGHT = "Copyright (c) 2025 Tran Ngoc Minh Hieu"
SOURCE_URL = "https://pypi.org/project/vietnamadminunits/1.0.4/"

LAST_OLD_DAY = dt.date(2025, 6, 30)  # last day of the 3-level map
FIRST_NEW_DAY = dt.date(2025, 7, 1)  # Resolution 202/2025/QH15 and the 2-level local government

COLUMNS = ["id", "code", "name", "district", "province", "valid_from", "valid_to", "successor"]
FILES = {
    "districts-2025-06-30.tsv": "district",
    "communes-2025-06-30.tsv": "commune",
    "communes-2025-07-01.tsv": "commune",
}
MAX_ID = 64  # models.UnitId's limit: these ids may one day sit in cluster files


PREFIXES = ("Thành phố", "Thị xã", "Thị trấn", "Quận", "Huyện", "Phường", "Xã", "Đặc khu")


def nfc(text: str) -> str:
    """NFC, single spaces, and the type prefix in its official case.

    The source writes a few prefixes in title case ("Thành Phố Bắc Kạn", "Thị Trấn Ái Tử"). Its type
    columns disagree with the names in a handful of rows (wardType "Xã" for "Thị trấn Ngọc Lặc"),
    so the name, not the type column, is what we keep: it is the official full name.
    """
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    for prefix in PREFIXES:
        if text.casefold().startswith(prefix.casefold() + " "):
            return prefix + text[len(prefix) :]
    raise SystemExit(f"no known type prefix: {text!r}")


def short(name: str) -> str:
    """The name without its type, for ids: "Quận Ba Đình" -> "Ba Đình", but "Quận 1" stays whole.

    The source's own short names carry disambiguators ("Kỳ Anh (Huyện)") that would leak into ids.
    """
    for prefix in PREFIXES:
        if name.startswith(prefix + " "):
            rest = name[len(prefix) + 1 :]
            return name if rest.isdigit() else rest
    return name


def source_db(explicit: Path | None) -> tuple[Path, str]:
    if explicit is not None:
        return explicit, SOURCE_VERSION
    try:
        dist = importlib.metadata.distribution(SOURCE)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"{SOURCE} is not installed: pip install {SOURCE}=={SOURCE_VERSION} (or pass --db)")
    if dist.version != SOURCE_VERSION:
        # Another version may renumber or rename units; regenerate deliberately, not by accident.
        sys.exit(f"{SOURCE} {dist.version} is installed, this script was written against {SOURCE_VERSION}")
    path = Path(str(dist.locate_file(f"{SOURCE}/data/dataset.db")))
    if not path.is_file():
        sys.exit(f"{path} not found in the installed {SOURCE}")
    return path, dist.version


def province_ids(day: dt.date) -> dict[str, str]:
    """Two-digit code -> id of the province valid on ``day`` (codes were reused on 01/07/2025)."""
    units = yaml.safe_load(PROVINCES.read_text(encoding="utf-8"))["units"]
    out: dict[str, str] = {}
    for unit in units:
        start, end = unit.get("valid_from"), unit.get("valid_to")
        if unit.get("code") and (start is None or start <= day) and (end is None or day <= end):
            if unit["code"] in out:
                raise SystemExit(f"code {unit['code']} means two provinces on {day}")
            out[unit["code"]] = unit["id"]
    return out


def district_id(name: str, province: str) -> str:
    # "Quận Ba Đình" in ha-noi -> quan-ba-dinh-ha-noi: the type stays in the id because a town and a
    # district of one province can share a name (Thị xã Kỳ Anh and Huyện Kỳ Anh, Hà Tĩnh).
    return f"{slugify(name)}-{province}"


def old_commune_ids(rows: list[dict[str, Any]]) -> list[str]:
    """``<type>-<name>-<district name>-<province>``: phuong-phuc-xa-ba-dinh-ha-noi.

    Tie-breaks, only for the rows that collide: when they lie in different districts of one province
    that share a name (Thị xã and Huyện Kỳ Anh), the district's type joins its name
    (…-thi-xa-ky-anh-ha-tinh); when they lie in one district (Xã Trực Hưng and Xã Trực Hùng fold to
    one slug), every one of them gets its code appended, so no one of the pair looks like "the" one.
    """
    ids = [f"{slugify(r['ward'])}-{slugify(short(r['district']))}-{r['province_id']}" for r in rows]
    groups: dict[str, set[str]] = {}
    for i, r in zip(ids, rows, strict=True):
        groups.setdefault(i, set()).add(r["districtCode"])
    ids = [
        f"{slugify(r['ward'])}-{slugify(r['district'])}-{r['province_id']}" if len(groups[i]) > 1 else i
        for i, r in zip(ids, rows, strict=True)
    ]
    seen = Counter(ids)
    return [f"{i}-{r['wardCode']}" if seen[i] > 1 else i for i, r in zip(ids, rows, strict=True)]


def new_commune_ids(rows: list[dict[str, Any]], taken: set[str]) -> list[str]:
    """``<type>-<name>-<province>``: phuong-ba-dinh-ha-noi, xa-my-loc-ninh-binh-2025.

    Districts no longer exist, so the province is the only qualifier. Where an id of the old map (valid
    on other days) is the same slug, ``-2025`` is appended, as data/provinces.yaml does for a province
    that kept its name; a clash inside the new map itself falls back to the code.
    """
    ids = [f"{slugify(r['ward'])}-{r['province_id']}" for r in rows]
    ids = [f"{i}-2025" if i in taken else i for i in ids]
    seen = Counter(ids)
    return [f"{i}-{r['wardCode']}" if seen[i] > 1 else i for i, r in zip(ids, rows, strict=True)]


def read(db: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        conn.row_factory = sqlite3.Row
        old = [dict(r) for r in conn.execute("SELECT * FROM admin_units_legacy")]
        new = [dict(r) for r in conn.execute("SELECT * FROM admin_units")]
    return old, new


def build(db: Path, overrides: dict[str, Any]) -> dict[str, list[list[str]]]:
    old, new = read(db)
    old_prov, new_prov = province_ids(LAST_OLD_DAY), province_ids(FIRST_NEW_DAY)
    last, first = LAST_OLD_DAY.isoformat(), FIRST_NEW_DAY.isoformat()

    # ---- districts of the old map (the source repeats them on every commune row)
    districts: dict[str, dict[str, Any]] = {}
    for r in old:
        code = r["districtCode"]
        entry = {"code": code, "name": nfc(r["district"]), "province": old_prov[r["provinceCode"]],
                 "valid_from": "", "valid_to": last, "successor_code": ""}
        if districts.setdefault(code, entry) != entry:
            raise SystemExit(f"district {code} is described two ways in the source")
    for add in overrides.get("districts", {}).get("add") or []:
        code = str(add["code"])
        if code in districts:
            raise SystemExit(f"override adds district {code}, which the source already has")
        districts[code] = {"code": code, "name": nfc(add["name"]), "province": add["province"],
                           "valid_from": str(add.get("valid_from") or ""), "valid_to": str(add["valid_to"]),
                           "successor_code": str(add.get("merged_into") or "")}
    for upd in overrides.get("districts", {}).get("update") or []:
        districts[str(upd["code"])]["valid_from"] = str(upd["valid_from"])
    by_code = {code: district_id(d["name"], d["province"]) for code, d in districts.items()}
    district_rows = [
        [by_code[code], code, d["name"], "", d["province"], d["valid_from"], d["valid_to"],
         by_code[d["successor_code"]] if d["successor_code"] else ""]
        for code, d in sorted(districts.items())
    ]

    # ---- communes of the old map; the five island districts without communes have no ward row
    old_rows = [dict(r, province_id=old_prov[r["provinceCode"]], ward=nfc(r["ward"]), district=nfc(r["district"]))
                for r in old if r["wardCode"]]
    old_rows.sort(key=lambda r: r["wardCode"])
    old_rows_ids = old_commune_ids(old_rows)
    old_communes = [
        [i, r["wardCode"], nfc(r["ward"]), by_code[r["districtCode"]], r["province_id"], "", last, ""]
        for i, r in zip(old_rows_ids, old_rows, strict=True)
    ]

    # ---- communes of the new map
    new_rows = sorted((dict(r, province_id=new_prov[r["provinceCode"]], ward=nfc(r["ward"])) for r in new),
                      key=lambda r: r["wardCode"])
    taken = {row[0] for row in district_rows} | set(old_rows_ids)
    new_communes = [
        [i, r["wardCode"], nfc(r["ward"]), "", r["province_id"], first, "", ""]
        for i, r in zip(new_commune_ids(new_rows, taken), new_rows, strict=True)
    ]

    tables = dict(zip(FILES, [district_rows, old_communes, new_communes], strict=True))
    ids = [row[0] for rows in tables.values() for row in rows]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    if dupes:
        raise SystemExit(f"ids not unique: {dupes[:5]}")
    too_long = [i for i in ids if len(i) > MAX_ID]
    if too_long:
        raise SystemExit(f"ids longer than {MAX_ID}: {too_long[:5]}")
    return tables


def render(rows: list[list[str]]) -> str:
    for row in rows:
        if any("\t" in cell or "\n" in cell for cell in row):
            raise SystemExit(f"a tab or newline inside a cell: {row}")
    return "\t".join(COLUMNS) + "\n" + "".join("\t".join(row) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="dataset.db taken from the vietnamadminunits 1.0.4 wheel")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="generation date written to meta.json")
    parser.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    args = parser.parse_args(argv)

    db, version = source_db(args.db)
    overrides = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8")) or {}
    texts = {name: render(rows) for name, rows in build(db, overrides).items()}
    meta = {
        "source": {
            "name": SOURCE, "version": version, "licence": SOURCE_LICENCE, "copyright": SOURCE_COPYRIGHT,
            "url": SOURCE_URL, "licence_file": "LICENSE-vietnamadminunits.txt",
            "tables": {"admin_units_legacy": "old map, state of 2025-06-30", "admin_units": "new map, from 2025-07-01"},
        },
        "generated": args.date,
        "generator": "scripts/generate_units.py",
        "overrides": "scripts/units_overrides.yaml",
        "columns": COLUMNS,
        "files": {
            name: {"level": FILES[name], "rows": text.count("\n") - 1,
                   "sha256": hashlib.sha256(text.encode()).hexdigest()}
            for name, text in texts.items()
        },
    }
    meta_text = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
    licence = Path(str(importlib.metadata.distribution(SOURCE).locate_file(
        f"{SOURCE}-{SOURCE_VERSION}.dist-info/licenses/LICENSE"))) if args.db is None else None

    if args.check:
        stale = [n for n, t in texts.items() if not (args.out / n).is_file() or (args.out / n).read_text(encoding="utf-8") != t]
        for name in stale:
            print(f"differs: {args.out / name}")
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.out / name).write_text(text, encoding="utf-8", newline="\n")
    (args.out / "meta.json").write_text(meta_text, encoding="utf-8", newline="\n")
    if licence is not None and licence.is_file():
        # MIT asks that the notice travel with substantial portions of the data.
        (args.out / "LICENSE-vietnamadminunits.txt").write_text(licence.read_text(encoding="utf-8"), encoding="utf-8")
    for name, info in meta["files"].items():
        print(f"{info['rows']:>6} {info['level']:<9} {args.out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
