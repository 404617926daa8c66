"""The RM's received referrals as a Qt table model holding only the windows of rows it was asked for.

Rows come from ``services.received.received`` in keyset windows of ``PAGE``
(newest first), fetched on the database lane as the view scrolls
(``canFetchMore``/``fetchMore``). ``reload()`` re-reads the rows shown plus any new
on top; a row that was not there at the previous load of the same day is *new*:
it is highlighted until the person selects it (``acknowledge``) — docs/received.md.
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
from gui.widgets.labels import client_type_label, follow_up_state_label, status_label
from models import NoDealReason, ReferralStatus
from services import received
from services.db import BRANCH_TZ
from services.received import ReceivedRow

PAGE = 100
RELOAD_MARGIN = 20  # a reload reads this many rows beyond those shown, to see new ones on top

COLUMNS: tuple[str, ...] = (
    "time", "client", "mobile", "type", "status", "referrer", "met", "deal", "products", "amount", "reason",
)
ALL_RMS_COLUMNS: tuple[str, ...] = ("time", "rm", *COLUMNS[1:])
CENTERED = frozenset({"time", "met", "deal"})
NEW_BACKGROUND = QColor("#fff3c4")  # a soft yellow: new since the last look
VOIDED_COLOUR = QColor("#8a8a8a")
NEW_ROLE = Qt.ItemDataRole.UserRole + 1  # True on a row that arrived since the previous load

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


def no_deal_reason_label(value: NoDealReason | str) -> str:
    """The list of docs/product.md "Workflow": 收益不满意, 风险顾虑, 主要业务在他行, 暂无资金, 其他."""
    labels = {
        NoDealReason.RETURN: QCoreApplication.translate("DomainLabels", "Return not attractive"),
        NoDealReason.RISK: QCoreApplication.translate("DomainLabels", "Worried about risk"),
        NoDealReason.OTHER_BANK: QCoreApplication.translate("DomainLabels", "Main business at another bank"),
        NoDealReason.NO_FUNDS: QCoreApplication.translate("DomainLabels", "No funds at present"),
        NoDealReason.OTHER: QCoreApplication.translate("DomainLabels", "Other"),
    }
    return labels[NoDealReason(value)]


class ReceivedTableModel(QAbstractTableModel):
    """Referrals naming one RM (or, for the supervisor, every RM) on one day, newest first.

    Signals:
        window_loaded(): rows arrived (the first window, more rows, or a reload)
        total_changed(int): how many referrals the day holds
        rows_arrived(list): ids of rows new since the previous load of the same day
        load_failed(object): the exception a fetch raised
    """

    window_loaded = Signal()
    total_changed = Signal(int)
    rows_arrived = Signal(list)
    load_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[ReceivedRow] = []
        self._day: dt.date | None = None
        self._rm_id: int | None = None
        self._all_rms = False
        self._has_more = False
        self._busy = False
        self._generation = 0
        self._reload_again = False
        # Ids only (no client data), so they outlive clear(): what arrived under the lock is still new after it.
        self._known: set[int] | None = None  # None: nothing loaded yet for this day, so nothing is "new"
        self._new: set[int] = set()

    # --- what is shown -------------------------------------------------------------

    @property
    def day(self) -> dt.date | None:
        return self._day

    @property
    def loading(self) -> bool:
        return self._busy

    def columns(self) -> tuple[str, ...]:
        return ALL_RMS_COLUMNS if self._all_rms else COLUMNS

    def row_at(self, row: int) -> ReceivedRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, referral_id: int) -> int:
        return next((k for k, r in enumerate(self._rows) if r.id == referral_id), -1)

    def is_new(self, referral_id: int) -> bool:
        return referral_id in self._new

    def acknowledge(self, referral_id: int) -> None:
        """The person looked at the row: it is no longer highlighted."""
        if referral_id in self._new:
            self._new.discard(referral_id)
            k = self.row_of(referral_id)
            if k >= 0:
                self.dataChanged.emit(self.index(k, 0), self.index(k, self.columnCount() - 1))

    def mark_new(self, referral_ids: list[int]) -> None:
        """Referrals announced by the notification: highlighted whenever they are shown."""
        self._new.update(referral_ids)
        for referral_id in referral_ids:
            k = self.row_of(referral_id)
            if k >= 0:
                self.dataChanged.emit(self.index(k, 0), self.index(k, self.columnCount() - 1))

    def set_query(self, day: dt.date, rm_id: int | None = None, *, all_rms: bool = False) -> None:
        """Show ``day`` (for ``rm_id``; None: the viewer's own, or every RM's for the supervisor)."""
        if self._day is not None and (day, rm_id) != (self._day, self._rm_id):
            self._known, self._new = None, set()  # another day or RM: what was new there is not new here
        self.beginResetModel()
        self._day, self._rm_id, self._all_rms = day, rm_id, all_rms
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self._reload_again = False
        self.endResetModel()
        self._fetch(limit=PAGE, with_total=True, replace=True)

    def clear(self) -> None:
        """Drop every row (the idle lock); the ids seen stay, so later arrivals are still marked new."""
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self._reload_again = False
        self.endResetModel()

    def reload(self) -> None:
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
        self._fetch(limit=PAGE, with_total=False, replace=False, after=(last.created_at, last.id))

    def _fetch(self, *, limit: int, with_total: bool, replace: bool,
               after: tuple[dt.datetime, int] | None = None) -> None:
        assert self._day is not None
        self._busy = True
        generation = self._generation
        ctx, day, rm_id = self._ctx, self._day, self._rm_id

        def work() -> tuple[list[ReceivedRow], int | None]:
            rows = received.received(ctx.db, ctx.actor, day, after, limit, rm_id=rm_id)
            if not with_total:
                return rows, None
            if after is None and len(rows) < limit:
                return rows, len(rows)
            return rows, received.count_received(ctx.db, ctx.actor, day, rm_id=rm_id)

        def done(result: tuple[list[ReceivedRow], int | None]) -> None:
            if generation != self._generation:
                return
            rows, total = result
            self._busy = False
            arrived = self._note_arrivals(rows)
            if replace:
                self._replace(rows)
            else:
                self._append(rows)
            self._has_more = len(rows) == limit
            if total is not None:
                self.total_changed.emit(total)
            self.window_loaded.emit()
            if arrived:
                self.rows_arrived.emit(arrived)
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

    def _note_arrivals(self, rows: list[ReceivedRow]) -> list[int]:
        ids = [r.id for r in rows]
        if self._known is None:
            self._known = set(ids)
            return []
        arrived = [i for i in ids if i not in self._known]
        self._known.update(ids)
        self._new.update(arrived)
        return arrived

    def _append(self, rows: list[ReceivedRow]) -> None:
        known = {r.id for r in self._rows}
        fresh = [r for r in rows if r.id not in known]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    def _replace(self, rows: list[ReceivedRow]) -> None:
        old_ids = [r.id for r in self._rows]
        head = _offset_of(old_ids, [r.id for r in rows])
        if head is None:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            return
        # New rows on top are inserted, the rest refreshed in place: the view keeps its selection.
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
            "time": self.tr("Time"), "rm": self.tr("RM"), "client": self.tr("Client"), "mobile": self.tr("Mobile"),
            "type": self.tr("Client type"), "status": self.tr("Status"), "referrer": self.tr("Referrer"),
            "met": self.tr("Met"), "deal": self.tr("Deal"), "products": self.tr("Products"),
            "amount": self.tr("Amount"), "reason": self.tr("No-deal reason"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        columns = self.columns()
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(columns)):
            return None
        row = self._rows[index.row()]
        column = columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == NEW_ROLE:
            return row.id in self._new
        if role == Qt.ItemDataRole.BackgroundRole and row.id in self._new:
            return NEW_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and (row.voided or row.id in self._new):
            font = QFont()
            font.setStrikeOut(row.voided)
            font.setBold(row.id in self._new)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.voided:
            return VOIDED_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and row.id in self._new:
            return self.tr("New since you last looked")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in CENTERED:
                return int(Qt.AlignmentFlag.AlignCenter)
            if column == "amount":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: ReceivedRow, column: str) -> str:
        texts: dict[str, Callable[[], str]] = {
            "time": lambda: row.created_at.astimezone(BRANCH_TZ).strftime("%H:%M"),
            "rm": lambda: row.rm_name,
            "client": lambda: row.client_name,
            "mobile": lambda: row.client_mobile,
            "type": lambda: client_type_label(row.client_type),
            "status": lambda: self._status_text(row),
            "referrer": lambda: row.referrer_name,
            "met": lambda: self._met_text(row),
            "deal": lambda: self._yes_no(row.deal),
            "products": lambda: row.products or "",
            "amount": lambda: row.amount_text,
            "reason": lambda: no_deal_reason_label(row.no_deal_reason) if row.no_deal_reason else "",
        }
        return texts[column]()

    def _status_text(self, row: ReceivedRow) -> str:
        if row.voided:
            return self.tr("Voided")
        if row.status == ReferralStatus.PENDING and row.follow_up_state is not None:
            return f"{status_label(row.status)} · {follow_up_state_label(row.follow_up_state)}"
        return status_label(row.status)

    def _met_text(self, row: ReceivedRow) -> str:
        if row.met is None and row.status == ReferralStatus.REFERRED and not row.voided:
            return self.tr("To record")
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
