"""Start-up stays as light as bare typer: heavy libraries load only when a command needs them."""

from __future__ import annotations

import json
import subprocess
import sys

# What must not be imported by ``import thidua.cli.app`` (so by ``thidua --version`` or ``--help``),
# unless typer itself imports it (typer may pull in rich for its help screens).
HEAVY = ["pydantic", "pydantic_core", "yaml", "rich", "ruamel", "docx", "babel", "jsonschema",
         "thidua.domain.models", "thidua.repository.loader", "thidua.domain.checks", "thidua.repository.yamlsafe", "thidua.domain.ranking",
         "thidua.domain.registry", "thidua.output.messages"]

PROBE = """
import json, sys
import {module}
print(json.dumps(sorted(sys.modules)))
"""


def imported_by(module: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(module=module)], capture_output=True, text=True, check=True, timeout=60)
    return set(json.loads(done.stdout))


def test_importing_the_cli_loads_nothing_heavy() -> None:
    framework = imported_by("typer")
    ours = imported_by("thidua.cli.app")
    assert "thidua.cli.app" in ours, "the probe really imported the CLI"
    for name in HEAVY:
        if name in framework:
            continue
        loaded = sorted(m for m in ours if m == name or m.startswith(name + "."))
        assert not loaded, f"`import thidua.cli.app` imports {loaded}: import it inside the command function"


def test_version_runs_without_data() -> None:
    done = subprocess.run([sys.executable, "-m", "thidua", "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("thidua ")
