"""The day-close sheet's table view: dense, one selected row, every column in view at 1280 px."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from gui.itemmodels.day_close import Column, DayCloseTableModel
from gui.widgets.field_error import named

# Dense widths that keep all twelve columns in view at 1280 px, never narrower than the header.
_WIDTHS = {Column.TIME: 44, Column.REFERRER: 56, Column.CLIENT: 60, Column.MOBILE: 88, Column.STATUS: 52,
           Column.RM: 60, Column.MET: 36, Column.DEAL: 36, Column.PRODUCTS: 80, Column.AMOUNT: 80,
           Column.CONFIRMED: 90, Column.FOLLOW_UP: 108}


class DayCloseTable(QTableView):
    """``dayCloseTable``: read-only rows of ``model``, selected whole, the products column stretching."""

    def __init__(self, model: DayCloseTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "dayCloseTable")
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(False)  # the red of a missing line must stand out alone
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().hide()  # the time column already orders the day
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = header.fontMetrics()
        for column, width in _WIDTHS.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            # +10 %: the style sheet sets header titles bold; +18: its padding and the grid line.
            self.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) * 11 // 10 + 18))
        header.setSectionResizeMode(Column.PRODUCTS, QHeaderView.ResizeMode.Stretch)
