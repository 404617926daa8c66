"""The weekly summary's two tables: one RM's figures, and the supervisor's branch week (one row per RM).

Both are small by nature — fifteen figures, and a branch's RMs (a handful, a few dozen at
most) — so each model holds its rows whole; a new week replaces them at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from services.db import BRANCH_TZ

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.weekly import RmWeek, SummaryState, WeekFigures

_Index = QModelIndex | QPersistentModelIndex

RM_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole RmWeek of a row
# How each summary state shows, by the state's value (services.weekly.SummaryState).
_STATE_COLOURS = {"on_time": "#1e6b34", "late": "#b35c00", "missing": "#b3261e", "not_submitted": "#5b6b7b"}


def state_colour(state: SummaryState) -> QColor:
    return QColor(_STATE_COLOURS[state.value])


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def state_label(state: SummaryState) -> str:
    """How a summary's state reads on screen."""
    from services.weekly import SummaryState

    texts = {
        SummaryState.NOT_SUBMITTED: QCoreApplication.translate("WeeklySummary", "Not submitted"),
        SummaryState.MISSING: QCoreApplication.translate("WeeklySummary", "Missing (past due)"),
        SummaryState.ON_TIME: QCoreApplication.translate("WeeklySummary", "Submitted on time"),
        SummaryState.LATE: QCoreApplication.translate("WeeklySummary", "Submitted late"),
    }
    return texts[state]


def figure_text(value: int | Decimal) -> str:
    return f"{value:,.2f}" if isinstance(value, Decimal) else str(value)


class WeeklyFiguresModel(QAbstractTableModel):
    """One RM's week: a row per figure (label, value)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._figures: WeekFigures | None = None
        self._rows: tuple[tuple[str, str], ...] = (
            ("contacts_phone", self.tr("Contacts by phone")),
            ("contacts_sms", self.tr("Contacts by SMS")),
            ("contacts_email", self.tr("Contacts by e-mail")),
            ("contacts_letter", self.tr("Contacts by letter")),
            ("contacts_visit", self.tr("Contacts by visit")),
            ("contacts", self.tr("All contacts")),
            ("appointments_made", self.tr("Appointments made")),
            ("appointments_held", self.tr("Appointments held")),
            ("converted", self.tr("Follow-ups converted")),
            ("not_premium", self.tr("Follow-ups not premium")),
            ("abandoned", self.tr("Follow-ups abandoned")),
            ("met", self.tr("Clients met")),
            ("deals", self.tr("Deals")),
            ("deal_amount", self.tr("Deal amount (yuan)")),
            ("overdue", self.tr("Overdue at the week's end")),
        )
        self._headers = (self.tr("Figure"), self.tr("This week"))

    def set_figures(self, figures: WeekFigures | None) -> None:
        self.beginResetModel()
        self._figures = figures
        self.endResetModel()

    def clear(self) -> None:
        self.set_figures(None)

    def value(self, key: str) -> str | None:
        """The shown text of one figure (by its WeekFigures name), None while empty."""
        if self._figures is None:
            return None
        return figure_text(getattr(self._figures, key))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._figures is None else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 2:
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._figures is None or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < 2):
            return None
        key, label = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label if index.column() == 0 else figure_text(getattr(self._figures, key))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if index.column() == 0 else _RIGHT
        return None


class WeeklyBranchModel(QAbstractTableModel):
    """The supervisor's week: one row per RM with the summary's state and the figures."""

    FIGURES: tuple[str, ...] = ("contacts", "appointments_made", "appointments_held", "converted", "not_premium",
                                "abandoned", "met", "deals", "deal_amount", "overdue")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RmWeek] = []
        self._headers = (
            self.tr("Staff ID"), self.tr("Name"), self.tr("Summary"), self.tr("Submitted at"),
            self.tr("Contacts"), self.tr("Appts made"), self.tr("Appts held"), self.tr("Converted"),
            self.tr("Not premium"), self.tr("Abandoned"), self.tr("Met"), self.tr("Deals"),
            self.tr("Deal amount"), self.tr("Overdue"),
        )

    def set_rows(self, rows: Sequence[RmWeek]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rm_at(self, row: int) -> RmWeek | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, staff_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.staff_id == staff_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self._headers)):
            return None
        rm = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return rm.staff_no
            if col == 1:
                return rm.name
            if col == 2:
                return state_label(rm.state)
            if col == 3:
                return rm.submitted_at.astimezone(BRANCH_TZ).strftime("%m-%d %H:%M") if rm.submitted_at else ""
            return figure_text(getattr(rm.figures, self.FIGURES[col - 4]))
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QBrush(state_colour(rm.state))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col >= 4 else _LEFT
        if role == RM_ROLE:
            return rm
        return None
