"""The retention records (优质客户异动销户记录表) as a lazy table model: open first, then newest.

Rows come from ``services.retention.list_records`` in keyset windows of ``page_size``, fetched on the
database lane as the view scrolls (``canFetchMore``/``fetchMore``); ``reload()`` reads again the
rows shown (after a change) and keeps the selection where the same rows came back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from gui.itemmodels.keyset import Index, KeysetTableModel
from gui.widgets.retention_labels import band_label, move_label, reason_label, result_label
from models import RetentionResult
from services.db import BRANCH_TZ

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.retention import ListKey, RetentionRow

COLUMNS: tuple[str, ...] = ("date", "client", "moves", "band", "reason", "flagged_by", "rm", "actions", "result")
CENTERED = frozenset({"date", "actions"})
CLOSED_COLOUR = QColor("#6b6b6b")
LOST_COLOUR = QColor("#b3261e")



class RetentionTableModel(KeysetTableModel["RetentionRow"]):
    """The records the signed-in person may see (the service decides which, and masks the names)."""

    page_size = 50
    reload_margin = 10

    def columns(self) -> tuple[str, ...]:
        return COLUMNS

    def start(self) -> None:
        """Forget the rows and fetch the first window."""
        self._start()

    def reload(self) -> None:
        """Read again the rows shown (plus any new); the first window if none was asked for yet."""
        if not self._queried:
            self.start()
            return
        super().reload()

    def _window_job(self, after: RetentionRow | None, limit: int,
                    first: bool) -> Callable[[], tuple[list[RetentionRow], None]]:
        from services import retention

        db, actor = self._ctx.db, self._ctx.actor
        key: ListKey | None = after.key if after is not None else None
        return lambda: (retention.list_records(db, actor, after=key, limit=limit), None)

    # --- the table ----------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        return {
            "date": self.tr("Date"), "client": self.tr("Client"), "moves": self.tr("Closing or moving"),
            "band": self.tr("Amount"), "reason": self.tr("Client's reason"), "flagged_by": self.tr("Flagged by"),
            "rm": self.tr("RM"), "actions": self.tr("Efforts"), "result": self.tr("Result"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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


__all__ = ["COLUMNS", "RetentionTableModel"]
