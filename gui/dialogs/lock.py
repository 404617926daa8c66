"""The idle lock: a watcher for keyboard and mouse input, and the screen that covers the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.lane_ops import LaneOps
from gui.widgets.field_error import FieldErrorLabel
from gui.widgets.first_paint import after_next_paint

if TYPE_CHECKING:
    from gui.worker import DbLane
    from services.db import Database
    from services.permissions import Actor

# How long after the first paint the idle watch starts (see IdleWatcher.start).
WATCH_AFTER_PAINT_MS = 500

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride,
})


class IdleWatcher(QObject):
    """Sees every input event of the application and says when none came for ``timeout_ms``.

    Signals:
        idled(): no keyboard or mouse input for the whole timeout
    """

    idled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idled)
        self._installed = False

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout_ms(self, ms: int) -> None:
        self._timer.setInterval(max(1, int(ms)))
        if self._timer.isActive():
            self._timer.start()

    def start(self, *, after_paint_of: QWidget | None = None) -> None:
        """Count from now; any input starts the count again.

        With ``after_paint_of``, input is watched from a moment after that widget's next paint
        on: the watch is a Python call for every event of the application, and a session's first
        paint has enough to do. Its first events also make PySide6 find a Python type for each
        Qt object that has none yet, which creates some ninety of Qt's enums (about 28 ms); that
        waits until the window is on the screen (docs/architecture.md "Start-up"). Input in
        that moment does not restart the count; the moment is half a second, or a quarter of a
        count set in seconds (tests).
        """
        self._timer.start()
        if after_paint_of is None:
            self._watch_input()
        else:
            after_next_paint(after_paint_of, self._watch_input_soon)

    def _watch_input_soon(self) -> None:
        # A quarter of the count at most: a lock set in seconds (tests) still sees the input.
        QTimer.singleShot(min(WATCH_AFTER_PAINT_MS, self._timer.interval() // 4), self, self._watch_input)

    def _watch_input(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed and self._timer.isActive():  # not stopped meanwhile
            app.installEventFilter(self)
            self._installed = True

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def is_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Called for every event in the application: keep it to one set lookup.
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False


class LockScreen(QFrame):
    """Covers the window while it is locked; only the signed-in person's password opens it.

    Signals:
        unlocked(): the password was right
        sign_out_requested(): the person chose to sign out instead (someone else takes the desk)
    """

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, db: Database, lane: DbLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor: Actor | None = None
        self._ops = LaneOps(self, lane, on_busy=self._set_busy, on_error=self.on_check_failed)
        self.setObjectName("lockScreen")
        self.setAccessibleName("lockScreen")

        self.title_label = QLabel(self.tr("Locked"))
        self.title_label.setObjectName("lockTitleLabel")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who_label = QLabel()
        self.who_label.setObjectName("lockWhoLabel")
        self.who_label.setWordWrap(True)
        self.who_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("lockPasswordEdit")
        self.password_edit.setAccessibleName("lockPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(128)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.error_label = FieldErrorLabel("lockPasswordEdit", wrap=True)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setAccessibleName("unlockButton")
        self.unlock_button.setAutoDefault(False)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("lockSignOutButton")
        self.sign_out_button.setAutoDefault(False)

        card = QFrame()
        card.setObjectName("lockCard")
        card.setMaximumWidth(520)
        card.setMinimumWidth(420)
        col = QVBoxLayout(card)
        col.setContentsMargins(32, 28, 32, 24)
        col.setSpacing(12)
        col.addWidget(self.title_label)
        col.addWidget(self.who_label)
        col.addWidget(self.password_edit)
        col.addWidget(self.error_label)
        row = QHBoxLayout()
        row.addWidget(self.sign_out_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        col.addLayout(row)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(card, 3)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.unlock_button.clicked.connect(self.on_unlock_clicked)
        self.password_edit.returnPressed.connect(self.on_unlock_clicked)
        self.sign_out_button.clicked.connect(self.sign_out_requested)

    def engage(self, actor: Actor) -> None:
        """Show for ``actor``: nothing typed, ready for the password; an earlier check's answer is dropped."""
        self._ops.drop_all()
        self._actor = actor
        self.who_label.setText(self.tr("The workstation was locked to protect client information. "
                                       "{name} ({staff_no}), enter your password to continue.")
                               .format(name=actor.name, staff_no=actor.staff_no))
        self.password_edit.clear()
        self.error_label.clear_error()
        self.password_edit.setFocus()

    @Slot()
    def on_unlock_clicked(self) -> None:
        if self._ops.busy or self._actor is None:
            return
        password = self.password_edit.text()
        if not password:
            self.error_label.show_error(self.tr("Enter your password."))
            return
        db, actor = self._db, self._actor

        def check() -> bool:
            from services.accounts import verify_password

            return verify_password(db, actor, password)

        self._ops.run(check, self.on_check_done, busy=True)

    def on_check_done(self, ok: bool) -> None:
        self.password_edit.clear()
        if ok:
            self.error_label.clear_error()
            self.unlocked.emit()
        else:
            self.error_label.show_error(self.tr("Wrong password. After 5 wrong passwords the account is locked "
                                                "for 15 minutes; sign out if someone else needs the workstation."))
            self.password_edit.setFocus()

    def on_check_failed(self, exc: BaseException) -> None:
        from gui import messages

        self.password_edit.clear()
        self.error_label.show_error(messages.describe(exc))

    def _set_busy(self, busy: bool) -> None:
        for w in (self.password_edit, self.unlock_button, self.sign_out_button):
            w.setEnabled(not busy)
