"""A SQLite import writes in short transactions and publishes in one (docs/imports.md "Writing a referral import").

Issue 10: a 100 000-row import held the write lock about 2 s in its one publishing
transaction. Now its rows go in a batch at a time, invisible to every reader until
one short last transaction deletes the ``import_batch`` row naming them.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from models import Client, FollowUp, Referral, Role
from services import imports
from services.db import Database, open_database
from services.errors import Busy
from services.imports import import_referrals

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # PostgreSQL imports in one transaction

HEADER = ["日期", "时间", "推介人工号", "客户姓名", "手机号", "证件号", "客户类型", "推介状态", "理财经理工号", "备注"]
ROWS = 300  # every third row names a client an earlier row named; every other row is pending
BATCH = 40


@pytest.fixture
def team(f):  # type: ignore[no-untyped-def]
    return {"L01": f.staff(Role.LOBBY_MANAGER, staff_no="L01"), "R01": f.staff(Role.RM, staff_no="R01")}


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "old.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(ROWS):
            n = i - i % 3
            w.writerow([f"2026/{1 + i % 10}/{1 + i % 28}", "", "L01", "周杰", f"137{n:08d}", "", "to_win",
                        "待跟进" if i % 2 else "已推介", "R01", ""])
    return path


def seen(db: Database) -> dict[str, int]:
    """What a reader sees, asked the ways the services ask."""
    with db.read() as s:
        return {
            "client": s.scalar(select(func.count(Client.id))) or 0,
            "referral": s.scalar(select(func.count()).select_from(Referral)) or 0,
            "follow_up": len(s.scalars(select(FollowUp)).all()),
            "follow_up joined": s.scalar(select(func.count()).select_from(FollowUp)
                                         .join(Referral, Referral.id == FollowUp.referral_id)
                                         .join(Client, Client.id == Referral.client_id)) or 0,
        }


def stored(db: Database) -> dict[str, int]:
    """What the file holds, hidden or not."""
    with db.engine.connect() as conn:
        return {t: conn.scalar(text(f"SELECT count(*) FROM {t}")) or 0
                for t in ("client", "referral", "follow_up", "import_batch")}


@pytest.fixture
def rows_per_transaction(db: Database) -> Iterator[list[int]]:
    """Rows written by each committed write transaction on the database (insert/update/delete counts)."""
    sizes: list[int] = []
    pending: dict[int, int] = {}

    def after(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        target = re.match(r"\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+(\w+)", statement, re.IGNORECASE)
        # The staging tables are TEMPORARY: outside the database file, no lock taken for them.
        if target and not target[1].startswith("lobby_stage_") and cursor.rowcount > 0:
            pending[id(conn)] = pending.get(id(conn), 0) + cursor.rowcount

    def commit(conn: Any) -> None:
        sizes.append(pending.pop(id(conn), 0))

    event.listen(db.engine, "after_cursor_execute", after)
    event.listen(db.engine, "commit", commit)
    yield sizes
    event.remove(db.engine, "after_cursor_execute", after)
    event.remove(db.engine, "commit", commit)


def test_no_write_transaction_of_an_import_holds_more_than_a_batch_of_rows(
        db, f, team, sheet, monkeypatch, rows_per_transaction):
    monkeypatch.setattr(imports, "_HIDDEN_BATCH", BATCH)
    result = import_referrals(db, f.system, sheet)
    assert (result.referrals, result.new_clients) == (ROWS, ROWS // 3)
    written = ROWS + ROWS // 3 + ROWS // 2
    # Each transaction holds one batch of one table, plus the batch row's range (the publish: the
    # batch row and the audit event). Before: one transaction of all 550 rows.
    assert sum(rows_per_transaction) >= written
    assert max(rows_per_transaction) <= BATCH + 1, rows_per_transaction
    assert stored(db) == {"client": ROWS // 3, "referral": ROWS, "follow_up": ROWS // 2, "import_batch": 0}
    assert seen(db)["referral"] == ROWS and written > BATCH


def test_readers_never_see_an_import_half_written(db, f, team, sheet, monkeypatch):
    monkeypatch.setattr(imports, "_HIDDEN_BATCH", BATCH)
    before = seen(db)
    real_publish = imports._publish
    looked: list[dict[str, int]] = []

    def publish(*args: Any) -> None:
        # Everything is written, nothing published: the file holds the rows, no reader sees them.
        assert stored(db)["referral"] == ROWS
        looked.append(seen(db))
        with db.read() as s:
            hidden_id = s.connection().scalar(text("SELECT max(id) FROM referral"))
            assert s.get(Referral, hidden_id) is None
            assert s.scalars(select(Client).where(Client.mobile == "13700000000")).first() is None
        real_publish(*args)

    monkeypatch.setattr(imports, "_publish", publish)
    import_referrals(db, f.system, sheet)
    assert looked == [before]
    after = seen(db)
    assert after == {"client": ROWS // 3, "referral": ROWS, "follow_up": ROWS // 2, "follow_up joined": ROWS // 2}


def test_a_save_while_an_import_writes_gets_its_own_id_and_both_are_whole(db, f, team, sheet, monkeypatch):
    monkeypatch.setattr(imports, "_HIDDEN_BATCH", BATCH)
    real_publish = imports._publish
    filed: list[int] = []

    def publish(*args: Any) -> None:
        filed.append(f.referral(team["L01"], team["R01"], mobile="13899999999").id)
        with db.read() as s:  # seen at once, though the import's higher ids are not
            assert s.get(Referral, filed[0]) is not None
        real_publish(*args)

    monkeypatch.setattr(imports, "_publish", publish)
    import_referrals(db, f.system, sheet)
    with db.read() as s:
        ids = sorted(s.scalars(select(Referral.id)))
        assert len(ids) == ROWS + 1 and filed[0] in ids
        # The save's id lies above the import's range: it was taken after the import's top ids.
        assert filed[0] == ids[-1]


def test_a_save_of_a_mobile_the_import_has_not_published_is_busy_not_a_crash(db, f, team, sheet, monkeypatch):
    monkeypatch.setattr(imports, "_HIDDEN_BATCH", BATCH)
    real_publish = imports._publish
    refused: list[BaseException] = []

    def publish(*args: Any) -> None:
        with pytest.raises(Busy) as err:
            f.referral(team["L01"], team["R01"], mobile="13700000003")  # a new client of the file
        refused.append(err.value)
        real_publish(*args)

    monkeypatch.setattr(imports, "_publish", publish)
    import_referrals(db, f.system, sheet)
    assert refused
    f.referral(team["L01"], team["R01"], mobile="13700000003")  # published now: the client is matched
    with db.read() as s:
        assert s.scalar(select(func.count(Client.id)).where(Client.mobile == "13700000003")) == 1


def test_a_killed_import_leaves_nothing_visible_and_the_next_start_takes_its_rows_out(
        db, db_url, f, team, sheet, monkeypatch):
    monkeypatch.setattr(imports, "_HIDDEN_BATCH", BATCH)
    before = seen(db)

    class Killed(BaseException):
        pass

    def killed(*_: Any) -> None:
        raise Killed()

    monkeypatch.setattr(imports, "_publish", killed)
    monkeypatch.setattr(imports, "discard_unpublished", lambda *_a, **_k: 0)  # a SIGKILL cleans nothing up
    with pytest.raises(Killed):
        import_referrals(db, f.system, sheet)
    left = stored(db)
    assert left["referral"] == ROWS and left["import_batch"] == 1
    assert seen(db) == before
    monkeypatch.undo()

    restarted = open_database(db_url, clock=db.clock)
    try:
        assert stored(restarted) == {"client": 0, "referral": 0, "follow_up": 0, "import_batch": 0}
        # New rows after the clean-up are seen as ever.
        f.referral(team["L01"], team["R01"], mobile="13899999998")
        assert seen(restarted)["referral"] == 1
    finally:
        restarted.dispose()


def test_the_next_import_takes_a_killed_import_s_rows_out_first(db, f, team, sheet, monkeypatch):
    monkeypatch.setattr(imports, "_HIDDEN_BATCH", BATCH)
    real_publish = imports._publish

    def killed(*_: Any) -> None:
        raise KeyboardInterrupt()

    monkeypatch.setattr(imports, "_publish", killed)
    monkeypatch.setattr(imports, "discard_unpublished", lambda *_a, **_k: 0)
    with pytest.raises(KeyboardInterrupt):
        import_referrals(db, f.system, sheet)
    assert stored(db)["import_batch"] == 1
    monkeypatch.undo()
    monkeypatch.setattr(imports, "_HIDDEN_BATCH", BATCH)
    assert imports._publish is real_publish
    result = import_referrals(db, f.system, sheet)
    assert result.referrals == ROWS
    assert stored(db) == {"client": ROWS // 3, "referral": ROWS, "follow_up": ROWS // 2, "import_batch": 0}


def test_an_import_that_fails_while_writing_takes_its_rows_out_itself(db, f, team, sheet, monkeypatch):
    monkeypatch.setattr(imports, "_HIDDEN_BATCH", BATCH)

    def fails(*_: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "_publish", fails)
    with pytest.raises(RuntimeError):
        import_referrals(db, f.system, sheet)
    assert stored(db) == {"client": 0, "referral": 0, "follow_up": 0, "import_batch": 0}


def test_a_day_closed_while_the_import_writes_is_found_at_publishing(db, f, team, sheet, monkeypatch):
    """Checked again in the publishing transaction: the unpublished rows go, the file is checked again."""
    from models import DayClose

    monkeypatch.setattr(imports, "_HIDDEN_BATCH", BATCH)
    real_publish = imports._publish
    closed: list[bool] = []

    def publish(*args: Any) -> None:
        if not closed:
            with db.write() as s:
                s.add(DayClose(branch_id=f.branch.id, business_date=dt.date(2026, 1, 1), closed=True,
                               closed_at=db.now(), closed_by_id=team["L01"].id))
            closed.append(True)
        real_publish(*args)

    monkeypatch.setattr(imports, "_publish", publish)
    from services.errors import ValidationError

    with pytest.raises(ValidationError):
        import_referrals(db, f.system, sheet)
    assert stored(db)["referral"] == 0 and stored(db)["import_batch"] == 0
