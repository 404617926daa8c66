"""Shared fixtures: a migrated database per test on SQLite and, when
``LOBBYDESK_TEST_PG_URL`` is set, the same test again on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from services.db import Database, make_engine, migrate  # noqa: E402

PG_URL = os.environ.get("LOBBYDESK_TEST_PG_URL")
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


class FakeClock:
    """An injectable clock: tests move time instead of sleeping."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += dt.timedelta(**kw)


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at production cost takes ~0.2 s a hash; tests use the same code at a tiny cost."""
    from argon2 import PasswordHasher

    import services.accounts

    monkeypatch.setattr(services.accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def clock() -> FakeClock:
    # 2026-11-20 10:00 in the branch (UTC+8): a Friday, mid-morning.
    return FakeClock(dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrate once; every test gets a copy of the file."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


_pg_migrated = False


def _pg_reset(engine) -> None:  # type: ignore[no-untyped-def]
    global _pg_migrated
    if not _pg_migrated:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        migrate(engine)
        _pg_migrated = True
        return
    from models import Base

    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """A migrated, empty database URL on each engine."""
    if request.param == "sqlite":
        path = tmp_path / "lobby.sqlite3"
        shutil.copyfile(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    if not PG_URL:
        if os.environ.get("LOBBYDESK_REQUIRE_PG"):
            pytest.fail("LOBBYDESK_REQUIRE_PG is set but LOBBYDESK_TEST_PG_URL is not")
        pytest.skip("LOBBYDESK_TEST_PG_URL not set")
    engine = make_engine(PG_URL)
    _pg_reset(engine)
    engine.dispose()
    yield PG_URL


@pytest.fixture
def db(db_url: str, clock: FakeClock) -> Iterator[Database]:
    database = Database(make_engine(db_url), clock)
    yield database
    database.dispose()


@pytest.fixture
def f(db: Database):  # type: ignore[no-untyped-def]
    """Factories bound to this test's database."""
    from tests.factories import Factories

    return Factories(db)
