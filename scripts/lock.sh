#!/usr/bin/env bash
# Refresh requirements/lock.txt: the exact versions CI and the README's set-up install.
# Run after changing a dependency in pyproject.toml, or to take newer releases; commit the result
# only when `bash .ci/run` passes with it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q --upgrade pip
"$tmp/venv/bin/pip" install -q -e '.[dev,bench,docs]'
{
  echo "# The versions CI tests (bash .ci/run) and the README's set-up installs, for Python 3.11+."
  echo "# Regenerate with: bash scripts/lock.sh   (see docs: Dependencies)"
  "$tmp/venv/bin/pip" freeze --exclude-editable | grep -v '^-e ' | grep -iv '^thidua' | LC_ALL=C sort -f
} > requirements/lock.txt
echo "wrote requirements/lock.txt ($(grep -vc '^#' requirements/lock.txt) packages)"
