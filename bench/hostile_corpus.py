"""The hostile corpus: would-be cluster-year files that thidua must refuse, and the child-process driver.

One definition for both users: tests/acceptance/test_hostile.py checks that every case is refused
with the right rule code (no traceback, bounded memory); bench/hostile.py times the heaviest ones.
Each case writes ``clusters/dbsh/2025.yaml`` (TARGET) into a copy of the shipped data. This module
needs nothing but the standard library (no pytest, no thidua): the benchmark runs without test
dependencies.
"""

from __future__ import annotations

import itertools
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

TARGET = Path("clusters") / "dbsh" / "2025.yaml"  # a new year of a real cluster
GOOD_YEAR = (DATA / "clusters" / "dbsh" / "2024.yaml").read_text(encoding="utf-8")



def year_text(old: str, new: str) -> str:
    """The shipped 2024 file as a 2025 file, with one hostile edit."""
    text = GOOD_YEAR.replace("year: 2024", "year: 2025")
    assert old in text
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


@dataclass
class Case:
    name: str
    write: Callable[[Path, Path], int | None]  # (target file, tmp dir) -> expected line, or None
    code: str
    heavy: bool = False


def text_case(name: str, text: str | Callable[[], str], code: str, needle: str | None = None, heavy: bool = False) -> Case:
    """``text`` may be a function, so that megabyte cases are built only when they run."""

    def write(path: Path, _tmp: Path) -> int | None:
        content = text() if callable(text) else text
        path.write_text(content, encoding="utf-8", newline="")
        return line_of(content, needle) if needle is not None else None

    return Case(name, write, code, heavy)


def bytes_case(name: str, raw: bytes, code: str, line: int | None) -> Case:
    def write(path: Path, _tmp: Path) -> int | None:
        path.write_bytes(raw)
        return line

    return Case(name, write, code)


def billion_laughs() -> str:
    lines = ['cluster: dbsh', 'year: 2025', 'lol0: &l0 "lol"']
    for i in range(1, 10):
        lines.append(f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]")
    lines.append("members: *l9")
    return "\n".join(lines) + "\n"


def merge_bomb() -> str:
    """Under 1 KB; PyYAML's safe_load expands it to 10**16 key pairs (minutes, then gigabytes)."""
    names = "abcdefghijklmnopq"
    lines = ["a: &a {k: v}"]
    for prev, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} {{<<: [{','.join([f'*{prev}'] * 10)}]}}")
    text = "\n".join(lines) + "\n"
    assert len(text.encode()) < 1024
    return text


def sparse(size: int) -> Callable[[Path, Path], int | None]:
    def write(path: Path, _tmp: Path) -> int | None:
        with path.open("wb") as handle:
            handle.truncate(size)  # a hole: 60 MB on paper, nothing on disk, instant
        return None

    return write


def long_line(path: Path, _tmp: Path) -> int | None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("cluster: dbsh\nyear: 2025\nnote: ")
        handle.write("x" * (2 * 1024 * 1024))
        handle.write("\n")
    return None


def deep_indented(depth: int) -> str:
    return "".join(" " * i + "a:\n" for i in range(depth))


def python_tag(tag: str) -> Callable[[Path, Path], int | None]:
    def write(path: Path, tmp: Path) -> int | None:
        marker = tmp / "pwned"
        text = year_text("members:", f'note: {tag} ["touch {marker}"]\nmembers:')
        path.write_text(text, encoding="utf-8")
        return line_of(text, "note:")

    return write


def symlink_out(path: Path, tmp: Path) -> int | None:
    secret = tmp / "outside" / "secret.yaml"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text("cluster: SECRET-7f3a9\nyear: SECRET-7f3a9\nmembers: [SECRET-7f3a9]\n", encoding="utf-8")
    path.symlink_to(secret)
    return None


def directory(path: Path, _tmp: Path) -> int | None:
    path.mkdir()
    (path / "inside.yaml").write_text("a: 1\n", encoding="utf-8")
    return None


def fifo(path: Path, _tmp: Path) -> int | None:
    os.mkfifo(path)  # opening it for reading would block forever
    return None


def symlink_loop(path: Path, _tmp: Path) -> int | None:
    path.symlink_to(path.name)
    return None


NFD_NAME = unicodedata.normalize("NFD", "Thái Bình")
CASES = [
    # bombs and limits
    text_case("billion-laughs", billion_laughs(), "TD009", heavy=True),
    text_case("merge-key-bomb", merge_bomb(), "TD010", "b: &b", heavy=True),
    text_case("deep-flow-sequences", lambda: "[" * 20_000 + "]" * 20_000 + "\n", "TD008", "[", heavy=True),
    # 400 KB, under the size limit: without the pre-check libyaml's recursive composer segfaults
    text_case("deep-flow-200000-would-segfault", lambda: "[" * 200_000 + "]" * 200_000 + "\n", "TD008", "[", heavy=True),
    text_case("deep-flow-mappings", lambda: "{a: " * 20_000 + "1" + "}" * 20_000 + "\n", "TD008", "{", heavy=True),
    text_case("deep-block-sequences", lambda: "- " * 20_000 + "x\n", "TD008", "- ", heavy=True),
    text_case("deep-indented-mappings", lambda: deep_indented(1000), "TD008", heavy=True),
    # 20,000 levels of one-space indentation take 200 MB: refused by size, as 2,000 levels (2 MB) are
    text_case("deep-indented-2000-is-too-big", lambda: deep_indented(2000), "TD001", heavy=True),
    text_case("many-nodes", lambda: "cluster: dbsh\nmembers: [" + ",".join(["a"] * 300_000) + "]\n", "TD009", "members", heavy=True),
    Case("60-MB-file", sparse(60 * 1024 * 1024), "TD001", heavy=True),
    Case("2-MB-line", long_line, "TD001", heavy=True),
    text_case(  # number patterns that backtrack must never see it: a long id is just too long
        "900-KB-digit-line", lambda: year_text("members: [", "members: [" + "1_" * 450_000 + "x, "), "TD106", "members:", heavy=True
    ),
    text_case(
        "900-KB-NFD-line", lambda: year_text("members:", "note: " + "a" * 900_000 + NFD_NAME + "\nmembers:"), "TD017", "note:", heavy=True
    ),
    text_case(  # over models.MAX_MEMBERS: refused by the schema before any per-member check
        "2000-members",
        lambda: year_text("members: [", "members: [" + ", ".join(f"tinh-gia-{i}" for i in range(2000)) + ", "),
        "TD106", "members:", heavy=True,
    ),
    text_case(  # under the cap each unknown id is reported; "did you mean" stops after 50 per file
        "450-unknown-members",
        lambda: year_text("members: [", "members: [" + ", ".join(f"tinh-gia-{i}" for i in range(450)) + ", "),
        "TD201", "members:", heavy=True,
    ),
    # encodings and formatting
    bytes_case("binary", bytes(range(256)) * 8, "TD002", 1),
    bytes_case("utf-16-with-bom", year_text("cluster", "cluster").encode("utf-16"), "TD002", 1),
    bytes_case("utf-16-without-bom", year_text("cluster", "cluster").encode("utf-16-le"), "TD002", 1),
    bytes_case(  # Latin-1 bytes for "Hà Nội" in an otherwise UTF-8 file
        "invalid-utf-8", year_text("members:", "note: HA_NOI\nmembers:").encode().replace(b"HA_NOI", b"H\xe0 N\xf4i"),
        "TD002", line_of(year_text("members:", "note: HA_NOI\nmembers:"), "HA_NOI"),
    ),
    bytes_case("utf-8-bom", b"\xef\xbb\xbf" + year_text("cluster", "cluster").encode(), "TD003", 1),
    text_case("crlf", year_text("cluster", "cluster").replace("\n", "\r\n"), "TD004", "cluster"),
    text_case("tabs", year_text("leadership:\n  chair", "leadership:\n\tchair"), "TD005", "\tchair"),
    text_case("control-character", year_text("members:", "note: a\x07b\nmembers:"), "TD002", "note:"),
    text_case("nfd-text", year_text('place: "Thái Bình"', f'place: "{NFD_NAME}"'), "TD017", "place:"),
    # code execution and YAML structure
    Case("python-object-apply", python_tag("!!python/object/apply:os.system"), "TD011"),
    Case("python-object-new", python_tag("!!python/object/new:subprocess.Popen"), "TD011"),
    Case("python-name", python_tag("!!python/name:os.system"), "TD011"),
    Case("python-module", python_tag("!!python/module:os"), "TD011"),
    text_case("several-documents", year_text("members:", "---\nmembers:"), "TD007", "---"),
    text_case("duplicate-key", year_text("members:", "year: 2025  # again\nmembers:"), "TD012", "# again"),
    text_case("empty", "", "TD018"),
    text_case("comment-only", "# nothing yet\n# still nothing\n", "TD018"),
    text_case("list-at-top", "- dbsh\n- 2025\n", "TD019", "- dbsh"),
    text_case("scalar-at-top", "dbsh 2025\n", "TD019", "dbsh"),
    # files that are not what they claim
    Case("symlink-outside", symlink_out, "TD020"),
    Case("symlink-loop", symlink_loop, "TD021"),
    Case("directory-named-like-a-file", directory, "TD021"),
    Case("fifo", fifo, "TD021"),
    # values: numbers where text is due, unusable numbers
    text_case("year-as-text", year_text("year: 2025", 'year: "2025"'), "TD103", "year:"),
    text_case("code-as-number", year_text("members: [bac-ninh,", "members: [24,"), "TD103", "members:"),
    text_case("nan-score", year_text("members:", "facts:\n  - label: x\n    value: .nan\nmembers:"), "TD016", ".nan"),
    text_case("inf-score", year_text("members:", "facts:\n  - label: x\n    value: -.inf\nmembers:"), "TD016", ".inf"),
    text_case("5000-digit-number", year_text("members:", "facts:\n  - label: x\n    value: " + "9" * 5000 + "\nmembers:"), "TD016", "999"),
]


# The child reports its own peak memory. Not from getrusage: on Linux ru_maxrss survives exec, so
# a child forked from a big test process would report the parent's size. VmHWM belongs to the
# process image that runs thidua.
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


def child_command(python: str, root: Path) -> list[str]:
    """``thidua validate --format json ROOT`` in a child that reports PEAK_KB and CPU_S on stderr."""
    return [python, "-c", DRIVER, "validate", "--format", "json", str(root)]


def child_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "THIDUA_LANG": "en", "PYTHONIOENCODING": "utf-8", **extra}


def child_stats(stderr: str) -> tuple[float, float]:
    """(peak resident MB, CPU seconds) from the driver's last stderr line."""
    stats = dict(item.split("=") for item in stderr.strip().splitlines()[-1].split())
    return int(stats["PEAK_KB"]) / 1024, float(stats["CPU_S"])
