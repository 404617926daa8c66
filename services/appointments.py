"""Appointments after they are booked: marked held, missed or moved (docs/diary.md "Appointments").

The RM works their own appointments, the supervisor any of the branch. Each
change is a versioned save (services/saving.py) with its audit event in the
same unit of work; a move keeps the old row (status ``moved``) and books a new
``scheduled`` row that points back to it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Appointment, AppointmentStatus, FollowUp, Role, Staff
from services import audit
from services import validation as v
from services.db import Database, local_date, retrying
from services.errors import NotFound, PermissionDenied
from services.permissions import Action, Actor, allowed, require
from services.saving import Versioned, expect_version, save

PLACE_MAX = 100
PURPOSE_MAX = 200


def may_work(actor: Actor, rm_id: int) -> bool:
    """The RM their own appointments; the supervisor those of every RM of the branch (checked by the caller)."""
    return allowed(actor.role, Action.FOLLOWUP_REASSIGN) or (actor.role == Role.RM and actor.staff_id == rm_id)


def _load(s: Session, db: Database, actor: Actor, appointment_id: int, version: int | None) -> Appointment:
    found = s.execute(
        select(Appointment, Staff.branch_id).join(Staff, Staff.id == Appointment.rm_id)
        .where(Appointment.id == appointment_id)
    ).first()
    if found is None or found[1] != actor.branch_id:
        raise NotFound("appointment", appointment_id)
    appt: Appointment = found[0]
    if not may_work(actor, appt.rm_id):
        raise PermissionDenied(f"{Action.FOLLOWUP_WORK.value} (another RM's appointment)", actor.role)
    expect_version(db, appt, version)
    return appt


def _check_closable(db: Database, appt: Appointment, problems: v.Problems) -> None:
    if appt.status != AppointmentStatus.SCHEDULED:
        problems.add("status", "appointment_not_scheduled")
    elif local_date(appt.at) > db.today():
        # Held or missed is known from the appointment's day on, not before.
        problems.add("status", "appointment_not_yet")


def _end(db: Database, actor: Actor, appointment_id: int, status: AppointmentStatus, version: int | None) -> int:
    require(actor, Action.FOLLOWUP_WORK)
    with db.write() as s:
        appt = _load(s, db, actor, appointment_id, version)
        problems = v.Problems()
        _check_closable(db, appt, problems)
        problems.raise_if_any()
        # Read before the first change, so no autoflush writes the appointment ahead of save().
        fu = s.get(FollowUp, appt.follow_up_id) if appt.follow_up_id is not None else None
        appt.status = status
        also: list[Versioned] = []
        if (status == AppointmentStatus.MISSED and fu is not None and fu.state.is_open
                and (fu.next_contact_date is None or fu.next_contact_date > db.today())):
            # A missed meeting puts the follow-up back in today's queue: nothing falls off the list.
            fu.next_contact_date = db.today()
            also.append(fu)
        return save(s, db, actor, appt, status.value, f"status={status.value}", also=also)


@retrying
def mark_held(db: Database, actor: Actor, appointment_id: int, *, version: int | None = None) -> int:
    """The meeting took place; the appointment's new version."""
    return _end(db, actor, appointment_id, AppointmentStatus.HELD, version)


@retrying
def mark_missed(db: Database, actor: Actor, appointment_id: int, *, version: int | None = None) -> int:
    """The client did not come; an open follow-up is due again today. The appointment's new version."""
    return _end(db, actor, appointment_id, AppointmentStatus.MISSED, version)


@retrying
def move(db: Database, actor: Actor, appointment_id: int, *, new_at: dt.datetime | None,
         place: str | None = None, purpose: str | None = None, version: int | None = None) -> int:
    """Move a scheduled appointment to ``new_at`` (later than now); the new appointment's id.

    The old row stays, marked ``moved``; the new ``scheduled`` row keeps the
    follow-up, client and RM, and takes the old place and purpose unless new
    ones are given. An open follow-up waiting for the old date waits for the new one.
    """
    require(actor, Action.FOLLOWUP_WORK)
    problems = v.Problems()
    if new_at is None:
        problems.add("appointment_at", "required")
    elif new_at.tzinfo is None or new_at <= db.now():
        problems.add("appointment_at", "datetime_past")
    clean_place = problems.run(lambda: v.clean_text("appointment_place", place, max_len=PLACE_MAX))
    clean_purpose = problems.run(lambda: v.clean_text("appointment_purpose", purpose, max_len=PURPOSE_MAX))
    with db.write() as s:
        appt = _load(s, db, actor, appointment_id, version)
        if appt.status != AppointmentStatus.SCHEDULED:
            problems.add("status", "appointment_not_scheduled")
        problems.raise_if_any()
        assert new_at is not None
        fu = s.get(FollowUp, appt.follow_up_id) if appt.follow_up_id is not None else None  # before any change
        appt.status = AppointmentStatus.MOVED
        also: list[Versioned] = []
        if fu is not None and fu.state.is_open and fu.next_contact_date == local_date(appt.at):
            fu.next_contact_date = local_date(new_at)
            also.append(fu)
        save(s, db, actor, appt, "move", "status=moved", also=also)
        new = Appointment(follow_up_id=appt.follow_up_id, client_id=appt.client_id, rm_id=appt.rm_id, at=new_at,
                          place=clean_place if clean_place is not None else appt.place,
                          purpose=clean_purpose if clean_purpose is not None else appt.purpose,
                          note=appt.note, status=AppointmentStatus.SCHEDULED, moved_from_id=appt.id,
                          created_at=db.now(), updated_at=db.now(), updated_by_id=actor.staff_id)
        s.add(new)
        s.flush()
        audit.record(s, db, actor, "create", "appointment", new.id, f"moved_from={appt.id}")
        return new.id
