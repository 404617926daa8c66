"""The assessment's tables: one row per RM (points per part), one RM's figures, one figure's source records.

Each is small by nature (a branch's RMs; fifteen figures; a month's records behind one figure),
so each model holds its rows whole, as the weekly roll-up's tables do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.assessment import Figure, RmAssessment
    from services.targets import SourceRow

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's object
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
NOT_RECORDED = QColor("#8a6d00")
R = TypeVar("R")


def pts(value: Decimal) -> str:
    return f"{value:.1f}"


def part_label(part: str) -> str:
    return {
        "marketing": QCoreApplication.translate("Assessment", "Marketing"),
        "service": QCoreApplication.translate("Assessment", "Service"),
        "process": QCoreApplication.translate("Assessment", "Process"),
        "bonus": QCoreApplication.translate("Assessment", "Bonus/malus"),
    }[part]


class _RowsModel(QAbstractTableModel, Generic[R]):
    """Whole rows, read-only; subclasses give the headers and one cell's text."""

    right_from = 2
    right_to = 99  # the columns from ``right_from`` up to (not including) ``right_to`` are figures

    def __init__(self, headers: Sequence[str], cell: Callable[[R, int], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._headers = tuple(headers)
        self._cell = cell

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[R]:
        return list(self._rows)

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

    def extra(self, row: R, col: int, role: int) -> object:
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self._headers)):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.right_from <= col < self.right_to else _LEFT
        if role == ROW_ROLE:
            return row
        return self.extra(row, col, role)


def _rm_cell(a: RmAssessment, col: int) -> str:
    values = (a.staff_no, a.rm_name, pts(a.marketing), pts(a.service), pts(a.process), pts(a.bonus), pts(a.total))
    return values[col]


class AssessmentModel(_RowsModel["RmAssessment"]):
    """The month: one row per RM — marketing, service, process, bonus/malus, total."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Staff ID"), self.tr("Name"), part_label("marketing"), part_label("service"),
                          part_label("process"), part_label("bonus"), self.tr("Total")), _rm_cell, parent)

    def row_of(self, rm_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.rm_id == rm_id), None)


def _figure_cell(fig: Figure, col: int) -> str:
    sign = "±" if fig.part == "bonus" else ""
    values = (part_label(fig.part), fig.label, fig.value, f"{pts(fig.points)} / {sign}{pts(fig.max_points)}",
              str(len(fig.sources)), fig.note)
    return values[col]


class FiguresModel(_RowsModel["Figure"]):
    """One RM's figures: part, figure, value, points, how many records, note (double-click: the records)."""

    right_to = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Part"), self.tr("Figure"), self.tr("Value"), self.tr("Points"),
                          self.tr("Records"), self.tr("Note")), _figure_cell, parent)

    def extra(self, row: Figure, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and not row.recorded:
            return QBrush(NOT_RECORDED)
        return None


def entity_label(entity: str) -> str:
    texts = {
        "tier_change": QCoreApplication.translate("Assessment", "Tier change"),
        "follow_up": QCoreApplication.translate("Assessment", "Follow-up"),
        "contact_attempt": QCoreApplication.translate("Assessment", "Contact"),
        "maintenance_record": QCoreApplication.translate("Assessment", "Maintenance"),
        "financial_snapshot": QCoreApplication.translate("Assessment", "Snapshot"),
        "contact_plan": QCoreApplication.translate("Assessment", "Plan"),
        "weekly_summary": QCoreApplication.translate("Assessment", "Weekly summary"),
        "assessment_input": QCoreApplication.translate("Assessment", "Rating"),
        "assessment_item": QCoreApplication.translate("Assessment", "Bonus/malus item"),
    }
    return texts.get(entity, entity)


def _source_cell(r: SourceRow, col: int) -> str:
    values = (entity_label(r.entity), str(r.entity_id) if r.entity_id else "—", r.day.isoformat(), r.client, r.detail)
    return values[col]


class SourcesModel(_RowsModel["SourceRow"]):
    """The records behind one figure: kind, id, date, client (masked), detail."""

    right_from = 99

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Record"), self.tr("ID"), self.tr("Date"), self.tr("Client"), self.tr("Detail")),
                         _source_cell, parent)
