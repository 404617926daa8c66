"""The sign-in dialog: staff id and password, checked on the database lane.

Nothing of the database layer is imported here at the top: the program shows
this dialog first, before SQLAlchemy has been imported (docs/product.md "Budgets").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.base import LaneDialog
from gui.widgets.field_error import named

if TYPE_CHECKING:
    from gui.worker import DbLane
    from services.accounts import SignIn
    from services.db import Database


class SignInDialog(LaneDialog):
    """Asks for a staff id and password; argon2 runs on the lane, never on the GUI thread.

    While the database is still being opened (``set_database(None)``) the person
    can type, but signing in waits until it is ready. An empty field is said beside it
    (``loginUserEditError``, ``loginPasswordEditError``); a refused sign-in, which never
    says which of the two was wrong, in the general ``loginErrorLabel``.

    Signals:
        signed_in(object): a ``services.accounts.SignIn`` after a successful check
        candidate(object): the ``Actor`` whose password is being checked (emitted on the lane's
            thread, before the answer), for the window to build its pages meanwhile
        check_failed(): the check refused the sign-in or failed
    """

    signed_in = Signal(object)
    candidate = Signal(object)
    check_failed = Signal()

    def __init__(self, db: Callable[[], Database], lane: DbLane, database_text: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(lane, "signInDialog", "loginErrorLabel", parent)
        self._db = db  # asked for at sign-in: the database may still be opening when this shows
        self._ready = database_text is not None
        self.setWindowTitle(self.tr("Sign in — Lobby Referral Desk"))
        self.setMinimumWidth(420)

        title = named(QLabel(self.tr("Lobby Referral Desk")), "signInTitleLabel")
        subtitle = named(QLabel(self.tr("Premium-client referrals and follow-up")), "signInSubtitleLabel")

        self.user_edit = QLineEdit()
        named(self.user_edit, "loginUserEdit")
        self.user_edit.setPlaceholderText(self.tr("e.g. T0001"))
        self.user_edit.setMaxLength(32)
        self.password_edit = QLineEdit()
        named(self.password_edit, "loginPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(128)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("Staff ID"), self.user_edit, "staff_no")
        self.errors.add_row(form, self.tr("Password"), self.password_edit, "password")
        self.busy_label = QLabel(self.tr("Checking…"))
        named(self.busy_label, "loginBusyLabel")
        self.busy_label.hide()

        self.login_button = QPushButton(self.tr("Sign in"))
        named(self.login_button, "loginButton")
        self.login_button.setAutoDefault(False)  # Enter is handled per field, see on_user_returned
        self.login_button.setMinimumWidth(120)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy_label)
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)

        self.database_label = QLabel()
        named(self.database_label, "signInDatabaseLabel")
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        layout.addStretch(1)  # spare height goes here, not between the title and the fields
        layout.addSpacing(6)
        layout.addWidget(self.database_label)
        self.set_database(database_text)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.login_button.clicked.connect(self.on_login_clicked)
        self.user_edit.returnPressed.connect(self.on_user_returned)
        self.password_edit.returnPressed.connect(self.on_login_clicked)

    def set_database(self, database_text: str | None) -> None:
        """The database in use, once open; ``None`` while it is still being opened."""
        self._ready = database_text is not None
        self.database_label.setText(self.tr("Database: {db}").format(db=database_text)
                                    if database_text is not None else self.tr("Opening the database…"))
        self._update_state()

    def prefill(self, user: str = "", password: str = "") -> None:
        self.user_edit.setText(user)
        self.password_edit.setText(password)

    def reset(self) -> None:
        """Ready for the next person: empty password, no message, focus where typing starts."""
        self.password_edit.clear()
        self.errors.clear()
        self._update_state()
        (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        (self.password_edit if self.user_edit.text() and not self.password_edit.text() else self.user_edit).setFocus()

    @Slot()
    def on_user_returned(self) -> None:
        # Enter after the staff id moves on to the password; an empty password
        # must not be sent, it would count as a failed sign-in.
        if self.password_edit.text():
            self.on_login_clicked()
        else:
            self.password_edit.setFocus()

    @Slot()
    def on_login_clicked(self) -> None:
        if self.busy or not self._ready:
            return
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        if not user:
            self.errors.show_field("staff_no", self.tr("Enter your staff ID."))
            return
        if not password:
            self.errors.show_field("password", self.tr("Enter your password."))
            return
        self.errors.clear()
        db = self._db()
        # On the lane's thread while argon2 runs: the window builds the account's pages meanwhile
        # (a queued signal, so on the GUI thread; docs/architecture.md "Start-up").
        candidate = self.candidate

        def check() -> SignIn:
            from services.accounts import authenticate

            return authenticate(db, user, password, meanwhile=candidate.emit)

        self.run(check, self.on_check_done, failed=self.on_check_failed, busy=True)

    def on_check_done(self, result: SignIn) -> None:
        self.password_edit.clear()
        self.errors.clear()
        self.accept()
        self.signed_in.emit(result)

    def on_check_failed(self, exc: BaseException) -> None:
        self.check_failed.emit()
        self.password_edit.clear()
        self.password_edit.setFocus()
        from services.errors import AuthError

        locked_until = exc.locked_until if isinstance(exc, AuthError) else None
        if locked_until is not None:
            from services.db import BRANCH_TZ

            until = locked_until.astimezone(BRANCH_TZ).strftime("%H:%M")
            self.errors.show_general(self.tr("This account is locked after too many failed sign-ins. "
                                             "Try again after {time}.").format(time=until))
        else:
            self.errors.show(exc)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self._update_state()

    def _update_state(self) -> None:
        busy = self.busy
        self.user_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        self.login_button.setEnabled(self._ready and not busy)
        self.busy_label.setVisible(busy)
