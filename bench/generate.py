"""Generate a synthetic data repository of N cluster-years, in the real format, for benchmarks.

    python bench/generate.py OUT_DIR --files 2000 [--seed 7]

The repository is valid (``thidua validate OUT_DIR`` exits 0) and realistic in size: 5–12 members
drawn from the shipped registry (units valid that year, each in one cluster per organiser per
year), 10–25 indicators with Vietnamese names, scores within their bounds, leadership that follows
the previous year's election, awards within the ladder's quotas, sources and facts. The same
``--files`` and ``--seed`` always give byte-identical files.

``--broken FRACTION`` then breaks that fraction of the cluster-year files (chosen by the seed, the
rest stay byte-identical to a ``--broken 0`` run), one realistic mistake each, in turn:

* wrong-type    a score written as text (``ct-03: "8,5"``, the Vietnamese decimal comma), TD103;
* unknown-id    a member id mistyped everywhere in the file (``bac-ninh`` -> ``bac-nin``), TD201
                with its "did you mean" search, plus the checks that depend on the member;
* duplicate-key a member's score for one indicator given twice (a pasted row), TD012;
* out-of-range  a score above the indicator's ``max`` (TD1xx range check).

so that the error path (locating each problem, its line and column, rendering the report) can be
timed: ``thidua validate`` exits 1 on such a repository.

Scale comes from organisers: each sector (a ministry-level organiser, "Khối thi đua ngành …")
partitions the 63 provinces of 2001–2024 into clusters of 5–12, so sectors × clusters × 24 years
reaches any N up to and beyond 20,000 without a unit sitting in two clusters of one organiser.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parent / "data"
YEARS = list(range(2001, 2025))  # before the 2025 merger: the same 63 provinces every year

SECTORS = [
    "Tài chính", "Thuế", "Hải quan", "Kho bạc Nhà nước", "Ngân hàng", "Giáo dục và Đào tạo", "Y tế",
    "Tư pháp", "Nội vụ", "Công Thương", "Xây dựng", "Giao thông vận tải", "Nông nghiệp và Môi trường",
    "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ", "Lao động - Thương binh và Xã hội",
    "Thống kê", "Bảo hiểm xã hội", "Thanh tra", "Dân tộc và Tôn giáo", "Kế hoạch và Đầu tư",
    "Tài nguyên và Môi trường", "Thông tin và Truyền thông", "Ngoại vụ", "Công an", "Quân sự",
    "Tòa án nhân dân", "Viện kiểm sát nhân dân", "Mặt trận Tổ quốc", "Đoàn Thanh niên", "Hội Phụ nữ",
    "Hội Nông dân", "Công đoàn", "Hội Cựu chiến binh", "Liên minh Hợp tác xã", "Ban Dân vận",
]
GROUPS = {
    "kinh-te": [
        "Tốc độ tăng trưởng kinh tế so với kế hoạch", "Thu ngân sách nhà nước so với dự toán",
        "Giải ngân vốn đầu tư công", "Kim ngạch xuất khẩu", "Thu hút đầu tư, phát triển doanh nghiệp",
        "Xây dựng nông thôn mới nâng cao, kiểu mẫu", "Chuyển đổi số, kinh tế số",
    ],
    "xa-hoi": [
        "Giải quyết việc làm, giảm tỷ lệ hộ nghèo", "Giáo dục, đào tạo, trường đạt chuẩn quốc gia",
        "Y tế, tỷ lệ người dân tham gia bảo hiểm y tế", "Văn hóa, thể thao, gia đình",
        "Chăm sóc người có công, an sinh xã hội",
    ],
    "tdkt": [
        "Tổ chức, triển khai các phong trào thi đua", "Phát hiện, nhân rộng điển hình tiên tiến",
        "Công tác khen thưởng đúng quy định", "Tham gia hoạt động của Khối, báo cáo đúng hạn",
    ],
    "dang-chinh-quyen": [
        "Cải cách hành chính (PAR INDEX, SIPAS)", "Xây dựng Đảng, chính quyền trong sạch vững mạnh",
        "Phòng, chống tham nhũng, lãng phí", "Tiếp công dân, giải quyết khiếu nại, tố cáo",
    ],
    "an-ninh": ["Quốc phòng, an ninh, trật tự an toàn xã hội", "Phòng cháy, chữa cháy, cứu nạn, cứu hộ"],
}
PLACES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Huế", "Nha Trang", "Cần Thơ", "Vinh", "Thanh Hóa", "Buôn Ma Thuột", "Quy Nhơn"]


def registry_units(registry_path: Path) -> list[str]:
    """Ids of the units valid every year of YEARS (the 63 provinces before the 2025 merger)."""
    import datetime as dt

    units = yaml.load(registry_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["units"]
    first, last = dt.date(YEARS[0], 12, 31), dt.date(YEARS[-1], 12, 31)
    return [
        u["id"] for u in units
        if (u.get("valid_from") is None or u["valid_from"] <= first) and (u.get("valid_to") is None or u["valid_to"] >= last)
    ]


def partition(units: list[str], rng: random.Random) -> list[list[str]]:
    """Cut a shuffled list into clusters of 5–12 members."""
    pool = units[:]
    rng.shuffle(pool)
    clusters: list[list[str]] = []
    while pool:
        size = rng.randint(5, 12)
        if len(pool) - size < 5:
            size = len(pool) if len(pool) <= 12 else len(pool) - 5
        clusters.append(pool[:size])
        pool = pool[size:]
    return clusters


def cluster_text(cid: str, sector: str, number: int, sector_index: int) -> str:
    return f"""# Khối thi đua số {number} ngành {sector} (dữ liệu tổng hợp cho đo hiệu năng).
id: {cid}
name: "Khối thi đua số {number} ngành {sector} các tỉnh, thành phố"
kind: khoi
organiser:
  level: ministry
  name: "Ban Thi đua - Khen thưởng ngành {sector} (khối {sector_index})"
rules:
  tie_break: ["group:kinh-te", votes]
  awards:
    - award: co-thi-dua-bo
      count: 1
    - award: bang-khen-thu-tuong
      share: 0.2
      rounding: floor
  rotation:
    policy: elected
    vice_chairs: 2
sources:
  - title: "Quy chế hoạt động Khối thi đua số {number} ngành {sector}"
    document: "{100 + number}/QĐ-BTĐKT"
    publisher: "Ban Thi đua - Khen thưởng ngành {sector}"
    date: 2020-01-15
"""


def leaders(members: list[str], year: int) -> tuple[str, list[str]]:
    n = len(members)
    k = year % n
    return members[k], [members[(k + 1) % n], members[(k + 2) % n]]


def year_text(cid: str, number: int, sector: str, members: list[str], year: int, rng: random.Random) -> str:
    chair, vices = leaders(members, year)
    next_chair, next_vices = leaders(members, year + 1)
    n_ind = rng.randint(10, 25)
    names = [(g, name) for g, items in GROUPS.items() for name in items]
    rng.shuffle(names)
    names.sort(key=lambda pair: pair[0] != "kinh-te")  # stable: one economic indicator always first
    names = names[:1] + rng.sample(names[1:], len(names) - 1)
    indicators = []
    for i, (group, name) in enumerate(names[: n_ind - 2]):
        indicators.append((f"ct-{i + 1:02d}", name, group, rng.choice((5, 6, 7, 8, 10, 12, 15)), "scored"))
    indicators.append(("diem-thuong", "Điểm thưởng (sáng kiến, mô hình mới được Khối công nhận)", None, 5, "bonus"))
    indicators.append(("diem-tru", "Điểm trừ (báo cáo chậm, vắng hội nghị)", None, 5, "deduction"))
    out = [
        f"# Khối thi đua số {number} ngành {sector}, năm {year}. Số liệu tổng hợp, không phải số thật.",
        f"cluster: {cid}",
        f"year: {year}",
        "scores_illustrative: true",
        "",
        f"members: [{', '.join(members)}]",
        "",
        "leadership:",
        f"  chair: {chair}",
        f"  vice_chairs: [{', '.join(vices)}]",
        "",
        "# Suy tôn Khối trưởng, Khối phó năm sau tại hội nghị tổng kết.",
        "election:",
        f"  date: {year + 1}-01-{rng.randint(10, 28)}",
        f"  chair: {next_chair}",
        f"  vice_chairs: [{', '.join(next_vices)}]",
        "",
        "review:",
        f"  date: {year + 1}-01-{rng.randint(10, 28)}",
        f'  place: "{rng.choice(PLACES)}"',
        "",
        "indicators:",
    ]
    for iid, name, group, top, kind in indicators:
        out += [f"  - id: {iid}", f'    name: "{name}"']
        if group:
            out.append(f"    group: {group}")
        out.append(f"    max: {top}")
        if kind != "scored":
            out.append(f"    kind: {kind}")
    out += ["", "scores:"]
    totals = {}
    for member in members:
        out.append(f"  {member}:")
        total = 0.0
        for iid, _, _, top, kind in indicators:
            score = round(rng.uniform(0.5 if kind == "scored" else 0, top if kind == "scored" else top / 2), 1)
            total += -score if kind == "deduction" else score
            out.append(f"    {iid}: {score}")
        totals[member] = total
    voters = len(members)
    out += ["", "votes:", f"  voters: {voters}", "  counts:"]
    for member in members:
        out.append(f"    {member}: {rng.randint(0, voters)}")
    ranked = sorted(members, key=lambda m: -totals[m])
    second = int(0.2 * len(members) + 1e-9)
    out += ["", "awards:", f"  - member: {ranked[0]}", "    award: co-thi-dua-bo"]
    for member in ranked[1 : 1 + second]:
        out += [f"  - member: {member}", "    award: bang-khen-thu-tuong"]
    out += [
        "",
        "facts:",
        '  - label: "Tổng thu ngân sách nhà nước của các đơn vị trong Khối"',
        f"    value: {rng.randint(1000, 90000)}",
        '    unit: "tỷ đồng"',
        '  - label: "Số sáng kiến được công nhận"',
        f"    value: {rng.randint(5, 400)}",
        "",
        "sources:",
        f'  - title: "Báo cáo tổng kết công tác thi đua, khen thưởng năm {year} của Khối thi đua số {number}"',
        f'    url: "https://thiduakhenthuong.example.vn/khoi-{number}/{year}/tong-ket"',
        f'    publisher: "Ban Thi đua - Khen thưởng ngành {sector}"',
        f"    date: {year + 1}-02-0{rng.randint(1, 9)}",
        "",
    ]
    return "\n".join(out)


BREAKAGES = ("wrong-type", "unknown-id", "duplicate-key", "out-of-range")
SCORE_LINE = re.compile(r"^    (ct-\d\d): (\d+(?:\.\d+)?)$", re.MULTILINE)


def break_year(text: str, kind: str, rng: random.Random) -> str:
    """One realistic mistake in a generated cluster-year file (see the module's docstring)."""
    scores = list(SCORE_LINE.finditer(text))
    if kind == "wrong-type":
        hit = rng.choice(scores)
        comma = hit.group(2).replace(".", ",") if "." in hit.group(2) else hit.group(2) + ",5"
        return text[: hit.start()] + f'    {hit.group(1)}: "{comma}"' + text[hit.end() :]
    if kind == "unknown-id":
        members = re.search(r"^members: \[(.*)\]$", text, re.MULTILINE).group(1).split(", ")  # type: ignore[union-attr]
        victim = rng.choice(members)
        return re.sub(rf"(?<![\w-]){re.escape(victim)}(?![\w-])", victim[:-1], text)
    if kind == "duplicate-key":
        hit = rng.choice(scores)
        return text[: hit.end()] + f"\n    {hit.group(1)}: {hit.group(2)}" + text[hit.end() :]
    if kind == "out-of-range":
        hit = rng.choice(scores)
        top = int(re.search(rf"- id: {hit.group(1)}\n.*\n(?:    group: .*\n)?    max: (\d+)", text).group(1))  # type: ignore[union-attr]
        return text[: hit.start()] + f"    {hit.group(1)}: {top + 2.5}" + text[hit.end() :]
    raise ValueError(kind)


def generate(out: Path, files: int, seed: int = 7, broken: float = 0.0) -> int:
    """Write ``files`` cluster-year files (plus their cluster.yaml files) under ``out``.

    ``broken`` (0–1) is the share of cluster-year files given one mistake each, in BREAKAGES' turn.
    """
    rng = random.Random(seed)
    chooser = random.Random(f"broken-{seed}")  # its own stream: the valid files do not change
    chosen = sorted(chooser.sample(range(files), round(files * broken))) if broken else []
    to_break = {index: BREAKAGES[turn % len(BREAKAGES)] for turn, index in enumerate(chosen)}
    registry = SHIPPED / "provinces.yaml"
    units = registry_units(registry)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(registry, out / "provinces.yaml")
    written = 0
    sector_index = 0
    while written < files:
        sector = SECTORS[sector_index % len(SECTORS)]
        round_no = sector_index // len(SECTORS) + 1
        for number, members in enumerate(partition(units, rng), 1):
            if written >= files:
                break
            cid = f"nganh-{sector_index + 1:03d}-khoi-{number:02d}"
            directory = out / "clusters" / cid
            directory.mkdir(parents=True, exist_ok=True)
            label = sector if round_no == 1 else f"{sector} (đợt {round_no})"
            (directory / "cluster.yaml").write_text(cluster_text(cid, label, number, sector_index + 1), encoding="utf-8")
            for year in YEARS:
                if written >= files:
                    break
                text = year_text(cid, number, label, members, year, rng)
                if written in to_break:
                    text = break_year(text, to_break[written], chooser)
                (directory / f"{year}.yaml").write_text(text, encoding="utf-8")
                written += 1
        sector_index += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="directory to create (must be empty or absent)")
    parser.add_argument("--files", type=int, default=2000, help="number of cluster-year files (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--broken", type=float, default=0.0, metavar="FRACTION",
                        help="share of cluster-year files given one realistic mistake each (default 0: all valid)")
    args = parser.parse_args(argv)
    if not 0 <= args.broken <= 1:
        parser.error("--broken is a fraction between 0 and 1")
    if args.out.exists() and any(args.out.iterdir()):
        print(f"{args.out} is not empty", file=sys.stderr)
        return 2
    n = generate(args.out, args.files, args.seed, args.broken)
    broken = f", {round(args.files * args.broken)} of them broken" if args.broken else ""
    print(f"{n} cluster-year files written to {args.out}{broken}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
