"""The base of the lists that hold only the windows of rows they were asked for.

A subclass names its columns and how to read one window on the database lane
(``_window_job``); the base keeps the rows, asks for the next window when the view
scrolls near the end (``canFetchMore``/``fetchMore``), drops answers that a newer
query or the idle lock made stale, and on ``reload()`` keeps the view's place when
rows were only added on top or changed in place. Opening a list of 10 or 10 million
rows costs the same (docs/architecture.md "The GUI in files").
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from gui.context import AppContext

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()  # the (invalid) parent of every row of a table model


R = TypeVar("R")


class KeysetTableModel(QAbstractTableModel, Generic[R]):
    """Rows of ``R`` in windows of ``page_size``, read on the lane.

    Subclasses implement ``columns``, ``_headers``, ``data`` and ``_window_job``, and may
    override ``_window_arrived`` and ``_identity`` (when a row's ``id`` does not tell it
    apart). ``_start()`` shows a new query; ``reload()`` reads the rows shown again,
    ``reload_margin`` more to see new ones on top.

    Signals:
        window_loaded(): rows arrived (the first window, more rows, or a reload)
        load_failed(object): the exception a fetch raised
    """

    window_loaded = Signal()
    load_failed = Signal(object)

    page_size = 100
    reload_margin = 20

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[R] = []
        self._queried = False
        self._has_more = False
        self._busy = False
        self._generation = 0  # answers for an older query or a cleared model are dropped
        self._reload_again = False

    # --- for subclasses --------------------------------------------------------------

    def columns(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _headers(self) -> dict[str, str]:
        raise NotImplementedError

    def _window_job(self, after: R | None, limit: int, first: bool) -> Callable[[], tuple[list[R], Any]]:
        """The lane's work for one window: rows after ``after`` (None: from the top), at most
        ``limit``, and whatever else the first window (or a reload, ``first``) brings along
        (a total, the header's counts), handed to ``_window_arrived``. Read the query's state
        here, on the GUI thread; the job runs on the lane."""
        raise NotImplementedError

    def _window_arrived(self, rows: list[R], extra: Any, first: bool) -> None:
        """On the GUI thread, before ``window_loaded``: a subclass emits what ``extra`` holds."""

    def _identity(self, row: R) -> Hashable:
        """What tells one row from every other in the list (the record's id by default)."""
        identity: Hashable = getattr(row, "id")  # noqa: B009 - the rows are plain dataclasses
        return identity

    # --- what is shown -------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """A window of rows is on its way from the database lane."""
        return self._busy

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, identity: Hashable) -> int:
        """The row showing the record ``identity`` (its id unless ``_identity`` says otherwise), or -1."""
        return next((k for k, r in enumerate(self._rows) if self._identity(r) == identity), -1)

    def _start(self) -> None:
        """A new query (its state already set): forget the rows and fetch the first window."""
        self.beginResetModel()
        self._queried = True
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self._reload_again = False
        self.endResetModel()
        self._fetch(None, self.page_size, first=True)

    def clear(self) -> None:
        """Drop every row (the idle lock); nothing is fetched until a new query or ``reload``."""
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self._generation += 1
        self._busy = False
        self._reload_again = False
        self.endResetModel()

    def reload(self) -> None:
        """Read again the rows shown (a change here or on another workstation); one reload at a time."""
        if not self._queried:
            return
        if self._busy:
            self._reload_again = True
            return
        self._fetch(None, max(self.page_size, len(self._rows) + self.reload_margin), first=True)

    # --- fetching --------------------------------------------------------------------

    def canFetchMore(self, parent: Index = TOP) -> bool:
        return not parent.isValid() and self._has_more and not self._busy

    def fetchMore(self, parent: Index = TOP) -> None:
        if parent.isValid() or not self._has_more or self._busy or not self._rows:
            return
        self._fetch(self._rows[-1], self.page_size, first=False)

    def _fetch(self, after: R | None, limit: int, *, first: bool) -> None:
        self._busy = True
        generation = self._generation
        work = self._window_job(after, limit, first)

        def done(result: tuple[list[R], Any]) -> None:
            if generation != self._generation:
                return
            rows, extra = result
            self._busy = False
            if first:
                self._replace(rows)
            else:
                self._append(rows)
            self._has_more = len(rows) == limit
            self._window_arrived(rows, extra, first)
            self.window_loaded.emit()
            if self._reload_again:
                self._reload_again = False
                self.reload()

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self._reload_again = False
            self.load_failed.emit(exc)

        self._ctx.lane.submit(work, done, failed, owner=self)

    def _append(self, rows: list[R]) -> None:
        known = {self._identity(r) for r in self._rows}
        fresh = [r for r in rows if self._identity(r) not in known]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    def _replace(self, rows: list[R]) -> None:
        old_ids = [self._identity(r) for r in self._rows]
        head = _offset_of(old_ids, [self._identity(r) for r in rows])
        if head is None:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            return
        # The same rows, maybe with new ones on top or more below: insert those and
        # refresh the rest in place, so the view keeps its selection and scroll position.
        if head:
            self.beginInsertRows(QModelIndex(), 0, head - 1)
            self._rows[0:0] = rows[:head]
            self.endInsertRows()
        end = head + len(old_ids)
        self._rows[head:end] = rows[head:end]
        self.dataChanged.emit(self.index(head, 0), self.index(end - 1, self.columnCount() - 1))
        if len(rows) > end:
            self.beginInsertRows(QModelIndex(), end, len(rows) - 1)
            self._rows.extend(rows[end:])
            self.endInsertRows()

    # --- the table ----------------------------------------------------------------------

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self.columns())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        columns = self.columns()
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[columns[section]]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _offset_of(old_ids: list[Hashable], new_ids: list[Hashable]) -> int | None:
    """Where the old rows start within the new ones, if they are all still there in order."""
    if not old_ids:
        return None
    try:
        k = new_ids.index(old_ids[0])
    except ValueError:
        return None
    return k if new_ids[k:k + len(old_ids)] == old_ids else None
