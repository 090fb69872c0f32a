"""Benchmark ``thidua validate`` against libyaml floors, a minimal typer app and its peers, on generated data.

    pip install -e '.[bench]'
    python bench/run.py --files 2000              # the reference run: under 10 minutes on 2 cores
    python bench/run.py --files 200 --peer-repeat 1 --no-hostile   # a quick look while developing
    python bench/run.py --files 20000 --repeat 3 --peer-repeat 1

What one run does (bench/README.md says how to read each figure):

* generates N valid cluster-year files and, from the same seed, a copy with ``--broken`` of them
  given one realistic mistake each (bench/generate.py), in tmpfs when there is one;
* throughput: every measure of a group runs once per repetition, in turn (A B C … then … C B A:
  interleaved, so that drift of a shared machine hits every measure alike), each in a fresh
  process; figures are medians, and ratios are *paired*: the median (and min–max) of the ratios
  taken within each repetition;
* floors: ``yaml.load(text, Loader=yaml.CSafeLoader)`` of every file in one process, as PyYAML
  does it by default (garbage collector on) and with the collector off (as ``thidua validate``
  runs); the one-process ``validate`` is the headline, the second core (worker processes) is
  reported apart;
* the error path: the same measures on the broken copy (exit 1, every diagnostic located and
  rendered);
* peers: yamllint and check-jsonschema (whether ruamel.yaml.clib, its C parser, is installed is
  printed; with it, check-jsonschema is timed both with it and with it blocked);
* start-up: ``thidua --version`` and ``thidua validate`` on a directory holding only the registry,
  against a working minimal two-command typer app (its second command takes a path argument);
* rank stability: ``analyse(ranking, Settings(samples=1000))`` on the shipped
  hai-duong-cap-huyen 2023 (12 members × 14 indicators);
* hostile input: CPU time and peak memory of the heaviest cases (bench/hostile.py).

Every process's exit status is checked against what it should be; a wrong one stops the run with
a message (a figure for a process that failed is no figure). This script imports neither thidua
nor yaml, so that it measures only its children, and stays small (see ``run``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
sys.path.insert(0, str(HERE))

import hostile  # noqa: E402  (bench/hostile.py, next to this file)

# Inner scripts read every file once untimed (the page cache is warm for all), then time their
# work and print one JSON line. ``cpu`` is the process's own CPU time for the timed part.
FLOOR = """
import gc, json, sys, time, yaml
from pathlib import Path
files = sorted(Path(sys.argv[1]).rglob("*.yaml"))
for f in files: f.read_bytes()
if sys.argv[2] == "gc-off": gc.disable()
started, cpu = time.perf_counter(), time.process_time()
for f in files:
    yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "files": len(files)}))
"""

LIBRARY = """
import json, sys, time
from pathlib import Path
from thidua.output.render.diagnostics import render_text
from thidua.services.validate import validate_paths
for f in sorted(Path(sys.argv[1]).rglob("*.yaml")): f.read_bytes()
started, cpu = time.perf_counter(), time.process_time()
result = validate_paths([Path(sys.argv[1])])
text = render_text(result.diagnostics, result.files)
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "files": result.files,
                  "errors": sum(d.severity == "error" for d in result.diagnostics), "chars": len(text)}))
"""

PROFILE = """
import cProfile, pstats, sys
from pathlib import Path
from thidua.services.validate import validate_paths
cProfile.run("validate_paths([Path(sys.argv[1])])", sys.argv[2])
pstats.Stats(sys.argv[2]).sort_stats("tottime").print_stats(int(sys.argv[3]))
"""

STABILITY = """
import json, sys, time
from pathlib import Path
from thidua.repository.loader import load_repository
from thidua.domain.ranking import rank
from thidua.domain.stability import Settings, analyse
ranking = rank(load_repository(Path(sys.argv[1]), only=["hai-duong-cap-huyen"]).clusters["hai-duong-cap-huyen"].years[2023])
shape = (len(ranking.entries), len(ranking.cluster_year.year.indicators))
assert shape == (12, 14), shape
wall, cpu = [], []
for _ in range(int(sys.argv[2]) + 1):
    w, c = time.perf_counter(), time.process_time()
    analyse(ranking, Settings(samples=1000))
    wall.append(time.perf_counter() - w)
    cpu.append(time.process_time() - c)
print(json.dumps({"first": wall[0], "first_cpu": cpu[0], "wall": wall[1:], "cpu": cpu[1:]}))
"""

# A working minimal typer app: two commands, the second taking a path ARGUMENT (as `thidua
# validate PATH` does) and reading nothing heavy: it lists the YAML file names it is given.
MINIMAL_APP = '''
"""A minimal two-command typer app: the framework's own start-up floor."""
from pathlib import Path

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
def check(path: Path = typer.Argument(..., help="A data directory.")) -> None:
    print(f"{path}: {sum(1 for _ in path.glob('*.yaml'))} YAML file(s)")


if __name__ == "__main__":
    app()
'''


class BenchmarkError(SystemExit):
    """A process did not do what it should: the run stops (a failed process gives no figure)."""


@dataclass
class Spec:
    key: str
    label: str
    cmd: list[str]
    env: dict[str, str] = field(default_factory=dict)
    expect: int = 0  # the exit status it must return
    inner: bool = False  # the child reports its own time (JSON, last line of stdout)
    check: Callable[[str], str | None] | None = None  # given stdout, a complaint or None
    note: str = ""


@dataclass
class Timing:
    spec: Spec
    runs: list[float] = field(default_factory=list)  # seconds, per repetition (None-free)
    cpu: list[float] = field(default_factory=list)  # CPU seconds of the whole process tree, start-up included
    work_cpu: list[float] = field(default_factory=list)  # CPU of the timed part (inner) or of the whole process
    peak_process_mb: float = 0.0
    peak_tree_mb: float = 0.0
    codes: set[int] = field(default_factory=set)
    extra: dict = field(default_factory=dict)

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


@dataclass
class Run:
    wall: float
    status: int
    cpu: float  # user + system of the child and of the descendants it waited for (its workers)
    peak_process_mb: float
    peak_tree_mb: float
    stdout: str
    stderr: str


def run(cmd: list[str], scratch: Path, env: dict[str, str] | None = None, timeout: float = 1800) -> Run:
    """Run ``cmd`` once: wall time, exit status, CPU time, peak RSS of the largest process and of the tree.

    Output goes to files, not pipes, so that this process stays small: on Linux a child's
    ru_maxrss starts from its parent's size (it survives fork and exec).
    """
    out, err = scratch / "child.stdout", scratch / "child.stderr"
    # Bytecode as an installed package has it (pip compiles it at install, and typer's is there):
    # with PYTHONDONTWRITEBYTECODE set, a source checkout compiles every thidua module on every
    # run, ~100 ms of start-up that no installed thidua pays and no peer pays either.
    full_env = {k: v for k, v in {**os.environ, **(env or {})}.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, env=full_env)
        tree_peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                tree_peak[0] = max(tree_peak[0], _tree_rss_kb(proc.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        if Path("/proc").is_dir():
            sampler.start()
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            done.set()
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if wall >= timeout:
        raise BenchmarkError(f"timed out after {timeout:.0f} s: {shlex.join(cmd)}")
    return Run(wall, proc.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, tree_peak[0] / 1024,
               out.read_text(encoding="utf-8", errors="replace"), err.read_text(encoding="utf-8", errors="replace")[-3000:])


def checked(spec: Spec, scratch: Path) -> tuple[Run, dict]:
    """One run of ``spec``; stops the benchmark if its exit status or output is not what it must be."""
    got = run(spec.cmd, scratch, spec.env)
    if got.status != spec.expect:
        raise BenchmarkError(f"\n{spec.label}: exit status {got.status}, expected {spec.expect}; the benchmark stops.\n"
                             f"command: {shlex.join(spec.cmd)}\nstderr (end):\n{got.stderr}\nstdout (end):\n{got.stdout[-2000:]}")
    reported: dict = {}
    if spec.inner:
        try:
            reported = json.loads(got.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            raise BenchmarkError(f"{spec.label}: no timing on stdout\n{got.stderr}") from None
    complaint = spec.check(got.stdout) if spec.check else None
    if complaint:
        raise BenchmarkError(f"{spec.label}: {complaint}; the benchmark stops.\ncommand: {shlex.join(spec.cmd)}")
    return got, reported


def interleaved(title: str, specs: list[Spec], repeat: int, scratch: Path, warm: int = 0) -> dict[str, Timing]:
    """Each repetition runs every spec once, forwards on even repetitions and backwards on odd ones.

    ``warm`` untimed rounds first (the start-up group). The inner
    measures warm the page cache themselves; bytecode is compiled by a first untimed command run
    before any group (see ``bench``); a wrong exit status stops the run at the first repetition.
    """
    print(f"\n{title} ({repeat} interleaved repetitions)", flush=True)
    for _ in range(warm):
        for spec in specs:
            checked(spec, scratch)
    timings = {s.key: Timing(s) for s in specs}
    for i in range(repeat):
        for spec in specs if i % 2 == 0 else reversed(specs):
            got, reported = checked(spec, scratch)
            t = timings[spec.key]
            t.runs.append(reported["seconds"] if spec.inner else got.wall)
            t.cpu.append(got.cpu)
            t.work_cpu.append(reported["cpu"] if spec.inner else got.cpu)
            t.codes.add(got.status)
            t.peak_process_mb = max(t.peak_process_mb, got.peak_process_mb)
            t.peak_tree_mb = max(t.peak_tree_mb, got.peak_tree_mb)
            t.extra = {k: v for k, v in reported.items() if k not in ("seconds", "cpu")}
        print(f"  repetition {i + 1}/{repeat} done", flush=True)
    for t in timings.values():
        print(f"  {t.spec.label:<58} median {t.median:8.3f} s  (min {min(t.runs):.3f}, max {max(t.runs):.3f}, n={len(t.runs)})"
              f"  CPU {statistics.median(t.cpu):7.3f} s  peak {t.peak_process_mb:5.0f} MB (tree {t.peak_tree_mb:.0f})  exit {sorted(t.codes)}", flush=True)
    return timings


@dataclass
class Ratio:
    label: str
    median: float
    low: float
    high: float
    pairs: int


def paired(label: str, num: Timing, den: Timing, cpu: bool = False) -> Ratio:
    """The median and range of num/den over the repetitions both ran in (paired, not a ratio of medians).

    With ``cpu``, of CPU times instead of wall times: of the timed part for the inner measures
    (single-process ones only: a parent's CPU time does not include its workers'), of the whole
    process for the others. Less disturbed than wall time by other jobs on the machine.
    """
    values = [a / b for a, b in zip(num.work_cpu if cpu else num.runs, den.work_cpu if cpu else den.runs, strict=False)]
    return Ratio(label, statistics.median(values), min(values), max(values), len(values))


def thidua_cmd(*args: str) -> list[str]:
    return [PY, "-m", "thidua", *args]


def tool(name: str) -> str | None:
    return shutil.which(name, path=str(Path(PY).parent) + os.pathsep + os.environ.get("PATH", ""))


def probe(code: str) -> str:
    done = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else "?"


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = next(f"{int(line.split()[1]) / 1024 / 1024:.0f} GB" for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        memory = "?"
    versions = "import importlib.metadata as m; print(' '.join(f'{p} {m.version(p)}' for p in ('thidua', 'typer', 'click', 'rich', 'PyYAML', 'pydantic', 'ruamel.yaml', 'yamllint', 'check-jsonschema')))"
    return {
        "cores": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "libyaml": probe("import yaml; print(f'yaml.__with_libyaml__={yaml.__with_libyaml__}, yaml._yaml.get_version_string()={yaml._yaml.get_version_string()}')"),
        "ruamel.yaml.clib": probe("import importlib.metadata as m, _ruamel_yaml; print('installed, ' + m.version('ruamel.yaml.clib'))") if probe("import _ruamel_yaml; print(1)") == "1" else "not installed (ruamel.yaml uses its pure-Python parser)",
        "packages": probe(versions),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def peer_specs(data: Path, scratch: Path, clib: bool, both_parsers: bool) -> list[Spec]:
    specs = []
    yamllint = tool("yamllint")
    if yamllint:
        # yamllint exits 1 when it reports problems (it does here: line length, document start…); 2 would be a usage error
        specs.append(Spec("yamllint", "yamllint, default rules", [yamllint, "-f", "parsable", str(data)], expect=1,
                          check=lambda out: None if out.strip() else "no findings at all: did it read the files?"))
    else:
        print("  yamllint not installed: pip install -e '.[bench]'")
    if tool("check-jsonschema"):
        schemas = {}
        for kind in ("cluster-year", "cluster"):
            done = subprocess.run(thidua_cmd("schema", "--kind", kind), capture_output=True, text=True, check=False)
            if done.returncode != 0 or not done.stdout.strip().startswith("{"):
                raise BenchmarkError(f"thidua schema --kind {kind}: exit {done.returncode}\n{done.stderr[-2000:]}")
            schemas[kind] = scratch / f"{kind}.json"
            schemas[kind].write_text(done.stdout, encoding="utf-8")
        year_files = sorted(str(p) for p in data.glob("clusters/*/[0-9][0-9][0-9][0-9].yaml"))
        cluster_files = sorted(str(p) for p in data.glob("clusters/*/cluster.yaml"))
        variants = [("check-jsonschema", "C parser (ruamel.yaml.clib)" if clib else "pure-Python parser (ruamel.yaml.clib not installed)", "")]
        if clib and both_parsers:  # the same, with the C parser made unimportable: what a user without the wheel gets
            variants.append(("check-jsonschema-pure", "pure-Python parser (ruamel.yaml.clib blocked)", "import sys; sys.modules['_ruamel_yaml'] = None; "))
        for key, how, block in variants:
            script = scratch / f"{key}.sh"
            # one process per 5,000 files keeps the command line under ARG_MAX; start-ups are counted.
            # The script's status is the worst of its parts: 0 only if every file passed.
            lines = ["status=0"]
            for kind, files in (("cluster-year", year_files), ("cluster", cluster_files)):
                for part in [files[i : i + 5000] for i in range(0, len(files), 5000)]:
                    code = (block or "import sys; ") + "from check_jsonschema import main; sys.argv[0] = 'check-jsonschema'; main()"
                    call = [PY, "-c", code, "--schemafile", str(schemas[kind]), *part]
                    lines.append(shlex.join(call) + " >/dev/null || status=$?")
            lines.append("exit $status")
            script.write_text("\n".join(lines) + "\n", encoding="utf-8")
            specs.append(Spec(key, f"check-jsonschema, {how}", ["bash", str(script)], note=how))
    else:
        print("  check-jsonschema not installed: pip install -e '.[bench]'")
    return specs


def library_check(broken: bool) -> Callable[[str], str | None]:
    def check(out: str) -> str | None:
        errors = json.loads(out.strip().splitlines()[-1])["errors"]
        if broken and not errors:
            return "no error found on the broken repository"
        if not broken and errors:
            return f"{errors} errors on the generated repository, which must be valid"
        return None

    return check


def fmt_ratio(r: Ratio) -> str:
    return f"{r.median:.2f}× ({r.low:.2f}–{r.high:.2f}, n={r.pairs})"


def row(t: Timing, ratios: str = "") -> str:
    s = t.spec
    cpu = statistics.median(t.cpu)
    return (f"| {s.label} | {t.median:.3f} s | {min(t.runs):.3f}–{max(t.runs):.3f} | {cpu:.2f} s | "
            f"{t.peak_process_mb:.0f} / {t.peak_tree_mb:.0f} MB | {','.join(map(str, sorted(t.codes)))} | {ratios} |")


HEADER = ("| measure | median | min–max | CPU (median) | peak RSS process / tree | exit | paired ratios: median (min–max) |\n"
          "|---|---:|---:|---:|---:|---:|---|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="cluster-year files to generate (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--broken", type=float, default=0.05, metavar="FRACTION", help="share of files broken for the error path (default 0.05)")
    parser.add_argument("--repeat", type=int, default=None, help="interleaved repetitions of the throughput measures (default 7 up to 2,000 files, 5 up to 10,000, else 3)")
    parser.add_argument("--peer-files", type=int, default=400, help="cluster-year files of the (smaller) repository the peers are timed on (default 400)")
    parser.add_argument("--peer-repeat", type=int, default=2, help="interleaved repetitions of the peer group (default 2)")
    parser.add_argument("--peer-both-parsers", action="store_true",
                        help="with ruamel.yaml.clib installed, time check-jsonschema also with it blocked (its pure-Python parser)")
    parser.add_argument("--startup-repeat", type=int, default=15)
    parser.add_argument("--stability-repeat", type=int, default=7, help="analyse() calls after the first (default 7)")
    parser.add_argument("--hostile-repeat", type=int, default=3)
    parser.add_argument("--no-peers", action="store_true", help="skip yamllint and check-jsonschema")
    parser.add_argument("--no-hostile", action="store_true", help="skip the hostile-input cases")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also print the N hottest functions of validate (cProfile)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures to this file too")
    parser.add_argument("--markdown", type=Path, default=None, help="write the Markdown report to this file too")
    args = parser.parse_args(argv)
    if not 0 < args.broken <= 1:
        parser.error("--broken must be above 0 (the error path needs broken files) and at most 1")
    repeat = args.repeat or (7 if args.files <= 2000 else 5 if args.files <= 10_000 else 3)
    peer_repeat = args.peer_repeat
    args.peer_files = min(args.peer_files, args.files)
    command = "python bench/run.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    began = time.perf_counter()

    # In tmpfs when there is one: the question is the cost of parsing and checking, not of a
    # virtual disk (every tool reads the same files, each timed pass after a warm one).
    shm = Path("/dev/shm")
    try:
        with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None) as name:
            report = bench(args, Path(name), repeat, peer_repeat, command, began)
    except BenchmarkError as stop:
        print(stop.code, file=sys.stderr)
        return 3
    print("\n" + report)
    if args.markdown:
        args.markdown.write_text(report + "\n", encoding="utf-8")
    return 0


def bench(args: argparse.Namespace, tmp: Path, repeat: int, peer_repeat: int, command: str, began: float) -> str:
    data, broken, small = tmp / "data", tmp / "broken", tmp / "peers"
    made = [(data, args.files, 0.0), (broken, args.files, args.broken)]
    if not args.no_peers:
        made.append((small, args.peer_files, 0.0))
    for out, files, fraction in made:
        subprocess.run([PY, str(HERE / "generate.py"), str(out), "--files", str(files), "--seed", str(args.seed), "--broken", str(fraction)], check=True)
    count = sum(1 for _ in data.rglob("*.yaml"))
    info = machine()
    clib = info["ruamel.yaml.clib"].startswith("installed")
    print("machine:", json.dumps(info, indent=1, ensure_ascii=False))
    print(f"data: {data} ({args.files} cluster-year files, {count} YAML files in all); broken copy: {broken}")

    minimal = tmp / "minimal_app.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    registry_only = tmp / "registry-only"
    registry_only.mkdir()
    shutil.copy(data / "provinces.yaml", registry_only)
    for cmd in (thidua_cmd("validate", str(registry_only)), [PY, str(minimal), "check", str(registry_only)]):
        if subprocess.run(cmd, capture_output=True, check=False).returncode != 0:  # compiles the bytecode, untimed
            raise BenchmarkError(f"{shlex.join(cmd)} fails; the benchmark stops")

    # --- throughput, valid data and error path, one interleaved group --------------------------
    one = {"THIDUA_JOBS": "1"}
    specs = [
        Spec("floor", "floor: yaml.load(CSafeLoader), GC on (PyYAML's default)", [PY, "-c", FLOOR, str(data), "gc-on"], inner=True),
        Spec("floor-nogc", "floor: yaml.load(CSafeLoader), GC off", [PY, "-c", FLOOR, str(data), "gc-off"], inner=True),
        Spec("lib1", "validate, library call, 1 process (THIDUA_JOBS=1)", [PY, "-c", LIBRARY, str(data)], one, inner=True, check=library_check(False)),
        Spec("lib", "validate, library call, default jobs (workers on every core)", [PY, "-c", LIBRARY, str(data)], inner=True, check=library_check(False)),
        Spec("cli", "`thidua validate DIR --no-cache`, default jobs, start-up included", thidua_cmd("validate", str(data), "--no-cache")),
        Spec("lib1-broken", f"error path: validate, library call, 1 process, {args.broken:.0%} of files broken", [PY, "-c", LIBRARY, str(broken)], one, inner=True, check=library_check(True)),
        Spec("cli-broken", f"error path: `thidua validate DIR --no-cache`, default jobs, {args.broken:.0%} broken (exit 1)", thidua_cmd("validate", str(broken), "--no-cache"), expect=1),
    ]
    t = interleaved("throughput and error path", specs, repeat, tmp)

    # --- peers, on a smaller repository, against thidua and the floor on the same files ----------------
    p: dict[str, Timing] = {}
    if not args.no_peers:
        base = [
            Spec("floor-nogc", f"floor, GC off, on {args.peer_files} files", [PY, "-c", FLOOR, str(small), "gc-off"], inner=True),
            Spec("cli", f"`thidua validate DIR --no-cache`, default jobs, on {args.peer_files} files", thidua_cmd("validate", str(small), "--no-cache")),
        ]
        p = interleaved(f"peers, on {args.peer_files} cluster-year files", base + peer_specs(small, tmp, clib, args.peer_both_parsers), peer_repeat, tmp)

    # --- start-up ---------------------------------------------------------------------------------
    startup_specs = [
        Spec("python", "`python -c pass` (the interpreter alone)", [PY, "-c", "pass"]),
        Spec("min-version", "minimal typer app `--version`", [PY, str(minimal), "--version"],
             check=lambda out: None if out.strip() == "minimal 1.0" else f"printed {out!r}"),
        Spec("version", "`thidua --version`", thidua_cmd("--version")),
        Spec("min-check", "minimal typer app `check DIR` (a path argument)", [PY, str(minimal), "check", str(registry_only)],
             check=lambda out: None if "1 YAML file" in out else f"printed {out!r}"),
        Spec("empty", "`thidua validate DIR`, DIR holding only provinces.yaml (its cache warm)", thidua_cmd("validate", str(registry_only))),
        Spec("empty-nocache", "`thidua validate DIR --no-cache`, the same, nothing cached", thidua_cmd("validate", str(registry_only), "--no-cache")),
    ]
    s = interleaved("start-up", startup_specs, args.startup_repeat, tmp, warm=2)

    # --- rank stability ---------------------------------------------------------------------------
    print("\nrank stability: analyse(ranking, Settings(samples=1000)), hai-duong-cap-huyen 2023", flush=True)
    got, stab = checked(Spec("stability", "stability", [PY, "-c", STABILITY, str(HERE.parent / "data"), str(args.stability_repeat)], inner=True), tmp)
    stab = json.loads(got.stdout.strip().splitlines()[-1])
    print(f"  first call {stab['first']:.3f} s, then median {statistics.median(stab['wall']):.3f} s (CPU {statistics.median(stab['cpu']):.3f} s)")

    # --- hostile input ----------------------------------------------------------------------------
    hostile_rows = []
    if not args.no_hostile:
        print(f"\nhostile input (bench/hostile.py, {args.hostile_repeat} runs each)", flush=True)
        hostile_rows = hostile.measure(args.hostile_repeat, scratch_dir=tmp)

    if args.profile:
        print(f"\nprofile of validate (serial, cProfile, {args.profile} hottest by own time)")
        subprocess.run([PY, "-c", PROFILE, str(data), str(tmp / "profile.out"), str(args.profile)], env={**os.environ, "THIDUA_JOBS": "1"}, check=False)

    # --- ratios and the report ----------------------------------------------------------------------
    def r(label: str, a: str, b: str, group: dict[str, Timing] = t) -> Ratio:
        return paired(label, group[a], group[b])

    ratios = {
        "lib1": [r("/ floor", "lib1", "floor"), r("/ floor GC off", "lib1", "floor-nogc"),
                 paired("CPU / floor", t["lib1"], t["floor"], cpu=True), paired("CPU / floor GC off", t["lib1"], t["floor-nogc"], cpu=True)],
        "lib": [r("/ 1 process", "lib", "lib1"), r("/ floor GC off", "lib", "floor-nogc")],
        "cli": [r("/ floor GC off", "cli", "floor-nogc"), r("/ library call, 1 process", "cli", "lib1")],
        "lib1-broken": [r("/ valid data", "lib1-broken", "lib1"), r("/ floor GC off", "lib1-broken", "floor-nogc"),
                        paired("CPU / valid data", t["lib1-broken"], t["lib1"], cpu=True)],
        "cli-broken": [r("/ valid data", "cli-broken", "cli")],
        "floor-nogc": [r("/ floor", "floor-nogc", "floor"), paired("CPU / floor", t["floor-nogc"], t["floor"], cpu=True)],
    }
    peer_ratios = {}
    for key in ("yamllint", "check-jsonschema", "check-jsonschema-pure"):
        if key in p:
            peer_ratios[key] = [r("/ floor GC off", key, "floor-nogc", p), r("/ `thidua validate`", key, "cli", p)]
    if p:
        peer_ratios["cli"] = [r("/ floor GC off", "cli", "floor-nogc", p)]
    ratios["version"] = [r("/ minimal --version", "version", "min-version", s), paired("CPU", s["version"], s["min-version"], cpu=True)]
    ratios["empty"] = [r("/ minimal check DIR", "empty", "min-check", s), paired("CPU", s["empty"], s["min-check"], cpu=True)]
    ratios["empty-nocache"] = [r("/ minimal check DIR", "empty-nocache", "min-check", s), paired("CPU", s["empty-nocache"], s["min-check"], cpu=True)]
    ratios["min-check"] = [r("/ minimal --version", "min-check", "min-version", s)]

    def rows(group: dict[str, Timing], keys: list[str], table: dict[str, list[Ratio]] = ratios) -> list[str]:
        return [row(group[k], "; ".join(f"{x.label}: {fmt_ratio(x)}" for x in table.get(k, []))) for k in keys if k in group]

    errors = t["lib1-broken"].extra.get("errors", "?")
    head = [
        f"Command: `{command}`  ",
        f"Finished {time.strftime('%Y-%m-%d %H:%M %Z')}, in {time.perf_counter() - began:.0f} s. "
        f"{args.files} cluster-year files ({count} YAML files, seed {args.seed}), in "
        f"{'tmpfs' if str(tmp).startswith('/dev/shm') else 'a temporary directory'}.  ",
        "Machine: " + "; ".join(f"{k}: {v}" for k, v in info.items()) + f"; load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}.  ",
        f"Repetitions: {repeat} interleaved (peers {peer_repeat}, on {args.peer_files} files), start-up {args.startup_repeat}. Every exit status was checked "
        "(column *exit*: the statuses seen; any other stops the run).",
    ]
    lib1, floor, nogc = ratios["lib1"], ratios["floor-nogc"][0], ratios["lib1"][1]
    clib_note = ("with ruamel.yaml.clib installed (its C parser, the fast path)" if clib
                 else "WITHOUT ruamel.yaml.clib (pure-Python parser: `pip install ruamel.yaml.clib` for its fast path)")
    headline = [
        "",
        "**Headline (one process, start-up excluded):** `validate` takes "
        f"{fmt_ratio(lib1[0])} the time of PyYAML's default libyaml floor and {fmt_ratio(nogc)} the GC-off floor "
        f"(the GC-off floor itself is {fmt_ratio(floor)} the default one); in CPU time {fmt_ratio(lib1[2])} and {fmt_ratio(lib1[3])}. "
        f"**Second core, separately:** with worker processes the library call takes {fmt_ratio(ratios['lib'][0])} of its one-process time "
        f"and {fmt_ratio(ratios['lib'][1])} the GC-off floor. "
        f"**Start-up:** `thidua validate` on a registry-only directory takes {fmt_ratio(ratios['empty'][0])} the time of the minimal typer "
        f"app's `check DIR` (CPU time: {fmt_ratio(ratios['empty'][1])}); `thidua --version` {fmt_ratio(ratios['version'][0])} of its `--version` "
        f"(CPU: {fmt_ratio(ratios['version'][1])}). "
        f"**Error path:** with {args.broken:.0%} of files broken ({errors} errors located and rendered), one-process validate takes "
        f"{fmt_ratio(ratios['lib1-broken'][0])} its time on the valid data.",
    ]
    throughput = ["", f"### Throughput and error path ({args.files} cluster-year files)", "", HEADER,
                  *rows(t, ["floor", "floor-nogc", "lib1", "lib", "cli", "lib1-broken", "cli-broken"])]
    if p:
        peers = ["", f"### Peers ({args.peer_files} cluster-year files; check-jsonschema {clib_note})", "", HEADER,
                 *rows(p, ["floor-nogc", "cli", "yamllint", "check-jsonschema", "check-jsonschema-pure"], peer_ratios)]
    else:
        peers = ["", "Peers skipped (--no-peers)."]
    startup = ["", "### Start-up", "", HEADER, *rows(s, ["python", "min-version", "version", "min-check", "empty", "empty-nocache"])]
    stability = [
        "", "### Rank stability", "",
        "`analyse(ranking, Settings(samples=1000))` of thidua.domain.stability on the shipped hai-duong-cap-huyen 2023 "
        f"(12 members × 14 indicators), in one process: first call {stab['first']:.3f} s (CPU {stab['first_cpu']:.3f} s); "
        f"the next {len(stab['wall'])}: median {statistics.median(stab['wall']):.3f} s (min–max {min(stab['wall']):.3f}–{max(stab['wall']):.3f}), "
        f"CPU median {statistics.median(stab['cpu']):.3f} s.",
    ]
    hostile_md = ["", "### Hostile input (bench/hostile.py)", "", hostile.markdown(hostile_rows)] if hostile_rows else []
    report = "\n".join([*head, *headline, *throughput, *peers, *startup, *stability, *hostile_md])

    if args.json:
        def dump(group: dict[str, Timing]) -> dict:
            return {k: {"label": v.spec.label, "command": shlex.join(v.spec.cmd), "runs": v.runs, "cpu": v.cpu, "median": v.median,
                        "peak_process_mb": v.peak_process_mb, "peak_tree_mb": v.peak_tree_mb, "exit": sorted(v.codes), "note": v.spec.note,
                        **v.extra} for k, v in group.items()}
        args.json.write_text(json.dumps({
            "command": command, "machine": info, "files": args.files, "yaml_files": count, "repeat": repeat, "peer_repeat": peer_repeat,
            "throughput": dump(t), "peers": dump(p), "startup": dump(s), "peer_files": args.peer_files,
            "ratios": {k: [vars(x) for x in v] for k, v in ratios.items()},
            "peer_ratios": {k: [vars(x) for x in v] for k, v in peer_ratios.items()},
            "stability": stab, "hostile": hostile_rows,
        }, indent=2, ensure_ascii=False), encoding="utf-8")
    return report


if __name__ == "__main__":
    sys.exit(main())
