"""Positions kept after a document's release are packed in one string, and answer as the dict did."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from support import DATA
from thidua.repository.loader import (
    Document,
    load_cluster,
    load_registry,
    pack_positions,
    read_document,
    unpack_positions,
)

paths = st.lists(st.one_of(st.text(max_size=5), st.integers(-5, 500)), max_size=4).map(tuple)
spots = st.tuples(st.one_of(st.none(), st.integers(1, 10**6)), st.one_of(st.none(), st.integers(1, 500)))


@given(st.dictionaries(paths, spots, max_size=20))
def test_packed_positions_come_back_equal(positions: dict[tuple[Any, ...], tuple[int | None, int | None]]) -> None:
    text = pack_positions(positions)
    assert isinstance(text, str)
    assert unpack_positions(text) == positions


YEAR = """\
cluster: demo
year: 2023
members:
  - bac-ninh
  - ha-noi
  - "hai-phong"
"""


def test_a_released_document_keeps_one_string_and_locates_as_before(tmp_path: Path) -> None:
    path = tmp_path / "2023.yaml"
    path.write_text(YEAR, encoding="utf-8")
    doc = read_document(path, tmp_path.resolve(), "clusters/demo/2023.yaml")
    doc.keep_positions(("members",))
    asked = [("members", 0), ("members", 2), ("members",), ("members", 7), ("election",), ()]
    before = [doc.where(p) for p in asked]
    assert before[:2] == [(4, 5), (6, 5)]
    doc.release()
    assert doc.positions == {} and isinstance(doc._packed, str)  # what a load keeps per file
    again: Document = pickle.loads(pickle.dumps(doc))  # as a worker sends it back
    assert [again.where(p) for p in asked] == before
    assert again.packed_positions() == pack_positions(again.kept_positions())


def test_a_load_without_later_issues_keeps_no_positions_and_a_load_with_them_does() -> None:
    root = DATA.resolve()
    registry, _, _ = load_registry(DATA, root)
    plain = load_cluster(DATA / "clusters" / "dbsh", registry, root, later_issues=False)
    kept = load_cluster(DATA / "clusters" / "dbsh", registry, root)
    years = [d for d in kept.documents if not d.endswith("cluster.yaml")]
    assert years and all(plain.documents[d].kept_positions() == {} for d in years)  # a site's first pass: nothing kept
    for d in years:  # the default (validate, a cluster made again for a cross-cluster finding): every member located
        assert kept.documents[d].kept_positions()[("members", 0)][0] is not None
    assert plain.memberships == kept.memberships and plain.years.keys() == kept.years.keys()
