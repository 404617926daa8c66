"""The RM's follow-up work: contact attempts, appointments and closing with an outcome (docs/product.md "Workflow")."""

from __future__ import annotations

import datetime as dt
import heapq
import json
import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, String, and_, case, cast, false, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from models import (
    Appointment,
    AppointmentStatus,
    BranchSettings,
    Client,
    ClientType,
    ContactAttempt,
    ContactChannel,
    ContactResult,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    Referral,
    Role,
    Staff,
    Tier,
    TierCause,
)
from services import audit, contacts, reasons, states
from services import validation as v
from services.clients import LAST_FOUR, MOBILE_LEN, _last_four_of_mobile, _prefix_range, suggested_client_type
from services.db import BRANCH_TZ, Database, retrying
from services.errors import FieldProblem, NotFound, PermissionDenied, ValidationError
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require
from services.referrals import active_rm
from services.saving import expect_version, save
from services.states import MOVES


class Due(StrEnum):
    """Where a follow-up stands against the branch's today (docs/follow-ups.md "Order")."""

    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class QueueRow:
    """One open follow-up as the queue shows it; client data masked for every viewer."""

    id: int
    client_id: int
    client_name: str  # masked (张*): the full name only in the profile
    client_mobile: str  # masked (138****5678): the full number only through the profile's audited reveal
    state: FollowUpState
    next_contact_date: dt.date | None
    attempts: int
    overdue: bool
    propose_abandon: bool
    origin: FollowUpOrigin
    version: int
    rm_id: int = 0
    rm_name: str = ""
    client_type: ClientType | None = None  # the referral's, else the one the client's tier implies
    interests: tuple[str, ...] = ()
    referrer_name: str | None = None  # None for an own prospect
    preferred_contact_at: dt.datetime | None = None
    failed_attempts: int = 0
    last_result: ContactResult | None = None
    appointment_at: dt.datetime | None = None  # the earliest scheduled appointment, if any
    appointment_place: str | None = None
    due: Due = Due.UPCOMING


@dataclass(frozen=True)
class QueueFilter:
    """What the queue's filter bar and search box narrow it to; ``None`` or ``""`` = no narrowing."""

    state: FollowUpState | None = None
    client_type: ClientType | None = None
    interest: str | None = None
    source: FollowUpOrigin | None = None
    search: str = ""


@dataclass(frozen=True)
class QueueCounts:
    overdue: int
    due_today: int
    upcoming: int


@dataclass(frozen=True)
class RmOption:
    id: int
    staff_no: str
    name: str


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
                    version: int | None = None) -> None:
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
            # The tier is re-evaluated from the client's score, never assumed: a client converted
            # before any holdings were recorded scores as they stand (docs/scoring.md "Tier history").
            client.rm_id = fu.rm_id
            from services import scoring  # on the first conversion, not at start-up (docs/architecture.md)

            scoring.rescore(s, db, actor, client, cause=TierCause.FOLLOW_UP)
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
    """An RM's own follow-up, not from a referral: on their own client or one nobody holds
    (docs/follow-ups.md "Own follow-ups")."""
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
    """The supervisor hands an open follow-up to another active RM of the branch; its attempts and
    appointments go with it, and the audit log keeps who held it before (docs/follow-ups.md "Reassigning")."""
    require(actor, Action.FOLLOWUP_REASSIGN)
    with db.write() as s:
        fu = _load(s, db, actor, follow_up_id, version)
        if not fu.state.is_open:
            raise ValidationError([FieldProblem("state", msg("followup_closed"))])
        rm = active_rm(s, fu.branch_id, rm_id)
        if rm is None:
            # Named by staff number where the person exists (in this branch), never by another branch's.
            named = s.get(Staff, rm_id)
            shown = named.staff_no if named is not None and named.branch_id == fu.branch_id else rm_id
            raise ValidationError([FieldProblem("rm", msg("rm_not_active", value=shown))])
        if rm.id == fu.rm_id:
            raise ValidationError([FieldProblem("rm", msg("reassign_same_rm"))])
        old = fu.rm_id
        fu.rm_id = rm.id
        save(s, db, actor, fu, "reassign", f"from={old} to={rm.id}")


def _queue_rm(s: Session, actor: Actor, rm_id: int | None) -> int | None:
    """Whose queue ``actor`` may read: an RM only their own; the supervisor any RM of the branch, or all
    (``None``); another branch's RM is not found (docs/follow-ups.md "Who sees which queue")."""
    require(actor, Action.FOLLOWUP_WORK)
    if not allowed(actor.role, Action.FOLLOWUP_REASSIGN):
        if rm_id is not None and rm_id != actor.staff_id:
            raise PermissionDenied(f"{Action.FOLLOWUP_WORK.value} (another RM's queue)", actor.role)
        return actor.staff_id
    if rm_id is not None:
        st = s.get(Staff, rm_id)
        if st is None or st.branch_id != actor.branch_id:
            raise NotFound("staff", rm_id)
    return rm_id


def _like_pattern(text: str) -> str:
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"


def _has_interest(col: ColumnElement[object] | object, code: str) -> ColumnElement[bool]:
    # A JSON list's element, matched as its quoted text; both spellings, since a list may have been
    # written with or without \u escapes (the app's JSON vs an import's). "!" escapes, never "\".
    text = cast(col, String)
    spellings = {json.dumps(code, ensure_ascii=False), json.dumps(code)}
    return or_(*(text.like(_like_pattern(sp), escape="!") for sp in sorted(spellings)))


def _search_clause(text: str) -> ColumnElement[bool] | None:
    """The lobby's search rules (docs/product.md "Privacy and security"): a name or its start, exactly the
    last four digits of a mobile, or a full mobile; any other partial number matches nothing."""
    text = (text or "").strip()
    if not text:
        return None
    digits = re.sub(r"[\s\-]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    if digits.isdigit():
        if len(digits) == MOBILE_LEN:
            return Client.mobile == digits
        if len(digits) == LAST_FOUR:
            return _last_four_of_mobile == digits
        return false()
    return _prefix_range(Client.name, text)  # type: ignore[no-any-return]


def _filter_clauses(f: QueueFilter) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.client_type is not None:
        tiers = [t for t in Tier if suggested_client_type(None, t) == f.client_type]
        own = and_(FollowUp.referral_id.is_(None), Client.tier.in_(tiers)) if tiers else false()
        out.append(or_(Referral.client_type == f.client_type, own))
    if f.interest:
        out.append(or_(and_(FollowUp.referral_id.is_(None), _has_interest(Client.interests, f.interest)),
                       and_(FollowUp.referral_id.is_not(None), _has_interest(Referral.interests, f.interest))))
    if f.source is not None:
        out.append(FollowUp.origin == f.source)
    found = _search_clause(f.search)
    if found is not None:
        out.append(found)
    return out


def _due(day: dt.date | None, today: dt.date) -> Due:
    if day is not None and day < today:
        return Due.OVERDUE
    return Due.TODAY if day == today else Due.UPCOMING


def queue(db: Database, actor: Actor, *, rm_id: int | None = None, filters: QueueFilter | None = None,
          after: tuple[dt.date, int] | None = None, limit: int = 100) -> list[QueueRow]:
    """Open follow-ups, overdue first: one keyset window ordered by (next contact date, id).

    Ascending next contact date puts the overdue ones first (oldest first), then
    today's, then the upcoming ones. ``after`` is the last row's
    (next_contact_date, id). Each open state is read through its own index range
    in order ((rm, state, date, id), or (branch, state, date, id) for the whole
    branch) and the two are merged, so the window costs the same whether the
    branch has a hundred open follow-ups or a hundred thousand; filters and the
    search only narrow that range (docs/follow-ups.md "Cost").
    """
    today = db.today()
    with db.read() as s:
        return _rows_in(s, actor, _queue_rm(s, actor, rm_id), filters or QueueFilter(), after, limit, today)


def queue_with_counts(db: Database, actor: Actor, *, rm_id: int | None = None, filters: QueueFilter | None = None,
                      limit: int = 100) -> tuple[list[QueueRow], QueueCounts]:
    """The first window and the header's counts in one read: what the queue page opens with."""
    today = db.today()
    with db.read() as s:
        rm_id = _queue_rm(s, actor, rm_id)
        return _rows_in(s, actor, rm_id, filters or QueueFilter(), None, limit, today), \
            _counts_in(s, actor, rm_id, today)


def _rows_in(s: Session, actor: Actor, rm_id: int | None, f: QueueFilter, after: tuple[dt.date, int] | None,
             limit: int, today: dt.date) -> list[QueueRow]:
    referrer, holder = aliased(Staff), aliased(Staff)
    narrowing = _filter_clauses(f)
    windows = []
    for state in (FollowUpState.OPEN, FollowUpState.APPOINTED):
        if f.state is not None and f.state != state:
            continue
        q = (
            # Columns, not entities: a window is read, never changed, and plain rows cost a third.
            select(FollowUp.id, FollowUp.client_id, FollowUp.rm_id, FollowUp.origin, FollowUp.referral_id,
                   FollowUp.state, FollowUp.next_contact_date, FollowUp.attempts, FollowUp.failed_attempts,
                   FollowUp.last_result, FollowUp.version, Client.name, Client.mobile, Client.tier,
                   # One list a row (the referral's, or an own prospect's client's): one JSON decode.
                   case((FollowUp.referral_id.is_(None), Client.interests), else_=Referral.interests)
                   .label("interests"),
                   holder.name.label("rm_name"), Referral.client_type, Referral.preferred_contact_at,
                   referrer.name.label("referrer_name"))
            .join(Client, Client.id == FollowUp.client_id)
            .join(holder, holder.id == FollowUp.rm_id)
            .outerjoin(Referral, Referral.id == FollowUp.referral_id)
            .outerjoin(referrer, referrer.id == Referral.referrer_id)
            .where(FollowUp.branch_id == actor.branch_id, FollowUp.state == state, *narrowing)
        )
        if rm_id is not None:
            q = q.where(FollowUp.rm_id == rm_id)
        if after is not None:
            q = q.where(tuple_(FollowUp.next_contact_date, FollowUp.id) > after)
        windows.append(q.order_by(FollowUp.next_contact_date, FollowUp.id).limit(limit))
    n_abandon = _abandon_after(s, actor.home_branch)
    fetched = [s.execute(q).all() for q in windows]
    rows = list(heapq.merge(*fetched, key=lambda r: (r.next_contact_date or dt.date.max, r.id)))[:limit]
    appointments: dict[int, tuple[dt.datetime, str | None]] = {}
    if rows:
        for fu_id, at, place in s.execute(
            select(Appointment.follow_up_id, Appointment.at, Appointment.place)
            .where(Appointment.follow_up_id.in_([r.id for r in rows]),
                   Appointment.status == AppointmentStatus.SCHEDULED)
            .order_by(Appointment.follow_up_id, Appointment.at)
        ).all():
            if fu_id is not None:
                appointments.setdefault(fu_id, (at, place))
    out = []
    # Masked for every viewer, the RM's own clients too: full values only through the
    # profile's audited reveal (docs/permissions.md "Lists").
    for r in rows:
        appointment = appointments.get(r.id)
        from_referral = r.referral_id is not None
        out.append(QueueRow(
            r.id, r.client_id, mask(r.name, Kind.NAME), mask(r.mobile, Kind.MOBILE), r.state, r.next_contact_date,
            r.attempts, r.next_contact_date is not None and r.next_contact_date < today,
            r.failed_attempts >= n_abandon, r.origin, r.version,
            rm_id=r.rm_id, rm_name=r.rm_name,
            client_type=r.client_type if from_referral else suggested_client_type(None, r.tier),
            interests=tuple(r.interests or ()),
            referrer_name=r.referrer_name, preferred_contact_at=r.preferred_contact_at,
            failed_attempts=r.failed_attempts, last_result=r.last_result,
            appointment_at=appointment[0] if appointment else None,
            appointment_place=appointment[1] if appointment else None,
            due=_due(r.next_contact_date, today),
        ))
    return out


def queue_counts(db: Database, actor: Actor, *, rm_id: int | None = None) -> QueueCounts:
    """The queue header's overdue / due today / upcoming, in one pass over the open follow-ups' index range.

    The counts follow the RM chosen, never the filters or the search: the header always says
    how much of the queue is overdue (docs/follow-ups.md "Counts").
    """
    today = db.today()
    with db.read() as s:
        return _counts_in(s, actor, _queue_rm(s, actor, rm_id), today)


def _counts_in(s: Session, actor: Actor, rm_id: int | None, today: dt.date) -> QueueCounts:
    q = select(
        func.count(),
        func.coalesce(func.sum(case((FollowUp.next_contact_date < today, 1), else_=0)), 0),
        func.coalesce(func.sum(case((FollowUp.next_contact_date == today, 1), else_=0)), 0),
    ).where(FollowUp.state.in_([FollowUpState.OPEN, FollowUpState.APPOINTED]))
    # One RM (of this branch: _queue_rm checked) is the range (rm, state, date) of its index alone,
    # read without the table; the whole branch is (branch, state, date).
    q = q.where(FollowUp.rm_id == rm_id) if rm_id is not None else q.where(FollowUp.branch_id == actor.branch_id)
    total, overdue, due_today = s.execute(q).one()
    return QueueCounts(int(overdue), int(due_today), int(total) - int(overdue) - int(due_today))


def queue_rms(db: Database, actor: Actor) -> list[RmOption]:
    """The branch's active RMs, for the supervisor's queue filter and the reassign dialog."""
    require(actor, Action.FOLLOWUP_REASSIGN)
    with db.read() as s:
        rows = s.execute(
            select(Staff.id, Staff.staff_no, Staff.name)
            .where(Staff.branch_id == actor.branch_id, Staff.role == Role.RM, Staff.active.is_(True))
            .order_by(Staff.staff_no)
        ).all()
    return [RmOption(r[0], r[1], r[2]) for r in rows]


def open_count_by_rm(db: Database, branch_id: int) -> dict[int, int]:
    with db.read() as s:
        rows = s.execute(
            select(FollowUp.rm_id, func.count()).where(
                FollowUp.branch_id == branch_id, FollowUp.state.in_([FollowUpState.OPEN, FollowUpState.APPOINTED])
            ).group_by(FollowUp.rm_id)
        ).all()
    return {r[0]: int(r[1]) for r in rows}


__all__ = ["MOVES", "Due", "QueueCounts", "QueueFilter", "QueueRow", "RmOption", "Staff", "close_follow_up",
           "create_own", "queue", "queue_counts", "queue_rms", "reassign", "record_contact"]
