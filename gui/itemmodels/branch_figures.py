"""The head office's tables: one row per branch (the ranking, the monthly figures).

A bank has hundreds of branches, not millions: the services return one grouped
row per branch, so the whole list is held and sorted here (the windowed-model rule
is for client and referral tables that grow without bound).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt

from services.headoffice import BranchRank
from services.stats import BranchLine

_Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
SortKey = tuple[int, float, str]  # (missing last, value, branch code): ties keep the code order
_NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _Column(Generic[R]):
    def __init__(self, header: Callable[[], str], value: Callable[[R], float | str | None],
                 text: Callable[[R], str] | None = None) -> None:
        self.header = header
        self.value = value  # what the column sorts by; None sorts last
        self.text = text


class _BranchTable(QAbstractTableModel, Generic[R]):
    """A held list of per-branch rows with named columns; ``sort`` reorders it in place."""

    def __init__(self, columns: Sequence[_Column[R]], code: Callable[[R], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._code = code
        self._rows: list[R] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._rows.sort(key=self._key(self._sort[0]), reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._columns):
            return self._columns[section].header()
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self._columns):
            return None
        row, col = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col.text is not None:
                return col.text(row)
            value = col.value(row)
            return "—" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return _NUMERIC
        return None

    def _key(self, column: int) -> Callable[[R], SortKey]:
        col = self._columns[column]

        def key(row: R) -> SortKey:
            value = col.value(row)
            if value is None:
                return (1, 0.0, self._code(row))
            if isinstance(value, str):
                return (0, 0.0, value + "\0" + self._code(row))
            return (0, float(value), self._code(row))

        return key

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        # Selections and persistent indexes follow their rows.
        moved = {id(r): i for i, r in enumerate(self._rows)}
        for old in self.persistentIndexList():
            if old.isValid() and old.row() < len(before):
                self.changePersistentIndex(old, self.index(moved[id(before[old.row()])], old.column()))
        self.layoutChanged.emit()


def percent(rate: float | None) -> str:
    return "—" if rate is None else QLocale().toString(rate * 100, "f", 1) + "%"


class BranchRankingModel(_BranchTable[BranchRank]):
    """Branch code, name, referrals, converted, conversion rate, overdue follow-ups."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            _Column(lambda: QCoreApplication.translate("BranchTables", "Branch"), lambda r: r.branch.code),
            _Column(lambda: QCoreApplication.translate("BranchTables", "Branch name"), lambda r: r.branch.name),
            _Column(lambda: QCoreApplication.translate("BranchTables", "Referrals"), lambda r: r.referrals),
            _Column(lambda: QCoreApplication.translate("BranchTables", "Converted"), lambda r: r.converted),
            _Column(lambda: QCoreApplication.translate("BranchTables", "Conversion rate"), lambda r: r.conversion_rate,
                    lambda r: percent(r.conversion_rate)),
            _Column(lambda: QCoreApplication.translate("BranchTables", "Overdue follow-ups"), lambda r: r.overdue),
        ], lambda r: r.branch.code, parent)


def _pair(now: int, before: int | None) -> str:
    return f"{now} / {before}" if before is not None else str(now)


class BranchMonthModel(_BranchTable[BranchLine]):
    """A month of every branch beside the month before: this month / last month in each cell."""

    def __init__(self, parent: Any = None) -> None:
        def prev_ref(r: BranchLine, name: str) -> int | None:
            return getattr(r.previous_referrers, name) if r.previous_referrers is not None else None

        def prev_rm(r: BranchLine, name: str) -> int | None:
            return getattr(r.previous_rms, name) if r.previous_rms is not None else None

        def ref(header: Callable[[], str], name: str) -> _Column[BranchLine]:
            return _Column(header, lambda r: getattr(r.referrers, name),
                           lambda r: _pair(getattr(r.referrers, name), prev_ref(r, name)))

        def rm(header: Callable[[], str], name: str) -> _Column[BranchLine]:
            return _Column(header, lambda r: getattr(r.rms, name),
                           lambda r: _pair(getattr(r.rms, name), prev_rm(r, name)))

        super().__init__([
            _Column(lambda: QCoreApplication.translate("BranchTables", "Branch"), lambda r: r.branch.code),
            _Column(lambda: QCoreApplication.translate("BranchTables", "Branch name"), lambda r: r.branch.name),
            ref(lambda: QCoreApplication.translate("BranchTables", "Referrals"), "referrals"),
            ref(lambda: QCoreApplication.translate("BranchTables", "Deals"), "deals"),
            ref(lambda: QCoreApplication.translate("BranchTables", "Converted"), "converted"),
            rm(lambda: QCoreApplication.translate("BranchTables", "Received by RMs"), "received"),
            rm(lambda: QCoreApplication.translate("BranchTables", "Contacts made"), "contacts"),
            rm(lambda: QCoreApplication.translate("BranchTables", "Follow-ups converted"), "converted"),
            rm(lambda: QCoreApplication.translate("BranchTables", "Overdue at end"), "overdue"),
        ], lambda r: r.branch.code, parent)


__all__ = ["BranchMonthModel", "BranchRankingModel", "percent"]
