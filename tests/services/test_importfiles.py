"""Reading import files (services/importfiles.py): encodings, .xlsx, headers, file-level problems, printable text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from services.errors import ValidationError
from services.importfiles import (
    FILE_ROW,
    HEADER_SHOWN,
    Column,
    decode_csv,
    read_table,
)
from services.validation import printable

COLUMNS = (Column("staff_id", "工号", "staff_id"), Column("name", "姓名", "name"),
           Column("note", "备注", "note", required=False))


def problems_of(path: Path) -> list[tuple[int | None, str, str]]:
    with pytest.raises(ValidationError) as err:
        read_table(path, COLUMNS)
    return [(p.row, p.field, p.message) for p in err.value.problems]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_every_accepted_encoding_reads_the_same(tmp_path, encoding):
    path = tmp_path / "x.csv"
    path.write_bytes("工号,姓名,备注\nG001,欧阳娜娜,“引号”·点\n".encode(encoding))
    table = read_table(path, COLUMNS)
    assert table.header_row == 1
    assert [(n, table.texts(cells)) for n, cells in table.rows] == [
        (2, {"staff_id": "G001", "name": "欧阳娜娜", "note": "“引号”·点"})]


def test_a_bom_is_not_part_of_the_first_header():
    assert decode_csv("\ufeff工号".encode()) == "工号"
    assert decode_csv("工号".encode("gb18030")) == "工号"


def test_tab_separated_and_english_headers_in_any_case(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(" Staff_ID \tNAME\nG001\t张三\n", encoding="utf-8")
    table = read_table(path, COLUMNS)
    assert table.headers == {"staff_id": "Staff_ID", "name": "NAME"}
    assert table.texts(table.rows[0][1]) == {"staff_id": "G001", "name": "张三"}


def test_xlsx_numbers_dates_and_blank_lines(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in (["工号", "姓名", "备注"], [None, None, None], [1001, "张伟", dt.datetime(2026, 11, 19, 14, 5)]):
        ws.append(row)
    path = tmp_path / "x.xlsx"
    wb.save(path)
    table = read_table(path, COLUMNS)
    assert [n for n, _ in table.rows] == [3]  # the blank line is skipped, its number still counts
    assert table.texts(table.rows[0][1]) == {"staff_id": "1001", "name": "张伟", "note": "2026-11-19 14:05:00"}


@pytest.mark.parametrize("name, content, fragment", [
    ("missing.csv", None, "无法读取文件"),
    ("utf16.csv", "工号,姓名\n".encode("utf-16"), "UTF-8"),
    ("empty.csv", b"", "没有数据行"),
    ("blank.csv", b"\r\n , \r\n", "没有数据行"),
    ("header-only.csv", "工号,姓名\n".encode(), "没有数据行"),
    ("garbage.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "不是有效的 .xlsx"),
    ("zip-not-sheet.xlsx", b"PK\x05\x06" + b"\x00" * 18, "不是有效的 .xlsx"),
    ("empty.xlsx", b"", "没有数据行"),
    ("notes.txt", b"a,b\n", ".csv"),
])
def test_file_level_problems_are_row_0_of_the_file(tmp_path, name, content, fragment):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    ((row, field, message),) = problems_of(path)
    assert (row, field) == (FILE_ROW, "file") and fragment in message


def test_a_directory_is_unreadable_not_a_crash(tmp_path):
    path = tmp_path / "folder.csv"
    path.mkdir()
    ((row, field, message),) = problems_of(path)
    assert (row, field) == (FILE_ROW, "file") and "无法读取文件" in message


def test_header_problems_are_on_the_header_row(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("\n工号,推荐人,工号\nG001,张三,G002\n", encoding="utf-8")
    assert [(row, field) for row, field, _ in problems_of(path)] == [(2, "推荐人"), (2, "工号"), (2, "姓名/name")]


def test_a_record_the_csv_reader_refuses_names_its_line(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("工号,姓名\nG001,张三\nG002," + "x" * 200_000 + "\n", encoding="utf-8")
    ((row, field, message),) = problems_of(path)
    assert (row, field) == (3, "file") and "无法读取文件" in message


def test_an_unknown_header_is_cut_and_escaped(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(f"工号,姓名,\x1b[31m{'长' * 20_041}\n", encoding="utf-8")
    ((row, field, _),) = problems_of(path)
    assert row == 1
    assert field == "\\x1b[31m" + "长" * (HEADER_SHOWN - len("\\x1b[31m")) + "…"
    assert len(field) == HEADER_SHOWN + 1


@pytest.mark.parametrize("raw, shown", [
    ("plain 中文 🙂", "plain 中文 🙂"),
    ("\x1b[2J\x1b]0;title\x07", "\\x1b[2J\\x1b]0;title\\x07"),
    ("a\rb\nc\td\x7f\x9b", "a\\x0db\\x0ac\\x09d\\x7f\\x9b"),
    ("left\u202eright\u2028\u200b", "left\\u202eright\\u2028\\u200b"),
])
def test_printable_shows_control_characters_instead_of_sending_them(raw, shown):
    assert printable(raw) == shown


def test_printable_cuts_to_a_limit():
    assert printable("abcdef", 4) == "abcd…"
    assert printable("abcd", 4) == "abcd"
