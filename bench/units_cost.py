"""What the national unit registry (read lazily) adds to each command: issue 12's "no more than 50 ms".

    python bench/units_cost.py                 # the shipped data/, 7 fresh processes per command
    python bench/units_cost.py --runs 11 --data DIR

Each command runs in a fresh process through ``thidua.cli.app.main`` with two probes: an import
hook that times the import of ``thidua.repository.units`` if (and when) the command imports it,
and a timer around every function of that module (outermost calls only: the first parse of the
14,000 rows, the look-ups, the name index of the first search). What is printed per command is
the CPU time spent there (import + calls), median and max over the runs, and how often the
module was imported at all. Serial runs only (``THIDUA_JOBS=1``): time spent in worker
processes would not be seen. ``units`` itself is listed for scale: reading the registry is its job.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

PROBE = r"""
import functools, importlib.abc, importlib.util, json, sys, time
NAME = "thidua.repository.units"
spent = {"import": 0.0, "calls": 0.0, "imported": False}
depth = [0]

def timed(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        depth[0] += 1
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent["calls"] += time.process_time() - started
    for name in ("cache_info", "cache_clear"):  # functools.cache's, which the module reads
        if hasattr(function, name):
            setattr(wrapper, name, getattr(function, name))
    return wrapper

class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != NAME:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            started = time.process_time()
            run(module)
            spent["import"] += time.process_time() - started
            spent["imported"] = True
            for key, value in list(vars(module).items()):
                if callable(value) and getattr(value, "__module__", None) == NAME and not isinstance(value, type):
                    setattr(module, key, timed(value))
            for cls in (module.NationalRegistry,):
                for key in ("get", "search"):
                    setattr(cls, key, timed(getattr(cls, key)))
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Hook())
sys.argv = ["thidua", *sys.argv[1:]]
from thidua.cli.app import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(spent), file=sys.stderr)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data", type=Path, default=HERE.parent / "data")
    args = parser.parse_args(argv)
    data = str(args.data.resolve())
    clusters = sorted(p.name for p in (args.data / "clusters").iterdir() if p.is_dir())
    commands = [
        ["validate", data, "--no-cache"],
        ["validate", data],  # the first run fills the cache, the others are warm
        ["rank", "2023", "--data", data, "--no-cache"],
        ["awards", "2023", "--data", data, "--no-cache"],
        ["rotate", "--cluster", clusters[0], "--data", data, "--no-cache"],
        ["units", "phuc xa", "--on", "2024-01-01"],
    ]
    with tempfile.TemporaryDirectory() as cache:
        env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "THIDUA_JOBS": "1", "THIDUA_CACHE_DIR": cache}
        print(f"{'command':<58} {'imported':>9} {'ms median':>10} {'ms max':>8}")
        for words in commands:
            runs = []
            for _ in range(args.runs):
                done = subprocess.run([sys.executable, "-c", PROBE, *words], capture_output=True, text=True, env=env, check=False)
                runs.append(json.loads(done.stderr.strip().splitlines()[-1]))
            totals = [(r["import"] + r["calls"]) * 1000 for r in runs]
            shown = " ".join(w if w != data else "DATA" for w in words)
            print(f"{'thidua ' + shown:<58} {sum(r['imported'] for r in runs):>4}/{len(runs):<4} {statistics.median(totals):>10.1f} {max(totals):>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
