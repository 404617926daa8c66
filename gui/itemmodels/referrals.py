"""The referral list as a Qt table model that holds only the windows of rows it was asked for.

Rows come from ``services.referrals.list_referrals`` in keyset pages of
``page_size`` (the base's) (newest first), fetched on the database lane when the view scrolls
near the end (``canFetchMore``/``fetchMore``); opening a day with 10 or 10 000
referrals costs the same. ``reload()`` re-reads the rows already shown (after
a change elsewhere) and keeps the view's place when rows were only added on
top or changed in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from gui.context import AppContext
from gui.itemmodels.keyset import Index, KeysetTableModel
from gui.widgets.labels import channel_label, client_type_label, follow_up_state_label, status_label
from models import ReferralStatus
from services import referrals
from services.db import BRANCH_TZ
from services.referrals import ReferralRow

OWN_COLUMNS: tuple[str, ...] = (
    "time", "client", "mobile", "type", "status", "rm", "channel", "met", "deal", "follow_up", "voided",
)
BRANCH_COLUMNS: tuple[str, ...] = ("time", "referrer") + OWN_COLUMNS[1:]
CENTERED = frozenset({"time", "met", "deal", "voided"})
VOIDED_COLOUR = QColor("#8a8a8a")



class ReferralTableModel(KeysetTableModel[ReferralRow]):
    """Referrals of one day in one scope ('own' or 'branch'), newest first.

    Signals (besides the base's ``window_loaded`` and ``load_failed``):
        total_changed(int): how many referrals the day holds in this scope
    """

    total_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, parent)
        self._day: dt.date | None = None
        self._scope = "own"

    @property
    def day(self) -> dt.date | None:
        return self._day

    def columns(self) -> tuple[str, ...]:
        return BRANCH_COLUMNS if self._scope == "branch" else OWN_COLUMNS

    def set_query(self, day: dt.date, scope: str) -> None:
        """Show ``day`` in ``scope``: forget the rows and fetch the first window."""
        self._day, self._scope = day, scope
        self._start()

    def _window_job(self, after: ReferralRow | None, limit: int,
                    first: bool) -> Callable[[], tuple[list[ReferralRow], int | None]]:
        assert self._day is not None
        ctx, day, scope = self._ctx, self._day, self._scope
        before = (after.created_at, after.id) if after is not None else None

        def work() -> tuple[list[ReferralRow], int | None]:
            rows = referrals.list_referrals(ctx.db, ctx.actor, day, scope, before=before, limit=limit)
            if not first:
                return rows, None
            if len(rows) < limit:
                return rows, len(rows)  # the whole day came back: no need to count it again
            return rows, referrals.count_referrals(ctx.db, ctx.actor, day, scope)

        return work

    def _window_arrived(self, rows: list[ReferralRow], extra: Any, first: bool) -> None:
        if extra is not None:
            self.total_changed.emit(extra)

    def _headers(self) -> dict[str, str]:
        return {
            "time": self.tr("Time"), "referrer": self.tr("Referrer"), "client": self.tr("Client"),
            "mobile": self.tr("Mobile"), "type": self.tr("Client type"), "status": self.tr("Status"),
            "rm": self.tr("RM"), "channel": self.tr("Channel"), "met": self.tr("Met"), "deal": self.tr("Deal"),
            "follow_up": self.tr("Follow-up"), "voided": self.tr("Void"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
