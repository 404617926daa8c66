"""The administrator's table of one branch's staff accounts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from gui.widgets.labels import role_label

if TYPE_CHECKING:
    from services.accounts import StaffInfo

_Index = QModelIndex | QPersistentModelIndex


class StaffTableModel(QAbstractTableModel):
    """Staff id, name, role, state. A branch has tens of accounts, so the whole list is held:
    the windowed-model rule is for client and referral tables that grow without bound."""

    COLUMNS = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StaffInfo] = []

    def set_rows(self, rows: list[StaffInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_info(self, row: int) -> StaffInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, staff_id: int) -> int:
        for row, info in enumerate(self._rows):
            if info.id == staff_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMNS:
            return (self.tr("Staff ID"), self.tr("Name"), self.tr("Role"), self.tr("State"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return info.staff_no
            if col == 1:
                return info.name
            if col == 2:
                return role_label(info.role)
            if col == 3:
                return self.tr("Active") if info.active else self.tr("Disabled")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not info.active:
            return QBrush(QColor("#8a96a3"))
        return None
