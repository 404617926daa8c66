"""Hears, cheaply, that the database changed since the last look (docs/product.md "Storage" "Live"); no Qt.

A screen polls a ``ChangeFeed`` every half second and reloads when ``poll()``
says something changed, so a referral filed on another workstation shows
within 2 s without a manual refresh:

- PostgreSQL: a dedicated autocommit connection LISTENs on ``CHANGE_CHANNEL``;
  ``Database.write`` sends ``pg_notify`` in every committing transaction.
- SQLite: a dedicated connection reads ``PRAGMA data_version``, which changes
  whenever any *other* connection (this process's engine or another process)
  has committed.
- Both: the in-process ``Database.commits`` counter, so this process's own
  writes are seen even where the engine cannot tell (an in-memory database).

``poll()`` never blocks: it only reads what has already arrived. Connecting
(``ChangeFeed(db)`` and ``reconnect()``) may wait for the server, so a GUI
does that on its database lane, not on the GUI thread.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from typing import Protocol

from sqlalchemy import Engine

from services.db import CHANGE_CHANNEL, Database, StorageError

log = logging.getLogger("lobbydesk.notify")

CONNECT_TIMEOUT_S = 5


class _Source(Protocol):
    def changed(self) -> bool: ...

    def close(self) -> None: ...


class _SqliteDataVersion:
    """``PRAGMA data_version`` on a connection of its own, which never writes."""

    def __init__(self, engine: Engine) -> None:
        database = engine.url.database or ""
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        if database and database != ":memory:":
            # A short busy timeout: in WAL mode the pragma needs no lock a writer holds,
            # and poll() must never stall the GUI waiting for one.
            self._conn = sqlite3.connect(database, timeout=0.05, isolation_level=None, check_same_thread=False)
            self._version = self._read()

    def _read(self) -> int:
        assert self._conn is not None
        row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def changed(self) -> bool:
        if self._conn is None:
            return False
        current = self._read()
        if current != self._version:
            self._version = current
            return True
        return False

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class _PgListener:
    """A dedicated autocommit psycopg connection LISTENing on ``CHANGE_CHANNEL``."""

    def __init__(self, engine: Engine) -> None:
        import psycopg
        from psycopg import sql

        url = engine.url.set(drivername="postgresql")
        self._conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True,
                                     connect_timeout=CONNECT_TIMEOUT_S, application_name="lobbydesk-notify")
        self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANGE_CHANNEL)))

    def changed(self) -> bool:
        # timeout=0: only what the socket already holds. Drain it all: one commit or a
        # hundred since the last look, one reload.
        return len(list(self._conn.notifies(timeout=0))) > 0

    def close(self) -> None:
        self._conn.close()


class ChangeFeed:
    """``poll()`` is True when something was committed since the previous ``poll()``.

    Thread use: create and ``reconnect()`` off the GUI thread; ``poll()`` is safe
    to call from the GUI thread (it skips a turn while a reconnect is running).
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._seen_commits = db.commits
        self._closed = False
        self._source: _Source | None = self._open()

    def _open(self) -> _Source:
        dialect = self._db.engine.dialect.name
        if dialect == "sqlite":
            return _SqliteDataVersion(self._db.engine)
        if dialect == "postgresql":
            return _PgListener(self._db.engine)
        raise StorageError(f"no change feed for {dialect}")

    @property
    def needs_reconnect(self) -> bool:
        """True after the listening connection failed; ``reconnect()`` mends it."""
        return not self._closed and self._source is None

    def poll(self) -> bool:
        if self._closed or not self._lock.acquire(blocking=False):
            return False
        try:
            commits = self._db.commits  # read once: the lane may commit between two reads
            changed = commits != self._seen_commits
            self._seen_commits = commits
            if self._source is None:
                return changed
            try:
                return self._source.changed() or changed
            except Exception:
                # The server went away or the file is busy beyond reason: report a change
                # (something may have been missed) and wait for reconnect().
                log.warning("change feed lost its connection", exc_info=True)
                self._drop_source()
                return True
        finally:
            self._lock.release()

    def reconnect(self) -> None:
        """Open the listening connection again after a failure (blocks; run it off the GUI thread)."""
        with self._lock:
            if self._closed or self._source is not None:
                return
            self._source = self._open()

    def _drop_source(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            try:
                source.close()
            except Exception:  # already broken; nothing more to release
                log.debug("closing a broken change source failed", exc_info=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._drop_source()
