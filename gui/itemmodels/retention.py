"""The retention records (优质客户异动销户记录表) as a lazy table model: open first, then newest.

Rows come from ``services.retention.list_records`` in keyset windows of ``PAGE``, fetched on the
database lane as the view scrolls (``canFetchMore``/``fetchMore``); ``reload()`` reads again the
rows shown (after a change) and keeps the selection where the same rows came back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from gui.context import AppContext
from gui.itemmodels.rows import RowsTableModel
from gui.widgets.retention_labels import band_label, move_label, reason_label, result_label
from models import RetentionResult
from services import retention
from services.db import BRANCH_TZ
from services.retention import ListKey, RetentionRow

PAGE = 50
RELOAD_MARGIN = 10
COLUMNS: tuple[str, ...] = ("date", "client", "moves", "band", "reason", "flagged_by", "rm", "actions", "result")
CENTERED = frozenset({"date", "actions"})
CLOSED_COLOUR = QColor("#6b6b6b")
LOST_COLOUR = QColor("#b3261e")

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


class RetentionTableModel(RowsTableModel):
    """The records the signed-in person may see (the service decides which, and masks the names).

    Signals:
        window_loaded(): rows arrived (the first window, more rows, or a reload)
        load_failed(object): the exception a fetch raised
    """

    column_keys = COLUMNS

    window_loaded = Signal()
    load_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[RetentionRow] = []
        self._has_more = False
        self._busy = False
        self._queried = False
        self._generation = 0  # answers for an older query or a cleared model are dropped
        self._reload_again = False

    @property
    def loading(self) -> bool:
        return self._busy

    def row_at(self, row: int) -> RetentionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: int) -> int:
        return next((k for k, r in enumerate(self._rows) if r.id == record_id), -1)

    def columns(self) -> tuple[str, ...]:
        return COLUMNS

    def start(self) -> None:
        """Forget the rows and fetch the first window."""
        self.clear()
        self._queried = True
        self._fetch(limit=PAGE, replace=True)

    def clear(self) -> None:
        """Drop every row (the idle lock); nothing is fetched until ``start`` or ``reload``."""
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self._reload_again = False
        self._queried = False
        self.endResetModel()

    def reload(self) -> None:
        """Read again the rows shown (plus any new); one reload at a time."""
        if not self._queried:
            self.start()
            return
        if self._busy:
            self._reload_again = True
            return
        self._fetch(limit=max(PAGE, len(self._rows) + RELOAD_MARGIN), replace=True)

    # --- fetching --------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = _TOP) -> bool:
        return not parent.isValid() and self._has_more and not self._busy

    def fetchMore(self, parent: _Index = _TOP) -> None:
        if parent.isValid() or not self._has_more or self._busy or not self._rows:
            return
        self._fetch(limit=PAGE, replace=False, after=self._rows[-1].key)

    def _fetch(self, *, limit: int, replace: bool, after: ListKey | None = None) -> None:
        self._busy = True
        generation = self._generation
        db, actor = self._ctx.db, self._ctx.actor

        def work() -> list[RetentionRow]:
            return retention.list_records(db, actor, after=after, limit=limit)

        def done(rows: list[RetentionRow]) -> None:
            if generation != self._generation:
                return
            self._busy = False
            if replace:
                self._replace(rows)
            else:
                self._append(rows)
            self._has_more = len(rows) == limit
            self.window_loaded.emit()
            if self._reload_again:
                self._reload_again = False
                self.reload()

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self._reload_again = False
            self.load_failed.emit(exc)

        self._ctx.lane.submit(work, done, failed, owner=self)

    def _append(self, rows: list[RetentionRow]) -> None:
        known = {r.id for r in self._rows}
        fresh = [r for r in rows if r.id not in known]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    # --- the table ----------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[COLUMNS[section]]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _headers(self) -> dict[str, str]:
        return {
            "date": self.tr("Date"), "client": self.tr("Client"), "moves": self.tr("Closing or moving"),
            "band": self.tr("Amount"), "reason": self.tr("Client's reason"), "flagged_by": self.tr("Flagged by"),
            "rm": self.tr("RM"), "actions": self.tr("Efforts"), "result": self.tr("Result"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(COLUMNS)):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "reason" and row.reason_text:
            return row.reason_text
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.result == RetentionResult.LOST and column == "result":
                return LOST_COLOUR
            if not row.is_open:
                return CLOSED_COLOUR
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in CENTERED:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: RetentionRow, column: str) -> str:
        texts: dict[str, Callable[[], str]] = {
            "date": lambda: row.business_date.isoformat(),
            "client": lambda: row.client_name,
            "moves": lambda: " / ".join(move_label(m) for m in row.moves),
            "band": lambda: band_label(row.amount_band),
            "reason": lambda: reason_label(row.reason) + (" …" if row.reason_text else ""),
            "flagged_by": lambda: row.flagged_by,
            "rm": lambda: row.rm_name or "—",
            "actions": lambda: str(row.actions),
            "result": lambda: self._result_text(row),
        }
        return texts[column]()

    def _result_text(self, row: RetentionRow) -> str:
        if row.closed_at is None:
            return result_label(None)
        when = row.closed_at.astimezone(BRANCH_TZ).strftime("%m-%d")
        return f"{result_label(row.result)} ({when})"


__all__ = ["COLUMNS", "PAGE", "RetentionTableModel"]
