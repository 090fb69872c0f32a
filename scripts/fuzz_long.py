"""A long fuzzing run of every ``thidua`` command over mutated copies of the shipped data.

    python scripts/fuzz_long.py [--minutes 30 | --mutations N] [--seed S] [--out fuzz-failures]
                                [--subprocess] [--command-timeout 60] [--keep 2] [--jobs N]
                                [--only validate|rank|awards|rotate|fmt ...]
    python scripts/fuzz_long.py --replay fuzz-failures/<kind>/<example>

Each mutation changes ONE file of data/ (byte flips, deleted / duplicated / moved lines, swapped
values, type changes, random unicode with control and bidi characters, huge numbers, impossible
dates, deep nesting, anchors; or removes or renames the file). For every mutation each command
below runs on a fresh scratch copy of the mutated repository ``D`` (so every failure replays
from the mutation and that one command alone)::

    validate D
    validate --format json D            (and its report: valid JSON, every diagnostic coded)
    rank YEAR --data D                  for every year file present
    awards YEAR --data D                for every year file present
    awards YEAR --data D --docx OUT     for every year file present
    rotate --cluster ID --data D        for every cluster directory
    rotate --cluster ID --data D --write
    fmt --check D
    fmt D

and is checked: no exception escapes, no "Traceback" in stdout/stderr, exit code in {0, 1, 2},
no raw ESC in the (piped) output, no file written, changed or removed except what the command is
for (rotate --write: its cluster's directory; awards --docx: .docx files in OUT; fmt: rewriting
existing files), every .docx written opens, and every YAML file written has no error ``validate``
did not already report for it before the command. Files that fmt rewrote must also keep every
comment, still parse, and be canonical (formatting them again changes nothing).

Commands run in-process (``typer.testing.CliRunner`` with ``thidua.cli.app.app``) in a worker
process, so a segfault or a hang is recorded as a failure ("crash" / "hang") and the run goes on;
``--subprocess`` runs ``python -m thidua`` per command instead. Failures are saved under
``--out`` (default ``fuzz-failures/``), one folder per example: the mutated repository
(``data/``), ``failure.json`` (mutation, command, kind, detail) and the command's output. At most
``--keep`` examples are saved per distinct failure (kind, command, signature). ``--replay DIR``
re-runs the saved command on the saved data and exits 1 if it still fails.

The summary ends with the line ``fuzz_long: N mutations, M commands, F failures`` and the exit
status is 1 when any command failed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import multiprocessing as mp
import multiprocessing.connection
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
import zipfile
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
KEEP_TMP = os.environ.get("FUZZ_KEEP_TMP") == "1"

# Placeholders in saved commands: the data directory and the --docx directory of the scratch copy.
D, OUT = "{DATA}", "{OUT}"

# --------------------------------------------------------------------------- mutations

VALUES = [
    "42", "-1", "7.5", ".nan", "-.inf", "0x1F", "012", "0o17", "12:30", "yes", "no", "on", "~", "null",
    "true", '"text"', "'quoted'", "[a, b]", "[]", "{a: 1}", "{}", "!!python/name:os.system", "!!binary aGk=",
    "&anchor x", "*anchor", "<<", "|", ">", "'unterminated", '"\\x"', '"\\uD800"', "bac-giang", "24", "Hà Nội",
    "Ha\u0300 No\u0323\u0302i", "- x", "? x", ": x", "%", "@", "`", "---", "...", "#", "!", "!!set {a, b}",
    "!!omap [a: 1]", "!!timestamp 2024-02-30", "[[[]]]", "{? [a]: b}", '""', "''", " ", "-", "-0", "+1",
]
HUGE = [
    "1e308", "1e999", "-1e999", "9" * 400, "-" + "9" * 40, "18446744073709551616", "9223372036854775808",
    "0x7fffffffffffffff", "1_000_000_000_000", "1e-400", "4.9e-324", ".inf", "2100", "1944", "99999", "0", "-0.0",
]
DATES = [
    "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "0000-00-00", "0001-01-01", "9999-12-31",
    "2024-2-3", "2024-02-30T25:61:00", "2024-04-31", "1900-02-29", "2024-06-31 10:00:00", "20240230",
    "'2024-02-30'", "2024-02-30Z", "10000-01-01",
]
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
CONTROL = "".join(map(chr, [*range(0, 32), 127, 0x85, *range(0x80, 0xA0)]))
ODD = "\u200b\u200c\u200d\u2060\ufeff\u00a0\u2028\u2029\u3000\u0301\u0323\ufffd\U0001f600\U0010ffff\ue000ẞǅ"
KEY_VALUE = re.compile(rb"^(\s*(?:- )?[^\s#:][^:#]*):(\s+)(\S.*)$")
YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


@dataclass
class Mutation:
    """One shipped file changed: ``content`` replaces it, or it is removed, or renamed."""

    index: int
    file: str
    ops: list[str] = field(default_factory=list)
    content: bytes | None = None
    removed: bool = False
    rename_to: str | None = None

    def describe(self) -> str:
        what = f"remove {self.file}" if self.removed else self.file
        if self.rename_to:
            what = f"{self.file} -> {self.rename_to}"
        return f"#{self.index} {what}: {', '.join(self.ops)}"

    def apply(self, root: Path) -> None:
        path = root / self.file
        if self.content is not None:
            path.write_bytes(self.content)
        if self.removed:
            path.unlink()
        elif self.rename_to:
            target = root / self.rename_to
            target.parent.mkdir(parents=True, exist_ok=True)
            path.rename(target)


def shipped_files() -> list[str]:
    return sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file())


def _random_text(rng: random.Random) -> str:
    pools = [BIDI, CONTROL, ODD, "#:-[]{}&*!|>'\"%@`,?\\"]
    out = []
    for _ in range(rng.randint(1, 8)):
        pick = rng.random()
        if pick < 0.6:
            out.append(rng.choice(rng.choice(pools)))
        elif pick < 0.8:
            out.append(chr(rng.randint(0x20, 0x2FFF)))
        else:
            code = rng.randint(0x80, 0x10FFFF)
            out.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd")
    return "".join(out)


def _deep(rng: random.Random) -> str:
    depth = rng.choice([30, 100, 500, 1000, 5000, 50000])
    style = rng.choice(["flow-seq", "flow-map", "mixed", "block"])
    if style == "flow-seq":
        return "[" * depth + "]" * depth
    if style == "flow-map":
        return "{a: " * depth + "1" + "}" * depth
    if style == "mixed":
        return "[{a: " * (depth // 2) + "1" + "}]" * (depth // 2)
    depth = min(depth, 2000)
    return "\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(depth)) + "  " * (depth + 1) + "x"


def _value_lines(lines: list[bytes]) -> list[int]:
    return [i for i, line in enumerate(lines) if KEY_VALUE.match(line)]


def _set_value(lines: list[bytes], at: int, value: str) -> None:
    match = KEY_VALUE.match(lines[at])
    assert match
    lines[at] = match.group(1) + b":" + match.group(2) + value.encode("utf-8", "surrogatepass")


def _edit(rng: random.Random, lines: list[bytes], ops: list[str]) -> list[bytes]:
    """One edit of a file's lines; appends its description to ``ops``."""
    kinds = ["byteflip", "delete", "duplicate", "move", "indent", "swap", "type", "unicode", "huge", "date", "deep",
             "truncate", "anchors", "crlf-bom"]
    kind = rng.choice(kinds)
    if not lines:
        lines = [b""]
    at = rng.randrange(len(lines))
    values = _value_lines(lines)
    dates = [i for i in values if re.search(rb"\d{4}-\d{2}-\d{2}|year|date|valid_", lines[i])]
    numbers = [i for i in values if re.search(rb":\s+-?[\d.]+\s*(#.*)?$", lines[i])]
    if kind in ("swap", "type", "huge", "date", "deep", "anchors") and not values:
        kind = "unicode"
    if kind == "byteflip":
        blob = bytearray(b"\n".join(lines))
        for _ in range(rng.randint(1, 6)):
            if blob:
                blob[rng.randrange(len(blob))] ^= 1 << rng.randrange(8)
        ops.append("byteflip")
        return bytes(blob).split(b"\n")
    if kind == "delete":
        n = rng.randint(1, 5)
        ops.append(f"delete lines {at + 1}-{at + n}")
        del lines[at : at + n]
    elif kind == "duplicate":
        n = rng.randint(1, 4)
        ops.append(f"duplicate lines {at + 1}-{at + n}")
        lines[at:at] = lines[at : at + n]
    elif kind == "move":
        to = rng.randrange(len(lines) + 1)
        ops.append(f"move line {at + 1} to {to + 1}")
        lines.insert(to, lines.pop(at))
    elif kind == "indent":
        shift = rng.choice([-4, -2, -1, 1, 2, 3, 8])
        ops.append(f"indent line {at + 1} by {shift}")
        lines[at] = b" " * shift + lines[at] if shift > 0 else lines[at][-shift:]
    elif kind == "swap":
        a, b = rng.choice(values), rng.choice(values)
        ma, mb = KEY_VALUE.match(lines[a]), KEY_VALUE.match(lines[b])
        assert ma and mb
        ops.append(f"swap values of lines {a + 1} and {b + 1}")
        lines[a], lines[b] = ma.group(1) + b": " + mb.group(3), mb.group(1) + b": " + ma.group(3)
    elif kind == "type":
        at = rng.choice(values)
        value = rng.choice(VALUES)
        ops.append(f"type line {at + 1} = {value!r}")
        _set_value(lines, at, value)
    elif kind == "unicode":
        text = _random_text(rng)
        line = lines[at]
        cut = rng.randint(0, len(line))
        ops.append(f"unicode at line {at + 1}:{cut} {text!r}")
        lines[at] = line[:cut] + text.encode("utf-8") + line[cut:]
    elif kind == "huge":
        at = rng.choice(numbers or values)
        value = rng.choice(HUGE)
        ops.append(f"huge line {at + 1} = {value[:30]!r}")
        _set_value(lines, at, value)
    elif kind == "date":
        at = rng.choice(dates or values)
        value = rng.choice(DATES)
        ops.append(f"date line {at + 1} = {value!r}")
        _set_value(lines, at, value)
    elif kind == "deep":
        at = rng.choice(values)
        value = _deep(rng)
        ops.append(f"deep line {at + 1} ({len(value)} chars)")
        _set_value(lines, at, value)
    elif kind == "truncate":
        blob = b"\n".join(lines)
        cut = rng.randint(0, len(blob))
        ops.append(f"truncate at byte {cut}")
        return blob[:cut].split(b"\n")
    elif kind == "anchors":
        a, b = rng.choice(values), rng.choice(values)
        ma = KEY_VALUE.match(lines[a])
        assert ma
        ops.append(f"anchor line {a + 1}, alias at line {b + 1}")
        lines[a] = ma.group(1) + b":" + ma.group(2) + b"&x " + ma.group(3)
        _set_value(lines, b, "*x")
    elif kind == "crlf-bom":
        ops.append("CRLF and BOM")
        lines = [line + b"\r" for line in lines]
        lines[0] = "\ufeff".encode() + lines[0]
    return lines


def _rename_target(rng: random.Random, name: str, files: list[str]) -> str:
    path = Path(name)
    match = YEAR_FILE.match(path.name)
    choices = [path.with_suffix(".yml"), path.with_name(path.name.upper()), path.with_name(path.name + ".bak"),
               path.with_name(" " + path.name), path.with_name("é" + path.name)]
    if match:
        year = int(match.group(1))
        choices += [path.with_name(f"{y}.yaml") for y in (year + 1, year - 1, year + 10, 1900, 2101, 9999)]
        clusters = sorted({Path(f).parent for f in files if f.startswith("clusters/")} - {path.parent})
        if clusters:
            choices.append(rng.choice(clusters) / path.name)
    if path.parent.name and path.parent.parent.name == "clusters":
        choices.append(path.parent.with_name(path.parent.name + "-x") / path.name)
        choices.append(path.parent.with_name(path.parent.name.upper()) / path.name)
    taken = set(files)
    free = [c.as_posix() for c in choices if c.as_posix() not in taken]
    return rng.choice(free) if free else name + ".moved"


def make_mutation(seed: int, index: int) -> Mutation:
    """Mutation ``index`` of the run with ``seed``: a pure function of both (and of data/)."""
    rng = random.Random(f"{seed}:{index}")
    files = shipped_files()
    cluster_files = [f for f in files if f.endswith("/cluster.yaml")]
    roll = rng.random()
    if roll < 0.05:
        return Mutation(index, rng.choice(cluster_files), ["remove"], removed=True)
    name = rng.choice(files)
    if roll < 0.08:
        return Mutation(index, name, ["remove"], removed=True)
    if roll < 0.14:
        target = _rename_target(rng, name, files)
        return Mutation(index, name, [f"rename to {target}"], rename_to=target)
    lines = (DATA / name).read_bytes().split(b"\n")
    ops: list[str] = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        lines = _edit(rng, lines, ops)
    return Mutation(index, name, ops, content=b"\n".join(lines))


# --------------------------------------------------------------------------- commands and checks


def command_list(root: Path, lang: str) -> list[list[str]]:
    """The commands to run on the mutated repository at ``root`` (paths as placeholders)."""
    clusters_dir = root / "clusters"
    clusters = sorted(p.name for p in clusters_dir.iterdir() if p.is_dir()) if clusters_dir.is_dir() else []
    years = sorted({int(m.group(1)) for p in root.glob("clusters/*/*") if (m := YEAR_FILE.match(p.name))})
    head = ["--lang", lang]
    commands = [[*head, "validate", D], [*head, "validate", "--format", "json", D]]
    for year in years:
        commands.append([*head, "rank", str(year), "--data", D])
        commands.append([*head, "awards", str(year), "--data", D])
        commands.append([*head, "awards", str(year), "--data", D, "--docx", OUT])
    for cluster in clusters:
        commands.append([*head, "rotate", "--cluster", cluster, "--data", D])
        commands.append([*head, "rotate", "--cluster", cluster, "--data", D, "--write"])
    commands.append([*head, "fmt", "--check", D])
    commands.append([*head, "fmt", D])
    return commands


def command_name(argv: list[str]) -> str:
    """``rotate --write``, ``awards --docx``, ``fmt --check``...: the command without its values."""
    rest = argv[2:] if argv[:1] == ["--lang"] else argv
    flags = [a for a in rest[1:] if a in ("--write", "--docx", "--check")]
    return " ".join([rest[0], *flags])


@dataclass
class Failure:
    kind: str
    command: list[str]
    detail: str
    signature: str
    output: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind} | {command_name(self.command)} | {self.signature}"


@dataclass
class Ran:
    code: int | None
    stdout: str
    stderr: str
    exception: str | None = None  # formatted traceback of an exception that escaped
    signature: str = ""
    timed_out: bool = False


def _exception_signature(exc: BaseException, tb: Any) -> str:
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if "/thidua/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno} {ours[-1].name}" if ours else "?"
    return f"{type(exc).__name__} at {where}"


def run_in_process(argv: list[str]) -> Ran:
    from typer.testing import CliRunner

    from thidua.cli.app import app

    runner = CliRunner(env={"TERM": "xterm-256color", "COLUMNS": "100", "FORCE_COLOR": None, "NO_COLOR": None})
    result = runner.invoke(app, argv)
    try:
        stderr = result.stderr
    except ValueError:  # an older click that mixed the streams
        stderr = ""
    ran = Ran(result.exit_code, result.stdout, stderr)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exc = result.exception
        tb = result.exc_info[2] if result.exc_info else None
        ran.exception = "".join(traceback.format_exception(type(exc), exc, tb))
        ran.signature = _exception_signature(exc, tb)
    return ran


def run_subprocess(argv: list[str], timeout: float) -> Ran:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"}
    env.pop("FORCE_COLOR", None)
    try:
        done = subprocess.run([sys.executable, "-m", "thidua", *argv], capture_output=True, timeout=timeout,
                              env=env, stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode("utf-8", "replace")
        err = (exc.stderr or b"").decode("utf-8", "replace")
        return Ran(None, out, err, timed_out=True)
    return Ran(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def snapshot(top: Path) -> dict[str, str]:
    """Every file under ``top``: relative path -> hash of its bytes."""
    found = {}
    for path in sorted(top.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[path.relative_to(top).as_posix()] = hashlib.sha1(path.read_bytes()).hexdigest()
    return found


def errors_by_file(root: Path) -> dict[str, Counter[str]]:
    """``validate``'s errors per file (relative to ``root``), as codes."""
    from thidua.services.validate import validate_paths

    result = validate_paths([root])
    found: dict[str, Counter[str]] = defaultdict(Counter)
    base = root.resolve()
    for d in result.diagnostics:
        if d.severity != "error":
            continue
        path = Path(d.file)
        path = (path if path.is_absolute() else Path.cwd() / path).resolve()
        try:
            name = path.relative_to(base).as_posix()
        except ValueError:
            name = d.file
        found[name][d.code] += 1
    return found


def comments(text: str) -> Counter[str] | None:
    """The comments of a YAML text, normalised (NFC, whitespace collapsed); None if it does not scan."""
    import yaml

    text = text.removeprefix("\ufeff")  # a BOM is no text before a first-line comment
    try:
        tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    except Exception:
        return None
    spans = sorted((t.start_mark.index, t.end_mark.index) for t in tokens if isinstance(t, yaml.ScalarToken))
    found: Counter[str] = Counter()
    span = 0
    skip_to = 0  # the end of the last comment: a '#' inside a comment starts nothing
    for match in re.finditer(r"(?:^|(?<=[ \t\n]))#", text):
        start = match.start()
        if start < skip_to:
            continue
        while span < len(spans) and spans[span][1] <= start:
            span += 1
        if span < len(spans) and spans[span][0] <= start < spans[span][1]:
            continue
        end = text.find("\n", start)
        skip_to = len(text) if end < 0 else end
        found[" ".join(unicodedata.normalize("NFC", text[start:skip_to]).split())] += 1
    return found


def _parses(text: str) -> str | None:
    import yaml

    try:
        yaml.safe_load(text)
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc)[:300]}"
    return None


def _fuzz_property() -> Any:
    """tests/acceptance/test_fuzz.py, whose ``check_report`` is the property of a JSON report."""
    module = sys.modules.get("fuzz_property")
    if module is None:
        if str(ROOT / "tests") not in sys.path:
            sys.path.insert(0, str(ROOT / "tests"))  # the test module imports tests/support.py
        spec = importlib.util.spec_from_file_location("fuzz_property", ROOT / "tests" / "acceptance" / "test_fuzz.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["fuzz_property"] = module
        spec.loader.exec_module(module)
    return module


def _yaml_name(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def check_command(argv: list[str], run: Ran, before: dict[str, str], after: dict[str, str], work: Path,
                  pristine: Path, errors_before: dict[str, Counter[str]]) -> list[Failure]:
    """Every property of one command's run; ``work`` holds data/ (the command's) and docx/."""
    failures: list[Failure] = []
    output = f"$ thidua {' '.join(argv)}\n--- exit {run.code}\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr}"
    if run.exception:
        output += f"\n--- exception\n{run.exception}"

    def fail(kind: str, detail: str, signature: str) -> None:
        failures.append(Failure(kind, argv, detail, signature, output))

    if run.timed_out:
        fail("hang", "the command did not finish in time", "timeout")
    if run.exception:
        fail("exception", run.exception.strip().splitlines()[-1][:500], run.signature)
    for stream, text in (("stdout", run.stdout), ("stderr", run.stderr)):
        if "Traceback" in text:
            last = [line for line in text.splitlines() if line and not line.startswith(" ")][-1:]
            fail("traceback", f"Traceback in {stream}", (last[0] if last else "?").split(":")[0][:80])
        if "\x1b" in text:
            fail("escape", f"raw ESC in piped {stream}", stream)
    if run.code is not None and run.code not in (0, 1, 2):
        kind = "crash" if run.code < 0 else "exit-code"
        fail(kind, f"exit code {run.code}", str(run.code))

    name = command_name(argv)
    if name == "validate" and "json" in argv and run.code in (0, 1) and not run.exception:
        try:  # the property tests/acceptance/test_fuzz.py checks: valid JSON, every diagnostic positioned and coded
            _fuzz_property().check_report(run.stdout, run.code)
        except Exception as exc:
            fail("validate-report", f"{type(exc).__name__}: {str(exc)[:300]}", type(exc).__name__)
    created = sorted(set(after) - set(before))
    modified = sorted(n for n in set(after) & set(before) if after[n] != before[n])
    removed = sorted(set(before) - set(after))
    allowed: set[str] = set()
    if name == "rotate --write":
        cluster = argv[argv.index("--cluster") + 1]
        allowed = {n for n in created + modified if n.startswith(f"data/clusters/{cluster}/") and _yaml_name(n)}
    elif name == "awards --docx":
        allowed = {n for n in created if n.startswith("docx/") and n.endswith(".docx") and "/" not in n[5:]}
    elif name == "fmt":
        allowed = set(modified)
    unexpected = [f"+{n}" for n in created if n not in allowed] + [f"~{n}" for n in modified if n not in allowed]
    unexpected += [f"-{n}" for n in removed]
    if unexpected:
        fail("unexpected-write", f"wrote {', '.join(unexpected)}",
             " ".join(sorted({re.sub(r"[^/]+$", "*", u) for u in unexpected})))

    for docx_name in sorted(n for n in allowed if n.endswith(".docx")):
        try:
            import docx

            with zipfile.ZipFile(work / docx_name) as archive:
                bad = archive.testzip()
            if bad:
                raise zipfile.BadZipFile(f"bad member {bad}")
            docx.Document(str(work / docx_name))
        except Exception as exc:
            fail("docx-invalid", f"{docx_name}: {type(exc).__name__}: {exc}", type(exc).__name__)

    written = sorted(n[len("data/"):] for n in allowed if n.startswith("data/") and _yaml_name(n))
    if written:
        try:
            errors_after = errors_by_file(work / "data")
        except Exception as exc:
            fail("validate-crash-after-write", f"validate raised {type(exc).__name__}: {exc}", type(exc).__name__)
            errors_after = {}
        for rel in written:
            new = errors_after.get(rel, Counter()) - errors_before.get(rel, Counter())
            if new:
                if f"data/{rel}" not in before:
                    was = "absent"
                else:
                    was = ",".join(sorted(errors_before.get(rel, ()))) or "no errors"
                fail("written-invalid", f"{rel} (before: {was}) has new errors {dict(new)}", ",".join(sorted(new)))
    if name == "fmt":
        from thidua.services.fmt import examine

        for rel in written:
            old = (pristine / rel).read_bytes().decode("utf-8", "replace")
            new_text = (work / "data" / rel).read_bytes().decode("utf-8", "replace")
            problem = _parses(new_text)
            if problem and not _parses(old):  # fmt broke a file that parsed, not one that never did
                fail("fmt-unparseable", f"{rel}: {problem}", problem.split(":")[0])
                continue
            was, now = comments(old), comments(new_text)
            if was is not None and now is not None and was != now:
                lost, gained = list((was - now).elements())[:3], list((now - was).elements())[:3]
                fail("fmt-comments", f"{rel}: lost {lost}, gained {gained}", "comments changed")
            try:
                again = examine(work / "data" / rel, rel)
            except Exception as exc:
                fail("fmt-not-idempotent", f"{rel}: formatting again raised {type(exc).__name__}", type(exc).__name__)
                continue
            if again.error is not None or again.changed:
                why = f"refused: {again.error.code}" if again.error is not None else "changed again"
                fail("fmt-not-idempotent", f"{rel}: formatting the output again {why}", why.split(":")[0])
    return failures


class Runner:
    """Runs one command on a fresh scratch copy of a mutated repository, and checks it."""

    def __init__(self, scratch: Path, use_subprocess: bool, timeout: float) -> None:
        self.scratch, self.use_subprocess, self.timeout = scratch, use_subprocess, timeout
        self.pristine = scratch / "pristine"
        self.work = scratch / "work"
        self._errors: dict[str, Counter[str]] | None = None

    def load(self, data: Path) -> None:
        """The mutated repository the next commands start from."""
        shutil.rmtree(self.pristine, ignore_errors=True)
        shutil.copytree(data, self.pristine, symlinks=True)
        self._errors = None

    def errors_before(self) -> dict[str, Counter[str]]:
        if self._errors is None:
            self._errors = errors_by_file(self.pristine)
        return self._errors

    def run(self, template: list[str]) -> list[Failure]:
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        shutil.copytree(self.pristine, self.work / "data", symlinks=True)
        argv = [str(self.work / "data") if a == D else str(self.work / "docx") if a == OUT else a for a in template]
        before = snapshot(self.work)
        writes = command_name(template) in ("rotate --write", "fmt")
        try:
            errors = self.errors_before() if writes else {}
        except Exception as exc:
            return [Failure("validate-crash", template, f"validate raised {type(exc).__name__}: {exc}", type(exc).__name__)]
        run = run_subprocess(argv, self.timeout) if self.use_subprocess else run_in_process(argv)
        after = snapshot(self.work)
        failures = check_command(template, run, before, after, self.work, self.pristine, errors)
        for f in failures:  # placeholders back, so that saved output does not name the scratch copy
            f.output = f.output.replace(str(self.work / "data"), D).replace(str(self.work / "docx"), OUT)
            f.detail = f.detail.replace(str(self.work / "data"), D)
        return failures


# --------------------------------------------------------------------------- worker (in-process runs)


def _journal(path: Path, payload: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload), encoding="utf-8")
    os.replace(tmp, path)


def worker(conn: Connection, seed: int, scratch: str, journal: str, use_subprocess: bool, timeout: float,
           only: list[str]) -> None:
    """Receives mutation indexes, runs every command for each, sends back (index, count, failures)."""
    import faulthandler

    fault = open(Path(journal).with_suffix(".fault"), "w")  # noqa: SIM115 - open for the process' life
    faulthandler.enable(file=fault)
    runner = Runner(Path(scratch), use_subprocess, timeout)
    data = Path(scratch) / "mutated"
    while True:
        index = conn.recv()
        if index is None:
            return
        mutation = make_mutation(seed, index)
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(DATA, data)
        mutation.apply(data)
        runner.load(data)
        lang = random.Random(f"{seed}:{index}:lang").choice(["vi", "en"])
        failures: list[dict[str, Any]] = []
        count = 0
        for template in command_list(data, lang):
            if only and command_name(template).split()[0] not in only:
                continue
            _journal(Path(journal), {"index": index, "command": template, "started": time.time()})
            count += 1
            failures += [asdict(f) for f in runner.run(template)]
        _journal(Path(journal), {"index": index, "command": None, "started": time.time()})
        conn.send((index, count, failures))


# --------------------------------------------------------------------------- saving, summary, replay


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:60] or "x"


class Recorder:
    def __init__(self, out: Path, seed: int, keep: int) -> None:
        self.out, self.seed, self.keep = out, seed, keep
        self.by_key: dict[str, list[str]] = defaultdict(list)  # key -> saved example folders
        self.counts: Counter[str] = Counter()  # key -> occurrences

    def record(self, failure: Failure, mutation: Mutation) -> None:
        self.counts[failure.key] += 1
        saved = self.by_key[failure.key]
        if len(saved) >= self.keep:
            return
        folder = self.out / failure.kind / f"{_slug(command_name(failure.command))}-{_slug(failure.signature)}-{mutation.index}"
        n = 0
        while folder.exists():
            n += 1
            folder = folder.with_name(f"{folder.name}-{n}")
        folder.mkdir(parents=True)
        mutation.apply(_copy_data(folder / "data"))
        if mutation.content is not None:
            (folder / "original").mkdir()
            shutil.copy2(DATA / mutation.file, folder / "original" / Path(mutation.file).name)
        info = {
            "kind": failure.kind, "command": failure.command, "command_name": command_name(failure.command),
            "signature": failure.signature, "detail": failure.detail, "seed": self.seed, "mutation": mutation.index,
            "file": mutation.file, "ops": mutation.ops, "removed": mutation.removed, "rename_to": mutation.rename_to,
            "replay": f"python scripts/fuzz_long.py --replay {folder}",
        }
        (folder / "failure.json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (folder / "output.txt").write_text(failure.output, encoding="utf-8", errors="backslashreplace")
        saved.append(str(folder))


def _copy_data(target: Path) -> Path:
    shutil.copytree(DATA, target)
    return target


def summary(mutations: int, commands: int, recorder: Recorder, elapsed: float) -> str:
    lines = [f"mutations tried: {mutations}", f"commands run: {commands}", f"time: {elapsed:.0f} s"]
    kinds: Counter[str] = Counter()
    for key, n in recorder.counts.items():
        kinds[key.split(" | ")[0]] += n
    if kinds:
        lines.append("failures by kind:")
        for kind, n in kinds.most_common():
            lines.append(f"  {kind}: {n}")
            for key in sorted(k for k in recorder.counts if k.startswith(kind + " | ")):
                example = recorder.by_key[key][0] if recorder.by_key[key] else "-"
                lines.append(f"    {recorder.counts[key]:5d}  {key.split(' | ', 1)[1]}")
                lines.append(f"           e.g. {example}")
    total = sum(recorder.counts.values())
    lines.append(f"fuzz_long: {mutations} mutations, {commands} commands, {total} failures"
                 f" ({len(recorder.counts)} distinct)")
    return "\n".join(lines)


def replay(folder: Path, use_subprocess: bool, timeout: float) -> int:
    info = json.loads((folder / "failure.json").read_text(encoding="utf-8"))
    if info["kind"] in ("crash", "hang"):
        use_subprocess = True  # a segfault or a hang in-process would take the replay down with it
    print(f"replaying {info['kind']}: thidua {' '.join(info['command'])}  [{info['detail']}]")
    with tempfile.TemporaryDirectory(prefix="thidua-replay-") as tmp:
        runner = Runner(Path(tmp), use_subprocess, timeout)
        runner.load(folder / "data")
        failures = runner.run(info["command"])
    for f in failures:
        print(f"FAIL {f.kind}: {f.detail}")
    if failures:
        print(failures[0].output)
        return 1
    print("passes now")
    return 0


# --------------------------------------------------------------------------- main loop


class Slot:
    """One worker process; restarted after a crash or a hang."""

    def __init__(self, args: argparse.Namespace, scratch: Path, number: int) -> None:
        self.args, self.scratch, self.number = args, scratch, number
        self.generation = 0
        self.index: int | None = None  # the mutation being run
        self.start()

    def start(self) -> None:
        self.generation += 1
        ctx = mp.get_context("fork")
        self.conn, child = ctx.Pipe()
        work = self.scratch / f"w{self.number}-{self.generation}"
        work.mkdir()
        self.journal = work / "journal.json"
        self.process = ctx.Process(target=worker, args=(child, self.args.seed, str(work), str(self.journal),
                                                        self.args.subprocess, self.args.command_timeout,
                                                        self.args.only), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def send(self, index: int) -> None:
        self.index = index
        self.conn.send(index)

    def poll(self) -> tuple[int, list[Failure]] | None:
        """The count of commands and the failures of the mutation, once it is done."""
        if self.conn.poll():
            try:
                _, count, found = self.conn.recv()
            except EOFError:
                return self._lost("crash")
            self.index = None
            return count, [Failure(**f) for f in found]
        if not self.process.is_alive():
            return self._lost("crash")
        state = self._state()
        if state.get("command") and time.time() - state["started"] > self.args.command_timeout * 1.5 + 5:
            self.process.kill()
            self.process.join()
            return self._lost("hang")
        return None

    def _state(self) -> dict[str, Any]:
        try:
            return json.loads(self.journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _lost(self, kind: str) -> tuple[int, list[Failure]]:
        state = self._state()
        command = state.get("command") or ["?"]
        fault = self.journal.with_suffix(".fault")
        dump = fault.read_text(encoding="utf-8", errors="replace") if fault.exists() else ""
        code = self.process.exitcode if kind == "crash" else None
        detail = f"worker died (exit {code})" if kind == "crash" else "no answer in time"
        failure = Failure(kind, command, detail, str(code) if kind == "crash" else "timeout", dump)
        self.process.join(1)
        self.index = None
        self.start()
        return 1, [failure]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="run for this long (default 30)")
    parser.add_argument("--mutations", type=int, default=None, help="run exactly this many mutations (ignores --minutes)")
    parser.add_argument("--seed", type=int, default=None, help="seed (default: random, printed)")
    parser.add_argument("--out", type=Path, default=ROOT / "fuzz-failures", help="where failures are saved")
    parser.add_argument("--keep", type=int, default=2, help="examples saved per distinct failure (default 2)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: CPUs)")
    parser.add_argument("--subprocess", action="store_true", help="run each command as `python -m thidua`")
    parser.add_argument("--command-timeout", type=float, default=60.0, help="seconds before a command is a hang")
    parser.add_argument("--only", action="append", default=[], metavar="COMMAND",
                        choices=["validate", "rank", "awards", "rotate", "fmt"], help="run only this command (repeatable)")
    parser.add_argument("--replay", type=Path, default=None, metavar="DIR", help="re-run one saved failure")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args.replay, args.subprocess, args.command_timeout)
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1 << 31)
    print(f"fuzz_long: seed {args.seed}, failures in {args.out}", flush=True)
    args.out = args.out.resolve()
    recorder = Recorder(args.out, args.seed, args.keep)
    deadline = time.monotonic() + args.minutes * 60
    started = time.monotonic()
    mutations = commands = 0
    scratch = Path(tempfile.mkdtemp(prefix="thidua-fuzz-"))
    slots = [Slot(args, scratch, n) for n in range(max(1, args.jobs))]

    def more(issued: int) -> bool:
        return issued < args.mutations if args.mutations is not None else time.monotonic() < deadline

    issued = 0
    try:
        while True:
            for slot in slots:
                if slot.index is None and more(issued):
                    slot.send(issued)
                    issued += 1
            busy = [slot for slot in slots if slot.index is not None]
            if not busy:
                break
            mp.connection.wait([slot.conn for slot in busy], timeout=0.5)
            for slot in busy:
                index = slot.index
                assert index is not None
                done = slot.poll()
                if done is None:
                    continue
                count, failures = done
                mutations += 1
                commands += count
                mutation = make_mutation(args.seed, index)
                for failure in failures:
                    recorder.record(failure, mutation)
                if failures:
                    kinds = Counter(f.kind for f in failures)
                    print(f"  {mutation.describe()[:150]}: {dict(kinds)}", flush=True)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    finally:
        for slot in slots:
            slot.stop()
        if not KEEP_TMP:
            shutil.rmtree(scratch, ignore_errors=True)
    print(summary(mutations, commands, recorder, time.monotonic() - started))
    return 1 if recorder.counts else 0


if __name__ == "__main__":
    sys.exit(main())
