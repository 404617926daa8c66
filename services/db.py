"""Where the database is, how to connect to it safely, and the unit of work.

The engine is built once (in ``main.py``) and handed down; nothing here runs
at import time.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import random
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Concatenate, Literal, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, sessionmaker, with_loader_criteria
from sqlalchemy.orm.exc import StaleDataError

from services.appinfo import APP_NAME
from services.errors import Busy, Conflict
from services.i18n import msg

log = logging.getLogger("lobbydesk.db")

ENV_URL = "LOBBYDESK_DB_URL"
# PostgreSQL LISTEN/NOTIFY channel: every committed write announces itself here (services.notify).
CHANGE_CHANNEL = "lobbydesk_changes"
# China has one time zone and no daylight saving: the branch's day is UTC+8.
BRANCH_TZ = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")
NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs", "ncpfs", "davfs",
    "fuse.davfs2", "glusterfs", "ceph", "lustre",
})

Clock = Callable[[], dt.datetime]
P = ParamSpec("P")
T = TypeVar("T")

# The retry policy (docs/saving.md "Retry"): a unit of work that meets a busy database is tried
# again with growing, jittered pauses until RETRY_BUDGET seconds have passed since the user's
# action began, then refused with Busy; docs/product.md "Performance" allows a save 2 s at worst.
RETRY_BUDGET = 1.8
FIRST_PAUSE, LAST_PAUSE = 0.002, 0.01
# SQLite's own wait for the write lock in one attempt; the retry loop does the rest.
SQLITE_BUSY_MS = 20
# PostgreSQL: serialization failure, deadlock detected, lock not available.
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6

_retry = threading.local()  # deadline: the outermost retrying call's; commits: units committed in this thread


class StorageError(Exception):
    """The database cannot be used as given (wrong place, wrong URL)."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def default_sqlite_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "lobbydesk.sqlite3"


def resolve_url(cli_url: str | None = None) -> str:
    """``--db`` first, then ``LOBBYDESK_DB_URL``, then the per-user SQLite file."""
    if cli_url:
        return cli_url
    env = os.environ.get(ENV_URL)
    if env:
        return env
    return f"sqlite:///{default_sqlite_path()}"


def _mount_fstype(path: Path) -> str | None:
    """The file system type of the mount holding ``path`` (Linux), else None."""
    try:
        lines = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return None
    best, fstype = "", None
    target = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mnt = parts[1].replace("\\040", " ")
        if (target == mnt or target.startswith(mnt.rstrip("/") + "/")) and len(mnt) >= len(best):
            best, fstype = mnt, parts[2]
    return fstype


def _is_windows_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = str(path.drive) + "\\"
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # type: ignore[attr-defined]  # DRIVE_REMOTE


def check_sqlite_path(database: str) -> Path:
    """Refuse SQLite on a network share: its locking is not safe there."""
    if database.startswith(("\\\\", "//")):
        raise StorageError(msg("db_network_share", path=database))
    path = Path(database).expanduser().absolute()
    remote = False
    if sys.platform == "win32":  # pragma: no cover
        remote = _is_windows_remote(path)
    else:
        probe = path
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        remote = (_mount_fstype(probe.resolve()) or "") in NETWORK_FS
    if remote:
        raise StorageError(msg("db_remote_mount", path=path))
    return path


def _install_sqlite_pragmas(engine: Engine) -> None:
    # SQLAlchemy's documented pysqlite recipe: take transaction control away from
    # the driver, then begin ourselves — IMMEDIATE for writers so two writers
    # queue on busy_timeout instead of failing on lock upgrade.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Build the one engine for ``url`` with each engine's safety settings."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise StorageError(msg("db_bad_url", why=exc)) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            path = check_sqlite_path(database)
            path.parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: client data never reaches a log line or an error message (docs/files-and-faults.md).
        engine = create_engine(parsed, echo=echo, hide_parameters=True)
        _install_sqlite_pragmas(engine)
        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, echo=echo, pool_pre_ping=True, hide_parameters=True)
    raise StorageError(msg("db_unsupported", backend=backend))


def describe(engine: Engine) -> str:
    """The database in use, for people: never the password."""
    return engine.url.render_as_string(hide_password=True)


def migrations_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    import migrations

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration."""
    from alembic import command

    command.upgrade(migrations_config(engine), "head")


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("branch")


class WriteGate:
    """A first-come, first-served queue in front of SQLite's write lock, shared by every process on the file.

    SQLite's own waiting is polling: a writer saving in a loop takes the lock
    again before a sleeping waiter looks, and under load a waiter can starve past
    any budget. An advisory ``flock`` alone is no better on a busy machine: the
    kernel wakes every waiter and whoever runs first wins, so a process that has
    just let go — still on the CPU — takes it straight back while the waiters it
    woke are runnable but not yet running (issue 10: 16 sign-ins and 8 savers on
    2 cores). So writers take tickets (docs/saving.md "Retry"):

    - a counter in ``<database>.writelock`` is read and advanced under a brief
      ``flock`` of that file; at the same moment the writer locks the one byte
      at the offset of its ticket (an open-file-description lock, Linux), its
      place in the queue;
    - it then waits, asleep in the kernel, for the byte of the ticket before
      its own; whoever holds that byte is ahead of it. When that writer is done
      (or dies: the kernel drops a dead process's locks) the byte is free and
      the next in line, and only it, goes on.

    A waiter that gives up (its budget ran out) leaves its helper thread in the
    queue; that thread lets its place go the moment it is reached, so nobody
    behind it is held up. Elsewhere (no OFD locks) the gate is a plain ``flock``,
    and on Windows SQLite's busy timeout and the retry loop do the waiting.
    """

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".writelock")
        import fcntl

        self._fifo = hasattr(fcntl, "F_OFD_SETLKW")

    @staticmethod
    def _byte_lock(fd: int, offset: int, *, wait: bool, unlock: bool = False) -> bool:
        """Lock (or unlock) the one byte at ``offset`` with an open-file-description lock."""
        import fcntl
        import struct

        kind = fcntl.F_UNLCK if unlock else fcntl.F_WRLCK
        # struct flock: l_type, l_whence, l_start, l_len, l_pid (0 for OFD locks), native layout.
        arg = struct.pack("@hhqqi4x", kind, os.SEEK_SET, offset, 1, 0)
        try:
            fcntl.fcntl(fd, fcntl.F_OFD_SETLKW if wait else fcntl.F_OFD_SETLK, arg)
        except (BlockingIOError, PermissionError):
            return False
        return True

    def _take_ticket(self, fd: int) -> int:
        """The next ticket, its byte locked before anyone else can take the ticket after it."""
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            raw = os.pread(fd, 8, 0)
            ticket = int.from_bytes(raw, "little") + 1 if len(raw) == 8 else 1
            os.pwrite(fd, ticket.to_bytes(8, "little"), 0)
            # Offsets from 8 on: the counter's own bytes are never a place in the queue.
            if not self._byte_lock(fd, 8 + ticket, wait=False):  # pragma: no cover - nobody else locks it
                raise OSError("write gate: a fresh ticket's place was taken")
            return ticket
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

    def acquire(self, timeout: float) -> int | None:
        """The held gate's file descriptor, or None when ``timeout`` seconds passed first."""
        import fcntl

        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if self._fifo:
            try:
                ticket = self._take_ticket(fd)
            except BaseException:
                os.close(fd)
                raise
            ahead = 8 + ticket - 1
            if self._byte_lock(fd, ahead, wait=False):
                return fd

            def take() -> None:
                while not self._byte_lock(fd, ahead, wait=True):  # pragma: no cover - a blocking lock only fails oddly
                    time.sleep(FIRST_PAUSE)
        else:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                pass

            def take() -> None:
                fcntl.flock(fd, fcntl.LOCK_EX)

        got = threading.Event()
        guard = threading.Lock()
        abandoned = False

        def wait() -> None:
            take()
            with guard:
                if abandoned:
                    self.release(fd)
                else:
                    got.set()

        threading.Thread(target=wait, name="lobbydesk-write-gate", daemon=True).start()
        if got.wait(max(timeout, 0.0)):
            return fd
        with guard:
            if got.is_set():
                return fd
            abandoned = True
        return None

    @staticmethod
    def release(fd: int) -> None:
        """Let the next in line go: closing the descriptor drops its locks (ticket byte, the one ahead, flock)."""
        os.close(fd)


# --- an import's rows not yet published (docs/imports.md "Writing a referral import") -------------

# Execution option for the import's own statements: see the rows it has not published yet.
SHOW_UNPUBLISHED = "lobbydesk_show_unpublished"
_HIDDEN_SQL = text("SELECT client_first, client_last, referral_first, referral_last, follow_up_first, "
                   "follow_up_last FROM import_batch")


def unpublished_ranges(conn: Connection) -> list[tuple[str, int, int]]:
    """(table, first id, last id) of every import batch not yet published, as ``conn`` sees them now."""
    assert isinstance(conn, Connection)
    out: list[tuple[str, int, int]] = []
    for row in conn.execute(_HIDDEN_SQL):
        for i, table in enumerate(("client", "referral", "follow_up")):
            first, last = row[2 * i], row[2 * i + 1]
            if first is not None and last is not None:
                out.append((table, int(first), int(last)))
    return out


def _hide_unpublished(state: ORMExecuteState) -> None:
    """Every ORM statement of a unit of work skips rows an import has written but not published.

    SQLite only: there an import writes in several short transactions (PostgreSQL's
    import is one transaction, which nobody sees before it commits). The batches are
    read once per transaction, on the transaction's own snapshot, so every statement
    of a unit sees the same rows; normally there are none and nothing is added.
    """
    if state.is_column_load or state.execution_options.get(SHOW_UNPUBLISHED):
        return
    if not (state.is_select or state.is_update or state.is_delete):
        return
    session = state.session
    conn = session.connection()  # begins the transaction if it has not begun: its snapshot is the one read
    tx = session.get_transaction()
    cached = session.info.get("lobbydesk_hidden")
    if cached is not None and cached[0] is tx:
        ranges = cached[1]
    else:
        ranges = unpublished_ranges(conn)
        session.info["lobbydesk_hidden"] = (tx, ranges)
    if not ranges:
        return
    from models import Client, FollowUp, Referral

    entities: dict[str, type[Client] | type[Referral] | type[FollowUp]] = {
        "client": Client, "referral": Referral, "follow_up": FollowUp}
    state.statement = state.statement.options(*(
        with_loader_criteria(entities[table], ~entities[table].id.between(first, last), include_aliases=True)
        for table, first, last in ranges))


@dataclass(frozen=True)
class Scope:
    """Whose rows a unit of work may touch on PostgreSQL (docs/row-level-security.md).

    ``branch_id``: the branch whose rows are read and written; ``head_office``: may also
    read every branch's rows of the tables the consolidated sheets need (never a client's).
    """

    branch_id: int | None
    head_office: bool = False


_SET_SCOPE = text(
    "SELECT set_config('app.branch_id', :branch, true), set_config('app.scope', :scope, true), "
    # The head office reads as its own role, whose policies open the consolidated tables (docs/row-level-security.md).
    "CASE WHEN :scope = 'head_office' AND current_user = 'lobbydesk_app' "
    "THEN set_config('role', 'lobbydesk_head_office', true) END")


@dataclass
class Database:
    """The engine plus a clock: what every service function is handed."""

    engine: Engine
    clock: Clock = field(default=utc_now)

    def __post_init__(self) -> None:
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        writer_engine = self.engine
        if self.engine.dialect.name == "sqlite":
            writer_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._writer = sessionmaker(writer_engine, expire_on_commit=False)
        if self.engine.dialect.name == "sqlite":
            for maker in (self._reader, self._writer):
                event.listen(maker, "do_orm_execute", _hide_unpublished)
        self._commits = 0
        self._gate: WriteGate | None = None
        self._scope: Scope | None = None
        # The scope of the units of work run inside ``scoped`` (this thread or task only).
        self._scope_override: ContextVar[Scope | None] = ContextVar("lobbydesk_scope", default=None)
        if self.engine.dialect.name == "postgresql":
            event.listen(self.engine, "begin", self._apply_scope)
        database = self.engine.url.database or ""
        if self.engine.dialect.name == "sqlite" and database not in ("", ":memory:") and sys.platform != "win32":
            self._gate = WriteGate(Path(database).expanduser().absolute())

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        """The branch's business day now."""
        return self.clock().astimezone(BRANCH_TZ).date()

    # --- the branch boundary (docs/row-level-security.md "Setting the scope") ----------------------

    def bind_scope(self, branch_id: int | None, *, head_office: bool = False) -> None:
        """From now on every unit of work acts for ``branch_id`` (or, with ``head_office``, reads
        across branches); None unbinds. On PostgreSQL row-level security enforces it; SQLite holds
        one branch and ignores it."""
        self._scope = None if branch_id is None and not head_office else Scope(branch_id, head_office)

    @property
    def scope(self) -> Scope | None:
        return self._scope_override.get() or self._scope

    @contextmanager
    def scoped(self, branch_id: int | None, *, head_office: bool = False) -> Iterator[None]:
        """Units of work in this block (this thread only) act for ``branch_id``: sign-in, before the
        person's branch is bound, acts for the branch of the account being signed in to."""
        token = self._scope_override.set(Scope(branch_id, head_office))
        try:
            yield
        finally:
            self._scope_override.reset(token)

    def act_for(self, session: Session, branch_id: int) -> None:
        """Within the unit of work running in ``session``, from now on act for ``branch_id``: the branch
        it has just created (``branch add``, ``init``). A no-op on SQLite."""
        if self.engine.dialect.name == "postgresql":
            session.execute(_SET_SCOPE, {"branch": str(branch_id), "scope": "branch"})

    def _apply_scope(self, conn: Connection) -> None:
        """At the start of every transaction on PostgreSQL: the scope, transaction-local, as bound parameters."""
        scope = self.scope
        if scope is None:
            return  # nothing set: row-level security shows the application's role no branch's rows
        conn.execute(_SET_SCOPE, {"branch": "" if scope.branch_id is None else str(scope.branch_id),
                                  "scope": "head_office" if scope.head_office else "branch"})

    @property
    def commits(self) -> int:
        """Write units this object has committed; the change feed (services.notify) watches it."""
        return self._commits

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work that changes data: commit on success, else roll back.

        The transaction begins before the body runs (on SQLite it takes the write
        lock then), retried within the budget while the database is busy; a busy
        failure later in the body or at commit rolls back and raises ``Busy``, which
        a ``retrying`` service call re-runs whole (docs/saving.md "Retry").

        On PostgreSQL the unit also announces itself on ``CHANGE_CHANNEL``; the
        server delivers the notice only if the transaction commits, so other
        workstations never hear of a rolled-back change.
        """
        deadline = getattr(_retry, "deadline", None) or time.monotonic() + RETRY_BUDGET
        gate = None
        if self._gate is not None:
            gate = self._gate.acquire(deadline - time.monotonic())
            if gate is None:
                log.warning("write refused: the database stayed busy for %.1f s", RETRY_BUDGET)
                raise Busy()
        try:
            with self._unit(deadline) as session:
                yield session
        finally:
            if gate is not None:
                self._gate.release(gate)  # type: ignore[union-attr]
        self._commits += 1
        _retry.commits = getattr(_retry, "commits", 0) + 1

    @contextmanager
    def _unit(self, deadline: float) -> Iterator[Session]:
        session, tx = self._begin_write(deadline)
        with session:
            try:
                with tx:
                    yield session
                    if self.engine.dialect.name == "postgresql":
                        session.execute(select(func.pg_notify(CHANGE_CHANNEL, "")))
            except DBAPIError as exc:
                if is_transient(exc):
                    raise Busy() from exc
                raise
            except StaleDataError:
                # A versioned row flushed outside services.saving.save (an autoflush): still a refusal,
                # never a crash, though it cannot say who (docs/saving.md "Versioned save").
                raise Conflict(msg("stale_unknown")) from None

    def _begin_write(self, deadline: float) -> tuple[Session, SessionTransaction]:
        pause = FIRST_PAUSE
        while True:
            session = self._writer()
            try:
                tx = session.begin()
                session.connection()  # BEGIN (IMMEDIATE on SQLite) now, before any work is done
                return session, tx
            except DBAPIError as exc:
                session.close()
                if not is_transient(exc):
                    raise
                wait = pause * random.uniform(0.5, 1.5)
                if time.monotonic() + wait > deadline:
                    log.warning("write refused: the database stayed busy for %.1f s", RETRY_BUDGET)
                    raise Busy() from exc
                time.sleep(wait)
                pause = min(pause * 2, LAST_PAUSE)

    @contextmanager
    def gated(self, timeout: float) -> Iterator[None]:
        """Hold the write gate (docs/saving.md "Retry") for work that is not a ``write()`` unit: an import's
        short transactions on its own connection. ``Busy`` if the gate stays taken for ``timeout`` seconds."""
        fd = None
        if self._gate is not None:
            fd = self._gate.acquire(timeout)
            if fd is None:
                raise Busy()
        try:
            yield
        finally:
            if fd is not None:
                self._gate.release(fd)  # type: ignore[union-attr]

    @contextmanager
    def import_lock(self, *, wait: bool = True) -> Iterator[bool]:
        """One referral import at a time on a SQLite file, across processes (an ``flock`` on ``<db>.importlock``).

        Yields whether it is held: with ``wait=False`` another running import makes it False at once.
        While it is held nobody else writes unpublished import rows, so any found are a killed import's
        leftovers (``discard_unpublished``). Without a file (POSIX only) it is always True.
        """
        if self._gate is None:
            yield True
            return
        import fcntl

        path = self._gate.path.with_name(self._gate.path.name.replace(".writelock", ".importlock"))
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            os.close(fd)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; closing it ends the transaction (loaded rows stay readable)."""
        with self._reader() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


DISCARD_CHUNK = 5000  # rows deleted per short transaction when a killed import's rows are taken out


def discard_unpublished(db: Database, conn: Connection, batch_id: int | None = None) -> int:
    """Delete the rows of unpublished import batches (all of them, or one), in short gated transactions.

    Nobody sees these rows (``_hide_unpublished``), so deleting them a chunk at a
    time changes nothing anyone sees. Lower ids go first and the top of each range
    goes in the last transaction together with the batch row: while the batch row
    exists its highest ids stay taken, so no other writer's new row (SQLite gives
    ``max(id) + 1``) can land inside a hidden range. The caller holds
    ``import_lock`` so that no running import's batch is taken for a leftover.
    Returns the number of rows deleted.
    """
    assert isinstance(conn, Connection)
    where = "" if batch_id is None else f" WHERE id = {int(batch_id)}"
    if conn.in_transaction():
        conn.rollback()
    # The hidden rows refer only to each other (and the top ids go last): no foreign-key look-ups per row.
    # The pragma takes effect only outside a transaction, hence the driver connection.
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    conn.execution_options(sqlite_begin="IMMEDIATE")
    try:
        return _discard_chunks(db, conn, where)
    finally:
        if conn.in_transaction():
            conn.rollback()
        conn.execution_options(sqlite_begin="DEFERRED")
        raw.execute("PRAGMA foreign_keys = ON")


def _discard_chunks(db: Database, conn: Connection, where: str) -> int:
    deleted = 0
    while True:
        with db.gated(60.0), conn.begin():
            row = conn.execute(text("SELECT id, follow_up_first, follow_up_last, referral_first, referral_last, "
                                    f"client_first, client_last FROM import_batch{where} ORDER BY id LIMIT 1")).first()
            if row is None:
                return deleted
            ranges = [(table, row[1 + 2 * i], row[2 + 2 * i])
                      for i, table in enumerate(("follow_up", "referral", "client"))  # referencing rows first
                      if row[1 + 2 * i] is not None and row[2 + 2 * i] is not None]
            below_top = [(table, first, last) for table, first, last in ranges if first < last]
            if below_top:  # a chunk below a range's top id
                table, first, last = below_top[0]
                hi = min(last - 1, first + DISCARD_CHUNK - 1)
                deleted += conn.execute(text(f"DELETE FROM {table} WHERE id BETWEEN :lo AND :hi"),
                                        {"lo": first, "hi": hi}).rowcount
                conn.execute(text(f"UPDATE import_batch SET {table}_first = :next WHERE id = :id"),
                             {"next": hi + 1, "id": row[0]})
                continue
            for table, first, last in ranges:  # only the top ids are left: those and the batch row, together
                deleted += conn.execute(text(f"DELETE FROM {table} WHERE id BETWEEN :lo AND :hi"),
                                        {"lo": first, "hi": last}).rowcount
            conn.execute(text("DELETE FROM import_batch WHERE id = :id"), {"id": row[0]})


def discard_leftover_imports(db: Database) -> int:
    """At start-up: a killed import's unpublished rows are taken out, unless an import is running now."""
    if db.dialect != "sqlite":
        return 0
    with db.import_lock(wait=False) as held:
        if not held:
            return 0
        with db.engine.connect() as conn:
            found = conn.execute(text("SELECT 1 FROM import_batch LIMIT 1")).first()
            conn.rollback()
            if found is None:
                return 0
            deleted = discard_unpublished(db, conn)
    if deleted:
        log.warning("took out %d rows an interrupted import had left unpublished", deleted)
    return deleted


def is_transient(exc: BaseException) -> bool:
    """A failure that trying the same unit of work again can cure: the database was busy, not wrong."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in TRANSIENT_SQLSTATES:
        return True
    if isinstance(orig, sqlite3.OperationalError):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
        return "database is locked" in str(orig)
    return False


def retrying(fn: Callable[Concatenate[Database, P], T]) -> Callable[Concatenate[Database, P], T]:
    """Run a service call again, whole, when its unit of work met a busy database (``Busy``).

    The budget counts from the first attempt, so the person never waits longer
    than ``RETRY_BUDGET``. A call made inside another retrying call leaves the
    retry to the outer one; a call that already committed a unit of work is not
    re-run (that would do the committed part twice) and lets ``Busy`` through.
    """

    @functools.wraps(fn)
    def call(db: Database, /, *args: P.args, **kwargs: P.kwargs) -> T:
        if getattr(_retry, "deadline", None) is not None:
            return fn(db, *args, **kwargs)
        _retry.deadline = deadline = time.monotonic() + RETRY_BUDGET
        committed = getattr(_retry, "commits", 0)
        pause = FIRST_PAUSE
        try:
            while True:
                try:
                    return fn(db, *args, **kwargs)
                except Busy:
                    wait = pause * random.uniform(0.5, 1.5)
                    if getattr(_retry, "commits", 0) != committed or time.monotonic() + wait > deadline:
                        raise
                    log.info("%s met a busy database; trying again", fn.__qualname__)
                    time.sleep(wait)
                    pause = min(pause * 2, LAST_PAUSE)
        finally:
            _retry.deadline = None

    return call


def bring_up_to_date(engine: Engine) -> None:
    """Migrate unless the schema is already at the newest revision (checked without importing Alembic)."""
    if not schema_looks_current(engine):
        migrate(engine)


def open_database(url: str | None = None, *, upgrade: bool = True, clock: Clock = utc_now,
                  check: Literal["quick", "full", "none"] = "quick") -> Database:
    """The database for ``--db``/the environment/the default file, its schema brought up to date.

    ``check`` ("quick", "full" or "none"): a damaged file or another program's database raises
    ``services.storage.DamagedDatabase`` before anything is written to it; a missing file is created.
    """
    resolved = resolve_url(url)
    if check != "none":
        from services.storage import ensure_healthy

        ensure_healthy(resolved, quick=check == "quick")
    engine = make_engine(resolved)
    if upgrade:
        bring_up_to_date(engine)
    database = Database(engine, clock)
    if upgrade:
        discard_leftover_imports(database)  # docs/imports.md "All or nothing"
    return database


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(BRANCH_TZ).date()


def local_midnight_utc(day: dt.date) -> dt.datetime:
    """The UTC instant at which the branch's ``day`` starts."""
    return dt.datetime.combine(day, dt.time(0), BRANCH_TZ).astimezone(dt.timezone.utc)


_REVISION_RE = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_RE = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


def _migration_heads() -> set[str] | None:
    """The newest revisions, read from the migration files' text (Alembic's own loader is slow to import)."""
    import migrations

    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (Path(migrations.__file__).parent / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        rev, down = _REVISION_RE.search(text), _DOWN_RE.search(text)
        if rev is None or down is None:
            return None  # a layout this reader does not know: let Alembic decide
        revisions.add(rev[1])
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down[1]))
    return revisions - parents or None


def schema_looks_current(engine: Engine) -> bool:
    """A cheap start-up check that the schema is at the newest migration, without importing Alembic.

    False whenever unsure (no version table, unreadable migrations), so the caller runs
    ``migrate``, which is idempotent; a connection failure surfaces there.
    """
    from sqlalchemy import Column, MetaData, String, Table
    from sqlalchemy.exc import DBAPIError

    heads = _migration_heads()
    if heads is None:
        return False
    version = Table("alembic_version", MetaData(), Column("version_num", String(32)))
    try:
        with engine.connect() as conn:
            current = set(conn.scalars(select(version.c.version_num)))
    except DBAPIError:
        return False
    return current == heads
