"""The command line as docs/product.md "Command line" promises it, run as a real process on each engine."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Base, Branch, Client, Referral, Staff
from services import accounts
from services.db import BRANCH_TZ, Database, make_engine

ROOT = Path(__file__).resolve().parents[2]
PROBLEM_LINE = re.compile(r"^(?P<file>.+?):(?P<row>\d+): (?P<column>[^:]+): (?P<reason>.+)$")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: val for k, val in os.environ.items() if k != "LOBBYDESK_DB_URL"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], check=False, cwd=ROOT, input=stdin, capture_output=True,
        text=True, encoding="utf-8", env=env, timeout=180,
    )


@pytest.fixture
def open_db(db_url: str) -> Iterator[Database]:
    """The test's own view of the database the command line writes to."""
    database = Database(make_engine(db_url))
    yield database
    database.dispose()


def table_counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str) -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_init_is_idempotent_and_staff_add_reads_the_password_from_stdin(db_url, open_db):
    first = run("--db", db_url, "init")
    assert first.returncode == 0, first.stderr
    assert "数据库 / database:" in first.stdout and "0001 本网点" in first.stdout and "created" in first.stdout
    again = run("--db", db_url, "init")
    assert again.returncode == 0, again.stderr
    assert "0001 本网点" in again.stdout and "exists" in again.stdout
    with open_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Branch)) == 1

    added = run("--db", db_url, "staff", "add", "--id", "R01", "--name", "张伟", "--role", "rm", "--password-stdin",
                stdin="Secr3t-pass\n")
    assert added.returncode == 0, added.stderr
    assert "R01" in added.stdout and "Secr3t-pass" not in added.stdout
    sign_in = accounts.authenticate(open_db, "R01", "Secr3t-pass")
    assert sign_in.actor.role == "rm" and sign_in.must_change_password


def test_demo_prints_its_accounts(db_url, open_db):
    done = run("--db", db_url, "demo")
    assert done.returncode == 0, done.stderr
    lines = [line.split("\t") for line in done.stdout.splitlines() if line.startswith("  ")]
    roles = {parts[2] for parts in lines}
    assert roles == {"teller", "lobby_manager", "rm", "marketing", "supervisor", "admin"}
    staff_no, _name, _role, password = next(p for p in lines if p[2] == "supervisor")
    assert accounts.authenticate(open_db, staff_no.strip(), password).actor.role == "supervisor"


def test_imports_all_or_nothing_with_every_problem_on_stderr(db_url, open_db, tmp_path):
    accounts.ensure_branch(open_db)
    staff_file = write_csv(tmp_path / "员工.csv", [
        ["工号", "姓名", "岗位"], ["L01", "王丽华", "大堂经理"], ["T01", "陈晓燕", "柜员"],
        ["R01", "张伟", "理财经理"], ["R02", "李娜", "rm"],
    ], encoding="gb18030")
    staff = run("--db", db_url, "staff", "import", str(staff_file))
    assert staff.returncode == 0, staff.stderr
    passwords = dict(line.split("\t")[0::3] for line in staff.stdout.splitlines() if line.startswith("  "))
    assert set(passwords) == {"  L01", "  T01", "  R01", "  R02"}
    assert accounts.authenticate(open_db, "R01", passwords["  R01"]).must_change_password

    # The command line runs on the real clock: the sheet's days are the last few.
    today = dt.datetime.now(BRANCH_TZ).date()
    day = today - dt.timedelta(days=3)
    slash = f"{day.year}/{day.month}/{day.day}"
    header = ["日期", "推介人工号", "客户姓名", "手机号", "证件号", "客户类型", "推介状态", "理财经理工号", "备注"]
    good = [slash, "L01", "周杰", "13912345678", "", "to_win", "referred", "R01", ""]
    bad_rows = [
        [slash, "L01", "甲客户", "1234567", "", "to_win", "referred", "R01", ""],
        [slash, "L01", "张3", "13900000002", "", "to_win", "referred", "R01", ""],
        [slash, "L01", "张" * 31, "13900000003", "", "to_win", "referred", "R01", ""],
        [slash, "L01", "丙客户", "13900000004", "34010419800101123X", "to_win", "referred", "R01", ""],
        ["2026/02/30", "L01", "丁客户", "13900000005", "", "to_win", "referred", "R01", ""],
        [f"{today + dt.timedelta(days=1):%Y/%m/%d}", "L01", "戊客户", "13900000006", "", "to_win", "referred", "R01",
         ""],
        [slash, "X999", "己客户", "13900000007", "", "to_win", "referred", "R01", ""],
        [slash, "L01", "庚客户", "13900000008", "", "to_win", "referred", "T01", ""],
        [slash, "L01", "辛客户", "13900000009", "", "to_win", "已完成", "R01", ""],
        [slash, "L01", "壬客户", "13900000010", "", "VIP客户", "referred", "R01", ""],
        [slash, "L01", "癸客户", "13900000011", "", "to_win", "referred", "R01", "很" * 501],
        [slash, "L01", "子客户", "13900000012", "", "to_win", "pending", "R01", "响铃\x07"],
    ]
    bad_file = write_csv(tmp_path / "bad.csv", [header, good, *bad_rows], encoding="utf-8-sig")
    before = table_counts(open_db)
    bad = run("--db", db_url, "referrals", "import", str(bad_file))
    assert bad.returncode == 2, bad.stderr
    lines = bad.stderr.strip().splitlines()
    matches = [PROBLEM_LINE.match(line) for line in lines]
    assert all(matches), lines
    assert {m["file"] for m in matches if m} == {str(bad_file)}
    assert sorted(int(m["row"]) for m in matches if m) == list(range(3, 15))  # one line per bad row, header is 1
    assert {m["column"] for m in matches if m} >= {"手机号", "客户姓名", "证件号", "日期", "推介人工号", "理财经理工号"}
    assert table_counts(open_db) == before

    missing = run("--db", db_url, "referrals", "import", str(tmp_path / "nowhere.csv"))
    assert missing.returncode == 2
    assert "nowhere.csv" in missing.stderr and "无法读取文件" in missing.stderr

    good_file = write_csv(tmp_path / "推介.csv", [
        header, good, [slash, "T01", "吴敏", "13812345678", "", "现有潜质客户", "待跟进", "R02", "到期续作"],
    ], encoding="utf-8-sig")
    ok = run("--db", db_url, "referrals", "import", str(good_file))
    assert ok.returncode == 0, ok.stderr
    assert "imported 2 referrals, 2 new clients" in ok.stdout
    with open_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 2
        assert s.scalar(select(func.count()).select_from(Client)) == 2
        assert s.scalar(select(func.count()).select_from(Staff)) == 4


def test_an_impossible_report_date_is_bad_input(tmp_path):
    out = tmp_path / "x.pdf"
    db_url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    done = run("--db", db_url, "report", "daily", "--date", "2026-02-30", "--out", str(out))
    assert done.returncode == 2
    assert "--date" in done.stderr and "2026-02-30" in done.stderr
    assert not out.exists()


def test_an_unsupported_database_url_is_refused_with_a_message(tmp_path):
    done = run("--db", "mysql://lobby@localhost/lobby", "init")
    assert done.returncode != 0
    assert "mysql" in done.stderr and "Traceback" not in done.stderr
