"""Client complaints (客户投诉): recorded by any staff member, owned by the lobby manager, due in working days.

The rules are in docs/complaints.md: who may do what, the states
(received → in_progress → replied → closed), the deadline (3 working days after
receipt, extended once, with the supervisor's approval and a reason, to at most 7),
which complaints are overdue, and who reads what the client said. What the client
said and the reply are client data: shown only to the roles that own complaints,
never in the audit log; an extension's reason goes to services/reasons.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from models import Client, Complaint, ComplaintChannel, ComplaintKind, ComplaintState, Role, Staff
from services import audit, reasons, workdays
from services import validation as v
from services.db import Database, retrying
from services.errors import NotFound, PermissionDenied, ValidationError
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, owns_complaints, require
from services.saving import expect_version, save

FIRST_DAYS = 3  # due this many working days after receipt (seed 002)
LAST_DAYS = 7  # an extension reaches at most this many
CONTENT_MAX = 1000
REPLY_MAX = 1000
PAGE = 50

Cursor = tuple[bool, dt.date, int]  # (done, due_on, id): the list's keyset


@dataclass(frozen=True)
class ComplaintInput:
    received_on: object
    channel: object
    kind: object
    content: str | None
    client_name: str | None = None
    client_id: int | None = None


@dataclass(frozen=True)
class ComplaintRow:
    """One complaint as this viewer may see it; ``content``/``reply`` are None when hidden from them."""

    id: int
    received_on: dt.date
    channel: ComplaintChannel
    kind: ComplaintKind
    state: ComplaintState
    due_on: dt.date
    first_due_on: dt.date
    due_estimated: bool
    extended: bool
    overdue: bool
    due_today: bool
    client_name: str
    content: str | None
    reply: str | None
    replied_on: dt.date | None
    justified: bool | None
    recorded_by: str
    owner: str | None
    extension_reason: str | None
    version: int
    # What this viewer may do now (the GUI shows the buttons these allow; the calls check again).
    can_start: bool
    can_reply: bool
    can_close: bool
    can_extend: bool
    last_extension_day: dt.date | None  # the latest deadline an extension may set

    @property
    def cursor(self) -> Cursor:
        return (not self.state.is_open, self.due_on, self.id)


# --- reading --------------------------------------------------------------------------------------

def _visible(actor: Actor) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Complaint.branch_id == actor.branch_id]
    if not owns_complaints(actor):
        where.append(Complaint.recorded_by_id == actor.staff_id)
    return where


def _rows(s: Session, db: Database, actor: Actor, found: Iterable[tuple[Complaint, str, str | None]]
          ) -> list[ComplaintRow]:
    found = list(found)
    owner = owns_complaints(actor)
    may_extend = allowed(actor.role, Action.COMPLAINT_EXTEND)
    today = db.today()
    texts = reasons.texts(s, actor, [c.extension_reason_id for c, _, _ in found])
    extendable = [c for c, _, _ in found if may_extend and c.state.is_open and c.extension_approved_by_id is None]
    # One read of the branch's list for the whole window of rows, not one per row.
    days_off = workdays.overrides(s, actor.home_branch, min(c.received_on for c in extendable),
                                  max(c.received_on for c in extendable) + workdays.SPAN) if extendable else {}
    out = []
    for c, recorder, handler in found:
        is_open = c.state.is_open
        last = None
        if may_extend and is_open and c.extension_approved_by_id is None:
            last = workdays.add_working_days(c.received_on, LAST_DAYS, days_off).day
        name = c.client_name or ""
        out.append(ComplaintRow(
            id=c.id, received_on=c.received_on, channel=c.channel, kind=c.kind, state=c.state, due_on=c.due_on,
            first_due_on=c.first_due_on, due_estimated=c.due_estimated,
            extended=c.extension_approved_by_id is not None,
            overdue=is_open and c.due_on < today, due_today=is_open and c.due_on == today,
            client_name=name if owner else mask(name, Kind.NAME),
            content=c.content if owner else None, reply=c.reply if owner else None,
            replied_on=c.replied_on, justified=c.justified, recorded_by=recorder, owner=handler,
            extension_reason=texts.get(c.extension_reason_id) if c.extension_reason_id is not None else None,
            version=c.version,
            can_start=owner and c.state == ComplaintState.RECEIVED,
            can_reply=owner and is_open,
            can_close=owner and c.state == ComplaintState.REPLIED,
            can_extend=last is not None and last > c.due_on,
            last_extension_day=last,
        ))
    return out


def _select() -> Select[Complaint, str, str]:  # the handler (outer join) may be None
    recorder, handler = aliased(Staff), aliased(Staff)
    return (select(Complaint, recorder.name, handler.name)
            .join(recorder, recorder.id == Complaint.recorded_by_id)
            .outerjoin(handler, handler.id == Complaint.owner_id))


def list_complaints(db: Database, actor: Actor, *, after: Cursor | None = None, limit: int = PAGE,
                    open_only: bool = False) -> list[ComplaintRow]:
    """One window of the list: open complaints first (most overdue on top), then the answered ones, by due date.

    The lobby manager and the supervisor see the branch's; anyone else the ones they recorded,
    without what the client said (docs/complaints.md "Who reads what")."""
    require(actor, Action.COMPLAINT_RECORD)
    query = _select().where(*_visible(actor))
    if open_only:
        query = query.where(Complaint.done.is_(False))
    if after is not None:
        done, due, key = after
        further = and_(Complaint.done.is_(done), or_(Complaint.due_on > due,
                                                     and_(Complaint.due_on == due, Complaint.id > key)))
        # After an open row come the later open ones, then every answered one.
        query = query.where(further if done else or_(Complaint.done.is_(True), further))
    query = query.order_by(Complaint.done, Complaint.due_on, Complaint.id).limit(limit)
    with db.read() as s:
        return _rows(s, db, actor, s.execute(query).all())


def get_complaint(db: Database, actor: Actor, complaint_id: int) -> ComplaintRow:
    require(actor, Action.COMPLAINT_RECORD)
    with db.read() as s:
        found = s.execute(_select().where(Complaint.id == complaint_id)).first()
        if found is None or found[0].branch_id != actor.branch_id:
            raise NotFound("complaint", complaint_id)
        if not owns_complaints(actor) and found[0].recorded_by_id != actor.staff_id:
            raise PermissionDenied(f"{Action.COMPLAINT_HANDLE.value} (another's complaint)", actor.role)
        return _rows(s, db, actor, [found])[0]


@dataclass(frozen=True)
class DueCounts:
    overdue: int
    due_today: int


def due_counts(db: Database, actor: Actor) -> DueCounts:
    """Open complaints past their deadline, and due today, among those the viewer sees."""
    require(actor, Action.COMPLAINT_RECORD)
    today = db.today()
    with db.read() as s:
        overdue, due_today = s.execute(
            select(func.count().filter(Complaint.due_on < today), func.count().filter(Complaint.due_on == today))
            .where(*_visible(actor), Complaint.done.is_(False))
        ).one()
    return DueCounts(int(overdue), int(due_today))


def overdue_count(db: Database, actor: Actor) -> int:
    """The title bar's badge: open complaints past their deadline that this viewer sees."""
    return due_counts(db, actor).overdue


# --- changing -------------------------------------------------------------------------------------

@retrying
def record_complaint(db: Database, actor: Actor, data: ComplaintInput) -> int:
    """Record a complaint as received; its id. Due ``FIRST_DAYS`` working days after the day it came in."""
    require(actor, Action.COMPLAINT_RECORD)
    problems = v.Problems()
    today = db.today()
    received = problems.run(lambda: v.past_date("complaint_received_on",
                                                v.parse_date("complaint_received_on", data.received_on),
                                                today=today))
    channel = problems.run(lambda: v.choice("complaint_channel", data.channel, ComplaintChannel))
    kind = problems.run(lambda: v.choice("complaint_kind", data.kind, ComplaintKind))
    content = problems.run(lambda: v.clean_text("complaint_content", data.content, max_len=CONTENT_MAX,
                                                multiline=True))
    if content is None and not any(p.field == "complaint_content" for p in problems.items):
        problems.add("complaint_content", "complaint_content_required")
    name = None
    if data.client_name is not None and data.client_name.strip():
        name = problems.run(lambda: v.person_name("complaint_client_name", data.client_name))
    problems.raise_if_any()
    if actor.staff_id is None:  # the command line records nothing a person must own
        raise PermissionDenied(Action.COMPLAINT_RECORD.value, actor.role)
    assert received is not None and channel is not None and kind is not None and content is not None
    with db.write() as s:
        if data.client_id is not None:
            client = s.get(Client, data.client_id)
            if client is None or client.branch_id != actor.branch_id:
                raise NotFound("client", data.client_id)
            name = name or client.name
        due = workdays.deadline(s, actor.home_branch, received, FIRST_DAYS)
        row = Complaint(
            branch_id=actor.branch_id, client_id=data.client_id, client_name=name, received_on=received,
            channel=channel, kind=kind, content=content, state=ComplaintState.RECEIVED, done=False,
            first_due_on=due.day, due_on=due.day, due_estimated=due.estimated, recorded_by_id=actor.staff_id,
            owner_id=actor.staff_id if actor.role == Role.LOBBY_MANAGER else None,
            created_at=db.now(), updated_at=db.now(), updated_by_id=actor.staff_id,
        )
        s.add(row)
        s.flush()
        audit.record(s, db, actor, "create", "complaint", row.id,
                     f"kind={kind.value} channel={channel.value} due={due.day}")
        return row.id


def _load(s: Session, db: Database, actor: Actor, complaint_id: int, version: int | None,
          action: Action = Action.COMPLAINT_HANDLE) -> Complaint:
    row = s.get(Complaint, complaint_id)
    if row is None or row.branch_id != actor.branch_id:
        raise NotFound("complaint", complaint_id)
    require(actor, action)
    expect_version(db, row, version)
    return row


def _refuse_move(row: Complaint) -> ValidationError:
    return v.fail("complaint_state", "complaint_state_move", state=msg(f"complaint_state_{row.state.value}"))


@retrying
def start_handling(db: Database, actor: Actor, complaint_id: int, *, version: int | None = None) -> int:
    """received → in_progress; the lobby manager who starts it owns it. The new version."""
    require(actor, Action.COMPLAINT_HANDLE)
    with db.write() as s:
        row = _load(s, db, actor, complaint_id, version)
        if row.state != ComplaintState.RECEIVED:
            raise _refuse_move(row)
        row.state = ComplaintState.IN_PROGRESS
        if row.owner_id is None and actor.role == Role.LOBBY_MANAGER:
            row.owner_id = actor.staff_id
        return save(s, db, actor, row, "complaint_start", "state=in_progress")


@retrying
def reply(db: Database, actor: Actor, complaint_id: int, *, text: str | None, version: int | None = None) -> int:
    """The client was answered today (from received or in progress): → replied. The new version."""
    require(actor, Action.COMPLAINT_HANDLE)
    clean = v.clean_text("complaint_reply", text, max_len=REPLY_MAX, required=True, multiline=True)
    with db.write() as s:
        row = _load(s, db, actor, complaint_id, version)
        if not row.state.is_open:
            raise _refuse_move(row)
        row.state, row.done, row.reply = ComplaintState.REPLIED, True, clean
        row.replied_on, row.replied_by_id = db.today(), actor.staff_id
        if row.owner_id is None and actor.role == Role.LOBBY_MANAGER:
            row.owner_id = actor.staff_id
        late = db.today() > row.due_on
        return save(s, db, actor, row, "complaint_reply", f"state=replied late={int(late)}")


@retrying
def close(db: Database, actor: Actor, complaint_id: int, *, justified: bool | None,
          version: int | None = None) -> int:
    """replied → closed, recording whether the complaint was justified (属实). The new version."""
    require(actor, Action.COMPLAINT_HANDLE)
    if justified is None:
        raise v.fail("complaint_justified", "complaint_justified_required")
    with db.write() as s:
        row = _load(s, db, actor, complaint_id, version)
        if row.state != ComplaintState.REPLIED:
            raise _refuse_move(row)
        row.state, row.justified = ComplaintState.CLOSED, justified
        row.closed_at, row.closed_by_id = db.now(), actor.staff_id
        return save(s, db, actor, row, "complaint_close", f"state=closed justified={int(justified)}")


@retrying
def extend(db: Database, actor: Actor, complaint_id: int, *, new_due: object, reason: str | None,
           version: int | None = None) -> int:
    """The supervisor's one extension of an open complaint, with a reason, to at most ``LAST_DAYS`` working days."""
    require(actor, Action.COMPLAINT_EXTEND)
    problems = v.Problems()
    day = problems.run(lambda: v.parse_date("complaint_new_due", new_due))
    why = problems.run(lambda: v.reason("complaint_extension_reason", reason))
    with db.write() as s:
        row = _load(s, db, actor, complaint_id, version, Action.COMPLAINT_EXTEND)
        if not row.state.is_open:
            raise _refuse_move(row)
        if row.extension_approved_by_id is not None:
            raise v.fail("complaint_new_due", "complaint_extended_already")
        last = workdays.deadline(s, row.branch_id, row.received_on, LAST_DAYS).day
        if day is not None and day > last:
            problems.add("complaint_new_due", "complaint_extension_late", last=last.isoformat())
        elif day is not None and day <= row.due_on:
            problems.add("complaint_new_due", "complaint_extension_early", due=row.due_on.isoformat())
        problems.raise_if_any()
        assert day is not None and why is not None
        reason_id = reasons.keep(s, db, actor, why)
        row.due_on, row.extension_reason_id = day, reason_id
        row.extension_approved_by_id, row.extension_approved_at = actor.staff_id, db.now()
        return save(s, db, actor, row, "complaint_extend", f"due={day}", reason_id=reason_id)


# --- the monthly summary's complaints section ---------------------------------------------------------

@dataclass(frozen=True)
class KindCounts:
    """Complaints of one kind received in the month, by timeliness as of the day the sheet was made."""

    kind: ComplaintKind
    received: int = 0
    on_time: int = 0  # replied by the deadline in force
    late: int = 0  # replied after it
    open_overdue: int = 0  # not yet replied, past the deadline
    open_in_time: int = 0  # not yet replied, deadline still ahead

    def plus(self, other: KindCounts) -> KindCounts:
        return KindCounts(self.kind, self.received + other.received, self.on_time + other.on_time,
                          self.late + other.late, self.open_overdue + other.open_overdue,
                          self.open_in_time + other.open_in_time)


@dataclass(frozen=True)
class ComplaintMonth:
    first: dt.date
    as_of: dt.date
    kinds: tuple[KindCounts, ...] = field(default_factory=tuple)  # every kind, in the list's order

    @property
    def total(self) -> KindCounts:
        out = KindCounts(ComplaintKind.OTHER)
        for k in self.kinds:
            out = out.plus(k)
        return out


def monthly_counts(db: Database, actor: Actor, first_of_month: dt.date) -> ComplaintMonth:
    """Complaints of the actor's branch received in the month, by kind and timeliness (no text: counts only)."""
    require(actor, Action.REPORT_EXPORT)
    with db.read() as s:
        return month_counts(s, actor.branch_id, first_of_month, db.today())


def month_counts(s: Session, branch_id: int | None, first_of_month: dt.date, today: dt.date) -> ComplaintMonth:
    """The counts in the caller's session (the monthly sheet reads them in its own snapshot); every branch
    when ``branch_id`` is None. Timeliness is as of ``today``. The caller checked the permission."""
    first = first_of_month.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    replied = Complaint.replied_on.is_not(None)
    query = (
        select(Complaint.kind, func.count(),
               func.sum(case((and_(replied, Complaint.replied_on <= Complaint.due_on), 1), else_=0)),
               func.sum(case((and_(replied, Complaint.replied_on > Complaint.due_on), 1), else_=0)),
               func.sum(case((and_(~replied, Complaint.due_on < today), 1), else_=0)),
               func.sum(case((and_(~replied, Complaint.due_on >= today), 1), else_=0)))
        .where(Complaint.received_on >= first, Complaint.received_on < nxt)
        .group_by(Complaint.kind)
    )
    if branch_id is not None:
        query = query.where(Complaint.branch_id == branch_id)
    found = s.execute(query).all()
    by_kind = {ComplaintKind(k): KindCounts(ComplaintKind(k), *(int(n or 0) for n in rest)) for k, *rest in found}
    return ComplaintMonth(first, today, tuple(by_kind.get(k, KindCounts(k)) for k in ComplaintKind))
