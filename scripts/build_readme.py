"""Assemble README.md from docs/readme/*.md, with the rule-code table generated from the code.

Run ``python scripts/build_readme.py`` after editing a fragment; a test fails when README.md is
out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "<!-- rule-codes -->"


def rule_code_table() -> str:
    from thidua.i18n import t
    from thidua.messages import SEVERITY

    rows = ["| code | severity | English | Tiếng Việt |", "|---|---|---|---|"]
    for code, severity in SEVERITY.items():
        english = t(code, lang="en").replace("|", "\\|")
        vietnamese = t(code, lang="vi").replace("|", "\\|")
        rows.append(f"| `{code}` | {severity} | {english} | {vietnamese} |")
    return "\n".join(rows)


def build() -> str:
    parts = [p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "docs" / "readme").glob("*.md"))]
    return "\n\n".join(parts).replace(MARKER, rule_code_table()) + "\n"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    (ROOT / "README.md").write_text(build(), encoding="utf-8")
