"""Filing referrals: follow-ups, duplicate warnings, voids, closed days, bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from models import FollowUp, FollowUpState, Referral, Role
from services import referrals
from services.errors import Conflict, DayClosed, PermissionDenied, ValidationError
from services.referrals import ReferralInput


def test_pending_referral_opens_exactly_one_follow_up(db, f):
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    filed = f.referral(teller, rm, status="pending")
    with db.read() as s:
        fus = s.scalars(select(FollowUp)).all()
    assert len(fus) == 1
    assert fus[0].referral_id == filed.id and fus[0].state == FollowUpState.OPEN
    assert fus[0].rm_id == rm.id and fus[0].next_contact_date == dt.date(2026, 11, 21)
    assert filed.follow_up_id == fus[0].id


def test_referred_referral_opens_no_follow_up(db, f):
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    f.referral(teller, rm, status="referred")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 0


def test_duplicate_warning_for_client_referred_last_week(db, f, clock):
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    first = f.referral(teller, rm, mobile="13912345678")
    clock.advance(days=6)
    warnings = referrals.duplicate_warnings(db, f.actor(teller), mobile="139 1234 5678")
    assert [w.kind for w in warnings] == ["recent_referral"]
    assert warnings[0].by == teller.name
    second = f.referral(teller, rm, client_id=first.client_id)
    assert second.warnings and second.warnings[0].kind == "recent_referral"


def test_pending_without_contact_time_is_refused_and_nothing_written(db, f):
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    data = ReferralInput(client_type="to_win", status="pending", rm_id=rm.id, channel="lobby",
                         client_name="李四", client_mobile="13800001111")
    with pytest.raises(ValidationError) as err:
        referrals.file_referral(db, f.actor(teller), data)
    assert "contact_time" in err.value.fields
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 0


def test_every_bad_field_is_reported_at_once(db, f):
    teller = f.staff(Role.TELLER)
    data = ReferralInput(client_type="vip", status="maybe", rm_id=teller.id, channel="fax",
                         client_name="123", client_mobile="12345", client_id_number="340104199001011234",
                         note="x" * 501)
    with pytest.raises(ValidationError) as err:
        referrals.file_referral(db, f.actor(teller), data)
    assert set(err.value.fields) == {"client_type", "status", "rm", "channel", "client_name", "client_mobile",
                                     "client_id_number", "note"}


@pytest.mark.parametrize("text", ["Robert'); DROP TABLE referral;--", '说"好的"🙂', "1 OR 1=1"])
def test_sql_quotes_and_emoji_in_notes_are_stored_literally(db, f, text):
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    filed = f.referral(teller, rm, note=text)
    with db.read() as s:
        assert s.get(Referral, filed.id).note == text


def test_admin_may_not_file(db, f):
    admin, rm = f.staff(Role.ADMIN), f.staff(Role.RM)
    with pytest.raises(PermissionDenied):
        f.referral(admin, rm)


def test_void_needs_reason_and_keeps_row(db, f):
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    filed = f.referral(teller, rm, status="pending")
    with pytest.raises(ValidationError):
        referrals.void_referral(db, f.actor(teller), filed.id, "  ")
    referrals.void_referral(db, f.actor(teller), filed.id, "重复录入")
    rows = referrals.list_referrals(db, f.actor(teller), dt.date(2026, 11, 20))
    assert len(rows) == 1 and rows[0].voided and rows[0].void_reason == "重复录入"
    with db.read() as s:
        assert s.scalars(select(FollowUp)).one().state == FollowUpState.ABANDONED


def test_second_save_with_stale_version_is_refused(db, f):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    filed = f.referral(lobby, rm)
    row = referrals.list_referrals(db, f.actor(lobby), None)[0]
    referrals.update_referral(db, f.actor(lobby), filed.id, row.version, note="第一次")
    with pytest.raises(Conflict):
        referrals.update_referral(db, f.actor(lobby), filed.id, row.version, note="第二次")


def test_closed_day_refuses_new_referrals(db, f):
    from models import DayClose

    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    with db.write() as s:
        s.add(DayClose(branch_id=teller.branch_id, business_date=dt.date(2026, 11, 20), closed=True))
    with pytest.raises(DayClosed):
        f.referral(teller, rm)


def test_teller_sees_masked_mobile(db, f):
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    f.referral(teller, rm, mobile="13812345678")
    row = referrals.list_referrals(db, f.actor(teller), None)[0]
    assert row.client_mobile == "138****5678"
