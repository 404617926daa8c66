"""The append-only audit log: who did what to which entity, never personal data."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent
from services.db import Database
from services.permissions import Action, Actor, require

log = logging.getLogger("lobbydesk.audit")


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
) -> None:
    """Add one event inside the caller's unit of work (it commits or rolls back with it).

    ``detail`` is for codes, counts and reasons typed by staff — the callers
    never pass a client's name, mobile or ID number.
    """
    event = AuditEvent(
        at=db.now(),
        branch_id=branch_id if branch_id is not None else (actor.branch_id if actor else None),
        actor_id=actor.staff_id if actor else None,
        actor_staff_no=staff_no or (actor.staff_no if actor else None),
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=(detail or None) and detail[:500],
    )
    session.add(event)
    log.debug("audit %s %s#%s by %s", action, entity, entity_id, event.actor_staff_no)


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

