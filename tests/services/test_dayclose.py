"""Day close: the day closes only when complete, a closed day refuses edits, close/reopen are audited."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models import AuditEvent, Client, DayClose, FollowUp, FollowUpState, Referral, ReferralStatus, Role
from services import dayclose, reasons, referrals
from services.errors import Conflict, DayClosed, PermissionDenied, ValidationError
from services.referrals import ReferralInput

TODAY = dt.date(2026, 11, 20)  # the FakeClock's branch day


@pytest.fixture
def branch_day(f):  # type: ignore[no-untyped-def]
    """A lobby manager, a supervisor, two RMs and a day with two referred, one pending, one voided referral."""
    lobby, sup = f.staff(Role.LOBBY_MANAGER, name="赵大堂"), f.staff(Role.SUPERVISOR, name="钱主管")
    rm1, rm2 = f.staff(Role.RM, name="孙理财"), f.staff(Role.RM, name="李理财")
    a = f.referral(lobby, rm1, name="周一一", mobile="13812345678")
    b = f.referral(lobby, rm2, name="吴二二")
    p = f.referral(lobby, rm1, status="pending", name="郑三三")
    x = f.referral(lobby, rm2, name="王四四")
    referrals.void_referral(f.db, f.actor(lobby), x.id, "重复录入")
    return dataclasses.make_dataclass("Day", ["lobby", "sup", "rm1", "rm2", "a", "b", "p", "x"])(
        f.actor(lobby), f.actor(sup), f.actor(rm1), f.actor(rm2), a, b, p, x)


def _snapshot(db) -> list[tuple]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        rows = s.scalars(select(Referral).order_by(Referral.id)).all()
        return [(r.id, r.version, r.status, r.met, r.deal, r.outcome_products, r.outcome_amount, r.note,
                 r.channel, r.voided_at, r.confirmed_at) for r in rows]


def _audit(db, action: str) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action,
                                                       AuditEvent.entity == "day_close")))


def test_cannot_close_while_referred_clients_lack_confirmation_and_the_error_names_the_count(db, branch_day):
    d = branch_day
    with pytest.raises(ValidationError) as err:
        dayclose.close_day(db, d.lobby, TODAY)
    assert "2" in err.value.fields["day"]  # a and b; the pending and the voided one do not count
    rec = dayclose.reconciliation(db, d.lobby, TODAY)
    assert not rec.closed and rec.missing == 2
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(DayClose)) == 0
    assert _audit(db, "close") == []


def test_day_closes_once_every_referred_client_is_confirmed(db, branch_day):
    d = branch_day
    dayclose.record_outcome(db, d.lobby, d.a.id, met=True, deal=True, products="基金", amount="50000")
    # What the RM recorded in their own queue counts as confirmed too.
    referrals.record_outcome(db, d.rm2, d.b.id, met=True, deal=False)
    rec = dayclose.reconciliation(db, d.lobby, TODAY)
    assert rec.missing == 0 and rec.confirmed == 2
    by_id = {ln.referral_id: ln for ln in rec.lines}
    assert by_id[d.a.id].confirmed_by == "赵大堂" and not by_id[d.a.id].confirmed_by_rm
    assert by_id[d.b.id].confirmed_by == "李理财" and by_id[d.b.id].confirmed_by_rm
    state = dayclose.close_day(db, d.lobby, TODAY, version=rec.version)
    assert state.closed and state.closed_by == "赵大堂" and state.close_reason is None
    rec = dayclose.reconciliation(db, d.lobby, TODAY)
    assert rec.closed and rec.closed_at == db.now()
    with db.read() as s:
        assert referrals.day_is_closed(s, d.lobby.branch_id, TODAY)


def test_supervisor_may_force_close_with_a_reason(db, branch_day):
    d = branch_day
    with pytest.raises(ValidationError) as err:
        dayclose.close_day(db, d.sup, TODAY, force_reason="   ")
    assert "close_reason" in err.value.fields
    state = dayclose.close_day(db, d.sup, TODAY, force_reason="孙理财外出，明日补录")
    assert state.closed and state.close_reason == "孙理财外出，明日补录" and state.closed_by == "钱主管"
    [event] = _audit(db, "close")
    assert "missing=2" in event.detail and "forced" in event.detail and event.actor_staff_no == d.sup.staff_no


def test_lobby_manager_cannot_force_close(db, branch_day):
    d = branch_day
    with pytest.raises(PermissionDenied):
        dayclose.close_day(db, d.lobby, TODAY, force_reason="RM 已下班")
    assert not dayclose.reconciliation(db, d.lobby, TODAY).closed


def test_reopen_needs_the_supervisor_and_a_reason(db, branch_day):
    d = branch_day
    dayclose.close_day(db, d.sup, TODAY, force_reason="月末")
    with pytest.raises(PermissionDenied):
        dayclose.reopen_day(db, d.lobby, TODAY, "补录营销成果")
    with pytest.raises(ValidationError) as err:
        dayclose.reopen_day(db, d.sup, TODAY, "")
    assert "reopen_reason" in err.value.fields
    assert dayclose.reconciliation(db, d.lobby, TODAY).closed
    state = dayclose.reopen_day(db, d.sup, TODAY, "补录营销成果")
    assert not state.closed and state.reopened_by == "钱主管" and state.reopen_reason == "补录营销成果"
    # Open again: the missing outcome can be recorded and the day closed normally.
    dayclose.record_outcome(db, d.lobby, d.a.id, met=False, deal=False)
    dayclose.record_outcome(db, d.lobby, d.b.id, met=True, deal=False)
    assert dayclose.close_day(db, d.lobby, TODAY).closed


def test_a_closed_day_refuses_every_change_and_nothing_changes(db, f, branch_day):
    d = branch_day
    dayclose.record_outcome(db, d.lobby, d.a.id, met=True, deal=False)
    dayclose.record_outcome(db, d.lobby, d.b.id, met=True, deal=False)
    dayclose.close_day(db, d.lobby, TODAY)
    before = _snapshot(db)
    with db.read() as s:
        clients_before = s.scalar(select(func.count()).select_from(Client))
        follow_ups_before = [(fu.id, fu.state, fu.version) for fu in s.scalars(select(FollowUp))]
    version_a = next(ln.version for ln in dayclose.reconciliation(db, d.lobby, TODAY).lines
                     if ln.referral_id == d.a.id)

    with pytest.raises(DayClosed):
        f.referral(f.staff(Role.TELLER), f.staff(Role.RM), name="冯新新")
    with pytest.raises(DayClosed):
        referrals.void_referral(db, d.lobby, d.p.id, "录错了")
    with pytest.raises(DayClosed):
        referrals.update_referral(db, d.lobby, d.a.id, version_a, note="改一下")
    with pytest.raises(DayClosed):
        referrals.record_outcome(db, d.rm1, d.a.id, met=True, deal=True, products="保险", amount="1000")
    with pytest.raises(DayClosed):
        dayclose.record_outcome(db, d.lobby, d.b.id, met=True, deal=True, products="基金", amount="1")

    assert _snapshot(db) == before
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == clients_before
        assert [(fu.id, fu.state, fu.version) for fu in s.scalars(select(FollowUp))] == follow_ups_before


def test_a_closed_past_day_refuses_a_late_referral_for_it(db, f, clock):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    yesterday = TODAY - dt.timedelta(days=1)
    dayclose.close_day(db, f.actor(lobby), yesterday)  # nothing was filed: an empty day is complete
    data = ReferralInput(client_type="to_win", status="referred", rm_id=rm.id, channel="lobby",
                         client_name="陈补录", client_mobile="13900001111", business_date=yesterday)
    with pytest.raises(DayClosed):
        referrals.file_referral(db, f.actor(lobby), data)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 0
    # Today is another day and stays open.
    assert referrals.file_referral(db, f.actor(lobby), dataclasses.replace(data, business_date=None)).id


def test_close_and_reopen_are_audited_without_personal_data(db, branch_day):
    d = branch_day
    dayclose.close_day(db, d.sup, TODAY, force_reason="系统维护")
    dayclose.reopen_day(db, d.sup, TODAY, "补录")
    [closed], [reopened] = _audit(db, "close"), _audit(db, "reopen")
    assert closed.actor_staff_no == reopened.actor_staff_no == d.sup.staff_no
    assert closed.entity_id == reopened.entity_id
    assert "date=2026-11-20" in closed.detail and "date=2026-11-20" in reopened.detail
    # The typed reasons are kept apart and only pointed to (docs/audit.md "Reasons").
    for text in (closed.detail, reopened.detail):
        assert "周一一" not in text and "13812345678" not in text and "补录" not in text and "系统维护" not in text
    assert reasons.read(db, d.sup, closed.reason_id) == "系统维护"
    assert reasons.read(db, d.sup, reopened.reason_id) == "补录"


def test_future_day_already_closed_and_not_closed_are_refused(db, branch_day):
    d = branch_day
    with pytest.raises(ValidationError) as err:
        dayclose.close_day(db, d.sup, TODAY + dt.timedelta(days=1), force_reason="提前")
    assert "day" in err.value.fields
    dayclose.close_day(db, d.sup, TODAY, force_reason="提前下班")
    with pytest.raises(Conflict):
        dayclose.close_day(db, d.sup, TODAY, force_reason="再关一次")
    with pytest.raises(Conflict):
        dayclose.reopen_day(db, d.sup, TODAY - dt.timedelta(days=3), "并未关闭")


def test_closing_from_a_stale_view_is_refused(db, branch_day):
    d = branch_day
    seen = dayclose.reconciliation(db, d.lobby, TODAY)
    dayclose.close_day(db, d.sup, TODAY, force_reason="先关")
    later = dayclose.reconciliation(db, d.sup, TODAY)
    dayclose.reopen_day(db, d.sup, TODAY, "重开", version=later.version)
    with pytest.raises(Conflict):
        dayclose.reopen_day(db, d.sup, TODAY, "又重开", version=later.version)
    assert seen.version is None  # nobody had closed it when the lobby manager looked
    # The day is open again, but from the view before the reopen: refused, naming who changed it.
    with pytest.raises(Conflict) as err:
        dayclose.close_day(db, d.sup, TODAY, force_reason="再关", version=later.version)
    assert d.sup.staff_no in str(err.value)
    assert not dayclose.reconciliation(db, d.lobby, TODAY).closed


def test_reconciliation_lines_show_outcome_follow_up_and_masking(db, branch_day):
    d = branch_day
    dayclose.record_outcome(db, d.lobby, d.a.id, met=True, deal=True, products="理财产品、基金", amount="200000.50")
    rec = dayclose.reconciliation(db, d.lobby, TODAY)
    assert (rec.referred, rec.confirmed, rec.missing, rec.pending, rec.pending_with_follow_up, rec.voided) == \
        (2, 1, 1, 1, 1, 1)
    by_id = {ln.referral_id: ln for ln in rec.lines}
    a, p, x = by_id[d.a.id], by_id[d.p.id], by_id[d.x.id]
    assert [ln.referral_id for ln in rec.lines] == [d.a.id, d.b.id, d.p.id, d.x.id]
    assert a.client_name == "周一一" and a.client_mobile == "138****5678"
    # The lobby manager sees deal and products, never the client's amount — not even one they entered.
    assert a.products == "理财产品、基金" and a.amount is None and a.amount_text == "***" and a.rm_name == "孙理财"
    assert not a.missing and by_id[d.b.id].missing
    assert p.status == ReferralStatus.PENDING and p.follow_up_state == FollowUpState.OPEN
    assert p.follow_up_next == TODAY + dt.timedelta(days=1) and not p.follow_up_overdue and not p.missing
    assert x.voided and x.void_reason == "重复录入" and not x.missing
    # The supervisor sees the amount, but the mobile masked too: full values only on the profile's
    # audited reveal (docs/permissions.md "Lists"); other roles may not open the sheet.
    sup_line = next(ln for ln in dayclose.reconciliation(db, d.sup, TODAY).lines if ln.referral_id == d.a.id)
    assert sup_line.client_mobile == "138****5678"
    assert sup_line.amount == Decimal("200000.50") and sup_line.amount_text == "200,000.50"
    with pytest.raises(PermissionDenied):
        dayclose.reconciliation(db, d.rm1, TODAY)


def test_recording_an_outcome_checks_its_fields(db, branch_day):
    d = branch_day
    with pytest.raises(ValidationError) as err:
        dayclose.record_outcome(db, d.lobby, d.a.id, met=True, deal=True, products="", amount="1")
    assert "products" in err.value.fields
    with pytest.raises(ValidationError) as err:
        dayclose.record_outcome(db, d.lobby, d.a.id, met=True, deal=True, products="基金", amount="12.345")
    assert "amount" in err.value.fields
    with pytest.raises(ValidationError) as err:
        dayclose.record_outcome(db, d.lobby, d.p.id, met=True, deal=False)
    assert "status" in err.value.fields
    with pytest.raises(ValidationError):
        dayclose.record_outcome(db, d.lobby, d.x.id, met=True, deal=False)  # voided
    # Not met means no deal, whatever was ticked: products and amount are dropped.
    dayclose.record_outcome(db, d.lobby, d.a.id, met=False, deal=True, products="基金", amount="100")
    a = next(ln for ln in dayclose.reconciliation(db, d.lobby, TODAY).lines if ln.referral_id == d.a.id)
    assert a.met is False and a.deal is False and a.products is None and a.amount is None


def test_a_referral_cannot_slip_into_a_day_being_closed(db, f):
    """PostgreSQL: filing waits on the day's lock while a close is in flight, then is refused."""
    import threading

    from models import DayClose, Role
    from services.errors import DayClosed
    from services.referrals import lock_day

    if db.dialect != "postgresql":
        pytest.skip("SQLite writers already queue on the database's write lock")
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    outcome: list[BaseException | None] = []

    def file_one() -> None:
        try:
            f.referral(lobby, rm)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    with db.write() as s:  # a close in progress: holds the day's lock exclusively until commit
        lock_day(s, lobby.branch_id, db.today(), exclusive=True)
        worker = threading.Thread(target=file_one)
        worker.start()
        worker.join(0.5)
        assert worker.is_alive(), "filing should wait for the close to finish"
        s.add(DayClose(branch_id=lobby.branch_id, business_date=db.today(), closed=True))
    worker.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], DayClosed)
