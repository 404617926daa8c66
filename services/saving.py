"""Saving a row two people may edit: the version check, the flush, the refusal naming who and when, the audit event.

Every versioned write path (referrals, follow-ups, client profiles, day close)
goes through ``expect_version`` and ``save`` (docs/saving.md "Versioned save").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models import Staff
from services import audit
from services.db import BRANCH_TZ, Database
from services.errors import Conflict
from services.i18n import msg
from services.permissions import Actor


class Versioned(Protocol):
    """A mapped row with a ``version_id_col`` and the two columns that say who saved it."""

    __tablename__: str
    id: Any
    version: Any
    updated_at: Any
    updated_by_id: Any


def expect_version(db: Database, row: Versioned, version: int | None) -> None:
    """Refuse a change made from a view older than the row (``version`` is what the person saw).

    Callers check permissions first, so a person not entitled to the row learns
    nothing about who else changed it (docs/product.md "Privacy and security").
    """
    if version is not None and row.version != version:
        raise stale_conflict(db, type(row), row.id)


def stamp(db: Database, actor: Actor, *rows: Versioned) -> None:
    """Mark ``rows`` as saved now by ``actor``: what a later stale save will name."""
    now = db.now()
    for row in rows:
        row.updated_at = now
        row.updated_by_id = actor.staff_id


def save(s: Session, db: Database, actor: Actor, row: Versioned, action: str, detail: str | None = None, *,
         also: Sequence[Versioned] = (), reason_id: int | None = None) -> int:
    """Stamp ``row`` (and the rows it changed alongside, ``also``), flush, audit; the row's new version.

    A free-text reason goes in first (``reasons.keep``, which flushes: call it before
    changing any versioned row) and its id comes here as ``reason_id``.

    A concurrent save of any of them between the load and this flush (the version
    no longer matches) raises ``Conflict`` naming whoever saved that row, and
    nothing of this unit of work is written. The rows' keys are taken before the
    flush: on PostgreSQL a failed flush leaves a session that can load nothing.
    """
    rows = (row, *also)
    stamp(db, actor, *rows)
    seen = {(type(r), ident[0]): r.version for r in rows if (ident := inspect(r).identity) is not None}
    try:
        s.flush()
    except StaleDataError:
        raise _first_changed(db, seen) from None
    audit.record(s, db, actor, action, row.__tablename__, row.id, detail, reason_id=reason_id)
    return int(row.version)


def _first_changed(db: Database, seen: dict[tuple[type[Any], Any], Any]) -> Conflict:
    with db.read() as s:
        for (cls, key), version in seen.items():
            if s.scalar(select(cls.version).where(cls.id == key)) != version:
                return stale_conflict(db, cls, key)
    if not seen:
        return Conflict(msg("stale_unknown"))
    cls, key = next(iter(seen))
    return stale_conflict(db, cls, key)


def stale_conflict(db: Database, cls: type[Any], key: int) -> Conflict:
    """The refusal of a save made on a stale version: who saved the row's current version, and when.

    Read from the row itself (``updated_by_id``, ``updated_at``), in a session of
    its own because the caller's may be failing a flush. A row last saved before
    these columns existed names nobody rather than guessing.
    """
    with db.read() as s:
        found = s.execute(
            select(Staff.staff_no, Staff.name, cls.updated_at)
            .select_from(cls).outerjoin(Staff, Staff.id == cls.updated_by_id).where(cls.id == key)
        ).first()
    staff_no, name, at = found if found is not None else (None, None, None)
    if staff_no is None:
        return Conflict(msg("stale_unknown"), by=None, at=at)
    return Conflict(msg("stale", by=f"{name}（{staff_no}）", at=when(at)), by=staff_no, at=at)


def when(at: dt.datetime | None) -> str:
    """A moment as the branch reads it: date and time."""
    return at.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M") if at is not None else "?"
