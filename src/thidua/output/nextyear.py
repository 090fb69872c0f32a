"""The next year's file, built from the source year's by a ruamel.yaml round trip.

What carries over: the header comments, the key order, the indicators (the pledge template), any
rule overrides, and every comment that belongs to a kept key. What changes: ``year``, ``members``
(mapped through the mergers) and ``leadership`` (the proposal). What goes: everything that records
the old year's results or meetings (``scores``, ``votes``, ``awards``, ``facts``, ``election``,
``review``, ``pledge``, ``note``, ``as_of``, ``scores_illustrative``) and ``sources``, which the new
year must name afresh; with each key goes the comment block written above it (so the block
explaining illustrative scores goes with ``scores``).

A year that already has a file is never rebuilt: ``fill`` adds to that file only the offices it
leaves out (``chair``, ``vice_chairs``), and keeps every other key, value and comment.

ruamel attaches a comment block to whatever precedes it (the deepest last item of the previous
key's value), not to the key it introduces. So blocks are first detached into "the block above key
K", the keys are changed, and the blocks are attached again in front of the keys that remain.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from thidua.domain.rotation import Proposal
from thidua.output.i18n import t
from thidua.output.period_words import capital, year_words

DROPPED = ("as_of", "basis", "scores_illustrative", "election", "appointment", "review", "pledge", "scores", "votes", "ranking", "awards", "facts", "sources", "note")
_END = object()  # the comment block after the last key


def _yaml(source: str) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long name
    try:
        _, indent, offset = load_yaml_guess_indent(source)
    except YAMLError:  # unreadable YAML is the loader's to report; use the defaults here
        indent, offset = None, None
    yaml.indent(mapping=2, sequence=indent or 2, offset=offset or 0)
    return yaml


# --------------------------------------------------------------------------- comment blocks


def _is_block(node: Any) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and len(node) > 0 and not node.fa.flow_style()


def _tail_slot(container: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comments that follow ``container[key]``."""
    value = container[key]
    if _is_block(value):
        last = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        return _tail_slot(value, last)
    return container, key, 0 if isinstance(container, CommentedSeq) else 2


def _detach_tail(container: Any, key: Any) -> str:
    """Remove and return the comment block after ``container[key]``, keeping an end-of-line comment."""
    holder, slot_key, position = _tail_slot(container, key)
    entry = holder.ca.items.get(slot_key)
    token = entry[position] if entry and len(entry) > position else None
    if not isinstance(token, CommentToken):
        return ""
    value = token.value
    if value.startswith("#"):  # an end-of-line comment, then the block
        eol, _, block = value.partition("\n")
        token.value = eol + "\n"
        return block
    entry[position] = None
    return value[1:] if value.startswith("\n") else value


def _detach_before(container: CommentedMap, key: Any) -> str:
    """Remove and return the comments ruamel put in front of ``key`` itself."""
    entry = container.ca.items.get(key)
    if not entry or len(entry) < 2 or not entry[1]:
        return ""
    text = "".join(token.value for token in entry[1] if isinstance(token, CommentToken))
    entry[1] = None
    return text


def _detach_blocks(data: CommentedMap) -> dict[Any, str]:
    """Every top-level key's block above it (the first key's is the header, left in place)."""
    blocks: dict[Any, str] = {}
    carry = ""
    for index, key in enumerate(list(data)):
        before = _detach_before(data, key)
        if index > 0:
            blocks[key] = carry + before
        carry = _detach_tail(data, key)
    blocks[_END] = carry
    return blocks


def _token(text: str) -> CommentToken:
    return CommentToken(text, CommentMark(0), None)


def _attach_blocks(data: CommentedMap, blocks: dict[Any, str]) -> None:
    keys = list(data)
    for key in keys[1:]:
        text = blocks.get(key, "")
        if text:
            entry = data.ca.items.setdefault(key, [None, None, None, None])
            entry[1] = [_token(text)]
    end = blocks.get(_END, "")
    if end and keys:
        holder, slot_key, position = _tail_slot(data, keys[-1])
        entry = holder.ca.items.setdefault(slot_key, [None, None, None, None])
        token = entry[position]
        if isinstance(token, CommentToken):
            token.value = token.value + end
        else:
            entry[position] = _token("\n" + end)


def _comment(text: str) -> str:
    return "".join(f"# {line}\n" for line in text.splitlines())


def _add_header(data: CommentedMap, text: str) -> None:
    """Append a line to the header comments (before the blank lines that end it)."""
    if data.ca.comment is None:
        data.ca.comment = [None, []]
    if data.ca.comment[1] is None:
        data.ca.comment[1] = []
    tokens = data.ca.comment[1]
    header = "".join(token.value for token in tokens)
    body = header.rstrip("\n") + "\n" if header.strip() else ""
    trailing = header[len(header.rstrip("\n")) + (1 if header.strip() else 0):]
    tokens[:] = [_token(body + _comment(text) + trailing)]


# --------------------------------------------------------------------------- building


def _flow_list(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _leadership(proposal: Proposal) -> CommentedMap | None:
    if proposal.chair is None and not proposal.vice_chairs:
        return None
    block = CommentedMap()
    if proposal.chair is not None:
        block["chair"] = proposal.chair
    if "vice_chairs" not in proposal.open_offices:  # ``[]`` would say "none": only what was decided
        block["vice_chairs"] = _flow_list(list(proposal.vice_chairs))
    return block


def build(source_text: str, proposal: Proposal, source_name: str) -> str:
    """The text of ``<to_year>.yaml`` made from the source year's text."""
    yaml = _yaml(source_text)
    data = yaml.load(source_text)
    blocks = _detach_blocks(data)
    year = proposal.to_year
    policy = proposal.policy.value

    data["year"] = year
    old_members = data.get("members")
    members = CommentedSeq(proposal.members)
    if not isinstance(old_members, CommentedSeq) or old_members.fa.flow_style():
        members.fa.set_flow_style()
    data["members"] = members
    if list(old_members or []) != proposal.members:
        blocks["members"] = blocks.get("members", "") + _comment(t("rotate.file.members", year=year))

    for key in (*DROPPED, "leadership"):
        if key in data:
            del data[key]
    leadership = _leadership(proposal)
    position = list(data).index("members") + 1
    if leadership is not None:
        data.insert(position, "leadership", leadership)
        basis = t("rotate.proposal_only") if proposal.proposal_only else t(f"rotate.basis.{proposal.basis}")
        blocks["leadership"] = "\n" + _comment(t("rotate.file.leadership", period=year_words(proposal.period, year), policy=policy, basis=basis))
    else:  # nothing to propose: say what to fill above the next key
        following = list(data)[position] if position < len(data) else _END
        blocks[following] = "\n" + _comment(t("rotate.file.no_leadership", period=year_words(proposal.period, year), policy=policy)) + blocks.get(following, "")

    _attach_blocks(data, blocks)
    _add_header(data, t("rotate.file.header", period=capital(year_words(proposal.period, year)), source=source_name))

    out = io.StringIO()
    yaml.dump(data, out)
    return unicodedata.normalize("NFC", out.getvalue())


def missing_offices(proposal: Proposal) -> dict[str, Any]:
    """The offices a recorded year leaves out and the proposal fills: ``{"chair": …, "vice_chairs": […]}``."""
    record = proposal.record
    if record is None:
        return {}
    given_chair = record.leadership.chair or (record.appointment.chair if record.appointment else None)
    given_vices = record.leadership.vice_chairs
    if given_vices is None and record.appointment is not None:
        given_vices = record.appointment.vice_chairs
    out: dict[str, Any] = {}
    if given_chair is None and proposal.chair is not None:
        out["chair"] = proposal.chair
    if given_vices is None and "vice_chairs" not in proposal.open_offices and (proposal.chair is not None or proposal.vice_chairs):
        out["vice_chairs"] = list(proposal.vice_chairs)
    return out


def fill(target_text: str, proposal: Proposal) -> str:
    """The recorded year's file with the offices it leaves out filled by the proposal; every other
    key, value and comment as it was. Offices given by its ``appointment`` are not repeated."""
    yaml = _yaml(target_text)
    data = yaml.load(target_text)
    blocks = _detach_blocks(data)
    offices = missing_offices(proposal)
    basis = t("rotate.proposal_only") if proposal.proposal_only else t(f"rotate.basis.{proposal.basis}")
    note = _comment(t("rotate.file.filled", period=year_words(proposal.period, proposal.to_year), policy=proposal.policy.value, basis=basis))
    leadership = data.get("leadership")
    if not isinstance(leadership, CommentedMap):
        leadership = CommentedMap()
        if "leadership" in data:  # ``leadership: {}`` or null
            del data["leadership"]
        keys = list(data)
        data.insert(keys.index("members") + 1 if "members" in keys else len(keys), "leadership", leadership)
        blocks["leadership"] = "\n" + note + blocks.get("leadership", "")
    else:
        blocks["leadership"] = blocks.get("leadership", "") + note
    if "chair" in offices:
        leadership.insert(0, "chair", offices["chair"])
    if "vice_chairs" in offices:
        leadership["vice_chairs"] = _flow_list(offices["vice_chairs"])
    _attach_blocks(data, blocks)
    out = io.StringIO()
    yaml.dump(data, out)
    return unicodedata.normalize("NFC", out.getvalue())


def round_trip(text: str) -> str:
    """Load and dump unchanged: what ``build`` starts from (the identity on well-formed files)."""
    yaml = _yaml(text)
    out = io.StringIO()
    yaml.dump(yaml.load(text), out)
    return out.getvalue()
