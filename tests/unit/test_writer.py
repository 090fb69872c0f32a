"""writer.atomic_write: a write that fails midway leaves the old file byte for byte, and no debris."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from support import copy_data, runner
from thidua.repository import writer
from thidua.repository.writer import RefusedOverwrite, atomic_write

OLD = "cluster: dbsh\nyear: 2024\nnote: \"Hà Nội\"\n"
NEW = "cluster: dbsh\nyear: 2025\n" + "members: [a, b]\n" * 10_000


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "2024.yaml"
    path.write_bytes(OLD.encode())
    return path


def test_writes_utf8_with_lf_and_leaves_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "2025.yaml"
    atomic_write(path, "a: Hà Nội\nb: 2\n")
    assert path.read_bytes() == "a: Hà Nội\nb: 2\n".encode()
    assert listing(path.parent) == ["2025.yaml"]


def test_refuses_to_overwrite_unless_asked(target: Path) -> None:
    with pytest.raises(RefusedOverwrite):
        atomic_write(target, NEW)
    assert target.read_bytes() == OLD.encode()
    assert listing(target.parent) == ["2024.yaml"]
    atomic_write(target, NEW, overwrite=True)
    assert target.read_text(encoding="utf-8") == NEW


def test_a_file_that_appears_during_the_write_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "2025.yaml"
    real_fsync = os.fsync

    def fsync_then_race(fd: int) -> None:
        real_fsync(fd)
        path.write_text("written by someone else\n", encoding="utf-8")

    monkeypatch.setattr(writer.os, "fsync", fsync_then_race)
    with pytest.raises(RefusedOverwrite):
        atomic_write(path, NEW)
    assert path.read_text(encoding="utf-8") == "written by someone else\n"
    assert listing(tmp_path) == ["2025.yaml"]


class Boom(OSError):
    pass


def fail(*_args: object, **_kwargs: object) -> None:
    raise Boom(28, "No space left on device")


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_a_failure_midway_keeps_the_old_file_and_cleans_up(target: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    if where == "write":
        real_fdopen = os.fdopen

        def half_writing_fdopen(fd: int, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            handle = real_fdopen(fd, *args, **kwargs)  # type: ignore[arg-type]
            real_write = handle.write

            def write(text: str) -> int:
                real_write(text[: len(text) // 2])  # half the data reaches the temporary file
                handle.flush()
                raise Boom(28, "No space left on device")

            handle.write = write  # type: ignore[method-assign]
            return handle

        monkeypatch.setattr(writer.os, "fdopen", half_writing_fdopen)
    else:
        monkeypatch.setattr(writer.os, where, fail)
    with pytest.raises(Boom):
        atomic_write(target, NEW, overwrite=True)
    assert target.read_bytes() == OLD.encode(), "the old file is intact, byte for byte"
    assert listing(target.parent) == ["2024.yaml"], "no temporary file is left behind"


def test_an_interrupt_midway_also_cleans_up(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(writer.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, NEW, overwrite=True)
    assert target.read_bytes() == OLD.encode()
    assert listing(target.parent) == ["2024.yaml"]


def test_a_new_file_that_fails_midway_does_not_appear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer.os, "fsync", fail)
    with pytest.raises(Boom):
        atomic_write(tmp_path / "2025.yaml", NEW)
    assert listing(tmp_path) == []


# --------------------------------------------------------------------------- creating without overwriting


def temps(directory: Path) -> list[str]:
    return [name for name in listing(directory) if name.endswith(".tmp")]


def test_a_file_that_appears_just_before_publishing_is_refused_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The target appears after every check and just before the publish: still refused."""
    path = tmp_path / "2025.yaml"
    real_link = os.link

    def someone_else_first(src: str, dst: str) -> None:
        Path(dst).write_text("written by someone else\n", encoding="utf-8")
        real_link(src, dst)

    monkeypatch.setattr(writer.os, "link", someone_else_first)
    with pytest.raises(RefusedOverwrite):
        atomic_write(path, NEW)
    assert path.read_text(encoding="utf-8") == "written by someone else\n"
    assert listing(tmp_path) == ["2025.yaml"]


def test_two_writers_at_once_exactly_one_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both have checked and written their temporary file before either publishes."""
    path = tmp_path / "2025.yaml"
    barrier = threading.Barrier(2, timeout=30)
    real_fsync = os.fsync

    def fsync_then_wait(fd: int) -> None:
        real_fsync(fd)
        barrier.wait()

    monkeypatch.setattr(writer.os, "fsync", fsync_then_wait)
    outcomes: dict[str, str] = {}

    def write(text: str) -> None:
        try:
            atomic_write(path, text)
            outcomes[text] = "wrote"
        except RefusedOverwrite:
            outcomes[text] = "refused"

    threads = [threading.Thread(target=write, args=(text,)) for text in ("first\n", "second\n")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["refused", "wrote"]
    winner = next(text for text, outcome in outcomes.items() if outcome == "wrote")
    assert path.read_text(encoding="utf-8") == winner
    assert listing(tmp_path) == ["2025.yaml"]


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOTSUP])
def test_without_hard_links_a_new_file_is_created_exclusively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(writer.os, "link", no_links)
    path = tmp_path / "2025.yaml"
    atomic_write(path, NEW)
    assert path.read_text(encoding="utf-8") == NEW
    assert listing(tmp_path) == ["2025.yaml"]


def test_without_hard_links_a_file_that_appeared_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "2025.yaml"

    def appeared_and_no_links(*_args: object) -> None:
        path.write_text("written by someone else\n", encoding="utf-8")
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(writer.os, "link", appeared_and_no_links)
    with pytest.raises(RefusedOverwrite):
        atomic_write(path, NEW)
    assert path.read_text(encoding="utf-8") == "written by someone else\n"
    assert listing(tmp_path) == ["2025.yaml"]


# --------------------------------------------------------------------------- signals and leftovers


def test_temporary_files_are_hidden_and_name_their_writer() -> None:
    name = writer.temp_name("2025.yaml")
    assert name.startswith(f".2025.yaml.{os.getpid()}.") and name.endswith(".tmp")
    assert writer.is_temp_name(name)


def test_sigint_during_a_write_cleans_up_and_interrupts(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync = os.fsync

    def fsync_then_signal(fd: int) -> None:
        real_fsync(fd)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(writer.os, "fsync", fsync_then_signal)
    # Python's own Ctrl-C handler, whatever this process inherited: a shell starts a background
    # job with SIGINT ignored, and an ignored signal interrupts nothing
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            atomic_write(target, NEW, overwrite=True)
        assert target.read_bytes() == OLD.encode()
        assert listing(target.parent) == ["2024.yaml"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler, "the handler is put back"
    finally:
        signal.signal(signal.SIGINT, inherited)


SIGTERM_SCRIPT = """
import os, signal, sys
from pathlib import Path
from thidua.repository import writer
real_fsync = os.fsync
def fsync_then_terminated(fd):
    real_fsync(fd)
    os.kill(os.getpid(), signal.SIGTERM)
writer.os.fsync = fsync_then_terminated
writer.atomic_write(Path(sys.argv[1]), "year: 2025\\n")
print("not reached")
"""


def test_sigterm_during_a_write_cleans_up_and_still_terminates(tmp_path: Path) -> None:
    path = tmp_path / "2025.yaml"
    done = subprocess.run([sys.executable, "-c", SIGTERM_SCRIPT, str(path)], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert "not reached" not in done.stdout
    assert listing(tmp_path) == []


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_leftovers_of_killed_writers_are_removed_before_writing(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the next write beside the target removes what it left."""
    stale = tmp_path / f".2025.yaml.{dead_pid()}.0badc0de.tmp"
    live = tmp_path / f".2025.yaml.{os.getppid()}.1badc0de.tmp"  # a running process: maybe writing
    other = tmp_path / f".2024.yaml.{dead_pid()}.2badc0de.tmp"  # another file's: not ours to judge now
    for leftover in (stale, live, other):
        leftover.write_text("members: [half", encoding="utf-8")
    atomic_write(tmp_path / "2025.yaml", NEW)
    assert listing(tmp_path) == sorted(["2025.yaml", live.name, other.name])


def test_the_loader_never_reads_a_temporary_file_as_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A leftover of a killed write, beside a year file, is neither loaded nor reported."""

    from thidua.cli.app import app

    data = tmp_path / "data"
    copy_data(data)
    monkeypatch.chdir(tmp_path)
    before = runner.invoke(app, ["validate", "data"])
    for leftover in (data / "clusters" / "dbsh" / f".2025.yaml.{dead_pid()}.0badc0de.tmp", data / f".provinces.yaml.{dead_pid()}.0badc0de.tmp"):
        leftover.write_text("members: [half\n\tyear: 2025\n", encoding="utf-8")
    after = runner.invoke(app, ["validate", "data"])
    assert after.exit_code == before.exit_code == 0
    assert after.output == before.output
