"""Reading import files: .csv (UTF-8 with or without BOM, GB18030) or .xlsx, header row, Chinese or English names.

Everything here is about the file, nothing about what its rows mean (that is
``services.imports``). Every problem is a ``FieldProblem`` with a row number
(docs/imports.md "Problem lines"): row 0 is the file as a whole (unreadable,
wrong encoding, not a spreadsheet, no data), row n >= 1 is that line of the
file (the header is its own line, normally 1). Whatever a problem repeats
from the file is passed through ``printable`` first, so no escape sequence
or control character from a file ever reaches a terminal.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.errors import FieldProblem, ValidationError
from services.i18n import msg
from services.validation import printable

FILE_ROW = 0  # the row number of a problem about the whole file
FILE_FIELD = "file"
HEADER_SHOWN = 40  # an unknown header is shown cut to this many characters, then "…"


@dataclass(frozen=True)
class Column:
    """One column an import understands, by its Chinese and English header."""

    key: str
    zh: str
    en: str
    required: bool = True

    @property
    def label(self) -> str:
        return f"{self.zh}/{self.en}"


@dataclass(frozen=True)
class Table:
    """An import file's data rows, with each known column's position and header text."""

    path: Path
    header_row: int
    positions: dict[str, int]  # column key -> index in a row
    headers: dict[str, str]  # column key -> header text as written in the file
    rows: list[tuple[int, list[object]]]  # (1-based row number in the file, cells)

    def has(self, key: str) -> bool:
        return key in self.positions

    def raw(self, cells: Sequence[object], key: str) -> object | None:
        idx = self.positions.get(key)
        if idx is None or idx >= len(cells):
            return None
        value = cells[idx]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def text(self, cells: Sequence[object], key: str) -> str | None:
        return cell_text(self.raw(cells, key))

    def texts(self, cells: Sequence[object]) -> dict[str, str | None]:
        """Every known column's ``text`` at once (the per-row hot path of a large import)."""
        n = len(cells)
        out: dict[str, str | None] = {}
        for key, idx in self.positions.items():
            value = cells[idx] if idx < n else None
            if value is None or type(value) is str:
                out[key] = value if value and not value.isspace() else None
            else:
                out[key] = cell_text(value)
        return out

    def header(self, key: str, columns: Sequence[Column]) -> str:
        """The column's name as the file spells it, else the bilingual label."""
        if key in self.headers:
            return self.headers[key]
        for col in columns:
            if col.key == key:
                return col.label
        return key


# --- what may be shown ------------------------------------------------------------


def printable_problems(problems: Iterable[FieldProblem]) -> list[FieldProblem]:
    """Problems whose column and message may carry file content, made safe to print."""
    return [FieldProblem(printable(p.field, HEADER_SHOWN), printable(p.message), p.row) for p in problems]


def file_problem(key: str, row: int = FILE_ROW, **kw: object) -> ValidationError:
    return ValidationError([FieldProblem(FILE_FIELD, printable(msg(key, **kw)), row)])


# --- cells ------------------------------------------------------------------------


def cell_text(value: object) -> str | None:
    """A cell as text: spreadsheets store mobiles and staff ids as numbers (13812345678.0)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    text = str(value)
    return text if text.strip() else None


def is_blank(cells: Iterable[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


# --- files ------------------------------------------------------------------------


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM) first and strictly, then GB18030 (Excel on Chinese Windows)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise file_problem("file_encoding")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise file_problem("file_unreadable", why=exc.strerror or type(exc).__name__) from None


def csv_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    """The file's records with the line each starts on."""
    text = decode_csv(_read_bytes(path))
    first_line = text.split("\n", 1)[0]
    # Some "CSV" exports are tab-separated; a header with tabs and no commas says so.
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for record in reader:
            # A quoted cell may span lines: report the line the record starts on.
            start, line = line + 1, reader.line_num
            yield start, list(record)
    except csv.Error as exc:
        raise file_problem("file_unreadable", row=max(reader.line_num, 1), why=str(exc)) from None


def xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    """The first sheet's rows, numbered as the spreadsheet numbers them."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    data = _read_bytes(path)  # unreadable is said once, the same way for both kinds
    if not data:
        raise file_problem("file_empty")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError, EOFError,
            IndexError, AttributeError, SyntaxError):
        # SyntaxError: openpyxl's XML parser on a damaged part. Never a traceback for a bad file.
        raise file_problem("file_unreadable", why=msg("not_xlsx")) from None
    try:
        if not wb.worksheets:
            raise file_problem("file_empty")
        ws = wb.worksheets[0]
        # Some tools write a wrong sheet dimension; read what is really there.
        ws.reset_dimensions()
        try:
            return [(n, list(row)) for n, row in enumerate(ws.iter_rows(values_only=True), start=1)]
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, EOFError, SyntaxError):
            raise file_problem("file_unreadable", why=msg("not_xlsx")) from None
    finally:
        wb.close()


def read_table(path: Path, columns: Sequence[Column]) -> Table:
    """Read the file and map its header to ``columns``; file and header problems raise at once."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw_rows: Iterable[tuple[int, list[object]]] = csv_rows(path)
    elif suffix == ".xlsx":
        raw_rows = xlsx_rows(path)
    else:
        raise file_problem("file_type")
    rows = [(n, cells) for n, cells in raw_rows if not is_blank(cells)]
    if not rows:
        raise file_problem("file_empty")
    header_row, header_cells = rows[0]
    data = rows[1:]

    by_name: dict[str, Column] = {}
    for col in columns:
        by_name[col.zh] = col
        by_name[col.en.casefold()] = col
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    problems: list[FieldProblem] = []
    for idx, cell in enumerate(header_cells):
        name = (cell_text(cell) or "").strip()
        if not name:
            continue  # an unnamed column is refused below only where a row fills it
        found = by_name.get(name) or by_name.get(name.casefold())
        shown = printable(name, HEADER_SHOWN)
        if found is None:
            problems.append(FieldProblem(shown, msg("unknown_column"), header_row))
        elif found.key in positions:
            problems.append(FieldProblem(shown, msg("duplicate_column"), header_row))
        else:
            positions[found.key] = idx
            headers[found.key] = shown
    for col in columns:
        if col.required and col.key not in positions:
            problems.append(FieldProblem(col.label, msg("missing_column"), header_row))
    if problems:
        raise ValidationError(problems)
    if not data:
        raise file_problem("file_empty")
    return Table(path, header_row, positions, headers, data)


def unnamed_cells(table: Table, row: int, cells: Sequence[object]) -> list[FieldProblem]:
    """Values in a column without a header would be silently lost: refuse them."""
    known = set(table.positions.values())
    return [
        FieldProblem(msg("column_n", n=idx + 1), msg("no_header"), row)
        for idx, value in enumerate(cells)
        if idx not in known and not is_blank([value])
    ]


def sorted_problems(problems: Iterable[FieldProblem], table: Table) -> list[FieldProblem]:
    """Row by row, and within a row in the file's column order, as a person reads it; printable."""
    order = {name: table.positions[key] for key, name in table.headers.items()}
    ordered = sorted(problems, key=lambda p: (p.row or 0, order.get(p.field, len(order))))
    return printable_problems(ordered)
