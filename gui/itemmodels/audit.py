"""The audit log as a lazy table model: keyset windows of ``PAGE`` events, newest first (docs/audit.md "Review").

Rows come from ``services.audit.review`` on the database lane when the view scrolls
near the end (``canFetchMore``/``fetchMore``): a log of ten or ten million events opens
at the same speed. The events hold codes and ids only, never client data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gui.context import AppContext
from gui.itemmodels.rows import RowsTableModel
from services.audit import AuditLine, ReviewFilter
from services.db import BRANCH_TZ

PAGE = 200
COLUMNS: tuple[str, ...] = ("id", "time", "actor", "action", "entity", "entity_id", "detail")

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


class AuditTableModel(RowsTableModel):
    """The branch's audit events matching one filter, newest first.

    Signals:
        window_loaded(): a window of events arrived
        load_failed(object): the exception a fetch raised
    """

    column_keys = COLUMNS

    window_loaded = Signal()
    load_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[AuditLine] = []
        self._filter: ReviewFilter | None = None
        self._has_more = False
        self._busy = False
        self._generation = 0

    @property
    def loading(self) -> bool:
        return self._busy

    def row_at(self, row: int) -> AuditLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_filter(self, filters: ReviewFilter) -> None:
        """Show the events matching ``filters``: forget the rows and fetch the first window."""
        self.beginResetModel()
        self._filter = filters
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self.endResetModel()
        self._fetch(None)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self.endResetModel()

    def canFetchMore(self, parent: _Index = _TOP) -> bool:
        return not parent.isValid() and self._has_more and not self._busy

    def fetchMore(self, parent: _Index = _TOP) -> None:
        if parent.isValid() or not self._has_more or self._busy or not self._rows:
            return
        self._fetch(self._rows[-1].id)

    def _fetch(self, before_id: int | None) -> None:
        from services import audit

        assert self._filter is not None
        self._busy = True
        generation, filters, ctx = self._generation, self._filter, self._ctx

        def work() -> list[AuditLine]:
            return audit.review(ctx.db, ctx.actor, filters, before_id=before_id, limit=PAGE)

        def done(rows: list[AuditLine]) -> None:
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

        ctx.lane.submit(work, done, failed, owner=self)

    # --- the table ----------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._rows) or not 0 <= col < len(COLUMNS):
            return None
        e = self._rows[row]
        column = COLUMNS[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "id": str(e.id),
                "time": e.at.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M:%S"),
                "actor": e.staff_no or "—",
                "action": e.action,
                "entity": e.entity,
                "entity_id": "" if e.entity_id is None else str(e.entity_id),
                "detail": " ".join(p for p in (e.detail, f"reason#{e.reason_id}" if e.reason_id is not None else None)
                                   if p),
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("id", "entity_id"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _headers() -> dict[str, str]:
    return {
        "id": QCoreApplication.translate("AuditTableModel", "No."),
        "time": QCoreApplication.translate("AuditTableModel", "Time"),
        "actor": QCoreApplication.translate("AuditTableModel", "Staff ID"),
        "action": QCoreApplication.translate("AuditTableModel", "Action"),
        "entity": QCoreApplication.translate("AuditTableModel", "Record"),
        "entity_id": QCoreApplication.translate("AuditTableModel", "Record ID"),
        "detail": QCoreApplication.translate("AuditTableModel", "Detail"),
    }
