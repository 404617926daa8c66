"""The sheets' block of ordinary clients guided to self-service or the counter (docs/diversion.md).

A block of its own below the referral tables in the PDF, a worksheet of
its own in the .xlsx. Names are made printable like the rest of the sheet.
"""

from __future__ import annotations

from openpyxl import Workbook
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from services.reports import labels as L
from services.reports.grid import Grid, GridColumn, GridSpec, GridStyle, HeaderCell
from services.stats import DiversionRow, Sheet

_TEXTS: dict[str, tuple[str, str]] = {
    # Unnumbered: the sheet's numbered parts are the referral tables and the chart.
    "table": ("普通客户分流统计", "Ordinary clients guided elsewhere (diversions)"),
    "sheet": ("分流", "Diversions"),
    "self_service": ("引导至自助设备", "To self-service"),
    "counter": ("引导至柜台", "To the counter"),
    "total": ("分流合计", "Diversions"),
    "none": ("本期无分流记录", "No diversions in this period"),
}


def _t(key: str) -> str:
    zh, en = _TEXTS[key]
    return en if L.english() else zh


def _text_cells(sheet: Sheet, row: DiversionRow) -> list[str]:
    from services.validation import printable

    st = row.staff
    cells = [printable(st.branch_code)] if sheet.all_branches else []
    return cells + [printable(st.staff_no), L.staff_name(printable(st.name), st.active), L.role(st.role)]


def headers(sheet: Sheet) -> list[str]:
    text = ([L.t("col.branch")] if sheet.all_branches else []) + [L.t("col.staff_no"), L.t("col.name"),
                                                                  L.t("col.role")]
    return text + [_t("self_service"), _t("counter"), _t("total")]


def rows(sheet: Sheet) -> list[list[str | int]]:
    """The table's rows, the totals last; empty when the sheet has no diversion block."""
    block = sheet.diversions
    if block is None:
        return []
    n_text = 4 if sheet.all_branches else 3
    out: list[list[str | int]] = [[*_text_cells(sheet, r), r.self_service, r.counter, r.total] for r in block.rows]
    out.append([L.t("totals"), *[""] * (n_text - 1), block.self_service, block.counter, block.total])
    return out


def pdf_flowables(sheet: Sheet, frame_width: float, style: GridStyle) -> list[Flowable]:
    """The PDF's diversion table: who diverted how many ordinary clients, and where to."""
    if sheet.diversions is None:
        return []
    widths = ([12 * mm] if sheet.all_branches else []) + [15 * mm, 19 * mm, 19 * mm]
    num = (frame_width - sum(widths)) / 3
    cols = [GridColumn(w) for w in widths] + [GridColumn(num, "right")] * 3
    header = [HeaderCell(h, i, 0) for i, h in enumerate(headers(sheet))]
    body = [[str(c) for c in r] for r in rows(sheet)]
    spec = GridSpec(cols, header, 1, style, caption=_t("table"), continued=L.t("continued"))
    return [Spacer(1, 6 * mm), Grid(spec, body, frozenset({len(body) - 1}))]


def xlsx_sheet(wb: Workbook, sheet: Sheet) -> None:
    """The .xlsx's worksheet of diversions (numbers as numbers)."""
    if sheet.diversions is None:
        return
    from services.reports.xlsx import _cells, _header_cell

    ws = wb.create_sheet(_t("sheet"))
    ws.append([_header_cell(ws, h) for h in headers(sheet)])
    for r in rows(sheet):
        ws.append(_cells(ws, r))
