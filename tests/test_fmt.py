"""``thidua fmt``: canonical formatting that keeps comments, never loses data, and is idempotent."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from thidua import fmt as fmt_module
from thidua.cli import app
from thidua.fmt import KEY_ORDER, NotFormattable, file_kind, format_bytes, format_text, reorder_top_level
from thidua.models import SCHEMA_KINDS
from thidua.yamlsafe import parse

ROOT = Path(__file__).parents[1]
DATA = ROOT / "data"
GOLDEN = Path(__file__).parent / "golden" / "fmt"
UPDATE = os.environ.get("THIDUA_UPDATE_GOLDEN") == "1"
SHIPPED = sorted(DATA.rglob("*.yaml"))
CLUSTER_FILES = [p for p in SHIPPED if p.name != "provinces.yaml"]  # the registry is slow for hypothesis
runner = CliRunner()


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == path.read_text(encoding="utf-8"), f"differs from {path} (THIDUA_UPDATE_GOLDEN=1 to update)"


def comments(text: str) -> list[str]:
    return sorted(line.strip() for line in text.splitlines() if line.strip().startswith("#"))


# --------------------------------------------------------------------------- the shipped data


def test_shipped_data_is_already_canonical() -> None:
    result = runner.invoke(app, ["fmt", "--check", str(DATA)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "", "no diff for canonical files"
    assert "0 file(s) would be reformatted, 14 already canonical" in result.stderr


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(DATA).as_posix())
def test_each_shipped_file_is_a_fixed_point(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert format_text(text, file_kind(path)) == text


def test_key_order_names_every_field_of_each_file_kind() -> None:
    for kind, order in KEY_ORDER.items():
        assert set(order) == set(SCHEMA_KINDS[kind].model_fields), kind
        assert len(order) == len(set(order))


def test_file_kind_follows_the_layout() -> None:
    assert file_kind(Path("data/provinces.yaml")) == "registry"
    assert file_kind(Path("data/clusters/x/cluster.yaml")) == "cluster"
    assert file_kind(Path("data/clusters/x/2024.yaml")) == "cluster-year"
    assert file_kind(Path("notes.yaml")) is None


# --------------------------------------------------------------------------- one rule at a time


def test_codes_are_double_quoted_whatever_was_written() -> None:
    text = "units:\n  - code: 01\n  - code: '24'\n  - code: 24\n  - code: \"08\"\n  - code: 7\n"
    assert format_text(text) == 'units:\n  - code: "01"\n  - code: "24"\n  - code: "24"\n  - code: "08"\n  - code: 7\n'


def test_only_code_keys_are_quoted() -> None:
    text = "year: 2024\nvalue: 24\ncounts:\n  ha-noi: 12\n"
    assert format_text(text) == text


def test_text_becomes_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "name: Nghệ An # Nghệ An\n")
    out = format_text(decomposed)
    assert out == "name: Nghệ An # Nghệ An\n"
    assert unicodedata.is_normalized("NFC", out)
    assert parse(out).data == {"name": "Nghệ An"}


def test_bom_and_crlf_are_removed() -> None:
    raw = "\ufeff# đầu\r\ncluster: x\r\nyear: 2024\r\n".encode()
    original, out = format_bytes(raw, "cluster-year")
    assert out == "# đầu\ncluster: x\nyear: 2024\n"
    assert original.startswith("\ufeff")


def test_tabs_become_spaces_or_escapes_never_data_loss() -> None:
    text = 'a:\t1\t# tab\tin comment\nb: "x\ty"\n'
    out = format_text(text)
    assert "\t" not in out
    assert out == 'a: 1 # tab in comment\nb: "x\\ty"\n'
    assert parse(out).data == {"a": 1, "b": "x\ty"}


def test_indentation_is_two_spaces_with_sequences_under_their_key() -> None:
    text = "rules:\n    awards:\n    - award: x\n      count: 1\n    # a comment about rotation\n    rotation:\n        policy: elected\n"
    assert format_text(text) == (
        "rules:\n  awards:\n    - award: x\n      count: 1\n  # a comment about rotation\n  rotation:\n    policy: elected\n"
    )


def test_flow_lists_and_quotes_stay_as_written() -> None:
    text = "members: [a, b, c]\nname: 'single'\nplace: \"double\"\nplain: text\ntie_break: [\"group:x\", votes]\n"
    assert format_text(text) == text


def test_top_level_keys_are_ordered_and_carry_their_comments() -> None:
    text = (
        "# yaml-language-server: $schema=../../../schema/cluster-year.json\n"
        "# Cụm X, năm 2024.\n"
        "note: ghi chú\n"
        "\n"
        "# thành viên theo nguồn\n"
        "members: [a, b]\n"
        "custom: kept\n"
        "year: 2024\n"
        "cluster: x\n"
        "\n"
        "# nguồn\n"
        "sources:\n"
        "  - title: t\n"
    )
    assert format_text(text, "cluster-year") == (
        "# yaml-language-server: $schema=../../../schema/cluster-year.json\n"
        "# Cụm X, năm 2024.\n"
        "cluster: x\n"
        "year: 2024\n"
        "\n"
        "# thành viên theo nguồn\n"
        "members: [a, b]\n"
        "\n"
        "# nguồn\n"
        "sources:\n"
        "  - title: t\n"
        "note: ghi chú\n"
        "custom: kept\n"
    )


def test_files_of_no_known_kind_keep_their_key_order() -> None:
    text = "b: 1\na: 2\n"
    assert format_text(text, None) == text


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: [1, 2\nb: 3\n", "TD006", 2),
        ("a: 1\n  b: 2\n", "TD006", 2),
        ("a: 1\na: 2\n", "TD006", 2),
        ("a: 1\n---\nb: 2\n", "TD007", 2),
        ("a:\n\t- x\n", "TD006", 2),
    ],
)
def test_invalid_yaml_is_refused_with_its_line(text: str, code: str, line: int) -> None:
    with pytest.raises(NotFormattable) as caught:
        format_text(text)
    assert (caught.value.code, caught.value.line) == (code, line)


def test_a_formatter_that_would_change_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt_module, "_round_trip", lambda text: text.replace("2024", "2025"))
    with pytest.raises(NotFormattable) as caught:
        format_text("year: 2024\n")
    assert caught.value.code == "fmt.would_change_data"


def test_comment_only_and_empty_files_pass_through() -> None:
    assert format_text("") == ""
    assert format_text("# chỉ có chú thích\t!\n") == "# chỉ có chú thích !\n"


# --------------------------------------------------------------------------- golden: a messy file


MESSY = (
    "# yaml-language-server: $schema=../../../schema/cluster-year.json\n"
    "# Một tệp viết tay, chưa chuẩn.\n"
    "year: 2024\n"
    "note:   'Ghi chú cuối tệp'\n"
    "members:\n"
    "- ha-noi\n"
    "-   hai-phong   # giữ chú thích\n"
    "cluster: tp-truc-thuoc-tw\n"
    "\n"
    "      # về lãnh đạo\n"
    "leadership: {chair: ha-noi}\n"
    "sources:\n"
    "    - title: \"Nguồn\"\n"
    "      url: https://example.org/a\n"
)


def test_golden_canonical_form_of_a_messy_file() -> None:
    out = format_text(MESSY, "cluster-year")
    golden("messy-2024.canonical.yaml", out)
    assert comments(out) == comments(MESSY), "every comment is kept"
    assert format_text(out, "cluster-year") == out


def test_golden_check_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "data" / "clusters" / "tp-truc-thuoc-tw" / "2024.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(MESSY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["fmt", "--check", "data"])
    assert result.exit_code == 1
    golden("messy-2024.diff", result.stdout)
    assert path.read_text(encoding="utf-8") == MESSY, "--check changes nothing"
    assert "would reformat data/clusters/tp-truc-thuoc-tw/2024.yaml" in result.stderr


def test_diff_is_the_standard_unified_diff_on_small_texts() -> None:
    import difflib

    before = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\n"
    after = "a: 1\nb: 20\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\nj: 10\n"
    expected = "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True), "a/x.yaml", "b/x.yaml"))
    assert fmt_module.unified_diff("x.yaml", before, after) == expected
    assert fmt_module.unified_diff("x.yaml", before, before) == ""


def test_diff_matches_lines_that_repeat_often() -> None:
    before = "".join(f"- id: u{i}\n  type: tinh\n" for i in range(300))
    after = before.replace("- id: u150\n  type: tinh\n", "- id: u150\n  type: huyen\n")
    diff = fmt_module.unified_diff("p.yaml", before, after)
    changed = [line for line in diff.splitlines()[2:] if line[:1] in "+-"]
    assert changed == ["-  type: tinh", "+  type: huyen"], diff


# --------------------------------------------------------------------------- the command


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def test_fmt_rewrites_only_the_files_that_change_then_check_passes(data: Path) -> None:
    messy = data / "clusters" / "dbsh" / "2024.yaml"
    canonical = messy.read_text(encoding="utf-8")
    messy.write_bytes(canonical.replace("\n", "\r\n").encode())
    os.chmod(messy, 0o644)
    untouched = data / "clusters" / "dbsh" / "2023.yaml"
    before = untouched.stat().st_mtime_ns
    result = runner.invoke(app, ["fmt", str(data)])
    assert result.exit_code == 0, result.output
    assert messy.read_bytes() == canonical.encode()
    assert stat.S_IMODE(messy.stat().st_mode) == 0o644, "the file keeps its permissions"
    assert untouched.stat().st_mtime_ns == before, "a canonical file is not rewritten"
    assert "1 file(s) reformatted, 13 already canonical, 0 not formatted" in result.stderr
    assert runner.invoke(app, ["fmt", "--check", str(data)]).exit_code == 0


def test_fmt_check_prints_a_diff_and_exits_1(data: Path) -> None:
    path = data / "clusters" / "dbsh" / "cluster.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    policy: elected", "    policy:   elected"), encoding="utf-8")
    result = runner.invoke(app, ["fmt", "--check", str(path)])
    assert result.exit_code == 1
    assert "-    policy:   elected\n+    policy: elected\n" in result.stdout
    assert result.stdout.startswith("--- a/")


def test_fmt_refuses_invalid_yaml_and_leaves_it_untouched(data: Path) -> None:
    path = data / "clusters" / "dbsh" / "2024.yaml"
    broken = path.read_text(encoding="utf-8").replace("  chair: nam-dinh", "  chair: [nam-dinh")
    path.write_text(broken, encoding="utf-8")
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "[nam-dinh" in text)
    for args in (["fmt", str(data)], ["fmt", "--check", str(data)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert re.search(rf"2024\.yaml:{line + 1}:\d+: not formatted, file left unchanged: YAML syntax error", result.stderr), result.stderr
        assert path.read_text(encoding="utf-8") == broken


def test_fmt_of_a_missing_path_is_a_usage_error() -> None:
    result = runner.invoke(app, ["fmt", "no/such/dir"])
    assert result.exit_code == 2
    assert "path does not exist" in result.stderr


def test_fmt_speaks_vietnamese(data: Path) -> None:
    result = runner.invoke(app, ["--lang", "vi", "fmt", "--check", str(data)])
    assert "0 tệp cần định dạng lại, 14 tệp đã chuẩn" in result.stderr


def test_fmt_does_not_write_through_symbolic_links(data: Path) -> None:
    target = data / "clusters" / "dbsh" / "2024.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("\n", "\r\n"), encoding="utf-8", newline="")
    link = data.parent / "link.yaml"
    link.symlink_to(target)
    result = runner.invoke(app, ["fmt", str(link)])
    assert link.is_symlink()
    assert "symbolic link, skipped" in result.stderr


# --------------------------------------------------------------------------- properties


def _redump(text: str, mapping: int, sequence: int, offset: int) -> str:
    yaml = fmt_module._yaml()
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    buffer = io.StringIO()
    yaml.dump(yaml.load(text), buffer)
    return buffer.getvalue()


def _shuffle(text: str, rnd: st.DataObject) -> str:
    root = parse(text).root
    keys = [k.value for k, _ in root.value]
    return reorder_top_level(text, root, tuple(rnd.draw(st.permutations(keys))))


# Mutations that only change the form: formatting the result must give back the shipped file.
FORM_ONLY = {
    "crlf": lambda t, _: t.replace("\n", "\r\n"),
    "bom": lambda t, _: "\ufeff" + t,
    "nfd": lambda t, _: unicodedata.normalize("NFD", t),
    "unquoted codes": lambda t, _: re.sub(r'code: "([0-9]{2})"', r"code: \1", t),
    "single-quoted codes": lambda t, _: re.sub(r'code: "([0-9]{2})"', r"code: '\1'", t),
    "tab separators": lambda t, _: re.sub(r"(?m)^( *(?:- )?[a-z0-9_-]+): ", "\\1:\t", t),
    "indentless sequences": lambda t, _: _redump(t, 2, 2, 0),
}
# Mutations after which the text differs, but the result must be stable and hold the same data.
OTHER = {
    "4-space indentation": lambda t, _: _redump(t, 4, 6, 4),
    "shuffled keys": _shuffle,
    "extra comment": lambda t, rnd: _insert_comment(t, rnd),
    "trailing spaces": lambda t, _: t.replace("\n", "  \n", 5),
}


def _insert_comment(text: str, rnd: st.DataObject) -> str:
    lines = text.split("\n")
    at = rnd.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    indent = rnd.draw(st.integers(min_value=0, max_value=8))
    return "\n".join([*lines[:at], " " * indent + "# chú thích thêm\t(x)", *lines[at:]])


def _form(text: str) -> list[str]:
    """Lines, ignoring blank lines and the spacing before an inline comment."""
    return [re.sub(r" +#", " #", line) for line in text.split("\n") if line.strip()]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(CLUSTER_FILES), names=st.lists(st.sampled_from(sorted(FORM_ONLY)), min_size=1, max_size=3, unique=True), rnd=st.data())
def test_form_only_mutations_format_back_to_the_shipped_file(path: Path, names: list[str], rnd: st.DataObject) -> None:
    shipped = path.read_text(encoding="utf-8")
    mutated = shipped
    for name in sorted(names, key=lambda n: (n != "indentless sequences", n in ("crlf", "bom"))):  # re-dump first, bytes last
        mutated = FORM_ONLY[name](mutated, rnd)
    assert format_text(mutated, file_kind(path)) == shipped


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(CLUSTER_FILES), names=st.lists(st.sampled_from(sorted(OTHER)), min_size=1, max_size=3, unique=True), rnd=st.data())
def test_formatting_is_idempotent_and_keeps_data_and_comments(path: Path, names: list[str], rnd: st.DataObject) -> None:
    shipped = path.read_text(encoding="utf-8")
    mutated = shipped
    for name in names:
        mutated = OTHER[name](mutated, rnd)
    kind = file_kind(path)
    once = format_text(mutated, kind)
    assert format_text(once, kind) == once, "fmt twice = fmt once"
    assert parse(once).data == parse(shipped).data
    assert [c.replace("\t", " ") for c in comments(mutated)] == comments(once)
    if "extra comment" not in names and "4-space indentation" not in names:
        assert _form(once) == _form(shipped), "reordering back restores every line"
