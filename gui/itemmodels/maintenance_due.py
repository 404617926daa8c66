"""The RM's maintenance-due list as a lazy table model (docs/maintenance.md "The due list").

Rows come from ``services.maintenance.due`` in keyset windows of ``PAGE``, overdue first,
fetched on the database lane as the view scrolls (``canFetchMore``/``fetchMore``). Clients
are masked as the service gives them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from gui.context import AppContext
from gui.itemmodels.rows import RowsTableModel
from gui.widgets.labels import tier_label
from services import maintenance
from services.maintenance import Due, DueKey, DueRow

PAGE = 100
COLUMNS = ("client", "tier", "what", "last_done", "due_date", "overdue")
OVERDUE_COLOUR = QColor("#b3261e")

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


def due_label(value: Due | str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels: dict[str, str] = {Due.CALL: QCoreApplication.translate("MaintenanceDue", "Call"),
                              Due.VISIT: QCoreApplication.translate("MaintenanceDue", "Visit")}
    return labels.get(value, str(value))


class MaintenanceDueModel(RowsTableModel):
    """One RM's maintenance due, a window at a time.

    Signals:
        window_loaded(): rows arrived
        load_failed(object): the exception a fetch raised
    """

    column_keys = COLUMNS

    window_loaded = Signal()
    load_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rm_id: int | None = None
        self._today: dt.date | None = None
        self._rows: list[DueRow] = []
        self._has_more = False
        self._busy = False
        self._generation = 0

    @property
    def loading(self) -> bool:
        return self._busy

    def row_at(self, row: int) -> DueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def load(self, rm_id: int | None, today: dt.date) -> None:
        """Show ``rm_id``'s list (None: one's own) as of ``today``, from the first row."""
        self._reset()
        self._rm_id, self._today = rm_id, today
        self._fetch(after=None)

    def clear(self) -> None:
        self._reset()
        self._today = None

    def _reset(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self._busy = False
        self._generation += 1
        self.endResetModel()

    def canFetchMore(self, parent: _Index = _TOP) -> bool:
        return not parent.isValid() and self._has_more and not self._busy

    def fetchMore(self, parent: _Index = _TOP) -> None:
        if parent.isValid() or not self._has_more or self._busy or not self._rows:
            return
        self._fetch(after=self._rows[-1].key)

    def _fetch(self, *, after: DueKey | None) -> None:
        assert self._today is not None
        self._busy = True
        generation = self._generation
        db, actor, rm_id, today = self._ctx.db, self._ctx.actor, self._rm_id, self._today

        def done(rows: list[DueRow]) -> None:
            if generation != self._generation:
                return
            self._busy = False
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            self._has_more = len(rows) == PAGE
            self.window_loaded.emit()

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self.load_failed.emit(exc)

        self._ctx.lane.submit(lambda: maintenance.due(db, actor, today, rm_id, after=after, limit=PAGE), done,
                              failed, owner=self)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = {"client": self.tr("Client"), "tier": self.tr("Tier"), "what": self.tr("Due"),
                       "last_done": self.tr("Last done"), "due_date": self.tr("Due by"),
                       "overdue": self.tr("Days overdue")}
            return headers[COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(COLUMNS)):
            return None
        r = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "client":
                return r.client
            if column == "tier":
                return tier_label(r.tier)
            if column == "what":
                return due_label(r.what)
            if column == "last_done":
                return r.last_done.isoformat() if r.last_done else self.tr("never")
            if column == "due_date":
                return r.due_date.isoformat()
            return str(r.overdue_days) if r.overdue_days else ""
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue_days > 0:
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "overdue":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
