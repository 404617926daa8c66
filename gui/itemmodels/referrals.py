"""The referral list as a Qt table model that holds only the windows of rows it was asked for.

Rows come from ``services.referrals.list_referrals`` in keyset pages of
``PAGE`` (newest first), fetched on the database lane when the view scrolls
near the end (``canFetchMore``/``fetchMore``); opening a day with 10 or 10 000
referrals costs the same. ``reload()`` re-reads the rows already shown (after
a change elsewhere) and keeps the view's place when rows were only added on
top or changed in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from gui.context import AppContext
from gui.widgets.labels import channel_label, client_type_label, follow_up_state_label, status_label
from models import ReferralStatus
from services import referrals
from services.db import BRANCH_TZ
from services.referrals import ReferralRow

PAGE = 100
RELOAD_MARGIN = 20  # a reload reads this many rows beyond those shown, to see new ones on top

OWN_COLUMNS: tuple[str, ...] = (
    "time", "client", "mobile", "type", "status", "rm", "channel", "met", "deal", "follow_up", "voided",
)
BRANCH_COLUMNS: tuple[str, ...] = ("time", "referrer") + OWN_COLUMNS[1:]
CENTERED = frozenset({"time", "met", "deal", "voided"})
VOIDED_COLOUR = QColor("#8a8a8a")

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()  # the (invalid) parent of every row of a table model


class ReferralTableModel(QAbstractTableModel):
    """Referrals of one day in one scope ('own' or 'branch'), newest first.

    Signals:
        window_loaded(): rows arrived (the first window, more rows, or a reload)
        total_changed(int): how many referrals the day holds in this scope
        load_failed(object): the exception a fetch raised
    """

    window_loaded = Signal()
    total_changed = Signal(int)
    load_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[ReferralRow] = []
        self._day: dt.date | None = None
        self._scope = "own"
        self._has_more = False
        self._busy = False
        self._generation = 0  # answers for an older query or a cleared model are dropped
        self._reload_again = False

    # --- what is shown -------------------------------------------------------------

    @property
    def day(self) -> dt.date | None:
        return self._day

    @property
    def loading(self) -> bool:
        """A window of rows is on its way from the database lane."""
        return self._busy

    def columns(self) -> tuple[str, ...]:
        return BRANCH_COLUMNS if self._scope == "branch" else OWN_COLUMNS

    def row_at(self, row: int) -> ReferralRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_query(self, day: dt.date, scope: str) -> None:
        """Show ``day`` in ``scope``: forget the rows and fetch the first window."""
        self.beginResetModel()
        self._day, self._scope = day, scope
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self._reload_again = False
        self.endResetModel()
        self._fetch(limit=PAGE, with_total=True, replace=True)

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
        """Read again the rows shown (plus any new on top); one reload at a time."""
        if self._day is None:
            return
        if self._busy:
            self._reload_again = True
            return
        self._fetch(limit=max(PAGE, len(self._rows) + RELOAD_MARGIN), with_total=True, replace=True)

    # --- fetching --------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = _TOP) -> bool:
        return not parent.isValid() and self._has_more and not self._busy

    def fetchMore(self, parent: _Index = _TOP) -> None:
        if parent.isValid() or not self._has_more or self._busy or not self._rows:
            return
        last = self._rows[-1]
        self._fetch(limit=PAGE, with_total=False, replace=False, before=(last.created_at, last.id))

    def _fetch(self, *, limit: int, with_total: bool, replace: bool,
               before: tuple[dt.datetime, int] | None = None) -> None:
        assert self._day is not None
        self._busy = True
        generation = self._generation
        ctx, day, scope = self._ctx, self._day, self._scope

        def work() -> tuple[list[ReferralRow], int | None]:
            rows = referrals.list_referrals(ctx.db, ctx.actor, day, scope, before=before, limit=limit)
            if not with_total:
                return rows, None
            if before is None and len(rows) < limit:
                return rows, len(rows)  # the whole day came back: no need to count it again
            return rows, referrals.count_referrals(ctx.db, ctx.actor, day, scope)

        def done(result: tuple[list[ReferralRow], int | None]) -> None:
            if generation != self._generation:
                return
            rows, total = result
            self._busy = False
            if replace:
                self._replace(rows)
            else:
                self._append(rows)
            self._has_more = len(rows) == limit
            if total is not None:
                self.total_changed.emit(total)
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

    def _append(self, rows: list[ReferralRow]) -> None:
        known = {r.id for r in self._rows}
        fresh = [r for r in rows if r.id not in known]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    def _replace(self, rows: list[ReferralRow]) -> None:
        old_ids = [r.id for r in self._rows]
        head = _offset_of(old_ids, [r.id for r in rows])
        if head is None:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            return
        # The same rows, maybe with new ones on top or more below: insert those and
        # refresh the rest in place, so the view keeps its selection and scroll position.
        if head:
            self.beginInsertRows(QModelIndex(), 0, head - 1)
            self._rows[0:0] = rows[:head]
            self.endInsertRows()
        end = head + len(old_ids)
        self._rows[head:end] = rows[head:end]
        self.dataChanged.emit(self.index(head, 0), self.index(end - 1, self.columnCount() - 1))
        if len(rows) > end:
            self.beginInsertRows(QModelIndex(), end, len(rows) - 1)
            self._rows.extend(rows[end:])
            self.endInsertRows()

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
            "time": self.tr("Time"), "referrer": self.tr("Referrer"), "client": self.tr("Client"),
            "mobile": self.tr("Mobile"), "type": self.tr("Client type"), "status": self.tr("Status"),
            "rm": self.tr("RM"), "channel": self.tr("Channel"), "met": self.tr("Met"), "deal": self.tr("Deal"),
            "follow_up": self.tr("Follow-up"), "voided": self.tr("Void"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        columns = self.columns()
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(columns)):
            return None
        row = self._rows[index.row()]
        column = columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.FontRole and row.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.voided:
            return VOIDED_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.voided:
                return self.tr("Voided: {reason}").format(reason=row.void_reason or "")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in CENTERED:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: ReferralRow, column: str) -> str:
        texts: dict[str, Callable[[], str]] = {
            "time": lambda: row.created_at.astimezone(BRANCH_TZ).strftime("%H:%M"),
            "referrer": lambda: row.referrer_name,
            "client": lambda: row.client_name,
            "mobile": lambda: row.client_mobile,
            "type": lambda: client_type_label(row.client_type),
            "status": lambda: status_label(row.status),
            "rm": lambda: row.rm_name,
            "channel": lambda: channel_label(row.channel),
            "met": lambda: self._met_text(row),
            "deal": lambda: self._yes_no(row.deal),
            "follow_up": lambda: follow_up_state_label(row.follow_up_state) if row.follow_up_state else "—",
            "voided": lambda: self.tr("Voided") if row.voided else "",
        }
        return texts[column]()

    def _met_text(self, row: ReferralRow) -> str:
        if row.met is None and row.status == ReferralStatus.REFERRED and not row.voided:
            return self.tr("Awaiting RM")
        return self._yes_no(row.met)

    def _yes_no(self, value: bool | None) -> str:
        if value is None:
            return "—"
        return self.tr("Yes") if value else self.tr("No")


def _offset_of(old_ids: list[int], new_ids: list[int]) -> int | None:
    """Where the old rows start within the new ones, if they are all still there in order."""
    if not old_ids:
        return None
    try:
        k = new_ids.index(old_ids[0])
    except ValueError:
        return None
    return k if new_ids[k:k + len(old_ids)] == old_ids else None
