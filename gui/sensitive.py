"""Windows that show client data, known to the idle lock (docs/product.md "Privacy and security").

A top-level window or dialog that shows a client registers here (``AppContext.sensitive``).
When the workstation locks, every registered window that is on screen is hidden; after the
same person unlocks, exactly those come back. Signing out closes them all.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class SensitiveWindows(QObject):
    """The session's windows that show client data (the profile window, a client's details)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._windows: list[QWidget] = []
        self._hidden: list[QWidget] = []
        self._locked = False

    def register(self, window: QWidget) -> None:
        """``window`` shows client data: the idle lock hides it. Forgotten when it is destroyed.

        A window registered while the lock is on (a late answer opening one) stays hidden
        until unlock.
        """
        if window in self._windows:
            return
        self._windows.append(window)
        window.destroyed.connect(self._forget)
        if self._locked and window.isVisible():
            window.hide()
            self._hidden.append(window)

    def windows(self) -> list[QWidget]:
        return [w for w in self._windows if shiboken6.isValid(w)]

    def hide_all(self) -> None:
        """The lock: hide every registered window on screen, remembering which to bring back."""
        self._locked = True
        for window in self.windows():
            if window.isVisible():
                window.hide()
                self._hidden.append(window)

    def show_again(self) -> None:
        """Unlocked by the same person: the windows hidden by the lock come back."""
        self._locked = False
        hidden, self._hidden = self._hidden, []
        for window in hidden:
            if shiboken6.isValid(window):
                window.show()

    def close_all(self) -> None:
        """Signing out: no window of this session stays."""
        self._locked = False
        self._hidden.clear()
        for window in self.windows():
            window.close()
        self._windows.clear()

    def _forget(self, obj: QObject | None = None) -> None:
        self._windows = [w for w in self._windows if shiboken6.isValid(w) and w is not obj]
        self._hidden = [w for w in self._hidden if shiboken6.isValid(w) and w is not obj]


def close_dialogs(owner: QWidget, keep: list[QWidget]) -> None:
    """The lock or signing out: every open dialog of ``owner`` and every parentless dialog is
    rejected (a contact record or a message box may show client data), except those in ``keep``."""
    for dialog in owner.findChildren(QDialog):
        if dialog.isVisible() and dialog not in keep:
            dialog.reject()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.parent() is None and widget.isVisible() and widget not in keep:
            widget.reject()
