"""The score breakdown (factor, value, points) and the tier history of one client.

Both are short and bounded — six factors, the newest ``services.scoring.HISTORY_SHOWN``
tier changes — so each holds its rows; the windowed-model rule is for tables that grow
without bound.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt

from gui.widgets.labels import tier_label
from services.db import BRANCH_TZ

if TYPE_CHECKING:
    from services.scoring import FactorLine, TierMove

_Index = QModelIndex | QPersistentModelIndex


def factor_label(factor: str) -> str:
    labels = {
        "deposits": QCoreApplication.translate("ScoreLabels", "Deposits"),
        "wealth": QCoreApplication.translate("ScoreLabels", "Wealth & intermediary business"),
        "loans": QCoreApplication.translate("ScoreLabels", "Loans"),
        "family": QCoreApplication.translate("ScoreLabels", "Family"),
        "occupation": QCoreApplication.translate("ScoreLabels", "Occupation"),
        "social": QCoreApplication.translate("ScoreLabels", "Social standing"),
    }
    return labels.get(factor, factor)


def cause_label(cause: str) -> str:
    labels = {
        "snapshot": QCoreApplication.translate("ScoreLabels", "New financial snapshot"),
        "rating": QCoreApplication.translate("ScoreLabels", "RM's ratings"),
        "settings": QCoreApplication.translate("ScoreLabels", "Score settings changed"),
        "recompute": QCoreApplication.translate("ScoreLabels", "Branch recompute"),
        "import": QCoreApplication.translate("ScoreLabels", "Client records import"),
        "follow_up": QCoreApplication.translate("ScoreLabels", "Follow-up converted"),
    }
    return labels.get(cause, cause)


def amount_text(amount: Decimal) -> str:
    return QLocale().toString(float(amount), "f", 2)


def value_text(line: FactorLine) -> str:
    if line.value is None:
        return QCoreApplication.translate("ScoreLabels", "Not rated")
    if isinstance(line.value, Decimal):
        return amount_text(line.value)
    return QCoreApplication.translate("ScoreLabels", "{rating} of 5").format(rating=line.value)


class BreakdownModel(QAbstractTableModel):
    """Factor, value, points (``profileBreakdownTable``); the points add up to the score shown."""

    COLUMNS = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[FactorLine] = []

    def set_lines(self, lines: list[FactorLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def clear(self) -> None:
        self.set_lines([])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMNS:
            return (self.tr("Factor"), self.tr("Value"), self.tr("Points"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return factor_label(line.factor)
            if col == 1:
                return value_text(line)
            if col == 2:
                return str(line.points)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return self.tr("Weight {weight}, factor score {points} of 100").format(
                weight=line.weight, points=line.factor_points)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TierHistoryModel(QAbstractTableModel):
    """When, from which tier and score to which, what moved it, who (``profileTierHistoryTable``)."""

    COLUMNS = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._moves: list[TierMove] = []

    def set_moves(self, moves: list[TierMove]) -> None:
        self.beginResetModel()
        self._moves = list(moves)
        self.endResetModel()

    def clear(self) -> None:
        self.set_moves([])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._moves)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMNS:
            return (self.tr("When"), self.tr("From"), self.tr("To"), self.tr("Why"), self.tr("By"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._moves):
            return None
        move = self._moves[index.row()]
        col = index.column()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return move.at.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M")
        if col == 1:
            return f"{tier_label(move.old_tier)} ({move.old_score})"
        if col == 2:
            return f"{tier_label(move.new_tier)} ({move.new_score})"
        if col == 3:
            return cause_label(move.cause)
        if col == 4:
            return move.by or self.tr("Command line")
        return None
