"""Membership basis (issue 12, item 10): the decision that set a cluster-year's members (number,
date, issuer) is recorded per year, cited by validate's findings on the member list, and on the
model for the documents. The decision numbers below are illustrative, in the real form."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from thidua.domain.basis import decision_words
from thidua.domain.models import Decision
from thidua.output.i18n import say
from thidua.repository.loader import load_repository
from thidua.services.validate import validate_paths

REGISTRY = Path(__file__).parents[2] / "data" / "provinces.yaml"
CLUSTER = """\
id: {id}
name: "Cụm thi đua {id}"
kind: cum
organiser: {{level: province, name: "UBND tỉnh Nam Định", unit: nam-dinh}}
"""
BASIS = """\
basis:
  number: "2345/QĐ-UBND"
  date: 2022-12-20
  issuer: "UBND tỉnh Nam Định"
  title: "về việc kiện toàn các Cụm thi đua cấp huyện"
"""


def make_repo(tmp_path: Path, years: dict[str, str]) -> Path:
    root = tmp_path / "data"
    shutil.copy(REGISTRY, (root / "clusters").mkdir(parents=True) or root / "provinces.yaml")
    for cid, text in years.items():
        (root / "clusters" / cid).mkdir()
        (root / "clusters" / cid / "cluster.yaml").write_text(CLUSTER.format(id=cid), encoding="utf-8")
        (root / "clusters" / cid / "2025.yaml").write_text(text, encoding="utf-8")
    return root


def test_the_basis_is_on_the_model_and_cited_by_a_finding_on_the_member_list(tmp_path: Path) -> None:
    one = "cluster: cum-1\nyear: 2025\nas_of: 2025-03-01\nmembers: [huyen-vu-ban-nam-dinh, huyen-my-loc-nam-dinh]\n" + BASIS
    two = "cluster: cum-2\nyear: 2025\nas_of: 2025-03-01\nmembers: [huyen-vu-ban-nam-dinh]\n" + BASIS.replace("2345", "2346")
    root = make_repo(tmp_path, {"cum-1": one, "cum-2": two})
    cy = load_repository(root).clusters["cum-1"].years[2025]
    assert (cy.year.basis.number, cy.year.basis.date) == ("2345/QĐ-UBND", dt.date(2022, 12, 20))
    found = {(d.code, Path(d.file).parent.name): say(d.message, "vi") for d in validate_paths([root]).diagnostics}
    # Mỹ Lộc went into the city of Nam Định on 01/01/2025: the decision of 2022 predates it.
    assert found[("TD202", "cum-1")].endswith(" (thành viên theo Quyết định số 2345/QĐ-UBND ngày 20/12/2022 của UBND tỉnh Nam Định)")
    assert "(members as set by decision 2346/QĐ-UBND of 20/12/2022 by UBND tỉnh Nam Định)" in say(
        next(d for d in validate_paths([root]).diagnostics if d.code == "TD306" and "cum-1" in d.file).message, "en"
    )


def test_a_decision_is_cited_with_what_is_known() -> None:
    assert say(decision_words(Decision(date=dt.date(2024, 2, 15))), "vi") == "quyết định ngày 15/02/2024"
    assert say(decision_words(Decision(number="12/QĐ-BTĐKT")), "en") == "decision 12/QĐ-BTĐKT"
    with pytest.raises(ValidationError, match="'number' or 'date'"):
        Decision(issuer="UBND tỉnh Nam Định")
