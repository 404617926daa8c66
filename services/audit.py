"""The append-only, hash-chained audit log: who did what to which entity, never personal data.

The design (what is hashed, how appends serialise, what ``verify`` checks) is in docs/audit.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from models import AuditEvent
from services.db import BRANCH_TZ, Database, local_midnight_utc
from services.permissions import Action, Actor, require

log = logging.getLogger("lobbydesk.audit")

# The first event's "previous hash". Every event's prev_hash is unique, so only one event can be first.
GENESIS = "0" * 64
CHAIN_VERSION = "lobbydesk-audit-v1"
# pg_advisory_xact_lock key for appends to the chain ("LDAU" in ASCII); held from sealing to commit.
_CHAIN_LOCK = 0x4C444155
_PENDING = "audit_pending"


def _utc_text(at: dt.datetime) -> str:
    if at.tzinfo is None:  # a raw value read by a migration: the column stores naive UTC
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(prev_hash: str, at: dt.datetime, branch_id: int | None, actor_id: int | None,
               actor_staff_no: str | None, action: str, entity: str, entity_id: int | None,
               detail: str | None, reason_id: int | None) -> str:
    """SHA-256 over the canonical form of one event (docs/audit.md "What is hashed").

    migrations/versions/0004_audit_chain_and_reasons.py holds a frozen copy: change both or neither.
    """
    fields: list[Any] = [CHAIN_VERSION, prev_hash, _utc_text(at), branch_id, actor_id, actor_staff_no,
                         action, entity, entity_id, detail, reason_id]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _hash_of(e: AuditEvent) -> str:
    return event_hash(e.prev_hash, e.at, e.branch_id, e.actor_id, e.actor_staff_no, e.action, e.entity,
                      e.entity_id, e.detail, e.reason_id)


def record(
    session: Session,
    db: Database,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: int | None = None,
    detail: str | None = None,
    *,
    branch_id: int | None = None,
    staff_no: str | None = None,
    reason_id: int | None = None,
) -> None:
    """Add one event to the caller's unit of work (it commits or rolls back with it).

    ``detail`` is for codes and counts only; text a person typed goes to
    ``services.reasons.keep`` and only its id comes here. The event joins the
    chain when the unit commits (``_seal``), so the chain's lock is the last
    lock a transaction takes and is held only for its commit.
    """
    ev = AuditEvent(
        at=db.now(),
        branch_id=branch_id if branch_id is not None else (actor.branch_id if actor else None),
        actor_id=actor.staff_id if actor else None,
        actor_staff_no=staff_no or (actor.staff_no if actor else None),
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=(detail or None) and detail[:500],
        reason_id=reason_id,
    )
    session.info.setdefault(_PENDING, []).append(ev)
    log.debug("audit %s %s#%s by %s", action, entity, entity_id, ev.actor_staff_no)


@event.listens_for(Session, "before_commit")
def _seal(session: Session) -> None:
    """Chain the unit's events onto the newest one, under the chain's lock, just before commit.

    PostgreSQL: a transaction-scoped advisory lock serialises appends (released by
    the commit). SQLite: writers already hold the database's write lock. The unique
    prev_hash makes a fork impossible even if the lock were bypassed.
    """
    pending: list[AuditEvent] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_CHAIN_LOCK)))
        # The chain runs across branches, and row-level security hides the other branches' events:
        # the newest hash comes from a function that may read them all (docs/row-level-security.md).
        prev = session.scalar(select(func.lobbydesk_audit_head())) or GENESIS
    else:
        prev = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or GENESIS
    for ev in pending:
        ev.prev_hash = prev
        ev.hash = prev = _hash_of(ev)
        session.add(ev)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_soft(session: Session, previous_transaction: object) -> None:
    session.info.pop(_PENDING, None)


# --- reading --------------------------------------------------------------------

@dataclass(frozen=True)
class AuditLine:
    """One event as the supervisor's review shows it: codes and ids, never personal data."""

    id: int
    at: dt.datetime
    staff_no: str | None
    action: str
    entity: str
    entity_id: int | None
    detail: str | None
    reason_id: int | None

    def text(self) -> str:
        parts = [f"#{self.id}", self.at.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M:%S"),
                 self.staff_no or "-", self.action,
                 self.entity + (f"#{self.entity_id}" if self.entity_id is not None else "")]
        if self.detail:
            parts.append(self.detail)
        if self.reason_id is not None:
            parts.append(f"reason#{self.reason_id}")
        return "\t".join(parts)


def events(db: Database, actor: Actor, *, since: dt.date | None = None,
           staff_no: str | None = None) -> Iterator[AuditLine]:
    """The log oldest first: the command line's operator sees every branch, a person their own."""
    if not actor.is_system:
        require(actor, Action.AUDIT_VIEW)
    q = select(AuditEvent.id, AuditEvent.at, AuditEvent.actor_staff_no, AuditEvent.action, AuditEvent.entity,
               AuditEvent.entity_id, AuditEvent.detail, AuditEvent.reason_id).order_by(AuditEvent.id)
    if not actor.is_system:
        q = q.where((AuditEvent.branch_id == actor.branch_id) | AuditEvent.branch_id.is_(None))
    if since is not None:
        q = q.where(AuditEvent.at >= local_midnight_utc(since))
    if staff_no:
        q = q.where(AuditEvent.actor_staff_no == staff_no)
    with db.read() as s:
        for row in s.execute(q.execution_options(yield_per=2000)):
            yield AuditLine(*row)


def list_events(db: Database, actor: Actor, *, limit: int = 200,
                before_id: int | None = None) -> list[tuple[object, ...]]:
    """The newest audit events (supervisor, admin): (id, at, staff no, action, entity, entity id, detail)."""
    require(actor, Action.AUDIT_VIEW)
    q = select(AuditEvent.id, AuditEvent.at, AuditEvent.actor_staff_no, AuditEvent.action, AuditEvent.entity,
               AuditEvent.entity_id, AuditEvent.detail).order_by(AuditEvent.id.desc()).limit(limit)
    q = q.where((AuditEvent.branch_id == actor.branch_id) | AuditEvent.branch_id.is_(None))
    if before_id is not None:
        q = q.where(AuditEvent.id < before_id)
    with db.read() as s:
        return [tuple(r) for r in s.execute(q)]


@dataclass(frozen=True)
class ChainCheck:
    """What ``verify`` found: ``broken_id`` is None when the chain is intact."""

    events: int
    broken_id: int | None = None
    # "edited": its own hash does not match; "missing_before": the event before it was deleted or rewritten.
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_id is None


def verify(db: Database) -> ChainCheck:
    """Walk the whole log in id order recomputing every hash; no trigger or lock is trusted.

    An event whose stored hash differs from its recomputed one was edited; an
    event whose prev_hash is not the hash of the event before it follows a
    deleted (or re-hashed) event. The first such event is named.
    """
    q = select(AuditEvent.id, AuditEvent.prev_hash, AuditEvent.hash, AuditEvent.at, AuditEvent.branch_id,
               AuditEvent.actor_id, AuditEvent.actor_staff_no, AuditEvent.action, AuditEvent.entity,
               AuditEvent.entity_id, AuditEvent.detail, AuditEvent.reason_id).order_by(AuditEvent.id)
    n = 0
    expected = GENESIS
    with db.read() as s:
        for row in s.execute(q.execution_options(yield_per=5000)):
            (eid, prev_hash, stored, at, branch_id, actor_id, staff_no, action, entity, entity_id, detail,
             reason_id) = row
            n += 1
            recomputed = event_hash(prev_hash or "", at, branch_id, actor_id, staff_no, action, entity, entity_id,
                                    detail, reason_id)
            if recomputed != stored:
                return ChainCheck(n, eid, "edited")
            if prev_hash != expected:
                return ChainCheck(n, eid, "missing_before")
            expected = stored
    return ChainCheck(n)


# --- the supervisor's review (docs/audit.md "Review") ------------------------------------------

@dataclass(frozen=True)
class ReviewFilter:
    """Who (a staff id), what (an action code), when (branch days, both ends included); None: any."""

    staff_no: str | None = None
    action: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def review(db: Database, actor: Actor, filters: ReviewFilter | None = None, *, before_id: int | None = None,
           limit: int = 200) -> list[AuditLine]:
    """One keyset window of the actor's branch's log, newest first: the events older than ``before_id``.

    Supervisor and administrator (docs/audit.md "Review": the log holds codes and ids, never client data).
    """
    require(actor, Action.AUDIT_VIEW)
    f = filters or ReviewFilter()
    q = select(AuditEvent.id, AuditEvent.at, AuditEvent.actor_staff_no, AuditEvent.action, AuditEvent.entity,
               AuditEvent.entity_id, AuditEvent.detail, AuditEvent.reason_id)
    q = q.where((AuditEvent.branch_id == actor.branch_id) | AuditEvent.branch_id.is_(None))
    if f.staff_no:
        q = q.where(AuditEvent.actor_staff_no == f.staff_no)
    if f.action:
        q = q.where(AuditEvent.action == f.action)
    if f.since is not None:
        q = q.where(AuditEvent.at >= local_midnight_utc(f.since))
    if f.until is not None:
        q = q.where(AuditEvent.at < local_midnight_utc(f.until + dt.timedelta(days=1)))
    if before_id is not None:
        q = q.where(AuditEvent.id < before_id)
    with db.read() as s:
        return [AuditLine(*row) for row in s.execute(q.order_by(AuditEvent.id.desc()).limit(limit))]


def review_choices(db: Database, actor: Actor) -> tuple[list[tuple[str, str]], list[str]]:
    """The review's filter lists: the branch's staff (id, name) and the action codes its log holds."""
    from models import Staff

    require(actor, Action.AUDIT_VIEW)
    with db.read() as s:
        people = [(no, name) for no, name in s.execute(
            select(Staff.staff_no, Staff.name).where(Staff.branch_id == actor.branch_id).order_by(Staff.staff_no))]
        actions = list(s.scalars(
            select(AuditEvent.action).where((AuditEvent.branch_id == actor.branch_id)
                                            | AuditEvent.branch_id.is_(None))
            .distinct().order_by(AuditEvent.action)))
    return people, actions


def known_actor(db: Database, staff_no: str) -> bool:
    """Whether ``staff_no`` is a staff account or names an event's actor (the command line's ``--actor``)."""
    from models import Staff

    with db.read() as s:
        return (s.scalar(select(Staff.id).where(Staff.staff_no == staff_no).limit(1)) is not None
                or s.scalar(select(AuditEvent.id).where(AuditEvent.actor_staff_no == staff_no).limit(1)) is not None)
