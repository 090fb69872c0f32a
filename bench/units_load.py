"""Time the first load of the national units (``thidua.units.national_units``), each run in a fresh process.

    python bench/units_load.py            # 15 fresh processes; prints best and median, in ms
    python bench/units_load.py --runs 5

What is timed: the import of ``thidua.units`` (separately) and the first ``national_units()`` call,
which reads and parses the three TSV files (~14,000 rows). Not a test: the figures depend on the
machine; the README of this folder and docs/units.md record them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

PROBE = """
import json, time
t0 = time.perf_counter()
import thidua.units as units
t1 = time.perf_counter()
n = len(units.national_units())
t2 = time.perf_counter()
units.search("phuc xa")
t3 = time.perf_counter()
print(json.dumps({"rows": n, "import": (t1 - t0) * 1e3, "load": (t2 - t1) * 1e3, "first_search": (t3 - t2) * 1e3}))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    runs = [json.loads(subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout)
            for _ in range(args.runs)]
    print(f"rows: {runs[0]['rows']}  runs: {len(runs)} (fresh process each)")
    for key in ("import", "load", "first_search"):
        values = [r[key] for r in runs]
        print(f"{key:>13}: best {min(values):6.1f} ms   median {statistics.median(values):6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
