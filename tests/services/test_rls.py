"""The branch boundary in PostgreSQL itself (docs/row-level-security.md).

The application connects as ``lobbydesk_app`` (made here with migrations/roles.sql, as a
bank would) to a database holding two branches with the same full history; every
query below is deliberately unfiltered, so only row-level security keeps branch B's
rows from branch A. SQLite holds one branch a file and has no roles: skipped there.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import CursorResult, Engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models import (
    Base,
    BranchSettings,
    Client,
    ContactPlan,
    FinancialSnapshot,
    ReasonText,
    Referral,
    ScoreSettings,
    Staff,
    TierChange,
    WeeklySummary,
)
from services import accounts, assessment, headoffice, stats
from services.db import Database, make_engine
from services.demo import DemoResult, build_demo
from services.errors import AuthError, ValidationError
from services.notify import ChangeFeed
from services.permissions import Actor
from tests.conftest import FakeClock
from tests.services.test_notify import _drain, _eventually

ROOT = Path(__file__).resolve().parents[2]
APP_PASSWORD = "app-secret-of-the-bank"
OFFSET = 1_000_000  # branch B's copy of every row: the same ids plus this

# Every table with row-level security (migration 0021), and the ones without (no branch's data).
RLS_TABLES = ("staff", "client", "financial_snapshot", "referral", "follow_up", "contact_attempt", "appointment",
              "contact_plan", "maintenance_record", "day_close", "reason_text", "audit_event", "branch_settings",
              "weekly_summary", "tier_change", "score_settings", "assessment_result")
NO_RLS = {"branch", "import_batch"}
CLIENT_DATA = ("client", "financial_snapshot", "reason_text", "tier_change", "weekly_summary")
APPEND_ONLY = ("audit_event", "reason_text")


def _psql() -> str:
    found = shutil.which("psql") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))), None)
    if found is None:
        if os.environ.get("LOBBYDESK_REQUIRE_PG"):  # CI: the boundary's tests must run, not skip
            pytest.fail("psql (the PostgreSQL client) is needed to set up the roles")
        pytest.skip("psql is not installed")
    return str(found)


def make_roles(url: str) -> None:
    """Run migrations/roles.sql against the test server (a superuser URL), as the README tells a bank."""
    u = make_url(url)
    cmd = [_psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", f"dbname={u.database}",
           "-v", "owner_password=owner-secret", "-v", f"app_password={APP_PASSWORD}",
           "-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres", "-d", "postgres",
           "-f", str(ROOT / "migrations" / "roles.sql")]
    subprocess.run(cmd, check=True, capture_output=True, env={"PGPASSWORD": u.password or "", "PATH": "/usr/bin"})


def _copy_branch(engine: Engine, source: int) -> int:
    """Branch B: a copy of every row of branch ``source`` (ids + OFFSET), with its own staff numbers."""
    with engine.begin() as conn:
        target = conn.scalar(text("INSERT INTO branch (code, name) VALUES ('0099', '第二支行') RETURNING id"))
        # The copy goes in as the owner; the child tables' triggers would look the parent up: off meanwhile.
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        for table in Base.metadata.sorted_tables:
            if table.name in NO_RLS or table.name == "audit_event" or "branch_id" not in table.c:
                continue
            cols, values = [], []
            for col in table.c:
                cols.append(col.name)
                refers = {fk.column.table.name for fk in col.foreign_keys}
                if col.name == "branch_id":
                    values.append(":target")
                elif col.name == "id" or (refers and refers != {"branch"}):
                    values.append(f"{col.name} + {OFFSET}")
                elif table.name == "staff" and col.name == "staff_no":
                    values.append("'B' || staff_no")
                else:
                    values.append(col.name)
            conn.execute(text(f"INSERT INTO {table.name} ({', '.join(cols)}) SELECT {', '.join(values)} "
                              f"FROM {table.name} WHERE branch_id = :source"), {"source": source, "target": target})
    return int(target)


@dataclass
class World:
    owner: Database  # the superuser the tests run as: no row-level security
    app: Database  # lobbydesk_app
    a: int
    b: int  # a copy of branch a
    demo: DemoResult


@pytest.fixture
def two_branches(db_url: str, clock: FakeClock) -> Iterator[World]:
    if db_url.startswith("sqlite"):
        pytest.skip("row-level security is PostgreSQL's: a SQLite file holds one branch and has no roles")
    owner = Database(make_engine(db_url), clock)
    demo = build_demo(owner)
    with owner.read() as s:
        a = s.scalar(select(Staff.branch_id).limit(1))
    assert a is not None
    with owner.write() as s:  # what the demo does not write: a week's plan, a weekly summary, a tier move
        rm, client = s.execute(select(Client.rm_id, Client.id).where(Client.rm_id.is_not(None)).limit(1)).one()
        today = owner.today()
        s.add(ContactPlan(branch_id=a, rm_id=rm, client_id=client, planned_date=today, kind="call", version=1,
                          created_at=owner.now()))
        s.add(WeeklySummary(branch_id=a, rm_id=rm, week_start=today - dt.timedelta(days=today.weekday()),
                            findings="本周跟进顺利", figures={}, submitted_at=owner.now(), submitted_by_id=rm,
                            version=1))
        s.add(TierChange(branch_id=a, client_id=client, at=owner.now(), old_tier="none", new_tier="potential",
                         old_score=10, new_score=40, cause="snapshot"))
        s.add(ScoreSettings(branch_id=a, weights={}, bands={}, core_premium_min=90, ordinary_premium_min=70,
                            potential_min=40, to_win_elsewhere_min=Decimal("500000"), version=1))
    # The month's assessment as branch A's supervisor submitted it (staff figures; the head office reads them).
    with owner.read() as s:
        boss = s.scalars(select(Staff).where(Staff.branch_id == a, Staff.role == "supervisor")).first()
        assert boss is not None
        boss_actor = Actor(boss.id, boss.staff_no, boss.name, "supervisor", a)
    assessment.submit(owner, boss_actor, owner.today(), 0)
    b = _copy_branch(owner.engine, a)
    # A few audit events of branch B's own (the copy leaves the chained log alone).
    accounts.add_staff(owner, Actor.system(b), staff_no="B9001", name="新员工", role="teller",
                       password="Secret-123456")
    make_roles(db_url)
    app_url = make_url(db_url).set(username="lobbydesk_app", password=APP_PASSWORD)
    app = Database(make_engine(app_url.render_as_string(hide_password=False)), clock)
    try:
        yield World(owner, app, a, b, demo)
    finally:
        app.dispose()
        owner.dispose()


def _counts(db: Database, table: str) -> dict[int, int]:
    with db.read() as s:
        return {int(bid): int(n) for bid, n in s.execute(
            text(f"SELECT branch_id, count(*) FROM {table} GROUP BY branch_id")) if bid is not None}


def test_the_app_role_owns_nothing_and_cannot_bypass_the_policies(two_branches: World) -> None:
    app = two_branches.app
    with app.read() as s:
        role = s.execute(text("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")).one()
        owned = s.scalar(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                              "AND tableowner = current_user"))
        unprotected = set(s.scalars(text("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                                         "AND relkind = 'r' AND NOT relrowsecurity")))
    assert tuple(role) == (False, False) and owned == 0
    # Every table with a branch_id column is protected, a new one too (one enable_branch_rls call in its
    # migration); the tables left open hold no branch's data.
    with_branch = {t.name for t in Base.metadata.sorted_tables if "branch_id" in t.c}
    assert set(RLS_TABLES) <= with_branch
    assert not with_branch & unprotected, f"branch data without row-level security: {with_branch & unprotected}"
    assert NO_RLS | {"alembic_version"} <= unprotected


def test_branch_a_cannot_read_or_change_any_row_of_branch_b(two_branches: World) -> None:
    owner = two_branches.owner
    app = two_branches.app
    a, b = two_branches.a, two_branches.b
    app.bind_scope(a)
    for table in RLS_TABLES:
        truth = _counts(owner, table)
        assert truth.get(a, 0) > 0 and truth.get(b, 0) > 0, f"{table}: the test means nothing without rows in both"
        with app.read() as s:
            seen = s.execute(text(f"SELECT branch_id, count(*) FROM {table} GROUP BY branch_id")).all()
            unowned = _null_events(owner, table)  # the audit log's events of no branch: everyone's
            assert dict(seen) == {a: truth[a]} | ({None: unowned} if unowned else {}), table
            assert s.scalar(text(f"SELECT count(*) FROM {table} WHERE branch_id = :b"), {"b": b}) == 0, table
        if table in APPEND_ONLY:
            for sql in (f"UPDATE {table} SET branch_id = branch_id", f"DELETE FROM {table} WHERE branch_id = {b}"):
                with pytest.raises(DBAPIError, match="permission denied"), app.read() as s:
                    s.execute(text(sql))
        else:
            with app.read() as s:  # never committed: closing the unit rolls it back
                # Unfiltered: touches branch A's rows only.
                assert _rowcount(s, f"UPDATE {table} SET branch_id = branch_id") == truth[a], table
                assert _rowcount(s, f"UPDATE {table} SET branch_id = {a} WHERE branch_id = {b}") == 0, table
                assert _rowcount(s, f"DELETE FROM {table} WHERE branch_id = {b}") == 0, table
        assert _counts(owner, table) == truth, table


def _rowcount(s: Session, sql: str) -> int:
    result = s.execute(text(sql))
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


def _null_events(owner: Database, table: str) -> int:
    if table != "audit_event":
        return 0
    with owner.read() as s:
        return int(s.scalar(text("SELECT count(*) FROM audit_event WHERE branch_id IS NULL")) or 0)


def test_unfiltered_orm_queries_see_only_the_own_branch(two_branches: World) -> None:
    owner = two_branches.owner
    app = two_branches.app
    a, b = two_branches.a, two_branches.b
    app.bind_scope(b)
    with app.read() as s:
        clients = s.execute(select(Client)).scalars().all()
        referrals = s.scalars(select(Referral)).all()
    assert clients and {c.branch_id for c in clients} == {b}
    assert referrals and {r.branch_id for r in referrals} == {b}
    with app.read() as s:  # never committed
        s.execute(text("DELETE FROM contact_plan"))  # no WHERE: B's plans only
        assert s.scalar(text("SELECT count(*) FROM contact_plan")) == 0
    with owner.read() as s:
        assert s.scalar(text("SELECT count(DISTINCT branch_id) FROM contact_plan")) == 2
    with app.scoped(a), app.read() as s:
        assert {c.branch_id for c in s.scalars(select(Client))} == {a}


def test_no_row_is_written_into_another_branch(two_branches: World) -> None:
    app = two_branches.app
    a, b = two_branches.a, two_branches.b
    app.bind_scope(a)
    with app.read() as s:
        b_follow_up = s.scalar(text("SELECT id FROM follow_up WHERE branch_id = :b LIMIT 1"), {"b": b})
    assert b_follow_up is None
    with pytest.raises(DBAPIError, match="row-level security"), app.write() as s:
        s.execute(text("INSERT INTO reason_text (branch_id, at, text) VALUES (:b, now(), 'x')"), {"b": b})
    # A child row pointing at B's parent: the trigger looks the parent up under A's scope and finds none.
    with app.scoped(b), app.read() as s:
        fu, staff = s.execute(text("SELECT id, rm_id FROM follow_up LIMIT 1")).one()
    with pytest.raises(DBAPIError, match="no follow_up"), app.write() as s:
        s.execute(text("INSERT INTO contact_attempt (follow_up_id, staff_id, channel, at, result) "
                       "VALUES (:fu, :st, 'phone', now(), 'no_answer')"), {"fu": fu, "st": staff})


def test_without_a_scope_the_app_sees_no_branch_rows(two_branches: World) -> None:
    owner = two_branches.owner
    app = two_branches.app
    app.bind_scope(None)
    with app.read() as s:
        for table in RLS_TABLES:
            n = s.scalar(text(f"SELECT count(*) FROM {table} WHERE branch_id IS NOT NULL"))
            # Staff only: sign-in looks a person up before their branch is known (no client data there).
            assert n == (sum(_counts(owner, "staff").values()) if table == "staff" else 0), table


def test_the_head_office_reads_consolidated_figures_and_no_client(two_branches: World, clock: FakeClock) -> None:
    owner = two_branches.owner
    app = two_branches.app
    a, b = two_branches.a, two_branches.b
    first = clock.now.date().replace(day=1)
    expected = stats.monthly(owner, Actor.system(a), first, all_branches=True)
    app.bind_scope(None, head_office=True)
    sheet = stats.monthly(app, Actor.system(a), first, all_branches=True)
    assert sheet.branch_count == 2
    assert sheet.referrer_totals == expected.referrer_totals and sheet.rm_totals == expected.rm_totals
    assert sheet.referrer_totals.values() == tuple(2 * v for v in stats.monthly(
        owner, Actor.system(a), first).referrer_totals.values())  # B is A's copy: twice one branch
    with app.read() as s:
        assert s.execute(select(Client).where(Client.branch_id == b)).first() is None
        assert s.execute(select(FinancialSnapshot).where(FinancialSnapshot.branch_id == b)).first() is None
        assert s.execute(select(ReasonText).where(ReasonText.branch_id == b)).first() is None
        for table in CLIENT_DATA:
            assert s.scalar(text(f"SELECT count(*) FROM {table}")) == 0, table
        assert s.scalar(text("SELECT count(DISTINCT branch_id) FROM referral")) == 2
    with app.write() as s:  # adding a branch: the branch, then its settings as that branch's row
        new = s.scalar(text("INSERT INTO branch (code, name) VALUES ('0100', '新支行') RETURNING id"))
        app.act_for(s, new)
        s.add(BranchSettings(branch_id=new, abandon_after_attempts=3, idle_lock_minutes=10, score_weights={},
                             interests=[]))
    with pytest.raises(DBAPIError, match="permission denied"), app.write() as s:  # otherwise it only reads
        s.execute(text("INSERT INTO day_close (branch_id, business_date, version) VALUES (:b, '2026-01-05', 1)"),
                  {"b": b})


def test_the_head_office_reads_every_branchs_submitted_assessment_and_no_client(two_branches: World) -> None:
    """Branch A's app connection sees A's assessment rows only; the head office's scope reads both
    branches' (B is A's copy: the same figures) and still no client row."""
    owner, app, a, b = two_branches.owner, two_branches.app, two_branches.a, two_branches.b
    month = owner.today().replace(day=1)
    truth = _counts(owner, "assessment_result")
    assert truth[a] == truth[b] > 0
    app.bind_scope(a)
    with app.read() as s:
        assert dict(s.execute(text("SELECT branch_id, count(*) FROM assessment_result GROUP BY branch_id")).all()) \
            == {a: truth[a]}
    ho = Actor(None, "H0001", "分行汇总", "head_office", None)
    app.bind_scope(None, head_office=True)
    lines = {line.branch.id: line for line in headoffice.assessment_by_branch(app, ho, month)}
    assert lines[a].submitted and lines[b].submitted and lines[a].rms == truth[a]
    assert (lines[a].average, lines[a].highest, lines[a].lowest, lines[a].process) == (
        lines[b].average, lines[b].highest, lines[b].lowest, lines[b].process)
    of_b = headoffice.assessment_of_branch(app, ho, b, month)
    of_a = headoffice.assessment_of_branch(app, ho, a, month)
    assert of_a is not None and of_b is not None
    assert [r.total for r in of_b.rows] == [r.total for r in of_a.rows] and all(r.rm_name for r in of_b.rows)
    with app.read() as s:
        for table in CLIENT_DATA:
            assert s.scalar(text(f"SELECT count(*) FROM {table}")) == 0, table
    with pytest.raises(DBAPIError, match="permission denied"), app.write() as s:  # it reads, never writes them
        s.execute(text("DELETE FROM assessment_result"))


def test_sign_in_works_before_any_branch_is_bound(two_branches: World) -> None:
    app = two_branches.app
    b = two_branches.b
    account = two_branches.demo.accounts[0]
    app.bind_scope(None)
    signed = accounts.authenticate(app, "B" + account.staff_no, account.password)
    assert signed.actor.branch_id == b
    with pytest.raises(AuthError):
        accounts.authenticate(app, "B" + account.staff_no, "wrong password")
    owner = two_branches.owner
    with owner.read() as s:
        actions = list(s.scalars(text("SELECT action FROM audit_event WHERE branch_id = :b ORDER BY id"), {"b": b}))
    assert actions[-2:] == ["login", "login_failed"]
    from services.audit import verify

    assert verify(owner).ok  # the chain runs on across branches


def test_a_staff_id_of_another_branch_is_refused_beside_the_field(two_branches: World) -> None:
    """Branch B's accounts are out of branch A's sight, yet a staff id is unique across the installation."""
    app, a = two_branches.app, two_branches.a
    app.bind_scope(a)
    with pytest.raises(ValidationError) as refused:
        accounts.add_staff(app, Actor.system(a), staff_no="B9001", name="重名员工", role="teller",
                           password="Secret-123456")
    assert [p.field for p in refused.value.problems] == ["staff_id"]
    assert "B9001" in refused.value.problems[0].message
    assert _counts(two_branches.owner, "staff")[a] == _counts(two_branches.owner, "staff")[two_branches.b] - 1


def test_a_whole_service_round_works_as_the_app_role(two_branches: World, clock: FakeClock) -> None:
    from models import Role
    from services import dayclose, followups, referrals

    owner = two_branches.owner
    app = two_branches.app
    b = two_branches.b
    with owner.read() as s:
        def staff_of(role: Role) -> Actor:
            st = s.scalars(select(Staff).where(Staff.branch_id == b, Staff.role == role, Staff.active.is_(True))
                           .order_by(Staff.id)).first()
            assert st is not None
            return Actor(st.id, st.staff_no, st.name, st.role.value, b)
        teller, rm, supervisor = staff_of(Role.TELLER), staff_of(Role.RM), staff_of(Role.SUPERVISOR)
    app.bind_scope(b)
    feed = ChangeFeed(app)  # another workstation's listener, as lobbydesk_app
    _drain(feed)
    filed = referrals.file_referral(app, teller, referrals.ReferralInput(
        client_type="to_win", status="pending", rm_id=rm.staff_id, channel="lobby",
        client_id=None, client_name="赵一", client_mobile="13912345678",
        preferred_contact_at=app.now() + dt.timedelta(days=1)))
    assert filed.follow_up_id is not None
    assert _eventually(feed)  # LISTEN/NOTIFY works as before
    feed.close()
    window = followups.queue(app, rm)
    assert filed.follow_up_id in {row.id for row in window}
    followups.record_contact(app, rm, filed.follow_up_id, channel="phone", result="no_answer",
                             next_contact_date=app.today() + dt.timedelta(days=2))
    with owner.read() as s:
        assert s.scalar(select(Referral.branch_id).where(Referral.id == filed.id)) == b
        attempt_branch = s.scalar(text("SELECT branch_id FROM contact_attempt ORDER BY id DESC LIMIT 1"))
    assert attempt_branch == b  # set by the trigger from the follow-up
    state = dayclose.close_day(app, supervisor, app.today() - dt.timedelta(days=40), force_reason="测试关账")
    assert state.closed


def test_each_unit_of_work_carries_the_bound_scope(two_branches: World) -> None:
    app = two_branches.app
    a, b = two_branches.a, two_branches.b

    def seen() -> tuple[str, str, str]:
        with app.read() as s:
            row = s.execute(text("SELECT current_setting('app.branch_id', true), "
                                 "current_setting('app.scope', true), current_user")).one()
        return (row[0] or "", row[1] or "", row[2])

    app.bind_scope(a)
    assert seen() == (str(a), "branch", "lobbydesk_app")
    with app.scoped(b):
        assert seen() == (str(b), "branch", "lobbydesk_app")
    assert seen() == (str(a), "branch", "lobbydesk_app")
    app.bind_scope(None, head_office=True)
    assert seen() == ("", "head_office", "lobbydesk_head_office")
    app.bind_scope(None)
    assert seen() == ("", "", "lobbydesk_app")  # transaction-local: nothing left over on the pooled connection


def test_commands_act_for_their_branch_as_the_app_role(two_branches: World, tmp_path: Path) -> None:
    """`report … --branch CODE` and `--branch ALL` run as lobbydesk_app, each with its scope."""
    import sys

    app_url = two_branches.app.engine.url.render_as_string(hide_password=False)
    day = two_branches.app.today().isoformat()
    for branch in ("0099", "ALL"):
        out = tmp_path / f"daily-{branch}.pdf"
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", app_url, "report", "daily",
                               "--date", day, "--out", str(out), "--branch", branch],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 0
