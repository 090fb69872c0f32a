"""Print pins at the lowest version ``pyproject.toml`` allows for each dependency (``name>=x``).

``.ci/run`` installs with these as constraints to test the floor the project promises, so the
bounds cannot drift from what is tested. Usage: ``python scripts/lowest_constraints.py [EXTRA ...]``.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_LOWER = re.compile(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(?:[^#]*?)>=\s*([0-9][^,;\s]*)")


def requirements(extras: list[str]) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = list(project["dependencies"])
    for extra in extras:
        listed += [r for r in project["optional-dependencies"][extra] if not r.startswith("thidua")]
    return listed


def lowest(extras: list[str]) -> list[str]:
    pins = {}
    for requirement in requirements(extras):
        match = _LOWER.match(requirement)
        if match:  # a requirement without a floor is left to the resolver
            pins[match.group(1).lower()] = f"{match.group(1)}=={match.group(2)}"
    return sorted(pins.values(), key=str.lower)


if __name__ == "__main__":
    print("\n".join(lowest(sys.argv[1:])))
