"""What every flat table model of rows holds in common: its row list, its columns, selectable cells.

A subclass sets ``column_keys`` (its column keys, in order), keeps its rows in ``_rows`` and
adds ``data``/``headerData``; ``_replace`` swaps the rows in place when the same records
come back in the same order (the selection and the scroll place stay), else resets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


class RowsTableModel(QAbstractTableModel):
    column_keys: tuple[str, ...] = ()
    _rows: list[Any]

    def rowCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self.column_keys)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _replace(self, rows: list[Any]) -> None:
        """Show ``rows`` (each with an ``id``) instead of the rows held."""
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = list(rows)
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.column_keys) - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
