"""Monthly targets and the assessment (docs/assessment.md), on both engines."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    AuditEvent,
    Client,
    ContactAttempt,
    ContactChannel,
    ContactResult,
    FinancialSnapshot,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    MaintenanceKind,
    MaintenanceRecord,
    ReasonText,
    RmTarget,
    Role,
    Tier,
    TierCause,
    TierChange,
    WeeklySummary,
)
from services import assessment, targets
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError

NOV = dt.date(2026, 11, 1)
GOOD = {"new_premium_clients": 2, "converted_referrals": "4", "contacts": 10, "maintenance_contacts": 4,
        "aum_growth": "1000000.50"}


@pytest.fixture
def crew(f):  # type: ignore[no-untyped-def]
    return f.staff(Role.RM, name="李理财"), f.staff(Role.RM, name="赵理财"), f.staff(Role.SUPERVISOR)


def _at(day: int, hour: int = 3) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.timezone.utc)


def _client(s: Session, branch_id: int, rm_id: int, name: str) -> Client:
    c = Client(branch_id=branch_id, name=name, rm_id=rm_id, created_at=_at(1), tier=Tier.POTENTIAL, version=1)
    s.add(c)
    s.flush()
    return c


def _record_work(db, branch_id: int, rm_id: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """One month of an RM's work, written as the services would leave it; the ids of each record."""
    ids: dict[str, Any] = {}
    with db.write() as s:
        a, b = _client(s, branch_id, rm_id, "王小明"), _client(s, branch_id, rm_id, "欧阳娜娜")
        up = TierChange(branch_id=branch_id, client_id=a.id, at=_at(5), old_tier=Tier.POTENTIAL, new_tier=Tier.CORE,
                        old_score=50, new_score=85, cause=TierCause.SNAPSHOT)
        within = TierChange(branch_id=branch_id, client_id=a.id, at=_at(6), old_tier=Tier.CORE,
                            new_tier=Tier.ORDINARY_PREMIUM, old_score=85, new_score=70, cause=TierCause.SNAPSHOT)
        october = TierChange(branch_id=branch_id, client_id=b.id, at=dt.datetime(2026, 10, 31, 15, tzinfo=dt.UTC),
                             old_tier=Tier.POTENTIAL, new_tier=Tier.CORE, old_score=50, new_score=85,
                             cause=TierCause.SNAPSHOT)  # 10-31 23:00 in the branch: October's
        fu = FollowUp(branch_id=branch_id, client_id=a.id, rm_id=rm_id, origin=FollowUpOrigin.REFERRAL,
                      state=FollowUpState.CONVERTED, opened_at=_at(2), closed_at=_at(9), version=1)
        late = FollowUp(branch_id=branch_id, client_id=b.id, rm_id=rm_id, origin=FollowUpOrigin.REFERRAL,
                        state=FollowUpState.OPEN, next_contact_date=dt.date(2026, 11, 10), opened_at=_at(2), version=1)
        s.add_all([up, within, october, fu, late])
        s.flush()
        tries = [ContactAttempt(follow_up_id=fu.id, staff_id=rm_id, channel=ContactChannel.PHONE, at=_at(d),
                                result=ContactResult.REACHED) for d in (3, 4, 9)]
        care = MaintenanceRecord(client_id=a.id, rm_id=rm_id, at=_at(12), kind=MaintenanceKind.GREETING)
        snaps = [FinancialSnapshot(client_id=a.id, as_of=dt.date(2026, 10, 20), aum=Decimal("100000.00"),
                                   created_at=_at(1)),
                 FinancialSnapshot(client_id=a.id, as_of=dt.date(2026, 11, 15), aum=Decimal("350000.25"),
                                   created_at=_at(15)),
                 FinancialSnapshot(client_id=b.id, as_of=dt.date(2026, 11, 16), aum=Decimal("50000.00"),
                                   created_at=_at(16))]
        week = WeeklySummary(branch_id=branch_id, rm_id=rm_id, week_start=dt.date(2026, 11, 2), findings="…",
                             figures={}, submitted_at=_at(6), submitted_by_id=rm_id, late=False, version=1)
        s.add_all([*tries, care, *snaps, week])
        s.flush()
        ids.update(tier=up.id, converted=fu.id, late=late.id, contacts=[t.id for t in tries], care=care.id,
                   snaps=[snaps[1].id, snaps[2].id], week=week.id)
    return ids


# --- targets ------------------------------------------------------------------------------


def test_the_supervisor_sets_targets_and_reads_them_back_audited(db, f, crew):
    rm, _other, sup = crew
    version = targets.set_targets(db, f.actor(sup), rm.id, dt.date(2026, 11, 17), GOOD, 0)
    view = targets.get_targets(db, f.actor(rm), rm.id, NOV)
    assert view.target == targets.Figures(2, 4, 10, 4, Decimal("1000000.50")) and view.version == version
    targets.set_targets(db, f.actor(sup), rm.id, NOV, {**GOOD, "contacts": 12}, version)
    assert targets.get_targets(db, f.actor(sup), rm.id, NOV).target.contacts == 12  # type: ignore[union-attr]
    with db.read() as s:
        events = s.execute(select(AuditEvent.action, AuditEvent.detail).where(AuditEvent.entity == "rm_target")
                           .order_by(AuditEvent.id)).all()
    assert events == [("create", "month=2026-11"), ("update", "month=2026-11")]


@pytest.mark.parametrize(("field", "value"), [
    ("contacts", -1), ("contacts", "十"), ("new_premium_clients", "2.5"), ("converted_referrals", ""),
    ("aum_growth", "-5"), ("aum_growth", "abc"), ("aum_growth", "1.234"), ("maintenance_contacts", None),
])
def test_bad_targets_are_refused_beside_the_field_and_nothing_is_written(db, f, crew, field, value):
    rm, _other, sup = crew
    with pytest.raises(ValidationError) as err:
        targets.set_targets(db, f.actor(sup), rm.id, NOV, {**GOOD, field: value}, 0)
    assert set(err.value.fields) == {field} and err.value.fields[field]
    with db.read() as s:
        assert s.scalar(select(RmTarget.id)) is None


def test_who_may_set_and_see_targets(db, f, crew):
    rm, other, sup = crew
    targets.set_targets(db, f.actor(sup), other.id, NOV, GOOD, 0)
    for role in (Role.RM, Role.TELLER, Role.LOBBY_MANAGER, Role.MARKETING, Role.ADMIN):
        with pytest.raises(PermissionDenied):
            targets.set_targets(db, f.actor(rm if role == Role.RM else f.staff(role)), rm.id, NOV, GOOD, 0)
    with pytest.raises(PermissionDenied):  # another RM's targets
        targets.get_targets(db, f.actor(rm), other.id, NOV)
    with pytest.raises(PermissionDenied):
        targets.progress(db, f.actor(f.staff(Role.LOBBY_MANAGER)), NOV)
    assert [p.rm_id for p in targets.progress(db, f.actor(rm), NOV)] == [rm.id]  # own only
    assert {p.rm_id for p in targets.progress(db, f.actor(sup), NOV)} == {rm.id, other.id}
    with pytest.raises(ValidationError):  # targets are for RMs
        targets.set_targets(db, f.actor(sup), sup.id, NOV, GOOD, 0)


def test_another_branchs_rm_is_not_found(db, f, crew):
    from models import Branch, BranchSettings
    from services import accounts

    rm, _other, sup = crew
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10, score_weights={},
                             interests=[]))
    far, _ = accounts.add_staff(db, f.system, staff_no="F0001", name="钱理财", role=Role.RM,
                                password="Passw0rd!", must_change_password=False, branch_code="0002")
    with pytest.raises(NotFound):  # an RM of another branch does not even see it exists
        targets.get_targets(db, f.actor(far), rm.id, NOV)
    with pytest.raises(NotFound):
        targets.set_targets(db, f.actor(sup), far.id, NOV, GOOD, 0)
    with pytest.raises(NotFound):
        assessment.assess(db, f.actor(sup), NOV, far.id)
    with pytest.raises(NotFound):
        assessment.add_item(db, f.actor(sup), far.id, NOV, 5, "other", "表现突出")


def test_a_stale_target_form_is_refused_naming_who_saved(db, f, crew, clock):
    rm, _other, sup = crew
    sup2 = f.staff(Role.SUPERVISOR)
    version = targets.set_targets(db, f.actor(sup), rm.id, NOV, GOOD, 0)
    targets.set_targets(db, f.actor(sup2), rm.id, NOV, {**GOOD, "contacts": 20}, version)
    with pytest.raises(Conflict) as err:
        targets.set_targets(db, f.actor(sup), rm.id, NOV, {**GOOD, "contacts": 30}, version)
    assert err.value.by == sup2.staff_no
    assert targets.get_targets(db, f.actor(sup), rm.id, NOV).target.contacts == 20  # type: ignore[union-attr]


def _race_ops(rm_id: int) -> dict[str, tuple[Any, Any]]:
    """Per write path: save with a value (n) from a version; read back (version, value)."""
    def weights_of(n: int) -> dict[str, int]:
        return {"marketing": n, "service": 60 - n, "process": 40, "bonus_cap": 20}

    return {
        "targets": (lambda db, a, n, ver: targets.set_targets(db, a, rm_id, NOV, {**GOOD, "contacts": n}, ver),
                    lambda db, a: (lambda v: (v.version, v.target.contacts))(targets.get_targets(db, a, rm_id, NOV))),
        "rating": (lambda db, a, n, ver: assessment.set_rating(db, a, rm_id, NOV, n, ver),
                   lambda db, a: (lambda r: (r.rating_version, r.rating))(assessment.assess(db, a, NOV, rm_id)[0])),
        "weights": (lambda db, a, n, ver: assessment.set_weights(db, a, weights_of(n), ver),
                    lambda db, a: (lambda w: (w.version, w.weights.marketing))(assessment.weights(db, a))),
    }


@pytest.mark.postgresql
@pytest.mark.parametrize("path", ["targets", "rating", "weights"])
def test_two_supervisors_racing_on_the_same_row(db, f, crew, monkeypatch, path):
    """Both load the same version and flush together: one saves, the other gets Conflict naming the winner."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    rm, _other, sup = crew
    sup2 = f.staff(Role.SUPERVISOR)
    save, read = _race_ops(rm.id)[path]
    version = save(db, f.actor(sup), 5, 0)
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

    def run(actor: Any, n: int) -> None:
        racing.on = True
        try:
            save(db, actor, n, version)
            outcomes[actor.staff_no] = None
        except BaseException as failure:  # the test reports whatever escaped
            outcomes[actor.staff_no] = failure

    threads = [threading.Thread(target=run, args=(f.actor(a), n)) for a, n in ((sup, 7), (sup2, 8))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [who for who, exc in outcomes.items() if exc is None]
    losers = [exc for exc in outcomes.values() if exc is not None]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], Conflict) and losers[0].by == winners[0]
    assert read(db, f.actor(sup)) == (version + 1, 7 if winners[0] == sup.staff_no else 8)


def test_progress_counts_recorded_work_and_names_each_record(db, f, crew):
    rm, other, sup = crew
    ids = _record_work(db, sup.branch_id, rm.id)
    targets.set_targets(db, f.actor(sup), rm.id, NOV, GOOD, 0)
    (mine,) = targets.progress(db, f.actor(rm), NOV)
    assert mine.actual == targets.Figures(1, 1, 3, 1, Decimal("300000.25"))  # 250000.25 + a first 50000
    assert [r.entity_id for r in mine.sources["new_premium_clients"]] == [ids["tier"]]
    assert mine.sources["new_premium_clients"][0].client == "王*明"  # masked
    assert [r.entity_id for r in mine.sources["converted_referrals"]] == [ids["converted"]]
    assert [r.entity_id for r in mine.sources["contacts"]] == ids["contacts"]
    assert [r.entity_id for r in mine.sources["maintenance_contacts"]] == [ids["care"]]
    assert [r.entity_id for r in mine.sources["aum_growth"]] == ids["snaps"]
    assert mine.ratio("contacts") == Decimal("0.3") and mine.ratio("new_premium_clients") == Decimal("0.5")
    theirs = targets.progress(db, f.actor(sup), NOV, other.id)[0]
    assert theirs.actual == targets.Figures() and theirs.target is None and theirs.ratio("contacts") is None


# --- the assessment -----------------------------------------------------------------------


def test_the_assessment_traces_each_figure_to_its_records(db, f, crew):
    rm, _other, sup = crew
    ids = _record_work(db, sup.branch_id, rm.id)
    targets.set_targets(db, f.actor(sup), rm.id, NOV, GOOD, 0)
    assessment.set_rating(db, f.actor(sup), rm.id, NOV, 7, 0)
    assessment.add_item(db, f.actor(sup), rm.id, NOV, 5, "retention", "挽留了客户 13812345678")
    (sheet,) = assessment.assess(db, f.actor(sup), NOV, rm.id)
    # marketing: 8 points a figure × (1/2, 1/4, 3/10, 1/4, 300000.25/1000000.50)
    assert sheet.figure("new_premium_clients").points == Decimal("4.0")
    assert sheet.figure("contacts").points == Decimal("2.4")
    assert sheet.figure("aum_growth").points == Decimal("2.4")
    assert sheet.marketing == Decimal("4.0") + Decimal("2.0") + Decimal("2.4") + Decimal("2.0") + Decimal("2.4")
    # service: both planned clients' calls and visits kept, no justified complaint — full marks
    assert sheet.figure("service_maintenance_plan").value == "2 / 2"
    assert sheet.figure("service_complaints").value == "0" and sheet.service == 20
    follow = sheet.figure("process_follow_ups")  # 1 overdue of 2 worked: half of 8
    assert [r.entity_id for r in follow.sources] == [ids["late"]] and follow.points == Decimal("4.0")
    weekly = sheet.figure("process_weekly")  # Fridays 11-06 on time, 11-13 missing; 11-20 17:30 not yet due
    assert [(r.entity_id, r.detail) for r in weekly.sources] == [(ids["week"], "按时"), (0, "未交")]
    assert weekly.points == Decimal("4.0")
    assert sheet.figure("process_rating").points == Decimal("5.6")
    assert sheet.figure("process_diary").points == 0 and sheet.figure("process_diary").note
    assert sheet.figure("process_maintenance_plan").points == Decimal("8.0")
    assert sheet.bonus == 5 and sheet.items[0].reason == "挽留了客户 13812345678"
    assert sheet.total == sheet.marketing + 20 + Decimal("4.0") + Decimal("4.0") + Decimal("8.0") + Decimal("5.6") + 5
    mine = assessment.assess(db, f.actor(rm), NOV)[0]  # the RM sees the same figures, not the reason
    assert mine.total == sheet.total and mine.items[0].reason is None
    with db.read() as s:
        detail = s.scalars(select(AuditEvent.detail).where(AuditEvent.entity == "assessment_item")).one()
        assert "138" not in (detail or "") and s.scalar(select(ReasonText.text)) == "挽留了客户 13812345678"


def test_bonus_items_are_capped_and_bad_ones_refused(db, f, crew):
    rm, other, sup = crew
    for bad, field in ((21, "points"), (-21, "points"), (0, "points"), ("x", "points")):
        with pytest.raises(ValidationError) as err:
            assessment.add_item(db, f.actor(sup), rm.id, NOV, bad, "other", "原因")
        assert set(err.value.fields) == {field}
    with pytest.raises(ValidationError) as err:
        assessment.add_item(db, f.actor(sup), rm.id, NOV, 5, "other", "  ")
    assert set(err.value.fields) == {"reason"}
    with pytest.raises(PermissionDenied):
        assessment.add_item(db, f.actor(rm), rm.id, NOV, 5, "other", "自评")
    for points in (20, 15):
        assessment.add_item(db, f.actor(sup), rm.id, NOV, points, "retention", "挽留")
    assessment.add_item(db, f.actor(sup), other.id, NOV, -20, "complaint", "有理投诉")
    sheets = {a.rm_id: a for a in assessment.assess(db, f.actor(sup), NOV)}
    assert sheets[rm.id].bonus == 20 and sheets[other.id].bonus == -20
    with pytest.raises(PermissionDenied):
        assessment.assess(db, f.actor(rm), NOV, other.id)


def test_rating_range_and_stale_rating(db, f, crew):
    rm, _other, sup = crew
    for bad in (-1, 11, "好", ""):
        with pytest.raises(ValidationError) as err:
            assessment.set_rating(db, f.actor(sup), rm.id, NOV, bad, 0)
        assert set(err.value.fields) == {"rating"}
    version = assessment.set_rating(db, f.actor(sup), rm.id, NOV, 10, 0)
    assessment.set_rating(db, f.actor(sup), rm.id, NOV, 8, version)
    with pytest.raises(Conflict):
        assessment.set_rating(db, f.actor(sup), rm.id, NOV, 9, version)
    assert assessment.assess(db, f.actor(sup), NOV, rm.id)[0].rating == 8


def test_weights_validated_versioned_audited_and_applied(db, f, crew):
    rm, _other, sup = crew
    assert assessment.weights(db, f.actor(sup)) == assessment.WeightsView(assessment.Weights(40, 20, 40, 20), 0)
    with pytest.raises(ValidationError) as err:
        assessment.set_weights(db, f.actor(sup), {"marketing": 50, "service": 20, "process": 40, "bonus_cap": 20}, 0)
    assert set(err.value.fields) == {"weights"}
    with pytest.raises(ValidationError) as err:
        assessment.set_weights(db, f.actor(sup), {"marketing": "四十", "service": 20, "process": 40,
                                                  "bonus_cap": 99}, 0)
    assert set(err.value.fields) == {"marketing", "bonus_cap"}
    with pytest.raises(PermissionDenied):
        assessment.set_weights(db, f.actor(rm), {"marketing": 50, "service": 10, "process": 40, "bonus_cap": 20}, 0)
    version = assessment.set_weights(db, f.actor(sup), {"marketing": 50, "service": 10, "process": 40,
                                                        "bonus_cap": 10}, 0)
    with pytest.raises(Conflict):
        assessment.set_weights(db, f.actor(sup), {"marketing": 40, "service": 20, "process": 40, "bonus_cap": 20}, 0)
    assert assessment.weights(db, f.actor(sup)).version == version
    assessment.add_item(db, f.actor(sup), rm.id, NOV, 15, "other", "表现突出")
    (sheet,) = assessment.assess(db, f.actor(sup), NOV, rm.id)
    assert sheet.bonus == 10 and sheet.figure("contacts").max_points == Decimal("10.00")
    with db.read() as s:
        assert s.scalar(select(AuditEvent.detail).where(AuditEvent.entity == "assessment_weights")) == (
            "marketing=50 service=10 process=40 bonus_cap=10")


def test_an_overdue_maintenance_call_and_a_justified_complaint_cost_service_points(db, f, crew):
    from services import complaints
    from services.complaints import ComplaintInput

    rm, _other, sup = crew
    _record_work(db, sup.branch_id, rm.id)
    with db.write() as s:  # a core client registered in October and never called since: overdue in November
        old = _client(s, sup.branch_id, rm.id, "钱多多")
        old.tier, old.created_at = Tier.CORE, dt.datetime(2026, 10, 1, 3, tzinfo=dt.timezone.utc)
        s.flush()
        old_id = old.id
    lobby = f.actor(f.staff(Role.LOBBY_MANAGER))
    cid = complaints.record_complaint(db, lobby, ComplaintInput(
        received_on=NOV + dt.timedelta(days=9), channel="phone", kind="service_attitude", content="态度不好",
        client_id=old_id))
    complaints.reply(db, lobby, cid, text="已致歉")
    complaints.close(db, lobby, cid, justified=True)
    (sheet,) = assessment.assess(db, f.actor(sup), NOV, rm.id)
    care = sheet.figure("service_maintenance_plan")
    assert care.value.endswith(" / 4") and care.points < 10
    assert {r.entity_id for r in care.sources} == {old_id}
    said = sheet.figure("service_complaints")
    assert said.value == "1" and said.points == Decimal("5.0") and [r.entity_id for r in said.sources] == [cid]
