"""The complaint list as a Qt table model holding only the windows of rows it was asked for.

Rows come from ``services.complaints.list_complaints`` in keyset pages (open complaints
first, the most overdue on top, then the answered ones), fetched on the database lane
when the view scrolls near the end. Overdue rows are marked in red; what the client said
shows only when the service handed it over (the roles that own complaints).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from gui.context import AppContext
from gui.itemmodels.rows import RowsTableModel
from models import ComplaintChannel, ComplaintKind, ComplaintState
from services import complaints
from services.complaints import ComplaintRow, Cursor

PAGE = 100
OVERDUE_COLOUR = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fde8e6")
DONE_COLOUR = QColor("#6b6b6b")
COLUMNS: tuple[str, ...] = ("received", "due", "state", "kind", "channel", "client", "content", "recorded_by", "owner")

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


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


class ComplaintTableModel(RowsTableModel):
    """The complaints this viewer sees, open first by due date.

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
        self._rows: list[ComplaintRow] = []
        self._open_only = False
        self._queried = False
        self._has_more = False
        self._busy = False
        self._generation = 0
        self._reload_again = False

    @property
    def loading(self) -> bool:
        return self._busy

    def row_at(self, row: int) -> ComplaintRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, complaint_id: int) -> int:
        """The row showing ``complaint_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == complaint_id), -1)

    def set_query(self, *, open_only: bool) -> None:
        """Forget the rows and fetch the first window."""
        self.clear()
        self._open_only, self._queried = open_only, True
        self._fetch(limit=PAGE, replace=True)

    def clear(self) -> None:
        """Drop every row (the idle lock); nothing is fetched until ``set_query`` or ``reload``."""
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self._reload_again = False
        self.endResetModel()

    def reload(self) -> None:
        """Read again as many rows as are shown; one reload at a time."""
        if not self._queried:
            return
        if self._busy:
            self._reload_again = True
            return
        self._fetch(limit=max(PAGE, len(self._rows)), replace=True)

    def canFetchMore(self, parent: _Index = _TOP) -> bool:
        return not parent.isValid() and self._has_more and not self._busy

    def fetchMore(self, parent: _Index = _TOP) -> None:
        if parent.isValid() or not self._has_more or self._busy or not self._rows:
            return
        self._fetch(limit=PAGE, replace=False, after=self._rows[-1].cursor)

    def _fetch(self, *, limit: int, replace: bool, after: Cursor | None = None) -> None:
        self._busy = True
        generation = self._generation
        ctx, open_only = self._ctx, self._open_only

        def work() -> list[ComplaintRow]:
            return complaints.list_complaints(ctx.db, ctx.actor, after=after, limit=limit, open_only=open_only)

        def done(rows: list[ComplaintRow]) -> None:
            if generation != self._generation:
                return
            self._busy = False
            if replace:
                self._replace(rows)
            elif rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
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

    # --- the table -------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = {
                "received": self.tr("Received"), "due": self.tr("Due"), "state": self.tr("State"),
                "kind": self.tr("Kind"), "channel": self.tr("Channel"), "client": self.tr("Client"),
                "content": self.tr("What the client said"), "recorded_by": self.tr("Recorded by"),
                "owner": self.tr("Handled by"),
            }
            return headers[COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
