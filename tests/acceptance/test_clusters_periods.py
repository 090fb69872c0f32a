"""Periods (issue 12, item 9): calendar years by default; a school-year cluster's 2017.yaml is the
school year 2017–2018, dated and shown as people write it ("năm học 2017–2018")."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from support import SCHOOL_CLUSTER
from thidua.cli.app import app
from thidua.domain.models import Period
from thidua.domain.periods import period_label
from thidua.output.i18n import say
from thidua.repository.loader import load_repository
from thidua.services.validate import validate_paths

REGISTRY = Path(__file__).parents[2] / "data" / "provinces.yaml"
CLUSTER = "id: khoi-thpt-ninh-thuan\n" + SCHOOL_CLUSTER
YEAR = """\
cluster: khoi-thpt-ninh-thuan
year: 2017
scores_illustrative: true
members: [truong-thpt-bac-ai, truong-thpt-ninh-hai]
review: {date: 2018-07-20}
indicators: [{id: tong-hop, name: "Tổng hợp", max: 100}]
scores: {truong-thpt-bac-ai: {tong-hop: 90}, truong-thpt-ninh-hai: {tong-hop: 85}}
sources: [{title: "Biên bản"}]
"""


def make_repo(tmp_path: Path, cluster: str = CLUSTER, year: str = YEAR) -> Path:
    root = tmp_path / "data"
    here = root / "clusters" / "khoi-thpt-ninh-thuan"
    here.mkdir(parents=True)
    shutil.copy(REGISTRY, root / "provinces.yaml")
    (here / "cluster.yaml").write_text(cluster, encoding="utf-8")
    (here / "2017.yaml").write_text(year, encoding="utf-8")
    return root


def test_a_school_year_is_dated_and_shown_as_people_write_it(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    assert [d.code for d in validate_paths([root]).diagnostics] == []
    cy = load_repository(root).clusters["khoi-thpt-ninh-thuan"].years[2017]
    assert cy.year.reference_date == dt.date(2018, 8, 31)
    assert say(period_label(cy.cluster.period, 2017), "vi") == "năm học 2017–2018"
    out = CliRunner().invoke(app, ["--lang", "vi", "rank", "2017", "--data", str(root)])
    assert "Khối thi đua các trường THPT tỉnh Ninh Thuận (khoi-thpt-ninh-thuan), năm học 2017–2018" in out.stdout


def test_dates_may_run_a_year_past_the_period_and_no_further(tmp_path: Path) -> None:
    """The school year 2017–2018 ends in 2018: a review in 2019 is fine, one in 2020 a typo."""
    ok = YEAR.replace("2018-07-20", "2019-07-20")
    assert validate_paths([make_repo(tmp_path / "ok", year=ok)]).diagnostics == []
    late = YEAR.replace("2018-07-20", "2020-07-20")
    (found,) = [d for d in validate_paths([make_repo(tmp_path, year=late)]).diagnostics]
    assert found.code == "TD313"
    assert "school year 2017–2018" in say(found.message, "en")
    assert "31/12/2019" in say(found.message, "en")
    assert "quá xa năm học 2017–2018 (" in say(found.message, "vi")  # never "năm năm học"


def test_a_calendar_year_date_out_of_range_says_the_year_once(tmp_path: Path) -> None:
    calendar = CLUSTER.replace("period: {kind: school_year}\n", "")
    late = YEAR.replace("2018-07-20", "2020-07-20")
    (found,) = [d for d in validate_paths([make_repo(tmp_path, cluster=calendar, year=late)]).diagnostics]
    assert found.code == "TD313"
    assert "quá xa năm 2017 (" in say(found.message, "vi")
    assert "is far from the year 2017 (" in say(found.message, "en")


def test_a_declared_period_uses_its_label_and_a_bad_label_is_reported(tmp_path: Path) -> None:
    crop = Period.model_validate({"kind": "other", "start": "10-01", "label": "niên vụ {start}–{end}"})
    assert say(period_label(crop, 2023), "en") == "niên vụ 2023–2024"
    assert period_label(None, 2024) == 2024
    bad = CLUSTER.replace("period: {kind: school_year}", "period: {kind: other, label: \"vụ {nam}\"}")
    (found,) = validate_paths([make_repo(tmp_path, cluster=bad)]).diagnostics
    assert (found.code, found.line) == ("TD316", 5)


@given(year=st.integers(min_value=1950, max_value=2090), month=st.integers(1, 12), day=st.integers(1, 28))
def test_a_period_lasts_one_year_from_its_first_day(year: int, month: int, day: int) -> None:
    period = Period(kind="other", start=f"{month:02d}-{day:02d}")
    first, last = period.first_day(year), period.last_day(year)
    assert first.year == year and (last + dt.timedelta(days=1)) == period.first_day(year + 1)
    assert period.end_year(year) == (year if (month, day) == (1, 1) else year + 1)
