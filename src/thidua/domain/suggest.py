""""Did you mean": the one closest name, for every command that is given a name it does not know."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option most like ``value`` (``dbhs`` → ``dbsh``), or None when none is close."""
    found = difflib.get_close_matches(value, sorted(options), n=1, cutoff=cutoff)
    return found[0] if found else None
