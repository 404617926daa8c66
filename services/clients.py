"""Finding clients as people type, and the masked brief the lobby may see."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select, true
from sqlalchemy.orm import Session, aliased

from models import Client, ClientType, FinancialSnapshot, Referral, Staff, Tier
from services import audit
from services import validation as v
from services.db import Database, retrying
from services.errors import NotFound, PermissionDenied
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require
from services.saving import expect_version, save

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
    suggested_client_type: ClientType | None  # what the form pre-selects: the last referral's, else by tier


def can_see_full(actor: Actor, client_rm_id: int | None) -> bool:
    """An RM sees their own clients in full, the supervisor all of the branch."""
    if allowed(actor.role, Action.CLIENT_PROFILE_ALL):
        return True
    return allowed(actor.role, Action.CLIENT_PROFILE) and client_rm_id is not None and client_rm_id == actor.staff_id


def _prefix_range(col, prefix: str):  # type: ignore[no-untyped-def]
    # A range instead of LIKE so both engines use the b-tree index, whatever the collation.
    return (col >= prefix) & (col < prefix + "\uffff")


# Who may search how (docs/permissions.md "Search"; docs/product.md "Privacy and security"):
# everyone who may look clients up finds a full mobile (11 digits), a full ID
# number, a name or its start, or exactly the last four digits of a mobile. Only
# a viewer entitled to the full number may also search by a partial one — a
# mobile prefix of 3+ digits — and only among the clients they see in full (the
# supervisor: the branch; an RM: their own clients). No other partial number
# matches, so no walk of growing prefixes or suffixes rebuilds a masked number.
MOBILE_LEN = 11
LAST_FOUR = 4
# Mobiles are 11 digits (services/validation.py): characters 8–11 are the last four. Literal
# arguments, so the expression is the index's own (ix_client_branch_last_four).
_last_four_of_mobile = func.substr(Client.mobile, literal_column("8"), literal_column("4"))


def _prefix_scope(actor: Actor) -> ColumnElement[bool] | None:
    """Which clients a partial-number search may reach for this viewer, or None for none."""
    if allowed(actor.role, Action.CLIENT_PROFILE_ALL):
        return true()
    if allowed(actor.role, Action.CLIENT_PROFILE) and actor.staff_id is not None:
        return Client.rm_id == actor.staff_id
    return None


def search_clients(db: Database, actor: Actor, text: str, *, limit: int = SEARCH_LIMIT) -> list[ClientMatch]:
    """Clients of the actor's branch matching ``text`` under the search rules above; results always masked."""
    require(actor, Action.CLIENT_LOOKUP)
    text = (text or "").strip()
    digits = re.sub(r"[\s\-]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    rm = aliased(Staff)
    q = select(Client, rm.name).outerjoin(rm, rm.id == Client.rm_id).where(Client.branch_id == actor.branch_id)
    if len(text) == 18 and text[:17].isdigit() and (text[17].isdigit() or text[17] in "xX"):
        q = q.where(Client.id_number == text.upper()).order_by(Client.name, Client.id)
    elif digits.isdigit():
        scope = _prefix_scope(actor) if len(digits) >= 3 else None
        order: ColumnElement[str | None] = Client.mobile.expression
        if len(digits) == MOBILE_LEN:
            match: ColumnElement[bool] = Client.mobile == digits
        elif len(digits) == LAST_FOUR:
            match = _last_four_of_mobile == digits
            if scope is not None:
                match = or_(match, and_(scope, _prefix_range(Client.mobile, digits)))
            else:
                # Ordered by an expression, not the column: otherwise SQLite's planner (without
                # statistics) takes the (branch, mobile) index for its order and walks the whole
                # branch (60 ms at 300 000 clients against 0.5 ms through the last-four index).
                order = Client.mobile + ""
        elif scope is not None and len(digits) < MOBILE_LEN:
            match = and_(scope, _prefix_range(Client.mobile, digits))
        else:
            return []
        q = q.where(match).order_by(order, Client.id)
    elif text:
        q = q.where(_prefix_range(Client.name, text)).order_by(Client.name, Client.id)
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
                       c.tier, c.rm_id, rm_name, last_type, suggested_client_type(last_type, c.tier))


# A known client's tier says which kind of premium client they are (docs/product.md "Workflow").
_TIER_TO_TYPE: dict[Tier, ClientType] = {
    Tier.CORE: ClientType.EXISTING_PREMIUM,
    Tier.ORDINARY_PREMIUM: ClientType.EXISTING_PREMIUM,
    Tier.POTENTIAL: ClientType.EXISTING_POTENTIAL,
}


def suggested_client_type(last_type: ClientType | None, tier: Tier) -> ClientType | None:
    """The client type to pre-select for a found client: the type of their last live referral,
    else the one their tier implies; ``None`` when neither says (the person must choose)."""
    return last_type if last_type is not None else _TIER_TO_TYPE.get(tier)


def find_by_mobile(s: Session, branch_id: int, mobile: str) -> Client | None:
    return s.scalars(
        select(Client).where(Client.branch_id == branch_id, Client.mobile == mobile).order_by(Client.id).limit(1)
    ).first()


# --- the client profile (RM: own clients; supervisor: the whole branch) -----------

@dataclass(frozen=True)
class Holdings:
    as_of: dt.date
    deposits: Decimal
    loans: Decimal
    wealth_products: Decimal
    funds: Decimal
    insurance: Decimal
    intermediary: Decimal
    aum: Decimal


@dataclass(frozen=True)
class ClientProfile:
    """What the entitled RM or the supervisor sees; ID and mobile stay masked until revealed."""

    id: int
    name: str
    gender: str
    birth_year: int | None
    mobile_masked: str
    id_number_masked: str
    occupation: str | None
    employer: str | None
    district: str | None
    income_band: str | None
    education: str | None
    interests: tuple[str, ...]
    tier: Tier
    score: int
    rm_name: str | None
    judged_ordinary: bool
    holdings: Holdings | None
    version: int


def _load_entitled(s: Session, actor: Actor, client_id: int, action: Action) -> Client:
    require(actor, action)
    c = s.get(Client, client_id)
    if c is None or c.branch_id != actor.branch_id:
        raise NotFound("client", client_id)
    if not can_see_full(actor, c.rm_id):
        raise PermissionDenied(f"{action.value} (not assigned)", actor.role)
    return c


def get_profile(db: Database, actor: Actor, client_id: int) -> ClientProfile:
    with db.read() as s:
        c = _load_entitled(s, actor, client_id, Action.CLIENT_PROFILE)
        rm_name = s.scalar(select(Staff.name).where(Staff.id == c.rm_id)) if c.rm_id else None
        snap = s.scalars(select(FinancialSnapshot).where(FinancialSnapshot.client_id == c.id)
                         .order_by(FinancialSnapshot.as_of.desc()).limit(1)).first()
        holdings = None if snap is None else Holdings(snap.as_of, snap.deposits, snap.loans, snap.wealth_products,
                                                      snap.funds, snap.insurance, snap.intermediary, snap.aum)
        return ClientProfile(
            c.id, c.name, c.gender.value, c.birth_date.year if c.birth_date else None,
            mask(c.mobile, Kind.MOBILE), mask(c.id_number, Kind.ID_NUMBER), c.occupation, c.employer, c.district,
            c.income_band, c.education, tuple(c.interests or ()), c.tier, c.score, rm_name,
            c.judged_ordinary_at is not None, holdings, c.version,
        )


@retrying
def reveal(db: Database, actor: Actor, client_id: int, field: str) -> str:
    """The full mobile or ID number on an explicit 查看完整; every reveal is audited."""
    if field not in ("mobile", "id_number"):
        raise ValueError(field)
    with db.write() as s:
        c = _load_entitled(s, actor, client_id, Action.CLIENT_REVEAL)
        audit.record(s, db, actor, "reveal", "client", c.id, f"field={field}")
        return (c.mobile if field == "mobile" else c.id_number) or ""


@retrying
def update_profile(db: Database, actor: Actor, client_id: int, version: int, *, occupation: str | None = None,
                   employer: str | None = None, district: str | None = None, tier: str | None = None,
                   score: int | None = None) -> int:
    """Edit a profile; a stale ``version`` is refused with who changed it and when."""
    problems = v.Problems()
    with db.write() as s:
        c = _load_entitled(s, actor, client_id, Action.CLIENT_EDIT)
        expect_version(db, c, version)
        if occupation is not None:
            c.occupation = problems.run(lambda: v.clean_text("occupation", occupation, max_len=60))
        if employer is not None:
            c.employer = problems.run(lambda: v.clean_text("employer", employer, max_len=100))
        if district is not None:
            c.district = problems.run(lambda: v.clean_text("district", district, max_len=60))
        if tier is not None:
            t = problems.run(lambda: v.choice("tier", tier, Tier))
            if t:
                c.tier = t
        if score is not None:
            if not 0 <= score <= 100:
                problems.add("score", "not_in_list", value=score)
            else:
                c.score = score
        problems.raise_if_any()
        return save(s, db, actor, c, "update")
