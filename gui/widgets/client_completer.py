"""The pop-up list of existing clients under the mobile or name field, as the person types."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QHeaderView, QLineEdit, QTreeView, QWidget

from gui.widgets.field_error import named
from gui.widgets.labels import client_type_label, tier_label
from models import Tier
from services.clients import ClientMatch

POPUP_WIDTH = 520
MATCH_ROLE = Qt.ItemDataRole.UserRole + 1


class ClientCompleter(QCompleter):
    """Shows the matches the page looked up (never filters or queries itself).

    The page runs ``search_clients`` on the database lane and hands the result
    to ``show_matches``; the person picks with the arrow keys and Enter, or the
    mouse. Nothing is highlighted until they move into the list, so Tab and
    Enter go on as usual for a new client.

    Signals:
        client_picked(object): the chosen ``ClientMatch``
    """

    client_picked = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(0, 4, self)
        self.setModel(self._model)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        view = QTreeView()
        named(view, "clientMatchesPopup")
        view.setRootIsDecorated(False)
        view.setHeaderHidden(True)
        view.setUniformRowHeights(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setPopup(view)
        view.header().setStretchLastSection(True)
        view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setMaxVisibleItems(8)
        self.activated[QModelIndex].connect(self.on_popup_activated)  # type: ignore[index]  # overloaded signal
        self._view = view

    def show_matches(self, edit: QLineEdit, matches: Sequence[ClientMatch]) -> None:
        """List ``matches`` under ``edit``; an empty list closes the pop-up."""
        self._model.removeRows(0, self._model.rowCount())
        for m in matches:
            self._model.appendRow(self._row(m))
        if not matches or not edit.hasFocus():
            self._view.hide()
            return
        if self.widget() is not edit:
            self.setWidget(edit)
        rect = QRect(0, 0, max(POPUP_WIDTH, edit.width()), edit.height())
        self.complete(rect)
        # QCompleter makes the first row current: Enter or Tab would then pick it
        # although the person only typed on. Nothing is chosen until they move.
        self._view.setCurrentIndex(QModelIndex())

    def hide_matches(self) -> None:
        self._view.hide()

    def _row(self, m: ClientMatch) -> list[QStandardItem]:
        if m.tier != Tier.NONE:
            standing = tier_label(m.tier)
        elif m.last_client_type is not None:
            standing = client_type_label(m.last_client_type)
        else:
            standing = ""
        rm = self.tr("RM {name}").format(name=m.rm_name) if m.rm_name else self.tr("No RM yet")
        cells = [QStandardItem(m.name), QStandardItem(m.mobile_masked), QStandardItem(standing), QStandardItem(rm)]
        cells[0].setData(m, MATCH_ROLE)
        for cell in cells:
            cell.setEditable(False)
            cell.setToolTip(f"{m.name}  {m.mobile_masked}  {m.id_number_masked}".strip())
        return cells

    @Slot(QModelIndex)
    def on_popup_activated(self, index: QModelIndex) -> None:
        match = index.siblingAtColumn(0).data(MATCH_ROLE)
        if isinstance(match, ClientMatch):
            self.client_picked.emit(match)
