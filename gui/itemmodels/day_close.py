"""The day-close sheet as a table: one row per referral of the day, missing confirmations marked."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from gui.widgets.labels import follow_up_state_label, status_label
from models import ReferralStatus
from services.dayclose import ReconLine
from services.db import BRANCH_TZ

_Index = QModelIndex | QPersistentModelIndex

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole ReconLine of a row
MISSING_BACKGROUND = QColor("#fdeceb")  # soft red: the eye finds what blocks the close
MISSING_TEXT = QColor("#b3261e")
MUTED_TEXT = QColor("#8a8a8a")
OVERDUE_TEXT = QColor("#b35c00")


class Column(IntEnum):
    TIME = 0
    REFERRER = 1
    CLIENT = 2
    MOBILE = 3
    STATUS = 4
    RM = 5
    MET = 6
    DEAL = 7
    PRODUCTS = 8
    AMOUNT = 9
    CONFIRMED = 10
    FOLLOW_UP = 11


class DayCloseTableModel(QAbstractTableModel):
    """Read-only rows of a ``DayReconciliation``.

    A branch day holds at most a few hundred referrals and the sheet is checked
    whole, so the model keeps the day's lines; a new day replaces them at once.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[ReconLine] = []
        self._headers = (
            self.tr("Time"), self.tr("Referrer"), self.tr("Client"), self.tr("Mobile"), self.tr("Status"),
            self.tr("RM"), self.tr("Met"), self.tr("Deal"), self.tr("Products"), self.tr("Amount"),
            self.tr("Confirmed by"), self.tr("Follow-up"),
        )

    # --- content -------------------------------------------------------------

    def set_lines(self, lines: Sequence[ReconLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def clear(self) -> None:
        self.set_lines([])

    def line_at(self, row: int) -> ReconLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, referral_id: int) -> int | None:
        for row, line in enumerate(self._lines):
            if line.referral_id == referral_id:
                return row
        return None

    # --- QAbstractTableModel -------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._lines):
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Never editable in place: outcomes go through the side panel and the service's checks.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._lines) or index.column() >= len(Column):
            return None
        line = self._lines[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(MISSING_BACKGROUND) if line.missing else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(line, column)
        if role == Qt.ItemDataRole.FontRole and (line.voided or (line.missing and column == Column.CONFIRMED)):
            font = QFont()
            font.setStrikeOut(line.voided)
            font.setBold(line.missing)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == Column.AMOUNT:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            if column in (Column.TIME, Column.MET, Column.DEAL):
                return Qt.AlignmentFlag.AlignCenter
            return None
        if role == LINE_ROLE:
            return line
        return None

    # --- presentation --------------------------------------------------------

    def _yes_no(self, value: bool | None, line: ReconLine) -> str:
        if line.status != ReferralStatus.REFERRED or value is None:
            return ""
        return self.tr("Yes") if value else self.tr("No")

    def status_text(self, line: ReconLine) -> str:
        if line.voided:
            return self.tr("Void")
        return status_label(line.status)

    def follow_up_text(self, line: ReconLine) -> str:
        if line.status != ReferralStatus.PENDING or line.voided:
            return ""
        if line.follow_up_state is None:
            return self.tr("No follow-up")
        state = follow_up_state_label(line.follow_up_state)
        if not line.follow_up_state.is_open or line.follow_up_next is None:
            return state
        due = line.follow_up_next.strftime("%m-%d")
        text = self.tr("{state}, overdue {date}") if line.follow_up_overdue else self.tr("{state}, due {date}")
        return text.format(state=state, date=due)

    def _display(self, line: ReconLine, column: Column) -> str:
        if column == Column.TIME:
            return line.created_at.astimezone(BRANCH_TZ).strftime("%H:%M")
        if column == Column.REFERRER:
            return line.referrer_name
        if column == Column.CLIENT:
            return line.client_name
        if column == Column.MOBILE:
            return line.client_mobile
        if column == Column.STATUS:
            return self.status_text(line)
        if column == Column.RM:
            return line.rm_name
        if column == Column.MET:
            return self._yes_no(line.met, line)
        if column == Column.DEAL:
            return self._yes_no(line.deal, line)
        if column == Column.PRODUCTS:
            return line.products or ""
        if column == Column.AMOUNT:
            return line.amount_text  # masked by the service for a viewer who may not see amounts
        if column == Column.CONFIRMED:
            if line.missing:
                return self.tr("Missing")
            if line.confirmed_at is None or line.status != ReferralStatus.REFERRED:
                return ""
            when = line.confirmed_at.astimezone(BRANCH_TZ).strftime("%H:%M")
            return f"{line.confirmed_by or '?'} {when}"
        return self.follow_up_text(line)

    def _tooltip(self, line: ReconLine, column: Column) -> str | None:
        if line.voided:
            return self.tr("Void: {reason}").format(reason=line.void_reason or "")
        if column == Column.CONFIRMED and line.missing:
            return self.tr("Check the meeting with {rm} and record the outcome").format(rm=line.rm_name)
        if column == Column.CONFIRMED and line.confirmed_by_rm:
            return self.tr("Recorded by the RM")
        if column == Column.FOLLOW_UP and line.follow_up_state is not None:
            if line.follow_up_state.is_open and line.follow_up_next is not None:
                text = self.tr("Overdue: next contact was {date}; {n} contact attempts so far") \
                    if line.follow_up_overdue else self.tr("Next contact {date}; {n} contact attempts so far")
                return text.format(date=line.follow_up_next.isoformat(), n=line.follow_up_attempts)
            return self.tr("{n} contact attempts").format(n=line.follow_up_attempts)
        if column == Column.PRODUCTS and line.products:
            return line.products
        return None

    def _foreground(self, line: ReconLine, column: Column) -> QBrush | None:
        if line.voided:
            return QBrush(MUTED_TEXT)
        if line.missing and column == Column.CONFIRMED:
            return QBrush(MISSING_TEXT)
        if column == Column.FOLLOW_UP and line.follow_up_overdue:
            return QBrush(OVERDUE_TEXT)
        return None
