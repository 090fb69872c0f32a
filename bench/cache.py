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
* ``rank warm``, ``awards warm``, ``rotate warm``: ``thidua rank YEAR --cluster ID``, ``thidua
  awards YEAR --cluster ID`` and ``thidua rotate --cluster ID`` on the warm cache; ``… --no-cache``
  the same without it (skipped with ``--no-uncached-commands``: at 20,000 files each costs about a
  serial validate). Their JSON must equal the uncached one's when both ran.

Peak memory per file: ``--no-cache``'s peak (``ru_maxrss``, its largest process) divided by the
number of files, and, given ``--memory-at N`` (a second, smaller repository generated the same
way), the slope between the two sizes: what one more file costs.

Every exit status is checked, and the JSON reports of ``one change`` and of ``--no-cache`` after
the same change must be byte-identical (else the run stops). Figures are medians over repetitions;
ratios are paired (taken within a repetition). This script imports neither thidua nor yaml.
"""

from __future__ import annotations

import argparse
import json
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
    parser.add_argument("--no-uncached-commands", action="store_true", help="skip rank/awards/rotate --no-cache (each about a whole validate)")
    parser.add_argument("--memory-at", type=int, default=0, metavar="N", help="also the peak of validate --no-cache on an N-file repository: the per-file slope")
    parser.add_argument("--json", type=Path, default=None, help="write the figures to this file too")
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
                commands = {
                    "rank": ["rank", str(args.year), "--cluster", one],
                    "awards": ["awards", str(args.year), "--cluster", one],
                    "rotate": ["rotate", "--cluster", one],
                }
                for name, words in commands.items():
                    figures[f"{name} warm"] = run([*words, "--data", str(data), "-f", "json"])
                for name, words in commands.items():
                    if args.no_uncached_commands:
                        continue
                    figures[f"{name} --no-cache"] = run([*words, "--data", str(data), "-f", "json", "--no-cache"])
                    if figures[f"{name} warm"][3] != figures[f"{name} --no-cache"][3]:
                        raise SystemExit(f"{name} differs with and without the cache; the benchmark stops")
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

        def cpu_ratio(key: str, against: list[tuple[float, float, float]]) -> str:
            values = [a[1] / b[1] for a, b in zip(rows[key], against, strict=True)]
            return f"{statistics.median(values):.2f}×"

        print(f"\n{files} YAML files ({args.files} cluster-years), {args.repeat} repetition(s), cache {size:.1f} MB; YEAR {args.year}, --cluster {one}\n")
        print("| run | wall (median) | CPU | peak MB | wall / `--no-cache` | CPU / `--no-cache` | wall / cold | CPU / cold |")
        print("|---|---|---|---|---|---|---|---|")
        summary: dict[str, dict[str, float]] = {}
        for key, values in rows.items():
            wall, cpu, mb = (statistics.median(v[i] for v in values) for i in range(3))
            summary[key] = {"wall": wall, "cpu": cpu, "peak_mb": mb}
            print(f"| {key} | {wall:.2f} s | {cpu:.2f} s | {mb:.0f} | {ratio(key, base)} | {cpu_ratio(key, base)} | {ratio(key, rows['cold'])} | {cpu_ratio(key, rows['cold'])} |")
        peak = summary["--no-cache"]["peak_mb"]
        print(f"\nvalidate --no-cache peak: {peak:.0f} MB for {files} files = {peak * 1024 / files:.1f} KB a file (whole peak / files)")
        if args.memory_at:
            small = scratch / "small"
            subprocess.run([PY, str(HERE / "generate.py"), str(small), "--files", str(args.memory_at)], check=True, stdout=subprocess.DEVNULL)
            small_files = sum(1 for _ in (small / "clusters").rglob("*.yaml"))
            small_peak = statistics.median(run(["validate", str(small), "--no-cache", "-f", "json"])[2] for _ in range(3))
            slope = (peak - small_peak) * 1024 / (files - small_files)
            summary["memory"] = {"small_files": small_files, "small_peak_mb": small_peak, "slope_kb_per_file": slope}
            print(f"validate --no-cache peak: {small_peak:.0f} MB for {small_files} files: {slope:.1f} KB per added file")
        if args.json:
            args.json.write_text(json.dumps({"files": files, "repeat": args.repeat, "cluster": one, "year": args.year, "rows": rows,
                                             "summary": summary}, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
