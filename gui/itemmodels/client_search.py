"""The client search's results as a Qt table model that holds only the windows of rows it was asked for.

The page runs the first window of ``services.clients.search_clients`` (on the lane, keyed, so only
the newest keystroke's answer lands) and hands it over with ``set_results``; further keyset windows
of ``PAGE`` (the search's own order) are fetched here when the view scrolls near the end. A new
text starts a new generation: a window for an older text is dropped, however late it arrives.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from gui.context import AppContext
from gui.widgets.labels import client_type_label, tier_label
from models import Tier
from services import clients
from services.clients import ClientMatch

PAGE = 50

# Lobby roles see name, masked mobile, client type and RM (docs/product.md "Privacy and security");
# a viewer who may open profiles also sees the tier.
LOBBY_COLUMNS: tuple[str, ...] = ("name", "mobile", "type", "rm")
ENTITLED_COLUMNS: tuple[str, ...] = ("name", "mobile", "type", "tier", "rm")

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


class ClientSearchModel(QAbstractTableModel):
    """The clients matching one search text, a window at a time.

    Signals:
        load_failed(object): the exception a fetch raised
    """

    load_failed = Signal(object)

    def __init__(self, ctx: AppContext, *, with_tier: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._columns = ENTITLED_COLUMNS if with_tier else LOBBY_COLUMNS
        self._rows: list[ClientMatch] = []
        self._text = ""
        self._has_more = False
        self._busy = False
        self._generation = 0

    # --- what is shown -----------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def loading(self) -> bool:
        return self._busy

    def columns(self) -> tuple[str, ...]:
        return self._columns

    def match_at(self, row: int) -> ClientMatch | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_results(self, text: str, rows: list[ClientMatch]) -> None:
        """The first window of clients matching ``text``; more are fetched as the view scrolls."""
        self._reset(text)
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows = list(rows)
            self.endInsertRows()
        self._has_more = len(rows) == PAGE

    def clear(self) -> None:
        """No rows, nothing on its way (an empty field, bad input, the idle lock)."""
        self._reset("")

    def _reset(self, text: str) -> None:
        self.beginResetModel()
        self._text = text
        self._rows = []
        self._has_more = False
        self._busy = False
        self._generation += 1
        self.endResetModel()

    # --- fetching --------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = _TOP) -> bool:
        return not parent.isValid() and self._has_more and not self._busy

    def fetchMore(self, parent: _Index = _TOP) -> None:
        if parent.isValid() or not self._has_more or self._busy or not self._rows:
            return
        self._fetch(after_id=self._rows[-1].id)

    def _fetch(self, *, after_id: int) -> None:
        self._busy = True
        generation = self._generation
        ctx, text = self._ctx, self._text

        def work() -> list[ClientMatch]:
            return clients.search_clients(ctx.db, ctx.actor, text, limit=PAGE, after_id=after_id)

        def done(rows: list[ClientMatch]) -> None:
            if generation != self._generation:
                return  # an answer for an earlier keystroke
            self._busy = False
            known = {r.id for r in self._rows}
            fresh = [r for r in rows if r.id not in known]
            if fresh:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
                self._rows.extend(fresh)
                self.endInsertRows()
            self._has_more = len(rows) == PAGE

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self.load_failed.emit(exc)

        self._ctx.lane.submit(work, done, failed, owner=self)

    # --- the table ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = {"name": self.tr("Name"), "mobile": self.tr("Mobile"), "type": self.tr("Client type"),
                       "tier": self.tr("Tier"), "rm": self.tr("RM")}
            return headers[self._columns[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not (index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._columns)):
            return None
        m = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text_of(m, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "name" and m.can_open:
            return self.tr("Enter or double-click opens the profile")
        return None

    def _text_of(self, m: ClientMatch, column: str) -> str:
        if column == "name":
            return m.name
        if column == "mobile":
            return m.mobile_masked
        if column == "type":
            kind = m.last_client_type or m.suggested_client_type
            return client_type_label(kind) if kind is not None else "—"
        if column == "tier":
            return tier_label(m.tier) if m.tier != Tier.NONE else "—"
        return m.rm_name or "—"
