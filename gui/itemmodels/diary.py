"""The diary's two tables: one RM's day (planned against done) and the week's plan of visits and calls.

A day holds what one person planned and did (the due follow-ups are capped by the
service, ``services.diary.DUE_LIST_MAX``) and a week plan a few dozen lines, so each
model keeps its rows; a new day or week replaces them at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models import AppointmentStatus, PlanKind
from services.db import BRANCH_TZ

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.diary import DiaryItem, ItemKind, PlanRow

_Index = QModelIndex | QPersistentModelIndex

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's DiaryItem / PlanRow / Proposal
DONE_TEXT = QColor("#1b6e34")
NOT_DONE_TEXT = QColor("#b3261e")
OVERDUE_TEXT = QColor("#b35c00")
MUTED_TEXT = QColor("#8a8a8a")
PLANNED_BACKGROUND = QColor("#f4f6fa")


class DayColumn(IntEnum):
    TIME = 0
    KIND = 1
    CLIENT = 2
    DETAIL = 3
    DONE = 4


class PlanColumn(IntEnum):
    DATE = 0
    KIND = 1
    CLIENT = 2
    NOTE = 3
    STATE = 4


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


class _Rows(QAbstractTableModel):
    """Read-only rows kept whole; subclasses say how a row is shown."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[object] = []
        self._headers = tuple(headers)

    def set_rows(self, rows: Sequence[object]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> object | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._headers):
            return None
        row = self._rows[index.row()]
        if role == ITEM_ROLE:
            return row
        return self._data(row, index.column(), role)

    def _data(self, row: object, column: int, role: int) -> object:  # pragma: no cover - overridden
        return None


class DiaryDayModel(_Rows):
    """One row per ``DiaryItem`` of a ``DiaryDay``: time, kind, client (masked), detail, done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Time"), self.tr("Kind"), self.tr("Client"), self.tr("Detail"), self.tr("Done")),
                         parent)

    def item_at(self, row: int) -> DiaryItem | None:
        from services.diary import DiaryItem

        item = self.row_at(row)
        return item if isinstance(item, DiaryItem) else None

    def row_of(self, kind: ItemKind, entity_id: int) -> int | None:
        from services.diary import DiaryItem

        for n, item in enumerate(self._rows):
            if isinstance(item, DiaryItem) and item.kind == kind and item.entity_id == entity_id:
                return n
        return None

    def kind_text(self, kind: ItemKind) -> str:
        from services.diary import ItemKind

        return {
            ItemKind.PLANNED_CONTACT: self.tr("Planned contact"),
            ItemKind.APPOINTMENT: self.tr("Appointment"),
            ItemKind.PLANNED_VISIT: self.tr("Planned visit"),
            ItemKind.PLANNED_CALL: self.tr("Planned call"),
            ItemKind.DONE_CONTACT: self.tr("Contact made"),
            ItemKind.OUTCOME: self.tr("Outcome"),
        }[kind]

    def status_text(self, status: AppointmentStatus | None) -> str:
        return {
            AppointmentStatus.SCHEDULED: self.tr("scheduled"),
            AppointmentStatus.HELD: self.tr("held"),
            AppointmentStatus.MISSED: self.tr("missed"),
            AppointmentStatus.MOVED: self.tr("moved"),
            AppointmentStatus.CANCELLED: self.tr("cancelled"),
        }.get(status or AppointmentStatus.SCHEDULED, "")

    def _channel_text(self, value: str | None) -> str:
        return {"phone": self.tr("phone"), "sms": self.tr("SMS"), "email": self.tr("e-mail"),
                "letter": self.tr("letter"), "visit": self.tr("visit")}.get(value or "", value or "")

    def _result_text(self, value: str | None) -> str:
        return {"reached": self.tr("reached"), "no_answer": self.tr("no answer"), "declined": self.tr("declined"),
                "appointment": self.tr("appointment booked"),
                "wrong_number": self.tr("wrong number")}.get(value or "", value or "")

    def detail_text(self, item: DiaryItem) -> str:
        from services.diary import ItemKind

        if item.kind == ItemKind.PLANNED_CONTACT:
            due = item.due_date.isoformat() if item.due_date else "?"
            return (self.tr("overdue since {date}") if item.overdue else self.tr("due {date}")).format(date=due)
        if item.kind == ItemKind.APPOINTMENT:
            parts = [self.status_text(item.status)]
            if item.moved_to is not None:
                at = item.moved_to.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M")
                parts.append(self.tr("moved to {at}").format(at=at))
            parts += [p for p in (item.place, item.purpose) if p]
            return " · ".join(parts)
        if item.kind == ItemKind.DONE_CONTACT:
            return f"{self._channel_text(item.channel)} · {self._result_text(item.result)}"
        if item.kind == ItemKind.OUTCOME:
            parts = [self.tr("met") if item.met else self.tr("not met")]
            if item.met:
                parts.append(self.tr("deal") if item.deal else self.tr("no deal"))
            if item.products:
                parts.append(item.products)
            if item.amount is not None:
                parts.append(self.tr("{amount} yuan").format(amount=_money(item.amount)))
            return " · ".join(parts)
        return item.note or ""

    def done_text(self, item: DiaryItem) -> str:
        if item.done is None:
            return ""
        return self.tr("Done") if item.done else self.tr("Not done")

    def _data(self, row: object, column: int, role: int) -> object:
        from services.diary import DiaryItem

        assert isinstance(row, DiaryItem)
        col = DayColumn(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == DayColumn.TIME:
                return row.at.astimezone(BRANCH_TZ).strftime("%H:%M") if row.at else self.tr("all day")
            if col == DayColumn.KIND:
                return self.kind_text(row.kind)
            if col == DayColumn.CLIENT:
                return row.client
            if col == DayColumn.DETAIL:
                return self.detail_text(row)
            return self.done_text(row)
        if role == Qt.ItemDataRole.ToolTipRole and col == DayColumn.DETAIL:
            return self.detail_text(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == DayColumn.DONE and row.done is not None:
                return QBrush(DONE_TEXT if row.done else NOT_DONE_TEXT)
            if col == DayColumn.DETAIL and row.overdue:
                return QBrush(OVERDUE_TEXT)
            if row.status in (AppointmentStatus.MOVED, AppointmentStatus.CANCELLED):
                return QBrush(MUTED_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and row.done is not None:
            return QBrush(PLANNED_BACKGROUND)  # what was planned stands apart from what just happened
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (DayColumn.TIME, DayColumn.DONE):
            return Qt.AlignmentFlag.AlignCenter
        return None


class WeekPlanModel(_Rows):
    """The week's planned visits and calls, then what the rule proposes and is not yet accepted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Date"), self.tr("Kind"), self.tr("Client"), self.tr("Note"), self.tr("State")),
                         parent)

    def plan_at(self, row: int) -> PlanRow | None:
        from services.diary import PlanRow

        item = self.row_at(row)
        return item if isinstance(item, PlanRow) else None

    def row_of(self, plan_id: int) -> int | None:
        from services.diary import PlanRow

        for n, item in enumerate(self._rows):
            if isinstance(item, PlanRow) and item.id == plan_id:
                return n
        return None

    def kind_text(self, kind: PlanKind) -> str:
        return self.tr("Visit") if kind == PlanKind.VISIT else self.tr("Call")

    def _weekday(self, n: int) -> str:
        return (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                self.tr("Sun"))[n]

    def _data(self, row: object, column: int, role: int) -> object:
        from services.diary import PlanRow, Proposal

        assert isinstance(row, (PlanRow, Proposal))
        col = PlanColumn(column)
        proposal = isinstance(row, Proposal)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == PlanColumn.DATE:
                return f"{row.planned_date.isoformat()} {self._weekday(row.planned_date.weekday())}"
            if col == PlanColumn.KIND:
                return self.kind_text(row.kind)
            if col == PlanColumn.CLIENT:
                return row.client
            if col == PlanColumn.NOTE:
                return "" if isinstance(row, Proposal) else (row.note or "")
            if isinstance(row, Proposal):
                return self.tr("Proposed")
            return self.tr("Done") if row.done else self.tr("Planned")
        if role == Qt.ItemDataRole.ForegroundRole:
            if proposal:
                return QBrush(MUTED_TEXT)
            if col == PlanColumn.STATE and isinstance(row, PlanRow) and row.done:
                return QBrush(DONE_TEXT)
        if role == Qt.ItemDataRole.FontRole and proposal:
            font = QFont()
            font.setItalic(True)
            return font
        return None
