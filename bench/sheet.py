"""Time ``thidua sheet export`` and ``import`` on a 12-member × 30-indicator cluster-year.

    python bench/sheet.py [--repeat 5]

Builds a data directory (the shipped registry) with one cluster (12 provinces of 2023, 30 scored indicators in 5
groups plus a bonus and a deduction), then times, in-process (no interpreter start-up):
export per-member, export matrix, and the import of each into the year file with its scores
removed (read, match, check, validate in memory, write). Prints the median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
MEMBERS = ["ha-noi", "hai-phong", "quang-ninh", "bac-ninh", "hai-duong", "hung-yen", "thai-binh", "nam-dinh",
           "ninh-binh", "ha-nam", "vinh-phuc", "thanh-hoa"]
CLUSTER = """id: bench-sheet
name: "Cụm thi đua thử nghiệm (benchmark)"
kind: cum
organiser:
  level: central
  name: "Ban Thi đua - Khen thưởng Trung ương"
rules:
  tie_break: [bonus]
sources:
  - title: "Dữ liệu tổng hợp cho benchmark"
    note: "Không phải số liệu thật."
"""


def year_text(scores: bool, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = ["cluster: bench-sheet", "year: 2023", "scores_illustrative: true", f"members: [{', '.join(MEMBERS)}]", "indicators:"]
    indicators = []
    for n in range(30):
        ident = f"ct-{n + 1:02d}"
        indicators.append((ident, 10))
        lines += [f"  - id: {ident}", f'    name: "Tiêu chí thi đua số {n + 1} về phát triển kinh tế - xã hội"', f"    group: nhom-{n // 6 + 1}", "    max: 10"]
    lines += ['  - id: diem-thuong', '    name: "Điểm thưởng"', "    max: 5", "    kind: bonus",
              '  - id: diem-tru', '    name: "Điểm trừ"', "    max: 5", "    kind: deduction"]
    if scores:
        lines.append("scores:")
        for member in MEMBERS:
            lines.append(f"  {member}:")
            for ident, top in indicators:
                lines.append(f"    {ident}: {rng.randint(10, 2 * top) / 2}")
            lines += [f"    diem-thuong: {rng.randint(0, 10) / 2}", f"    diem-tru: {rng.randint(0, 4) / 2}"]
    lines += ["sources:", '  - title: "Dữ liệu tổng hợp cho benchmark"', '    note: "Không phải số liệu thật."']
    return "\n".join(lines) + "\n"


def timed(repeat: int, setup, action) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        setup()
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from thidua.services.sheet import export_sheet, import_sheet

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        cluster_dir = root / "clusters" / "bench-sheet"
        cluster_dir.mkdir(parents=True)
        shutil.copy(DATA / "provinces.yaml", root / "provinces.yaml")
        (cluster_dir / "cluster.yaml").write_text(CLUSTER, encoding="utf-8")
        year = cluster_dir / "2023.yaml"
        full, empty = year_text(True), year_text(False)
        print(f"{len(MEMBERS)} members × 30 indicators (+ bonus, deduction) = {len(MEMBERS) * 32} scores; median of {args.repeat}")
        for layout in ("per-member", "matrix"):
            out = Path(tmp) / f"{layout}.xlsx"

            def setup_export(out: Path = out) -> None:
                year.write_text(full, encoding="utf-8")
                out.unlink(missing_ok=True)

            seconds = timed(args.repeat, setup_export, lambda out=out, layout=layout: export_sheet(root, "bench-sheet", 2023, out, layout))
            print(f"export {layout:<10} {seconds * 1000:7.0f} ms   {out.stat().st_size / 1024:6.0f} KiB")

            def do_import(out: Path = out) -> None:
                result = import_sheet(out, root)
                assert result.ok and result.written, [d.code for d in result.diagnostics]

            seconds = timed(args.repeat, lambda: year.write_text(empty, encoding="utf-8"), do_import)
            print(f"import {layout:<10} {seconds * 1000:7.0f} ms")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
