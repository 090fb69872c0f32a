"""Benchmark ``thidua validate`` against the libyaml floor and its peers, on generated data.

    pip install -e '.[bench]'
    python bench/run.py --files 2000            # about two minutes on 2 cores
    python bench/run.py --files 20000 --peer-repeat 1

One run generates N cluster-year files (bench/generate.py, deterministic), then times on the same
files, each in a fresh process (page cache warm, a first untimed pass reads every file):

* floor     the raw libyaml parse of every file, ``yaml.load(text, Loader=yaml.CSafeLoader)``,
            single process, reading included, interpreter start-up excluded;
* validate  the library call behind the command, serial (THIDUA_JOBS=1) and on every core,
            start-up excluded; then the command itself, ``thidua validate DIR``, start-up included;
* peers     yamllint (default rules) and check-jsonschema with the schemas from ``thidua schema``;
* start-up  ``thidua --version`` and ``thidua validate`` on a data directory holding only
            provinces.yaml, against a minimal two-command typer app of the same typer version.

Each is repeated (best and median reported) and its peak memory taken: the largest single process
(``wait4``'s rusage) and the whole process tree (workers included, sampled every 20 ms).
This script imports neither thidua nor yaml itself, so that it measures only its children.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable

FLOOR = """
import json, sys, time, yaml
from pathlib import Path
files = sorted(Path(sys.argv[1]).rglob("*.yaml"))
for f in files: f.read_bytes()  # warm the page cache: the timed pass measures parsing, as for the others
started = time.perf_counter()
for f in files:
    yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
print(json.dumps({"seconds": time.perf_counter() - started, "files": len(files)}))
"""

LIBRARY = """
import json, sys, time
from pathlib import Path
from thidua.render.diagnostics import render_text
from thidua.validation import validate_paths
for f in sorted(Path(sys.argv[1]).rglob("*.yaml")): f.read_bytes()
started = time.perf_counter()
result = validate_paths([Path(sys.argv[1])])
render_text(result.diagnostics, result.files)
print(json.dumps({"seconds": time.perf_counter() - started, "files": result.files, "errors": sum(d.severity == "error" for d in result.diagnostics)}))
"""

PROFILE = """
import cProfile, pstats, sys
from pathlib import Path
from thidua.validation import validate_paths
cProfile.run("validate_paths([Path(sys.argv[1])])", sys.argv[2])
pstats.Stats(sys.argv[2]).sort_stats("tottime").print_stats(int(sys.argv[3]))
"""

MINIMAL_APP = '''
"""A minimal two-command typer app: the framework's own start-up floor."""
import typer

app = typer.Typer()


def version(value: bool) -> None:
    if value:
        print("minimal 1.0")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=version, is_eager=True)) -> None:
    """Minimal."""


@app.command()
def hello(name: str = "world") -> None:
    print(f"hello {name}")


@app.command()
def check(path: str = ".") -> None:
    print(path)


if __name__ == "__main__":
    app()
'''


@dataclass
class Timing:
    name: str
    runs: list[float] = field(default_factory=list)
    peak_process_mb: float = 0.0
    peak_tree_mb: float = 0.0
    note: str = ""

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def _children(pid: int) -> list[int]:
    try:
        found = []
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
        return found
    except OSError:
        return []


def _tree_rss_kb(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, ValueError):
            continue
        stack += _children(current)
    return total


def run(cmd: list[str], env: dict[str, str] | None = None, timeout: float = 7200, capture: bool = False) -> tuple[float, str, int, float, float]:
    """Wall time, stdout (if captured), exit status, peak RSS of the largest process and of the tree (MB).

    Output is discarded unless captured: on Linux a child's ru_maxrss starts from this process's
    own size (it survives fork and exec), so this process must stay small.
    """
    full_env = {**os.environ, **(env or {})}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=full_env)
    tree_peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            tree_peak[0] = max(tree_peak[0], _tree_rss_kb(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if Path("/proc").is_dir():
        sampler.start()
    out_chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True) if capture else None  # type: ignore[union-attr]
    if reader:
        reader.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        done.set()
    wall = time.perf_counter() - started
    if reader:
        reader.join(timeout)
    proc.returncode = os.waitstatus_to_exitcode(status)
    process_peak = usage.ru_maxrss / 1024  # kB on Linux
    return wall, b"".join(out_chunks).decode("utf-8", "replace"), proc.returncode, process_peak, tree_peak[0] / 1024


def measure(name: str, cmd: list[str], repeat: int, env: dict[str, str] | None = None, inner: bool = False, note: str = "") -> Timing:
    timing = Timing(name, note=note)
    for _ in range(repeat):
        wall, out, _status, process_peak, tree_peak = run(cmd, env, capture=inner)
        seconds = json.loads(out.strip().splitlines()[-1])["seconds"] if inner else wall
        timing.runs.append(seconds)
        timing.peak_process_mb = max(timing.peak_process_mb, process_peak)
        timing.peak_tree_mb = max(timing.peak_tree_mb, tree_peak)
    print(f"  {name:<44} best {timing.best:8.3f} s  median {timing.median:8.3f} s  peak {timing.peak_process_mb:6.0f} MB (tree {timing.peak_tree_mb:.0f} MB)", flush=True)
    return timing


def thidua_cmd(*args: str) -> list[str]:
    return [PY, "-m", "thidua", *args]


def schema_files(tmp: Path) -> tuple[dict[str, Path], str]:
    """The JSON Schemas from ``thidua schema``; from the models directly if the command fails."""
    out: dict[str, Path] = {}
    how = "thidua schema"
    for kind in ("cluster-year", "cluster"):
        path = tmp / f"{kind}.json"
        done = subprocess.run(thidua_cmd("schema", "--kind", kind), capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip().startswith("{"):
            path.write_text(done.stdout, encoding="utf-8")
        else:
            how = "models.*.model_json_schema() (thidua schema was not available)"
            code = f"import json; from thidua import models; print(json.dumps(models.SCHEMA_KINDS['{kind}'].model_json_schema()))"
            path.write_text(subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout, encoding="utf-8")
        out[kind] = path
    return out, how


def tool(name: str) -> list[str] | None:
    exe = shutil.which(name, path=str(Path(PY).parent) + os.pathsep + os.environ.get("PATH", ""))
    return [exe] if exe else None


def chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def peers(data: Path, tmp: Path, repeat: int) -> list[Timing]:
    results = []
    yamllint = tool("yamllint")
    if yamllint:
        results.append(measure("yamllint (default rules)", [*yamllint, "-f", "parsable", str(data)], repeat))
    else:
        print("  yamllint not installed: pip install -e '.[bench]'")
    checker = tool("check-jsonschema")
    if checker:
        schemas, how = schema_files(tmp)
        year_files = sorted(str(p) for p in data.glob("clusters/*/[0-9][0-9][0-9][0-9].yaml"))
        cluster_files = sorted(str(p) for p in data.glob("clusters/*/cluster.yaml"))
        # one process per 5,000 files keeps the command line under ARG_MAX; start-ups are counted
        script = tmp / "check_all.sh"
        lines = ["set -e"]
        for kind, files in (("cluster-year", year_files), ("cluster", cluster_files)):
            for part in chunks(files, 5000):
                lines.append(" ".join([checker[0], "--schemafile", str(schemas[kind]), *part]) + " >/dev/null || true")
        script.write_text("\n".join(lines) + "\n", encoding="utf-8")
        results.append(measure("check-jsonschema (schemas from thidua)", ["bash", str(script)], repeat, note=how))
    else:
        print("  check-jsonschema not installed: pip install -e '.[bench]'")
    return results


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = subprocess.run([PY, "-c", "import typer, yaml, pydantic; print(typer.__version__, yaml.__version__, pydantic.__version__)"],
                              capture_output=True, text=True, check=False).stdout.split()
    return {
        "cpus": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "typer/pyyaml/pydantic": "/".join(versions),
        "system": f"{platform.system()} {platform.release()}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="cluster-year files to generate (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--peer-repeat", type=int, default=None, help="runs of yamllint and check-jsonschema (default: --repeat)")
    parser.add_argument("--startup-repeat", type=int, default=15)
    parser.add_argument("--dir", type=Path, default=None, help="generate here and keep it (default: a temporary directory)")
    parser.add_argument("--no-peers", action="store_true", help="skip yamllint and check-jsonschema")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also print the N hottest functions of validate (cProfile)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures to this file too")
    args = parser.parse_args(argv)
    peer_repeat = args.peer_repeat or args.repeat

    # In tmpfs when there is one: this VM reclaims page cache within seconds, and the question is
    # the cost of parsing and checking, not of a virtual disk (every tool reads the same files).
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None) as scratch:
        tmp = Path(scratch)
        data = args.dir or tmp / "data"
        if not (data / "provinces.yaml").exists():
            subprocess.run([PY, str(HERE / "generate.py"), str(data), "--files", str(args.files), "--seed", str(args.seed)], check=True)
        count = sum(1 for _ in data.rglob("*.yaml"))
        info = machine()
        print(f"machine: {info}")
        print(f"data: {data} ({args.files} cluster-year files, {count} YAML files in all)\n")

        print("throughput")
        floor = measure("floor: yaml.load(CSafeLoader), 1 process", [PY, "-c", FLOOR, str(data)], args.repeat, inner=True)
        serial = measure("validate, library, THIDUA_JOBS=1", [PY, "-c", LIBRARY, str(data)], args.repeat, {"THIDUA_JOBS": "1"}, inner=True)
        both = measure("validate, library, every core", [PY, "-c", LIBRARY, str(data)], args.repeat, inner=True)
        cli = measure("thidua validate DIR (start-up included)", thidua_cmd("validate", str(data)), args.repeat)
        others = [] if args.no_peers else peers(data, tmp, peer_repeat)

        print("\nstart-up")
        minimal = tmp / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        registry_only = tmp / "registry-only"
        registry_only.mkdir()
        shutil.copy(data / "provinces.yaml", registry_only)
        for _ in range(2):  # warm the bytecode caches and the page cache
            run([PY, str(minimal), "--version"])
            run(thidua_cmd("--version"))
        typer_app = measure("minimal typer app --version", [PY, str(minimal), "--version"], args.startup_repeat)
        version = measure("thidua --version", thidua_cmd("--version"), args.startup_repeat)
        typer_cmd = measure("minimal typer app check DIR", [PY, str(minimal), "check", str(registry_only)], args.startup_repeat)
        empty = measure("thidua validate DIR (provinces.yaml only)", thidua_cmd("validate", str(registry_only)), args.startup_repeat)

        print("\nratios (best of runs)")
        ratios = {
            "validate serial / floor": serial.best / floor.best,
            "validate every core / floor": both.best / floor.best,
            "thidua validate command / floor": cli.best / floor.best,
            "thidua --version / minimal typer app": version.best / typer_app.best,
            "validate on provinces.yaml only / minimal typer app": empty.best / typer_cmd.best,
        }
        for peer in others:
            ratios[f"{peer.name} / floor"] = peer.best / floor.best
            ratios[f"{peer.name} / thidua validate command"] = peer.best / cli.best
        for name, value in ratios.items():
            print(f"  {name:<66} {value:6.2f}x")
        print(f"\npeak memory of thidua validate on {args.files} files: {max(cli.peak_process_mb, both.peak_process_mb):.0f} MB per process, "
              f"{max(cli.peak_tree_mb, both.peak_tree_mb):.0f} MB for the whole process tree")

        if args.profile:
            print(f"\nprofile of validate (serial, cProfile, {args.profile} hottest by own time)")
            subprocess.run([PY, "-c", PROFILE, str(data), str(tmp / "profile.out"), str(args.profile)], env={**os.environ, "THIDUA_JOBS": "1"}, check=False)

        if args.json:
            timings = [floor, serial, both, cli, *others, typer_app, version, typer_cmd, empty]
            args.json.write_text(json.dumps({
                "machine": info, "files": args.files, "yaml_files": count,
                "timings": {t.name: {"best": t.best, "median": t.median, "runs": t.runs, "peak_process_mb": t.peak_process_mb, "peak_tree_mb": t.peak_tree_mb, "note": t.note} for t in timings},
                "ratios": ratios,
            }, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
