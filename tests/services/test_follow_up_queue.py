"""The RM's follow-up queue (docs/follow-ups.md): order and counts against the branch's today, filters,
search, own follow-ups, reassignment, and who may read whose queue — on both engines."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    AuditEvent,
    Branch,
    BranchSettings,
    Client,
    ClientType,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    Role,
    Tier,
)
from services import accounts, followups
from services.accounts import StaffInfo
from services.db import BRANCH_TZ, Database
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.followups import Due, QueueCounts, QueueFilter
from tests.factories import Factories


def _at(db: Database, days: int) -> dt.datetime:
    """A preferred contact time ``days`` branch days from today, mid-morning."""
    day = db.today() + dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=BRANCH_TZ)


def _second_branch(db: Database, f: Factories) -> tuple[StaffInfo, StaffInfo]:
    """Branch 0002 with an RM and a supervisor of its own."""
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=[]))
    made = []
    for role, no in ((Role.RM, "B0001"), (Role.SUPERVISOR, "B0002")):
        info, _ = accounts.add_staff(db, f.system, staff_no=no, name="乙行员工", role=role, password="Passw0rd!",
                                     must_change_password=False, branch_code="0002")
        made.append(info)
    return made[0], made[1]


def _free_client(db: Database, f: Factories, mobile: str, name: str = "无主客户", tier: Tier = Tier.NONE) -> int:
    with db.write() as s:
        c = Client(branch_id=f.branch.id, name=name, mobile=mobile, created_at=db.now(), tier=tier, score=0,
                   interests=["保险"])
        s.add(c)
        s.flush()
        return c.id


@pytest.fixture
def desk(db, f, clock):  # type: ignore[no-untyped-def]
    """One RM's queue across three days once the clock moves on three days, plus another RM's follow-up.

    After ``clock.advance(days=3)``: ``d1`` and ``d2`` are overdue (d1 the older), ``d3`` due today,
    ``d5`` upcoming; ``theirs`` belongs to the other RM and is due today.
    """
    lobby, rm, other, sup = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM), f.staff(Role.RM), f.staff(Role.SUPERVISOR)
    made = {
        "d3": f.referral(lobby, rm, status="pending", contact_at=_at(db, 3), name="赵一一", mobile="13900001111",
                         client_type="to_win", interests=["基金"]),
        "d1": f.referral(lobby, rm, status="pending", contact_at=_at(db, 1), name="钱二", mobile="13900002222",
                         client_type="existing_potential", interests=["理财产品", "保险"]),
        "d5": f.referral(lobby, rm, status="pending", contact_at=_at(db, 5), name="孙三", mobile="13900003333",
                         client_type="to_win", interests=["理财产品"]),
        "d2": f.referral(lobby, rm, status="pending", contact_at=_at(db, 2), name="李四", mobile="13900004444",
                         client_type="existing_premium"),
        "theirs": f.referral(lobby, other, status="pending", contact_at=_at(db, 3), name="周五", mobile="13900005555"),
    }
    ids = {k: v.follow_up_id for k, v in made.items()}
    clock.advance(days=3)
    return {"lobby": lobby, "rm": rm, "other": other, "sup": sup, "ids": ids, "filed": made}


def test_overdue_first_oldest_first_then_today_then_upcoming_with_counts(db, f, desk):
    rows = followups.queue(db, f.actor(desk["rm"]))
    ids = desk["ids"]
    assert [r.id for r in rows] == [ids["d1"], ids["d2"], ids["d3"], ids["d5"]]
    assert [r.due for r in rows] == [Due.OVERDUE, Due.OVERDUE, Due.TODAY, Due.UPCOMING]
    assert [r.overdue for r in rows] == [True, True, False, False]
    assert followups.queue_counts(db, f.actor(desk["rm"])) == QueueCounts(overdue=2, due_today=1, upcoming=1)
    # The supervisor: the whole branch, or one RM.
    assert followups.queue_counts(db, f.actor(desk["sup"])) == QueueCounts(2, 2, 1)
    assert followups.queue_counts(db, f.actor(desk["sup"]), rm_id=desk["other"].id) == QueueCounts(0, 1, 0)
    assert [r.id for r in followups.queue(db, f.actor(desk["sup"]), rm_id=desk["other"].id)] == [ids["theirs"]]
    assert len(followups.queue(db, f.actor(desk["sup"]))) == 5


def test_a_row_carries_what_the_queue_shows_and_masks_the_client(db, f, desk, clock):
    rm, ids = desk["rm"], desk["ids"]
    meet = clock.now + dt.timedelta(days=2)
    followups.record_contact(db, f.actor(rm), ids["d1"], channel="phone", result="no_answer",
                             next_contact_date=db.today() + dt.timedelta(days=1))
    followups.record_contact(db, f.actor(rm), ids["d1"], channel="phone", result="appointment",
                             appointment_at=meet, place="二楼理财室")
    row = next(r for r in followups.queue(db, f.actor(rm)) if r.id == ids["d1"])
    assert (row.client_name, row.client_mobile) == ("钱*", "139****2222")  # masked for the RM too
    assert row.client_type == ClientType.EXISTING_POTENTIAL and row.interests == ("理财产品", "保险")
    assert row.origin == FollowUpOrigin.REFERRAL and row.referrer_name == desk["lobby"].name
    assert row.preferred_contact_at is not None
    assert row.preferred_contact_at.astimezone(BRANCH_TZ).date() == db.today() - dt.timedelta(days=2)
    assert (row.attempts, row.failed_attempts, row.last_result) == (2, 0, "appointment")
    assert row.state == FollowUpState.APPOINTED
    assert row.appointment_at == meet and row.appointment_place == "二楼理财室"
    assert row.rm_id == rm.id and row.rm_name == rm.name
    other = next(r for r in followups.queue(db, f.actor(rm)) if r.id == ids["d3"])
    assert other.appointment_at is None
    assert other.client_name == "赵*一"


def test_each_filter_narrows_the_queue(db, f, desk, clock):
    rm, ids = desk["rm"], desk["ids"]
    actor = f.actor(rm)
    followups.record_contact(db, actor, ids["d5"], channel="phone", result="appointment",
                             appointment_at=clock.now + dt.timedelta(days=1))
    own_client = _free_client(db, f, "13900006666", name="吴六", tier=Tier.POTENTIAL)
    own = followups.create_own(db, actor, own_client, db.today() + dt.timedelta(days=4))

    def shown(**kw: Any) -> list[int]:
        return [r.id for r in followups.queue(db, actor, filters=QueueFilter(**kw))]

    assert shown(state=FollowUpState.APPOINTED) == [ids["d5"]]
    assert shown(state=FollowUpState.OPEN) == [ids["d1"], ids["d2"], ids["d3"], own]
    assert shown(client_type=ClientType.TO_WIN) == [ids["d3"], ids["d5"]]
    # An own prospect's type is the one its tier implies.
    assert shown(client_type=ClientType.EXISTING_POTENTIAL) == [ids["d1"], own]
    assert shown(interest="理财产品") == [ids["d1"], ids["d5"]]
    assert shown(interest="保险") == [ids["d1"], own]  # the own prospect's interests are the client's
    assert shown(interest="贵金属") == []
    assert shown(interest="100%_!") == []  # LIKE's wildcards are matched as text
    assert shown(source=FollowUpOrigin.OWN) == [own]
    assert shown(source=FollowUpOrigin.REFERRAL) == [ids["d1"], ids["d2"], ids["d3"], ids["d5"]]
    assert shown(source=FollowUpOrigin.OWN, client_type=ClientType.TO_WIN) == []
    own_row = next(r for r in followups.queue(db, actor) if r.id == own)
    assert own_row.referrer_name is None and own_row.client_type == ClientType.EXISTING_POTENTIAL


def test_search_follows_the_lobbys_rules(db, f, desk):
    rm, ids = desk["rm"], desk["ids"]

    def found(text: str) -> list[int]:
        return [r.id for r in followups.queue(db, f.actor(rm), filters=QueueFilter(search=text))]

    assert found("钱") == [ids["d1"]]  # a name's start
    assert found("赵一一") == [ids["d3"]]
    assert found("3333") == [ids["d5"]]  # exactly the last four
    assert found("139 0000 4444") == [ids["d2"]]  # a full mobile, spaced
    assert found("+8613900004444") == [ids["d2"]]
    assert found("周五") == []  # another RM's client is not in this queue
    assert found("139") == [] and found("13900") == [] and found("444") == []  # no other partial number
    assert len(found("  ")) == 4  # blank: no narrowing


def test_keyset_windows_with_a_filter_cover_every_row_once(db, f, desk):
    rm = desk["rm"]
    actor = f.actor(rm)
    for i in range(9):
        cid = _free_client(db, f, f"137000000{i:02d}", name=f"郑{i}")
        followups.create_own(db, actor, cid, db.today() + dt.timedelta(days=i % 3))
    flt = QueueFilter(source=FollowUpOrigin.OWN)
    seen: list[tuple[dt.date, int]] = []
    after = None
    while window := followups.queue(db, actor, filters=flt, after=after, limit=4):
        seen.extend((r.next_contact_date, r.id) for r in window)  # type: ignore[misc]
        after = seen[-1]
    assert len(seen) == 9 and seen == sorted(seen)


def test_own_follow_up_on_own_client_a_free_client_but_not_another_rms(db, f, desk):
    rm, other, lobby = desk["rm"], desk["other"], desk["lobby"]
    tomorrow = db.today() + dt.timedelta(days=1)
    mine = f.referral(lobby, rm, status="referred", name="冯七", mobile="13900007777")
    with db.write() as s:
        s.get(Client, mine.client_id).rm_id = rm.id
    fu = followups.create_own(db, f.actor(rm), mine.client_id, tomorrow, note="季度回访")
    free = followups.create_own(db, f.actor(rm), _free_client(db, f, "13900008888"), tomorrow)
    rows = {r.id: r for r in followups.queue(db, f.actor(rm))}
    assert rows[fu].origin == FollowUpOrigin.OWN and rows[free].origin == FollowUpOrigin.OWN
    theirs = f.referral(lobby, other, status="referred", name="陈八", mobile="13900009999")
    with db.write() as s:
        s.get(Client, theirs.client_id).rm_id = other.id
    with pytest.raises(PermissionDenied):
        followups.create_own(db, f.actor(rm), theirs.client_id, tomorrow)
    with pytest.raises(ValidationError) as err:
        followups.create_own(db, f.actor(rm), mine.client_id, db.today() - dt.timedelta(days=1))
    assert "next_contact_date" in err.value.fields
    with db.read() as s:
        created = s.scalars(select(AuditEvent).where(AuditEvent.entity == "follow_up",
                                                     AuditEvent.action == "create")).all()
        assert {e.entity_id for e in created} >= {fu, free}
        assert all("季度" not in (e.detail or "") for e in created)  # the note is not in the audit text


def test_reassign_moves_the_row_between_queues_and_keeps_the_history(db, f, desk):
    rm, other, sup, ids = desk["rm"], desk["other"], desk["sup"], desk["ids"]
    followups.record_contact(db, f.actor(rm), ids["d2"], channel="phone", result="no_answer",
                             next_contact_date=db.today() + dt.timedelta(days=1))
    row = next(r for r in followups.queue(db, f.actor(sup)) if r.id == ids["d2"])
    followups.reassign(db, f.actor(sup), ids["d2"], other.id, version=row.version)
    assert ids["d2"] not in {r.id for r in followups.queue(db, f.actor(rm))}
    moved = next(r for r in followups.queue(db, f.actor(other)) if r.id == ids["d2"])
    assert moved.attempts == 1 and moved.rm_name == other.name  # the attempts go with it
    with db.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "follow_up",
                                                    AuditEvent.entity_id == ids["d2"],
                                                    AuditEvent.action == "reassign")).all()
    assert [e.detail for e in events] == [f"from={rm.id} to={other.id}"]


def test_reassign_refuses_anyone_but_an_active_rm_of_the_branch_beside_the_field(db, f, desk):
    sup, ids = desk["sup"], desk["ids"]
    rm_b, _ = _second_branch(db, f)
    idle = f.staff(Role.RM)
    accounts.set_active(db, f.system, idle.id, False)
    for to in (desk["lobby"].id, idle.id, rm_b.id, 999_999, desk["rm"].id):
        with pytest.raises(ValidationError) as err:
            followups.reassign(db, f.actor(sup), ids["d1"], to)
        assert list(err.value.fields) == ["rm"], to
        assert "B0001" not in str(err.value)  # another branch's staff number does not leak
    with db.read() as s:
        assert s.get(FollowUp, ids["d1"]).rm_id == desk["rm"].id
    followups.close_follow_up(db, f.actor(desk["rm"]), ids["d1"], state="abandoned", reason="多次未接通")
    with pytest.raises(ValidationError) as err:
        followups.reassign(db, f.actor(sup), ids["d1"], desk["other"].id)
    assert list(err.value.fields) == ["state"]


def test_who_reads_which_queue(db, f, desk):
    rm, other, sup, ids = desk["rm"], desk["other"], desk["sup"], desk["ids"]
    rm_b, sup_b = _second_branch(db, f)
    # An RM: their own queue only; asking for another's is refused, not quietly answered.
    assert ids["theirs"] not in {r.id for r in followups.queue(db, f.actor(rm))}
    for call in (lambda: followups.queue(db, f.actor(rm), rm_id=other.id),
                 lambda: followups.queue_counts(db, f.actor(rm), rm_id=other.id)):
        with pytest.raises(PermissionDenied):
            call()
    with pytest.raises(PermissionDenied):
        followups.queue_rms(db, f.actor(rm))
    with pytest.raises(PermissionDenied):
        followups.reassign(db, f.actor(rm), ids["d1"], other.id)
    # Another branch: never — its supervisor sees none of it and cannot name its RMs.
    assert followups.queue(db, f.actor(sup_b)) == []
    assert followups.queue_counts(db, f.actor(sup_b)) == QueueCounts(0, 0, 0)
    assert [o.id for o in followups.queue_rms(db, f.actor(sup_b))] == [rm_b.id]
    with pytest.raises(NotFound):
        followups.queue(db, f.actor(sup_b), rm_id=rm.id)
    with pytest.raises(NotFound):
        followups.queue(db, f.actor(sup), rm_id=rm_b.id)
    with pytest.raises(NotFound):
        followups.reassign(db, f.actor(sup_b), ids["d1"], rm_b.id)
    # Roles without follow-up work read no queue at all.
    with pytest.raises(PermissionDenied):
        followups.queue(db, f.actor(desk["lobby"]))
    assert {o.id for o in followups.queue_rms(db, f.actor(sup))} == {rm.id, other.id}


def test_two_supervisors_reassigning_one_follow_up_one_wins_the_other_is_told_who(db, f, desk, monkeypatch):
    """PostgreSQL race: both read the same version and flush together; the loser gets a Conflict naming
    the winner and when, and the follow-up moved once."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    sup_a, sup_b = desk["sup"], f.staff(Role.SUPERVISOR)
    third = f.staff(Role.RM)
    fu_id = desk["ids"]["d3"]
    version = next(r.version for r in followups.queue(db, f.actor(sup_a)) if r.id == fu_id)
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.dirty:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    outcomes: dict[str, BaseException | None] = {}

    def run(who: StaffInfo, to: StaffInfo) -> None:
        racing.on = True
        try:
            followups.reassign(db, f.actor(who), fu_id, to.id, version=version)
            outcomes[who.staff_no] = None
        except BaseException as exc:  # the test reports whatever escaped
            outcomes[who.staff_no] = exc

    threads = [threading.Thread(target=run, args=args) for args in ((sup_a, desk["other"]), (sup_b, third))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [who for who, exc in outcomes.items() if exc is None]
    assert len(winners) == 1, outcomes
    (loser_exc,) = [exc for exc in outcomes.values() if exc is not None]
    assert isinstance(loser_exc, Conflict) and loser_exc.by == winners[0]
    assert winners[0] in str(loser_exc) and loser_exc.at is not None
    with db.read() as s:
        fu = s.get(FollowUp, fu_id)
        assert fu is not None and fu.version == version + 1
        expected = desk["other"].id if winners[0] == sup_a.staff_no else third.id
        assert fu.rm_id == expected
