"""The one unified diff thidua prints: ``fmt --check`` and ``rotate --dry-run``."""

from __future__ import annotations

import difflib


def unified_diff(before: str, after: str, old_name: str, new_name: str, context: int = 3) -> str:
    """``diff -u`` of two texts ("" when they are equal). Unlike ``difflib.unified_diff``, lines
    that repeat often (``type: tinh`` in the registry) are still matched, so a hunk shows only what
    changes, and a last line without a line break is marked as diff marks it."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[str] = []
    for group in matcher.get_grouped_opcodes(context):
        if not out:
            out += [f"--- {old_name}\n", f"+++ {new_name}\n"]
        out.append(f"@@ -{_span(group[0][1], group[-1][2])} +{_span(group[0][3], group[-1][4])} @@\n")
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                out += [" " + line for line in a[a1:a2]]
                continue
            out += ["-" + line for line in a[a1:a2]]
            out += ["+" + line for line in b[b1:b2]]
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out)


def file_diff(display: str, before: str, after: str) -> str:
    """A file against its new text, named as git names them (``a/…``, ``b/…``)."""
    return unified_diff(before, after, f"a/{display}", f"b/{display}")


def _span(start: int, stop: int) -> str:
    """A hunk range as diff writes it: 1-based start, and the length unless it is 1."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"
