"""The main window's Pages menu for one session: an action per page (Ctrl+1…9) and Ctrl+N for a new referral.

Strings keep the ``MainWindow`` translation context they had when they lived there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.menus import window_action
from gui.navigation import NavEntry, PageNavigator


class PagesMenu(QObject):
    """Fills ``menu`` with the signed-in role's pages at a session's start and empties it at its end."""

    def __init__(self, window: QMainWindow, menu: QMenu, workspace: PageNavigator,
                 is_locked: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._menu = menu
        self._workspace = workspace
        self._is_locked = is_locked
        self._actions: list[QAction] = []

    @property
    def actions(self) -> list[QAction]:
        return list(self._actions)

    def fill(self, entries: list[NavEntry]) -> None:
        for entry in entries:
            action = window_action(self._window, f"{entry.object_name}Action", entry.label, entry.shortcut)
            action.triggered.connect(lambda _checked=False, row=entry.row: self._workspace.show_row(row))
            self._menu.addAction(action)
            self._actions.append(action)
        self._add_new_referral_action()

    def _add_new_referral_action(self) -> None:
        """Ctrl+N from any page: a clean referral form, as a new paper slip would be."""
        from gui.pages.referral_form import ReferralPage

        form = self._workspace.page("referralPage")
        if not isinstance(form, ReferralPage):
            return
        form.hand_new_shortcut_to_window()
        new_action = window_action(self._window, "newReferralAction",
                                   QCoreApplication.translate("MainWindow", "New referral"), QKeySequence("Ctrl+N"))
        new_action.triggered.connect(self.on_new_referral_triggered)
        self._menu.insertAction(self._actions[0], new_action)  # first: above the pages
        self._actions.append(new_action)

    @Slot()
    def on_new_referral_triggered(self) -> None:
        from gui.pages.referral_form import ReferralPage

        form = self._workspace.page("referralPage")
        if isinstance(form, ReferralPage) and not self._is_locked():
            self._workspace.show_page("referralPage")
            form.new_referral()

    def clear(self) -> None:
        """Signing out: the session's actions go with its pages."""
        for action in self._actions:
            self._menu.removeAction(action)
            self._window.removeAction(action)
            action.deleteLater()
        self._actions.clear()
