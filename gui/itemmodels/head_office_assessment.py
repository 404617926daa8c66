"""The head office's assessment tables: one row per branch (as submitted, or "not submitted"), and one
branch's RMs as its supervisor submitted them (docs/head-office.md "The monthly assessment figures").

One row a branch (hundreds) and one a branch's RM (tens): held whole, as the other head-office tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from gui.itemmodels.rows import RowsTableModel
from services.assessment import SubmittedRow
from services.headoffice import BranchAssessment
from services.saving import when

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_MUTED = QColor("#8a6d00")


def _pts(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class _HeldRows(RowsTableModel):
    """Rows held whole and shown read-only; ``numeric_from``: the first right-aligned column."""

    numeric_from = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.column_keys):
            return self.header(self.column_keys[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.column_keys):
            return None
        row, key = self._rows[index.row()], self.column_keys[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.numeric_from:
            return _RIGHT
        return self.extra(row, key, role)

    def header(self, key: str) -> str:
        raise NotImplementedError

    def text(self, row: Any, key: str) -> str:
        raise NotImplementedError

    def extra(self, row: Any, key: str, role: int) -> Any:
        return None


class BranchAssessmentModel(_HeldRows):
    """Per branch: submitted when and by whom (or "not submitted"), RMs, average / highest / lowest
    total, the average of each part. Branch code order, as the service returns it."""

    column_keys = ("code", "name", "submitted", "by", "rms", "average", "highest", "lowest", "marketing",
                   "service", "process", "bonus")
    numeric_from = 4

    def header(self, key: str) -> str:
        return {
            "code": QCoreApplication.translate("HeadOfficeAssessment", "Branch"),
            "name": QCoreApplication.translate("HeadOfficeAssessment", "Branch name"),
            "submitted": QCoreApplication.translate("HeadOfficeAssessment", "Submitted"),
            "by": QCoreApplication.translate("HeadOfficeAssessment", "Submitted by"),
            "rms": QCoreApplication.translate("HeadOfficeAssessment", "RMs"),
            "average": QCoreApplication.translate("HeadOfficeAssessment", "Average total"),
            "highest": QCoreApplication.translate("HeadOfficeAssessment", "Highest"),
            "lowest": QCoreApplication.translate("HeadOfficeAssessment", "Lowest"),
            "marketing": QCoreApplication.translate("HeadOfficeAssessment", "Marketing (avg)"),
            "service": QCoreApplication.translate("HeadOfficeAssessment", "Service (avg)"),
            "process": QCoreApplication.translate("HeadOfficeAssessment", "Process (avg)"),
            "bonus": QCoreApplication.translate("HeadOfficeAssessment", "Bonus/malus (avg)"),
        }[key]

    def text(self, row: BranchAssessment, key: str) -> str:
        if key == "code":
            return row.branch.code
        if key == "name":
            return row.branch.name
        if not row.submitted:
            return QCoreApplication.translate("HeadOfficeAssessment", "Not submitted") if key == "submitted" else "—"
        if key == "submitted":
            return when(row.submitted_at)
        if key == "by":
            return f"{row.submitted_by}（{row.submitted_by_no}）" if row.submitted_by else "—"
        if key == "rms":
            return str(row.rms)
        value: Decimal | None = getattr(row, key)
        return _pts(value)

    def extra(self, row: BranchAssessment, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.submitted:
            return QBrush(_MUTED)
        return None


class SubmittedRowsModel(_HeldRows):
    """One branch's RMs as submitted: staff number, name, each part's points, the total, the rating."""

    column_keys = ("staff_no", "name", "marketing", "service", "process", "bonus", "total", "rating")
    numeric_from = 2

    def header(self, key: str) -> str:
        return {
            "staff_no": QCoreApplication.translate("HeadOfficeAssessment", "Staff no."),
            "name": QCoreApplication.translate("HeadOfficeAssessment", "RM"),
            "marketing": QCoreApplication.translate("HeadOfficeAssessment", "Marketing"),
            "service": QCoreApplication.translate("HeadOfficeAssessment", "Service"),
            "process": QCoreApplication.translate("HeadOfficeAssessment", "Process"),
            "bonus": QCoreApplication.translate("HeadOfficeAssessment", "Bonus/malus"),
            "total": QCoreApplication.translate("HeadOfficeAssessment", "Total"),
            "rating": QCoreApplication.translate("HeadOfficeAssessment", "Rating"),
        }[key]

    def text(self, row: SubmittedRow, key: str) -> str:
        if key == "staff_no":
            return row.staff_no
        if key == "name":
            return row.rm_name
        if key == "rating":
            return "—" if row.rating is None else str(row.rating)
        value: Decimal = getattr(row, key)
        return _pts(value)


__all__ = ["BranchAssessmentModel", "SubmittedRowsModel"]
