"""The membership basis: the decision that set a cluster-year's members, as validate cites it."""

from __future__ import annotations

from thidua.domain.message import Message
from thidua.domain.models import ClusterYear, Decision

PARTS = ("number", "date", "issuer")


def decision_words(decision: Decision) -> Message:
    """"Quyết định số 1234/QĐ-UBND ngày 15/02/2024 của UBND tỉnh Đồng Nai", with what is known."""
    present = [part for part in PARTS if getattr(decision, part) is not None]
    return Message("basis." + "_".join(present), {part: getattr(decision, part) for part in present})


def basis_note(cy: ClusterYear) -> Message | str:
    """" (members as set by …)" for a finding about the member list, or "" without a basis."""
    if cy.basis is None:
        return ""
    return Message("word.basis", {"decision": decision_words(cy.basis)})
