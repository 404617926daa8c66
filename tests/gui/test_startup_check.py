"""Start-up with a damaged database: a clear message naming the file and the newest backup, no traceback,
the file left as it was (docs/files-and-faults.md "Start-up")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from services import storage
from tests.gui.window_support import run_to_the_startup_error


def test_a_zero_byte_database_stops_the_program_with_the_newest_backup_named(
        qtbot, tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the default backup directory, kept inside
    db_path = tmp_path / "lobby.sqlite3"
    db_path.write_bytes(b"")
    backup = tmp_path / "lobby-2026-11-19.sqlite3"
    shutil.copyfile(sqlite_template, backup)
    code, seen = run_to_the_startup_error(f"sqlite:///{db_path}")
    assert code == 2
    assert seen and str(db_path) in seen[0] and str(backup) in seen[0] and "Traceback" not in seen[0]
    assert db_path.read_bytes() == b""  # never silently re-initialised


def test_launch_refuses_another_programs_file(qtbot, tmp_path: Path) -> None:
    import sqlite3

    from gui.app import launch

    assert isinstance(QApplication.instance(), QApplication)
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(storage.DamagedDatabase) as caught:
        launch(f"sqlite:///{path}")
    assert str(path) in str(caught.value)
