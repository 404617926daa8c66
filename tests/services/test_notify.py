"""The change feed: a commit elsewhere (another engine, another process) is seen by poll()."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Role
from services.db import Database, make_engine, utc_now
from services.notify import ChangeFeed

ROOT = Path(__file__).resolve().parents[2]


def _eventually(feed: ChangeFeed, timeout: float = 2.0) -> bool:
    """poll() until it reports a change; a notice crosses a socket, so give it a moment."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if feed.poll():
            return True
        time.sleep(0.01)
    return False


def _settles(feed: ChangeFeed) -> bool:
    """True when nothing more is reported (a few polls, a short pause apart)."""
    for _ in range(5):
        if feed.poll():
            return False
        time.sleep(0.02)
    return True


def _drain(feed: ChangeFeed, quiet: float = 0.2) -> None:
    """Forget what was reported so far: poll until nothing new for ``quiet`` seconds."""
    deadline = time.monotonic() + quiet
    while time.monotonic() < deadline:
        if feed.poll():
            deadline = time.monotonic() + quiet
        time.sleep(0.01)


@pytest.fixture
def other(db_url: str) -> Iterator[Database]:
    """A second workstation: its own engine on the same database."""
    database = Database(make_engine(db_url), utc_now)
    yield database
    database.dispose()


@pytest.fixture
def feed(db: Database) -> Iterator[ChangeFeed]:
    change_feed = ChangeFeed(db)
    yield change_feed
    change_feed.close()


def test_quiet_database_reports_nothing(f, feed):
    assert _settles(feed)


def test_write_through_another_engine_is_seen_once(db, f, other, feed):
    from tests.factories import Factories

    elsewhere = Factories(other)  # its set-up may write too (PostgreSQL hears even an empty unit)
    _drain(feed)
    elsewhere.staff(Role.RM)
    assert _eventually(feed)
    assert _settles(feed), "one change is reported once"


def test_many_writes_since_the_last_look_are_one_change(db, f, other, feed):
    from tests.factories import Factories

    elsewhere = Factories(other)
    _drain(feed)
    for _ in range(3):
        elsewhere.staff(Role.RM)
    time.sleep(0.2)  # let every notice arrive before the one look
    assert feed.poll()
    assert _settles(feed)


def test_own_write_is_seen(db, f, feed):
    assert _settles(feed)
    f.staff(Role.TELLER)
    assert _eventually(feed)


def test_rolled_back_write_is_not_announced(db, f, other, feed):
    from models import Branch

    assert _settles(feed)
    with pytest.raises(RuntimeError), other.write() as s:
        s.add(Branch(code="9999", name="回滚支行"))
        s.flush()
        raise RuntimeError("the unit of work fails after writing")
    assert _settles(feed)
    assert other.commits == 0


def test_write_from_another_process_is_seen(db_url, db, f, feed):
    assert _settles(feed)
    script = textwrap.dedent("""
        import sys
        from services import accounts
        from services.db import Database, make_engine
        from services.permissions import Actor
        db = Database(make_engine(sys.argv[1]))
        branch, _ = accounts.ensure_branch(db, "0001", "测试支行")
        accounts.add_staff(db, Actor.system(branch.id), staff_no="P0001", name="进程乙", role="rm",
                           password="Passw0rd1", must_change_password=False)
    """)
    subprocess.run([sys.executable, "-c", script, db_url], cwd=ROOT, check=True, timeout=60)
    assert _eventually(feed)


def test_closed_feed_reports_nothing(db, f, other, feed):
    from tests.factories import Factories

    feed.close()
    Factories(other).staff(Role.RM)
    assert not feed.poll()


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True)
def test_lost_listener_reports_a_change_and_reconnects(db, f, other, feed):
    from tests.factories import Factories

    assert _settles(feed)
    pid = feed._source._conn.info.backend_pid  # type: ignore[union-attr]  # the listener's server process
    with other.engine.connect() as conn:
        conn.execute(select(func.pg_terminate_backend(pid)))
        conn.commit()
    assert _eventually(feed), "a lost listener may have missed changes: the screen must reload"
    assert feed.needs_reconnect
    feed.reconnect()
    assert not feed.needs_reconnect
    assert _settles(feed)
    Factories(other).staff(Role.RM)
    assert _eventually(feed)

