"""CPU time and peak memory of ``thidua validate`` on the heaviest hostile inputs, each in a fresh process.

    python bench/hostile.py                 # 3 runs of each case; a Markdown table
    python bench/hostile.py --repeat 5 --json hostile.json

tests/acceptance/test_hostile.py checks that every case is refused with the right rule code, without a
traceback and under 200 MB; it no longer times them (a loaded CI machine is no stopwatch). This
script does: each case is one would-be cluster-year file, clusters/dbsh/2025.yaml, dropped into a
copy of the shipped data, then ``thidua validate --format json DATA`` runs in a child process that
reports its own CPU time (user + system, ``getrusage``) and peak resident memory (``VmHWM``, which
unlike ``ru_maxrss`` does not inherit the parent's size across fork and exec). The case "baseline"
is the shipped data with no hostile file: the cost of the hostile file is the difference.

Every child must exit 1 (0 for the baseline) and report the expected rule code on the hostile
file, or the script stops with a message: a figure for a run that failed would be meaningless.
The cases and the child driver come from bench/hostile_corpus.py, which the tests use too (it
needs no test dependencies).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from hostile_corpus import CASES as CORPUS  # noqa: E402
from hostile_corpus import DATA, TARGET, child_command, child_env, child_stats  # noqa: E402

PY = sys.executable


@dataclass
class Case:
    name: str
    what: str
    write: Callable[[Path, Path], int | None] | None  # None: the shipped data as it is
    code: str | None  # the rule code expected on the hostile file


WHAT = {  # the heaviest cases of the corpus, as the table describes them
    "deep-flow-sequences": "`[` × 20,000 then `]` × 20,000 (40 KB)",
    "deep-flow-mappings": "`{a: ` × 20,000, `1`, `}` × 20,000",
    "deep-block-sequences": "`- ` × 20,000 then `x`",
    "billion-laughs": "9 levels of 9 aliases (10⁹ nodes if expanded)",
    "merge-key-bomb": "17 levels of 10 merge keys, under 1 KB",
    "2-MB-line": "one 2 MiB scalar line",
    "60-MB-file": "a 60 MiB file (sparse)",
    "450-unknown-members": "450 unknown member ids in a real file",
}
_BY_NAME = {c.name: c for c in CORPUS}
CASES = [Case("baseline", "the shipped data, no hostile file", None, None)] + [
    Case(name, what, _BY_NAME[name].write, _BY_NAME[name].code) for name, what in WHAT.items()
]


def run_case(case: Case, shipped: Path, scratch: Path) -> dict[str, float]:
    root = scratch / "data"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(shipped, root)
    if case.write:
        case.write(root / TARGET, scratch)
    env = child_env(THIDUA_JOBS="1")
    out, err = scratch / "stdout", scratch / "stderr"
    started = time.perf_counter()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        try:
            done = subprocess.run(child_command(PY, root), stdout=stdout, stderr=stderr, env=env, timeout=120, check=False)
        except subprocess.TimeoutExpired:
            sys.exit(f"hostile case {case.name}: no answer within 120 s")
    wall = time.perf_counter() - started
    expected = 0 if case.code is None else 1
    tail = err.read_text(encoding="utf-8", errors="replace")
    if done.returncode != expected:
        sys.exit(f"hostile case {case.name}: exit {done.returncode}, expected {expected}\n{tail[-2000:]}")
    codes = {d["code"] for d in json.loads(out.read_text(encoding="utf-8"))["diagnostics"] if d["file"].endswith(TARGET.as_posix())}
    if case.code and case.code not in codes:
        sys.exit(f"hostile case {case.name}: expected {case.code} on {TARGET}, got {sorted(codes)}")
    peak_mb, cpu = child_stats(tail)
    return {"wall": wall, "cpu": cpu, "peak_mb": peak_mb}


def measure(repeat: int = 3, scratch_dir: Path | None = None, echo: bool = True) -> list[dict]:
    """Every case ``repeat`` times, interleaved (case by case within each round); medians and maxima."""
    with tempfile.TemporaryDirectory(dir=scratch_dir) as name:
        scratch = Path(name)
        shipped = scratch / "shipped"
        shutil.copytree(DATA, shipped)
        runs: dict[str, list[dict[str, float]]] = {c.name: [] for c in CASES}
        run_case(CASES[0], shipped, scratch)  # warm the bytecode and page caches, untimed
        for _ in range(repeat):
            for case in CASES:
                runs[case.name].append(run_case(case, shipped, scratch))
    rows = []
    base_cpu = statistics.median(r["cpu"] for r in runs["baseline"])
    for case in CASES:
        got = runs[case.name]
        cpu = [r["cpu"] for r in got]
        row = {
            "case": case.name, "what": case.what, "code": case.code or "(exit 0)", "runs": len(got),
            "cpu_median": statistics.median(cpu), "cpu_min": min(cpu), "cpu_max": max(cpu),
            "cpu_over_baseline": statistics.median(cpu) - base_cpu,
            "wall_median": statistics.median(r["wall"] for r in got),
            "peak_mb_max": max(r["peak_mb"] for r in got),
        }
        rows.append(row)
        if echo:
            print(f"  {case.name:<22} CPU {row['cpu_median']:6.3f} s (min–max {row['cpu_min']:.3f}–{row['cpu_max']:.3f})"
                  f"  wall {row['wall_median']:6.3f} s  peak {row['peak_mb_max']:5.0f} MB", flush=True)
    return rows


def markdown(rows: list[dict]) -> str:
    out = [
        "| case | input | expected | CPU s, median (min–max) | CPU over baseline | wall s, median | peak RSS, max |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        over = "—" if r["case"] == "baseline" else f"{r['cpu_over_baseline']:+.3f} s"
        out.append(f"| {r['case']} | {r['what']} | {r['code']} | {r['cpu_median']:.3f} ({r['cpu_min']:.3f}–{r['cpu_max']:.3f}) "
                   f"| {over} | {r['wall_median']:.3f} | {r['peak_mb_max']:.0f} MB |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case (default 3)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures to this file too")
    args = parser.parse_args(argv)
    rows = measure(args.repeat)
    print()
    print(markdown(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
