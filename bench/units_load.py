"""Time the first load of the national units (``thidua.repository.units.national_units``), each run in a fresh process.

    python bench/units_load.py            # 15 fresh processes; prints best and median, in ms
    python bench/units_load.py --runs 5

What is timed, as wall time and as this process's CPU time: the import of ``thidua.repository.units`` (separately) and the first ``national_units()`` call,
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
t0, c0 = time.perf_counter(), time.process_time()
import thidua.repository.units as units
t1, c1 = time.perf_counter(), time.process_time()
n = len(units.national_units())
t2, c2 = time.perf_counter(), time.process_time()
units.search("phuc xa")
t3, c3 = time.perf_counter(), time.process_time()
print(json.dumps({"rows": n, "import": (t1 - t0) * 1e3, "load": (t2 - t1) * 1e3, "first_search": (t3 - t2) * 1e3,
                  "import_cpu": (c1 - c0) * 1e3, "load_cpu": (c2 - c1) * 1e3, "first_search_cpu": (c3 - c2) * 1e3}))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    runs = [json.loads(subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout)
            for _ in range(args.runs)]
    print(f"rows: {runs[0]['rows']}  runs: {len(runs)} (fresh process each)")
    # Wall time suffers when other jobs share the cores; CPU time of the process much less so.
    for key in ("import", "load", "first_search", "import_cpu", "load_cpu", "first_search_cpu"):
        values = [r[key] for r in runs]
        print(f"{key:>13}: best {min(values):6.1f} ms   median {statistics.median(values):6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
