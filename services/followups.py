"""The RM's follow-up work: contact attempts, appointments and closing with an outcome (docs/product.md "Workflow")."""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from models import (
    Appointment,
    AppointmentStatus,
    BranchSettings,
    Client,
    ContactAttempt,
    ContactChannel,
    ContactResult,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    Role,
    Staff,
    Tier,
)
from services import audit, contacts, reasons, states
from services import validation as v
from services.db import BRANCH_TZ, Database, retrying
from services.errors import FieldProblem, NotFound, PermissionDenied, ValidationError
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require
from services.referrals import active_rm
from services.saving import expect_version, save
from services.states import MOVES


@dataclass(frozen=True)
class QueueRow:
    id: int
    client_id: int
    client_name: str
    client_mobile: str
    state: FollowUpState
    next_contact_date: dt.date | None
    attempts: int
    overdue: bool
    propose_abandon: bool
    origin: FollowUpOrigin
    version: int


def _load(s: Session, db: Database, actor: Actor, follow_up_id: int, version: int | None) -> FollowUp:
    fu = s.get(FollowUp, follow_up_id)
    if fu is None or fu.branch_id != actor.branch_id:
        raise NotFound("follow_up", follow_up_id)
    if actor.role == Role.RM and fu.rm_id != actor.staff_id:
        require(actor, Action.FOLLOWUP_REASSIGN)
    expect_version(db, fu, version)
    return fu


def _abandon_after(s: Session, branch_id: int) -> int:
    n = s.scalar(select(BranchSettings.abandon_after_attempts).where(BranchSettings.branch_id == branch_id))
    return int(n or 3)


@retrying
def record_contact(db: Database, actor: Actor, follow_up_id: int, *, channel: str, result: str,
                   note: str | None = None, next_contact_date: dt.date | None = None,
                   appointment_at: dt.datetime | None = None, place: str | None = None,
                   purpose: str | None = None, at: dt.datetime | None = None, version: int | None = None) -> int:
    """One 联络记录; an open follow-up always keeps a next contact date (docs/contacts.md).

    Result ``appointment`` books the meeting (date and time, place, purpose) as an
    ``Appointment`` in the RM's diary and makes its day the next contact date. Every
    problem is reported at once, beside its field; nothing is written unless all is well.
    The follow-up's new version.
    """
    require(actor, Action.FOLLOWUP_WORK)
    today = db.today()
    now = db.now()
    problems = v.Problems()
    ch = problems.run(lambda: v.choice("contact_channel", channel, ContactChannel))
    res = problems.run(lambda: v.choice("contact_result", result, ContactResult))
    clean_note = problems.run(lambda: v.clean_text("contact_note", note, max_len=v.NOTE_MAX, multiline=True))
    when = at or now
    if when > now + dt.timedelta(minutes=5):
        problems.add("contact_at", "date_future")
    rule = contacts.next_date_rule(res) if res is not None else None
    if rule in (contacts.NextDate.REQUIRED, contacts.NextDate.OPTIONAL) and next_contact_date is not None:
        with problems.check():
            v.future_date("next_contact_date", next_contact_date, today=today)
    elif rule == contacts.NextDate.REQUIRED:
        problems.add("next_contact_date", "required")
    meeting: dt.datetime | None = None
    clean_place = clean_purpose = None
    if res is not None and contacts.asks_appointment(res):
        if appointment_at is None:
            problems.add("appointment_at", "required")
        else:
            meeting = appointment_at if appointment_at.tzinfo else appointment_at.replace(tzinfo=BRANCH_TZ)
            if meeting < now:
                problems.add("appointment_at", "appointment_past")
        clean_place = problems.run(lambda: v.clean_text("appointment_place", place, max_len=contacts.PLACE_MAX))
        clean_purpose = problems.run(
            lambda: v.clean_text("appointment_purpose", purpose, max_len=contacts.PURPOSE_MAX))
    with db.write() as s:
        fu = _load(s, db, actor, follow_up_id, version)
        if not fu.state.is_open:
            problems.add("state", "followup_closed")
        problems.raise_if_any()
        assert ch and res
        s.add(ContactAttempt(follow_up_id=fu.id, staff_id=actor.staff_id or fu.rm_id, channel=ch, at=when,
                             result=res, note=clean_note, next_contact_date=next_contact_date))
        fu.attempts += 1
        fu.failed_attempts = fu.failed_attempts + 1 if res.failed else 0
        fu.last_result = res
        booked: Appointment | None = None
        if meeting is not None:
            booked = Appointment(follow_up_id=fu.id, client_id=fu.client_id, rm_id=fu.rm_id, at=meeting,
                                 place=clean_place, purpose=clean_purpose, note=clean_note,
                                 status=AppointmentStatus.SCHEDULED, created_at=now)
            s.add(booked)
            if fu.state == FollowUpState.OPEN:
                states.move(fu, FollowUpState.APPOINTED)
            fu.next_contact_date = meeting.astimezone(BRANCH_TZ).date()
        elif next_contact_date is not None:
            fu.next_contact_date = next_contact_date
        else:
            fu.next_contact_date = today
        new_version = save(s, db, actor, fu, "contact", f"result={res.value}", also=[booked] if booked else [])
        if booked is not None:
            audit.record(s, db, actor, "create", "appointment", booked.id, f"follow_up={fu.id}")
        return new_version


@retrying
def close_follow_up(db: Database, actor: Actor, follow_up_id: int, *, state: str, reason: str | None = None,
                    tier: str | None = None, version: int | None = None) -> None:
    """Close with converted / not_premium / abandoned; the client's profile follows (docs/contacts.md "Closing").

    Not premium and abandoned need a reason; a conversion may carry one. Abandoning
    needs no proposal first: the RM or the supervisor may give up earlier, with the
    reason. The reason is client data: kept by ``reasons.keep``, only its id on the
    follow-up and on the audit event.
    """
    require(actor, Action.FOLLOWUP_WORK)
    new = contacts.close_state(state)
    clean_reason = v.clean_text("close_reason", reason, max_len=contacts.CLOSE_REASON_MAX, multiline=True)
    if clean_reason is None and contacts.close_needs_reason(new):
        raise v.fail("close_reason", "reason_required")
    with db.write() as s:
        fu = _load(s, db, actor, follow_up_id, version)
        client = s.get(Client, fu.client_id)  # read before the first change, so no autoflush writes fu early
        assert client is not None
        if not fu.state.is_open:
            raise ValidationError([FieldProblem("state", msg("followup_closed"))])
        reason_id = reasons.keep(s, db, actor, clean_reason) if clean_reason else None  # flushes: before changes
        states.close_follow_up(fu, new, by=actor.staff_id, at=db.now(), reason_id=reason_id)
        takes_client = new == FollowUpState.CONVERTED and client.rm_id in (None, fu.rm_id)
        if takes_client:
            # Converting makes the client the follow-up's RM's only when they had no RM or
            # already were theirs; another RM's client stays theirs, tier and all (moving a
            # client is the supervisor's, on the profile: docs/permissions.md "Follow-ups").
            client.tier = v.choice("tier", tier, Tier) if tier else (
                client.tier if client.tier in (Tier.CORE, Tier.ORDINARY_PREMIUM) else Tier.ORDINARY_PREMIUM)
            client.rm_id = fu.rm_id
        elif new == FollowUpState.NOT_PREMIUM:
            client.judged_ordinary_by_id = actor.staff_id
            client.judged_ordinary_at = db.now()
        # The client's profile changed with the close: its version moved, so it names this person too.
        changed_client = takes_client or new == FollowUpState.NOT_PREMIUM
        save(s, db, actor, fu, "close", f"state={new.value}", also=[client] if changed_client else [],
             reason_id=reason_id)


def _check_may_take(s: Session, actor: Actor, client: Client) -> None:
    """An RM opens a follow-up of their own only on their own client or on one nobody holds:
    no RM yet and no other RM's open follow-up (docs/permissions.md "Follow-ups").
    The supervisor may open one on any client of the branch."""
    if allowed(actor.role, Action.FOLLOWUP_REASSIGN) or client.rm_id == actor.staff_id:
        return
    if client.rm_id is not None:
        raise PermissionDenied(f"{Action.FOLLOWUP_CREATE.value} (another RM's client)", actor.role)
    held_by_other = s.scalar(
        select(FollowUp.id).where(FollowUp.client_id == client.id, FollowUp.rm_id != actor.staff_id,
                                  FollowUp.state.in_([FollowUpState.OPEN, FollowUpState.APPOINTED])).limit(1)
    )
    if held_by_other is not None:
        raise PermissionDenied(f"{Action.FOLLOWUP_CREATE.value} (another RM's follow-up)", actor.role)


@retrying
def create_own(db: Database, actor: Actor, client_id: int, next_contact_date: dt.date, note: str | None = None) -> int:
    """An RM's own follow-up, not from a referral."""
    require(actor, Action.FOLLOWUP_CREATE)
    v.future_date("next_contact_date", next_contact_date, today=db.today())
    clean = v.clean_text("note", note, max_len=v.NOTE_MAX, multiline=True)
    with db.write() as s:
        client = s.get(Client, client_id)
        if client is None or client.branch_id != actor.branch_id:
            raise NotFound("client", client_id)
        _check_may_take(s, actor, client)
        fu = FollowUp(branch_id=actor.branch_id, client_id=client_id, rm_id=actor.staff_id,
                      origin=FollowUpOrigin.OWN, state=FollowUpState.OPEN, next_contact_date=next_contact_date,
                      attempts=0, outcome_reason=clean, opened_at=db.now())
        s.add(fu)
        s.flush()
        audit.record(s, db, actor, "create", "follow_up", fu.id, "origin=own")
        return fu.id


@retrying
def reassign(db: Database, actor: Actor, follow_up_id: int, rm_id: int, version: int | None = None) -> None:
    require(actor, Action.FOLLOWUP_REASSIGN)
    with db.write() as s:
        fu = _load(s, db, actor, follow_up_id, version)
        if not fu.state.is_open:
            raise ValidationError([FieldProblem("state", msg("followup_closed"))])
        rm = active_rm(s, fu.branch_id, rm_id)
        if rm is None:
            raise ValidationError([FieldProblem("rm", msg("rm_not_active", value=rm_id))])
        old = fu.rm_id
        fu.rm_id = rm.id
        save(s, db, actor, fu, "reassign", f"from={old} to={rm.id}")


def queue(db: Database, actor: Actor, *, rm_id: int | None = None, after: tuple[dt.date, int] | None = None,
          limit: int = 100) -> list[QueueRow]:
    """Open follow-ups, overdue first: one keyset window ordered by (next contact date, id).

    Ascending next contact date already puts the overdue ones first. ``after`` is
    the last row's (next_contact_date, id). Each open state is read through its
    own index range in order and the two are merged, so the window costs the
    same whether the branch has a hundred open follow-ups or a hundred thousand.
    """
    require(actor, Action.FOLLOWUP_WORK)
    if actor.role == Role.RM:
        rm_id = actor.staff_id
    today = db.today()
    windows = []
    for state in (FollowUpState.OPEN, FollowUpState.APPOINTED):
        q = (
            select(FollowUp, Client.name, Client.mobile, Client.rm_id)
            .join(Client, Client.id == FollowUp.client_id)
            .where(FollowUp.branch_id == actor.branch_id, FollowUp.state == state)
        )
        if rm_id is not None:
            q = q.where(FollowUp.rm_id == rm_id)
        if after is not None:
            q = q.where(tuple_(FollowUp.next_contact_date, FollowUp.id) > after)
        windows.append(q.order_by(FollowUp.next_contact_date, FollowUp.id).limit(limit))
    with db.read() as s:
        n_abandon = _abandon_after(s, actor.branch_id)
        fetched = [s.execute(q).all() for q in windows]
    rows = list(heapq.merge(*fetched, key=lambda r: (r[0].next_contact_date or dt.date.max, r[0].id)))[:limit]
    out = []
    # Masked for every viewer, the RM's own clients too: the full number only through
    # the profile's audited reveal (docs/permissions.md "Lists").
    for fu, name, mobile, _client_rm in rows:
        out.append(QueueRow(fu.id, fu.client_id, name, mask(mobile, Kind.MOBILE), fu.state,
                            fu.next_contact_date, fu.attempts,
                            fu.next_contact_date is not None and fu.next_contact_date < today,
                            fu.failed_attempts >= n_abandon, fu.origin, fu.version))
    return out


def open_count_by_rm(db: Database, branch_id: int) -> dict[int, int]:
    with db.read() as s:
        rows = s.execute(
            select(FollowUp.rm_id, func.count()).where(
                FollowUp.branch_id == branch_id, FollowUp.state.in_([FollowUpState.OPEN, FollowUpState.APPOINTED])
            ).group_by(FollowUp.rm_id)
        ).all()
    return {r[0]: int(r[1]) for r in rows}


__all__ = ["MOVES", "QueueRow", "Staff", "close_follow_up", "create_own", "queue", "reassign", "record_contact"]
