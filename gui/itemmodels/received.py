"""The RM's received referrals as a Qt table model holding only the windows of rows it was asked for.

Rows come from ``services.received.received`` in keyset windows of ``page_size`` (the base's)
(newest first), fetched on the database lane as the view scrolls
(``canFetchMore``/``fetchMore``). ``reload()`` re-reads the rows shown plus any new
on top; a row that was not there at the previous load of the same day is *new*:
it is highlighted until the person selects it (``acknowledge``) — docs/received.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from gui.context import AppContext
from gui.itemmodels.keyset import Index, KeysetTableModel
from gui.widgets.labels import client_type_label, follow_up_state_label, status_label
from models import NoDealReason, ReferralStatus
from services import received
from services.db import BRANCH_TZ
from services.received import ReceivedRow

COLUMNS: tuple[str, ...] = (
    "time", "client", "mobile", "type", "status", "referrer", "met", "deal", "products", "amount", "reason",
)
ALL_RMS_COLUMNS: tuple[str, ...] = ("time", "rm", *COLUMNS[1:])
CENTERED = frozenset({"time", "met", "deal"})
NEW_BACKGROUND = QColor("#fff3c4")  # a soft yellow: new since the last look
VOIDED_COLOUR = QColor("#8a8a8a")
NEW_ROLE = Qt.ItemDataRole.UserRole + 1  # True on a row that arrived since the previous load


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


class ReceivedTableModel(KeysetTableModel[ReceivedRow]):
    """Referrals naming one RM (or, for the supervisor, every RM) on one day, newest first.

    Signals (besides the base's ``window_loaded`` and ``load_failed``):
        total_changed(int): how many referrals the day holds
    """

    total_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, parent)
        self._day: dt.date | None = None
        self._rm_id: int | None = None
        self._all_rms = False
        # Ids only (no client data), so they outlive clear(): what arrived under the lock is still new after it.
        self._known: set[int] | None = None  # None: nothing loaded yet for this day, so nothing is "new"
        self._new: set[int] = set()

    # --- what is shown -------------------------------------------------------------

    @property
    def day(self) -> dt.date | None:
        return self._day

    def columns(self) -> tuple[str, ...]:
        return ALL_RMS_COLUMNS if self._all_rms else COLUMNS

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
        self._day, self._rm_id, self._all_rms = day, rm_id, all_rms
        self._start()

    def _window_job(self, after: ReceivedRow | None, limit: int,
                    first: bool) -> Callable[[], tuple[list[ReceivedRow], int | None]]:
        assert self._day is not None
        ctx, day, rm_id = self._ctx, self._day, self._rm_id
        key = (after.created_at, after.id) if after is not None else None

        def work() -> tuple[list[ReceivedRow], int | None]:
            rows = received.received(ctx.db, ctx.actor, day, key, limit, rm_id=rm_id)
            if not first:
                return rows, None
            if len(rows) < limit:
                return rows, len(rows)
            return rows, received.count_received(ctx.db, ctx.actor, day, rm_id=rm_id)

        return work

    def _window_arrived(self, rows: list[ReceivedRow], extra: Any, first: bool) -> None:
        self._note_arrivals(rows)
        if extra is not None:
            self.total_changed.emit(extra)

    def _note_arrivals(self, rows: list[ReceivedRow]) -> None:
        """Rows not seen before on this day (after its first load) are new: highlighted until looked at."""
        ids = [r.id for r in rows]
        if self._known is None:
            self._known = set(ids)
            return
        self._new.update(i for i in ids if i not in self._known)
        self._known.update(ids)

    def _headers(self) -> dict[str, str]:
        return {
            "time": self.tr("Time"), "rm": self.tr("RM"), "client": self.tr("Client"), "mobile": self.tr("Mobile"),
            "type": self.tr("Client type"), "status": self.tr("Status"), "referrer": self.tr("Referrer"),
            "met": self.tr("Met"), "deal": self.tr("Deal"), "products": self.tr("Products"),
            "amount": self.tr("Amount"), "reason": self.tr("No-deal reason"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
