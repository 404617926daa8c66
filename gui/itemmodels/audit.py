"""The audit log as a lazy table model: keyset windows of ``page_size`` events, newest first (docs/audit.md "Review").

Rows come from ``services.audit.review`` on the database lane when the view scrolls
near the end (``canFetchMore``/``fetchMore``): a log of ten or ten million events opens
at the same speed. The events hold codes and ids only, never client data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)

from gui.context import AppContext
from gui.itemmodels.keyset import Index, KeysetTableModel
from services.audit import AuditLine, ReviewFilter
from services.db import BRANCH_TZ

COLUMNS: tuple[str, ...] = ("id", "time", "actor", "action", "entity", "entity_id", "detail")



class AuditTableModel(KeysetTableModel[AuditLine]):
    """The branch's audit events matching one filter, newest first."""

    page_size = 200

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, parent)
        self._filter: ReviewFilter | None = None

    def columns(self) -> tuple[str, ...]:
        return COLUMNS

    def set_filter(self, filters: ReviewFilter) -> None:
        """Show the events matching ``filters``: forget the rows and fetch the first window."""
        self._filter = filters
        self._start()

    def _window_job(self, after: AuditLine | None, limit: int,
                    first: bool) -> Callable[[], tuple[list[AuditLine], None]]:
        from services import audit

        assert self._filter is not None
        ctx, filters = self._ctx, self._filter
        before_id = after.id if after is not None else None
        return lambda: (audit.review(ctx.db, ctx.actor, filters, before_id=before_id, limit=limit), None)

    # --- the table ----------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
