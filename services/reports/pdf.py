"""The statistics sheet as an A4 PDF (ReportLab platypus), every glyph in the embedded CJK font."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from services.db import BRANCH_TZ
from services.reports import diversions
from services.reports import labels as L
from services.reports.fonts import register_fonts
from services.reports.grid import Grid, GridColumn, GridSpec, GridStyle, HeaderCell
from services.stats import BranchLine, Kind, ReferrerRow, RmRow, Sheet

INK = Color(0.13, 0.15, 0.19)
MUTED = Color(0.42, 0.45, 0.5)
PREVIOUS = Color(0.4, 0.43, 0.48)  # last month's figures: readable, but clearly secondary
BAR = Color(0.16, 0.33, 0.58)
BAR_PREVIOUS = Color(0.7, 0.76, 0.85)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 12 * mm, 14 * mm, 15 * mm
CHART_MAX_BARS = 30
TEXT_WIDTHS = {"branch": 12 * mm, "staff_no": 15 * mm, "name": 19 * mm, "role": 19 * mm, "branch_name": 41 * mm}


# --- the page chrome: running header, footer with "page x of y" -----------------------

class _NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type hints
    """Holds each page back until the end, when the page count is known for the footer."""

    def __init__(self, *args: Any, chrome: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._chrome = chrome
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_chrome(number, total)
            super().showPage()
        super().save()

    def _draw_chrome(self, number: int, total: int) -> None:
        width, height = self._pagesize
        font = self._chrome["font"]
        self.saveState()
        self.setFillColor(MUTED)
        self.setStrokeColor(MUTED)
        self.setLineWidth(0.4)
        self.setFont(font, 7.5)
        y = MARGIN_BOTTOM - 8 * mm
        self.line(MARGIN_X, y + 10, width - MARGIN_X, y + 10)
        self.drawString(MARGIN_X, y, self._chrome["left"])
        self.drawCentredString(width / 2, y, L.t("page", x=number, y=total))
        self.drawRightString(width - MARGIN_X, y, self._chrome["right"])
        if number > 1:
            y = height - MARGIN_TOP + 4 * mm
            self.drawString(MARGIN_X, y, self._chrome["running"])
            self.drawRightString(width - MARGIN_X, y, self._chrome["left"])
            self.line(MARGIN_X, y - 3, width - MARGIN_X, y - 3)
        self.restoreState()


# --- tables ---------------------------------------------------------------------------

def _grid_spec(sheet: Sheet, columns: Sequence[L.Column], frame_width: float, style: GridStyle,
               caption: str) -> GridSpec:
    """Fixed column widths and a one- or two-row header; monthly doubles each figure (本月, 上月)."""
    monthly = sheet.previous is not None
    text = [c for c in columns if not c.numeric]
    numeric = [c for c in columns if c.numeric]
    n_numeric = len(numeric) * (2 if monthly else 1)
    text_width = sum(TEXT_WIDTHS[c.key] for c in text)
    num_width = (frame_width - text_width) / n_numeric
    grid_cols: list[GridColumn] = [GridColumn(TEXT_WIDTHS[c.key]) for c in text]
    header: list[HeaderCell] = []
    two_rows = monthly or any(c.group for c in numeric)
    for i, c in enumerate(text):
        header.append(HeaderCell(c.label, i, 0, 1, 2 if two_rows else 1))
    col = len(text)
    if monthly:
        for c in numeric:
            grid_cols += [GridColumn(num_width, "right"), GridColumn(num_width, "right", PREVIOUS)]
            header += [HeaderCell(c.label, col, 0, 2), HeaderCell(L.t("this_month"), col, 1),
                       HeaderCell(L.t("last_month"), col + 1, 1)]
            col += 2
    else:
        i = 0
        while i < len(numeric):
            c = numeric[i]
            if c.group is None:
                grid_cols.append(GridColumn(num_width, "right"))
                header.append(HeaderCell(c.label, col, 0, 1, 2 if two_rows else 1))
                i, col = i + 1, col + 1
                continue
            members = [m for m in numeric[i:] if m.group == c.group]
            header.append(HeaderCell(c.group, col, 0, len(members)))
            for m in members:
                grid_cols.append(GridColumn(num_width, "right"))
                header.append(HeaderCell(m.label, col, 1))
                col += 1
            i += len(members)
    return GridSpec(grid_cols, header, 2 if two_rows else 1, style, caption=caption, continued=L.t("continued"))


def _figure_cells(values: tuple[int, ...], previous: tuple[int, ...] | None) -> list[str]:
    if previous is None:
        return [str(v) for v in values]
    out: list[str] = []
    for now, before in zip(values, previous, strict=True):
        out += [str(now), str(before)]
    return out


def _table_rows(sheet: Sheet, rows: Sequence[ReferrerRow] | Sequence[RmRow], n_text: int,
                totals: tuple[int, ...], previous_totals: tuple[int, ...] | None) -> list[list[str]]:
    out = []
    for row in rows:
        prev = row.previous.values() if row.previous is not None else None
        out.append(L.staff_cells(sheet, row) + _figure_cells(row.figures.values(), prev))
    out.append([L.t("totals")] + [""] * (n_text - 1) + _figure_cells(totals, previous_totals))
    return out


def _branch_rows(lines: Sequence[BranchLine], rms: bool, totals: tuple[int, ...],
                 previous_totals: tuple[int, ...] | None) -> list[list[str]]:
    """The head office's per-branch breakdown: a line per branch, then the sheet's totals."""
    out = []
    for ln in lines:
        figures = ln.rms if rms else ln.referrers
        before = ln.previous_rms if rms else ln.previous_referrers
        out.append(L.branch_cells(ln) + _figure_cells(figures.values(), before.values() if before else None))
    out.append([L.t("totals"), ""] + _figure_cells(totals, previous_totals))
    return out


def _branch_grids(sheet: Sheet, frame_width: float, style: GridStyle) -> list[Flowable]:
    if not sheet.all_branches:
        return []
    prev = sheet.previous
    out: list[Flowable] = []
    for rms, columns, caption, totals, before in (
        (False, L.branch_referrer_columns(sheet), "table.branch_referrers", sheet.referrer_totals,
         prev.referrer_totals if prev else None),
        (True, L.branch_rm_columns(sheet), "table.branch_rms", sheet.rm_totals, prev.rm_totals if prev else None),
    ):
        rows = _branch_rows(sheet.branches, rms, totals.values(), before.values() if before else None)
        out += [Grid(_grid_spec(sheet, columns, frame_width, style, L.t(caption)), rows, frozenset({len(rows) - 1})),
                Spacer(1, 6 * mm)]
    return out


# --- the chart ------------------------------------------------------------------------

def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def _chart(sheet: Sheet, font: str, width: float) -> list[Flowable]:
    rows = list(sheet.referrers)
    total = len(rows)
    if total > CHART_MAX_BARS:
        # The head office's sheet has thousands of referrers: the chart shows the leaders.
        rows = sorted(rows, key=lambda r: (-r.figures.referrals, r.staff.branch_code, r.staff.staff_no))
        rows = rows[:CHART_MAX_BARS]
        caption = L.t("chart.top", n=len(rows), m=total)
    else:
        caption = L.t("table.chart")
    if not rows:
        return []
    monthly = sheet.previous is not None

    def label(r: ReferrerRow) -> str:
        name = r.staff.name if len(r.staff.name) <= 5 else r.staff.name[:4] + "…"
        return f"{r.staff.branch_code} {name}" if sheet.all_branches else name

    current = [r.figures.referrals for r in rows]
    series = [current]
    if monthly:
        series.append([r.previous.referrals if r.previous else 0 for r in rows])
    top = max(max(s) for s in series)
    step = _nice_step(max(top, 1))
    many = len(rows) > 12
    height = 165.0 if many else 150.0
    drawing = Drawing(width, height, initialFontName=font)  # its default would be Helvetica, not embedded
    chart = VerticalBarChart()
    room = width - 40 - (70 if monthly else 0)
    # A few referrers would give bars a hand wide: cap each group's width and centre the plot.
    chart.width = min(room, len(rows) * (64 if monthly else 46))
    chart.x, chart.y = 28 + (room - chart.width) / 2, 46 if many else 26
    chart.height = height - chart.y - 14
    chart.data = series
    chart.barSpacing = 1
    chart.groupSpacing = 6 if len(rows) < 20 else 3
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    if monthly:
        chart.bars[1].fillColor = BAR_PREVIOUS
        chart.bars[1].strokeColor = None
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-top // step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.gridStrokeColor = Color(0.85, 0.87, 0.9)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = [label(r) for r in rows]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    if many:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx = 2
        chart.categoryAxis.labels.dy = -2
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 5
    chart.barLabels.fillColor = INK
    drawing.add(chart)
    if monthly:
        legend = Legend()
        legend.fontName = font
        legend.fontSize = 7.5
        legend.x, legend.y = chart.x + chart.width + 16, height - 20
        legend.alignment = "right"
        legend.colorNamePairs = [(BAR, L.t("this_month")), (BAR_PREVIOUS, L.t("last_month"))]
        legend.columnMaximum = 2
        legend.boxAnchor = "nw"
        drawing.add(legend)
    heading = Paragraph(escape(caption), _styles(font)["h2"])
    return [KeepTogether([heading, drawing])]


# --- the document ---------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=16, leading=20, alignment=TA_CENTER,
                                textColor=INK, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", fontName=font, fontSize=9, leading=12, alignment=TA_CENTER,
                                   textColor=MUTED, spaceAfter=6),
        "h2": ParagraphStyle("h2", fontName=font, fontSize=10.5, leading=14, textColor=INK, spaceBefore=4,
                             spaceAfter=2, keepWithNext=1),
        "note": ParagraphStyle("note", fontName=font, fontSize=7, leading=9.5, textColor=MUTED, wordWrap="CJK"),
    }


def _info_block(sheet: Sheet, font: str, width: float) -> Table:
    sep = ": " if L.english() else "："
    left = [f"{L.t('branch')}{sep}{L.branch_text(sheet)}",
            f"{L.t('generated')}{sep}{L.generated_text(sheet, BRANCH_TZ)}"]
    right = [f"{L.t('period')}{sep}{L.period_text(sheet)}", f"{L.t('closed')}{sep}{L.closed_text(sheet)}"]
    if sheet.previous is not None:
        prev = sheet.previous
        left.append(f"{L.t('previous')}{sep}{L.month_text(prev.period_start, prev.period_end)}")
        right.append(f"{L.t('closed')}{L.paren(L.t('last_month'))}{sep}{L.closed_days_text(sheet, prev.closed)}")
    data = [[a, b] for a, b in zip(left, right, strict=True)]
    table = Table(data, colWidths=[width * 0.55, width * 0.45], rowHeights=[15] * len(data))
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK),
    ]))
    return table


def _signatures(font: str, width: float) -> Flowable:
    sep = ": " if L.english() else "："
    label_w = 38 * mm
    line_w = width / 2 - label_w - 6 * mm
    data = [
        [L.t("sign.lobby") + sep, "", "", L.t("sign.supervisor") + sep, ""],
        [L.t("sign.date") + sep, "", "", L.t("sign.date") + sep, ""],
    ]
    table = Table(data, colWidths=[label_w, line_w, 12 * mm, label_w, line_w], rowHeights=[26, 26])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("ALIGN", (3, 0), (3, -1), "RIGHT"),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, INK),
        ("LINEBELOW", (4, 0), (4, -1), 0.6, INK),
    ]))
    return KeepTogether([Spacer(1, 8 * mm), table])


# --- complaints section (docs/complaints.md "Monthly summary") ---

def _complaints(sheet: Sheet, font: str, width: float, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The monthly sheet's complaints by kind and timeliness; nothing on the other sheets."""
    rows = L.complaint_rows(sheet)
    if not rows or sheet.complaints is None:
        return []
    header = [L.t(key) for key in L.COMPLAINT_COLUMNS]
    data = [header, *[[str(v) for v in row] for row in rows]]
    first = min(width * 0.28, 62 * mm)
    rest = (width - first) / (len(header) - 1)
    table = Table(data, colWidths=[first] + [rest] * (len(header) - 1), rowHeights=[16] * len(data), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, MUTED),
        ("BACKGROUND", (0, 0), (-1, 0), Color(0.91, 0.93, 0.953)),
        ("BACKGROUND", (0, -1), (-1, -1), Color(0.953, 0.961, 0.973)),
    ]))
    note = L.t("complaints.note", day=sheet.complaints.as_of.isoformat())
    return [KeepTogether([Spacer(1, 4 * mm), Paragraph(escape(L.t("table.complaints")), styles["h2"]), table,
                          Spacer(1, 1.5 * mm), Paragraph(escape(note), styles["note"])])]
# --- account-closure retention (docs/retention.md): the monthly sheet's section -------------------

def _retention_section(sheet: Sheet, frame_width: float, style: GridStyle,
                       note_style: ParagraphStyle) -> list[Flowable]:
    """Per RM: records flagged in the month and their results, with a total line; nothing on other sheets."""
    if sheet.retention is None:
        return []
    columns = L.retention_columns(sheet)
    text = [c for c in columns if not c.numeric]
    numeric = [c for c in columns if c.numeric]
    text_width = sum(TEXT_WIDTHS[c.key] for c in text)
    num_width = (frame_width - text_width) / len(numeric)
    grid_cols = [GridColumn(TEXT_WIDTHS[c.key]) for c in text] + [GridColumn(num_width, "right") for _ in numeric]
    header = [HeaderCell(c.label, i, 0) for i, c in enumerate(columns)]
    spec = GridSpec(grid_cols, header, 1, style, caption=L.t("table.retention"), continued=L.t("continued"))
    rows = [cells + [str(n) for n in counts] for cells, counts in L.retention_rows(sheet)]
    rows.append([L.t("totals")] + [""] * (len(text) - 1) + [str(n) for n in sheet.retention_totals.values()])
    return [Spacer(1, 6 * mm), Grid(spec, rows, frozenset({len(rows) - 1})), Spacer(1, 2 * mm),
            Paragraph(escape(L.t("retention.note")), note_style)]


def render_pdf(sheet: Sheet, out: Path | IO[bytes]) -> None:
    """Write the sheet as a PDF to ``out`` (the caller makes the write atomic)."""
    sheet = L.printable_sheet(sheet)
    font = register_fonts()
    styles = _styles(font)
    pagesize = landscape(A4) if sheet.kind is Kind.MONTHLY else A4
    frame_width = pagesize[0] - 2 * MARGIN_X
    author = sheet.branch.name if sheet.branch is not None else L.t("all_branches")
    title = L.t(f"title.{sheet.kind.value}")
    doc = BaseDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=L.document_title(sheet), author=author, subject=title,
        creator="Lobby Referral Desk", keywords="", initialFontName=font,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, frame_width, pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame])])

    grid_style = GridStyle(font=font, size=7.5 if sheet.kind is not Kind.MONTHLY else 7.0)
    ref_cols, rm_cols = L.referrer_columns(sheet), L.rm_columns(sheet)
    n_text = sum(1 for c in ref_cols if not c.numeric)
    prev = sheet.previous
    ref_rows = _table_rows(sheet, sheet.referrers, n_text, sheet.referrer_totals.values(),
                           prev.referrer_totals.values() if prev else None)
    rm_rows = _table_rows(sheet, sheet.rms, n_text, sheet.rm_totals.values(),
                          prev.rm_totals.values() if prev else None)
    ref_grid = Grid(_grid_spec(sheet, ref_cols, frame_width, grid_style, L.t("table.referrers")), ref_rows,
                    frozenset({len(ref_rows) - 1}))
    rm_grid = Grid(_grid_spec(sheet, rm_cols, frame_width, grid_style, L.t("table.rms")), rm_rows,
                   frozenset({len(rm_rows) - 1}))

    story: list[Flowable] = [
        Paragraph(escape(title), styles["title"]),
        Paragraph(escape(L.branch_text(sheet) + " · " + L.period_text(sheet)), styles["subtitle"]),
        _info_block(sheet, font, frame_width),
        Spacer(1, 5 * mm),
        *_branch_grids(sheet, frame_width, grid_style),
        ref_grid,
        Spacer(1, 6 * mm),
        rm_grid,
        *diversions.pdf_flowables(sheet, frame_width, grid_style),  # diversions (docs/diversion.md)
        Spacer(1, 2 * mm),
        Paragraph(escape(L.t("note")), styles["note"]),
        Spacer(1, 4 * mm),
        *_chart(sheet, font, frame_width),
        *_retention_section(sheet, frame_width, grid_style, styles["note"]),
        *_complaints(sheet, font, frame_width, styles),
        _signatures(font, frame_width),
    ]
    chrome = {
        "font": font,
        "left": f"{L.branch_text(sheet)} · {L.period_short(sheet)}",
        "right": "Lobby Referral Desk",
        "running": title,
    }
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, chrome=chrome))
