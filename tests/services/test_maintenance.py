"""Maintenance (docs/maintenance.md): recording and who may, the per-tier plans and the due list,
birthdays (ID number, birth date, 29 February), holidays, the plans' validation and versioning,
and the race of two supervisors saving the plans — on both engines."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Branch,
    BranchSettings,
    Client,
    ContactChannel,
    MaintenanceKind,
    MaintenancePlan,
    MaintenanceRecord,
    PlanKind,
    Role,
    Tier,
)
from services import accounts, clients, diary, maintenance
from services.db import BRANCH_TZ, Database
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.maintenance import DEFAULT_PLANS, Due
from services.permissions import Actor
from tests.factories import Factories, make_id_number

T, L, R, M, S, A = Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.MARKETING, Role.SUPERVISOR, Role.ADMIN


def _client(db: Database, f: Factories, rm_id: int | None, tier: Tier = Tier.CORE, *, name: str = "赵维护",
            birth: dt.date | None = None, id_number: str | None = None, created: dt.datetime | None = None,
            branch_id: int | None = None) -> int:
    with db.write() as s:
        c = Client(branch_id=branch_id or f.branch.id, name=name, mobile=f.mobile(), rm_id=rm_id, tier=tier,
                   birth_date=birth, id_number=id_number, created_at=created or db.now())
        s.add(c)
        s.flush()
        return c.id


def _second_branch_rm(db: Database, f: Factories) -> tuple[int, int]:
    """A second branch and an RM of it: (branch id, staff id)."""
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=[]))
        branch_id = b.id
    rm_b, _ = accounts.add_staff(db, f.system, staff_no="B0002", name="乙行经理", role=Role.RM,
                                 password="Passw0rd!", must_change_password=False, branch_code="0002")
    return branch_id, rm_b.id


def _local(db: Database, days_ago: int, hour: int = 10) -> dt.datetime:
    day = db.today() - dt.timedelta(days=days_ago)
    return dt.datetime.combine(day, dt.time(hour), BRANCH_TZ)


# --- recording and who may --------------------------------------------------------------------------


def test_the_rm_records_maintenance_of_their_client_audited_without_the_note(db: Database, f: Factories) -> None:
    rm = f.staff(R)
    cid = _client(db, f, rm.id)
    note = "客户王先生关注养老理财，电话 13900001111"
    done = maintenance.record(db, f.actor(rm), cid, "portfolio_review", "phone", _local(db, 1), note)
    with db.read() as s:
        row = s.get_one(MaintenanceRecord, done.id)
        assert (row.client_id, row.branch_id, row.rm_id, row.kind, row.channel, row.note) == (
            cid, f.branch.id, rm.id, MaintenanceKind.PORTFOLIO_REVIEW, ContactChannel.PHONE, note)
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "maintenance_record")).all()
    assert len(events) == 1 and events[0].entity_id == done.id and events[0].actor_id == rm.id
    assert "王" not in (events[0].detail or "") and "139" not in (events[0].detail or "")
    # It shows in the client's timeline, with its channel.
    entry = next(e for e in clients.timeline(db, f.actor(rm), cid) if e.kind == "maintenance")
    assert (entry.what, entry.channel, entry.note) == ("portfolio_review", "phone", note)


@pytest.mark.parametrize("role, whose, expected", [
    (R, "own", "ok"), (R, "other_rm", PermissionDenied), (R, "other_branch", NotFound),
    (S, "own", "ok"), (S, "other_rm", "ok"), (S, "other_branch", NotFound),
    (T, "own", PermissionDenied), (L, "own", PermissionDenied), (M, "own", PermissionDenied),
    (A, "own", PermissionDenied),
])
def test_who_may_record_maintenance_of_which_client(db: Database, f: Factories, role: Role, whose: str,
                                                    expected: object) -> None:
    me = f.staff(role)
    other_rm = f.staff(R)
    branch2, rm2 = _second_branch_rm(db, f)
    cid = {"own": lambda: _client(db, f, me.id), "other_rm": lambda: _client(db, f, other_rm.id),
           "other_branch": lambda: _client(db, f, rm2, branch_id=branch2)}[whose]()
    assert maintenance.may_record(f.actor(me), me.id if whose == "own" else other_rm.id) == (
        expected == "ok" or (whose == "other_branch" and role == S))
    if expected == "ok":
        maintenance.record(db, f.actor(me), cid, "greeting", "sms", _local(db, 0, 9))
    else:
        with pytest.raises(expected):  # type: ignore[call-overload]
            maintenance.record(db, f.actor(me), cid, "greeting", "sms", _local(db, 0, 9))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MaintenanceRecord)) == (1 if expected == "ok" else 0)


def test_bad_input_is_refused_beside_each_field_and_nothing_is_written(db: Database, f: Factories) -> None:
    rm = f.staff(R)
    cid = _client(db, f, rm.id)
    future = db.now() + dt.timedelta(minutes=5)
    with pytest.raises(ValidationError) as err:
        maintenance.record(db, f.actor(rm), cid, "chat", "pigeon", future, "x" * 501)
    assert set(err.value.fields) == {"kind", "channel", "at", "note"}
    with pytest.raises(ValidationError) as err:
        maintenance.record(db, f.actor(rm), cid, "greeting", "phone", None, "含\x1b控制字符")
    assert set(err.value.fields) == {"at", "note"}
    ordinary = _client(db, f, rm.id, Tier.NONE)
    with pytest.raises(ValidationError) as err:
        maintenance.record(db, f.actor(rm), ordinary, "greeting", "phone", _local(db, 1))
    assert list(err.value.fields) == ["client"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MaintenanceRecord)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.entity == "maintenance_record")) == 0


def test_a_naive_time_is_the_branchs_clock_and_now_is_not_the_future(db: Database, f: Factories) -> None:
    rm = f.staff(R)
    cid = _client(db, f, rm.id)
    naive = dt.datetime.combine(db.today(), dt.time(8, 30))
    done = maintenance.record(db, f.actor(rm), cid, "information", "email", naive)
    assert done.at == dt.datetime.combine(db.today(), dt.time(8, 30), BRANCH_TZ)
    maintenance.record(db, f.actor(rm), cid, "survey", "visit", db.now())


# --- the plans ------------------------------------------------------------------------------------


def test_the_defaults_until_a_supervisor_saves_then_versioned_and_audited(db: Database, f: Factories) -> None:
    rm, sup, sup2 = f.staff(R), f.staff(S), f.staff(S)
    view = maintenance.plans(db, f.actor(rm))
    assert view.version == 0 and view.plans == DEFAULT_PLANS
    assert DEFAULT_PLANS[Tier.CORE] == {Due.CALL: 7, Due.VISIT: 30}
    assert DEFAULT_PLANS[Tier.ORDINARY_PREMIUM] == {Due.CALL: 30, Due.VISIT: 90}
    assert DEFAULT_PLANS[Tier.TO_WIN] == DEFAULT_PLANS[Tier.POTENTIAL] == {Due.CALL: 30, Due.VISIT: None}
    typed = {"core": {"call": " 5 ", "visit": 20}, "ordinary_premium": {"call": "30", "visit": ""},
             "to_win": {"call": 14}, "potential": {}}
    v1 = maintenance.set_plans(db, f.actor(sup), typed, 0)
    saved = maintenance.plans(db, f.actor(rm))
    assert saved.version == v1 and saved.plans[Tier.CORE] == {Due.CALL: 5, Due.VISIT: 20}
    assert saved.plans[Tier.ORDINARY_PREMIUM] == {Due.CALL: 30, Due.VISIT: None}
    assert saved.plans[Tier.POTENTIAL] == {Due.CALL: None, Due.VISIT: None}
    # The second supervisor still shows the defaults (version 0): refused, naming who saved and when.
    with pytest.raises(Conflict) as err:
        maintenance.set_plans(db, f.actor(sup2), typed, 0)
    assert err.value.by == sup.staff_no
    with pytest.raises(Conflict) as err:
        maintenance.set_plans(db, f.actor(sup2), typed, v1 + 1)
    assert err.value.by == sup.staff_no
    v2 = maintenance.set_plans(db, f.actor(sup2), {"core": {"call": 7, "visit": 30}}, v1)
    assert v2 == v1 + 1
    with db.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "maintenance_plan")
                           .order_by(AuditEvent.id)).all()
        assert s.scalar(select(func.count()).select_from(MaintenancePlan)) == 1
    assert [e.actor_id for e in events] == [sup.id, sup2.id]
    assert "core_call=5" in (events[0].detail or "")


@pytest.mark.parametrize("bad", ["0", "367", "-3", "7.5", "七", "1e3", True])
def test_plan_days_are_whole_days_from_1_to_366(db: Database, f: Factories, bad: object) -> None:
    sup = f.staff(S)
    with pytest.raises(ValidationError) as err:
        maintenance.set_plans(db, f.actor(sup), {"core": {"call": bad, "visit": "366"}, "to_win": {"call": 1}}, 0)
    assert list(err.value.fields) == ["core_call"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MaintenancePlan)) == 0


@pytest.mark.parametrize("role", [T, L, R, M, A])
def test_only_the_supervisor_edits_the_plans(db: Database, f: Factories, role: Role) -> None:
    with pytest.raises(PermissionDenied):
        maintenance.set_plans(db, f.actor(f.staff(role)), {"core": {"call": 7}}, 0)


def test_two_supervisors_saving_the_plans_at_once_give_one_save_and_one_conflict(
        db: Database, f: Factories, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both load the same version and flush together; the loser is refused naming the winner."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    sup1, sup2 = f.staff(S), f.staff(S)
    version = maintenance.set_plans(db, f.actor(sup1), {"core": {"call": 7, "visit": 30}}, 0)
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

    def run(actor: Actor, days: int) -> None:
        racing.on = True
        try:
            maintenance.set_plans(db, actor, {"core": {"call": days, "visit": 30}}, version)
            outcomes[actor.staff_no] = None
        except BaseException as failure:  # the test reports whatever escaped
            outcomes[actor.staff_no] = failure

    threads = [threading.Thread(target=run, args=(a, n)) for a, n in ((f.actor(sup1), 3), (f.actor(sup2), 9))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [who for who, exc in outcomes.items() if exc is None]
    losers = [exc for exc in outcomes.values() if exc is not None]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], Conflict) and losers[0].by == winners[0]
    view = maintenance.plans(db, f.actor(sup1))
    assert view.version == version + 1
    assert view.plans[Tier.CORE][Due.CALL] == (3 if winners[0] == sup1.staff_no else 9)


def test_two_supervisors_saving_the_first_plans_at_once_give_one_row(db: Database, f: Factories) -> None:
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    sup1, sup2 = f.staff(S), f.staff(S)
    barrier = threading.Barrier(2, timeout=10)
    outcomes: list[BaseException | None] = []

    def run(actor: Actor) -> None:
        barrier.wait()
        try:
            maintenance.set_plans(db, actor, {"core": {"call": 7}}, 0)
            outcomes.append(None)
        except BaseException as failure:  # the test reports whatever escaped
            outcomes.append(failure)

    threads = [threading.Thread(target=run, args=(f.actor(a),)) for a in (sup1, sup2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(outcomes) == 2 and sum(o is None for o in outcomes) >= 1
    assert all(o is None or isinstance(o, Conflict) for o in outcomes), outcomes
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MaintenancePlan)) == 1


# --- the due list ---------------------------------------------------------------------------------


def _record(db: Database, f: Factories, rm_id: int, cid: int, channel: str, days_ago: int) -> None:
    with db.write() as s:
        s.add(MaintenanceRecord(client_id=cid, branch_id=f.branch.id, rm_id=rm_id, at=_local(db, days_ago),
                                kind=MaintenanceKind.GREETING, channel=ContactChannel(channel)))


def test_the_due_list_follows_the_plan_of_each_tier_overdue_first(db: Database, f: Factories) -> None:
    rm, other = f.staff(R), f.staff(R)
    long_ago = db.now() - dt.timedelta(days=400)
    core = _client(db, f, rm.id, Tier.CORE, name="核心甲", created=long_ago)
    _record(db, f, rm.id, core, "phone", 10)  # call due 3 days ago; visit never: due since registration
    core_kept = _client(db, f, rm.id, Tier.CORE, name="核心乙", created=long_ago)
    _record(db, f, rm.id, core_kept, "visit", 2)  # a visit keeps the call too: both still ahead
    premium = _client(db, f, rm.id, Tier.ORDINARY_PREMIUM, name="普优丙", created=long_ago)
    _record(db, f, rm.id, premium, "sms", 25)  # call due in 5 days (within the week shown)
    with db.write() as s:  # a held appointment 100 days ago is the last visit: 10 days overdue
        s.add(Appointment(client_id=premium, rm_id=rm.id, at=_local(db, 100), status=AppointmentStatus.HELD,
                          created_at=long_ago))
    to_win = _client(db, f, rm.id, Tier.TO_WIN, name="待争取丁", created=long_ago)
    _record(db, f, rm.id, to_win, "phone", 5)  # call due in 25 days: not shown
    new_potential = _client(db, f, rm.id, Tier.POTENTIAL, name="潜质戊")  # registered today: due in 30 days
    _client(db, f, rm.id, Tier.NONE, name="普通己", created=long_ago)  # ordinary: no plan
    _client(db, f, other.id, Tier.CORE, name="别人庚", created=long_ago)  # another RM's
    rows = maintenance.due(db, f.actor(rm), db.today())
    got = [(r.client_id, r.what, r.overdue_days) for r in rows]
    today = db.today()
    assert got == [
        (core, Due.VISIT, (today - (long_ago.astimezone(BRANCH_TZ).date() + dt.timedelta(days=30))).days),
        (premium, Due.VISIT, 10),
        (core, Due.CALL, 3),
        (core_kept, Due.CALL, 0),  # due in 5 days
        (premium, Due.CALL, 0),  # due in 5 days
    ]
    first = rows[0]
    assert first.last_done is None and first.tier == Tier.CORE and first.client == "核*甲 " + first.client[4:]
    assert "*" in first.client and "核心甲" not in first.client
    assert rows[2].last_done == today - dt.timedelta(days=10) and rows[2].due_date == today - dt.timedelta(days=3)
    assert rows[3].due_date == rows[4].due_date == today + dt.timedelta(days=5)
    assert all(r.client_id not in (to_win, new_potential) for r in rows)
    # Keyset windows join up without gaps or repeats.
    walked = maintenance.due(db, f.actor(rm), today, limit=2)
    walked += maintenance.due(db, f.actor(rm), today, after=walked[-1].key, limit=2)
    walked += maintenance.due(db, f.actor(rm), today, after=walked[-1].key, limit=2)
    assert [r.key for r in walked] == [r.key for r in rows]


def test_the_due_list_reads_the_branchs_saved_plans(db: Database, f: Factories) -> None:
    rm, sup = f.staff(R), f.staff(S)
    cid = _client(db, f, rm.id, Tier.POTENTIAL, created=db.now() - dt.timedelta(days=400))
    _record(db, f, rm.id, cid, "phone", 20)
    assert maintenance.due(db, f.actor(rm), db.today()) == []  # the default: a call every 30 days
    maintenance.set_plans(db, f.actor(sup), {"potential": {"call": 14, "visit": 60}}, 0)
    rows = maintenance.due(db, f.actor(rm), db.today())
    assert [(r.what, r.overdue_days) for r in rows] == [(Due.VISIT, 400 - 60), (Due.CALL, 6)]
    maintenance.set_plans(db, f.actor(sup), {}, 1)  # no plans at all: nothing is due
    assert maintenance.due(db, f.actor(rm), db.today()) == []


def test_whose_due_list_one_may_read(db: Database, f: Factories) -> None:
    rm, rm2, sup, lobby = f.staff(R), f.staff(R), f.staff(S), f.staff(L)
    cid = _client(db, f, rm2.id, Tier.CORE, created=db.now() - dt.timedelta(days=40))
    assert [r.client_id for r in maintenance.due(db, f.actor(sup), db.today(), rm2.id)] == [cid, cid]
    with pytest.raises(PermissionDenied):
        maintenance.due(db, f.actor(rm), db.today(), rm2.id)
    with pytest.raises(PermissionDenied):
        maintenance.due(db, f.actor(lobby), db.today())
    with pytest.raises(PermissionDenied):
        maintenance.birthdays(db, f.actor(rm), db.today(), rm_id=rm2.id)
    _branch2, far = _second_branch_rm(db, f)
    with pytest.raises(NotFound):
        maintenance.due(db, f.actor(sup), db.today(), far)


# --- birthdays and holidays -----------------------------------------------------------------------


def test_birthdays_in_the_coming_week_from_the_birth_date_or_the_id_number(db: Database, f: Factories) -> None:
    rm = f.staff(R)
    today = db.today()  # 2026-11-20
    by_id = _client(db, f, rm.id, id_number=make_id_number(dt.date(1980, 11, 22)))
    by_column = _client(db, f, rm.id, Tier.TO_WIN, birth=dt.date(1990, 11, 20))
    _client(db, f, rm.id, birth=dt.date(1990, 11, 27))  # the eighth day: not in the week
    _client(db, f, rm.id, Tier.NONE, birth=dt.date(1990, 11, 21))  # ordinary: no plan, no greeting listed
    _client(db, f, rm.id)  # no birth date known
    got = [(b.client_id, b.day, b.age) for b in maintenance.birthdays(db, f.actor(rm), today)]
    assert got == [(by_column, dt.date(2026, 11, 20), 36), (by_id, dt.date(2026, 11, 22), 46)]


def test_a_29_february_birthday_is_kept_on_28_february_in_other_years_and_across_the_new_year(
        db: Database, f: Factories) -> None:
    rm = f.staff(R)
    leap = _client(db, f, rm.id, id_number=make_id_number(dt.date(1984, 2, 29)))
    new_year = _client(db, f, rm.id, birth=dt.date(1970, 1, 2))
    assert maintenance.birthday_in(dt.date(1984, 2, 29), 2027) == dt.date(2027, 2, 28)
    assert maintenance.birthday_in(dt.date(1984, 2, 29), 2028) == dt.date(2028, 2, 29)
    me = f.actor(rm)
    assert [(b.client_id, b.day, b.age) for b in maintenance.birthdays(db, me, dt.date(2027, 2, 25))] == [
        (leap, dt.date(2027, 2, 28), 43)]
    assert [(b.client_id, b.day) for b in maintenance.birthdays(db, me, dt.date(2028, 2, 29), days=1)] == [
        (leap, dt.date(2028, 2, 29))]
    assert [(b.client_id, b.day) for b in maintenance.birthdays(db, me, dt.date(2026, 12, 28))] == [
        (new_year, dt.date(2027, 1, 2))]


def test_birth_date_of_a_client(db: Database) -> None:
    assert maintenance.birth_date(None, make_id_number(dt.date(1984, 2, 29))) == dt.date(1984, 2, 29)
    assert maintenance.birth_date(dt.date(1975, 6, 1), make_id_number(dt.date(1984, 2, 29))) == dt.date(1975, 6, 1)
    assert maintenance.birth_date(None, "340104198502301234") is None  # 30 February
    assert maintenance.birth_date(None, None) is None


def test_holidays_of_the_coming_week(db: Database, f: Factories) -> None:
    rm, lobby = f.staff(R), f.staff(L)
    me = f.actor(rm)
    spans = maintenance.holidays(db, me, dt.date(2026, 9, 28))
    assert [(h.code, h.first_day, h.last_day) for h in spans] == [
        ("national_day", dt.date(2026, 10, 1), dt.date(2026, 10, 4))]
    assert [h.code for h in maintenance.holidays(db, me, dt.date(2026, 9, 23))] == ["mid_autumn_festival"]
    assert maintenance.holidays(db, me, db.today()) == []  # 20 November: none; a weekend is no holiday
    # Beyond the calendar's years, the fixed-date ones.
    assert [(h.code, h.first_day) for h in maintenance.holidays(db, me, dt.date(2026, 12, 28))] == [
        ("new_years_day", dt.date(2027, 1, 1))]
    with pytest.raises(PermissionDenied):
        maintenance.holidays(db, f.actor(lobby), db.today())


def test_the_diary_proposes_visits_and_calls_from_the_same_plans(db: Database, f: Factories) -> None:
    rm, sup = f.staff(R), f.staff(S)
    cid = _client(db, f, rm.id, Tier.TO_WIN, created=db.now() - dt.timedelta(days=400))
    monday = diary.week_start(db.today()) + dt.timedelta(days=7)
    proposed = diary.week_plan(db, f.actor(rm), rm.id, monday).proposals
    assert [(p.client_id, p.kind) for p in proposed] == [(cid, PlanKind.CALL)]  # to-win: a call every 30 days
    maintenance.set_plans(db, f.actor(sup), {"to_win": {"visit": 60}}, 0)
    proposed = diary.week_plan(db, f.actor(rm), rm.id, monday).proposals
    assert [(p.client_id, p.kind) for p in proposed] == [(cid, PlanKind.VISIT)]
    maintenance.set_plans(db, f.actor(sup), {}, 1)
    assert diary.week_plan(db, f.actor(rm), rm.id, monday).proposals == ()
