"""The RM's follow-ups: contact attempts, appointments, closing, reassigning, the queue's windows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models import (
    Client,
    ContactAttempt,
    FinancialSnapshot,
    FollowUp,
    FollowUpState,
    Role,
    Tier,
    TierCause,
    TierChange,
)
from services import followups
from services.db import BRANCH_TZ
from services.errors import ValidationError


@pytest.fixture
def team(f):
    return f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM), f.staff(Role.SUPERVISOR)


def test_contact_attempts_move_the_next_date_and_count(db, f, team):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    actor = f.actor(rm)
    followups.record_contact(db, actor, filed.follow_up_id, channel="phone", result="no_answer",
                             next_contact_date=dt.date(2026, 11, 23))
    with pytest.raises(ValidationError) as err:
        followups.record_contact(db, actor, filed.follow_up_id, channel="phone", result="reached",
                                 next_contact_date=dt.date(2026, 11, 19))
    assert "next_contact_date" in err.value.fields
    at = dt.datetime(2026, 11, 25, 14, 30, tzinfo=BRANCH_TZ)
    followups.record_contact(db, actor, filed.follow_up_id, channel="phone", result="appointment",
                             appointment_at=at, place="二楼理财室")
    with db.read() as s:
        fu = s.get(FollowUp, filed.follow_up_id)
        assert fu.attempts == 2 and fu.state == FollowUpState.APPOINTED
        assert fu.next_contact_date == dt.date(2026, 11, 25)
        assert s.scalar(select(func.count()).select_from(ContactAttempt)) == 2


def test_close_converted_re_evaluates_the_tier_and_not_premium_warns_later(db, f, team):
    lobby, rm, _ = team
    a = f.referral(lobby, rm, status="pending", mobile="13900000001")
    b = f.referral(lobby, rm, status="pending", mobile="13900000002", name="李雷")
    with db.write() as s:  # holdings and ratings written before any score was computed (an old record)
        client = s.get(Client, a.client_id)
        client.rating_family = client.rating_occupation = client.rating_social = 5
        s.add(FinancialSnapshot(client_id=a.client_id, as_of=db.today(), deposits=Decimal("5000000"),
                                wealth_products=Decimal("5000000"), loans=Decimal("2000000"), created_at=db.now()))
    followups.close_follow_up(db, f.actor(rm), a.follow_up_id, state="converted")
    followups.close_follow_up(db, f.actor(rm), b.follow_up_id, state="not_premium", reason="资产不足")
    with db.read() as s:
        assert s.get(Client, a.client_id).tier == Tier.CORE
        change = s.scalars(select(TierChange).where(TierChange.client_id == a.client_id)).one()
        assert (change.old_tier, change.new_tier, change.cause) == (Tier.NONE, Tier.CORE, TierCause.FOLLOW_UP)
        assert s.get(Client, b.client_id).judged_ordinary_by_id == rm.id
    from services.referrals import duplicate_warnings

    kinds = {w.kind for w in duplicate_warnings(db, f.actor(lobby), client_id=b.client_id)}
    assert "judged_ordinary" in kinds
    with pytest.raises(ValidationError):  # a closed follow-up does not reopen
        followups.close_follow_up(db, f.actor(rm), a.follow_up_id, state="abandoned", reason="联系不上")


def test_queue_overdue_first_and_abandon_proposed(db, f, team, clock):
    lobby, rm, _ = team
    first = f.referral(lobby, rm, status="pending", contact_at=clock.now + dt.timedelta(days=3))
    second = f.referral(lobby, rm, status="pending", contact_at=clock.now + dt.timedelta(days=1))
    for _ in range(3):
        followups.record_contact(db, f.actor(rm), first.follow_up_id, channel="phone", result="no_answer",
                                 next_contact_date=db.today() + dt.timedelta(days=2))
    clock.advance(days=2)  # the second is now a day overdue
    rows = followups.queue(db, f.actor(rm))
    assert [r.id for r in rows] == [second.follow_up_id, first.follow_up_id]
    assert rows[0].overdue and not rows[1].overdue
    assert rows[1].propose_abandon and not rows[0].propose_abandon


def test_abandonment_counts_failed_attempts_since_the_last_success(db, f, team, clock):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending", contact_at=clock.now + dt.timedelta(days=1))
    later = db.today() + dt.timedelta(days=1)

    def contact(result: str) -> followups.QueueRow:
        followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result=result,
                                 next_contact_date=later)
        (row,) = followups.queue(db, f.actor(rm))
        return row

    contact("no_answer")
    contact("declined")
    assert not contact("reached").propose_abandon  # the client was reached: the count starts again
    contact("no_answer")
    assert not contact("wrong_number").propose_abandon  # 2 failed since the reach, 5 attempts in all
    assert contact("no_answer").propose_abandon  # the third failed one in a row


def test_queue_windows_cover_every_open_follow_up_once(db, f, team, clock):
    lobby, rm, supervisor = team
    ids = set()
    for i in range(23):
        filed = f.referral(lobby, rm, status="pending", contact_at=clock.now + dt.timedelta(days=1 + i % 5))
        ids.add(filed.follow_up_id)
        if i % 4 == 0:
            followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="appointment",
                                     appointment_at=clock.now + dt.timedelta(days=1 + i % 3))
    seen: list[int] = []
    after = None
    while True:
        window = followups.queue(db, f.actor(supervisor), after=after, limit=5)
        if not window:
            break
        seen.extend(r.id for r in window)
        keys = [(r.next_contact_date, r.id) for r in window]
        assert keys == sorted(keys)
        after = keys[-1]
    assert sorted(seen) == sorted(ids) and len(seen) == len(ids)


def test_rm_sees_only_own_queue_and_supervisor_reassigns(db, f, team):
    lobby, rm, supervisor = team
    other = f.staff(Role.RM)
    filed = f.referral(lobby, rm, status="pending")
    assert followups.queue(db, f.actor(other)) == []
    followups.reassign(db, f.actor(supervisor), filed.follow_up_id, other.id)
    assert [r.id for r in followups.queue(db, f.actor(other))] == [filed.follow_up_id]
    assert followups.queue(db, f.actor(rm)) == []


def test_a_stale_save_is_refused_naming_who_changed_it(db, f, team):
    from services.errors import Conflict

    lobby, rm, supervisor = team
    filed = f.referral(lobby, rm, status="pending")
    seen = followups.queue(db, f.actor(rm))[0]
    followups.record_contact(db, f.actor(supervisor), filed.follow_up_id, channel="phone", result="no_answer",
                             next_contact_date=db.today() + dt.timedelta(days=1), version=seen.version)
    with pytest.raises(Conflict) as err:
        followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="reached",
                                 next_contact_date=db.today() + dt.timedelta(days=2), version=seen.version)
    assert err.value.by == supervisor.staff_no and supervisor.staff_no in str(err.value)
