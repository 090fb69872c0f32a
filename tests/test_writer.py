"""writer.atomic_write: a write that fails midway leaves the old file byte for byte, and no debris."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from thidua import writer
from thidua.writer import RefusedOverwrite, atomic_write

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
