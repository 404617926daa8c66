"""Versioned saves (docs/saving.md): a lost race is a Conflict naming who won and when, never a crash."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Client, FollowUp, Referral, Role
from services import clients, dayclose, followups, referrals
from services.db import Database
from services.errors import Conflict, PermissionDenied
from services.permissions import Actor

# The full 200 rounds of the issue belong to bench/trust.py; a test run keeps it quick.
RACE_ROUNDS = int(os.environ.get("LOBBYDESK_RACE_ROUNDS", "20"))


@pytest.fixture
def crew(f):  # type: ignore[no-untyped-def]
    lobby, rm, sup = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM), f.staff(Role.SUPERVISOR)
    return lobby, rm, sup


def _version(db: Database, cls: Any, key: int) -> int:
    with db.read() as s:
        return int(s.scalar(select(cls.version).where(cls.id == key)))


# --- who and when ---------------------------------------------------------------------------

def test_a_stale_save_names_the_person_and_the_date_and_time(db, f, crew, clock):
    lobby, rm, sup = crew
    filed = f.referral(lobby, rm)
    seen = _version(db, Referral, filed.id)
    clock.advance(days=1, hours=3)  # 2026-11-21 13:00 in the branch
    referrals.update_referral(db, f.actor(sup), filed.id, seen, note="主管改过")
    with pytest.raises(Conflict) as err:
        referrals.update_referral(db, f.actor(lobby), filed.id, seen, note="大堂经理也改")
    assert err.value.by == sup.staff_no
    assert sup.name in str(err.value) and "2026-11-21 13:00" in str(err.value)
    assert err.value.at == clock.now


def test_a_follow_up_close_that_changed_the_client_is_named_on_the_client(db, f, crew, clock):
    """The close is audited under the follow-up, yet it moved the client's version: it is the one named."""
    lobby, rm, sup = crew
    filed = f.referral(lobby, rm, status="pending")
    seen = clients.get_profile(db, f.actor(sup), filed.client_id).version
    clients.update_profile(db, f.actor(sup), filed.client_id, seen, occupation="教师")
    seen = clients.get_profile(db, f.actor(sup), filed.client_id).version
    clock.advance(hours=2)
    followups.close_follow_up(db, f.actor(rm), filed.follow_up_id, state="converted")
    with pytest.raises(Conflict) as err:
        clients.update_profile(db, f.actor(sup), filed.client_id, seen, district="蜀山区")
    assert err.value.by == rm.staff_no and err.value.at == clock.now


def test_a_reveal_is_not_mistaken_for_a_change(db, f, crew, clock):
    """A reveal is audited on the client but changes nothing: the person who changed the profile is named."""
    lobby, rm, sup = crew
    filed = f.referral(lobby, rm)  # the client is now rm's
    seen = clients.get_profile(db, f.actor(rm), filed.client_id).version
    clients.update_profile(db, f.actor(rm), filed.client_id, seen, occupation="医生")
    clock.advance(minutes=5)
    clients.reveal(db, f.actor(sup), filed.client_id, "mobile")
    with pytest.raises(Conflict) as err:
        clients.update_profile(db, f.actor(sup), filed.client_id, seen, district="包河区")
    assert err.value.by == rm.staff_no


def test_permission_is_checked_before_the_version(db, f, crew):
    """Someone who may not change the row learns nothing about who else did."""
    lobby, rm, sup = crew
    teller, other_rm = f.staff(Role.TELLER), f.staff(Role.RM)
    filed = f.referral(lobby, rm, status="pending")
    stale = _version(db, Referral, filed.id)
    referrals.update_referral(db, f.actor(lobby), filed.id, stale, note="改过")
    with pytest.raises(PermissionDenied):
        referrals.update_referral(db, f.actor(teller), filed.id, stale, note="柜员")
    stale_fu = _version(db, FollowUp, filed.follow_up_id)
    followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="no_answer",
                             next_contact_date=db.today() + dt.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        followups.record_contact(db, f.actor(other_rm), filed.follow_up_id, channel="phone", result="no_answer",
                                 next_contact_date=db.today() + dt.timedelta(days=2), version=stale_fu)
    stale_client = _version(db, Client, filed.client_id)
    clients.update_profile(db, f.actor(sup), filed.client_id, stale_client, occupation="律师")
    with pytest.raises(PermissionDenied):
        clients.update_profile(db, f.actor(other_rm), filed.client_id, stale_client, occupation="工人")


def test_a_stale_day_close_names_who_reopened_it(db, f, crew, clock):
    lobby, _rm, sup = crew
    dayclose.close_day(db, f.actor(sup), db.today(), force_reason="先关")
    seen = dayclose.day_state(db, f.actor(sup), db.today())
    clock.advance(minutes=30)
    dayclose.reopen_day(db, f.actor(sup), db.today(), "补录", version=seen.version)
    with pytest.raises(Conflict) as err:
        dayclose.close_day(db, f.actor(lobby), db.today(), version=seen.version)
    assert err.value.by == sup.staff_no and err.value.at == clock.now


# --- the race: two sessions, the same row, the same version ------------------------------------

Op = Callable[[Database, Actor, int, int], object]


def _race_ops(f, rm, lobby, sup) -> dict[str, tuple[Op, Actor, Actor, str]]:  # type: ignore[no-untyped-def]
    """Each operation, the two people racing, and which kind of row they race on."""
    return {
        "update_referral": (lambda db, a, key, ver: referrals.update_referral(db, a, key, ver, note=a.staff_no),
                            f.actor(lobby), f.actor(sup), "referral"),
        "void_referral": (lambda db, a, key, ver: referrals.void_referral(db, a, key, "重复录入", version=ver),
                          f.actor(lobby), f.actor(sup), "referral"),
        "record_outcome": (lambda db, a, key, ver: referrals.record_outcome(db, a, key, met=True, deal=False,
                                                                            version=ver),
                           f.actor(rm), f.actor(sup), "referral"),
        "record_contact": (lambda db, a, key, ver: followups.record_contact(
            db, a, key, channel="phone", result="no_answer", next_contact_date=db.today() + dt.timedelta(days=1),
            version=ver), f.actor(rm), f.actor(sup), "follow_up"),
        "close_follow_up": (lambda db, a, key, ver: followups.close_follow_up(db, a, key, state="not_premium",
                                                                              reason="资产不足", version=ver),
                            f.actor(rm), f.actor(sup), "follow_up"),
        "update_profile": (lambda db, a, key, ver: clients.update_profile(db, a, key, ver, occupation=a.staff_no),
                           f.actor(rm), f.actor(sup), "client"),
    }


@pytest.mark.parametrize("op_name", ["update_referral", "void_referral", "record_outcome", "record_contact",
                                     "close_follow_up", "update_profile"])
def test_two_sessions_racing_on_one_version_give_one_save_and_one_conflict(db, f, crew, op_name, monkeypatch):
    """Both sessions load the same version and flush together; the loser gets Conflict naming the winner.

    Each racer waits at a barrier just before its flush, so both have read the row
    before either writes: on PostgreSQL the loser's UPDATE waits for the winner's
    commit, then matches no row. SQLite lets only one writer in at a time, so the
    race cannot happen there.
    """
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    lobby, rm, sup = crew
    op, first, second, kind = _race_ops(f, rm, lobby, sup)[op_name]
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.dirty:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    names = {first.staff_no, second.staff_no}
    for round_ in range(RACE_ROUNDS):
        filed = f.referral(lobby, rm, status="pending" if kind == "follow_up" else "referred")
        key = {"referral": filed.id, "follow_up": filed.follow_up_id, "client": filed.client_id}[kind]
        assert key is not None
        cls = {"referral": Referral, "follow_up": FollowUp, "client": Client}[kind]
        version = _version(db, cls, key)
        outcomes: dict[str, BaseException | None] = {}

        def run(actor: Actor, key: int = key, version: int = version,
                outcomes: dict[str, BaseException | None] = outcomes) -> None:
            racing.on = True
            try:
                op(db, actor, key, version)
                outcomes[actor.staff_no] = None
            except BaseException as failure:  # the test reports whatever escaped
                outcomes[actor.staff_no] = failure

        threads = [threading.Thread(target=run, args=(a,)) for a in (first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        barrier.reset()
        winners = [who for who, exc in outcomes.items() if exc is None]
        losers = {who: exc for who, exc in outcomes.items() if exc is not None}
        assert len(winners) == 1, f"round {round_}: {outcomes}"
        (loser, exc), = losers.items()
        assert isinstance(exc, Conflict), f"round {round_}: {exc!r}"
        assert exc.by == winners[0] and {loser, winners[0]} == names
        assert _version(db, cls, key) == version + 1
