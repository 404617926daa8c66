"""The branch's own holiday list as a table model: day, kind, name, who added it.

The list is short by nature (a branch's closures and make-up days, from this year on),
so the model holds it whole and a change replaces it at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from models import HolidayKind
from services.workdays import HolidayRow

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


def holiday_kind_label(kind: HolidayKind | str) -> str:
    if HolidayKind(kind) == HolidayKind.HOLIDAY:
        return QCoreApplication.translate("Holidays", "Closed (holiday)")
    return QCoreApplication.translate("Holidays", "Open (make-up working day)")


class HolidayListModel(QAbstractTableModel):
    COLUMNS = ("day", "kind", "name", "added_by")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HolidayRow] = []

    def set_rows(self, rows: list[HolidayRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> HolidayRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("Day"), self.tr("The branch is"), self.tr("Name"), self.tr("Added by"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self.COLUMNS)):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        texts = (f"{row.day.isoformat()} {_weekday(row.day.weekday())}", holiday_kind_label(row.kind), row.name,
                 row.added_by or "—")
        return texts[index.column()]


def _weekday(n: int) -> str:
    names = (QCoreApplication.translate("Holidays", "Mon"), QCoreApplication.translate("Holidays", "Tue"),
             QCoreApplication.translate("Holidays", "Wed"), QCoreApplication.translate("Holidays", "Thu"),
             QCoreApplication.translate("Holidays", "Fri"), QCoreApplication.translate("Holidays", "Sat"),
             QCoreApplication.translate("Holidays", "Sun"))
    return names[n]
