"""Ordinary clients the lobby guided to self-service or the counter instead of referring them (分流).

No client data is kept: when, the business day, who, where to (docs/diversion.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Diversion, DiversionWhere
from services import audit
from services import validation as v
from services.db import Database, local_date, retrying
from services.permissions import Action, Actor, require
from services.referrals import DIVERTED_TYPES, ensure_day_open

__all__ = ["DIVERTED_TYPES", "DiversionCounts", "counts_in", "my_count_today", "record"]


@dataclass(frozen=True)
class DiversionCounts:
    """One staff member's diversions in a period (or a total, ``staff_id`` 0)."""

    staff_id: int
    self_service: int = 0
    counter: int = 0

    @property
    def total(self) -> int:
        return self.self_service + self.counter


@retrying
def record(db: Database, actor: Actor, guided_to: DiversionWhere | str) -> int:
    """Count one ordinary client guided elsewhere by the actor, today; the new row's id.

    A closed business day takes no more diversions, as it takes no more referrals.
    """
    require(actor, Action.DIVERSION_RECORD)
    where = v.choice("guided_to", guided_to, DiversionWhere)
    if actor.staff_id is None:  # the command line counts nobody's diversions
        raise v.fail("staff", "required")
    now = db.now()
    day = local_date(now)
    with db.write() as s:
        ensure_day_open(s, actor.home_branch, day)
        row = Diversion(branch_id=actor.branch_id, at=now, business_date=day, staff_id=actor.staff_id,
                        guided_to=where)
        s.add(row)
        s.flush()
        audit.record(s, db, actor, "create", "diversion", row.id, f"to={where.value}")
        return int(row.id)


def counts_in(s: Session, branch_id: int | None, start: dt.date,
              end: dt.date) -> dict[tuple[int, int], DiversionCounts]:
    """(branch id, staff id) → that person's diversions from ``start`` to ``end`` inclusive; inside a read."""
    q = (select(Diversion.branch_id, Diversion.staff_id,
                func.count().filter(Diversion.guided_to == DiversionWhere.SELF_SERVICE),
                func.count().filter(Diversion.guided_to == DiversionWhere.COUNTER))
         .where(Diversion.business_date >= start, Diversion.business_date <= end)
         .group_by(Diversion.branch_id, Diversion.staff_id))
    if branch_id is not None:
        q = q.where(Diversion.branch_id == branch_id)
    return {(b, sid): DiversionCounts(sid, int(ss), int(c)) for b, sid, ss, c in s.execute(q)}


def my_count_today(db: Database, actor: Actor) -> DiversionCounts:
    """The actor's own diversions today (the referral form shows the figure after each one)."""
    require(actor, Action.DIVERSION_RECORD)
    day = db.today()
    with db.read() as s:
        found = counts_in(s, actor.home_branch, day, day).get((actor.home_branch, actor.staff_id or 0))
    return found if found is not None else DiversionCounts(actor.staff_id or 0)
