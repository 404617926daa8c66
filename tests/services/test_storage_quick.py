"""The window's start-up check covers the file's header, its schema and the small tables every start reads;
the commands' quick and full checks every page (docs/files-and-faults.md "Quick check")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from services import storage
from services.db import make_engine, migrate

NOW = "2026-11-20 02:00:00"


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "branch.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("INSERT INTO branch (id, code, name) VALUES (1, '0001', '支行')")
        conn.execute("INSERT INTO staff (id, branch_id, staff_no, name, role, active, failed_logins,"
                     " must_change_password, created_at, version) VALUES (1, 1, 'L01', '大堂', 'lobby_manager',"
                     " 1, 0, 0, ?, 1)", (NOW,))
        conn.execute("INSERT INTO client (id, branch_id, name, gender, mobile, interests, tier, score, created_at,"
                     " version) VALUES (1, 1, '王五', 'unknown', '13800000001', '[]', 'none', 0, ?, 1)", (NOW,))
        conn.execute("PRAGMA journal_mode=DELETE")  # everything in the main file before it is damaged
    finally:
        conn.close()
    return path


def _damage_root_page(path: Path, table: str) -> None:
    """Garbage over the b-tree page header of ``table``'s root page, as a bad disk sector would leave."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        conn.close()
    with path.open("r+b") as fh:
        fh.seek(page_size * (root - 1))
        fh.write(b"\xff" * 12)


@pytest.mark.parametrize("table", storage.STARTUP_CHECK_TABLES[1:])
def test_damage_in_a_table_every_start_reads_stops_the_start(tmp_path, table):
    path = _database(tmp_path)
    _damage_root_page(path, table)
    health = storage.check(f"sqlite:///{path}", startup=True)
    assert health.state == storage.State.DAMAGED, table


def test_damage_in_a_large_table_is_left_to_the_commands(tmp_path):
    path = _database(tmp_path)
    _damage_root_page(path, "client")
    assert storage.check(f"sqlite:///{path}", startup=True).state == storage.State.HEALTHY
    assert storage.check(f"sqlite:///{path}", quick=True).state == storage.State.DAMAGED  # imports, reports
    assert storage.check(f"sqlite:///{path}", quick=False).state == storage.State.DAMAGED  # check, init, backup
