"""A long fuzzing run of ``thidua validate`` over mutated copies of the shipped data.

    python scripts/fuzz_long.py 20000 [--seed 1] [--cli-every 50]

The same property as tests/test_fuzz.py (no crash, a valid JSON report with every diagnostic
positioned and coded, exit 0 or 1), run N times instead of the CI-sized count. Every
``--cli-every``-th example also goes through the real CLI. On a failure hypothesis shrinks it and
prints the smallest mutation it found; the exit status is 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("fuzz_property", HERE.parent / "tests" / "test_fuzz.py")
assert spec and spec.loader
fuzz = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fuzz)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("examples", type=int, help="number of examples (e.g. 20000)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random)")
    parser.add_argument("--cli-every", type=int, default=50, help="run every Nth example through the CLI too")
    args = parser.parse_args(argv)
    counter = {"n": 0}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(fuzz.DATA, root)

        @settings(max_examples=args.examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(fuzz.mutations())
        def run(mutation: tuple[str, bytes]) -> None:
            counter["n"] += 1
            name, content = mutation
            with fuzz.mutated(root, name, content):
                fuzz.validate_in_process(root)
                if counter["n"] % args.cli_every == 0:
                    result = fuzz.runner.invoke(fuzz.app, ["validate", "--format", "json", str(root)])
                    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
                    assert "Traceback" not in result.output
                    fuzz.check_report(result.stdout, result.exit_code)

        if args.seed is not None:
            run = seed(args.seed)(run)
        started = time.perf_counter()
        try:
            run()
        except Exception as exc:  # hypothesis has printed the shrunk example
            print(f"FAILED after {counter['n']} examples: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    print(f"{counter['n']} examples, no failure ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
