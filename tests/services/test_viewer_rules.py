"""What the viewer may do travels with the rows the services return (can_void, can_close, ...).

Each flag is checked against what the service itself then allows, so the page that shows
the flag never offers what the service refuses, nor hides what it allows.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models import Client, ClientType, Referral, Role, Tier
from services import clients, dayclose, referrals
from services.errors import PermissionDenied, ValidationError

TODAY = dt.date(2026, 11, 20)  # the FakeClock's branch day


# --- can_void on referral rows ---------------------------------------------------------------

def _row(db, actor, referral_id: int, scope: str):  # type: ignore[no-untyped-def]
    return next(r for r in referrals.list_referrals(db, actor, TODAY, scope) if r.id == referral_id)


def test_a_referrer_may_void_their_own_row_and_the_flag_goes_once_it_is_voided(db, f):
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    filed = f.referral(teller, rm)
    actor = f.actor(teller)
    row = _row(db, actor, filed.id, "own")
    assert row.can_void
    referrals.void_referral(db, actor, filed.id, "录错了", row.version)
    assert not _row(db, actor, filed.id, "own").can_void
    with pytest.raises(ValidationError):  # and the service agrees: voided once
        referrals.void_referral(db, actor, filed.id, "再来一次")


def test_the_lobby_manager_may_void_anyones_row_in_the_branch_list(db, f):
    teller, lobby, rm = f.staff(Role.TELLER), f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    filed = f.referral(teller, rm)
    row = _row(db, f.actor(lobby), filed.id, "branch")
    assert row.can_void
    referrals.void_referral(db, f.actor(lobby), filed.id, "客户重复登记", row.version)


def test_someone_elses_referral_is_not_voidable_by_a_teller_and_the_service_refuses_too(db, f):
    teller, other, rm = f.staff(Role.TELLER), f.staff(Role.TELLER), f.staff(Role.RM)
    filed = f.referral(other, rm)
    with db.read() as s:
        referral = s.get(Referral, filed.id)
        assert referral is not None
        assert not referrals.may_void(f.actor(teller), referral)
        assert referrals.may_void(f.actor(other), referral)
    with pytest.raises(PermissionDenied):
        referrals.void_referral(db, f.actor(teller), filed.id, "不是我的")


# --- can_close / needs_reason / can_reopen on the day ----------------------------------------

def test_a_day_with_missing_outcomes_closes_only_by_force_and_only_for_the_supervisor(db, f):
    lobby, sup, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.SUPERVISOR), f.staff(Role.RM)
    f.referral(lobby, rm)
    as_lobby = dayclose.reconciliation(db, f.actor(lobby), TODAY)
    as_sup = dayclose.reconciliation(db, f.actor(sup), TODAY)
    assert (as_lobby.can_close, as_lobby.needs_reason, as_lobby.can_reopen) == (False, True, False)
    assert (as_sup.can_close, as_sup.needs_reason, as_sup.can_reopen) == (True, True, False)
    assert not as_lobby.may_reopen and as_sup.may_reopen
    with pytest.raises(PermissionDenied):  # what the flags say is what close_day does
        dayclose.close_day(db, f.actor(lobby), TODAY, "理财经理外出", version=as_lobby.version)
    dayclose.close_day(db, f.actor(sup), TODAY, "理财经理外出", version=as_sup.version)


def test_a_complete_day_closes_without_a_reason_and_then_only_the_supervisor_may_reopen(db, f):
    lobby, sup, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.SUPERVISOR), f.staff(Role.RM)
    filed = f.referral(lobby, rm)
    referrals.record_outcome(db, f.actor(lobby), filed.id, met=True, deal=False)
    rec = dayclose.reconciliation(db, f.actor(lobby), TODAY)
    assert (rec.can_close, rec.needs_reason, rec.can_reopen) == (True, False, False)
    dayclose.close_day(db, f.actor(lobby), TODAY, version=rec.version)

    closed_lobby = dayclose.reconciliation(db, f.actor(lobby), TODAY)
    closed_sup = dayclose.reconciliation(db, f.actor(sup), TODAY)
    assert (closed_lobby.can_close, closed_lobby.can_reopen) == (False, False)
    assert (closed_sup.can_close, closed_sup.can_reopen) == (False, True)
    with pytest.raises(PermissionDenied):
        dayclose.reopen_day(db, f.actor(lobby), TODAY, "补录", version=closed_lobby.version)
    dayclose.reopen_day(db, f.actor(sup), TODAY, "补录", version=closed_sup.version)


# --- the suggested client type of a found client -----------------------------------------------

@pytest.mark.parametrize(("last", "tier", "expected"), [
    (ClientType.TO_WIN, Tier.CORE, ClientType.TO_WIN),  # the last referral's type wins
    (None, Tier.CORE, ClientType.EXISTING_PREMIUM),
    (None, Tier.ORDINARY_PREMIUM, ClientType.EXISTING_PREMIUM),
    (None, Tier.POTENTIAL, ClientType.EXISTING_POTENTIAL),
    (None, Tier.NONE, None),  # nothing to go by: the person chooses
])
def test_suggested_client_type_rule(last: ClientType | None, tier: Tier, expected: ClientType | None) -> None:
    assert clients.suggested_client_type(last, tier) == expected


def test_a_found_client_carries_the_type_to_pre_select(db, f):
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    f.referral(teller, rm, name="钱一", mobile="13811110001", client_type="existing_potential")
    by_tier = f.referral(teller, rm, name="钱二", mobile="13811110002")
    referrals.void_referral(db, f.actor(teller), by_tier.id, "录错了")  # a void referral says nothing
    with db.write() as s:
        client = s.scalars(select(Client).where(Client.id == by_tier.client_id)).one()
        client.tier = Tier.CORE
    found = {m.name: m for m in clients.search_clients(db, f.actor(teller), "钱")}
    assert found["钱一"].suggested_client_type == ClientType.EXISTING_POTENTIAL
    assert found["钱二"].suggested_client_type == ClientType.EXISTING_PREMIUM
