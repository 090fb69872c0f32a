"""``thidua fmt``: canonical formatting that keeps comments, never loses data, and is idempotent."""

from __future__ import annotations

import io
import os
import re
import stat
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import DATA, GOLDEN, check_golden, copy_data, runner
from thidua.cli.app import app
from thidua.domain.models import SCHEMA_KINDS
from thidua.output.diff import file_diff
from thidua.repository.yamlsafe import parse
from thidua.services import fmt as fmt_module
from thidua.services.fmt import KEY_ORDER, NotFormattable, file_kind, format_bytes, format_text, reorder_top_level

SHIPPED = sorted(DATA.rglob("*.yaml"))
CLUSTER_FILES = [p for p in SHIPPED if p.name != "provinces.yaml"]  # the registry is slow for hypothesis


def golden(name: str, actual: str) -> None:
    check_golden(GOLDEN / "fmt" / name, actual)


def comments(text: str) -> list[str]:
    return sorted(line.strip() for line in text.splitlines() if line.strip().startswith("#"))


# --------------------------------------------------------------------------- the shipped data


def test_shipped_data_is_already_canonical() -> None:
    result = runner.invoke(app, ["fmt", "--check", str(DATA)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "", "no diff for canonical files"
    assert "0 file(s) would be reformatted, 18 already canonical" in result.stderr


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
    assert file_diff("x.yaml", before, after) == expected
    assert file_diff("x.yaml", before, before) == ""


def test_diff_matches_lines_that_repeat_often() -> None:
    before = "".join(f"- id: u{i}\n  type: tinh\n" for i in range(300))
    after = before.replace("- id: u150\n  type: tinh\n", "- id: u150\n  type: huyen\n")
    diff = file_diff("p.yaml", before, after)
    changed = [line for line in diff.splitlines()[2:] if line[:1] in "+-"]
    assert changed == ["-  type: tinh", "+  type: huyen"], diff


# --------------------------------------------------------------------------- the command


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    copy_data(root)
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
    assert "1 file(s) reformatted, 17 already canonical, 0 not formatted" in result.stderr
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
    assert "0 tệp cần định dạng lại, 18 tệp đã chuẩn" in result.stderr


def test_fmt_does_not_write_through_symbolic_links(data: Path) -> None:
    target = data / "clusters" / "dbsh" / "2024.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("\n", "\r\n"), encoding="utf-8", newline="")
    link = data.parent / "link.yaml"
    link.symlink_to(target)
    result = runner.invoke(app, ["fmt", str(link)])
    assert link.is_symlink()
    assert "symbolic link, skipped" in result.stderr


# --------------------------------------------------------------------------- never lose a comment

FLOW_COMMENT = "cluster: x\nyear: 2024\nmembers: [bac-ninh, thai-binh,  # xác nhận lại\n  hung-yen, nam-dinh]\n"


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (FLOW_COMMENT, 3, 33),
        ("members: [\n  # xác nhận lại\n  bac-ninh, thai-binh\n]\n", 2, 3),
        ("leadership: {chair: ha-noi,  # tạm thời\n  vice: hai-phong}\n", 1, 30),
        ("# đầu tệp\n---\nyear: 2024\n", 1, 1),
    ],
    ids=["flow-list", "flow-list-own-line", "flow-mapping", "above-document-start"],
)
def test_a_comment_fmt_cannot_keep_is_refused_with_its_place(text: str, line: int, column: int) -> None:
    with pytest.raises(NotFormattable) as caught:
        format_text(text)
    assert (caught.value.code, caught.value.line, caught.value.column) == ("fmt.comment_lost", line, column)


def test_fmt_leaves_a_flow_list_with_a_comment_untouched_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "2024.yaml"
    path.write_text(FLOW_COMMENT.replace("year: 2024", "year:   2024"), encoding="utf-8")  # also something to reformat
    before = path.read_bytes()
    for args in (["fmt", str(path)], ["fmt", "--check", str(path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert path.read_bytes() == before, "the file is left as the clerk wrote it"
        assert "2024.yaml:3:33: not formatted, file left unchanged: formatting would drop the comment # xác nhận lại" in result.stderr
        assert "[fmt.comment_lost]" in result.stderr
        assert "hint: move the comment to its own line above the list" in result.stderr


def test_fmt_check_reports_comment_loss_as_not_formattable_not_as_a_diff(tmp_path: Path) -> None:
    path = tmp_path / "2024.yaml"
    path.write_text(FLOW_COMMENT, encoding="utf-8")  # canonical but for the comment ruamel drops
    result = runner.invoke(app, ["fmt", "--check", str(path)])
    assert result.exit_code == 1
    assert result.stdout == "", "no diff that would delete the comment"
    assert "would reformat" not in result.stderr
    assert "0 file(s) would be reformatted, 0 already canonical, 1 not formatted" in result.stderr


def test_fmt_speaks_vietnamese_about_a_lost_comment(tmp_path: Path) -> None:
    path = tmp_path / "2024.yaml"
    path.write_text(FLOW_COMMENT, encoding="utf-8")
    result = runner.invoke(app, ["--lang", "vi", "fmt", str(path)])
    assert "định dạng sẽ làm mất chú thích # xác nhận lại" in result.stderr
    assert "gợi ý: chuyển chú thích lên một dòng riêng" in result.stderr


@pytest.mark.parametrize(
    "tail",
    ["...\n# sau dấu kết thúc\n", "... # ngay trên dòng kết thúc\n", "...\n\n# một\n  # hai\n", "...\n# không có xuống dòng"],
)
def test_comments_after_the_document_end_marker_are_kept(tail: str) -> None:
    text = "cluster: x\nyear:   2024\n" + tail
    out = format_text(text, "cluster-year")
    assert out == "cluster: x\nyear: 2024\n" + tail
    assert format_text(out, "cluster-year") == out


def test_fmt_keeps_a_comment_after_the_end_marker_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "2024.yaml"
    path.write_text("year:   2024\n...\n# sau dấu kết thúc\t \n", encoding="utf-8")
    result = runner.invoke(app, ["fmt", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == "year: 2024\n...\n# sau dấu kết thúc\n"
    assert runner.invoke(app, ["fmt", "--check", str(path)]).exit_code == 0


def test_a_comment_on_a_block_scalar_header_is_a_comment_and_kept() -> None:
    text = "note: |  # ghi chú\n  dòng # không phải chú thích\n"
    assert [c.text for c in fmt_module.comments_of(text)] == ["# ghi chú"]
    assert format_text(text) == text


def test_a_round_trip_that_drops_or_invents_a_comment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt_module, "_round_trip", lambda text: text.replace("  # giữ", ""))
    with pytest.raises(NotFormattable) as caught:
        format_text("year: 2024  # giữ\n")
    assert (caught.value.code, caught.value.line, caught.value.column) == ("fmt.comment_lost", 1, 13)
    monkeypatch.setattr(fmt_module, "_round_trip", lambda text: text.replace("# giữ", "# giu"))
    with pytest.raises(NotFormattable) as caught:
        format_text("year: 2024  # giữ\n")
    assert caught.value.code == "fmt.comment_lost", "a changed comment is a lost one"


# --------------------------------------------------------------------------- values ruamel cannot build


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        ("2024-02-30", "day is out of range for month"),
        ("2024-13-01", "month must be in 1..12"),
        ("2024-01-01 25:00:00", "hour must be in 0..23"),
    ],
)
def test_an_impossible_date_is_a_located_refusal(value: str, detail: str) -> None:
    with pytest.raises(NotFormattable) as caught:
        format_text(f"cluster: x\nas_of: {value}\n", "cluster-year")
    error = caught.value
    assert (error.code, error.line, error.column) == ("fmt.bad_value", 2, 8)
    assert error.params["detail"] == f"{value}: {detail}"


def test_fmt_and_check_report_an_impossible_date_and_still_process_every_file(data: Path) -> None:
    bad = data / "clusters" / "dbsh" / "2024.yaml"
    text = bad.read_text(encoding="utf-8").replace("\nmembers:", "\nas_of: 2024-02-30\nmembers:", 1)
    bad.write_text(text, encoding="utf-8")
    line = text.split("\n").index("as_of: 2024-02-30") + 1
    messy = data / "clusters" / "dbsh" / "2023.yaml"
    canonical = messy.read_text(encoding="utf-8")
    for args in (["fmt", "--check", str(data)], ["fmt", str(data)]):
        messy.write_bytes(canonical.replace("\n", "\r\n").encode())
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert not isinstance(result.exception, ValueError) and "Traceback" not in result.output
        assert f"2024.yaml:{line}:8: not formatted, file left unchanged: value cannot be read: 2024-02-30: day is out of range for month [fmt.bad_value]" in result.stderr
        assert "hint: write a date that exists as YYYY-MM-DD" in result.stderr
        assert "2023.yaml" in result.stderr, "the other files are still processed"
        assert bad.read_text(encoding="utf-8") == text
    assert messy.read_bytes() == canonical.encode(), "fmt rewrote the other file"


# --------------------------------------------------------------------------- one size check


@pytest.mark.parametrize(("size", "shown"), [(3 * 1024 * 1024, "3.0"), (1024 * 1024 + 1, "1.000001")])
def test_validate_and_fmt_give_the_real_size_in_mib(tmp_path: Path, size: int, shown: str) -> None:
    path = tmp_path / "data" / "clusters" / "x" / "2024.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"year: 2024\n" + b"#" * (size - 12) + b"\n")
    assert path.stat().st_size == size
    message = f"file is {shown} MiB, over the limit of 1.0 MiB"
    validate = runner.invoke(app, ["validate", str(tmp_path / "data")])
    assert f"TD001 {message}" in validate.output
    for args in (["fmt", str(path)], ["fmt", "--check", str(path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert f"2024.yaml: not formatted, file left unchanged: {message} [TD001]" in result.stderr


def test_the_size_check_is_one_function(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from thidua.repository import loader, yamlsafe

    path = tmp_path / "2024.yaml"
    path.write_text("year: 2024\n", encoding="utf-8")
    refuse = lambda size: yamlsafe.Finding("TD001", None, None, {"size": "9.9", "limit": "0.0"})  # noqa: E731
    monkeypatch.setattr(fmt_module, "size_finding", refuse)
    monkeypatch.setattr(yamlsafe, "size_finding", refuse)  # the loader imports it when reading
    assert fmt_module.examine(path, "2024.yaml").error.params == {"size": "9.9", "limit": "0.0"}
    assert [d.code for d in loader.read_document(path, tmp_path).diagnostics] == ["TD001"]


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
    "end-of-line comment": lambda t, rnd: _append_comment(t, rnd),
    "comment in a flow list": lambda t, rnd: _comment_in_flow_list(t, rnd),
}
END_MARK = "# cuối dòng"
FLOW_MARK = "# trong danh sách"
_FLOW_LIST = re.compile(r"(?m)^( *[a-z_]+: \[)([^,\]\n]+),([^\]\n]+\])$")


def _append_comment(text: str, rnd: st.DataObject) -> str:
    """A comment at the end of a random line: a comment, or data inside a text that spans lines."""
    lines = text.split("\n")
    at = rnd.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    lines[at] += "  " + END_MARK
    return "\n".join(lines)


def _comment_in_flow_list(text: str, rnd: st.DataObject) -> str:
    """A flow list split over two lines with a comment after its first item (ruamel drops it)."""
    found = list(_FLOW_LIST.finditer(text))
    if not found:
        return text
    match = rnd.draw(st.sampled_from(found))
    indent = " " * (len(match.group(1)) - len(match.group(1).lstrip()) + 2)
    return text[: match.start()] + f"{match.group(1)}{match.group(2)},  {FLOW_MARK}\n{indent}{match.group(3).lstrip()}" + text[match.end() :]


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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(CLUSTER_FILES), names=st.lists(st.sampled_from(sorted(OTHER)), min_size=1, max_size=3, unique=True), rnd=st.data())
def test_formatting_is_idempotent_and_keeps_data_and_comments(path: Path, names: list[str], rnd: st.DataObject) -> None:
    shipped = path.read_text(encoding="utf-8")
    mutated = shipped
    for name in names:
        mutated = OTHER[name](mutated, rnd)
    kind = file_kind(path)
    try:
        once = format_text(mutated, kind)
    except NotFormattable as refused:  # refusing is the only way fmt may fail to keep a comment
        # comment_lost: only for the comment ruamel drops; TD006: a '#' cut a text spanning lines
        cause = {"fmt.comment_lost": FLOW_MARK, "TD006": END_MARK}
        assert refused.code in cause and cause[refused.code] in mutated, refused.code
        return
    assert format_text(once, kind) == once, "fmt twice = fmt once"
    assert parse(once).data == parse(mutated).data
    if END_MARK not in mutated:
        assert parse(once).data == parse(shipped).data
    assert FLOW_MARK not in mutated, "ruamel drops a comment inside a flow list: the file must be refused"
    assert [c.replace("\t", " ") for c in comments(mutated)] == comments(once)
    assert once.count(END_MARK) == mutated.count(END_MARK), "an end-of-line comment is kept (or kept as data)"
    assert sorted(c.text for c in fmt_module.comments_of(once)) == sorted(
        c.text.replace("\t", " ") for c in fmt_module.comments_of(mutated.replace("\t", " "))
    )
    if not {"extra comment", "4-space indentation", "end-of-line comment"} & set(names):
        assert _form(once) == _form(shipped), "reordering back restores every line"
