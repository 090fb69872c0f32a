"""The safe YAML reader on its own: values, traps of YAML 1.1, limits, positions, and speed on hostile input."""

from __future__ import annotations

import unicodedata

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.output.messages import SEVERITY
from thidua.repository import yamlsafe
from thidua.repository.yamlsafe import MAX_ALIASES, MAX_DEPTH, MAX_NODES, child_positions, decode, locate, parse


def codes(text: str) -> list[str]:
    return [f.code for f in parse(text).findings]


def finding(text: str, code: str) -> yamlsafe.Finding:
    return next(f for f in parse(text).findings if f.code == code)


def test_libyaml_is_used() -> None:
    # The pure-Python composer is ~30 times slower; PyYAML does not re-export CParser, so a wrong
    # import silently fell back to it once.
    assert yamlsafe.LIBYAML


def test_plain_values_resolve_by_a_small_core_schema() -> None:
    parsed = parse("a: 12\nb: -3.5\nc: true\nd: null\ne: ~\nf: text\ng: '012'\nh: 1e3\ni:\nj: 2024-03-13\n")
    assert parsed.findings == []
    assert parsed.data == {"a": 12, "b": -3.5, "c": True, "d": None, "e": None, "f": "text", "g": "012", "h": 1000.0, "i": None, "j": "2024-03-13"}
    assert not parsed.fatal


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("yes", "TD013"), ("No", "TD013"), ("on", "TD013"), ("y", "TD013"),
        ("0123", "TD014"), ("0x1F", "TD014"), ("0o17", "TD014"), ("1_000", "TD014"),
        ("12:30", "TD015"), ("1:20:30", "TD015"),
        (".nan", "TD016"), (".inf", "TD016"), ("-.inf", "TD016"), ("1e999", "TD016"),
    ],
)
def test_yaml11_traps_are_findings_at_their_position(value: str, code: str) -> None:
    f = finding(f"cluster: x\nvalue: {value}\n", code)
    assert (f.line, f.column) == (2, 8)


def test_a_5000_digit_number_is_refused_without_converting_it() -> None:
    # int("9" * 5000) raises ValueError (max_str_digits); the reader must never get that far.
    for number in ("9" * 5000, "-" + "1" * 5000, "1" * 3000 + "." + "5" * 3000, "1_" * 2500):
        parsed = parse(f"value: {number}\n")
        f = next(f for f in parsed.findings if f.code == "TD016")
        assert f.line == 1
        assert len(f.params["value"]) <= yamlsafe.MAX_SHOWN_CHARS, "a hostile value is never echoed whole"
    assert parse("title: " + "9" * 40 + " km\n").data == {"title": "9" * 40 + " km"}, "long text starting with digits stays text"


def test_long_digit_lines_do_not_backtrack() -> None:
    # Several number patterns backtrack quadratically; on 900 KB they would run for hours.
    for line in ("1_" * 300_000 + "x", "0" * 600_000 + ":x", "1" * 600_000 + "e"):
        parse(f"value: {line}\n")


def test_duplicate_keys_merge_keys_and_tags() -> None:
    assert finding("a: 1\nb: 2\na: 3\n", "TD012").line == 3
    assert finding("base: &b {x: 1}\nother:\n  <<: *b\n", "TD010").line == 3
    tagged = parse("a: !!python/object/apply:os.system ['true']\nb: !custom x\n")
    assert [(f.code, f.line) for f in tagged.findings] == [("TD011", 1), ("TD011", 2)]
    assert tagged.data == {"a": None, "b": None}, "nothing is constructed from a tag"


def test_quoted_and_explicit_str_are_text() -> None:
    assert parse("a: 'yes'\nb: !!str 0123\nc: \"12:30\"\n").data == {"a": "yes", "b": "0123", "c": "12:30"}


def test_billion_laughs_stops_at_the_alias_limit() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    f = finding("\n".join(lines) + "\n", "TD009")
    assert f.params["limit"] == MAX_ALIASES


def test_a_recursive_alias_does_not_loop() -> None:
    assert "TD009" in codes("a: &a [*a]\n") or "TD008" in codes("a: &a [*a]\n")


def test_many_nodes_are_refused_before_composing() -> None:
    text = "a: [" + ",".join(["1"] * (MAX_NODES + 10)) + "]\n"
    f = finding(text, "TD009")
    assert f.params["limit"] == MAX_NODES and f.line == 1


@pytest.mark.parametrize(
    "text",
    [
        "[" * 20_000 + "]" * 20_000,
        "{a: " * 20_000 + "1" + "}" * 20_000,
        "- " * 20_000 + "x\n",
        "".join(" " * i + "a:\n" for i in range(1000)),
    ],
    ids=["flow-seq", "flow-map", "block-seq", "indented-map"],
)
def test_deep_nesting_is_refused_before_libyaml_recurses(text: str) -> None:
    f = finding(text, "TD008")
    assert f.params["limit"] == MAX_DEPTH
    assert f.line is not None


def test_many_brackets_at_low_depth_are_not_a_false_alarm() -> None:
    # Over the cheap bound (70 brackets) but 2 levels deep: the exact count clears it.
    text = "".join(f"k{i}: [a, b]\n" for i in range(70))
    assert parse(text).findings == []
    nested = "a:" + "".join(f"\n{'  ' * i}b{i}:" for i in range(1, MAX_DEPTH - 1)) + " x\n"
    assert parse(nested).findings == [], "the limit itself is allowed"


def test_documents_empty_and_top_level() -> None:
    assert finding("a: 1\n---\nb: 2\n", "TD007").line == 2
    assert codes("") == ["TD018"]
    assert codes("# only a comment\n\n") == ["TD018"]
    assert finding("- a\n- b\n", "TD019").params["got"] == "list"
    assert finding("just text\n", "TD019").params["got"] == "str"
    assert parse("- a\n").fatal


def test_syntax_errors_have_positions() -> None:
    f = finding("a: 1\nb: [1, 2\nc: 3\n", "TD006")
    assert f.line is not None and f.line >= 2
    f = finding("a: 1\n  b: 2\n", "TD006")
    assert f.line == 2


def test_control_characters_are_reported_with_their_line() -> None:
    f = finding("a: 1\nb: x\x07y\n", "TD002")
    assert (f.line, f.column) == (2, 5)
    assert "U+0007" in f.params["detail"]


def test_formatting_findings_point_at_the_first_occurrence() -> None:
    found = parse("a: 1\r\nb:\t2\n").findings
    assert [(f.code, f.line, f.column) for f in found][:2] == [("TD004", 1, 5), ("TD005", 2, 3)]


def test_nfd_text_is_found_at_its_column() -> None:
    word = unicodedata.normalize("NFD", "Nội")
    f = finding(f"a: 1\nname: Hà {word}\n", "TD017")
    assert (f.line, f.column) == (2, 11), "the base letter o of the first decomposed character, ộ"
    assert parse("name: Hà Nội\n").findings == [], "NFC text is fine"


def test_nfc_column_is_linear_on_a_long_line() -> None:
    line = "a" * 800_000 + unicodedata.normalize("NFD", "ộ")
    assert yamlsafe._nfc_column(line) == 800_001


@pytest.mark.parametrize(
    ("raw", "detail"),
    [
        ("tên: Hà Nội\n".encode("utf-16"), "UTF-16/UTF-32"),
        ("tên: Hà Nội\n".encode("utf-16-le"), "NUL"),
        (b"a: \xff\xfe\n", "byte 0xff"),
        (b"\x00\x01\x02binary", "NUL"),
    ],
)
def test_decode_refuses_what_is_not_utf8(raw: bytes, detail: str) -> None:
    text, found = decode(raw)
    assert text is None
    assert found[-1].code == "TD002" and found[-1].params["detail"] == detail


def test_decode_reports_and_drops_a_bom() -> None:
    text, found = decode(b"\xef\xbb\xbfa: 1\n")
    assert text == "a: 1\n" and [f.code for f in found] == ["TD003"]


def test_locate_and_child_positions() -> None:
    parsed = parse("members: [a, b, c]\nscores:\n  a:\n    x: 1\n")
    assert locate(parsed.root, ("members", 2)) == (1, 17)
    assert locate(parsed.root, ("scores", "a", "x"), key=True) == (4, 5)
    assert locate(parsed.root, ("scores", "zz")) == (3, 3), "nearest ancestor"
    assert child_positions(parsed.root, ("members",)) == [(1, 11), (1, 14), (1, 17)]
    assert child_positions(parsed.root, ("scores",)) == []


def test_every_code_the_reader_emits_is_in_the_catalogue() -> None:
    emitted = {"TD002", "TD003", "TD004", "TD005", "TD006", "TD007", "TD008", "TD009", "TD010", "TD011",
               "TD012", "TD013", "TD014", "TD015", "TD016", "TD017", "TD018", "TD019"}
    assert emitted <= set(SEVERITY)


YAMLISH = st.lists(
    st.sampled_from(["a", ":", " ", "\n", "-", "[", "]", "{", "}", ",", "&x", "*x", "!!python/object:os.system",
                     "<<", "'", '"', "#", "?", "|", ">", "---", "...", "yes", "0x1", "1e999", ".nan", "\t", "\r",
                     "ộ", "o\u0302", "12:30", "%YAML 1.1", "!x", "\x07", "\ufeff"]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(YAMLISH, st.text(max_size=200)))
def test_parse_never_raises_and_every_finding_has_a_known_code(text: str) -> None:
    parsed = parse(text)
    for f in parsed.findings:
        assert f.code in SEVERITY
        assert f.line is None or f.line >= 1
    assert parsed.fatal or isinstance(parsed.data, dict)


def test_libyaml_refusing_deep_flow_itself_is_still_td008(monkeypatch: pytest.MonkeyPatch) -> None:
    # libyaml 0.2.6 (PyYAML 6.0.4) raises before emitting the events; 0.2.5 emits them. Simulate
    # the newer one whatever is installed: the finding and its position must not depend on it.
    text = "[" * 1001 + "]" * 1001
    real_parse = yaml.parse

    def newer_libyaml(stream: str, Loader: type = yaml.SafeLoader):
        if Loader is not yaml.SafeLoader:
            mark = yaml.Mark("<unicode string>", 1000, 0, 1000, None, None)
            raise yaml.scanner.ScannerError(None, None, "exceeded maximum nesting depth", mark)
        return real_parse(stream, Loader=Loader)

    monkeypatch.setattr(yamlsafe, "LIBYAML", True)
    monkeypatch.setattr(yaml, "parse", newer_libyaml)
    f = finding(text, "TD008")
    assert (f.line, f.column, f.params["limit"]) == (1, MAX_DEPTH + 1, MAX_DEPTH)
    assert "TD006" not in codes(text), "a refusal is not reported as a syntax error"


def test_a_control_character_in_a_deep_file_is_td002_not_a_crash() -> None:
    # Found by scripts/fuzz_long.py: over the cheap bound, the exact count met libyaml's reader
    # error (U+0097) and let it escape. It is reported by parse() with its own code and place.
    text = "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 40)) + "  " * 40 + "v: x\x97y\n"
    f = finding(text, "TD002")
    assert f.line == 41


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from([" ", "\t", "-", "?", ":", "a", "\n", "\r"]), max_size=40), st.integers(0, 6))
def test_prescan_lead_search_is_a_multiline_match(text: str, width: int) -> None:
    # the prescan's two searches (first line, then after each line break) answer what one
    # MULTILINE "^" search answers
    import re

    expected = re.compile(r"^[ \t?:-]{" + str(width + 1) + "}", re.M).search(text) is not None
    assert yamlsafe._lead_wider_than(width, text) is expected


def test_prescan_counts_separators_only_in_long_texts() -> None:
    # a short text cannot hold MAX_NODES / 2 separators; a long flat one still gets the exact count
    assert yamlsafe._prescan("a: [1, 2]\n") is None
    flat = "[" + ",".join(["1"] * (MAX_NODES + 10)) + "]"
    refused = yamlsafe._prescan(flat)
    assert refused is not None and refused.code == "TD009"
