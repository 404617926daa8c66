"""Finding clients as people type, and the masked brief the lobby may see."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from models import Client, ClientType, Referral, Staff, Tier
from services.db import Database
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require

SEARCH_LIMIT = 10


@dataclass(frozen=True)
class ClientMatch:
    """What the referral form shows for a found client: name, masked contact, type."""

    id: int
    name: str
    mobile_masked: str
    id_number_masked: str
    tier: Tier
    rm_id: int | None
    rm_name: str | None
    last_client_type: ClientType | None


def can_see_full(actor: Actor, client_rm_id: int | None) -> bool:
    """An RM sees their own clients in full, the supervisor all of the branch."""
    if allowed(actor.role, Action.CLIENT_PROFILE_ALL):
        return True
    return allowed(actor.role, Action.CLIENT_PROFILE) and client_rm_id is not None and client_rm_id == actor.staff_id


def _prefix_range(col, prefix: str):  # type: ignore[no-untyped-def]
    # A range instead of LIKE so both engines use the b-tree index, whatever the collation.
    return (col >= prefix) & (col < prefix + "\uffff")


def search_clients(db: Database, actor: Actor, text: str, *, limit: int = SEARCH_LIMIT) -> list[ClientMatch]:
    """Clients of the actor's branch whose mobile, name or ID number starts with ``text``."""
    require(actor, Action.CLIENT_LOOKUP)
    text = (text or "").strip()
    digits = re.sub(r"[\s\-]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    rm = aliased(Staff)
    q = select(Client, rm.name).outerjoin(rm, rm.id == Client.rm_id).where(Client.branch_id == actor.branch_id)
    if digits.isdigit() and len(digits) >= 3:
        if len(digits) == 18 or (len(digits) == 17 and text.upper().endswith("X")):
            q = q.where(Client.id_number == text.upper())
        else:
            q = q.where(_prefix_range(Client.mobile, digits))
        q = q.order_by(Client.mobile, Client.id)
    elif len(text) >= 1 and not digits.isdigit():
        if len(text) == 18 and text[:17].isdigit():
            q = q.where(Client.id_number == text.upper())
        else:
            q = q.where(_prefix_range(Client.name, text))
        q = q.order_by(Client.name, Client.id)
    else:
        return []
    with db.read() as s:
        rows = s.execute(q.limit(limit)).all()
        return [_match(s, c, rm_name) for c, rm_name in rows]


def _match(s: Session, c: Client, rm_name: str | None) -> ClientMatch:
    last_type = s.scalar(
        select(Referral.client_type).where(Referral.client_id == c.id, Referral.voided_at.is_(None))
        .order_by(Referral.created_at.desc()).limit(1)
    )
    return ClientMatch(c.id, c.name, mask(c.mobile, Kind.MOBILE), mask(c.id_number, Kind.ID_NUMBER),
                       c.tier, c.rm_id, rm_name, last_type)


def find_by_mobile(s: Session, branch_id: int, mobile: str) -> Client | None:
    return s.scalars(
        select(Client).where(Client.branch_id == branch_id, Client.mobile == mobile).order_by(Client.id).limit(1)
    ).first()
