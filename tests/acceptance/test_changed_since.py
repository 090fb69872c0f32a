"""``validate`` in a data repository's CI: --changed-since, GitHub annotations, the step summary,
and the split between stdout (the report) and stderr (usage errors)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support import DATA, copy_data, runner
from thidua.cli.app import app

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No user git config, no CI variables leaking in from the machine running the tests."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "THIDUA_DATA", "THIDUA_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Văn thư")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "vanthu@example.org")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> int:
    """Replace one line's text; return its line number."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped data in a git repository; main has one error already, in hai-duong-cap-huyen."""
    copy_data(tmp_path / "data")
    edit(tmp_path / "data" / "clusters" / "hai-duong-cap-huyen" / "2023.yaml", "date: 2024-03-28", "date: 2024-03-32")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "data")
    git(tmp_path, "checkout", "-qb", "pr")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(*args: str) -> tuple[int, list[dict]]:
    result = runner.invoke(app, ["validate", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def errors(diagnostics: list[dict]) -> set[tuple[str, str]]:
    return {(d["file"], d["code"]) for d in diagnostics if d["severity"] == "error"}


OLD_ERROR = ("data/clusters/hai-duong-cap-huyen/2023.yaml", "TD103")


# --------------------------------------------------------------------------- --changed-since


def test_without_the_option_every_error_is_reported(repo: Path) -> None:
    code, found = report("data")
    assert code == 1
    assert OLD_ERROR in errors(found)


def test_only_files_changed_since_the_ref_are_reported(repo: Path) -> None:
    year = repo / "data" / "clusters" / "dbsh" / "2024.yaml"
    line = edit(year, "  chair: nam-dinh", "  chair: nam-dihn")
    git(repo, "commit", "-qam", "typo")
    code, found = report("data", "--changed-since", "main")
    assert code == 1
    assert ("data/clusters/dbsh/2024.yaml", "TD201") in errors(found)
    assert OLD_ERROR not in errors(found), "the old error elsewhere is not this change's"
    assert {d["file"] for d in found} == {"data/clusters/dbsh/2024.yaml"}
    assert next(d["line"] for d in found if d["code"] == "TD201") == line


def test_a_clean_change_passes_even_with_old_errors_elsewhere(repo: Path) -> None:
    edit(repo / "data" / "clusters" / "dbsh" / "2024.yaml", "  place: \"Thái Bình\"", "  place: \"TP Thái Bình\"")
    git(repo, "commit", "-qam", "place")
    code, found = report("data", "--changed-since", "main")
    assert code == 0
    assert {d["file"] for d in found} == {"data/clusters/dbsh/2024.yaml"}, "only the changed file's notes"
    assert not errors(found)


def test_uncommitted_and_untracked_files_count_as_changed(repo: Path) -> None:
    edit(repo / "data" / "clusters" / "dbsh" / "2024.yaml", "  chair: nam-dinh", "  chair: nam-dihn")  # not committed
    new = repo / "data" / "clusters" / "dbsh" / "2025.yaml"
    new.write_text("cluster: dbsh\nyear: 2025\nmembers: [bac-ninh, bac-ninh]\n", encoding="utf-8")  # untracked
    code, found = report("data", "--changed-since", "main")
    assert code == 1
    files = {d["file"] for d in found}
    assert files == {"data/clusters/dbsh/2024.yaml", "data/clusters/dbsh/2025.yaml"}


def test_cross_file_checks_still_read_the_unchanged_files(repo: Path) -> None:
    # 2023.yaml (unchanged) records the election of Nam Định; the changed 2024 file disagrees.
    edit(repo / "data" / "clusters" / "dbsh" / "2024.yaml", "  chair: nam-dinh", "  chair: thai-binh")
    git(repo, "commit", "-qam", "chair")
    code, found = report("data", "--changed-since", "main")
    assert code == 1
    assert ("data/clusters/dbsh/2024.yaml", "TD307") in errors(found)


def test_a_finding_in_an_unchanged_file_caused_by_a_changed_one_is_reported(repo: Path) -> None:
    # Lào Cai added to dbsh: the shared-member finding sits on both files, each naming the other.
    edit(repo / "data" / "clusters" / "dbsh" / "2024.yaml", "vinh-phuc, quang-ninh]", "vinh-phuc, quang-ninh, lao-cai]")
    git(repo, "commit", "-qam", "lao cai")
    code, found = report("data", "--changed-since", "main")
    assert code == 1
    shared = [d for d in found if d["code"] == "TD306"]
    assert sorted(d["file"] for d in shared) == ["data/clusters/dbsh/2024.yaml", "data/clusters/mien-nui-bien-gioi-phia-bac/2024.yaml"]
    assert OLD_ERROR not in errors(found)


def test_a_file_argument_and_the_option_combine(repo: Path) -> None:
    edit(repo / "data" / "clusters" / "dbsh" / "2024.yaml", "  chair: nam-dinh", "  chair: nam-dihn")
    code, found = report("data/clusters/hai-duong-cap-huyen/2023.yaml", "--changed-since", "main")
    assert (code, found) == (0, []), "the file asked about did not change"


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("no-such-branch", "unknown git ref 'no-such-branch'"),
        ("--output=/tmp/x", "is not a git ref"),
        ("", "is not a git ref"),
    ],
)
def test_bad_refs_are_usage_errors(repo: Path, ref: str, message: str) -> None:
    result = runner.invoke(app, ["validate", "data", "--changed-since", ref])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_outside_a_git_repository_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_data(tmp_path / "data")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # do not find a repository above
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "data", "--changed-since", "main"])
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr


def test_without_git_it_is_a_usage_error(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "empty-bin"))
    result = runner.invoke(app, ["validate", "data", "--changed-since", "main"])
    assert result.exit_code == 2
    assert "needs git" in result.stderr


def test_git_is_run_without_a_shell(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = subprocess.run

    def spy(args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((args, kwargs.get("shell", False)))
        return real(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    runner.invoke(app, ["validate", "data", "--changed-since", "main;touch pwned"])
    assert calls and all(isinstance(args, list) and not shell for args, shell in calls)
    assert not (repo / "pwned").exists()


# --------------------------------------------------------------------------- GitHub Actions


BROKEN_CLUSTER = 'id: x\nname: "Cụm thử"\nkind: cum\norganiser:\n  level: province\n  name: "UBND tỉnh Nam Định"\n  unit: nam-dinh\n'
BROKEN_YEAR = "cluster: x\nyear: 2024\nmembers: [ha-noi, hai-phong, da-nang]\nleadership:\n  chair: ha-noii\n"


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "data" / "clusters" / "x").mkdir(parents=True)
    shutil.copy(DATA / "provinces.yaml", tmp_path / "data" / "provinces.yaml")
    (tmp_path / "data" / "clusters" / "x" / "cluster.yaml").write_text(BROKEN_CLUSTER, encoding="utf-8")
    (tmp_path / "data" / "clusters" / "x" / "2024.yaml").write_text(BROKEN_YEAR, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_broken_file_yields_an_annotation_on_its_line(broken: Path) -> None:
    result = runner.invoke(app, ["validate", "--format", "github", "data/"])
    assert result.exit_code == 1
    assert (
        "::error file=data/clusters/x/2024.yaml,line=5,col=10,title=thidua TD201::"
        "unknown unit 'ha-noii' (hint: did you mean 'ha-noi', 'ha-nam'?)\n"
    ) in result.stdout


def test_github_actions_selects_annotations_by_itself(broken: Path) -> None:
    result = runner.invoke(app, ["validate", "data/"], env={"GITHUB_ACTIONS": "true"})
    assert "::error file=data/clusters/x/2024.yaml,line=5,col=10," in result.stdout


def test_the_step_summary_is_appended_in_markdown(broken: Path) -> None:
    summary = broken / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "data/"], env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### thidua validate\n"), "appended, never overwritten"
    assert "3 files checked: 1 errors, 0 warnings, 1 notes" in text
    assert "| ❌ | `data/clusters/x/2024.yaml:5:10` | TD201 | unknown unit 'ha-noii' |" in text


def test_an_unwritable_summary_does_not_change_the_result(broken: Path) -> None:
    result = runner.invoke(app, ["validate", "data/"], env={"GITHUB_STEP_SUMMARY": str(broken)})  # a directory
    assert result.exit_code == 1
    assert "TD201" in result.stdout


def test_the_summary_speaks_the_chosen_language(broken: Path) -> None:
    summary = broken / "summary.md"
    runner.invoke(app, ["--lang", "vi", "validate", "data/"], env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert "không có đơn vị 'ha-noii'" in summary.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- stdout and stderr


def test_the_report_goes_to_stdout_and_nothing_to_stderr(broken: Path) -> None:
    result = runner.invoke(app, ["validate", "--format", "json", "data/"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["errors"] == 1
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args",
    [["validate", "no/such/dir"], ["validate", "--format", "xml", "data/"], ["validate", "--no-such-option"]],
)
def test_usage_errors_go_to_stderr_with_exit_2(broken: Path, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip()
