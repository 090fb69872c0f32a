"""Benchmark ``thidua site`` against ``thidua validate`` on the same generated repositories (issue 14, item 6).

    python bench/site.py                         # 2,000 / 10,000 / 20,000 files, 3 paired runs each
    python bench/site.py --files 2000 --repeat 5 # one size (a quick look while developing)
    python bench/site.py --keep /dev/shm/sitebench   # generate there once, reuse on the next run
    python bench/site.py --files 20000 --repeat 1 --warm 0   # one pair (a loaded machine: ~15 minutes)

The target: the site build takes no more than twice ``thidua validate`` on the same files and its
peak memory stays under 500 MB, on the 20,000-file repository.

For each size: the repository comes from ``bench/generate.py DIR --files N`` (reused when ``--keep``
already holds it); then ``thidua validate DIR`` and ``thidua site -o OUT --data DIR`` run in turn,
each in a fresh process, forwards then backwards (A B, B A, ...), and every exit status must be 0.
Figures are medians; the ratio is *paired*: the median (and min–max) of site/validate taken within
each repetition, so that the load of a shared machine hits both alike. CPU time (user + system of
the process and the workers it waited for) is given too: it is not inflated by waiting for a core.
Peak memory is the largest single process (``ru_maxrss``) and the whole process tree (sampled).
The measuring itself is bench/run.py's (``run``, ``interleaved``, ``paired``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as core  # noqa: E402  (bench/run.py, next to this file)

SIZES = (2000, 10_000, 20_000)
TARGET_RATIO, TARGET_MB = 2.0, 500


def repository(base: Path, files: int, seed: int) -> Path:
    """The generated repository of ``files`` files under ``base``, made once (a marker says it is complete)."""
    target = base / f"data-{files}-{seed}"
    done = target / ".complete"
    if not done.exists():
        shutil.rmtree(target, ignore_errors=True)
        print(f"generating {files} files in {target} ...", flush=True)
        subprocess.run([core.PY, str(HERE / "generate.py"), str(target), "--files", str(files), "--seed", str(seed)],
                       check=True, stdout=subprocess.DEVNULL)
        done.write_text("", encoding="utf-8")
    return target


def measure(data: Path, out: Path, scratch: Path, repeat: int, warm: int) -> dict[str, object]:
    specs = [
        core.Spec("validate", "thidua validate DIR", core.thidua_cmd("validate", str(data))),
        core.Spec("site", "thidua site -o OUT --data DIR", core.thidua_cmd("site", "-o", str(out), "--data", str(data))),
    ]
    # untimed rounds: bytecode compiled, files in the page cache, the output directory ours
    t = core.interleaved(f"{data.name}", specs, repeat, scratch, warm=warm)
    wall = core.paired("site / validate", t["site"], t["validate"])
    cpu = core.paired("site / validate, CPU", t["site"], t["validate"], cpu=True)
    pages = sum(1 for _ in out.rglob("*.html"))
    return {"t": t, "wall": wall, "cpu": cpu, "pages": pages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, action="append", help="cluster-year files (repeatable; default 2000, 10000 and 20000)")
    parser.add_argument("--repeat", type=int, default=3, help="paired repetitions per size (default 3)")
    parser.add_argument("--warm", type=int, default=1, help="untimed rounds first (default 1)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="generate the repositories here and reuse them (default: a temporary directory in tmpfs)")
    args = parser.parse_args(argv)
    sizes = args.files or list(SIZES)
    shm = Path("/dev/shm")
    tmp_root = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=tmp_root) as name:
        scratch = Path(name)
        base = args.keep or scratch
        base.mkdir(parents=True, exist_ok=True)
        load = os.getloadavg()
        rows = []
        try:
            for files in sizes:
                data = repository(base, files, args.seed)
                got = measure(data, scratch / f"site-{files}", scratch, args.repeat, args.warm)
                rows.append((files, got))
                shutil.rmtree(scratch / f"site-{files}", ignore_errors=True)
        except core.BenchmarkError as stop:
            print(stop, file=sys.stderr)
            return 3
    end_load = os.getloadavg()
    print(f"\nCPUs: {os.cpu_count()}; load average {load[0]:.1f} at the start, {end_load[0]:.1f} at the end"
          " (a shared machine: read the paired ratios and CPU times, not the absolute walls).")
    print(f"Target: site / validate <= {TARGET_RATIO:.1f} and site peak < {TARGET_MB} MB (largest process and whole tree).\n")
    print("| files | pages | validate (s) | site (s) | site / validate (paired, min–max) | CPU site / validate | validate CPU (s) | site CPU (s) | site peak MB (process / tree) | validate peak MB (process / tree) |")
    print("|---:|---:|---:|---:|---|---|---:|---:|---:|---:|")
    verdict = []
    for files, got in rows:
        t, wall, cpu = got["t"], got["wall"], got["cpu"]
        assert isinstance(t, dict) and isinstance(wall, core.Ratio) and isinstance(cpu, core.Ratio)
        v, s = t["validate"], t["site"]
        print(f"| {files:,} | {got['pages']:,} | {v.median:.2f} | {s.median:.2f} | {wall.median:.2f}× ({wall.low:.2f}–{wall.high:.2f}, n={wall.pairs}) "
              f"| {cpu.median:.2f}× ({cpu.low:.2f}–{cpu.high:.2f}) | {statistics.median(v.cpu):.2f} | {statistics.median(s.cpu):.2f} "
              f"| {s.peak_process_mb:.0f} / {s.peak_tree_mb:.0f} | {v.peak_process_mb:.0f} / {v.peak_tree_mb:.0f} |")
        ok = wall.median <= TARGET_RATIO and max(s.peak_process_mb, s.peak_tree_mb) < TARGET_MB
        verdict.append(f"{files:,} files: {'met' if ok else 'NOT met'} (ratio {wall.median:.2f}×, peak {max(s.peak_process_mb, s.peak_tree_mb):.0f} MB)")
    print("\n" + "\n".join(verdict))
    return 0


if __name__ == "__main__":
    sys.exit(main())
