"""Benchmark ``thidua site`` and ``thidua history`` against ``thidua validate`` on the same generated repositories
(issue 14, item 6; issue 16, item 2).

    python bench/site.py                         # 2,000 / 10,000 / 20,000 files, 3 paired runs each
    python bench/site.py --files 2000 --repeat 5 # one size (a quick look while developing)
    python bench/site.py --keep /dev/shm/sitebench   # generate there once, reuse on the next run
    python bench/site.py --files 20000 --repeat 2 --warm 0 --keep /dev/shm/sitebench   # the target's size (~30 min loaded)
    python bench/site.py --files 2000 --no-history   # the site only

The target: the site build takes no more than twice ``thidua validate`` on the same files and its
peak memory stays under 500 MB, on the 20,000-file repository. ``thidua history UNIT`` reads only
the clusters that name the unit: it is timed with a warm cache and with an empty one.

For each size: the repository comes from ``bench/generate.py DIR --files N`` (reused when ``--keep``
already holds it); then ``thidua validate --no-cache DIR``, ``thidua site -o OUT --data DIR`` and
(unless ``--no-history``) ``thidua history UNIT --data DIR -f json`` with a warm cache and with the
cache deleted first run in turn, each in a fresh process, forwards then backwards (A B C, C B A, ...),
and every exit status must be 0; every history run must print the same JSON.
The baseline is ``validate --no-cache``: every file read and checked, what the issue's target meant
(its cache, added since, would answer a repeated ``validate`` from the first run's results).
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
from collections.abc import Callable
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


def same_output() -> Callable[[str], str | None]:
    """A check that every run prints what the first printed."""
    first: list[str] = []

    def check(stdout: str) -> str | None:
        if not first:
            first.append(stdout)
        return None if stdout == first[0] else "printed another history than the first run"

    return check


def measure(data: Path, out: Path, scratch: Path, repeat: int, warm: int, unit: str | None) -> dict[str, object]:
    specs = [
        core.Spec("validate", "thidua validate --no-cache DIR", core.thidua_cmd("validate", "--no-cache", str(data))),
        core.Spec("site", "thidua site -o OUT --data DIR", core.thidua_cmd("site", "-o", str(out), "--data", str(data))),
    ]
    if unit:
        cache = scratch / f"cache-{data.name}"
        same = same_output()
        history = core.thidua_cmd("history", unit, "--data", str(data), "-f", "json")
        specs += [
            core.Spec("history", f"thidua history {unit} (warm cache)", history, env={"THIDUA_CACHE_DIR": str(cache)}, check=same),
            core.Spec("history_cold", f"thidua history {unit} (cache deleted first)",
                      ["sh", "-c", 'rm -rf "$THIDUA_CACHE_DIR" && exec "$@"', "sh", *history],
                      env={"THIDUA_CACHE_DIR": str(scratch / f"cold-{data.name}")}, check=same),
        ]
    if unit:  # the warm runs' cache, filled once (untimed)
        core.checked(specs[2], scratch)
    # untimed rounds: bytecode compiled, files in the page cache, the output directory ours
    t = core.interleaved(f"{data.name}", specs, repeat, scratch, warm=warm)
    ratios = {key: (core.paired(f"{key} / validate", t[key], t["validate"]), core.paired(f"{key} / validate, CPU", t[key], t["validate"], cpu=True))
              for key in t if key != "validate"}
    pages = sum(1 for _ in out.rglob("*.html"))
    return {"t": t, "ratios": ratios, "pages": pages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, action="append", help="cluster-year files (repeatable; default 2000, 10000 and 20000)")
    parser.add_argument("--repeat", type=int, default=3, help="paired repetitions per size (default 3)")
    parser.add_argument("--warm", type=int, default=1, help="untimed rounds first (default 1)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="generate the repositories here and reuse them (default: a temporary directory in tmpfs)")
    parser.add_argument("--unit", default="ha-noi", help="the unit whose history is timed (default ha-noi)")
    parser.add_argument("--no-history", action="store_true", help="time the site only")
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
                got = measure(data, scratch / f"site-{files}", scratch, args.repeat, args.warm, None if args.no_history else args.unit)
                rows.append((files, got))
                shutil.rmtree(scratch / f"site-{files}", ignore_errors=True)
        except core.BenchmarkError as stop:
            print(stop, file=sys.stderr)
            return 3
    end_load = os.getloadavg()
    print(f"\nCPUs: {os.cpu_count()}; load average {load[0]:.1f} at the start, {end_load[0]:.1f} at the end"
          " (a shared machine: read the paired ratios and CPU times, not the absolute walls).")
    print(f"Target: site / validate <= {TARGET_RATIO:.1f} and site peak < {TARGET_MB} MB (largest process; the tree's sum is given too).\n")
    print("| files | command | wall (s, median) | / validate, wall (paired, min–max) | / validate, CPU | CPU (s) | peak MB: largest process / sum over the tree |")
    print("|---:|---|---:|---|---|---:|---:|")
    verdict = []
    for files, got in rows:
        t, ratios = got["t"], got["ratios"]
        assert isinstance(t, dict) and isinstance(ratios, dict)
        for key, timing in t.items():
            label = timing.spec.label + (f" ({got['pages']:,} pages)" if key == "site" else "")
            if key == "validate":
                paired = "1.00×"
                cpu_ratio = "1.00×"
            else:
                wall, cpu = ratios[key]
                paired = f"{wall.median:.2f}× ({wall.low:.2f}–{wall.high:.2f}, n={wall.pairs})"
                cpu_ratio = f"{cpu.median:.2f}× ({cpu.low:.2f}–{cpu.high:.2f})"
            print(f"| {files:,} | `{label}` | {timing.median:.2f} | {paired} | {cpu_ratio} | {statistics.median(timing.cpu):.2f} "
                  f"| {timing.peak_process_mb:.0f} / {timing.peak_tree_mb:.0f} |")
        wall = ratios["site"][0]
        s = t["site"]
        ok = wall.median <= TARGET_RATIO and s.peak_process_mb < TARGET_MB
        verdict.append(f"{files:,} files: site {'met' if ok else 'NOT met'} (ratio {wall.median:.2f}×, largest process {s.peak_process_mb:.0f} MB, "
                       f"sum over the tree {s.peak_tree_mb:.0f} MB)")
    print("\n" + "\n".join(verdict))
    return 0


if __name__ == "__main__":
    sys.exit(main())
