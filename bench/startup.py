"""Start-up only: ``thidua`` against the working minimal typer app, interleaved, paired medians.

    python bench/startup.py                      # 21 interleaved repetitions
    python bench/startup.py --repeat 31 --json /tmp/startup.json
    python bench/startup.py --other /tmp/base932/.venv/bin/python   # also another thidua install

The same start-up group as ``bench/run.py`` (same minimal app, same measuring function, every exit
status checked), without generating a large repository: the registry-only directory holds the
shipped ``data/provinces.yaml``. ``--other PY`` adds ``thidua --version`` and ``thidua validate
DIR`` run by another interpreter (another checkout's venv, e.g. an older commit) to the same
interleaved group, so both versions meet the same machine drift. The start-up of any typer command
includes pydantic (``typer._adapters`` imports it), in the minimal app too: that is floor.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (bench/run.py, next to this file)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=21, help="interleaved repetitions (default 21)")
    parser.add_argument("--other", default=None, metavar="PY", help="the python of another thidua install, timed in the same group")
    parser.add_argument("--json", type=Path, default=None, help="write every run's figures to this file too")
    args = parser.parse_args(argv)
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as name:
        tmp = Path(name)
        minimal = tmp / "minimal_app.py"
        minimal.write_text(bench.MINIMAL_APP, encoding="utf-8")
        registry_only = tmp / "registry-only"
        registry_only.mkdir()
        shutil.copy(HERE.parent / "data" / "provinces.yaml", registry_only)
        py = bench.PY
        specs = [
            bench.Spec("python", "`python -c pass`", [py, "-c", "pass"]),
            bench.Spec("min-version", "minimal typer app `--version`", [py, str(minimal), "--version"],
                       check=lambda out: None if out.strip() == "minimal 1.0" else f"printed {out!r}"),
            bench.Spec("version", "`thidua --version`", [py, "-m", "thidua", "--version"]),
            bench.Spec("min-check", "minimal typer app `check DIR`", [py, str(minimal), "check", str(registry_only)],
                       check=lambda out: None if "1 YAML file" in out else f"printed {out!r}"),
            bench.Spec("empty", "`thidua validate DIR` (registry only, cache warm)", [py, "-m", "thidua", "validate", str(registry_only)]),
            bench.Spec("empty-nocache", "`thidua validate DIR --no-cache` (registry only)", [py, "-m", "thidua", "validate", str(registry_only), "--no-cache"]),
        ]
        if args.other:
            specs += [
                bench.Spec("other-version", f"`thidua --version`, {args.other}", [args.other, "-m", "thidua", "--version"]),
                bench.Spec("other-empty", f"`thidua validate DIR`, {args.other}", [args.other, "-m", "thidua", "validate", str(registry_only)]),
            ]
        for spec in specs:  # compile bytecode, fill the cache: untimed
            bench.checked(spec, tmp)
        timings = bench.interleaved("start-up", specs, args.repeat, tmp, warm=1)
        pairs = [("version", "min-version"), ("min-check", "min-version"), ("empty", "min-check"), ("empty-nocache", "min-check")]
        if args.other:
            pairs += [("other-empty", "min-check"), ("empty", "other-empty"), ("version", "other-version")]
        print()
        found = {}
        for a, b in pairs:
            wall = bench.paired("", timings[a], timings[b])
            cpu = bench.paired("", timings[a], timings[b], cpu=True)
            found[f"{a}/{b}"] = {"wall": wall.median, "cpu": cpu.median}
            print(f"{a:>14} / {b:<12} wall {bench.fmt_ratio(wall)}   CPU {bench.fmt_ratio(cpu)}")
        if args.json:
            args.json.write_text(json.dumps({
                "runs": {k: {"wall": t.runs, "cpu": t.cpu, "median": t.median, "cpu_median": statistics.median(t.cpu)} for k, t in timings.items()},
                "ratios": found}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
