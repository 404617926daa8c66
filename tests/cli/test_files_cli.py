"""Files and faults on the command line (docs/files-and-faults.md): `check`, `backup`, `restore`, damaged
databases refused without a traceback, one console line per failure, the log file holding the rest."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from services import storage
from services.db import Database, make_engine, migrations_config
from tests.factories import Factories

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: val for k, val in os.environ.items() if k != "LOBBYDESK_DB_URL"}
    env.update(PYTHONIOENCODING="utf-8", LOBBYDESK_LOG_DIR=str(tmp_path / "log"),
               XDG_DATA_HOME=str(tmp_path / "data"))  # the default backup directory, kept inside the test
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "en", *args], check=False, cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=180)


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr + done.stdout
    assert "[parameters:" not in done.stderr


def staff_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM staff").fetchone()[0])


@pytest.fixture(scope="module")
def healthy_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file with a branch, staff and referrals, checkpointed into one file."""
    path = tmp_path_factory.mktemp("healthy") / "lobby.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    from services.db import migrate

    migrate(engine)
    db = Database(engine)
    f = Factories(db)
    lobby, rm = f.staff("lobby_manager"), f.staff("rm")
    for _ in range(40):
        f.referral(lobby, rm)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def truncated(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size * 2 // 3)


def garbage_mid_file(path: Path) -> None:
    rng = random.Random(12)
    with path.open("r+b") as fh:
        fh.seek((path.stat().st_size // PAGE // 2) * PAGE)
        fh.write(bytes(rng.randrange(256) for _ in range(3 * PAGE)))


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def text_file(path: Path) -> None:
    path.write_text("客户名单\n张三,13812345678\n", encoding="utf-8")


def another_program(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('shopping list')")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": truncated, "garbage mid-file": garbage_mid_file, "zero-byte": zero_bytes,
    "text file": text_file, "another program's SQLite file": another_program,
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_database_is_named_and_refused_without_a_traceback(kind, healthy_file, tmp_path):
    work = tmp_path / "branch"
    work.mkdir()
    good_backup = work / "lobby-backup.sqlite3"
    shutil.copyfile(healthy_file, good_backup)
    db_path = work / "lobby.sqlite3"
    shutil.copyfile(healthy_file, db_path)
    DAMAGE[kind](db_path)
    damaged_bytes = db_path.read_bytes()
    url = f"sqlite:///{db_path}"

    checked = run(tmp_path, "--db", url, "check")
    assert checked.returncode == 1, checked.stderr
    lines = checked.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 3
    assert str(db_path) in lines[0]
    assert str(good_backup) in lines[1]  # the newest backup found, beside the database
    no_traceback(checked)

    rows = tmp_path / "referrals.csv"
    rows.write_text("日期,推介人工号,客户姓名,手机号,客户类型,推介状态,理财经理工号\n", encoding="utf-8")
    out = tmp_path / "copy.sqlite3"
    for args in (["init"], ["referrals", "import", str(rows)], ["backup", "--out", str(out)]):
        done = run(tmp_path, "--db", url, *args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert str(db_path) in done.stderr, args
        no_traceback(done)
    assert not out.exists()  # the damage was not copied
    assert db_path.read_bytes() == damaged_bytes  # never re-initialised or written to


def test_a_path_that_does_not_exist_yet_is_created_by_init_but_not_by_check(tmp_path):
    db_path = tmp_path / "new" / "lobby.sqlite3"
    checked = run(tmp_path, "--db", f"sqlite:///{db_path}", "check")
    assert checked.returncode == 1 and "does not exist" in checked.stderr
    assert not db_path.exists()
    made = run(tmp_path, "--db", f"sqlite:///{db_path}", "init")
    assert made.returncode == 0, made.stderr
    again = run(tmp_path, "--db", f"sqlite:///{db_path}", "check")
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().splitlines() == [f"database healthy: {db_path}"]


def test_check_is_healthy_on_each_engine(db_url, tmp_path):
    assert run(tmp_path, "--db", db_url, "init").returncode == 0
    done = run(tmp_path, "--db", db_url, "check")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) == 1 and "healthy" in done.stdout


def test_backup_checks_the_copy_and_refuses_to_overwrite_without_force(healthy_file, tmp_path):
    db_path = tmp_path / "lobby.sqlite3"
    shutil.copyfile(healthy_file, db_path)
    url = f"sqlite:///{db_path}"
    out = tmp_path / "backups" / "b.sqlite3"
    first = run(tmp_path, "--db", url, "backup", "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert str(out) in first.stdout
    assert not Path(f"{out}-wal").exists()  # one self-contained file
    assert storage.check(f"sqlite:///{out}").ok and staff_count(out) == staff_count(db_path)

    out.write_bytes(b"keep me")
    refused = run(tmp_path, "--db", url, "backup", "--out", str(out))
    assert refused.returncode == 2
    assert str(out) in refused.stderr and "--force" in refused.stderr
    assert out.read_bytes() == b"keep me"
    forced = run(tmp_path, "--db", url, "backup", "--out", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert storage.check(f"sqlite:///{out}").ok


def test_a_copy_that_fails_its_check_is_not_kept(healthy_file, tmp_path, monkeypatch):
    db_path = tmp_path / "lobby.sqlite3"
    shutil.copyfile(healthy_file, db_path)
    real = storage._inspect_sqlite

    def copy_is_bad(path: Path, *, level: str) -> str | None:
        return "disk full" if path.name.endswith(".part") else real(path, level=level)

    monkeypatch.setattr(storage, "_inspect_sqlite", copy_is_bad)
    out = tmp_path / "b.sqlite3"
    with pytest.raises(storage.DamagedDatabase, match="disk full"):
        storage.backup(f"sqlite:///{db_path}", out)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_restore_replaces_a_damaged_database_and_keeps_it_beside(healthy_file, tmp_path):
    db_path = tmp_path / "lobby.sqlite3"
    shutil.copyfile(healthy_file, db_path)
    garbage_mid_file(db_path)
    backup = tmp_path / "b.sqlite3"
    shutil.copyfile(healthy_file, backup)
    done = run(tmp_path, "--db", f"sqlite:///{db_path}", "restore", "--from", str(backup))
    assert done.returncode == 0, done.stderr
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("lobby.sqlite3.replaced-")]
    assert len(kept) == 1 and kept[0].name[len("lobby.sqlite3.replaced-"):].replace("-", "").isdigit()
    assert str(kept[0]) in done.stdout
    assert run(tmp_path, "--db", f"sqlite:///{db_path}", "check").returncode == 0
    assert staff_count(db_path) == staff_count(healthy_file)
    assert storage.check(f"sqlite:///{kept[0]}").state is storage.State.DAMAGED


@pytest.mark.parametrize("kind", ["text file", "zero-byte", "another program's SQLite file", "garbage mid-file"])
def test_restore_refuses_a_file_that_is_not_a_healthy_database_of_ours(kind, healthy_file, tmp_path):
    db_path = tmp_path / "lobby.sqlite3"
    shutil.copyfile(healthy_file, db_path)
    before = db_path.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    shutil.copyfile(healthy_file, bad)
    DAMAGE[kind](bad)
    done = run(tmp_path, "--db", f"sqlite:///{db_path}", "restore", "--from", str(bad))
    assert done.returncode == 2, done.stderr
    assert str(bad) in done.stderr
    no_traceback(done)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["bad.sqlite3", "lobby.sqlite3"]


def test_restore_upgrades_an_older_schema_and_refuses_an_unknown_one(tmp_path):
    from alembic import command

    old = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{old}")
    command.upgrade(migrations_config(engine), "0001")
    with engine.begin() as conn:  # today's services expect today's schema: the old file is filled by hand
        conn.execute(text("INSERT INTO branch (code, name) VALUES ('0001', '老网点')"))
    engine.dispose()
    db_path = tmp_path / "lobby.sqlite3"
    done = run(tmp_path, "--db", f"sqlite:///{db_path}", "restore", "--from", str(old))
    assert done.returncode == 0, done.stderr
    assert storage.check(f"sqlite:///{db_path}").ok
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "0001"
        assert conn.execute("SELECT name FROM branch").fetchone()[0] == "老网点"

    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    refused = run(tmp_path, "--db", f"sqlite:///{db_path}", "restore", "--from", str(old))
    assert refused.returncode == 2 and "9999" in refused.stderr


def _change_left_in_wal(path: Path, branch_name: str) -> sqlite3.Connection:
    """Renames the branch and keeps the change in the WAL only (no checkpoint); the caller closes."""
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE branch SET name = ?", (branch_name,))
    return writer


def test_restore_reads_a_copy_whose_latest_changes_are_still_in_its_wal(healthy_file, tmp_path):
    live = tmp_path / "live.sqlite3"
    shutil.copyfile(healthy_file, live)
    writer = _change_left_in_wal(live, "写在WAL里")
    copied = tmp_path / "copied" / "live.sqlite3"
    copied.parent.mkdir()
    shutil.copyfile(live, copied)
    shutil.copyfile(f"{live}-wal", f"{copied}-wal")  # a backup taken by copying the files
    writer.close()
    db_path = tmp_path / "lobby.sqlite3"
    shutil.copyfile(healthy_file, db_path)
    done = run(tmp_path, "--db", f"sqlite:///{db_path}", "restore", "--from", str(copied))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name FROM branch").fetchone()[0] == "写在WAL里"
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0


def test_an_unexpected_failure_is_one_line_and_the_traceback_is_in_the_log_without_parameters(
        healthy_file, tmp_path):
    db_path = tmp_path / "lobby.sqlite3"
    shutil.copyfile(healthy_file, db_path)
    with sqlite3.connect(db_path) as conn:  # a bug's stand-in: a table the program needs is gone
        conn.execute("DROP TABLE audit_event")
    done = run(tmp_path, "--db", f"sqlite:///{db_path}", "staff", "add", "--id", "R77", "--name", "欧阳秘娜",
               "--role", "rm")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "audit_event" in lines[0] and "欧阳秘娜" not in lines[0]
    no_traceback(done)
    log_file = tmp_path / "log" / "lobbydesk.log"
    assert str(log_file) in lines[0]  # "details were written to the log" is true
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "no such table: audit_event" in logged
    assert "欧阳秘娜" not in logged and "R77" not in logged  # SQL parameters hidden


def test_sql_parameters_are_hidden_from_errors_on_each_engine(db_url):
    from sqlalchemy.exc import SQLAlchemyError

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn, pytest.raises(SQLAlchemyError) as caught:
            conn.execute(text("INSERT INTO no_such_table (x) VALUES (:secret)"), {"secret": "13812345678"})
        assert "13812345678" not in str(caught.value)
    finally:
        engine.dispose()



def test_backup_copies_changes_still_in_the_wal(healthy_file, tmp_path):
    db_path = tmp_path / "lobby.sqlite3"
    shutil.copyfile(healthy_file, db_path)
    writer = _change_left_in_wal(db_path, "只在WAL里")
    assert Path(f"{db_path}-wal").stat().st_size > 0
    try:
        out = tmp_path / "b.sqlite3"
        storage.backup(f"sqlite:///{db_path}", out)
    finally:
        writer.close()
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT name FROM branch").fetchone()[0] == "只在WAL里"


def test_restore_refuses_while_another_connection_is_mid_transaction(healthy_file, tmp_path):
    db_path = tmp_path / "lobby.sqlite3"
    shutil.copyfile(healthy_file, db_path)
    backup = tmp_path / "b.sqlite3"
    shutil.copyfile(healthy_file, backup)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("BEGIN")
    other.execute("UPDATE branch SET name = '工作站二'")  # another workstation mid-save
    try:
        with pytest.raises(storage.DatabaseInUse):
            storage.restore(f"sqlite:///{db_path}", backup)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file() and "replaced" in p.name) == []
    assert not list(tmp_path.glob(".*restoring*"))
    assert storage.check(f"sqlite:///{db_path}").ok


def test_a_bad_argument_is_echoed_without_its_escape_sequences(tmp_path):
    done = run(tmp_path, "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "report", "daily",
               "--date", "2026-11-20\x1b[2J\x1b]0;pwned\x07", "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2
    assert "--date" in done.stderr and "\x1b" not in done.stderr and "\x07" not in done.stderr


def test_damage_found_mid_command_says_to_run_check(capsys):
    from sqlalchemy.exc import DatabaseError

    import main
    from services.i18n import set_language

    set_language("en")
    try:
        exc = DatabaseError("SELECT * FROM client WHERE mobile = ?", ("13812345678",),
                            sqlite3.DatabaseError("database disk image is malformed"), hide_parameters=True)
        main._report_failure("referrals", exc)
    finally:
        set_language("zh_CN")
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "database disk image is malformed" in err[0] and "lobbydesk check" in err[0]
    assert "13812345678" not in err[0] and "SELECT" not in err[0]
