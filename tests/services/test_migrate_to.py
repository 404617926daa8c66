"""``migrate-to``: a demo branch's SQLite history onto a fresh PostgreSQL database (docs/branches.md)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, inspect, select, text

from models import Appointment, AuditEvent, Branch, Client, FollowUp, Referral, Staff
from services import accounts, audit, migrate_to, stats
from services.db import Database, make_engine, migrate, open_database
from services.demo import build_demo
from services.errors import ValidationError
from services.permissions import Actor
from tests.conftest import FakeClock
from tests.databases import fresh_engine

pytestmark = pytest.mark.postgresql
NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo branch on SQLite, built once; one appointment moved to another (a self-reference)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(f"sqlite:///{path}", clock=FakeClock(NOW))
    build_demo(db, seed=7)
    db.dispose()
    with closing(sqlite3.connect(path)) as conn, conn:  # closed: the WAL is folded into the file copied below
        first, second = (r[0] for r in conn.execute("SELECT id FROM appointment ORDER BY id LIMIT 2"))
        conn.execute("UPDATE appointment SET moved_from_id = ? WHERE id = ?", (first, second))
    return path


@pytest.fixture
def source(demo_file: Path, tmp_path: Path) -> str:
    path = tmp_path / "branch.sqlite3"
    shutil.copyfile(demo_file, path)
    return f"sqlite:///{path}"


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Engine]:
    with fresh_engine("postgresql", tmp_path) as engine:
        yield engine


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _counts(engine: Engine) -> dict[str, int]:
    if not inspect(engine).has_table("branch"):
        return {}
    with engine.connect() as conn:
        return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in migrate_to.copy_order()}


def _sheets(db: Database, code: str) -> list[Any]:
    """The daily sheet's figures on several days and the month's, by staff id (the ids change, the 工号 not)."""
    with db.read() as s:
        bid = s.scalar(select(Branch.id).where(Branch.code == code))
    assert bid is not None
    actor = Actor.system(bid)
    out: list[Any] = []
    days = [stats.daily(db, actor, NOW.date() - dt.timedelta(days=n)) for n in (0, 1, 3, 9, 20)]
    for sheet in [*days, stats.monthly(db, actor, NOW.date().replace(day=1))]:
        out.append(([(r.staff.staff_no, r.figures) for r in sheet.referrers],
                    [(r.staff.staff_no, r.figures) for r in sheet.rms],
                    sheet.referrer_totals, sheet.rm_totals, sheet.closed))
    assert any(totals.referrals for _, _, totals, _, _ in out)  # the comparison compares something
    return out


def _audit_names_the_new_rows(s: Any) -> None:
    """The audit log names the copied rows: an event's entity and the ids its detail carries."""
    opened = s.scalars(select(AuditEvent).where(AuditEvent.entity == "follow_up", AuditEvent.action == "create",
                                                AuditEvent.detail.like("referral=%"))).all()
    assert opened
    for ev in opened:
        fu = s.get(FollowUp, ev.entity_id)
        assert fu is not None and ev.detail == f"referral={fu.referral_id}"


def _clients(s: Any) -> list[tuple[Any, ...]]:
    return sorted(tuple(r) for r in s.execute(select(Client.mobile, Client.interests, Client.created_at)))


def _per_referrer(s: Any) -> dict[str, int]:
    q = select(Staff.staff_no, func.count()).join(Referral, Referral.referrer_id == Staff.id).group_by(Staff.staff_no)
    return {no: n for no, n in s.execute(q)}


def test_a_demo_branch_round_trips_into_an_empty_server(source, target):
    src_engine = make_engine(source)
    before = _counts(src_engine)
    src_db = Database(src_engine, FakeClock(NOW))
    src_sheets = _sheets(src_db, "0001")
    src_events = audit.verify(src_db).events

    result = migrate_to.migrate_branch(source, _url(target))

    assert {t: n for t, (n, _) in result.counts.items()} == before
    assert all(src == copied for src, copied in result.counts.values())
    # Every table as in the source; the audit log also holds the one "migrate" marker (docs/branches.md).
    assert _counts(target) == {**before, "audit_event": before["audit_event"] + 1}
    dst_db = Database(target, FakeClock(NOW))
    assert _sheets(dst_db, "0001") == src_sheets
    check = audit.verify(dst_db)
    assert check.ok and check.events == src_events + 1 == result.audit_events
    with dst_db.read() as s:
        marker = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        assert marker.action == "migrate" and f"events={src_events}" in (marker.detail or "")
        # Foreign keys follow their rows: each staff id's referrals are the same rows on both sides.
        per_referrer = _per_referrer(s)
        _audit_names_the_new_rows(s)
        moved = s.scalars(select(Appointment).where(Appointment.moved_from_id.is_not(None))).all()
        assert len(moved) == 1 and s.get(Appointment, moved[0].moved_from_id) is not None
        clients = _clients(s)
    with src_db.read() as s:
        assert per_referrer == _per_referrer(s)
        # Every type comes across as it was: JSON lists, UTC timestamps, text.
        assert clients == _clients(s)
        assert any(interests for _, interests, _ in clients)
    src_db.dispose()


def test_a_branch_joins_a_server_holding_another_branch(source, target):
    migrate(target)
    there = Database(target, FakeClock(NOW))
    other, _ = accounts.ensure_branch(there, "0900", "城北支行")
    accounts.add_staff(there, Actor.system(other.id), staff_no="N001", name="周敏", role="rm", password="Passw0rd1")
    with target.begin() as conn:  # the server's ids have moved on: no copied row keeps its source id
        for t in migrate_to.copy_order():
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), 5000)"))
    before = _counts(target)
    src_db = Database(make_engine(source), FakeClock(NOW))
    src_counts = _counts(src_db.engine)
    src_sheets = _sheets(src_db, "0001")

    result = migrate_to.migrate_branch(source, _url(target))

    assert all(src == copied for src, copied in result.counts.values())
    assert _counts(target) == {t: before[t] + src_counts[t] + (t == "audit_event") for t in before}
    assert _sheets(there, "0001") == src_sheets
    assert audit.verify(there).ok
    with there.read() as s:
        assert s.scalar(select(Staff.branch_id).where(Staff.staff_no == "N001")) == other.id
        assert s.scalar(select(func.min(Referral.id))) > 5000
        _audit_names_the_new_rows(s)
    src_db.dispose()


def test_a_branch_code_already_on_the_server_is_refused_and_nothing_written(source, target):
    migrate_to.migrate_branch(source, _url(target))
    before = _counts(target)
    with pytest.raises(ValidationError) as err:
        migrate_to.migrate_branch(source, _url(target))
    assert list(err.value.fields) == ["--to"] and "0001" in err.value.fields["--to"]
    assert _counts(target) == before


def test_a_staff_id_already_on_the_server_is_refused(source, target):
    migrate(target)
    there = Database(target)
    other, _ = accounts.ensure_branch(there, "0900", "城北支行")
    with make_engine(source).connect() as conn:
        taken = conn.scalar(select(Staff.staff_no).limit(1))
    assert taken is not None
    accounts.add_staff(there, Actor.system(other.id), staff_no=taken, name="周敏", role="rm", password="Passw0rd1")
    before = _counts(target)
    with pytest.raises(ValidationError) as err:
        migrate_to.migrate_branch(source, _url(target))
    assert taken in err.value.fields["--to"]
    assert _counts(target) == before


def test_a_damaged_source_is_refused_before_the_server_is_touched(source, target):
    path = Path(source.removeprefix("sqlite:///"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ValidationError) as err:
        migrate_to.migrate_branch(source, _url(target))
    assert list(err.value.fields) == ["--db"]
    assert not inspect(target).has_table("branch")


def test_a_failure_half_way_leaves_the_server_as_it_was(source: str, target: Engine,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """All or nothing: the schema and every copied table go with the one transaction."""
    real = migrate_to._Copier.copy

    def failing(self: Any, table: Any) -> int:
        if table.name == "referral":
            raise RuntimeError("the server went away")
        return real(self, table)

    monkeypatch.setattr(migrate_to._Copier, "copy", failing)
    with pytest.raises(RuntimeError):
        migrate_to.migrate_branch(source, _url(target))
    assert not inspect(target).has_table("branch")
    assert not inspect(target).has_table("alembic_version")


def test_only_sqlite_to_postgresql(source: str, target: Engine, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        migrate_to.migrate_branch(_url(target), _url(target))
    assert list(err.value.fields) == ["--to"] or list(err.value.fields) == ["--db"]
    with pytest.raises(ValidationError) as err:
        migrate_to.migrate_branch(source, f"sqlite:///{tmp_path / 'other.sqlite3'}")
    assert list(err.value.fields) == ["--to"]


def test_the_command_prints_each_tables_rows_equal_to_the_source_and_refuses_a_second_copy(source, target):
    from tests.cli.test_cli import run

    before = _counts(make_engine(source))
    done = run("--db", source, "migrate-to", "--to", _url(target))
    assert done.returncode == 0, done.stderr
    printed = {parts[0]: (int(parts[1]), int(parts[2])) for parts in
               (line.split("\t") for line in done.stdout.splitlines()) if len(parts) == 3 and parts[1].isdigit()}
    assert printed == {t: (n, n) for t, n in before.items()}
    assert "ok" in done.stdout.splitlines()[-1]
    verified = run("--db", _url(target), "audit", "verify")
    assert verified.returncode == 0 and verified.stdout.startswith(f"ok {before['audit_event'] + 1} events")

    again = run("--db", source, "migrate-to", "--to", _url(target))
    assert again.returncode == 2 and again.stderr.startswith("--to: ") and "0001" in again.stderr
    assert _counts(target) == {**before, "audit_event": before["audit_event"] + 1}

    path = Path(source.removeprefix("sqlite:///"))
    path.write_bytes(b"not a database at all" * 100)
    damaged = run("--db", source, "migrate-to", "--to", _url(target))
    assert damaged.returncode == 2 and damaged.stderr.startswith("--db: ")


def test_two_copies_of_one_branch_at_once_make_one_branch(source, target, tmp_path):
    """A race on one server: both start on an empty database; one copies, the other is refused by name."""
    twin = tmp_path / "twin.sqlite3"
    shutil.copyfile(source.removeprefix("sqlite:///"), twin)
    before = _counts(make_engine(source))
    outcomes: list[object] = []

    def copy(url: str) -> None:
        try:
            outcomes.append(migrate_to.migrate_branch(url, _url(target)))
        except ValidationError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=copy, args=(url,)) for url in (source, f"sqlite:///{twin}")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(outcomes) == 2 and len(refused) == 1, outcomes
    assert "0001" in refused[0].fields["--to"]
    assert _counts(target) == {**before, "audit_event": before["audit_event"] + 1}
    assert audit.verify(Database(target)).ok
