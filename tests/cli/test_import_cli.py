"""What `referrals import` prints for hostile and broken files (docs/imports.md "Problem lines"), as a real process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from services import accounts
from services.db import Database, make_engine
from tests.cli.test_cli import PROBLEM_LINE, run, table_counts, write_csv

HEADER = ["日期", "推介人工号", "客户姓名", "手机号", "客户类型", "推介状态", "理财经理工号"]
ESC = "\x1b"


@pytest.fixture
def open_db(db_url: str) -> Iterator[Database]:
    database = Database(make_engine(db_url))
    yield database
    database.dispose()


def problem_lines(stderr: str) -> list[dict[str, str]]:
    lines = stderr.strip().splitlines()
    matches = [PROBLEM_LINE.match(line) for line in lines]
    assert all(matches), lines
    return [m.groupdict() for m in matches if m]


def test_escape_sequences_from_a_file_never_reach_the_terminal(db_url, open_db, tmp_path):
    accounts.ensure_branch(open_db)
    long_header = "x" * 20_041
    hostile = [
        [*HEADER, f"{ESC}]0;pwned\x07{ESC}[2J", long_header],
        ["2026/11/19", f"L01{ESC}[31m", f"张{ESC}[8m三", "13900000001", f"to_win{ESC}c", "已推介", "R01\u202e"],
    ]
    path = write_csv(tmp_path / "hostile.csv", hostile, "utf-8")
    before = table_counts(open_db)

    done = run("--db", db_url, "referrals", "import", str(path))

    assert done.returncode == 2
    assert ESC not in done.stderr and "\x07" not in done.stderr and "\u202e" not in done.stderr
    found = problem_lines(done.stderr)
    assert {m["row"] for m in found} == {"1"}  # header problems stop the import before any row is read
    columns = [m["column"] for m in found]
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in columns  # shown, escaped, never obeyed
    assert "x" * 40 + "…" in columns and max(len(line) for line in done.stderr.splitlines()) < 200
    assert table_counts(open_db) == before

    # With a clean header the same cells reach the row checks: still nothing obeyed.
    rows = write_csv(tmp_path / "cells.csv", [HEADER, hostile[1]], "utf-8")
    cells = run("--db", db_url, "referrals", "import", str(rows))
    assert cells.returncode == 2
    assert ESC not in cells.stderr and "\u202e" not in cells.stderr
    assert {m["row"] for m in problem_lines(cells.stderr)} == {"2"}
    assert "\\x1b" in cells.stderr
    assert table_counts(open_db) == before


def test_file_level_problems_have_the_problem_line_form(db_url, open_db, tmp_path):
    accounts.ensure_branch(open_db)
    cases: dict[str, tuple[bytes | None, str, str]] = {
        # name: (content, row, a fragment of the reason)
        "nowhere.csv": (None, "0", "无法读取文件"),
        "latin1.csv": ("日期,手机号\n".encode("utf-16"), "0", "UTF-8"),
        "empty.csv": (b"", "0", "没有数据行"),
        "blank-lines.csv": (b"\n\n ,\n", "0", "没有数据行"),
        "header-only.csv": (",".join(HEADER).encode(), "0", "没有数据行"),
        "not-a-sheet.xlsx": (b"PK\x03\x04 this is no workbook", "0", ".xlsx"),
        "zero.xlsx": (b"", "0", "没有数据行"),
        "notes.txt": (b"a,b\n", "0", ".csv"),
        "no-header.csv": ("2026/11/19,L01,张三,13900000001,to_win,已推介,R01\n".encode(), "1", "缺少必需的列"),
        "huge-cell.csv": (",".join(HEADER).encode() + b"\n2026/11/19,L01," + b"x" * 200_000 + b",1,2,3,4\n", "2",
                          "无法读取文件"),
    }
    before = table_counts(open_db)
    for name, (content, row, fragment) in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        done = run("--db", db_url, "referrals", "import", str(path))
        assert done.returncode == 2, (name, done.stderr)
        found = problem_lines(done.stderr)
        assert found[0]["file"] == str(path), name
        assert {m["row"] for m in found} == {row}, (name, done.stderr)
        assert fragment in done.stderr, (name, done.stderr)
        assert "Traceback" not in done.stderr
    assert table_counts(open_db) == before


def test_the_english_interface_names_the_file_problem_too(db_url, open_db, tmp_path):
    accounts.ensure_branch(open_db)
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"\x00" * 64)
    done = run("--db", db_url, "--lang", "en", "referrals", "import", str(path))
    assert done.returncode == 2
    (line,) = problem_lines(done.stderr)
    assert line == {"file": str(path), "row": "0", "column": "file",
                    "reason": "cannot read the file: not a valid .xlsx spreadsheet"}
