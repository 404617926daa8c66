"""The statistics sheet as an .xlsx workbook (openpyxl): a summary, then one worksheet per table.

Every text cell goes through ``text_cell``: a branch or staff name is data, never a formula
(docs/files-and-faults.md "Hostile output").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from services.db import BRANCH_TZ
from services.reports import diversions
from services.reports import labels as L
from services.stats import ReferrerRow, RmRow, Sheet

NUMBER_FORMAT = "#,##0"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E1E8F2")
_TOTAL_FILL = PatternFill("solid", fgColor="EEF1F6")
_THIN = Border(bottom=Side(style="thin", color="8C95A1"))
_WIDTHS = {"branch": 8.0, "staff_no": 11.0, "name": 12.0, "role": 14.0, "branch_name": 24.0}
# What a spreadsheet may read as the start of a formula (OWASP "CSV Injection"); tab and CR are
# removed with the other control characters before this is checked.
FORMULA_PREFIXES = ("=", "+", "-", "@")


def clean_text(value: str) -> str:
    """``value`` without control characters (openpyxl refuses most; none belongs in a sheet), newlines kept."""
    return "".join(ch for ch in value if ch == "\n" or ch.isprintable())


def text_cell(ws: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    """A cell that holds ``value`` as text, never as a formula.

    The cell is typed as a string, so no program evaluates it, and a text that starts like a
    formula also gets Excel's quote prefix (the invisible apostrophe), so it stays text when
    someone edits the cell; the text itself is unchanged.
    """
    text = clean_text(value)
    cell = WriteOnlyCell(ws, None)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True
    return cell


def _cells(ws: WriteOnlyWorksheet, values: Sequence[object]) -> list[object]:
    return [text_cell(ws, v) if isinstance(v, str) else v for v in values]


def _header_cell(ws: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    cell = text_cell(ws, text)
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.border = _THIN
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


Body = Iterable[tuple[Sequence[str], tuple[int, ...], tuple[int, ...] | None]]  # (texts, figures, previous)


def _staff_body(sheet: Sheet, rows: Sequence[ReferrerRow] | Sequence[RmRow]) -> Body:
    for row in rows:
        yield L.staff_cells(sheet, row), row.figures.values(), row.previous.values() if row.previous else None


def _branch_body(sheet: Sheet, rms: bool) -> Body:
    """The head office's per-branch breakdown (docs/head-office.md)."""
    for ln in sheet.branches:
        figures = ln.rms if rms else ln.referrers
        before = ln.previous_rms if rms else ln.previous_referrers
        yield L.branch_cells(ln), figures.values(), before.values() if before else None


def _table(wb: Workbook, title: str, sheet: Sheet, columns: Sequence[L.Column],
           rows: Body, totals: tuple[int, ...],
           previous_totals: tuple[int, ...] | None) -> None:
    ws = wb.create_sheet(title)
    monthly = sheet.previous is not None
    text_cols = [c for c in columns if not c.numeric]
    headers = [c.label for c in text_cols]
    for c in columns:
        if not c.numeric:
            continue
        label = f"{c.group}·{c.label}" if c.group else c.label
        if monthly:
            headers += [label + L.paren(L.t('this_month')), label + L.paren(L.t('last_month'))]
        else:
            headers.append(label)
    # Write-only worksheets take their layout before the first row.
    ws.freeze_panes = f"{get_column_letter(len(text_cols) + 1)}2"
    for i, c in enumerate(text_cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS[c.key]
    for i in range(len(text_cols) + 1, len(headers) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 11.0 if monthly else 9.5
    ws.append([_header_cell(ws, h) for h in headers])

    def numbers(values: tuple[int, ...], previous: tuple[int, ...] | None, fill: PatternFill | None) -> list[Any]:
        cells = []
        pairs = zip(values, previous, strict=True) if previous is not None else ((v,) for v in values)
        for group in pairs:
            for v in group:
                cell = WriteOnlyCell(ws, v)
                cell.number_format = NUMBER_FORMAT
                if fill is not None:
                    cell.fill = fill
                    cell.font = _HEADER_FONT
                cells.append(cell)
        return cells

    for texts, values, prev in rows:
        ws.append([*_cells(ws, texts), *numbers(values, prev, None)])
    total_label = text_cell(ws, L.t("totals"))
    total_label.font = _HEADER_FONT
    total_label.fill = _TOTAL_FILL
    blanks = []
    for _ in range(len(text_cols) - 1):
        blank = WriteOnlyCell(ws, None)
        blank.fill = _TOTAL_FILL
        blanks.append(blank)
    ws.append([total_label, *blanks, *numbers(totals, previous_totals, _TOTAL_FILL)])


# --- account-closure retention (docs/retention.md): the monthly sheet's section -------------------

def _retention_table(wb: Workbook, sheet: Sheet) -> None:
    """A worksheet of its own: per RM, the month's records and their results, then the total."""
    if sheet.retention is None:
        return
    ws = wb.create_sheet(L.t("sheet.retention"))
    columns = L.retention_columns(sheet)
    for i, c in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(c.key, 10.0)
    ws.append([_header_cell(ws, c.label) for c in columns])
    for cells, counts in L.retention_rows(sheet):
        ws.append([*_cells(ws, cells), *counts])
    n_text = sum(1 for c in columns if not c.numeric)
    total = text_cell(ws, L.t("totals"))
    total.font = _HEADER_FONT
    ws.append([total, *[None] * (n_text - 1), *sheet.retention_totals.values()])
    ws.append([text_cell(ws, L.t("retention.note"))])


def render_xlsx(sheet: Sheet, out: Path | IO[bytes]) -> None:
    """Write the sheet as .xlsx to ``out`` (the caller makes the write atomic)."""
    wb = Workbook(write_only=True)
    wb.properties.title = clean_text(L.document_title(sheet))
    wb.properties.creator = clean_text(sheet.branch.name if sheet.branch is not None else L.t("all_branches"))
    wb.properties.subject = L.t(f"title.{sheet.kind.value}")

    summary = wb.create_sheet(L.t("sheet.summary"))
    summary.column_dimensions["A"].width = 14
    summary.column_dimensions["B"].width = 60
    summary.append([_header_cell(summary, L.t("xlsx.kind")), text_cell(summary, L.t(f"title.{sheet.kind.value}"))])
    summary.append(_cells(summary, [L.t("branch"), L.branch_text(sheet)]))
    summary.append(_cells(summary, [L.t("period"), L.period_text(sheet)]))
    summary.append(_cells(summary, [L.t("generated"), L.generated_text(sheet, BRANCH_TZ)]))
    summary.append(_cells(summary, [L.t("closed"), L.closed_text(sheet)]))
    if sheet.previous is not None:
        before = sheet.previous
        summary.append(_cells(summary, [L.t("previous"), L.span(before.period_start, before.period_end)]))
    summary.append(_cells(summary, [L.t("xlsx.note"), L.t("note")]))

    prev = sheet.previous
    if sheet.all_branches:
        _table(wb, L.t("sheet.branch_referrers"), sheet, L.branch_referrer_columns(sheet), _branch_body(sheet, False),
               sheet.referrer_totals.values(), prev.referrer_totals.values() if prev else None)
        _table(wb, L.t("sheet.branch_rms"), sheet, L.branch_rm_columns(sheet), _branch_body(sheet, True),
               sheet.rm_totals.values(), prev.rm_totals.values() if prev else None)
    _table(wb, L.t("sheet.referrers"), sheet, L.referrer_columns(sheet), _staff_body(sheet, sheet.referrers),
           sheet.referrer_totals.values(), prev.referrer_totals.values() if prev else None)
    _table(wb, L.t("sheet.rms"), sheet, L.rm_columns(sheet), _staff_body(sheet, sheet.rms),
           sheet.rm_totals.values(), prev.rm_totals.values() if prev else None)
    _complaints(wb, sheet)
    diversions.xlsx_sheet(wb, sheet)  # docs/diversion.md
    _retention_table(wb, sheet)
    wb.save(out)


# --- complaints section (docs/complaints.md "Monthly summary") ---

def _complaints(wb: Workbook, sheet: Sheet) -> None:
    """A worksheet of the month's complaints by kind and timeliness (the monthly sheet only)."""
    rows = L.complaint_rows(sheet)
    if not rows or sheet.complaints is None:
        return
    ws = wb.create_sheet(L.t("sheet.complaints"))
    ws.column_dimensions["A"].width = 18
    for i in range(2, len(L.COMPLAINT_COLUMNS) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 14
    ws.append([_header_cell(ws, L.t(key)) for key in L.COMPLAINT_COLUMNS])
    for n, row in enumerate(rows):
        total = n == len(rows) - 1
        cells: list[Any] = []
        for value in row:
            cell = text_cell(ws, value) if isinstance(value, str) else WriteOnlyCell(ws, value)
            if not isinstance(value, str):
                cell.number_format = NUMBER_FORMAT
            if total:
                cell.fill = _TOTAL_FILL
                cell.font = _HEADER_FONT
            cells.append(cell)
        ws.append(cells)
    ws.append([])
    ws.append([text_cell(ws, L.t("complaints.note", day=sheet.complaints.as_of.isoformat()))])
