"""The RM's follow-up queue as a Qt table model that holds only the windows of rows it was asked for.

Rows come from ``services.followups.queue`` in keyset windows of ``page_size`` (the base's) (overdue first, oldest
first, then due today, then upcoming), fetched on the database lane when the view scrolls near
the end (``canFetchMore``/``fetchMore``): the first window costs the same at 300 referrals as at
3 M (docs/follow-ups.md "Cost"). The header's counts come with every first window and reload.
Overdue rows are marked by colour *and* by text ("Overdue · 3 d"), never by colour alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from gui.context import AppContext
from gui.itemmodels.keyset import Index, KeysetTableModel
from gui.widgets.labels import client_type_label, follow_up_state_label
from models import ContactResult, FollowUpOrigin
from services import followups
from services.db import BRANCH_TZ
from services.followups import Due, QueueCounts, QueueFilter, QueueRow

COLUMNS: tuple[str, ...] = (
    "due", "next_date", "client", "mobile", "type", "interests", "source", "preferred", "state", "attempts",
    "last_result", "appointment",
)
BRANCH_COLUMNS: tuple[str, ...] = (*COLUMNS, "rm")
CENTERED = frozenset({"next_date", "attempts", "preferred"})
OVERDUE_TEXT = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fdecea")
TODAY_TEXT = QColor("#7a4f01")



def contact_result_label(value: ContactResult | str) -> str:
    labels = {
        ContactResult.REACHED: QCoreApplication.translate("FollowUpQueueModel", "Reached"),
        ContactResult.NO_ANSWER: QCoreApplication.translate("FollowUpQueueModel", "No answer"),
        ContactResult.WRONG_NUMBER: QCoreApplication.translate("FollowUpQueueModel", "Wrong number"),
        ContactResult.DECLINED: QCoreApplication.translate("FollowUpQueueModel", "Declined"),
        ContactResult.APPOINTMENT: QCoreApplication.translate("FollowUpQueueModel", "Appointment"),
    }
    return labels.get(ContactResult(value), str(value))


class FollowUpQueueModel(KeysetTableModel[QueueRow]):
    """One RM's open follow-ups (or the branch's, for the supervisor), overdue first.

    Signals (besides the base's ``window_loaded`` and ``load_failed``):
        counts_changed(object): the header's ``QueueCounts``
    """

    counts_changed = Signal(object)
    reload_margin = 0  # new follow-ups sort anywhere, not on top: a reload reads the rows shown

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, branch_view: bool = False) -> None:
        super().__init__(ctx, parent)
        self._branch_view = branch_view  # the supervisor: an RM column
        self._rm_id: int | None = None
        self._filters = QueueFilter()
        self.today: dt.date | None = None

    # --- what is shown -------------------------------------------------------------

    @property
    def filters(self) -> QueueFilter:
        return self._filters

    @property
    def rm_id(self) -> int | None:
        return self._rm_id

    def columns(self) -> tuple[str, ...]:
        return BRANCH_COLUMNS if self._branch_view else COLUMNS

    def set_query(self, rm_id: int | None, filters: QueueFilter) -> None:
        """Show ``rm_id``'s queue (``None``: the RM's own, or the whole branch) narrowed by ``filters``."""
        self._rm_id, self._filters = rm_id, filters
        self._start()

    def _window_job(self, after: QueueRow | None, limit: int,
                    first: bool) -> Callable[[], tuple[list[QueueRow], tuple[QueueCounts | None, dt.date]]]:
        ctx, rm_id, filters = self._ctx, self._rm_id, self._filters
        key: tuple[dt.date, int] | None = None
        if after is not None:
            assert after.next_contact_date is not None  # an open follow-up always has one (docs/product.md)
            key = (after.next_contact_date, after.id)

        def work() -> tuple[list[QueueRow], tuple[QueueCounts | None, dt.date]]:
            if first:  # the first window (or a reload) and the header's counts, in one read
                rows, counts = followups.queue_with_counts(ctx.db, ctx.actor, rm_id=rm_id, filters=filters,
                                                           limit=limit)
                return rows, (counts, ctx.db.today())
            rows = followups.queue(ctx.db, ctx.actor, rm_id=rm_id, filters=filters, after=key, limit=limit)
            return rows, (None, ctx.db.today())

        return work

    def _window_arrived(self, rows: list[QueueRow], extra: Any, first: bool) -> None:
        counts, self.today = extra
        if counts is not None:
            self.counts_changed.emit(counts)

    def _headers(self) -> dict[str, str]:
        return {
            "due": self.tr("Due"), "next_date": self.tr("Next contact"), "client": self.tr("Client"),
            "mobile": self.tr("Mobile"), "type": self.tr("Client type"), "interests": self.tr("Interests"),
            "source": self.tr("Source"), "preferred": self.tr("Preferred time"), "state": self.tr("State"),
            "attempts": self.tr("Failed / all"), "last_result": self.tr("Last result"),
            "appointment": self.tr("Appointment at"), "rm": self.tr("RM"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        columns = self.columns()
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(columns)):
            return None
        row = self._rows[index.row()]
        column = columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.due == Due.OVERDUE:
                return OVERDUE_TEXT
            if row.due == Due.TODAY and column == "due":
                return TODAY_TEXT
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.due == Due.OVERDUE:
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and column == "due" and row.due != Due.UPCOMING:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.propose_abandon:
            return self.tr("{n} failed attempts in a row: abandoning is proposed").format(n=row.failed_attempts)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in CENTERED:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: QueueRow, column: str) -> str:
        texts: dict[str, Callable[[], str]] = {
            "due": lambda: self._due_text(row),
            "next_date": lambda: row.next_contact_date.isoformat() if row.next_contact_date else "—",
            "client": lambda: row.client_name,
            "mobile": lambda: row.client_mobile,
            "type": lambda: client_type_label(row.client_type) if row.client_type else "—",
            "interests": lambda: "、".join(row.interests) or "—",
            "source": lambda: self._source_text(row),
            "preferred": lambda: _local(row.preferred_contact_at),
            "state": lambda: self._state_text(row),
            "attempts": lambda: f"{row.failed_attempts} / {row.attempts}",
            "last_result": lambda: contact_result_label(row.last_result) if row.last_result else "—",
            "appointment": lambda: self._appointment_text(row),
            "rm": lambda: row.rm_name,
        }
        return texts[column]()

    def _due_text(self, row: QueueRow) -> str:
        if row.due == Due.OVERDUE:
            days = (self.today - row.next_contact_date).days if self.today and row.next_contact_date else 0
            return self.tr("Overdue · {n} d").format(n=days)
        if row.due == Due.TODAY:
            return self.tr("Due today")
        return self.tr("Upcoming")

    def _source_text(self, row: QueueRow) -> str:
        if row.origin == FollowUpOrigin.OWN:
            return self.tr("Own prospect")
        return self.tr("Referral · {name}").format(name=row.referrer_name or "—")

    def _state_text(self, row: QueueRow) -> str:
        text = follow_up_state_label(row.state)
        return self.tr("{state} · abandon?").format(state=text) if row.propose_abandon else text

    def _appointment_text(self, row: QueueRow) -> str:
        if row.appointment_at is None:
            return "—"
        when = _local(row.appointment_at)
        return f"{when} {row.appointment_place}" if row.appointment_place else when


def _local(at: dt.datetime | None) -> str:
    return at.astimezone(BRANCH_TZ).strftime("%m-%d %H:%M") if at is not None else "—"
