"""The demo branch: every role and follow-up state, valid client data, consistent bookkeeping."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models import (
    Appointment,
    Channel,
    Client,
    ClientType,
    ContactAttempt,
    ContactResult,
    DayClose,
    Diversion,
    FinancialSnapshot,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    Referral,
    ReferralStatus,
    Role,
    Tier,
)
from services import accounts
from services import validation as v
from services.db import Database, make_engine
from services.demo import DemoResult, build_demo
from services.errors import ValidationError


def test_demo_builds_a_realistic_branch(db):
    """One build per engine, checked from four sides (a build takes seconds)."""
    demo = build_demo(db)
    check_staff(db, demo)
    check_clients(db, demo)
    check_referrals(db, demo)
    check_follow_ups(db, demo)


def check_staff(db: Database, demo: DemoResult) -> None:
    assert {a.role for a in demo.accounts} == set(Role) - {Role.HEAD_OFFICE}  # the head office is no branch's
    assert 10 <= len(demo.accounts) <= 14 and len({a.staff_no for a in demo.accounts}) == len(demo.accounts)
    for acc in demo.accounts:
        accounts.check_password_rules("password", acc.password)
    rm = next(a for a in demo.accounts if a.role == Role.RM)
    sign_in = accounts.authenticate(db, rm.staff_no, rm.password)
    assert not sign_in.must_change_password
    assert (demo.branch_code, demo.branch_name) == ("0001", "城东支行理财中心")


def check_clients(db: Database, demo: DemoResult) -> None:
    today = db.today()
    with db.read() as s:
        clients = s.scalars(select(Client)).all()
        snapshots = s.scalars(select(FinancialSnapshot)).all()
    assert len(clients) == demo.clients and 250 <= len(clients) <= 400
    assert len({c.mobile for c in clients}) == len(clients)
    with_id = [c for c in clients if c.id_number]
    assert len(with_id) > len(clients) // 2
    for c in clients:
        assert v.mobile("mobile", c.mobile) == c.mobile
        assert v.person_name("name", c.name) == c.name
    for c in with_id:
        assert v.id_number("id_number", c.id_number, today=today) == c.id_number
        assert c.gender == v.gender_of(c.id_number) and c.birth_date == v.birth_date_of(c.id_number)
    assert {c.tier for c in clients} == set(Tier)
    assert snapshots and all(isinstance(sn.aum, Decimal) and sn.aum > 0 for sn in snapshots)


def check_referrals(db: Database, demo: DemoResult) -> None:
    today = db.today()
    with db.read() as s:
        refs = s.scalars(select(Referral)).all()
        closes = s.scalars(select(DayClose)).all()
    assert len(refs) == demo.referrals and len(refs) >= 150
    assert min(r.business_date for r in refs) == today - dt.timedelta(days=29)
    assert max(r.business_date for r in refs) <= today
    assert all(r.created_at <= db.now() for r in refs)
    # Ordinary clients are diverted, not referred (docs/diversion.md): counted instead.
    assert {r.client_type for r in refs} == set(ClientType) - {ClientType.ORDINARY}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Diversion)) > 0
    assert {r.channel for r in refs} == set(Channel)
    assert {r.status for r in refs} == set(ReferralStatus)
    voided = [r for r in refs if r.voided_at is not None]
    assert voided and all(r.void_reason_id for r in voided)  # the text itself: reason_text
    referred = [r for r in refs if r.status == ReferralStatus.REFERRED and r.voided_at is None]
    confirmed = [r for r in referred if r.confirmed_at is not None]
    assert len(confirmed) > len(referred) * 0.7 and all(r.confirmed_by_id and r.met is not None for r in confirmed)
    assert any(r.deal and r.outcome_products and r.outcome_amount for r in confirmed)

    closed_days = {dc.business_date for dc in closes if dc.closed}
    assert today not in closed_days and today - dt.timedelta(days=1) not in closed_days
    assert len(closed_days) >= 20
    # A closed day has every referred client's outcome confirmed (docs/product.md "Workflow").
    assert all(r.confirmed_at is not None for r in referred if r.business_date in closed_days)


def check_follow_ups(db: Database, demo: DemoResult) -> None:
    today = db.today()
    with db.read() as s:
        fus = s.scalars(select(FollowUp)).all()
        attempts = dict(s.execute(select(ContactAttempt.follow_up_id, func.count())
                                  .group_by(ContactAttempt.follow_up_id)).all())
        results = set(s.scalars(select(ContactAttempt.result).distinct()))
        appointments = s.scalar(select(func.count()).select_from(Appointment))
        clients = {c.id: c for c in s.scalars(select(Client))}
        pending_refs = s.scalar(select(func.count()).select_from(Referral).where(Referral.status == "pending"))
    assert len(fus) == demo.follow_ups
    assert {fu.state for fu in fus} == set(FollowUpState)
    assert {fu.origin for fu in fus} == set(FollowUpOrigin)
    assert sum(fu.origin == FollowUpOrigin.REFERRAL for fu in fus) == pending_refs  # one per pending referral
    assert results == set(ContactResult) and appointments
    assert any(fu.state.is_open and fu.next_contact_date < today for fu in fus)  # some overdue
    for fu in fus:
        assert fu.attempts == attempts.get(fu.id, 0)
        if fu.state.is_open:
            assert fu.next_contact_date is not None and fu.closed_at is None
        else:
            assert fu.closed_at is not None and fu.closed_at <= db.now()
        client = clients[fu.client_id]
        if fu.state == FollowUpState.CONVERTED:
            assert client.tier in (Tier.CORE, Tier.ORDINARY_PREMIUM) and client.rm_id is not None
        if fu.state == FollowUpState.NOT_PREMIUM:
            assert client.judged_ordinary_by_id is not None and client.judged_ordinary_at is not None


def test_demo_refuses_a_database_that_has_staff(db, f):
    f.staff(Role.ADMIN)
    with pytest.raises(ValidationError) as err:
        build_demo(db)
    assert "database" in err.value.fields
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 0


def test_the_same_seed_gives_the_same_demo(sqlite_template, tmp_path, clock):
    def fingerprint(name: str, seed: int) -> list[tuple[object, ...]]:
        path = tmp_path / name
        shutil.copyfile(sqlite_template, path)
        db = Database(make_engine(f"sqlite:///{path}"), clock)
        try:
            build_demo(db, seed=seed)
            with db.read() as s:
                rows = s.execute(select(Referral.created_at, Client.name, Client.mobile, Referral.status)
                                 .join(Client, Client.id == Referral.client_id).order_by(Referral.id)).all()
            return [tuple(r) for r in rows]
        finally:
            db.dispose()

    first = fingerprint("a.sqlite3", 7)
    assert first and first == fingerprint("b.sqlite3", 7)
