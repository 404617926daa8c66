"""The follow-up's states and the one function that moves between them (docs/product.md "Workflow").

Every change of a follow-up's state — a contact, an appointment, a close, a
voided referral, the demo's replay — goes through ``move`` or
``close_follow_up`` here, so the allowed moves are written down once.
"""

from __future__ import annotations

import datetime as dt

from models import FollowUp, FollowUpState
from services.errors import FieldProblem, ValidationError
from services.i18n import msg

MOVES: dict[FollowUpState, frozenset[FollowUpState]] = {
    FollowUpState.OPEN: frozenset({FollowUpState.APPOINTED, FollowUpState.CONVERTED,
                                   FollowUpState.NOT_PREMIUM, FollowUpState.ABANDONED}),
    FollowUpState.APPOINTED: frozenset({FollowUpState.OPEN, FollowUpState.CONVERTED,
                                        FollowUpState.NOT_PREMIUM, FollowUpState.ABANDONED}),
    FollowUpState.CONVERTED: frozenset(),
    FollowUpState.NOT_PREMIUM: frozenset(),
    FollowUpState.ABANDONED: frozenset(),
}


def move(fu: FollowUp, new: FollowUpState) -> None:
    """Change ``fu``'s state, or refuse a move the workflow does not allow."""
    if new not in MOVES[fu.state]:
        raise ValidationError([FieldProblem("state", msg("followup_closed"))])
    fu.state = new


def close_follow_up(fu: FollowUp, new: FollowUpState, *, by: int | None, at: dt.datetime,
                    reason: str | None = None, reason_id: int | None = None) -> None:
    """Move ``fu`` to a closed state, with who closed it, when and why.

    ``reason`` is the program's own wording (a void's automatic close); what a person
    typed is kept by ``services.reasons.keep`` and only its id given here as ``reason_id``
    (docs/audit.md "Reasons")."""
    if new.is_open:
        raise ValidationError([FieldProblem("state", msg("not_in_list", value=new.value))])
    move(fu, new)
    fu.outcome_reason = reason
    fu.outcome_reason_id = reason_id
    fu.closed_at = at
    fu.closed_by_id = by
