"""What the rules say, as data: a code and its raw parameters, turned into words only in output/.

A ``Message`` is the one type every rule, check and report returns for something to be told:
``code`` is a rule code (``TD101``) or a dotted catalogue key (``rotate.note.merged``), stable
across versions and languages; ``params`` are raw values (numbers as numbers, dates as dates, ids
as ids, a nested Message for a phrase) never translated or formatted text. The value types below
say how a number is meant (a share, a rank), so that output/ can show it in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """A catalogue key and its raw parameters: the same in every language."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Percent:
    """A share (0–1) meant as a percentage: 2/3 is shown '66,67%'."""

    value: float


@dataclass(frozen=True)
class Ordinal:
    """A rank meant as words: '1st' in English, 'thứ 1' in Vietnamese."""

    n: int


def plain(value: Any) -> Any:
    """A parameter as JSON data, the same whatever the language: a nested Message as its code and params."""
    if isinstance(value, Message):
        return as_data(value)
    if isinstance(value, Percent):
        return value.value
    if isinstance(value, Ordinal):
        return value.n
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    return value


def as_data(message: Message) -> dict[str, Any]:
    """``{"code": …, "params": {…}}``: a message for JSON, without words."""
    return {"code": message.code, "params": {k: plain(v) for k, v in message.params.items()}}


class MessageError(Exception):
    """An exception that carries what to tell as a Message (``fmt``'s refusals, for one)."""

    def __init__(self, message: Message, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message.code)
        self.message = message
        self.line = line
        self.column = column

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> Mapping[str, Any]:
        return self.message.params
