"""Text is safe everywhere: hostile characters are refused (TD024) and never reach output raw.

A name holding a terminal escape, a right-to-left override, a zero-width space or a newline
followed by a GitHub workflow command must not validate, and whatever reaches a renderer anyway
(files that fail validation are printed from too) is escaped for its medium: terminal, GitHub
workflow commands, Markdown, CSV, JSON and Word.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import copy_data, runner
from thidua.cli.app import app
from thidua.domain import textsafe
from thidua.output.i18n import t

DBSH = Path("clusters") / "dbsh"

HOSTILE = {
    "osc-title": "\x1b]0;evil\x07",
    "rlo": "\u202e",
    "zero-width": "\u200b",
    "workflow-command": "\n::error file=README.md,line=1::INJECTED",
    "del": "\x7f",
    "c1-nel": "\x85",
    "c1-csi": "\x9b",
}
# Raw in output is a failure: C0 but tab and newline, DEL, C1, bidi controls, zero-width.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar spelling ``text`` with escapes (JSON's are YAML's)."""
    return json.dumps(text, ensure_ascii=True)


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    copy_data(root)
    return root


def poison(root: Path, where: str, hostile: str) -> tuple[str, int, int]:
    """Put ``hostile`` into one value; (file as validate names it, line, column) of that value."""
    if where == "unit":  # Nam Định: ranked, awarded and rotated in dbsh 2023
        path, old, value = root / "provinces.yaml", "    name: Nam Định\n", yaml_string("Nam" + hostile + "Định")
        new = f"    name: {value}\n"
    elif where == "cluster":
        path, value = root / DBSH / "cluster.yaml", yaml_string("Cụm" + hostile + " đồng bằng sông Hồng")
        old, new = 'name: "Cụm thi đua các tỉnh đồng bằng sông Hồng"\n', f"name: {value}\n"
    elif where == "award":  # an award of the cluster's own, given by its ladder
        path, value = root / DBSH / "cluster.yaml", yaml_string("Giải" + hostile + "thưởng")
        text = path.read_text(encoding="utf-8").replace("- award: bang-khen-thu-tuong", "- award: giai-thuong-x")
        path.write_text(text, encoding="utf-8")
        old, new = "\nsources:\n", f"\naward_titles:\n  giai-thuong-x: {value}\n\nsources:\n"
    else:  # the review's place in a year file
        path, value = root / DBSH / "2023.yaml", yaml_string("Thái" + hostile + "Bình")
        old, new = '  place: "Thái Bình"\n', f"  place: {value}\n"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = line_of(path, value)
    column = path.read_text(encoding="utf-8").split("\n")[line - 1].index(value) + 1
    return path.relative_to(root).as_posix(), line, column


def invoke(*args: str, data: Path | None = None):
    extra = ["--data", str(data)] if data is not None else []
    result = runner.invoke(app, ["--lang", "en", *args, *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def assert_safe(output: str) -> None:
    output = output.removeprefix("\ufeff")  # CSV starts with a byte-order mark, for Excel; nowhere else
    assert not RAW.search(output), f"raw {RAW.search(output).group()!r} in output"
    assert not [line for line in output.split("\n") if line.startswith("::")], "a forged workflow command"


# --------------------------------------------------------------------------- TD024


@pytest.mark.parametrize("where", ["unit", "cluster", "award", "place"])
@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_td024_refuses_the_value_at_its_file_line_and_column(data: Path, monkeypatch: pytest.MonkeyPatch, where: str, hostile: str) -> None:
    name, line, column = poison(data, where, hostile)
    monkeypatch.chdir(data)
    result = invoke("validate", ".")
    assert result.exit_code == 1
    assert f"{name}:{line}:{column}: error TD024 " in result.stdout, result.stdout
    assert_safe(result.stdout)


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_github_annotations_forge_nothing(data: Path, monkeypatch: pytest.MonkeyPatch, hostile: str) -> None:
    poison(data, "unit", hostile)
    poison(data, "cluster", hostile)
    monkeypatch.chdir(data)
    result = invoke("validate", "--format", "github", ".")
    assert result.exit_code == 1 and "TD024" in result.stdout
    assert not RAW.search(result.stdout)
    lines = result.stdout.rstrip("\n").split("\n")
    assert not [line for line in lines if line.startswith("::error file=README.md")]
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])


def test_free_text_notes_may_span_lines_but_hold_no_escape(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    year = data / DBSH / "2024.yaml"  # a year file without a note yet
    year.write_text(year.read_text(encoding="utf-8") + 'note: "first line\\n\\tsecond line"\n', encoding="utf-8")
    monkeypatch.chdir(data)
    assert "TD024" not in invoke("validate", ".").stdout
    year.write_text(year.read_text(encoding="utf-8").replace("\\tsecond", "\\x1bsecond"), encoding="utf-8")
    line = line_of(year, 'note: "first')
    assert f"{DBSH.as_posix()}/2024.yaml:{line}:7: error TD024 " in invoke("validate", ".").stdout


def test_bad_ids_and_unknown_keys_are_echoed_escaped(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TD104 quotes the bad award id and TD102 the unknown key: neither may print them raw."""
    year = data / DBSH / "2024.yaml"  # no awards yet
    bad = yaml_string("x\x1b[31m\u202e\n::error file=README.md,line=1::INJECTED")
    year.write_text(year.read_text(encoding="utf-8") + f"awards:\n  - member: nam-dinh\n    award: {bad}\n{bad}: 1\n", encoding="utf-8")
    monkeypatch.chdir(data)
    summary = data / "summary.md"
    result = runner.invoke(app, ["--lang", "en", "validate", "."], env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert "TD104" in result.stdout and "TD102" in result.stdout and "TD024" in result.stdout
    assert "\\x1b[31m\\u202e\\n::error" in result.stdout, "shown, visibly escaped"
    assert_safe(result.stdout)
    rows = [line for line in summary.read_text(encoding="utf-8").split("\n") if line.startswith("| ")]
    assert rows and all(line.count("|") == 5 for line in rows), "a value broke the Markdown table"
    assert_safe(summary.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- what the commands print

COMMANDS = [
    ("rank", "2023"),
    ("rank", "2023", "--format", "markdown"),
    ("rank", "2023", "--format", "csv"),
    ("rank", "2023", "--format", "json"),
    ("rank", "2023", "--explain", "nam-dinh"),
    ("rank", "2023", "--stability", "--samples", "20", "--format", "markdown"),
    ("awards", "2023"),
    ("awards", "2023", "--format", "markdown"),
    ("awards", "2023", "--format", "json"),
    ("rotate", "--cluster", "dbsh", "--from", "2023"),
    ("rotate", "--cluster", "dbsh", "--from", "2023", "--years", "3"),
    ("rotate", "--cluster", "dbsh", "--from", "2023", "--format", "json"),
]


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_unit_name_is_printed_escaped_by_every_command(data: Path, hostile: str) -> None:
    """provinces.yaml failing TD024 does not stop the clusters: the name reaches every report."""
    poison(data, "unit", hostile)
    for command in COMMANDS:
        result = invoke(*command, data=data)
        assert result.exit_code == 0, (command, result.stderr)
        assert "Nam" in result.stdout
        assert_safe(result.stdout)
        assert_safe(result.stderr)
    json_out = invoke("rank", "2023", "--format", "json", data=data).stdout
    names = [e["name"] for c in json.loads(json_out) for e in c["ranking"] if e["member"] == "nam-dinh"]
    assert names == ["Nam" + hostile + "Định"], "JSON escapes, and reads back exactly"


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_renderers_escape_what_validation_would_have_refused(data: Path, monkeypatch: pytest.MonkeyPatch, hostile: str) -> None:
    """Without TD024 (as for any text validation lets through), no renderer prints it raw."""
    monkeypatch.setattr("thidua.repository.loader.text_issues", lambda data: [], raising=False)
    for where in ("unit", "cluster", "award", "place"):
        poison(data, where, hostile)
    for command in COMMANDS:
        result = invoke(*command, data=data)
        assert result.exit_code == 0, (command, result.stderr)
        assert_safe(result.stdout)
        assert_safe(result.stderr)


def test_csv_cells_cannot_run_as_formulas(data: Path) -> None:
    import csv
    import io

    registry = data / "provinces.yaml"
    text = registry.read_text(encoding="utf-8").replace("    name: Nam Định\n", "    name: \"=cmd|' /C calc'!A0\"\n")
    registry.write_text(text, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(invoke("rank", "2023", "--format", "csv", data=data).stdout)))
    cells = [cell for row in rows for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]
    assert all(float(c) <= 0 for c in cells if c.startswith("-")), "numbers stay numbers"


def test_the_terminal_table_escapes_too(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from thidua.output.render import text

    out = text.table_text("T\x1b]0;x\x07", ["a\u202e"], [["Nam\n::error x\u200b"]], caption="c\x9b", terminal=True)
    assert not RAW.search(out.replace("\x1b[", "")) and "\x1b]" not in out and "\x9b" not in out
    assert "\n::error" not in out


# --------------------------------------------------------------------------- Word


def docx_names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.glob("*.docx"))


# A line break is layout in a Word document, not a danger (document_text keeps it), so that
# case proves nothing here; every other one crashed lxml or went into the document raw.
IN_DOCUMENTS = {key: value for key, value in HOSTILE.items() if key != "workflow-command"}


@pytest.mark.parametrize("bypass", [False, True], ids=["validated", "unvalidated"])
@pytest.mark.parametrize("hostile", IN_DOCUMENTS.values(), ids=IN_DOCUMENTS.keys())
def test_awards_docx_writes_every_cluster_with_a_hostile_name(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hostile: str, bypass: bool) -> None:
    import docx

    clean = tmp_path / "clean"
    assert invoke("awards", "2023", "--docx", str(clean), data=data).exit_code == 0
    if bypass:  # the cluster name and award title too, as if validation had let them through
        monkeypatch.setattr("thidua.repository.loader.text_issues", lambda data: [], raising=False)
        for where in ("cluster", "award"):
            poison(data, where, hostile)
    poison(data, "unit", hostile)
    out = tmp_path / "hostile"
    result = invoke("awards", "2023", "--docx", str(out), data=data)
    assert result.exit_code == 0, result.stderr
    assert docx_names(out) == docx_names(clean) and docx_names(out)
    for path in out.glob("*.docx"):
        document = docx.Document(str(path))
        body = "\n".join(p.text for p in document.paragraphs) + "".join(c.text for tb in document.tables for row in tb.rows for c in row.cells)
        assert not RAW.search(body.replace("\n", "").replace("\t", ""))
    shown = textsafe.document_text("Nam" + hostile + "Định")
    assert any(shown in cell.text for path in out.glob("dbsh-*") for tb in docx.Document(str(path)).tables for row in tb.rows for cell in row.cells)


# --------------------------------------------------------------------------- the escapers

UNSAFE_CATEGORIES = {"Cc", "Cs"}
BIDI_AND_INVISIBLE = set("\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\u2028\u2029")
texts = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60)


def is_unsafe(char: str) -> bool:
    return unicodedata.category(char) in UNSAFE_CATEGORIES or char in BIDI_AND_INVISIBLE


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_find_unsafe_finds_each_hostile_character(hostile: str) -> None:
    text = "Thừa Thiên" + hostile + "Huế"
    found = textsafe.find_unsafe(text)
    assert found is not None and found[0] == len("Thừa Thiên")


def test_vietnamese_text_is_safe_and_kept() -> None:
    text = "Thành phố Hồ Chí Minh – Đắk Lắk, Bà Rịa‑Vũng Tàu (Cụm thi đua số 7)"
    assert textsafe.find_unsafe(text) is None
    assert textsafe.safe_text(text) == text and textsafe.markdown_text(text) == text and textsafe.document_text(text) == text


def test_multiline_allows_tab_and_newline_only() -> None:
    assert textsafe.find_unsafe("a\n\tb", multiline=True) is None
    assert textsafe.find_unsafe("a\n\tb") == (1, "\n")
    assert textsafe.find_unsafe("a\nb\x1b", multiline=True) == (3, "\x1b")
    assert textsafe.find_unsafe("a\r\nb", multiline=True) == (1, "\r")


@given(texts)
def test_safe_text_leaves_nothing_unsafe(text: str) -> None:
    shown = textsafe.safe_text(text)
    assert not any(is_unsafe(c) for c in shown)
    assert textsafe.safe_text(shown) == shown, "escaping twice changes nothing"


@given(texts)
def test_message_parameters_are_escaped(text: str) -> None:
    message = t("TD201", lang="en", unit=text, suggestion="")
    assert not any(is_unsafe(c) for c in message)


def github_unescape(text: str) -> str:
    return re.sub("%(25|0D|0A)", lambda m: {"25": "%", "0D": "\r", "0A": "\n"}[m.group(1)], text)


@given(texts)
def test_github_data_is_one_line_and_round_trips(text: str) -> None:
    escaped = textsafe.github_data(text)
    assert not any(is_unsafe(c) for c in escaped)
    assert github_unescape(escaped) == textsafe.visible(text, keep="\r\n")
    safe_part = "".join(c for c in text if c in "\r\n" or textsafe.find_unsafe(c) is None)
    assert github_unescape(textsafe.github_data(safe_part)) == safe_part


@given(texts)
def test_github_property_has_no_separator(text: str) -> None:
    escaped = textsafe.github_property(text)
    assert not {":", ",", "\n", "\r"} & set(escaped) and not any(is_unsafe(c) for c in escaped)


@given(texts)
def test_markdown_cell_cannot_break_a_table(text: str) -> None:
    cell = textsafe.markdown_cell(text)
    assert not {"|", "\n", "\r", "`", "<", ">"} & set(cell) and not any(is_unsafe(c) for c in cell)


@given(texts)
def test_json_safe_reads_back_exactly(text: str) -> None:
    dumped = textsafe.json_safe(json.dumps({"name": text}, ensure_ascii=False, indent=2))
    assert json.loads(dumped) == {"name": text}
    assert not any(is_unsafe(c) for c in dumped.replace("\n", ""))


@given(texts)
def test_document_text_is_valid_xml(text: str) -> None:
    shown = textsafe.document_text(text)
    assert all(c in "\t\n" or not is_unsafe(c) for c in shown)
    assert all(c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD or ord(c) >= 0x10000 for c in shown)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+CMD", "'+CMD"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("-3", "-3"), ("+1.5", "+1.5"), ("-1e3", "-1e3"), (7, 7), (-2.5, -2.5), ("Nam Định", "Nam Định"), ("=\x1b", "'=\\x1b")],
)
def test_csv_cell_neutralises_formulas_and_keeps_numbers(value: object, expected: object) -> None:
    assert textsafe.csv_cell(value) == expected
