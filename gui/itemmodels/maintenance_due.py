"""The RM's maintenance-due list as a lazy table model (docs/maintenance.md "The due list").

Rows come from ``services.maintenance.due`` in keyset windows of ``page_size``, overdue first,
fetched on the database lane as the view scrolls (``canFetchMore``/``fetchMore``). Clients
are masked as the service gives them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from gui.context import AppContext
from gui.itemmodels.keyset import Index, KeysetTableModel
from gui.widgets.labels import tier_label

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.maintenance import Due, DueKey, DueRow

COLUMNS = ("client", "tier", "what", "last_done", "due_date", "overdue")
OVERDUE_COLOUR = QColor("#b3261e")



def due_label(value: Due | str) -> str:
    from PySide6.QtCore import QCoreApplication

    from services.maintenance import Due

    labels: dict[str, str] = {Due.CALL: QCoreApplication.translate("MaintenanceDue", "Call"),
                              Due.VISIT: QCoreApplication.translate("MaintenanceDue", "Visit")}
    return labels.get(value, str(value))


class MaintenanceDueModel(KeysetTableModel["DueRow"]):
    """One RM's maintenance due, a window at a time."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, parent)
        self._rm_id: int | None = None
        self._today: dt.date | None = None

    def columns(self) -> tuple[str, ...]:
        return COLUMNS

    def load(self, rm_id: int | None, today: dt.date) -> None:
        """Show ``rm_id``'s list (None: one's own) as of ``today``, from the first row."""
        self._rm_id, self._today = rm_id, today
        self._start()

    def _identity(self, row: DueRow) -> Hashable:
        return row.key  # a client may be due a call and a visit

    def _window_job(self, after: DueRow | None, limit: int,
                    first: bool) -> Callable[[], tuple[list[DueRow], None]]:
        assert self._today is not None
        db, actor, rm_id, today = self._ctx.db, self._ctx.actor, self._rm_id, self._today
        key: DueKey | None = after.key if after is not None else None

        def work() -> tuple[list[DueRow], None]:
            from services import maintenance  # on the lane: see MaintenanceDuePanel.refresh

            return maintenance.due(db, actor, today, rm_id, after=key, limit=limit), None

        return work

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
