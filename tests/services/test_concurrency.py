"""Several processes saving at once, a busy database, and a saver killed mid-write (docs/saving.md).

Small counts keep the run quick; bench/trust.py repeats the same runs at full counts.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import AuditEvent, Client, FollowUp, Referral, ReferralStatus, Role
from services import db as dbmod
from services import referrals
from services.errors import Busy
from services.i18n import msg
from services.permissions import Actor

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 8


def _job(f, actor: Actor, rm_id: int, **extra: object) -> str:  # type: ignore[no-untyped-def]
    return json.dumps({"actor": [actor.staff_id, actor.staff_no, actor.name, actor.role, actor.branch_id],
                       "rm_id": rm_id, **extra})


def _spawn(mode: str, url: str, job: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.services.save_worker", mode, url, job], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _run_all(url: str, jobs: list[str]) -> list[dict[str, object]]:
    procs = [_spawn("file", url, job) for job in jobs]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr[-2000:]
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def test_eight_processes_filing_the_same_mobiles_make_one_client_each(db, db_url, f):
    """Defect: look-up-then-insert under READ COMMITTED made duplicate clients on PostgreSQL."""
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    mobiles = [f"1380000{n:04d}" for n in range(12)]
    start_at = time.time() + 3  # every process imported and connected before the first save
    jobs = [_job(f, f.actor(lobby), rm.id, mobiles=mobiles, seed=k, start_at=start_at) for k in range(PROCESSES)]
    results = _run_all(db_url, jobs)
    busy = sum(dict(r["errors"]).get("Busy", 0) for r in results)  # type: ignore[call-overload]
    # PostgreSQL lets every process in at once: each save must succeed. SQLite queues the writers on one
    # lock, and on a loaded machine a save may be refused as Busy after the budget, never otherwise.
    allowed = {"Busy": busy} if busy and db.dialect == "sqlite" else {}
    assert {k: v for r in results for k, v in dict(r["errors"]).items()} == allowed  # type: ignore[call-overload]
    saved = sum(int(str(r["saved"])) for r in results)
    assert saved + busy == PROCESSES * len(mobiles)
    with db.read() as s:
        per_mobile = dict(s.execute(select(Client.mobile, func.count()).group_by(Client.mobile)).all())
        assert per_mobile == dict.fromkeys(mobiles, 1)
        assert s.scalar(select(func.count()).select_from(Referral)) == saved
        created = s.scalar(select(func.count()).select_from(AuditEvent)
                           .where(AuditEvent.entity == "client", AuditEvent.action == "create"))
        assert created == len(mobiles)  # the losers of the insert race audited no creation


def test_eight_writers_on_one_sqlite_file_never_see_database_is_locked(db, db_url, f):
    """Defect: "database is locked" reached the caller with eight busy writers; now retried, or Busy."""
    if db.dialect != "sqlite":
        pytest.skip("the SQLite file's write lock")
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    start_at = time.time() + 3
    jobs = [_job(f, f.actor(lobby), rm.id, mobiles=[f"139{k:02d}{n:06d}" for n in range(25)], seed=k,
                 start_at=start_at) for k in range(PROCESSES)]
    results = _run_all(db_url, jobs)
    errors: dict[str, int] = {}
    for r in results:
        for kind, n in dict(r["errors"]).items():  # type: ignore[call-overload]
            errors[kind] = errors.get(kind, 0) + n
    assert not any("locked" in kind or "OperationalError" in kind for kind in errors), errors
    assert set(errors) <= {"Busy"}, errors
    saved = sum(int(str(r["saved"])) for r in results)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == saved
    assert saved + errors.get("Busy", 0) == PROCESSES * 25


def test_a_write_lock_held_too_long_gives_busy_with_a_message(db, db_url, f):
    """Another process holds the SQLite write lock past the budget: a typed, translated refusal, nothing written."""
    if db.dialect != "sqlite":
        pytest.skip("the SQLite file's write lock")
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(Busy) as err:
            f.referral(lobby, rm)
    finally:
        holder.rollback()
        holder.close()
    assert str(err.value) == msg("busy")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 0


def test_a_lock_released_within_the_budget_is_waited_for(db, db_url, f):
    if db.dialect != "sqlite":
        pytest.skip("the SQLite file's write lock")
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    # Held for several of SQLite's own waits (SQLITE_BUSY_MS), well inside the retry budget.
    release = threading.Timer(dbmod.SQLITE_BUSY_MS * 4 / 1000, holder.rollback)
    release.start()
    try:
        filed = f.referral(lobby, rm)
    finally:
        release.join()
        holder.close()
    with db.read() as s:
        assert s.get(Referral, filed.id) is not None


# --- the retry policy, without waiting for real ---------------------------------------------------

class _FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_retrying_reruns_the_whole_call_within_the_budget(monkeypatch, db):
    fake = _FakeTime()
    monkeypatch.setattr(dbmod, "time", fake)
    calls: list[int] = []

    @dbmod.retrying
    def flaky(database: dbmod.Database, fail_times: int) -> str:
        calls.append(1)
        if len(calls) <= fail_times:
            raise Busy()
        return "done"

    assert flaky(db, 3) == "done" and len(calls) == 4
    calls.clear()
    fake.slept.clear()
    with pytest.raises(Busy):
        flaky(db, 10_000)
    assert sum(fake.slept) <= dbmod.RETRY_BUDGET + 1e-9 and len(calls) > 10


def test_retrying_never_reruns_a_call_that_already_committed(monkeypatch, db, f):
    monkeypatch.setattr(dbmod, "time", _FakeTime())
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    calls: list[int] = []

    @dbmod.retrying
    def two_units(database: dbmod.Database) -> None:
        calls.append(1)
        f.referral(lobby, rm)  # a unit of work that commits
        raise Busy()  # the second unit met a busy database

    with pytest.raises(Busy):
        two_units(db)
    assert len(calls) == 1
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 1


def test_only_busy_failures_count_as_transient():
    from sqlalchemy.exc import IntegrityError, OperationalError

    class PgError(Exception):
        def __init__(self, sqlstate: str) -> None:
            super().__init__(sqlstate)
            self.sqlstate = sqlstate

    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorcode = 5  # type: ignore[attr-defined]
    assert dbmod.is_transient(OperationalError("BEGIN", {}, locked))
    assert dbmod.is_transient(OperationalError("UPDATE", {}, PgError("40P01")))  # deadlock
    assert dbmod.is_transient(OperationalError("UPDATE", {}, PgError("40001")))  # serialization
    assert not dbmod.is_transient(IntegrityError("INSERT", {}, PgError("23505")))
    assert not dbmod.is_transient(OperationalError("x", {}, sqlite3.OperationalError("no such table: x")))


# --- SIGKILL while saving --------------------------------------------------------------------------

def test_a_saver_killed_at_random_moments_loses_nothing_it_reported_and_leaves_nothing_half(db, db_url, f):
    """Every save the process reported done is there, whole: the referral, its follow-up, its audit rows."""
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    rng = random.Random(11)
    reported: dict[int, int] = {}
    for kill in range(4):
        proc = _spawn("loop", db_url, _job(f, f.actor(lobby), rm.id, seed=kill))
        assert proc.stdout is not None
        saved_here = 0
        deadline = time.monotonic() + 60
        target = rng.randint(3, 12)  # killed after a random number of saves, at a random moment after it
        while saved_here < target and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            _, rid, fid = line.split()
            reported[int(rid)] = int(fid)
            saved_here += 1
        time.sleep(rng.uniform(0, 0.05))
        os.kill(proc.pid, signal.SIGKILL)
        rest, stderr = proc.communicate(timeout=30)
        for line in rest.splitlines():  # reported just before the kill landed
            _, rid, fid = line.split()
            reported[int(rid)] = int(fid)
        assert saved_here == target, f"the saver stopped early: {stderr[-2000:]}"
    with db.read() as s:
        rows = {r.id: r for r in s.scalars(select(Referral))}
        assert set(reported) <= set(rows)
        for r in rows.values():  # reported or not, nothing is half-written
            fu = s.scalars(select(FollowUp).where(FollowUp.referral_id == r.id)).first()
            assert (fu is not None) == (r.status == ReferralStatus.PENDING)
            assert s.get(Client, r.client_id) is not None
            events = s.scalar(select(func.count()).select_from(AuditEvent)
                              .where(AuditEvent.entity == "referral", AuditEvent.entity_id == r.id))
            assert events == 1
        for rid, fid in reported.items():
            assert (fid or None) == s.scalars(select(FollowUp.id).where(FollowUp.referral_id == rid)).first()
    assert len(reported) >= 12
    referrals.list_referrals(db, f.actor(lobby), None)  # the database still answers the lists


def test_a_postgresql_deadlock_is_retried_whole(db, f):
    """Two units lock the same two rows in opposite orders: the server aborts one, which runs again whole."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite has one writer at a time: no deadlock")
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    a, b = f.referral(lobby, rm).id, f.referral(lobby, rm).id
    barrier = threading.Barrier(2, timeout=10)
    runs: list[str] = []
    outcome: dict[str, BaseException | None] = {}

    @dbmod.retrying
    def touch_both(database: dbmod.Database, name: str, first: int, second: int) -> None:
        runs.append(name)
        with database.write() as s:
            s.execute(select(Referral.id).where(Referral.id == first).with_for_update())
            if runs.count(name) == 1:
                barrier.wait()  # both hold their first row before either asks for the second
            s.execute(select(Referral.id).where(Referral.id == second).with_for_update())
            s.get(Referral, first).note = f"{name} was here"  # type: ignore[union-attr]

    def run(name: str, first: int, second: int) -> None:
        try:
            touch_both(db, name, first, second)
            outcome[name] = None
        except BaseException as exc:
            outcome[name] = exc

    threads = [threading.Thread(target=run, args=("x", a, b)), threading.Thread(target=run, args=("y", b, a))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert outcome == {"x": None, "y": None}
    assert sorted(runs) in (["x", "x", "y"], ["x", "y", "y"])  # exactly one of them ran twice
    with db.read() as s:
        assert {s.get(Referral, a).note, s.get(Referral, b).note} == {"x was here", "y was here"}  # type: ignore[union-attr]
