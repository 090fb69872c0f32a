"""``thidua init``: a new data repository that passes its own CI, pre-commit, validate and fmt."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from support import ROOT, runner
from thidua import __version__
from thidua.cli.app import app
from thidua.services.init import TEMPLATE_FILES, plan, template
from thidua.services.schema import schema_text

BIN = Path(sys.executable).parent  # where the `thidua` script of this environment lives
EXPECTED = sorted(
    [
        ".github/workflows/thidua.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "README.md",
        "data/clusters/dbsh/2023.yaml",
        "data/clusters/dbsh/cluster.yaml",
        "data/provinces.yaml",
        "schema/cluster-year.json",
        "schema/cluster.json",
        "schema/registry.json",
    ]
)


def files_under(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts)


def env() -> dict[str, str]:
    """A clean environment for git and the thidua script: no user config, no CI variables."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "THIDUA_"))}
    return {
        **keep,
        "PATH": f"{BIN}{os.pathsep}{keep.get('PATH', '')}",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Văn thư",
        "GIT_AUTHOR_EMAIL": "vanthu@example.org",
        "GIT_COMMITTER_NAME": "Văn thư",
        "GIT_COMMITTER_EMAIL": "vanthu@example.org",
        "LANG": "C.UTF-8",
    }


def run(args: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env={**env(), **extra}, capture_output=True, text=True, timeout=300, check=False)


def git_repo(path: Path) -> None:
    for args in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-qm", "init"]):
        assert run(args, path).returncode == 0


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "thidua-data"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.output
    return target


# --------------------------------------------------------------------------- what is shipped


@pytest.mark.parametrize("name", ["data/provinces.yaml", "data/clusters/dbsh/cluster.yaml", "data/clusters/dbsh/2023.yaml"])
def test_packaged_data_is_identical_to_the_repository_data(name: str) -> None:
    assert template(TEMPLATE_FILES[name]) == (ROOT / name).read_text(encoding="utf-8"), f"copy {name} to src/thidua/templates/"


def test_plan_pins_the_running_version_everywhere() -> None:
    for planned in plan():
        assert "@THIDUA_VERSION@" not in planned.text, planned.path
    texts = {p.path: p.text for p in plan()}
    assert f'THIDUA_PACKAGE: "thidua=={__version__}"' in texts[".github/workflows/thidua.yml"]
    assert f"rev: v{__version__}" in texts[".pre-commit-config.yaml"]
    assert texts["schema/registry.json"] == schema_text("registry")


# --------------------------------------------------------------------------- the command


def test_init_creates_every_file_and_reports_them(repo: Path) -> None:
    assert files_under(repo) == EXPECTED
    mode = stat.S_IMODE((repo / "README.md").stat().st_mode)
    assert mode & 0o044, "readable by others as a normally written file is, not 0600"


def test_init_output_lists_created_files_on_stdout(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "new")])
    assert result.stdout.count("created ") == len(EXPECTED)
    assert f"{len(EXPECTED)} file(s) created" in result.stderr


def test_a_new_repository_passes_validate_and_fmt_check(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    validated = runner.invoke(app, ["validate", "data/"])
    assert validated.exit_code == 0, validated.output
    assert "3 files checked" in validated.stdout
    formatted = runner.invoke(app, ["fmt", "--check", "data/"])
    assert formatted.exit_code == 0, formatted.output


def test_a_non_empty_directory_is_refused_without_force(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "is not empty; add --force" in result.stderr
    assert files_under(tmp_path) == ["notes.txt"]


def test_force_adds_missing_files_and_never_overwrites(repo: Path) -> None:
    readme = repo / "README.md"
    readme.write_text("our own README\n", encoding="utf-8")
    (repo / "schema" / "cluster.json").unlink()
    result = runner.invoke(app, ["init", str(repo), "--force"])
    assert result.exit_code == 0
    assert readme.read_text(encoding="utf-8") == "our own README\n"
    assert f"kept {repo.as_posix()}/README.md" in result.stderr
    assert result.stdout.strip() == f"created {repo.as_posix()}/schema/cluster.json"
    assert files_under(repo) == EXPECTED


def test_a_fresh_clone_with_only_git_counts_as_empty(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert runner.invoke(app, ["init", str(tmp_path)]).exit_code == 0
    assert files_under(tmp_path) == EXPECTED


def test_a_file_in_the_way_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "not a directory" in result.stderr


def test_force_never_writes_through_a_linked_folder_outside(tmp_path: Path) -> None:
    target, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    target.mkdir()
    elsewhere.mkdir()
    (target / "data").symlink_to(elsewhere, target_is_directory=True)
    result = runner.invoke(app, ["init", str(target), "--force"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"thidua: {target.as_posix()}/data/provinces.yaml is reached through a symbolic link that leaves "
        f"{target.as_posix()} (or is a link itself): nothing written"
    ]
    assert list(elsewhere.iterdir()) == []
    assert sorted(p.name for p in target.iterdir()) == ["data"], "refused before writing anything"


def test_force_refuses_a_link_to_a_file(tmp_path: Path) -> None:
    target, outside = tmp_path / "repo", tmp_path / "notes.md"
    target.mkdir()
    outside.write_text("a clerk's notes\n", encoding="utf-8")
    (target / "README.md").symlink_to(outside)
    result = runner.invoke(app, ["init", str(target), "--force"])
    assert result.exit_code == 1
    assert f"{target.as_posix()}/README.md is reached through a symbolic link" in result.stderr
    assert outside.read_text(encoding="utf-8") == "a clerk's notes\n"
    assert sorted(p.name for p in target.iterdir()) == ["README.md"]


def test_a_link_that_stays_inside_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "repo"
    (target / "real-data").mkdir(parents=True)
    (target / "data").symlink_to("real-data", target_is_directory=True)
    assert runner.invoke(app, ["init", str(target), "--force"]).exit_code == 0
    assert (target / "real-data" / "provinces.yaml").is_file()


def test_init_speaks_vietnamese(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--lang", "vi", "init", str(tmp_path / "moi")])
    assert "đã tạo" in result.stdout


# --------------------------------------------------------------------------- the workflow, run here


def workflow(repo: Path) -> dict:
    return YAML(typ="safe").load((repo / ".github" / "workflows" / "thidua.yml").read_text(encoding="utf-8"))


def test_workflow_runs_on_pull_requests_with_history_and_python_3_11(repo: Path) -> None:
    flow = workflow(repo)
    assert "pull_request" in flow["on"]
    steps = flow["jobs"]["thidua"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    runs = [s["run"] for s in steps if "run" in s]
    assert runs[0] == 'python -m pip install "$THIDUA_PACKAGE"'
    assert runs[1] == 'thidua validate data/ --changed-since "origin/$BASE_REF"'
    assert runs[2] == "thidua fmt --check data/"
    assert flow["env"]["THIDUA_PACKAGE"] == f"thidua=={__version__}"


def test_workflow_keeps_the_cache_between_runs_keyed_on_the_version(repo: Path) -> None:
    steps = workflow(repo)["jobs"]["thidua"]["steps"]
    names = [s.get("uses", "") or s.get("run", "") for s in steps]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert names.index(cache["uses"]) < next(i for i, n in enumerate(names) if n.startswith("thidua validate"))
    assert cache["with"]["path"] == "data/.thidua-cache"
    assert cache["with"]["key"].startswith("thidua-${{ env.THIDUA_PACKAGE }}-")
    assert cache["with"]["restore-keys"].strip() == "thidua-${{ env.THIDUA_PACKAGE }}-"
    assert ".thidua-cache/" in (repo / ".gitignore").read_text(encoding="utf-8").splitlines()


def _workflow_commands(repo: Path) -> list[tuple[str, dict[str, str]]]:
    """The workflow's run steps after the install, with the env GitHub would give them."""
    steps = workflow(repo)["jobs"]["thidua"]["steps"]
    out = []
    for step in steps:
        if "run" in step and "pip install" not in step["run"]:
            extra = {k: v.replace("${{ github.base_ref }}", "main") for k, v in step.get("env", {}).items()}
            out.append((step["run"], extra))
    return out


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")
def test_the_workflow_commands_pass_on_a_new_repository_and_annotate_a_broken_pull_request(repo: Path, tmp_path: Path) -> None:
    git_repo(repo)
    assert run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], repo).returncode == 0
    commands = _workflow_commands(repo)
    assert len(commands) == 2
    for command, extra in commands:
        done = run(["bash", "-c", command], repo, **extra)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    # A pull request that breaks one line: the same commands fail, with an annotation on that line.
    assert run(["git", "checkout", "-qb", "pr"], repo).returncode == 0
    year = repo / "data" / "clusters" / "dbsh" / "2023.yaml"
    lines = year.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines, 1) if line == "  chair: thai-binh")
    lines[number - 1] = "  chair: thai-bnh"
    year.write_text("\n".join(lines), encoding="utf-8")
    assert run(["git", "commit", "-qam", "break"], repo).returncode == 0
    command, extra = commands[0]
    done = run(["bash", "-c", command], repo, GITHUB_ACTIONS="true", **extra)
    assert done.returncode == 1
    assert done.stdout.startswith(f"::error file=data/clusters/dbsh/2023.yaml,line={number},col=10,title=thidua TD201::")


@pytest.mark.skipif(shutil.which("pre-commit") is None or shutil.which("git") is None, reason="pre-commit is not installed")
def test_pre_commit_run_all_files_passes_on_a_new_repository(repo: Path) -> None:
    git_repo(repo)
    done = run(["pre-commit", "run", "--all-files"], repo, PRE_COMMIT_HOME=str(repo.parent / "pre-commit-cache"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "thidua validate" in done.stdout and "Passed" in done.stdout


# --------------------------------------------------------------------------- the website


def test_the_workflow_builds_the_site_deploys_it_from_main_and_uploads_it_on_pull_requests(repo: Path) -> None:
    flow = workflow(repo)
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["jobs"]["thidua"]["if"] == "github.event_name == 'pull_request'"
    site_steps = flow["jobs"]["site"]["steps"]
    assert any("thidua site -o site-out" in s.get("run", "") for s in site_steps)
    uses = {s["uses"].split("@")[0]: s for s in site_steps if "uses" in s}
    assert uses["actions/upload-artifact"]["if"] == "github.event_name == 'pull_request'"
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site-out"
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "site" and deploy["if"] == "github.event_name == 'push'"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_readme_links_to_the_published_site(repo: Path) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert "https://OWNER.github.io/REPOSITORY/" in readme and "thidua site" in readme


def test_the_site_command_of_the_workflow_builds_the_new_repository(repo: Path, tmp_path: Path) -> None:

    from thidua.cli.app import app

    result = runner.invoke(app, ["site", "-o", str(tmp_path / "site-out"), "--data", str(repo / "data")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site-out" / "units" / "nam-dinh.html").is_file()
