"""The RM's follow-up queue as a Qt table model that holds only the windows of rows it was asked for.

Rows come from ``services.followups.queue`` in keyset windows of ``PAGE`` (overdue first, oldest
first, then due today, then upcoming), fetched on the database lane when the view scrolls near
the end (``canFetchMore``/``fetchMore``): the first window costs the same at 300 referrals as at
3 M (docs/follow-ups.md "Cost"). The header's counts come with every first window and reload.
Overdue rows are marked by colour *and* by text ("Overdue · 3 d"), never by colour alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from gui.context import AppContext
from gui.widgets.labels import client_type_label, follow_up_state_label
from models import ContactResult, FollowUpOrigin
from services import followups
from services.db import BRANCH_TZ
from services.followups import Due, QueueCounts, QueueFilter, QueueRow

PAGE = 100

COLUMNS: tuple[str, ...] = (
    "due", "next_date", "client", "mobile", "type", "interests", "source", "preferred", "state", "attempts",
    "last_result", "appointment",
)
BRANCH_COLUMNS: tuple[str, ...] = (*COLUMNS, "rm")
CENTERED = frozenset({"next_date", "attempts", "preferred"})
OVERDUE_TEXT = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fdecea")
TODAY_TEXT = QColor("#7a4f01")

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


def contact_result_label(value: ContactResult | str) -> str:
    labels = {
        ContactResult.REACHED: QCoreApplication.translate("FollowUpQueueModel", "Reached"),
        ContactResult.NO_ANSWER: QCoreApplication.translate("FollowUpQueueModel", "No answer"),
        ContactResult.WRONG_NUMBER: QCoreApplication.translate("FollowUpQueueModel", "Wrong number"),
        ContactResult.DECLINED: QCoreApplication.translate("FollowUpQueueModel", "Declined"),
        ContactResult.APPOINTMENT: QCoreApplication.translate("FollowUpQueueModel", "Appointment"),
    }
    return labels.get(ContactResult(value), str(value))


class FollowUpQueueModel(QAbstractTableModel):
    """One RM's open follow-ups (or the branch's, for the supervisor), overdue first.

    Signals:
        window_loaded(): rows arrived (the first window, more rows, or a reload)
        counts_changed(object): the header's ``QueueCounts``
        load_failed(object): the exception a fetch raised
    """

    window_loaded = Signal()
    counts_changed = Signal(object)
    load_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, branch_view: bool = False) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._branch_view = branch_view  # the supervisor: an RM column
        self._rows: list[QueueRow] = []
        self._rm_id: int | None = None
        self._filters = QueueFilter()
        self._queried = False
        self._has_more = False
        self._busy = False
        self._generation = 0  # answers for an older query or a cleared model are dropped
        self._reload_again = False
        self.today: dt.date | None = None

    # --- what is shown -------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._busy

    @property
    def filters(self) -> QueueFilter:
        return self._filters

    @property
    def rm_id(self) -> int | None:
        return self._rm_id

    def columns(self) -> tuple[str, ...]:
        return BRANCH_COLUMNS if self._branch_view else COLUMNS

    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, follow_up_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == follow_up_id), -1)

    def set_query(self, rm_id: int | None, filters: QueueFilter) -> None:
        """Show ``rm_id``'s queue (``None``: the RM's own, or the whole branch) narrowed by ``filters``."""
        self.beginResetModel()
        self._rm_id, self._filters = rm_id, filters
        self._queried = True
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self._reload_again = False
        self.endResetModel()
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
        """Read again the rows shown (a change here or on another workstation); one reload at a time."""
        if not self._queried:
            return
        if self._busy:
            self._reload_again = True
            return
        self._fetch(limit=max(PAGE, len(self._rows)), replace=True)

    # --- fetching --------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = _TOP) -> bool:
        return not parent.isValid() and self._has_more and not self._busy

    def fetchMore(self, parent: _Index = _TOP) -> None:
        if parent.isValid() or not self._has_more or self._busy or not self._rows:
            return
        last = self._rows[-1]
        assert last.next_contact_date is not None  # an open follow-up always has one (docs/product.md)
        self._fetch(limit=PAGE, replace=False, after=(last.next_contact_date, last.id))

    def _fetch(self, *, limit: int, replace: bool, after: tuple[dt.date, int] | None = None) -> None:
        self._busy = True
        generation = self._generation
        ctx, rm_id, filters = self._ctx, self._rm_id, self._filters

        def work() -> tuple[list[QueueRow], QueueCounts | None, dt.date]:
            if replace:  # the first window (or a reload) and the header's counts, in one read
                rows, counts = followups.queue_with_counts(ctx.db, ctx.actor, rm_id=rm_id, filters=filters,
                                                           limit=limit)
                return rows, counts, ctx.db.today()
            rows = followups.queue(ctx.db, ctx.actor, rm_id=rm_id, filters=filters, after=after, limit=limit)
            return rows, None, ctx.db.today()

        def done(result: tuple[list[QueueRow], QueueCounts | None, dt.date]) -> None:
            if generation != self._generation:
                return
            rows, counts, today = result
            self._busy = False
            self.today = today
            if replace:
                self._replace(rows)
            else:
                self._append(rows)
            self._has_more = len(rows) == limit
            if counts is not None:
                self.counts_changed.emit(counts)
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

    def _append(self, rows: list[QueueRow]) -> None:
        known = {r.id for r in self._rows}
        fresh = [r for r in rows if r.id not in known]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    def _replace(self, rows: list[QueueRow]) -> None:
        if [r.id for r in rows] == [r.id for r in self._rows]:
            # The same rows in the same order: refresh them in place, so the view keeps its
            # selection and scroll position.
            self._rows = list(rows)
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    # --- the table ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self.columns())

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        columns = self.columns()
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[columns[section]]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _headers(self) -> dict[str, str]:
        return {
            "due": self.tr("Due"), "next_date": self.tr("Next contact"), "client": self.tr("Client"),
            "mobile": self.tr("Mobile"), "type": self.tr("Client type"), "interests": self.tr("Interests"),
            "source": self.tr("Source"), "preferred": self.tr("Preferred time"), "state": self.tr("State"),
            "attempts": self.tr("Failed / all"), "last_result": self.tr("Last result"),
            "appointment": self.tr("Appointment at"), "rm": self.tr("RM"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
