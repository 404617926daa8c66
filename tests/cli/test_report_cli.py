"""``main.py report …`` as a person runs it: files written, impossible dates refused with exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from services import accounts
from services.db import Database, make_engine

ROOT = Path(__file__).resolve().parents[2]


def run(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db_url, "report", *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)


@pytest.fixture
def branch_db(db_url: str) -> str:
    db = Database(make_engine(db_url))
    accounts.ensure_branch(db, "0001", "测试支行")
    db.dispose()
    return db_url


def test_daily_pdf_and_monthly_xlsx(branch_db: str, tmp_path: Path) -> None:
    out = tmp_path / "daily.pdf"
    done = run(branch_db, "daily", "--date", "2026-11-20", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    out = tmp_path / "monthly.xlsx"
    done = run(branch_db, "monthly", "--month", "2026-10", "--out", str(out), "--branch", "ALL")
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize("args", [
    ("monthly", "--month", "2026-13"),
    ("daily", "--date", "2026-02-30"),
    ("weekly", "--date", "20261120"),
])
def test_impossible_dates_exit_2_and_write_nothing(branch_db: str, tmp_path: Path, args: tuple[str, ...]) -> None:
    out = tmp_path / "sheet.pdf"
    done = run(branch_db, *args, "--out", str(out))
    assert done.returncode == 2
    assert args[1] in done.stderr  # the message names the option
    assert not out.exists()


def test_unknown_branch_exits_2(branch_db: str, tmp_path: Path) -> None:
    done = run(branch_db, "daily", "--date", "2026-11-20", "--out", str(tmp_path / "x.pdf"), "--branch", "9999")
    assert done.returncode == 2 and "9999" in done.stderr
    assert not (tmp_path / "x.pdf").exists()
