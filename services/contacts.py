"""Contact rules the dialogs ask, and the pre-contact plan (docs/contacts.md).

``followups.record_contact`` and ``followups.close_follow_up`` apply the rules
written here; the contact and close dialogs ask the same functions which fields
a result or an outcome needs, so the GUI never decides them itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models import ContactResult, FollowUpState
from services import validation as v
from services.db import Database, retrying
from services.errors import FieldProblem, ValidationError
from services.i18n import msg
from services.permissions import Action, Actor, require
from services.saving import save

PLACE_MAX = 100  # an appointment's place (docs/product.md "Bad input")
PURPOSE_MAX = 200
PLAN_MAX = 200  # each part of the pre-contact plan
CLOSE_REASON_MAX = 200
CLOSE_STATES = (FollowUpState.CONVERTED, FollowUpState.NOT_PREMIUM, FollowUpState.ABANDONED)


class NextDate(StrEnum):
    """What a contact result asks of the next contact date."""

    REQUIRED = "required"  # the RM says when to try again
    OPTIONAL = "optional"  # left empty: due today, so the RM decides (close or abandon) next
    FROM_APPOINTMENT = "from_appointment"  # the appointment's day is the next date


def next_date_rule(result: ContactResult | str) -> NextDate:
    """The next contact date a result needs (docs/contacts.md "Next contact date")."""
    res = ContactResult(result)
    if res == ContactResult.APPOINTMENT:
        return NextDate.FROM_APPOINTMENT
    if res in (ContactResult.WRONG_NUMBER, ContactResult.DECLINED):
        return NextDate.OPTIONAL
    return NextDate.REQUIRED


def asks_appointment(result: ContactResult | str) -> bool:
    """The result books a meeting: date and time, place and purpose are asked."""
    return ContactResult(result) == ContactResult.APPOINTMENT


def close_needs_reason(state: FollowUpState | str) -> bool:
    """Not premium and abandoned need a reason; a conversion may carry a note (docs/contacts.md "Closing")."""
    return FollowUpState(state) in (FollowUpState.NOT_PREMIUM, FollowUpState.ABANDONED)


@dataclass(frozen=True)
class ContactPlan:
    """The pre-contact plan (接触前准备) of one follow-up, as its RM or the supervisor reads it."""

    follow_up_id: int
    strengths: str | None
    personality: str | None
    needs: str | None
    goal: str | None
    is_open: bool
    version: int


def get_plan(db: Database, actor: Actor, follow_up_id: int) -> ContactPlan:
    """The plan and the follow-up's version to save it against; the same record check as a contact."""
    from services.followups import _load

    require(actor, Action.FOLLOWUP_WORK)
    with db.read() as s:
        fu = _load(s, db, actor, follow_up_id, None)
        return ContactPlan(fu.id, fu.plan_strengths, fu.plan_personality, fu.plan_needs, fu.plan_goal,
                           fu.state.is_open, fu.version)


def current_version(db: Database, actor: Actor, follow_up_id: int) -> int:
    """The follow-up's version now: a dialog refused for a concurrent change saves again on it."""
    from services.followups import _load

    require(actor, Action.FOLLOWUP_WORK)
    with db.read() as s:
        return int(_load(s, db, actor, follow_up_id, None).version)


@retrying
def set_plan(db: Database, actor: Actor, follow_up_id: int, *, strengths: str | None, personality: str | None,
             needs: str | None, goal: str | None, version: int | None = None) -> int:
    """Save the plan with the follow-up (versioned with it); the follow-up's new version.

    An empty part clears it. The text stays on the follow-up, read only by whoever may
    work it; the audit event says only that the plan changed.
    """
    from services.followups import _load

    require(actor, Action.FOLLOWUP_WORK)
    problems = v.Problems()
    parts: dict[str, str | None] = {}
    for name, text in (("plan_strengths", strengths), ("plan_personality", personality),
                       ("plan_needs", needs), ("plan_goal", goal)):
        with problems.check():
            parts[name] = v.clean_text(name, text, max_len=PLAN_MAX, multiline=True)
    with db.write() as s:
        fu = _load(s, db, actor, follow_up_id, version)
        if not fu.state.is_open:
            problems.add("state", "followup_closed")
        problems.raise_if_any()
        fu.plan_strengths = parts["plan_strengths"]
        fu.plan_personality = parts["plan_personality"]
        fu.plan_needs = parts["plan_needs"]
        fu.plan_goal = parts["plan_goal"]
        return save(s, db, actor, fu, "plan", None)


def close_state(value: object) -> FollowUpState:
    """One of the three closing outcomes, or a problem beside the outcome field."""
    state = v.choice("close_outcome", value, FollowUpState)
    if state not in CLOSE_STATES:
        raise ValidationError([FieldProblem("close_outcome", msg("not_in_list", value=str(value)))])
    return state


__all__ = ["CLOSE_STATES", "ContactPlan", "NextDate", "asks_appointment", "close_needs_reason", "close_state",
           "current_version", "get_plan", "next_date_rule", "set_plan"]
