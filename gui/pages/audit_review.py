"""The audit review (``auditPage``): the branch's audit log newest first, filtered by who, what and when.

The list is lazy (gui/itemmodels/audit.py): it fetches keyset windows as the view scrolls.
The log holds codes and ids, never client data (docs/audit.md "Review").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Slot
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

from gui import messages
from gui.context import AppContext
from gui.itemmodels.audit import AuditTableModel
from gui.pages.base import Page
from gui.widgets.columns import fit_columns
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import named
from gui.widgets.tone import HINT, set_tone
from services.audit import ReviewFilter

DEFAULT_DAYS = 30  # the review opens on the last month; the dates reach back to the first event


class AuditReviewPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "auditPage", parent)
        self.model = AuditTableModel(ctx, self)
        self.staff_combo = named(QComboBox(), "auditStaffCombo")
        self.action_combo = named(QComboBox(), "auditActionCombo")
        self.from_edit = named(QDateEdit(), "auditFromDateEdit")
        self.to_edit = named(QDateEdit(), "auditToDateEdit")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        today = ctx.db.today()
        self.from_edit.setDate(qdate(today - dt.timedelta(days=DEFAULT_DAYS)))
        self.to_edit.setDate(qdate(today))
        self.table = named(QTableView(), "auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.count_label = named(QLabel(), "auditCountLabel")
        self._choices_loaded = False
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        title = QLabel(self.tr("Audit log"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        filters = QHBoxLayout()
        for text, widget in ((self.tr("&Who"), self.staff_combo), (self.tr("Acti&on"), self.action_combo),
                             (self.tr("&From"), self.from_edit), (self.tr("&To"), self.to_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        note = QLabel(self.tr("Codes and record numbers only: the log holds no client data."))
        set_tone(note, HINT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)

    def _connect_signals(self) -> None:
        self.staff_combo.currentIndexChanged.connect(self.on_filter_changed)
        self.action_combo.currentIndexChanged.connect(self.on_filter_changed)
        self.from_edit.dateChanged.connect(self.on_filter_changed)
        self.to_edit.dateChanged.connect(self.on_filter_changed)
        self.model.window_loaded.connect(self._show_count)
        self.model.load_failed.connect(lambda exc: messages.show_error(self, exc))

    # --- the page contract -------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        from services import audit

        db, actor = self.ctx.db, self.ctx.actor
        self.run(lambda: audit.review_choices(db, actor), self._fill_choices, key="choices")
        self.model.set_filter(self.current_filter())

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        self.model.clear()
        self.count_label.clear()

    # --- filters -----------------------------------------------------------------------

    def _fill_choices(self, choices: tuple[list[tuple[str, str]], list[str]]) -> None:
        people, actions = choices
        for combo, items in ((self.staff_combo, [(f"{no} {name}", no) for no, name in people]),
                             (self.action_combo, [(a, a) for a in actions])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Anyone") if combo is self.staff_combo else self.tr("Anything"), None)
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def current_filter(self) -> ReviewFilter:
        return ReviewFilter(staff_no=self.staff_combo.currentData(), action=self.action_combo.currentData(),
                            since=pydate(self.from_edit.date()), until=pydate(self.to_edit.date()))

    @Slot()
    def on_filter_changed(self) -> None:
        if not self.cleared:
            self.model.set_filter(self.current_filter())

    def _show_count(self) -> None:
        n = self.model.rowCount()
        if n and n <= self.model.page_size:  # the first window: fit the columns to what it holds
            fit_columns(self.table)
        more = self.tr(" (scroll for more)") if self.model.canFetchMore() else ""
        self.count_label.setText(self.tr("{n} events shown").format(n=n) + more)
