"""The head office's window (docs/head-office.md): every branch's sheets, the branch ranking, the
monthly figures per branch. Figures only: nothing here names a client."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.itemmodels.branch_figures import BranchMonthModel, BranchRankingModel
from gui.pages.base import Page
from gui.pages.reports import ReportsPage
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import named
from gui.widgets.tone import HINT, set_tone
from services import headoffice
from services.headoffice import BranchRank
from services.stats import BranchLine, month_of, period_of


class HeadOfficeReportsPage(ReportsPage):
    """The reports page of the head office: always the consolidated sheet of every branch, with its
    per-branch breakdown (the head office has no branch sheet of its own)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        named(self, "headOfficeReportsPage")
        self.all_branches_check.setChecked(True)
        self.all_branches_check.hide()
        note = self.findChild(QLabel, "reportNoteLabel")
        if note is not None:
            note.setText(self.tr("Every branch's sheet: first the figures of each branch with the totals, then "
                                 "each branch's staff. The PDF is A4; the Excel workbook is for further work. "
                                 "No client data is on either."))

    def refresh(self) -> None:
        Page.refresh(self)  # no branch count to ask: the sheet always covers every branch
        self.date_edit.setMaximumDate(qdate(self.ctx.db.today()))

    def _all_branches(self) -> bool:
        return True

    def _on_branch_count(self, count: int) -> None:
        self.all_branches_check.hide()


def _date_edit(name: str, display: str) -> QDateEdit:
    date = named(QDateEdit(), name)
    date.setCalendarPopup(True)
    date.setDisplayFormat(display)
    return date


def _table(name: str) -> QTableView:
    view = named(QTableView(), name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class BranchRankingPage(Page):
    """Every branch's referrals, conversions and overdue follow-ups for a day, a week or a month;
    the table sorts by any column (a click on its header)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "branchRankingPage", parent)
        self.kind_combo = named(QComboBox(), "rankingKindCombo")
        for kind, label in (("daily", self.tr("Day")), ("weekly", self.tr("Week")), ("monthly", self.tr("Month"))):
            self.kind_combo.addItem(label, kind)
        self.kind_combo.setCurrentIndex(2)
        self.date_edit = _date_edit("rankingDateEdit", "yyyy-MM-dd")
        self.period_label = named(QLabel(), "rankingPeriodLabel")
        today = ctx.db.today()
        self.date_edit.setDate(qdate(today))
        self.date_edit.setMaximumDate(qdate(today))
        self.model = BranchRankingModel(self)
        self.table = _table("branchRankingTable")
        self.table.setModel(self.model)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # most referrals first
        self.count_label = named(QLabel(), "rankingCountLabel")
        set_tone(self.count_label, HINT)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.kind_combo)
        top.addWidget(self.date_edit)
        top.addWidget(self.period_label)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self.on_period_changed)
        self.date_edit.dateChanged.connect(self.on_date_changed)

    def period(self) -> tuple[dt.date, dt.date]:
        return period_of(str(self.kind_combo.currentData()), pydate(self.date_edit.date()))

    def refresh(self) -> None:
        super().refresh()
        self.date_edit.setMaximumDate(qdate(self.ctx.db.today()))
        self._load()

    def _load(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        start, end = self.period()
        self.period_label.setText(start.isoformat() if start == end else self.tr("{first} to {last}").format(
            first=start.isoformat(), last=end.isoformat()))
        self.run(lambda: headoffice.branch_ranking(db, actor, start, end), self._show, key="load")

    def _show(self, rows: list[BranchRank]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{n} branches").format(n=len(rows)))

    @Slot(int)
    def on_period_changed(self, _index: int) -> None:
        if not self.cleared:
            self._load()

    @Slot(QDate)
    def on_date_changed(self, _date: QDate) -> None:
        if not self.cleared:
            self._load()


class BranchMonthPage(Page):
    """The month's figures of every branch beside the month before (this month / last month).

    These are the monthly sheet's per-branch figures (services.headoffice.branch_month_figures); the
    assessment each branch submitted is on headOfficeAssessmentPage."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "branchMonthPage", parent)
        self.month_edit = _date_edit("branchMonthEdit", "yyyy-MM")
        self.period_label = named(QLabel(), "branchMonthPeriodLabel")
        today = ctx.db.today()
        self.month_edit.setDate(qdate(today))
        self.month_edit.setMaximumDate(qdate(today))
        self.model = BranchMonthModel(self)
        self.table = _table("branchMonthTable")
        self.table.setModel(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        note = named(QLabel(self.tr("Each cell: this month / the month before.")), "branchMonthNoteLabel")
        set_tone(note, HINT)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month_edit)
        top.addWidget(self.period_label)
        top.addStretch(1)
        top.addWidget(note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.month_edit.dateChanged.connect(self.on_month_changed)

    def month(self) -> dt.date:
        return month_of(pydate(self.month_edit.date()))[0]

    def refresh(self) -> None:
        super().refresh()
        self.month_edit.setMaximumDate(qdate(self.ctx.db.today()))
        self._load()

    def _load(self) -> None:
        db, actor, month = self.ctx.db, self.ctx.actor, self.month()
        first, last = month_of(month)
        self.period_label.setText(self.tr("{first} to {last}").format(first=first.isoformat(), last=last.isoformat()))
        self.run(lambda: headoffice.branch_month_figures(db, actor, month), self._show, key="load")

    def _show(self, lines: tuple[BranchLine, ...]) -> None:
        self.model.set_rows(lines)

    @Slot(QDate)
    def on_month_changed(self, _date: QDate) -> None:
        if not self.cleared:
            self._load()
