"""Adding a follow-up of one's own: a prospect not from a referral (docs/follow-ups.md "Own follow-ups")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.widgets.client_completer import ClientCompleter
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import named
from gui.widgets.tone import HINT, set_tone
from services import followups
from services.clients import ClientMatch, search_clients
from services.errors import NotFound, PermissionDenied

SEARCH_DELAY_MS = 250


class OwnFollowUpDialog(LaneDialog):
    """Find a client (name, last four digits or full mobile), pick a first contact date, add.

    The service decides who may take which client; a refusal on another RM's client is
    shown beside the client field in plain words.

    Signals:
        created(int): the new follow-up's id
    """

    created = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "ownFollowUpDialog", "ownFollowUpGeneralError", parent)
        self.ctx = ctx
        self._client: ClientMatch | None = None
        self.setWindowTitle(self.tr("Add own follow-up"))
        self.setModal(True)

        self.client_edit = named(QLineEdit(), "ownClientEdit")
        self.client_edit.setPlaceholderText(self.tr("Name, last four digits or full mobile"))
        self.client_edit.setClearButtonEnabled(True)
        self.completer = ClientCompleter(self)
        self.chosen_label = named(QLabel(), "ownClientChosenLabel")
        set_tone(self.chosen_label, HINT)
        self.date_edit = named(QDateEdit(), "ownNextContactDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(qdate(ctx.db.today() + dt.timedelta(days=1)))
        self.note_edit = named(QLineEdit(), "ownNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("Optional: why this client, what to offer"))
        self.note_edit.setMaxLength(500)
        self.save_button = named(QPushButton(self.tr("&Add")), "saveOwnFollowUpButton")
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        named(cancel, "cancelOwnFollowUpButton")

        form = QFormLayout()
        self._form = form
        self.errors.add_row(form, self.tr("&Client"), self.client_edit, "client", extra=self.chosen_label)
        form.setRowVisible(self.chosen_label, False)  # shown once a client is picked
        self.errors.add_row(form, self.tr("First &contact"), self.date_edit, "next_contact_date")
        self.errors.add_row(form, self.tr("&Note"), self.note_edit, "note")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.on_search_due)
        self.client_edit.textEdited.connect(self.on_client_text_edited)
        self.completer.client_picked.connect(self.on_client_picked)
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)

    @property
    def client(self) -> ClientMatch | None:
        return self._client

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        super().set_busy(busy)

    # --- finding the client -------------------------------------------------------------

    @Slot(str)
    def on_client_text_edited(self, _text: str) -> None:
        self._client = None  # typing again un-picks
        self.chosen_label.clear()
        self._form.setRowVisible(self.chosen_label, False)
        self._search_timer.start()

    @Slot()
    def on_search_due(self) -> None:
        db, actor, text = self.ctx.db, self.ctx.actor, self.client_edit.text()
        if not text.strip():
            self.completer.hide_matches()
            return
        self.run(lambda: search_clients(db, actor, text),
                 lambda matches: self.completer.show_matches(self.client_edit, matches), key="search")

    @Slot(object)
    def on_client_picked(self, match: ClientMatch) -> None:
        self.pick(match)

    def pick(self, match: ClientMatch) -> None:
        """Choose ``match`` (the pop-up's pick, or a test's)."""
        self._client = match
        self.client_edit.setText(match.name)
        holder = self.tr("RM {name}").format(name=match.rm_name) if match.rm_name else self.tr("No RM yet")
        self.chosen_label.setText(f"{match.mobile_masked} · {holder}")
        self._form.setRowVisible(self.chosen_label, True)
        self.errors.clear()

    # --- saving -------------------------------------------------------------------------

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        if self._client is None:
            self.errors.show_field("client", self.tr("Choose a client from the list"))
            return
        db, actor, client_id = self.ctx.db, self.ctx.actor, self._client.id
        day, note = pydate(self.date_edit.date()), self.note_edit.text()
        self.run(lambda: followups.create_own(db, actor, client_id, day, note or None), self._saved,
                 failed=self._refused, busy=True, change=True)

    def _saved(self, follow_up_id: int) -> None:
        self.created.emit(follow_up_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if not self.isVisible():
            self.show_error(exc)
            return
        if isinstance(exc, PermissionDenied):
            # The service's record-level refusal (docs/permissions.md "Follow-ups"), said beside the client.
            self.errors.show_field("client", self.tr(
                "This client is another RM's, or another RM is already following them up: "
                "ask the supervisor to reassign."))
        elif isinstance(exc, NotFound):
            self.errors.show_field("client", self.tr("This client is no longer in the branch's records."))
        else:
            self.show_error(exc)
