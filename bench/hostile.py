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
The cases are rebuilt here (not imported from tests/) so that the benchmark needs no test
dependencies; they are the same texts.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
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
DATA = HERE.parent / "data"
TARGET = Path("clusters") / "dbsh" / "2025.yaml"
PY = sys.executable

DRIVER = """
import resource, sys
from thidua.cli.app import app
try:
    app(args=sys.argv[1:], prog_name="thidua")
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    try:
        with open("/proc/self/status") as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        peak = usage.ru_maxrss
    sys.stderr.write(f"\\nPEAK_KB={peak} CPU_S={usage.ru_utime + usage.ru_stime}\\n")
"""


def billion_laughs() -> str:
    lines = ["cluster: dbsh", "year: 2025", 'lol0: &l0 "lol"']
    for i in range(1, 10):
        lines.append(f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]")
    lines.append("members: *l9")
    return "\n".join(lines) + "\n"


def merge_bomb() -> str:
    names = "abcdefghijklmnopq"
    lines = ["a: &a {k: v}"]
    for prev, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} {{<<: [{','.join([f'*{prev}'] * 10)}]}}")
    return "\n".join(lines) + "\n"


def two_mb_line(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("cluster: dbsh\nyear: 2025\nnote: ")
        handle.write("x" * (2 * 1024 * 1024))
        handle.write("\n")


def sixty_mb_file(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: 60 MB on paper


def unknown_members(count: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        good = (DATA / "clusters" / "dbsh" / "2024.yaml").read_text(encoding="utf-8").replace("year: 2024", "year: 2025")
        path.write_text(good.replace("members: [", "members: [" + ", ".join(f"tinh-gia-{i}" for i in range(count)) + ", ", 1), encoding="utf-8")

    return write


def text(content: Callable[[], str]) -> Callable[[Path], None]:
    return lambda path: path.write_text(content(), encoding="utf-8", newline="")


@dataclass
class Case:
    name: str
    what: str
    write: Callable[[Path], None] | None  # None: the shipped data as it is
    code: str | None  # the rule code expected on the hostile file


CASES = [
    Case("baseline", "the shipped data, no hostile file", None, None),
    Case("deep-flow-sequences", "`[` × 20,000 then `]` × 20,000 (40 KB)", text(lambda: "[" * 20_000 + "]" * 20_000 + "\n"), "TD008"),
    Case("deep-flow-mappings", "`{a: ` × 20,000, `1`, `}` × 20,000", text(lambda: "{a: " * 20_000 + "1" + "}" * 20_000 + "\n"), "TD008"),
    Case("deep-block-sequences", "`- ` × 20,000 then `x`", text(lambda: "- " * 20_000 + "x\n"), "TD008"),
    Case("billion-laughs", "9 levels of 9 aliases (10⁹ nodes if expanded)", text(billion_laughs), "TD009"),
    Case("merge-key-bomb", "17 levels of 10 merge keys, under 1 KB", text(merge_bomb), "TD010"),
    Case("2-MB-line", "one 2 MiB scalar line", two_mb_line, "TD001"),
    Case("60-MB-file", "a 60 MiB file (sparse)", sixty_mb_file, "TD001"),
    Case("450-unknown-members", "450 unknown member ids in a real file", unknown_members(450), "TD201"),
]


def run_case(case: Case, shipped: Path, scratch: Path) -> dict[str, float]:
    root = scratch / "data"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(shipped, root)
    if case.write:
        case.write(root / TARGET)
    env = {**os.environ, "THIDUA_LANG": "en", "PYTHONIOENCODING": "utf-8", "THIDUA_JOBS": "1"}
    out, err = scratch / "stdout", scratch / "stderr"
    started = time.perf_counter()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        try:
            done = subprocess.run([PY, "-c", DRIVER, "validate", "--format", "json", str(root)],
                                  stdout=stdout, stderr=stderr, env=env, timeout=120, check=False)
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
    stats = dict(item.split("=") for item in tail.strip().splitlines()[-1].split())
    return {"wall": wall, "cpu": float(stats["CPU_S"]), "peak_mb": int(stats["PEAK_KB"]) / 1024}


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
