"""Storage: where the database is, SQLite's safety settings, network shares refused, backup."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from services import db as dbmod
from services.db import StorageError, make_engine, resolve_url


def test_url_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv("LOBBYDESK_DB_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    default = resolve_url(None)
    assert default.startswith("sqlite:///") and default.endswith("lobbydesk.sqlite3")
    monkeypatch.setenv("LOBBYDESK_DB_URL", "sqlite:///from-env.sqlite3")
    assert resolve_url(None) == "sqlite:///from-env.sqlite3"
    assert resolve_url("sqlite:///from-cli.sqlite3") == "sqlite:///from-cli.sqlite3"


def test_sqlite_pragmas(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # SQLite's own wait per attempt; the retry loop around it bounds the whole wait (docs/saving.md "Retry").
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == dbmod.SQLITE_BUSY_MS > 0
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    engine.dispose()


def test_writers_begin_immediate(tmp_path):
    database = dbmod.Database(make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}"))
    with database.write() as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
    other = sqlite3.connect(tmp_path / "x.sqlite3", timeout=0.1, isolation_level=None)
    with database.write() as s:
        s.execute(text("SELECT 1"))
        # The writer holds the RESERVED lock from BEGIN on, so a second writer waits instead of
        # failing later on lock upgrade.
        with pytest.raises(sqlite3.OperationalError):
            other.execute("BEGIN IMMEDIATE")
    other.close()
    database.dispose()


@pytest.mark.parametrize("path", [r"\\fileserver\share\lobby.sqlite3", "//fileserver/share/lobby.sqlite3"])
def test_unc_paths_refused(path):
    with pytest.raises(StorageError, match="PostgreSQL"):
        dbmod.check_sqlite_path(path)


def test_remote_mount_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(dbmod, "_mount_fstype", lambda p: "cifs")
    with pytest.raises(StorageError, match="PostgreSQL"):
        make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")


def test_unsupported_url():
    with pytest.raises(StorageError):
        make_engine("mysql://u@h/db")


def test_backup_is_a_consistent_copy(tmp_path, db_url):
    from services import storage

    if not db_url.startswith("sqlite"):
        assert "pg_dump" in storage.backup(db_url, tmp_path / "b.dump")
        return
    out = tmp_path / "copy.sqlite3"
    storage.backup(db_url, out)
    copy = sqlite3.connect(out)
    assert copy.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
    copy.close()
