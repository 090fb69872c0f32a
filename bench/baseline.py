"""This checkout against another thidua install (an older commit): validate throughput, same data, interleaved.

    git worktree add /tmp/base932 932bdc5 && python -m venv /tmp/base932/.venv
    /tmp/base932/.venv/bin/pip install -r <(pip freeze | grep -v thidua) && /tmp/base932/.venv/bin/pip install --no-deps -e /tmp/base932
    python bench/baseline.py --other /tmp/base932/.venv/bin/python --files 2000 --repeat 5
    python bench/startup.py --other /tmp/base932/.venv/bin/python        # the start-up side

One repository from this checkout's ``bench/generate.py`` (``--data DIR`` to reuse one); both
versions must accept it (exit 0; the run stops otherwise). Each repetition runs, in turn
(forwards, then backwards on the next: see ``bench/run.py``):

* ``validate``, library call, one process (``THIDUA_JOBS=1``), start-up excluded (and the lazy
  imports: each first validates a 3-file repository, untimed): the other
  version's ``validate_paths`` (``thidua.services.validate``, or ``thidua.validation`` before
  the services existed) and this one's, each rendering the text report;
* ``thidua validate DIR`` (the other) against ``thidua validate DIR --no-cache`` (this one: the
  same work, nothing cached) and a cold ``thidua validate DIR`` (this one, its cache folder
  deleted first: the default a first run pays).

Ratios are paired (within a repetition), wall and CPU; CPU time is the steadier figure on a
shared machine. This script imports neither thidua nor yaml.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (bench/run.py, next to this file)

LIBRARY = """
import json, sys, time
from pathlib import Path
try:
    from thidua.output.render.diagnostics import render_text
    from thidua.services.validate import validate_paths
except ImportError:  # before the services (e.g. 932bdc5)
    from thidua.render.diagnostics import render_text
    from thidua.validation import validate_paths
for f in sorted(Path(sys.argv[1]).rglob("*.yaml")): f.read_bytes()
validate_paths([Path(sys.argv[2])])  # untimed: a small repository, so both versions have imported what validating needs
started, cpu = time.perf_counter(), time.process_time()
result = validate_paths([Path(sys.argv[1])])
text = render_text(result.diagnostics, result.files)
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "files": result.files,
                  "errors": sum(d.severity == "error" for d in result.diagnostics), "chars": len(text)}))
"""


def repositories(tmp: Path, data: Path | None, files: int) -> tuple[Path, Path]:
    """The repository to validate (``data``, else ``files`` generated ones under ``tmp``) and the
    3-file one each version first validates untimed (LIBRARY's warm-up)."""
    if data is None:
        data = tmp / "data"
        subprocess.run([bench.PY, str(HERE / "generate.py"), str(data), "--files", str(files)], check=True, stdout=subprocess.DEVNULL)
    warm = tmp / "warm"
    subprocess.run([bench.PY, str(HERE / "generate.py"), str(warm), "--files", "3", "--seed", "99"], check=True, stdout=subprocess.DEVNULL)
    return data, warm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--other", required=True, metavar="PY", help="the python of the other thidua install")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=None, help="a repository generated before (default: generate one)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as name:
        tmp = Path(name)
        data, warm = repositories(tmp, args.data, args.files)
        cache = tmp / "cache"
        one = {"THIDUA_JOBS": "1"}
        clean = bench.library_check(False)
        py, other = bench.PY, args.other
        specs = [
            bench.Spec("lib-other", "validate, library call, 1 process: the other", [other, "-c", LIBRARY, str(data), str(warm)], one, inner=True, check=clean),
            bench.Spec("lib", "validate, library call, 1 process: this checkout", [py, "-c", LIBRARY, str(data), str(warm)], one, inner=True, check=clean),
            bench.Spec("cli-other", "`thidua validate DIR`: the other", [other, "-m", "thidua", "validate", str(data)]),
            bench.Spec("cli-nocache", "`thidua validate DIR --no-cache`: this checkout", [py, "-m", "thidua", "validate", str(data), "--no-cache"]),
            bench.Spec("cli-cold", "`thidua validate DIR`, cold (cache deleted first): this checkout",
                       ["sh", "-c", f'rm -rf "{cache}" && exec "{py}" -m thidua validate "{data}"'], {"THIDUA_CACHE_DIR": str(cache)}),
        ]
        timings = bench.interleaved(f"this checkout against {other}", specs, args.repeat, tmp)
        pairs = [("lib", "lib-other"), ("cli-nocache", "cli-other"), ("cli-cold", "cli-other")]
        found = {}
        print()
        for a, b in pairs:
            wall = bench.paired("", timings[a], timings[b])
            cpu = bench.paired("", timings[a], timings[b], cpu=True)
            found[f"{a}/{b}"] = {"wall": wall.median, "wall_range": [wall.low, wall.high], "cpu": cpu.median, "cpu_range": [cpu.low, cpu.high]}
            print(f"{a:>12} / {b:<10} wall {bench.fmt_ratio(wall)}   CPU {bench.fmt_ratio(cpu)}")
        if args.json:
            args.json.write_text(json.dumps({"files": args.files, "ratios": found,
                                             "runs": {k: {"wall": t.runs, "cpu": t.work_cpu, "peak_mb": t.peak_process_mb} for k, t in timings.items()}},
                                            indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
