"""The installation's branches for the branches page: code, name, active accounts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from services.branches import BranchRow

_Index = QModelIndex | QPersistentModelIndex


class BranchTableModel(QAbstractTableModel):
    """Code, name, accounts. An installation has at most some hundreds of branches, so the whole list is
    held (docs/branches.md "The branches page"); the windowed-model rule is for tables without bound."""

    COLUMNS = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BranchRow] = []

    def set_rows(self, rows: list[BranchRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMNS:
            return (self.tr("Code"), self.tr("Name"), self.tr("Active accounts"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.code, row.name, row.staff)[index.column()] if 0 <= index.column() < self.COLUMNS else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
