"""The complaint list as a Qt table model holding only the windows of rows it was asked for.

Rows come from ``services.complaints.list_complaints`` in keyset pages (open complaints
first, the most overdue on top, then the answered ones), fetched on the database lane
when the view scrolls near the end. Overdue rows are marked in red; what the client said
shows only when the service handed it over (the roles that own complaints).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from gui.context import AppContext
from gui.itemmodels.keyset import Index, KeysetTableModel
from models import ComplaintChannel, ComplaintKind, ComplaintState

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.complaints import ComplaintRow, Cursor

OVERDUE_COLOUR = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fde8e6")
DONE_COLOUR = QColor("#6b6b6b")
COLUMNS: tuple[str, ...] = ("received", "due", "state", "kind", "channel", "client", "content", "recorded_by", "owner")



def kind_label(kind: ComplaintKind | str) -> str:
    texts = {
        ComplaintKind.SERVICE_ATTITUDE: QCoreApplication.translate("Complaints", "Service attitude"),
        ComplaintKind.WAITING_TIME: QCoreApplication.translate("Complaints", "Waiting time"),
        ComplaintKind.PRODUCT: QCoreApplication.translate("Complaints", "Product"),
        ComplaintKind.FEES: QCoreApplication.translate("Complaints", "Fees"),
        ComplaintKind.SYSTEM_EQUIPMENT: QCoreApplication.translate("Complaints", "System or equipment"),
        ComplaintKind.OTHER: QCoreApplication.translate("Complaints", "Other"),
    }
    return texts[ComplaintKind(kind)]


def channel_label(channel: ComplaintChannel | str) -> str:
    texts = {
        ComplaintChannel.FACE_TO_FACE: QCoreApplication.translate("Complaints", "Face to face"),
        ComplaintChannel.PHONE: QCoreApplication.translate("Complaints", "Phone"),
        ComplaintChannel.E_BANKING: QCoreApplication.translate("Complaints", "E-banking"),
        ComplaintChannel.SUGGESTION_BOX: QCoreApplication.translate("Complaints", "Suggestion box"),
    }
    return texts[ComplaintChannel(channel)]


def state_label(state: ComplaintState | str) -> str:
    texts = {
        ComplaintState.RECEIVED: QCoreApplication.translate("Complaints", "Received"),
        ComplaintState.IN_PROGRESS: QCoreApplication.translate("Complaints", "In progress"),
        ComplaintState.REPLIED: QCoreApplication.translate("Complaints", "Replied"),
        ComplaintState.CLOSED: QCoreApplication.translate("Complaints", "Closed"),
    }
    return texts[ComplaintState(state)]


class ComplaintTableModel(KeysetTableModel["ComplaintRow"]):
    """The complaints this viewer sees, open first by due date."""

    reload_margin = 0  # the list is sorted by due date, not by arrival: a reload reads the rows shown

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, parent)
        self._open_only = False

    def columns(self) -> tuple[str, ...]:
        return COLUMNS

    def set_query(self, *, open_only: bool) -> None:
        """Forget the rows and fetch the first window."""
        self._open_only = open_only
        self._start()

    def _window_job(self, after: ComplaintRow | None, limit: int,
                    first: bool) -> Callable[[], tuple[list[ComplaintRow], None]]:
        from services import complaints

        ctx, open_only = self._ctx, self._open_only
        cursor: Cursor | None = after.cursor if after is not None else None
        return lambda: (complaints.list_complaints(ctx.db, ctx.actor, after=cursor, limit=limit,
                                                   open_only=open_only), None)

    # --- the table -------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        return {
            "received": self.tr("Received"), "due": self.tr("Due"), "state": self.tr("State"),
            "kind": self.tr("Kind"), "channel": self.tr("Channel"), "client": self.tr("Client"),
            "content": self.tr("What the client said"), "recorded_by": self.tr("Recorded by"),
            "owner": self.tr("Handled by"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(COLUMNS)):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue:
                return OVERDUE_COLOUR
            return DONE_COLOUR if not row.state.is_open else None
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and row.overdue and column == "due":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == "content" and row.content:
            return row.content
        if role == Qt.ItemDataRole.ToolTipRole and column == "due" and row.due_estimated:
            return self.tr("Counted Monday to Friday plus the branch's list: the public holiday calendar "
                           "does not cover that year yet.")
        return None

    def _text(self, row: ComplaintRow, column: str) -> str:
        texts: dict[str, Callable[[], str]] = {
            "received": lambda: row.received_on.isoformat(),
            "due": lambda: self._due_text(row),
            "state": lambda: state_label(row.state),
            "kind": lambda: kind_label(row.kind),
            "channel": lambda: channel_label(row.channel),
            "client": lambda: row.client_name or "—",
            "content": lambda: (row.content or "").replace("\n", " ") if row.content is not None
            else self.tr("(lobby manager only)"),
            "recorded_by": lambda: row.recorded_by,
            "owner": lambda: row.owner or "—",
        }
        return texts[column]()

    def _due_text(self, row: ComplaintRow) -> str:
        text = row.due_on.isoformat()
        if row.extended:
            text += " " + self.tr("(extended)")
        if row.due_estimated:
            text += " *"
        if row.overdue:
            text = self.tr("Overdue · {due}").format(due=text)
        elif row.due_today:
            text = self.tr("Due today · {due}").format(due=text)
        return text
