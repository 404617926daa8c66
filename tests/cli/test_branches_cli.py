"""``branch add/list``, ``init`` on a database of several branches, staff per branch (docs/branches.md)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from models import AuditEvent, Branch, Staff
from services.db import Database, make_engine
from tests.cli.test_cli import PROBLEM_LINE, run, write_csv


@pytest.fixture
def open_db(db_url: str) -> Iterator[Database]:
    database = Database(make_engine(db_url))
    yield database
    database.dispose()


def _counts(open_db) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with open_db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) or 0  # type: ignore[return-value]
                     for t in (Branch, Staff, AuditEvent))


def test_branch_add_and_list(db_url, open_db):
    assert run("--db", db_url, "init").returncode == 0
    added = run("--db", db_url, "branch", "add", "--code", "CX02", "--name", "城西支行")
    assert added.returncode == 0, added.stderr
    assert "CX02 城西支行" in added.stdout
    listed = run("--db", db_url, "branch", "list")
    assert listed.returncode == 0, listed.stderr
    assert [line.split("\t") for line in listed.stdout.splitlines()] == [
        ["0001", "本网点", "0"], ["CX02", "城西支行", "0"]]
    with open_db.read() as s:
        ev = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    assert (ev.action, ev.entity, ev.detail) == ("create", "branch", "code=CX02")


BAD_INPUT = [
    ("", "城西", ["--code"]), ("ab1", "城西", ["--code"]), ("ABCDE1234", "城西", ["--code"]),
    ("城西01", "城西", ["--code"]), ("00 2", "城西", ["--code"]), ("0001", "城西", ["--code"]),
    ("0002", "", ["--name"]), ("0002", "长" * 31, ["--name"]), ("0002", "城西\x07", ["--name"]),
    ("x", "  ", ["--code", "--name"]),
]


def test_branch_add_refuses_bad_input_with_exit_2_and_writes_nothing(db_url, open_db):
    assert run("--db", db_url, "init").returncode == 0
    before = _counts(open_db)
    for code, name, expect in BAD_INPUT:
        done = run("--db", db_url, "branch", "add", "--code", code, "--name", name)
        assert done.returncode == 2, (code, name, done.stdout)
        lines = done.stderr.splitlines()
        assert [line.split(":")[0] for line in lines] == expect, (code, name, done.stderr)
        assert all(line.split(": ", 1)[1].strip() for line in lines)
        assert "\x07" not in done.stderr
    assert _counts(open_db) == before


def test_init_on_a_database_of_several_branches_says_what_it_did(db_url, open_db):
    assert run("--db", db_url, "init").returncode == 0
    assert run("--db", db_url, "branch", "add", "--code", "0002", "--name", "二号").returncode == 0
    again = run("--db", db_url, "init", "--branch-code", "0002")
    assert again.returncode == 0, again.stderr
    assert "0002 二号" in again.stdout and "exists" in again.stdout and "0001, 0002" in again.stdout

    no_name = run("--db", db_url, "init", "--branch-code", "0003")
    assert no_name.returncode == 2 and no_name.stderr.startswith("--branch-name: ")
    bad = run("--db", db_url, "init", "--branch-code", "03", "--branch-name", "三号")
    assert bad.returncode == 2 and bad.stderr.startswith("--branch-code: ")
    assert _counts(open_db)[0] == 2

    made = run("--db", db_url, "--lang", "en", "init", "--branch-code", "0003", "--branch-name", "三号")
    assert made.returncode == 0, made.stderr
    assert "created branch 0003 三号; the database holds: 0001, 0002, 0003" in made.stdout
    with open_db.read() as s:
        assert s.scalar(select(Branch.name).where(Branch.code == "0003")) == "三号"


def test_staff_import_places_each_person_in_the_branch_named(db_url, open_db, tmp_path):
    assert run("--db", db_url, "init").returncode == 0
    assert run("--db", db_url, "branch", "add", "--code", "0002", "--name", "二号").returncode == 0
    good = write_csv(tmp_path / "staff.csv", [["工号", "姓名", "岗位", "网点"], ["A01", "张伟", "理财经理", "0001"],
                                              ["B01", "李娜", "柜员", "0002"]], "utf-8-sig")
    done = run("--db", db_url, "staff", "import", str(good))
    assert done.returncode == 0, done.stderr
    with open_db.read() as s:
        placed = dict(s.execute(select(Staff.staff_no, Branch.code).join(Branch, Staff.branch_id == Branch.id)).all())
    assert placed == {"A01": "0001", "B01": "0002"}


def test_staff_import_rows_without_a_branch_or_naming_an_unknown_one_are_row_problems(db_url, open_db, tmp_path):
    assert run("--db", db_url, "init").returncode == 0
    assert run("--db", db_url, "branch", "add", "--code", "0002", "--name", "二号").returncode == 0
    bad = write_csv(tmp_path / "staff.csv", [
        ["staff_id", "name", "role", "branch"], ["A01", "张伟", "rm", "0001"], ["A02", "王芳", "rm", ""],
        ["A03", "赵磊", "teller", "9999"]], "utf-8")
    before = _counts(open_db)
    done = run("--db", db_url, "staff", "import", str(bad))
    assert done.returncode == 2
    found = [PROBLEM_LINE.match(line) for line in done.stderr.splitlines()]
    assert all(found), done.stderr
    assert [(m["file"], m["row"], m["column"]) for m in found if m] == [
        (str(bad), "3", "branch"), (str(bad), "4", "branch")]
    assert "9999" in done.stderr
    assert _counts(open_db) == before

    no_column = write_csv(tmp_path / "plain.csv", [["staff_id", "name", "role"], ["A01", "张伟", "rm"]], "utf-8")
    missing = run("--db", db_url, "staff", "import", str(no_column))
    assert missing.returncode == 2 and missing.stderr.startswith(f"{no_column}:1: ")
    assert _counts(open_db) == before


def test_staff_add_takes_the_branch_when_there_are_several(db_url, open_db):
    assert run("--db", db_url, "init").returncode == 0
    assert run("--db", db_url, "branch", "add", "--code", "0002", "--name", "二号").returncode == 0
    before = _counts(open_db)
    without = run("--db", db_url, "staff", "add", "--id", "B01", "--name", "李娜", "--role", "rm")
    assert without.returncode == 2 and without.stderr.startswith("--branch: ")
    unknown = run("--db", db_url, "staff", "add", "--id", "B01", "--name", "李娜", "--role", "rm", "--branch", "0009")
    assert unknown.returncode == 2 and unknown.stderr.startswith("--branch: ") and "0009" in unknown.stderr
    assert _counts(open_db) == before
    added = run("--db", db_url, "staff", "add", "--id", "B01", "--name", "李娜", "--role", "rm", "--branch", "0002")
    assert added.returncode == 0, added.stderr
    with open_db.read() as s:
        assert s.scalar(select(Branch.code).join(Staff, Staff.branch_id == Branch.id)
                        .where(Staff.staff_no == "B01")) == "0002"
