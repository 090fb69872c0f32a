"""Validate's work in instructions, this checkout against another thidua install: a count that
a shared machine's load does not move.

    python bench/instructions.py --other /tmp/base932/.venv/bin/python --files 300
    python bench/instructions.py --other PY --data DIR      # a repository generated before

Wall and CPU times on a 2-core machine shared with other builds vary by ±20 % from run to run
(``bench/baseline.py`` pairs them to cope); the number of instructions a process executes does
not. Each version runs ``baseline.py``'s library call (``validate_paths`` on DIR, one process,
the text report rendered) under valgrind's callgrind twice, once without the measured call, and
the difference is its work: start-up, imports and the untimed warm-up are subtracted alike.

What it does not see: memory effects (cache misses, page faults) that cost time without
instructions, and the command's worker processes (callgrind counts a forked child from the
parent's total). Needs ``valgrind`` (``apt-get install valgrind``); ~30 s per 100 files.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402
from baseline import LIBRARY, repositories  # noqa: E402  (bench/baseline.py, next to this file)

# The measured call of LIBRARY, skipped when a third argument is given.
MEASURED = "started, cpu = time.perf_counter(), time.process_time()"
SKIPPABLE = LIBRARY.replace(MEASURED, "if len(sys.argv) > 3: raise SystemExit(0)\n" + MEASURED)


def instructions(python: str, data: Path, warm: Path, skip: bool) -> int:
    """Instructions callgrind counted for one run of the library call (``skip``: without it)."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", python, "-c", SKIPPABLE, str(data), str(warm)]
    done = subprocess.run(command + (["skip"] if skip else []), capture_output=True, text=True, env={**os.environ, "THIDUA_JOBS": "1"}, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{python}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return int(found.group(1))


def measured(python: str, data: Path, warm: Path) -> int:
    return instructions(python, data, warm, skip=False) - instructions(python, data, warm, skip=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--other", required=True, metavar="PY", help="the python of the other thidua install")
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--data", type=Path, default=None, help="a repository generated before (default: generate one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        data, warm = repositories(Path(name), args.data, args.files)
        other = measured(args.other, data, warm)
        this = measured(bench.PY, data, warm)
    print(f"validate, library call, one process, {data}")
    print(f"  the other      {other / 1e6:10,.0f} M instructions")
    print(f"  this checkout  {this / 1e6:10,.0f} M instructions")
    print(f"  ratio          {this / other:10.3f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
