"""The supervisor's audit review (docs/audit.md "Review"): filters who, what, when; newest first by keyset."""

from __future__ import annotations

import datetime as dt

import pytest

from models import Role
from services import audit, diversion, referrals
from services.audit import ReviewFilter
from services.errors import PermissionDenied


@pytest.fixture
def history(db, f, clock):  # type: ignore[no-untyped-def]
    lobby = f.staff(Role.LOBBY_MANAGER, staff_no="L01")
    teller = f.staff(Role.TELLER, staff_no="T01")
    rm = f.staff(Role.RM, staff_no="R01")
    sup = f.staff(Role.SUPERVISOR, staff_no="S01")
    filed = f.referral(lobby, rm, mobile="13812345678")  # Friday 20th
    clock.advance(days=1)  # Saturday 21st
    referrals.void_referral(db, f.actor(lobby), filed.id, "客户13812345678重复录入")
    diversion.record(db, f.actor(teller), "counter")
    clock.advance(days=2)  # Monday 23rd
    diversion.record(db, f.actor(lobby), "self_service")
    return f.actor(sup)


def test_newest_first_in_keyset_windows_that_join_up(db, history):
    everything = audit.review(db, history, limit=1000)
    ids = [e.id for e in everything]
    assert ids == sorted(ids, reverse=True) and len(ids) >= 5
    pages, before = [], None
    while True:
        window = audit.review(db, history, before_id=before, limit=2)
        if not window:
            break
        pages += [e.id for e in window]
        before = window[-1].id
    assert pages == ids


def test_filters_who_what_when(db, history):
    mine = audit.review(db, history, ReviewFilter(staff_no="L01"))
    assert mine and {e.staff_no for e in mine} == {"L01"}
    assert {e.action for e in mine} >= {"void", "create"}
    voids = audit.review(db, history, ReviewFilter(action="void"))
    assert [(e.action, e.entity) for e in voids] == [("void", "referral")]
    saturday = audit.review(db, history, ReviewFilter(since=dt.date(2026, 11, 21), until=dt.date(2026, 11, 21)))
    assert sorted((e.staff_no, e.action, e.entity) for e in saturday) == [
        ("L01", "void", "referral"), ("T01", "create", "diversion")]
    monday_on = audit.review(db, history, ReviewFilter(since=dt.date(2026, 11, 23)))
    assert [(e.staff_no, e.entity) for e in monday_on] == [("L01", "diversion")]
    both = audit.review(db, history, ReviewFilter(staff_no="T01", action="create", until=dt.date(2026, 11, 20)))
    assert both == []


def test_no_personal_data_in_what_the_review_shows(db, history):
    text = "\n".join(e.text() for e in audit.review(db, history, limit=1000))
    assert "13812345678" not in text and "重复录入" not in text and "王小明" not in text


def test_choices_list_the_branchs_staff_and_actions(db, history):
    people, actions = audit.review_choices(db, history)
    assert {"L01", "T01", "R01", "S01"} <= {no for no, _ in people}
    assert {"void", "create"} <= set(actions)


@pytest.mark.parametrize("role", [Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.MARKETING])
def test_only_supervisor_and_administrator_review(db, f, history, role):
    with pytest.raises(PermissionDenied):
        audit.review(db, f.actor(f.staff(role)))
    assert audit.review(db, f.actor(f.staff(Role.ADMIN)), limit=1)
