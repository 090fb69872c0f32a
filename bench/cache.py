"""Benchmark the cache (issue 16): cold, warm, one change, and a one-cluster `rank`, on generated data.

    python bench/cache.py --files 2000 [--repeat 3] [--data DIR]
    python bench/cache.py --files 10000 --repeat 1

Each figure is a fresh ``thidua`` process (start-up included): wall time, CPU time (of the process and its worker
processes, from ``wait4``) and peak memory (``ru_maxrss`` from ``wait4``: the largest resident
size among the process and its workers, not their sum). One repetition runs, in turn:

* ``--no-cache``: ``thidua validate DIR --no-cache`` (the baseline, what every run cost before);
* ``cold``: ``thidua validate DIR`` with the cache folder deleted first (parses all, writes entries);
* ``warm``: the same again, nothing changed;
* ``one change``: after appending a comment line to one year file (its cluster is checked again);
* ``rank warm``: ``thidua rank YEAR --cluster ID`` on the warm cache; ``rank --no-cache`` the same
  without it (the whole repository loaded).

Every exit status is checked, and the JSON reports of ``one change`` and of ``--no-cache`` after
the same change must be byte-identical (else the run stops). Figures are medians over repetitions;
ratios are paired (taken within a repetition). This script imports neither thidua nor yaml.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
THIDUA = [PY, "-m", "thidua"]


def run(args: list[str], expect: tuple[int, ...] = (0, 1)) -> tuple[float, float, float, bytes]:
    """Wall seconds, CPU seconds, peak MB of the process, and its stdout."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # bytecode as installed (see run.py)
        process = subprocess.Popen([*THIDUA, *args], stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code not in expect:
            raise SystemExit(f"thidua {' '.join(args)} exited {code}; the benchmark stops")
        out.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, help="a repository generated before (bench/generate.py); default: generate one in a temporary folder")
    parser.add_argument("--year", type=int, default=2010)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="thidua-cache-bench-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    try:
        data = args.data
        if data is None:
            data = scratch / "data"
            subprocess.run([PY, str(HERE / "generate.py"), str(data), "--files", str(args.files)], check=True, stdout=subprocess.DEVNULL)
        data = data.resolve()
        cache = scratch / "cache"
        os.environ["THIDUA_CACHE_DIR"] = str(cache)
        clusters = sorted(p.name for p in (data / "clusters").iterdir() if (p / f"{args.year}.yaml").exists())
        one = clusters[len(clusters) // 2]
        edited = data / "clusters" / one / f"{args.year - 1}.yaml"
        original = edited.read_bytes()
        rows: dict[str, list[tuple[float, float, float]]] = {}
        try:
            for repetition in range(args.repeat):
                edited.write_bytes(original)
                shutil.rmtree(cache, ignore_errors=True)
                figures = {
                    "--no-cache": run(["validate", str(data), "--no-cache", "-f", "json"]),
                    "cold": run(["validate", str(data), "-f", "json"]),
                    "warm": run(["validate", str(data), "-f", "json"]),
                }
                edited.write_bytes(original + f"# bench {repetition}\n".encode())
                figures["one change"] = run(["validate", str(data), "-f", "json"])
                after = run(["validate", str(data), "--no-cache", "-f", "json"])
                if figures["one change"][3] != after[3] or figures["cold"][3] != figures["--no-cache"][3]:
                    raise SystemExit("the cached report differs from the uncached one; the benchmark stops")
                figures["rank warm"] = run(["rank", str(args.year), "--cluster", one, "--data", str(data), "-f", "json"])
                figures["rank --no-cache"] = run(["rank", str(args.year), "--cluster", one, "--data", str(data), "-f", "json", "--no-cache"])
                if figures["rank warm"][3] != figures["rank --no-cache"][3]:
                    raise SystemExit("rank differs with and without the cache; the benchmark stops")
                for key, (wall, cpu, mb, _) in figures.items():
                    rows.setdefault(key, []).append((wall, cpu, mb))
                print(f"repetition {repetition + 1}: " + ", ".join(f"{k} {v[0]:.2f} s" for k, v in figures.items()), file=sys.stderr, flush=True)
        finally:
            edited.write_bytes(original)
        files = sum(1 for _ in (data / "clusters").rglob("*.yaml"))
        size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 1e6
        base = rows["--no-cache"]

        def ratio(key: str, against: list[tuple[float, float, float]]) -> str:
            values = [a[0] / b[0] for a, b in zip(rows[key], against, strict=True)]
            return f"{statistics.median(values):.2f}×" if len(values) < 2 else f"{statistics.median(values):.2f}× ({min(values):.2f}–{max(values):.2f})"

        print(f"\n{files} YAML files ({args.files} cluster-years), {args.repeat} repetition(s), cache {size:.1f} MB; rank {args.year} --cluster {one}\n")
        print("| run | wall (median) | CPU | peak MB | / `--no-cache` | / cold |")
        print("|---|---|---|---|---|---|")
        for key, values in rows.items():
            wall, cpu, mb = (statistics.median(v[i] for v in values) for i in range(3))
            against = rows["--no-cache"] if key.startswith("rank") else base
            print(f"| {key} | {wall:.2f} s | {cpu:.2f} s | {mb:.0f} | {ratio(key, against)} | {ratio(key, rows['cold'])} |")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
