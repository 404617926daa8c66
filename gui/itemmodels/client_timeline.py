"""A client's timeline (referrals, follow-ups, contacts, appointments, maintenance, retention) as a lazy table model.

Rows come from ``services.clients.timeline`` in keyset windows of ``page_size``, newest first, fetched on
the database lane when the view scrolls near the end: a client with ten thousand entries opens as
fast as one with three (docs/profiles.md "Timeline").
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)

from gui.context import AppContext
from gui.itemmodels.keyset import Index, KeysetTableModel
from gui.widgets.labels import channel_label, follow_up_state_label, status_label
from gui.widgets.retention_labels import result_label
from models import AppointmentStatus, Channel, ContactChannel, ContactResult, MaintenanceKind
from services import clients
from services.clients import TimelineEntry
from services.db import BRANCH_TZ

COLUMNS: tuple[str, ...] = ("when", "kind", "what", "who", "note")



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


class ClientTimelineModel(KeysetTableModel[TimelineEntry]):
    """One client's timeline, newest first, a window at a time."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, parent)
        self._client_id: int | None = None

    def columns(self) -> tuple[str, ...]:
        return COLUMNS

    def entry_at(self, row: int) -> TimelineEntry | None:
        return self.row_at(row)

    def load(self, client_id: int) -> None:
        """Show ``client_id``'s timeline from the newest entry."""
        self._client_id = client_id
        self._start()

    def _identity(self, row: TimelineEntry) -> Hashable:
        return row.key  # a referral and a contact may share an id

    def _window_job(self, after: TimelineEntry | None, limit: int,
                    first: bool) -> Callable[[], tuple[list[TimelineEntry], None]]:
        assert self._client_id is not None
        ctx, client_id = self._ctx, self._client_id
        key: clients.TimelineKey | None = after.key if after is not None else None
        return lambda: (clients.timeline(ctx.db, ctx.actor, client_id, key, limit), None)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = {"when": self.tr("When"), "kind": self.tr("What"), "what": self.tr("Detail"),
                       "who": self.tr("By"), "note": self.tr("Note")}
            return headers[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
