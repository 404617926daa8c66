"""The database file's health, its backups and restores (docs/files-and-faults.md).

``check`` answers whether a database is a healthy database of this program;
``ensure_healthy`` is the guard every command and the window's start-up pass
through, so a damaged file is refused, never silently re-initialised;
``backup`` and ``restore`` verify what they read and what they write.

SQLite files are examined with the standard library's ``sqlite3`` (opened
read-write but never created, so the WAL is honoured and a missing file stays
missing); PostgreSQL gets a sanity query.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from services.appinfo import APP_NAME
from services.db import StorageError, make_engine, migrate
from services.i18n import msg

log = logging.getLogger("lobbydesk.storage")

SQLITE_HEADER = b"SQLite format 3\x00"
# A start-up quick check stops here and counts as passed: the header, the schema and the first
# pages have been read by then; the full check belongs to `check`, `init` and `backup`.
# The commands' quick check: SQLite's quick_check, stopped between its steps after this long.
QUICK_CHECK_BUDGET_S = 0.2
# The window's start-up check: the file's header and schema, and these tables every start reads
# before anything else (sign-in, settings), small in any branch (docs/files-and-faults.md "Quick check").
STARTUP_CHECK_TABLES = ("alembic_version", "branch", "branch_settings", "staff")
# How many candidate backups are opened (newest first) to find one that is a database of ours.
BACKUP_CANDIDATES = 20
SIDE_FILES = ("-wal", "-shm", "-journal")
_DETAIL_MAX = 160


class StorageFailure(StorageError):
    """The database cannot be worked on as it is (exit 1), as opposed to a bad argument (exit 2)."""


class DatabaseInUse(StorageFailure):
    """Another connection is mid-transaction on the file a restore would replace."""


class DamagedDatabase(StorageFailure):
    """The database exists but is not a healthy database of this program (exit 1, never re-initialised)."""

    def __init__(self, health: Health) -> None:
        self.health = health
        super().__init__("\n".join(health.lines()))


class State(enum.StrEnum):
    HEALTHY = "healthy"
    MISSING = "missing"  # no file yet: created on first start
    UNINITIALISED = "uninitialised"  # an SQLite file or a PostgreSQL database without any table
    DAMAGED = "damaged"  # unreadable, truncated, failed a check, or another program's database


@dataclass(frozen=True)
class Health:
    where: str  # a path, or the URL without its password
    state: State
    problem: str | None = None
    newest_backup: Path | None = None
    searched: tuple[Path, ...] = ()

    @property
    def ok(self) -> bool:
        return self.state is State.HEALTHY

    @property
    def usable(self) -> bool:
        """True when a program may open it: healthy, or nothing there yet to lose."""
        return self.state in (State.HEALTHY, State.MISSING, State.UNINITIALISED)

    def lines(self) -> list[str]:
        """What ``check`` prints: at most three lines, naming the file and the newest backup."""
        if self.ok:
            return [msg("db_healthy", path=self.where)]
        out = [msg("db_damaged", path=self.where, why=self.problem or "")]
        if self.newest_backup is not None:
            stamp = dt.datetime.fromtimestamp(self.newest_backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            out.append(msg("backup_newest", path=self.newest_backup, at=stamp))
            out.append(msg("restore_hint", path=self.newest_backup))
        elif self.searched:
            out.append(msg("backup_none", dirs=", ".join(str(d) for d in self.searched)))
        return out


def one_line(detail: object) -> str:
    """A message fit for one console line: first line only, no control characters, bounded."""
    from services.validation import printable

    first = str(detail).strip().splitlines()[0] if str(detail).strip() else ""
    first = printable(first)
    return first if len(first) <= _DETAIL_MAX else first[: _DETAIL_MAX - 1] + "…"


# --- where backups are --------------------------------------------------------------------

def default_backup_dir() -> Path:
    """Where people are told to keep backups: ``backups`` in the per-user data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "backups"


def backup_dirs(db_path: Path) -> tuple[Path, ...]:
    """Looked in for the newest backup: the database's own directory, then the default backup directory."""
    dirs = [db_path.parent, default_backup_dir()]
    return tuple(dict.fromkeys(d.absolute() for d in dirs))


def _is_candidate(path: Path, db_path: Path) -> bool:
    name = path.name
    if path.absolute() == db_path.absolute() or name.startswith("."):
        return False
    if name.endswith(SIDE_FILES) or name.endswith(".part") or ".replaced-" in name:
        return False
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def newest_backup(db_path: Path) -> Path | None:
    """The newest file in ``backup_dirs`` that is a healthy-looking database of this program."""
    found: list[Path] = []
    for d in backup_dirs(db_path):
        with suppress(OSError):
            found += [p for p in d.iterdir() if p.is_file() and _is_candidate(p, db_path)]
    found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for candidate in found[:BACKUP_CANDIDATES]:
        if _inspect_sqlite(candidate, level="schema") is None:
            return candidate
    return None


# --- SQLite ---------------------------------------------------------------------------------

def known_revisions() -> frozenset[str]:
    """Every schema revision this program has a migration for (read from the files, like services.db)."""
    import migrations

    found = set()
    for script in (Path(migrations.__file__).parent / "versions").glob("*.py"):
        m = re.search(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", script.read_text(encoding="utf-8"),
                      re.MULTILINE)
        if m:
            found.add(m[1])
    return frozenset(found)


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL; None for PostgreSQL and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).expanduser().absolute()


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    """Open an existing file read-write, never creating it (``mode=rw``)."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=10, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def _header_problem(path: Path) -> str | None:
    size = path.stat().st_size
    if size == 0:
        wal = path.with_name(path.name + "-wal")
        if not (wal.exists() and wal.stat().st_size > 0):
            return msg("db_empty_file")
        return None  # everything still in the WAL: SQLite itself decides
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        return msg("db_not_sqlite")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count in the header is valid only when its "version-valid-for" matches the change counter.
    if head[92:96] == head[24:28] and pages and size < pages * page_size:
        return msg("db_truncated", expected=pages * page_size, actual=size)
    return None


def _integrity(conn: sqlite3.Connection, *, level: str) -> str | None:
    quick = level != "full"
    if level == "startup":
        # Only the small tables every start reads (docs/files-and-faults.md "Quick check"): SQLite
        # runs a quick_check as one step that no progress handler can stop, and over a whole
        # multi-gigabyte file that step takes seconds at every start of the window.
        rows = []
        for table in STARTUP_CHECK_TABLES:
            rows = conn.execute(f"PRAGMA quick_check({table})").fetchall()  # a constant name, never input
            if rows and rows[0][0] != "ok":
                break
    elif quick:
        deadline = time.monotonic() + QUICK_CHECK_BUDGET_S
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            rows = conn.execute("PRAGMA quick_check(3)").fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc).lower():
                log.info("quick check stopped after %.1f s: counted as passed", QUICK_CHECK_BUDGET_S)
                return None
            raise
        finally:
            conn.set_progress_handler(None, 0)
    else:
        rows = conn.execute("PRAGMA integrity_check(3)").fetchall()
    if rows and rows[0][0] != "ok":
        return msg("db_integrity", detail=one_line(rows[0][0]))
    if not quick:
        broken = conn.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            return msg("db_foreign_keys", table=broken[0])
    return None


def _inspect_sqlite(path: Path, *, level: str) -> str | None:
    """The first problem with the file at ``path`` (``level``: schema, startup, quick or full), else None.

    The empty string means "a valid SQLite file without any table" (nothing to lose).
    """
    problem = _header_problem(path)
    if problem:
        return problem
    try:
        with _connect(path) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                return ""
            if not {"alembic_version", "branch"} <= tables:
                return msg("db_foreign")
            revisions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
            unknown = revisions - known_revisions()
            if unknown or not revisions:
                return msg("db_revision_unknown", rev=", ".join(sorted(unknown)) or "-")
            if level == "schema":
                return None
            return _integrity(conn, level=level)
    except sqlite3.DatabaseError as exc:
        return msg("db_unreadable", detail=one_line(exc))


# --- both engines ---------------------------------------------------------------------------

def _check_postgresql(url: str) -> tuple[State, str | None]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            tables = set(conn.execute(text(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")).scalars())
            if not tables:
                return State.UNINITIALISED, msg("db_uninitialised")
            if not {"alembic_version", "branch"} <= tables:
                return State.DAMAGED, msg("db_foreign")
            revisions = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
            if not revisions or revisions - known_revisions():
                return State.DAMAGED, msg("db_revision_unknown", rev=", ".join(sorted(revisions)) or "-")
            conn.execute(text("SELECT count(*) FROM branch"))
    except SQLAlchemyError as exc:
        return State.DAMAGED, msg("db_unreadable", detail=one_line(getattr(exc, "orig", None) or exc))
    finally:
        engine.dispose()
    return State.HEALTHY, None


def check(url: str, *, quick: bool = False, startup: bool = False) -> Health:
    """The database's health. ``quick``: SQLite's ``quick_check`` within a small time budget (the
    commands); ``startup``: the header, the schema and the small tables a start reads (the window)."""
    path = sqlite_path(url)
    if path is None:
        if make_url(url).get_backend_name() == "sqlite":
            return Health(url, State.HEALTHY)  # in memory
        where = make_url(url).render_as_string(hide_password=True)
        state, problem = _check_postgresql(url)
        return Health(where, state, problem)
    if not path.exists():
        return Health(str(path), State.MISSING, msg("db_missing"), newest_backup(path), backup_dirs(path))
    problem = _inspect_sqlite(path, level="startup" if startup else "quick" if quick else "full")
    if problem is None:
        return Health(str(path), State.HEALTHY)
    if problem == "":
        return Health(str(path), State.UNINITIALISED, msg("db_uninitialised"))
    log.warning("database %s failed its check: %s", path, problem, extra={"console": False})
    return Health(str(path), State.DAMAGED, problem, newest_backup(path), backup_dirs(path))


def ensure_healthy(url: str, *, quick: bool = True, startup: bool = False) -> Health:
    """Refuse a database that is damaged or another program's; a missing or empty one may be set up."""
    health = check(url, quick=quick, startup=startup)
    if not health.usable:
        raise DamagedDatabase(health)
    return health


# --- backup ---------------------------------------------------------------------------------

def pg_dump_hint(url: str, out: Path) -> str:
    u = make_url(url)
    return (f"pg_dump -h {u.host or 'localhost'} -p {u.port or 5432} -U {u.username or 'postgres'} "
            f"-Fc -f {out} {u.database}")


def backup(url: str, out: Path, *, force: bool = False) -> str:
    """A checked copy of the database at ``out``: the source is checked before, the copy after.

    Refuses (StorageError, exit 2) an existing ``out`` unless ``force``; a damaged source or copy
    raises DamagedDatabase (exit 1) and leaves ``out`` as it was. For PostgreSQL: how to use pg_dump.
    """
    out = Path(out).expanduser().absolute()
    path = sqlite_path(url)
    if path is None:
        return msg("backup_pg", cmd=pg_dump_hint(url, out))
    if out == path or (out.exists() and path.exists() and out.samefile(path)):
        raise StorageError(msg("backup_same_file"))
    if out.exists() and not force:
        raise StorageError(msg("backup_exists", path=out))
    source = check(url, quick=False)
    if not source.ok:
        raise DamagedDatabase(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    try:
        tmp.unlink(missing_ok=True)
        with _connect(path) as src, closing(sqlite3.connect(tmp)) as dst:
            src.backup(dst)
            # The copy is one self-contained file, whatever the source's journal mode.
            dst.execute("PRAGMA journal_mode=DELETE")
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        problem = _inspect_sqlite(tmp, level="full")
        if problem is not None:
            raise DamagedDatabase(Health(str(out), State.DAMAGED, msg("backup_copy_bad", why=problem or "-")))
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    log.info("backed up %s to %s", path, out)
    return msg("backup_done", path=out)


# --- restore --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Restored:
    database: Path
    replaced: Path | None  # the file it replaced, kept beside it


def _move_with_side_files(src: Path, dst: Path) -> None:
    """Rename a database and its WAL together (the WAL belongs to the file by name); drop its -shm."""
    os.replace(src, dst)
    for suffix in ("-wal", "-journal"):
        side = src.with_name(src.name + suffix)
        if side.exists():
            os.replace(side, dst.with_name(dst.name + suffix))
    src.with_name(src.name + "-shm").unlink(missing_ok=True)


def _in_use(path: Path) -> bool:
    """Best effort: another connection is mid-transaction when a full checkpoint cannot finish."""
    try:
        with _connect(path) as conn:
            conn.execute("PRAGMA busy_timeout=2000")
            row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return bool(row and row[0])
    except sqlite3.DatabaseError:
        return False  # a damaged database cannot tell; restoring it is the point


def restore(url: str, source: Path, *, now: dt.datetime | None = None) -> Restored:
    """Replace the SQLite database with ``source`` once it proves a healthy database of this program.

    ``source`` is copied (with its WAL, when it has one) beside the database, checked fully,
    upgraded to the current schema and checked again; only then is the database renamed to
    ``NAME.replaced-YYYYMMDD-HHMMSS`` (its WAL with it) and the copy renamed into place.
    A refused file raises StorageError (exit 2) and changes nothing.
    """
    source = Path(source).expanduser().absolute()
    path = sqlite_path(url)
    if path is None:
        u = make_url(url)
        hint = f"pg_restore -h {u.host or 'localhost'} -p {u.port or 5432} -U {u.username or 'postgres'} " \
               f"--clean -d {u.database} {source}"
        raise StorageError(msg("restore_pg", cmd=hint))
    if not source.is_file():
        raise StorageError(msg("restore_refused", path=source, why=msg("db_missing")))
    if path.exists() and source.samefile(path):
        raise StorageError(msg("restore_refused", path=source, why=msg("restore_same")))
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.restoring")
    try:
        for suffix in ("", *SIDE_FILES):
            staged.with_name(staged.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(source, staged)
        wal = source.with_name(source.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, staged.with_name(staged.name + "-wal"))
        problem = _inspect_sqlite(staged, level="full")
        if problem is not None:
            raise StorageError(msg("restore_refused", path=source, why=problem or msg("db_uninitialised")))
        engine = make_engine(f"sqlite:///{staged}")
        try:
            migrate(engine)
        except SQLAlchemyError as exc:
            raise StorageError(msg("restore_refused", path=source, why=one_line(getattr(exc, "orig", exc)))) from exc
        finally:
            engine.dispose()
        problem = _inspect_sqlite(staged, level="quick")
        if problem is not None:
            raise StorageError(msg("restore_refused", path=source, why=problem or "-"))
        replaced = None
        if path.exists():
            if _in_use(path):
                raise DatabaseInUse(msg("restore_in_use"))
            stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
            replaced = path.with_name(f"{path.name}.replaced-{stamp}")
            _move_with_side_files(path, replaced)
        _move_with_side_files(staged, path)
    finally:
        for suffix in ("", *SIDE_FILES):
            staged.with_name(staged.name + suffix).unlink(missing_ok=True)
    log.info("restored %s from %s (replaced file kept as %s)", path, source, replaced)
    return Restored(path, replaced)
