"""Account-closure retention (优质客户异动销户记录表): flag, act, close, list and count (docs/retention.md).

A teller, the lobby manager (or an RM, the supervisor) flags a premium client who
closes or moves accounts; the client's RM records what was done to keep them; the
supervisor steps in when the RM cannot; the record closes with a result. Who may
see and do what is decided here, once (docs/retention.md "Who may").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields

from sqlalchemy import ColumnElement, and_, case, func, or_, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from models import (
    AmountBand,
    Client,
    RetentionAction,
    RetentionActionKind,
    RetentionMove,
    RetentionReason,
    RetentionRecord,
    RetentionResult,
    Staff,
    Tier,
)
from services import audit, reasons
from services import validation as v
from services.clients import can_see_full
from services.db import Database, retrying
from services.errors import FieldProblem, NotFound, PermissionDenied, ValidationError
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require
from services.saving import expect_version, save

# Who is flagged: the premium tiers (seed 002: 优质客户销户); to-win clients keep their main business
# elsewhere already, and a lower tier is an ordinary closure served at the counter (docs/retention.md).
PREMIUM_TIERS = frozenset({Tier.CORE, Tier.ORDINARY_PREMIUM})
REASON_TEXT_MAX = 200
NOTE_MAX = 200
LIST_PAGE = 50
# A result that says how an effort ended needs an effort on record; a normal closure needs none.
NEEDS_ACTION = frozenset({RetentionResult.RETAINED, RetentionResult.PARTLY_RETAINED, RetentionResult.LOST})


# --- the rules the page asks -------------------------------------------------------------------

def may_work(actor: Actor, rm_id: int | None) -> bool:
    """Record an effort or close: the client's RM, or the supervisor stepping in for any of the branch."""
    if allowed(actor.role, Action.RETENTION_STEP_IN):
        return True
    return allowed(actor.role, Action.RETENTION_WORK) and rm_id is not None and rm_id == actor.staff_id


def steps_in(actor: Actor, rm_id: int | None) -> bool:
    """An effort by someone other than the client's RM is the supervisor stepping in (网点负责人出面)."""
    return allowed(actor.role, Action.RETENTION_STEP_IN) and rm_id != actor.staff_id


def _visible(actor: Actor) -> ColumnElement[bool]:
    """Which records of the branch this viewer lists: all (lobby manager, supervisor); an RM their clients'
    and what they flagged; a teller what they flagged."""
    if allowed(actor.role, Action.RETENTION_VIEW_BRANCH):
        return true()
    if allowed(actor.role, Action.RETENTION_WORK):
        return or_(RetentionRecord.rm_id == actor.staff_id, RetentionRecord.flagged_by_id == actor.staff_id)
    return RetentionRecord.flagged_by_id == actor.staff_id


def _may_see(actor: Actor, rec: RetentionRecord) -> bool:
    if allowed(actor.role, Action.RETENTION_VIEW_BRANCH):
        return True
    if allowed(actor.role, Action.RETENTION_WORK) and rec.rm_id == actor.staff_id:
        return True
    return rec.flagged_by_id == actor.staff_id


# --- rows for the screen ---------------------------------------------------------------------

@dataclass(frozen=True)
class ListKey:
    """Where a window of the list ends, in its order: open first, then newest (is_open, flagged_at, id)."""

    is_open: bool
    flagged_at: dt.datetime
    id: int


@dataclass(frozen=True)
class RetentionRow:
    """One record as the viewer may see it: the client's name masked unless the viewer sees the client in
    full; ``reason_text`` only for whoever may read it (docs/audit.md "Reasons")."""

    id: int
    client_id: int
    client_name: str
    business_date: dt.date
    flagged_at: dt.datetime
    flagged_by: str
    moves: tuple[RetentionMove, ...]
    amount_band: AmountBand
    reason: RetentionReason
    reason_text: str | None
    rm_id: int | None
    rm_name: str | None
    actions: int
    result: RetentionResult | None
    closed_at: dt.datetime | None
    version: int
    can_work: bool  # may record an effort and close (``may_work``, and the record is open)

    @property
    def is_open(self) -> bool:
        return self.result is None

    @property
    def key(self) -> ListKey:
        return ListKey(self.is_open, self.flagged_at, self.id)


@dataclass(frozen=True)
class RetentionActionRow:
    id: int
    at: dt.datetime
    kind: RetentionActionKind
    by: str
    stepped_in: bool
    note: str | None


# --- flag --------------------------------------------------------------------------------------

@retrying
def flag(db: Database, actor: Actor, client_id: int, *, moves: Iterable[str], amount_band: str | None,
         reason: str | None, reason_text: str | None = None) -> int:
    """Flag a premium client of the branch closing or moving accounts; the new record's id.

    Refused: a client of another branch (NotFound), a client below the premium tiers, a
    client with an open record already. Every field problem is reported at once."""
    require(actor, Action.RETENTION_FLAG)
    problems = v.Problems()
    chosen: list[RetentionMove] = []
    for m in moves:
        move = problems.run(lambda m=m: v.choice("moves", m, RetentionMove))  # type: ignore[misc]
        if move is not None and move not in chosen:
            chosen.append(move)
    if not chosen and not problems:
        problems.add("moves", "retention_moves_required")
    band = problems.run(lambda: v.choice("amount_band", amount_band, AmountBand))
    why = problems.run(lambda: v.choice("reason", reason, RetentionReason))
    words = problems.run(lambda: v.clean_text("reason_text", reason_text, max_len=REASON_TEXT_MAX,
                                               multiline=True))
    with db.write() as s:
        client = s.get(Client, client_id)
        if client is None or client.branch_id != actor.branch_id:
            raise NotFound("client", client_id)
        if client.tier not in PREMIUM_TIERS:
            problems.add("client", "retention_not_premium")
        elif _open_record(s, client_id) is not None:
            problems.add("client", "retention_open_already")
        problems.raise_if_any()
        assert band is not None and why is not None
        reason_id = reasons.keep(s, db, actor, words) if words else None
        rec = RetentionRecord(
            branch_id=actor.branch_id, client_id=client.id, business_date=db.today(), flagged_at=db.now(),
            flagged_by_id=actor.staff_id, moves=[m.value for m in chosen], amount_band=band, reason=why,
            reason_text_id=reason_id, rm_id=client.rm_id, is_open=True, updated_at=db.now(),
            updated_by_id=actor.staff_id,
        )
        try:
            with s.begin_nested():
                s.add(rec)
                s.flush()
        except IntegrityError:  # another workstation flagged the same client meanwhile
            raise ValidationError([FieldProblem("client", msg("retention_open_already"))]) from None
        audit.record(s, db, actor, "create", "retention_record", rec.id, f"reason={why.value}",
                     reason_id=reason_id)
        return rec.id


def _open_record(s: Session, client_id: int) -> int | None:
    return s.scalar(select(RetentionRecord.id).where(RetentionRecord.client_id == client_id,
                                                     RetentionRecord.is_open.is_(True)))


# --- act and close -----------------------------------------------------------------------------

def _load_for_work(s: Session, db: Database, actor: Actor, record_id: int, version: int | None) -> RetentionRecord:
    """The record, if ``actor`` may work it: another branch's is NotFound, another RM's client's is
    PermissionDenied (before the version, so nothing leaks of who changed it), a closed one a problem."""
    require(actor, Action.RETENTION_WORK)
    rec = s.get(RetentionRecord, record_id)
    if rec is None or rec.branch_id != actor.branch_id:
        raise NotFound("retention_record", record_id)
    if not may_work(actor, rec.rm_id):
        raise PermissionDenied(f"{Action.RETENTION_WORK.value} (not assigned)", actor.role)
    expect_version(db, rec, version)
    if not rec.is_open:
        raise ValidationError([FieldProblem("result", msg("retention_closed"))])
    return rec


@retrying
def record_action(db: Database, actor: Actor, record_id: int, *, kind: str | None, note: str | None = None,
                  version: int | None) -> int:
    """One retention effort on an open record (the RM, or the supervisor stepping in); the record's new
    version. The note is client data: on the action, never in the audit text."""
    require(actor, Action.RETENTION_WORK)
    problems = v.Problems()
    what = problems.run(lambda: v.choice("action_kind", kind, RetentionActionKind))
    words = problems.run(lambda: v.clean_text("action_note", note, max_len=NOTE_MAX, multiline=True))
    with db.write() as s:
        rec = _load_for_work(s, db, actor, record_id, version)
        problems.raise_if_any()
        assert what is not None and actor.staff_id is not None
        stepped = steps_in(actor, rec.rm_id)
        s.add(RetentionAction(branch_id=rec.branch_id, record_id=rec.id, actor_id=actor.staff_id,
                              stepped_in=stepped, at=db.now(), kind=what, note=words or None))
        return save(s, db, actor, rec, "retention_action", f"kind={what.value} stepped_in={int(stepped)}")


@retrying
def close(db: Database, actor: Actor, record_id: int, *, result: str | None, version: int | None) -> int:
    """Close an open record with its result; the record's new version. Retained, partly retained and lost
    need an effort on record; a normal closure (the RM found nothing to keep) needs none."""
    require(actor, Action.RETENTION_WORK)
    with db.write() as s:
        rec = _load_for_work(s, db, actor, record_id, version)
        outcome = v.choice("result", result, RetentionResult)
        if outcome in NEEDS_ACTION and s.scalar(
                select(RetentionAction.id).where(RetentionAction.record_id == rec.id).limit(1)) is None:
            raise ValidationError([FieldProblem("result", msg("retention_action_first"))])
        rec.result, rec.is_open = outcome, False
        rec.closed_at, rec.closed_by_id = db.now(), actor.staff_id
        return save(s, db, actor, rec, "close", f"result={outcome.value}")


# --- read --------------------------------------------------------------------------------------

def _after(key: ListKey) -> ColumnElement[bool]:
    """Rows after ``key`` in the order (is_open desc, flagged_at desc, id desc)."""
    r = RetentionRecord
    later = or_(r.flagged_at < key.flagged_at, and_(r.flagged_at == key.flagged_at, r.id < key.id))
    if key.is_open:
        return or_(r.is_open.is_(False), and_(r.is_open.is_(True), later))
    return and_(r.is_open.is_(False), later)


def list_records(db: Database, actor: Actor, *, after: ListKey | None = None,
                 limit: int = LIST_PAGE) -> list[RetentionRow]:
    """A keyset window of the records this viewer may see, open first, then newest."""
    require(actor, Action.RETENTION_VIEW)
    if limit < 1:
        return []
    r = RetentionRecord
    q = select(r).where(r.branch_id == actor.branch_id, _visible(actor))
    if after is not None:
        q = q.where(_after(after))
    q = q.order_by(r.is_open.desc(), r.flagged_at.desc(), r.id.desc()).limit(limit)
    with db.read() as s:
        return _rows(s, actor, list(s.scalars(q)))


def get_record(db: Database, actor: Actor, record_id: int) -> RetentionRow:
    """One record as the list shows it (the dialogs read its version here)."""
    require(actor, Action.RETENTION_VIEW)
    with db.read() as s:
        rec = s.get(RetentionRecord, record_id)
        if rec is None or rec.branch_id != actor.branch_id:
            raise NotFound("retention_record", record_id)
        if not _may_see(actor, rec):
            raise PermissionDenied(f"{Action.RETENTION_VIEW.value} (not own)", actor.role)
        return _rows(s, actor, [rec])[0]


def list_actions(db: Database, actor: Actor, record_id: int) -> list[RetentionActionRow]:
    """The efforts on one record, oldest first: for whoever may work it (the notes are client data)."""
    require(actor, Action.RETENTION_WORK)
    with db.read() as s:
        rec = s.get(RetentionRecord, record_id)
        if rec is None or rec.branch_id != actor.branch_id:
            raise NotFound("retention_record", record_id)
        if not may_work(actor, rec.rm_id):
            raise PermissionDenied(f"{Action.RETENTION_WORK.value} (not assigned)", actor.role)
        rows = s.execute(select(RetentionAction, Staff.name).join(Staff, Staff.id == RetentionAction.actor_id)
                         .where(RetentionAction.record_id == rec.id)
                         .order_by(RetentionAction.at, RetentionAction.id)).all()
        return [RetentionActionRow(a.id, a.at, a.kind, name, a.stepped_in, a.note) for a, name in rows]


def _rows(s: Session, actor: Actor, recs: list[RetentionRecord]) -> list[RetentionRow]:
    if not recs:
        return []
    ids = [rec.id for rec in recs]
    client_ids = {rec.client_id for rec in recs}
    staff_ids = {i for rec in recs for i in (rec.flagged_by_id, rec.rm_id) if i is not None}
    names = dict(s.execute(select(Client.id, Client.name).where(Client.id.in_(client_ids))).all())
    staff = dict(s.execute(select(Staff.id, Staff.name).where(Staff.id.in_(staff_ids))).all())
    counts = dict(s.execute(select(RetentionAction.record_id, func.count()).where(RetentionAction.record_id.in_(ids))
                            .group_by(RetentionAction.record_id)).all())
    words = reasons.texts(s, actor, [rec.reason_text_id for rec in recs])
    out = []
    for rec in recs:
        name = names.get(rec.client_id, "")
        shown = name if can_see_full(actor, rec.rm_id) else mask(name, Kind.NAME)
        out.append(RetentionRow(
            rec.id, rec.client_id, shown, rec.business_date, rec.flagged_at, staff.get(rec.flagged_by_id, ""),
            tuple(RetentionMove(m) for m in rec.moves), rec.amount_band, rec.reason,
            words.get(rec.reason_text_id) if rec.reason_text_id is not None else None,
            rec.rm_id, staff.get(rec.rm_id) if rec.rm_id is not None else None, int(counts.get(rec.id, 0)),
            rec.result, rec.closed_at, rec.version, rec.is_open and may_work(actor, rec.rm_id),
        ))
    return out


# --- counts per RM for a month (the monthly summary) ---------------------------------------------

@dataclass(frozen=True)
class RetentionCounts:
    """One RM's records flagged in a period and how they stand now."""

    records: int = 0
    retained: int = 0
    partly_retained: int = 0
    lost: int = 0
    normal_closure: int = 0
    open: int = 0

    def values(self) -> tuple[int, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))

    @classmethod
    def total(cls, items: Iterable[RetentionCounts]) -> RetentionCounts:
        sums = [0] * len(fields(cls))
        for item in items:
            sums = [a + b for a, b in zip(sums, item.values(), strict=True)]
        return cls(*sums)


@dataclass(frozen=True)
class RmRetention:
    """A line of the monthly counts: the RM (None: a client with no RM when flagged) and the counts."""

    branch_id: int
    rm_id: int | None
    rm_name: str | None
    staff_no: str | None
    counts: RetentionCounts


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def counts_by_rm(s: Session, branch_id: int | None, start: dt.date, end: dt.date) -> list[RmRetention]:
    """Records flagged on ``start``…``end`` (business dates) per RM, with their results as they stand now;
    every branch when ``branch_id`` is None. One grouped query (``ix_retention_branch_date``)."""
    r = RetentionRecord
    rm = aliased(Staff)
    q = (select(r.branch_id, r.rm_id, rm.name, rm.staff_no, func.count(),
                _count_if(r.result == RetentionResult.RETAINED),
                _count_if(r.result == RetentionResult.PARTLY_RETAINED),
                _count_if(r.result == RetentionResult.LOST),
                _count_if(r.result == RetentionResult.NORMAL_CLOSURE),
                _count_if(r.is_open.is_(True)))
         .outerjoin(rm, rm.id == r.rm_id)
         .where(r.business_date >= start, r.business_date <= end)
         .group_by(r.branch_id, r.rm_id, rm.name, rm.staff_no)
         .order_by(r.branch_id, rm.staff_no, r.rm_id))
    if branch_id is not None:
        q = q.where(r.branch_id == branch_id)
    return [RmRetention(b, rm_id, name, no, RetentionCounts(*(int(x or 0) for x in figures)))
            for b, rm_id, name, no, *figures in s.execute(q).all()]


def month_range(first_of_month: dt.date) -> tuple[dt.date, dt.date]:
    first = first_of_month.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return first, nxt - dt.timedelta(days=1)


def monthly_counts(db: Database, actor: Actor, first_of_month: dt.date) -> list[RmRetention]:
    """Per RM, the month's records (by the day flagged) and their results: every RM of the branch for the
    lobby manager and the supervisor, an RM their own line; a teller is refused."""
    require(actor, Action.RETENTION_VIEW)
    if not (allowed(actor.role, Action.RETENTION_VIEW_BRANCH) or allowed(actor.role, Action.RETENTION_WORK)):
        raise PermissionDenied(Action.RETENTION_VIEW_BRANCH.value, actor.role)
    start, end = month_range(first_of_month)
    with db.read() as s:
        lines = counts_by_rm(s, actor.branch_id, start, end)
    if not allowed(actor.role, Action.RETENTION_VIEW_BRANCH):
        lines = [ln for ln in lines if ln.rm_id == actor.staff_id]
    return lines


__all__ = [
    "LIST_PAGE", "NEEDS_ACTION", "PREMIUM_TIERS", "ListKey", "RetentionActionRow", "RetentionCounts", "RetentionRow",
    "RmRetention", "close", "counts_by_rm", "flag", "get_record", "list_actions", "list_records", "may_work",
    "month_range", "monthly_counts", "record_action", "steps_in",
]
