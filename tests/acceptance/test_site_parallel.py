"""thidua site's fast paths give what the plain ones give: pages written by forked workers, histories read through an index."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from pathlib import Path

import pytest

from support import DATA
from thidua.domain.history import successor
from thidua.output.site import builder
from thidua.repository.loader import load_repository
from thidua.services.history import evaluate, every_cluster_year, histories, history, known_units, outcomes
from thidua.services.site import build_site


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked where the system can fork")
def test_workers_write_the_same_site_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = load_repository(DATA)
    day = dt.date(2026, 1, 2)
    monkeypatch.setattr(builder, "PARALLEL_MIN_PAGES", 1)  # the shipped data is below the threshold
    monkeypatch.setenv("THIDUA_JOBS", "1")
    serial = build_site(repo, tmp_path / "serial", today=day)
    monkeypatch.setenv("THIDUA_JOBS", "2")
    log = tmp_path / "writers.txt"
    write = builder.write_pages

    def logged(*args: object) -> int:  # runs in whichever process writes the chunk
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return write(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "write_pages", logged)
    parallel = build_site(repo, tmp_path / "parallel", today=day)
    writers = set(log.read_text(encoding="utf-8").split())
    assert writers and str(os.getpid()) not in writers  # every chunk was written by a worker
    assert parallel == serial == len([p for p in (tmp_path / "serial").rglob("*.html")])
    assert files(tmp_path / "parallel") == files(tmp_path / "serial")


def test_indexed_histories_equal_each_unit_history() -> None:
    repo = load_repository(DATA)
    computed = outcomes(repo, {(cy.id, cy.number): evaluate(repo, cy) for cy in every_cluster_year(repo)})
    known = known_units(repo)
    after = [s for uid in known if (s := successor(uid, repo.registry)) and s not in known]
    wanted = [*known, *dict.fromkeys(after), "no-such-unit"]
    found = histories(repo, wanted, computed)
    expected = {uid: h for uid in wanted if (h := history(repo, uid, computed)) is not None}
    assert list(found) == list(expected)
    assert found == expected
    assert "no-such-unit" not in found
    # the merger is followed through the index too: Nam Định's successor carries its 2023 flag
    heir = found["nam-dinh"].successor
    assert heir is not None
    assert any(r.member == "nam-dinh" and not r.own for r in found[heir.id].records)
