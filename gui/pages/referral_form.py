"""The referral form (优质客户推介表): find or enter the client, pick the RM, save in seconds.

Keyboard first: Tab walks the fields in reading order, Enter saves from any
field but the note (Ctrl+Enter saves from there too), Esc clears, Ctrl+N
starts a new referral. Every database call runs on the context's lane; the
GUI thread only gathers plain values and updates widgets.

Defaults, decided for the lobby: nothing is pre-chosen where a forgotten
choice would file a wrong referral (client type, status, RM), so an
untouched combo is an error beside its field. The channel defaults to 大堂
(lobby) for the lobby manager, who files almost all referrals there; tellers
(cash or non-cash counter), marketing and RMs choose it. The preferred contact
time of a pending referral starts empty and offers the next working day at
10:00 as soon as the person enters the field.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QWidget,
)

from gui import messages
from gui.context import AppContext
from gui.pages.base import Page
from gui.pages.referral_form_ui import ReferralFormUi
from gui.widgets.field_error import FieldErrorLabel, FieldErrors
from gui.widgets.tone import ERROR, HINT, set_tone
from models import Channel, DiversionWhere, ReferralStatus, Role
from services import accounts, clients, diversion, referrals
from services import validation as v
from services.accounts import RmChoice
from services.clients import ClientMatch
from services.db import BRANCH_TZ
from services.diversion import DIVERTED_TYPES, DiversionCounts
from services.errors import ValidationError
from services.referrals import DuplicateWarning, FiledReferral, ReferralInput

SEARCH_DELAY_MS = 150
CONFIRMATION_MS = 6000
NOTE_MAX = v.NOTE_MAX

DEFAULT_CHANNEL: dict[str, Channel] = {Role.LOBBY_MANAGER: Channel.LOBBY}

class ReferralPage(Page, ReferralFormUi):
    """The form one staff member fills for each promising client.

    Signals:
        referral_filed(int): a referral was saved (its id); the form is clean again
    """

    referral_filed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "referralPage", parent)
        self._client: ClientMatch | None = None
        self._interests: tuple[str, ...] = ()
        self._rms: list[RmChoice] = []  # the active RMs as last loaded; a picked client only reorders them
        self._saving = False
        self._search_edit: QLineEdit | None = None
        # Every field's error label, in the form's reading order: the first with a problem gets the cursor.
        self.form_error_label = FieldErrorLabel("referralForm", wrap=True)
        self.errors = FieldErrors(self.form_error_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(CONFIRMATION_MS)

        self._build()
        self._connect_signals()
        self._reset_fields()  # the RMs and interests arrive with refresh(), when the page is shown

    def _connect_signals(self) -> None:
        self.mobile_edit.textEdited.connect(self.on_mobile_edited)
        self.name_edit.textEdited.connect(self.on_name_edited)
        self._search_timer.timeout.connect(self.on_search_timer_timeout)
        self.completer.client_picked.connect(self.on_completer_client_picked)
        self.status_group.buttonToggled.connect(self.on_status_toggled)
        self.note_edit.textChanged.connect(self.on_note_changed)
        self.save_button.clicked.connect(self.on_save)
        self.clear_button.clicked.connect(self.new_referral)
        self._save_shortcut.activated.connect(self.on_save)
        self._new_shortcut.activated.connect(self.new_referral)
        self._saved_timer.timeout.connect(self.saved_label.clear)
        self.type_combo.currentIndexChanged.connect(self.on_type_changed)
        self.divert_self_button.clicked.connect(lambda: self.on_divert(DiversionWhere.SELF_SERVICE))
        self.divert_counter_button.clicked.connect(lambda: self.on_divert(DiversionWhere.COUNTER))

    # --- the page contract -----------------------------------------------------------

    def clear_sensitive(self) -> None:
        """The idle lock: no client data stays on screen."""
        super().clear_sensitive()
        self._reset_fields()
        self.saved_label.clear()

    def refresh(self) -> None:
        """Shown or unlocked: RMs' loads and the interest list may have changed meanwhile."""
        super().refresh()
        self._load_choices()

    def hand_new_shortcut_to_window(self) -> None:
        """Inside the main window Ctrl+N is the window's (it works from every page), not the form's."""
        self._new_shortcut.setEnabled(False)

    @Slot()
    def new_referral(self) -> None:
        """Esc / Ctrl+N: a clean form, the cursor in the mobile field."""
        self._reset_fields()
        self.mobile_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- keyboard --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Fields that do not use Enter or Esc themselves (line edits, combos, radios, the
        # date) pass them up to here; the note keeps Enter for new lines.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            focus = self.focusWidget()
            if focus in (self.divert_self_button, self.divert_counter_button):
                focus.click()  # Enter on a diversion button counts it
            else:
                self.on_save()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.new_referral()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- client look-up ----------------------------------------------------------------

    @Slot(str)
    def on_mobile_edited(self, text: str) -> None:
        if self._client is not None:
            self._drop_client()
            if "*" in text:  # they started over on a picked client's masked number
                self.mobile_edit.clear()
                text = ""
        self._search_edit = self.mobile_edit
        self._search_timer.start()

    @Slot(str)
    def on_name_edited(self, _text: str) -> None:
        if self._client is not None:
            self._drop_client()
        self._search_edit = self.name_edit
        self._search_timer.start()

    @Slot()
    def on_search_timer_timeout(self) -> None:
        edit = self._search_edit
        if edit is None:
            return
        text = edit.text().strip()
        if not text or (edit is self.mobile_edit and len(text) < 3):
            self.drop_answers("search")
            self.completer.hide_matches()
        else:
            db, actor = self.ctx.db, self.ctx.actor
            # key: a slower answer to an earlier keystroke must not replace a newer one.
            self.run(lambda: clients.search_clients(db, actor, text),
                     lambda matches: self._on_matches(edit, text, matches), failed=self._on_lookup_failed,
                     key="search")
        if edit is self.mobile_edit and self._client is None:
            self._check_duplicates_by_mobile(text)

    def _on_matches(self, edit: QLineEdit, text: str, matches: list[ClientMatch]) -> None:
        if edit.text().strip() != text or self._client is not None:
            return
        self.completer.show_matches(edit, matches)

    def _on_lookup_failed(self, exc: BaseException) -> None:
        # A failed look-up must not interrupt typing; the save will report real trouble.
        self.form_error_label.show_error(messages.describe(exc))

    def _check_duplicates_by_mobile(self, text: str) -> None:
        try:
            clean = v.mobile("client_mobile", text)
        except ValidationError:
            clean = None
        if not clean:
            self.drop_answers("warnings")
            self._show_warnings([])
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.run(lambda: referrals.duplicate_warnings(db, actor, mobile=clean), self._show_warnings,
                 failed=self._on_lookup_failed, key="warnings")

    @Slot(object)
    def on_completer_client_picked(self, match: ClientMatch) -> None:
        self._search_timer.stop()
        self.drop_answers("search")  # answers still on their way are for the text before the pick
        self._client = match
        self.mobile_edit.setText(match.mobile_masked)
        self.name_edit.setText(match.name)
        self.id_number_edit.clear()
        self.id_number_edit.setPlaceholderText(match.id_number_masked or self.tr("Optional, 18 characters"))
        guess = match.suggested_client_type  # the service's rule (last referral's type, else by tier)
        if guess is not None and self.type_combo.currentData() is None:
            self.type_combo.setCurrentIndex(self.type_combo.findData(guess.value))
        db, actor, client_id = self.ctx.db, self.ctx.actor, match.id
        self.run(lambda: referrals.duplicate_warnings(db, actor, client_id=client_id), self._show_warnings,
                 failed=self._on_lookup_failed, key="warnings")
        self._fill_rms()
        self.type_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _drop_client(self) -> None:
        self._client = None
        self.id_number_edit.setPlaceholderText(self.tr("Optional, 18 characters"))
        self.drop_answers("warnings")
        self._show_warnings([])
        self._fill_rms()

    def _show_warnings(self, found: Sequence[DuplicateWarning]) -> None:
        if not found:
            self.warning_label.clear()
            self.warning_label.setVisible(False)
            return
        lines = [self._warning_text(w) for w in found]
        self.warning_label.setText(self.tr("Possible duplicate: {details}. You may still save.")
                                   .format(details=self.tr("; ").join(lines)))
        self.warning_label.setVisible(True)

    def _warning_text(self, w: DuplicateWarning) -> str:
        when = w.at.astimezone(BRANCH_TZ).strftime("%Y-%m-%d")
        if w.kind == "recent_referral":
            return self.tr("referred by {by} on {when}").format(by=w.by, when=when)
        if w.kind == "open_follow_up":
            return self.tr("{by} has an open follow-up since {when}").format(by=w.by, when=when)
        return self.tr("judged an ordinary client by {by} on {when}").format(by=w.by, when=when)

    # --- choices (RMs, interests) ---------------------------------------------------

    def _load_choices(self) -> None:
        """The active RMs with today's loads, and the branch's interests, read on the lane."""
        db, actor = self.ctx.db, self.ctx.actor

        def load() -> tuple[list[RmChoice], tuple[str, ...]]:
            rms = accounts.active_rms(db, actor)
            return rms, accounts.get_settings(db, actor.home_branch).interests

        self.run(load, self._on_choices, key="choices")

    def _on_choices(self, result: tuple[list[RmChoice], tuple[str, ...]]) -> None:
        rms, interests = result
        self._rms = list(rms)
        self._fill_rms()
        if tuple(interests) != self._interests:
            self._fill_interests(tuple(interests))

    def _fill_rms(self) -> None:
        """The RM combo from the loaded RMs: a picked client's own RM first, marked, and chosen if none is."""
        own_rm = self._client.rm_id if self._client is not None else None
        chosen = self.rm_combo.currentData()
        self.rm_combo.blockSignals(True)
        self.rm_combo.clear()
        self.rm_combo.addItem(self.tr("Please choose"), None)
        for rm in sorted(self._rms, key=lambda choice: choice.id != own_rm):  # stable: otherwise by staff no
            text = self.tr("{name} ({staff_no}) · {n} due today").format(
                name=rm.name, staff_no=rm.staff_no, n=rm.open_due_today)
            if rm.id == own_rm:
                text = self.tr("{rm} · the client's RM").format(rm=text)
            self.rm_combo.addItem(text, rm.id)
        if chosen is None and own_rm is not None:
            chosen = own_rm
        index = self.rm_combo.findData(chosen) if chosen is not None else 0
        self.rm_combo.setCurrentIndex(max(index, 0))
        self.rm_combo.blockSignals(False)

    # --- status, note -------------------------------------------------------------------

    @Slot(object, bool)
    def on_status_toggled(self, _button: object, _checked: bool) -> None:
        self.contact_edit.setEnabled(self.pending_radio.isChecked())

    @Slot()
    def on_note_changed(self) -> None:
        n = len(self.note_edit.toPlainText())
        self.note_count_label.setText(f"{n}/{NOTE_MAX}")
        set_tone(self.note_count_label, ERROR if n > NOTE_MAX else HINT)

    # --- diversion of an ordinary client (docs/diversion.md) ------------------------------

    @Slot(int)
    def on_type_changed(self, _index: int) -> None:
        """A type the service diverts rather than refers: offer the diversion, the cursor on it."""
        diverted = self.type_combo.currentData() in DIVERTED_TYPES
        self.diversion_prompt.setVisible(diverted)
        if diverted:
            self.divert_self_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_divert(self, where: DiversionWhere) -> None:
        if self._saving:
            return
        self._saving = True
        db, actor = self.ctx.db, self.ctx.actor

        def job() -> DiversionCounts:
            diversion.record(db, actor, where)
            return diversion.my_count_today(db, actor)

        self.run(job, self._on_diverted, failed=self._on_divert_failed, change=True)

    def _on_diverted(self, counts: DiversionCounts) -> None:
        self._saving = False
        self._clear_errors()
        self._reset_fields()
        self.saved_label.setText(self.tr("Diversion counted ({n} today).").format(n=counts.total))
        self.diversion_count_label.setText(self.tr("Today: {n}").format(n=counts.total))
        self._saved_timer.start()
        self.mobile_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_divert_failed(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show(exc)
        else:
            messages.show_error(self, exc)  # a closed day, a lost database: the count did not happen

    # --- saving ------------------------------------------------------------------------

    def gather(self) -> ReferralInput:
        """The form's plain values, exactly as typed (the service checks and trims them)."""
        status: str | None = None
        if self.referred_radio.isChecked():
            status = ReferralStatus.REFERRED.value
        elif self.pending_radio.isChecked():
            status = ReferralStatus.PENDING.value
        picked = self._client
        return ReferralInput(
            client_type=self.type_combo.currentData(),
            status=status,
            rm_id=self.rm_combo.currentData(),
            channel=self.channel_combo.currentData(),
            client_id=picked.id if picked else None,
            client_name=None if picked else self.name_edit.text(),
            client_mobile=None if picked else self.mobile_edit.text(),
            client_id_number=self.id_number_edit.text() or None,
            interests=tuple(self.checked_interests()),
            preferred_contact_at=self.contact_edit.value() if status == ReferralStatus.PENDING.value else None,
            note=self.note_edit.toPlainText() or None,
        )

    @Slot()
    def on_save(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.completer.hide_matches()
        data = self.gather()
        db, actor = self.ctx.db, self.ctx.actor
        self.run(lambda: referrals.file_referral(db, actor, data), self._on_saved, failed=self._on_save_failed,
                 change=True)

    def _on_saved(self, result: FiledReferral) -> None:
        self._end_saving()
        self._clear_errors()
        self._reset_fields()
        self.saved_label.setText(self.tr("Referral #{id} saved.").format(id=result.id))
        self._saved_timer.start()
        self._load_choices()  # the RMs' counts of follow-ups due today may have moved
        self.mobile_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.referral_filed.emit(result.id)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._end_saving()
        self._clear_errors()
        if not isinstance(exc, ValidationError):
            messages.show_error(self, exc)
            return
        self.errors.show(exc)  # each problem beside its field, the cursor in the first
        if "rm" in exc.fields and self.rm_combo.currentData() is None:
            self.errors["rmCombo"].show_error(self.tr("Choose the RM"))  # nothing chosen says more than "not active"

    def _end_saving(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _clear_errors(self) -> None:
        self.errors.clear()

    def _reset_fields(self) -> None:
        self._search_timer.stop()
        self.drop_answers("search")
        self.drop_answers("warnings")
        self.completer.hide_matches()
        had_client = self._client is not None
        self._client = None
        self.mobile_edit.clear()
        self.name_edit.clear()
        self.id_number_edit.clear()
        self.id_number_edit.setPlaceholderText(self.tr("Optional, 18 characters"))
        self.type_combo.setCurrentIndex(0)
        self.status_group.setExclusive(False)  # an exclusive group cannot uncheck its last button
        self.referred_radio.setChecked(False)
        self.pending_radio.setChecked(False)
        self.status_group.setExclusive(True)
        self.contact_edit.set_value(None)
        self.contact_edit.setEnabled(False)
        if had_client:
            self._fill_rms()  # the client's own RM loses its place and mark
        self.rm_combo.setCurrentIndex(0)
        default_channel = DEFAULT_CHANNEL.get(self.ctx.actor.role)
        self.channel_combo.setCurrentIndex(
            self.channel_combo.findData(default_channel.value) if default_channel else 0)
        for row in range(self.interests_list.count()):
            self.interests_list.item(row).setCheckState(Qt.CheckState.Unchecked)
        self.interests_list.setCurrentRow(-1)
        self.note_edit.clear()
        self.on_note_changed()
        self._show_warnings([])
        self._clear_errors()
