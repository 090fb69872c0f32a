"""Shared test helpers (a plain module, not a test module): paths, the CLI runner, data copies, goldens.

Test modules import from here (``from support import DATA, invoke``); tests/conftest.py puts this
folder on ``sys.path`` and exposes the same things as fixtures. Test modules never import each other.
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
import shutil
import textwrap
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

ROOT = Path(__file__).parents[1]
DATA = ROOT / "data"
EXAMPLES = ROOT / "tests" / "examples"
GOLDEN = ROOT / "tests" / "golden"

runner = CliRunner()


def invoke(args: list[str], **kwargs: Any) -> Any:
    """Run ``thidua ARGS`` in-process with the shared CliRunner and return its result."""
    from thidua.cli.app import app

    return runner.invoke(app, [str(a) for a in args], **kwargs)


def copy_data(dest: Path, source: Path = DATA) -> Path:
    """A copy of the shipped data/ (or ``source``) at ``dest``; returns ``dest``."""
    shutil.copytree(source, dest)
    return dest


def updating_goldens() -> bool:
    """Goldens are rewritten only when THIDUA_UPDATE_GOLDEN is exactly ``1``."""
    return os.environ.get("THIDUA_UPDATE_GOLDEN") == "1"


def check_golden(path: Path, text: str) -> None:
    """``text`` must equal the golden file ``path``; rewrite it instead when THIDUA_UPDATE_GOLDEN=1."""
    if updating_goldens():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"missing golden file {path}: run THIDUA_UPDATE_GOLDEN=1 python -m pytest"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), text.splitlines(keepends=True), str(path), "actual"))
        raise AssertionError(f"output differs from {path} (THIDUA_UPDATE_GOLDEN=1 to update):\n{diff}")


# --------------------------------------------------------------------------- small data directories


def make_repo(tmp_path: Path) -> Path:
    """tests/examples/base with the shipped registry, at tmp_path/data."""
    root = tmp_path / "data"
    shutil.copytree(EXAMPLES / "base", root)
    shutil.copy(DATA / "provinces.yaml", root / "provinces.yaml")
    return root


# A demo cluster with hand-computed scores (used by the ranking, rank CLI and stability tests).
CLUSTER = """\
id: demo
name: "Cụm thi đua thử nghiệm"
kind: cum
organiser:
  level: central
  name: "Ban Thi đua - Khen thưởng Trung ương"
rules:
  tie_break: [{tie_break}]
  awards:
    - award: co-thi-dua-chinh-phu
      count: 1
    - award: bang-khen-thu-tuong
      count: 1
"""

SOURCES = """\
sources:
  - title: "Biên bản họp Cụm"
    url: https://example.gov.vn/bien-ban
"""

# Hand-computed (weights 2 and 1, bonus added, deductions subtracted):
#   hai-phong   7×2 + 9×1 + 0   − 0   = 23
#   da-nang     9×2 + 4×1 + 0.5 − 0   = 22.5   kinh-te 18 ┐ equal totals: the kinh-te subtotal
#   ha-noi      8×2 + 6×1 + 1   − 0.5 = 22.5   kinh-te 16 ┘ puts Đà Nẵng above Hà Nội
#   can-tho     6×2 + 8×1 + 0   − 1   = 19     kinh-te 12 ┐ equal totals, equal subtotal, equal
#   ho-chi-minh 6×2 + 8×1 + 0   − 1   = 19     kinh-te 12 ┘ votes: the tie stays, both 4th
YEAR_2024 = """\
cluster: demo
year: 2024
members: [ha-noi, hai-phong, da-nang, can-tho, ho-chi-minh]
indicators:
  - {id: kinh-te-a, name: "Tăng trưởng kinh tế", group: kinh-te, max: 10, weight: 2}
  - {id: xa-hoi-b, name: "An sinh xã hội", group: xa-hoi, max: 10}
  - {id: thuong, name: "Điểm thưởng", max: 5, kind: bonus}
  - {id: tru, name: "Điểm trừ", max: 5, kind: deduction}
scores:
  ha-noi: {kinh-te-a: 8, xa-hoi-b: 6, thuong: 1, tru: 0.5}
  hai-phong: {kinh-te-a: 7, xa-hoi-b: 9, thuong: 0, tru: 0}
  da-nang: {kinh-te-a: 9, xa-hoi-b: 4, thuong: 0.5, tru: 0}
  can-tho: {kinh-te-a: 6, xa-hoi-b: 8, thuong: 0, tru: 1}
  ho-chi-minh: {kinh-te-a: 6, xa-hoi-b: 8, thuong: 0, tru: 1}
votes:
  voters: 5
  counts: {ha-noi: 3, hai-phong: 4, da-nang: 3, can-tho: 1, ho-chi-minh: 1}
"""


# A school-year cluster of Ninh Thuận's upper secondary schools (issue 12, periods): its 2017.yaml is
# the năm học 2017–2018. Prefixed with an ``id:`` line; more units may follow.
SCHOOL_CLUSTER = """\
name: "Khối thi đua các trường THPT tỉnh Ninh Thuận"
kind: khoi
organiser: {level: province, body: department, name: "Sở Giáo dục và Đào tạo tỉnh Ninh Thuận", unit: ninh-thuan}
period: {kind: school_year}
units:
  - {id: truong-thpt-bac-ai, name: "Trường THPT Bác Ái", type: truong}
  - {id: truong-thpt-ninh-hai, name: "Trường THPT Ninh Hải", type: truong}
"""


def write_data(root: Path, years: dict[int, str], cluster: str | None = None, tie_break: str = '"group:kinh-te", votes') -> Path:
    """A data directory: the shipped registry and one cluster 'demo' with the given year files."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "provinces.yaml", root / "provinces.yaml")
    directory = root / "clusters" / "demo"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "cluster.yaml").write_text(cluster or CLUSTER.format(tie_break=tie_break), encoding="utf-8")
    for year, text in years.items():
        body = textwrap.dedent(text)
        if "sources:" not in body:
            body += SOURCES
        (directory / f"{year}.yaml").write_text(body, encoding="utf-8")
    return root


def demo_ranking(tmp_path: Path, text: str = YEAR_2024, tie_break: str = '"group:kinh-te", votes') -> Any:
    """The ranking of the demo cluster's 2024 (``text``), which must load clean."""
    from thidua.domain.ranking import rank
    from thidua.repository.loader import load_repository

    repo = load_repository(write_data(tmp_path / "data", {2024: text}, tie_break=tie_break))
    cy = repo.clusters["demo"].years[2024]
    assert repo.is_clean(cy), [d.message for d in repo.diagnostics if d.severity == "error"]
    return rank(cy)


MERGER_2025 = """\
cluster: demo
year: 2025
as_of: 2025-03-01
members: [nam-dinh, quang-ninh, thai-binh, ninh-binh, ha-nam, hung-yen]
indicators:
  - {id: a, name: "Chỉ tiêu A", max: 100}
scores:
  nam-dinh: {a: 90}
  quang-ninh: {a: 85}
  thai-binh: {a: 80}
  ninh-binh: {a: 75}
  ha-nam: {a: 70}
  hung-yen: {a: 65}
"""
MERGER_2026 = """\
cluster: demo
year: 2026
members: [ninh-binh-2025, hung-yen-2025, quang-ninh, ha-noi]
indicators:
  - {id: a, name: "Chỉ tiêu A", max: 100}
scores:
  hung-yen-2025: {a: 95}
  ninh-binh-2025: {a: 90}
  quang-ninh: {a: 80}
  ha-noi: {a: 70}
"""


# --------------------------------------------------------------------------- reading tables back

_ROW = re.compile(r"^\s*(\d+)  (\S.*?)(?:\s{2,}|$)")


def ranked(text: str) -> list[tuple[int, str]]:
    """(rank, name) of every table row of a rank/awards table, in order: targeted checks without a golden."""
    return [(int(m.group(1)), m.group(2)) for line in text.splitlines() if (m := _ROW.match(line))]


def flat(text: str) -> str:
    """``text`` with every run of whitespace as one space: prose is wrapped at word boundaries to
    the terminal's width, so sentences are compared without their line breaks."""
    return " ".join(text.split())


def rotation_cluster(tmp_path: Path, policy: str, years: dict[int, str]) -> Path:
    """A data repository with one cluster ``c`` under ``policy`` and the given year files (bodies
    after ``cluster:``/``year:``), for rotation tests."""
    root = tmp_path / "data"
    (root / "clusters" / "c").mkdir(parents=True)
    shutil.copy(DATA / "provinces.yaml", root / "provinces.yaml")
    (root / "clusters" / "c" / "cluster.yaml").write_text(textwrap.dedent(f"""\
        id: c
        name: "Cụm thử"
        kind: cum
        organiser: {{level: central, name: "Ban Thi đua - Khen thưởng Trung ương"}}
        rules:
          rotation: {{policy: {policy}, vice_chairs: 1}}
        """), encoding="utf-8")
    for year, body in years.items():
        (root / "clusters" / "c" / f"{year}.yaml").write_text(f"cluster: c\nyear: {year}\n" + textwrap.dedent(body), encoding="utf-8")
    return root


BENCH_GENERATOR = Path(__file__).parents[1] / "bench" / "generate.py"


def generate_repository(root: Path, files: int, **options: Any) -> Path:
    """A repository of ``files`` cluster-years made by bench/generate.py (``seed``, ``broken``, …)."""
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH_GENERATOR)  # bench/ is not a package
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(root, files, **options)
    return root


def files_read(monkeypatch: Any) -> list[str]:
    """From now on, every file the loader reads, as ``directory/name`` (the list fills as it reads)."""
    from thidua.repository import loader

    read: list[str] = []
    real = loader.read_document

    def spy(path: Path, *args: Any, **kwargs: Any) -> Any:
        read.append(f"{path.parent.name}/{path.name}")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "read_document", spy)
    return read
