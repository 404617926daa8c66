"""Free-text reasons (void, forced close, reopen): kept apart from the audit log, read only by the entitled.

Whatever a person types may hold a client's mobile or ID number, so the text is
client data: the audit event keeps only the reason's id. Who may read a reason
is decided here, once (docs/audit.md "Reasons").
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ReasonText, Role
from services.db import Database
from services.errors import NotFound, PermissionDenied
from services.permissions import Actor

READ_ACTION = "reason.read"
# They see no client data (docs/product.md "Roles"); "head_office" arrives with the multi-branch issue.
_NEVER = frozenset({Role.ADMIN.value, "head_office"})


def keep(session: Session, db: Database, actor: Actor, text: str) -> int:
    """Store ``text`` (already validated) in the caller's unit of work; its id goes on the record and the event."""
    row = ReasonText(branch_id=actor.branch_id, author_id=actor.staff_id, at=db.now(), text=text[:500])
    session.add(row)
    session.flush()
    return row.id


def may_read(actor: Actor, *, branch_id: int, author_id: int | None) -> bool:
    """The branch's supervisor, and the person who typed it; never admin, head office or the command line."""
    if actor.role in _NEVER or actor.is_system or actor.staff_id is None:
        return False
    if actor.role == Role.SUPERVISOR:
        return actor.branch_id == branch_id
    return actor.staff_id == author_id and actor.branch_id == branch_id


def texts(session: Session, actor: Actor, ids: Iterable[int | None]) -> dict[int, str]:
    """The texts of ``ids`` this actor may read (one query); the others are simply absent."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(
        select(ReasonText.id, ReasonText.branch_id, ReasonText.author_id, ReasonText.text)
        .where(ReasonText.id.in_(wanted))
    ).all()
    return {rid: text for rid, branch_id, author_id, text in rows
            if may_read(actor, branch_id=branch_id, author_id=author_id)}


def text_for(session: Session, actor: Actor, reason_id: int | None) -> str | None:
    """One reason's text for a screen, or None when there is none or the actor may not read it."""
    if reason_id is None:
        return None
    return texts(session, actor, [reason_id]).get(reason_id)


def read(db: Database, actor: Actor, reason_id: int) -> str:
    """One reason by id (e.g. from an audit line): refused unless the actor may read it."""
    with db.read() as s:
        row = s.get(ReasonText, reason_id)
        if row is None:
            raise NotFound("reason", reason_id)
        if not may_read(actor, branch_id=row.branch_id, author_id=row.author_id):
            raise PermissionDenied(READ_ACTION, actor.role)
        return row.text
