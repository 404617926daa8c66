"""A client's timeline (referrals, follow-ups, contacts, appointments, maintenance, retention) as a lazy table model.

Rows come from ``services.clients.timeline`` in keyset windows of ``PAGE``, newest first, fetched on
the database lane when the view scrolls near the end: a client with ten thousand entries opens as
fast as one with three (docs/profiles.md "Timeline").
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
from gui.widgets.labels import channel_label, follow_up_state_label, status_label
from gui.widgets.retention_labels import result_label
from models import AppointmentStatus, Channel, ContactChannel, ContactResult, MaintenanceKind
from services import clients
from services.clients import TimelineEntry
from services.db import BRANCH_TZ

PAGE = 100
COLUMNS: tuple[str, ...] = ("when", "kind", "what", "who", "note")

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


def kind_label(kind: str) -> str:
    labels = {
        "referral": QCoreApplication.translate("ClientTimeline", "Referral"),
        "follow_up": QCoreApplication.translate("ClientTimeline", "Follow-up"),
        "contact": QCoreApplication.translate("ClientTimeline", "Contact"),
        "appointment": QCoreApplication.translate("ClientTimeline", "Appointment"),
        "maintenance": QCoreApplication.translate("ClientTimeline", "Maintenance"),
        "retention": QCoreApplication.translate("ClientTimeline", "Account closure"),
    }
    return labels.get(kind, kind)


def _contact_channel(value: str) -> str:
    labels: dict[str, str] = {
        ContactChannel.PHONE: QCoreApplication.translate("ClientTimeline", "Phone"),
        ContactChannel.SMS: QCoreApplication.translate("ClientTimeline", "SMS"),
        ContactChannel.EMAIL: QCoreApplication.translate("ClientTimeline", "E-mail"),
        ContactChannel.LETTER: QCoreApplication.translate("ClientTimeline", "Letter"),
        ContactChannel.VISIT: QCoreApplication.translate("ClientTimeline", "Visit"),
    }
    return labels.get(value, value)


def _contact_result(value: str) -> str:
    labels: dict[str, str] = {
        ContactResult.REACHED: QCoreApplication.translate("ClientTimeline", "Reached"),
        ContactResult.NO_ANSWER: QCoreApplication.translate("ClientTimeline", "No answer"),
        ContactResult.DECLINED: QCoreApplication.translate("ClientTimeline", "Declined"),
        ContactResult.APPOINTMENT: QCoreApplication.translate("ClientTimeline", "Appointment agreed"),
        ContactResult.WRONG_NUMBER: QCoreApplication.translate("ClientTimeline", "Wrong number"),
    }
    return labels.get(value, value)


def _appointment_status(value: str) -> str:
    labels: dict[str, str] = {
        AppointmentStatus.SCHEDULED: QCoreApplication.translate("ClientTimeline", "Scheduled"),
        AppointmentStatus.HELD: QCoreApplication.translate("ClientTimeline", "Held"),
        AppointmentStatus.MISSED: QCoreApplication.translate("ClientTimeline", "Missed"),
        AppointmentStatus.MOVED: QCoreApplication.translate("ClientTimeline", "Moved"),
        AppointmentStatus.CANCELLED: QCoreApplication.translate("ClientTimeline", "Cancelled"),
    }
    return labels.get(value, value)


def _maintenance_kind(value: str) -> str:
    labels: dict[str, str] = {
        MaintenanceKind.GREETING: QCoreApplication.translate("ClientTimeline", "Greeting"),
        MaintenanceKind.PORTFOLIO_REVIEW: QCoreApplication.translate("ClientTimeline", "Portfolio review"),
        MaintenanceKind.CROSS_SELL: QCoreApplication.translate("ClientTimeline", "Cross-selling"),
        MaintenanceKind.INFORMATION: QCoreApplication.translate("ClientTimeline", "Information"),
        MaintenanceKind.EVENT_INVITATION: QCoreApplication.translate("ClientTimeline", "Event invitation"),
        MaintenanceKind.SURVEY: QCoreApplication.translate("ClientTimeline", "Survey"),
    }
    return labels.get(value, value)


def what_text(e: TimelineEntry) -> str:
    """The entry's code in people's words; a code this screen does not know shows as it is."""
    try:
        if e.kind == "referral":
            channel = channel_label(Channel(e.channel)) if e.channel else ""
            return f"{status_label(e.what)} · {channel}" if channel else status_label(e.what)
        if e.kind == "follow_up":
            return follow_up_state_label(e.what)
    except ValueError:
        return e.what
    if e.kind == "contact":
        channel = _contact_channel(e.channel) if e.channel else ""
        return f"{channel} · {_contact_result(e.what)}" if channel else _contact_result(e.what)
    if e.kind == "appointment":
        return _appointment_status(e.what)
    if e.kind == "maintenance":
        channel = _contact_channel(e.channel) if e.channel else ""
        return f"{channel} · {_maintenance_kind(e.what)}" if channel else _maintenance_kind(e.what)
    if e.kind == "retention":
        return result_label(e.what)
    return e.what


class ClientTimelineModel(RowsTableModel):
    """One client's timeline, newest first, a window at a time.

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
        self._client_id: int | None = None
        self._rows: list[TimelineEntry] = []
        self._has_more = False
        self._busy = False
        self._generation = 0

    def entry_at(self, row: int) -> TimelineEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def load(self, client_id: int) -> None:
        """Show ``client_id``'s timeline from the newest entry."""
        self._reset()
        self._client_id = client_id
        self._fetch(after=None)

    def clear(self) -> None:
        self._reset()
        self._client_id = None

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

    def _fetch(self, *, after: clients.TimelineKey | None) -> None:
        assert self._client_id is not None
        self._busy = True
        generation = self._generation
        ctx, client_id = self._ctx, self._client_id

        def done(rows: list[TimelineEntry]) -> None:
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

        self._ctx.lane.submit(lambda: clients.timeline(ctx.db, ctx.actor, client_id, after, PAGE), done, failed,
                              owner=self)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = {"when": self.tr("When"), "kind": self.tr("What"), "what": self.tr("Detail"),
                       "who": self.tr("By"), "note": self.tr("Note")}
            return headers[COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(COLUMNS)):
            return None
        e = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "when":
                return e.at.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M")
            if column == "kind":
                return kind_label(e.kind)
            if column == "what":
                return what_text(e)
            if column == "who":
                return e.who or "—"
            return (e.note or "").replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole and column == "note" and e.note:
            return e.note
        return None
