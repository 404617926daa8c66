"""The targets table: one row per RM, each figure as actual / target.

A branch has a handful of RMs (a few dozen at most), so the model holds its rows whole and
a new month replaces them at once, as the weekly roll-up's table does.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.targets import RmProgress


_Index = QModelIndex | QPersistentModelIndex
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's RmProgress
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def figure_label(figure: str) -> str:
    texts = {
        "new_premium_clients": QCoreApplication.translate("Targets", "New premium clients"),
        "converted_referrals": QCoreApplication.translate("Targets", "Converted referrals"),
        "contacts": QCoreApplication.translate("Targets", "Contacts"),
        "maintenance_contacts": QCoreApplication.translate("Targets", "Maintenance contacts"),
        "aum_growth": QCoreApplication.translate("Targets", "AUM growth (yuan)"),
    }
    return texts[figure]


def value_text(value: int | Decimal) -> str:
    return f"{value:,.2f}" if isinstance(value, Decimal) else str(value)


def progress_text(p: RmProgress, figure: str) -> str:
    """``actual / target`` or ``actual / —`` without targets."""
    actual = value_text(p.actual.get(figure))
    target = value_text(p.target.get(figure)) if p.target is not None else "—"
    return f"{actual} / {target}"


class TargetsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        from services.targets import FIGURES

        super().__init__(parent)
        self._rows: list[RmProgress] = []
        self._headers = (self.tr("Staff ID"), self.tr("Name"), *(figure_label(f) for f in FIGURES))

    def set_rows(self, rows: Sequence[RmProgress]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def progress_at(self, row: int) -> RmProgress | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, rm_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.rm_id == rm_id), None)

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
        from services.targets import FIGURES

        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self._headers)):
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return p.staff_no
            if col == 1:
                return p.rm_name
            return progress_text(p, FIGURES[col - 2])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col >= 2 else _LEFT
        if role == PROGRESS_ROLE:
            return p
        return None
