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

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.context import AppContext
from gui.pages.base import Page
from gui.widgets.client_completer import ClientCompleter
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.labels import channel_label, client_type_label
from gui.widgets.optional_datetime import OptionalDateTimeEdit, next_working_day_at_ten
from models import Channel, ClientType, ReferralStatus, Role
from services import accounts, clients, referrals
from services import validation as v
from services.accounts import RmChoice
from services.clients import ClientMatch
from services.db import BRANCH_TZ
from services.errors import ValidationError
from services.referrals import DuplicateWarning, FiledReferral, ReferralInput

SEARCH_DELAY_MS = 150
CONFIRMATION_MS = 6000
NOTE_MAX = v.NOTE_MAX

DEFAULT_CHANNEL: dict[str, Channel] = {Role.LOBBY_MANAGER: Channel.LOBBY}

WARNING_STYLE = (
    "QLabel#duplicateWarningLabel { background: #fff4e5; color: #6b3a00; border: 1px solid #f0c48a;"
    " border-radius: 3px; padding: 4px 8px; }"
)
SAVED_STYLE = "QLabel { color: #1b5e20; font-weight: bold; }"
HINT_STYLE = "QLabel { color: #666666; }"


class ReferralPage(Page):
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

    # --- building ------------------------------------------------------------------

    def _add_row(self, form: QFormLayout, text: str, field: QWidget, *service_fields: str,
                 extra: QWidget | None = None) -> None:
        """``text`` (its mnemonic jumps to ``field``), the field, and the field's error label below."""
        label = QLabel(text)
        label.setBuddy(field)
        self.errors.add_row(form, label, field, *service_fields, extra=extra)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(6)
        return form

    def _build(self) -> None:
        # Client.
        self.mobile_edit = QLineEdit()
        named(self.mobile_edit, "clientMobileEdit")
        self.mobile_edit.setPlaceholderText(self.tr("11 digits; type to find a client"))
        self.mobile_edit.setMaxLength(20)
        self.name_edit = QLineEdit()
        named(self.name_edit, "clientNameEdit")
        self.name_edit.setPlaceholderText(self.tr("Type to find a client"))
        self.name_edit.setMaxLength(40)
        self.id_number_edit = QLineEdit()
        named(self.id_number_edit, "clientIdNumberEdit")
        self.id_number_edit.setPlaceholderText(self.tr("Optional, 18 characters"))
        self.id_number_edit.setMaxLength(20)
        self.type_combo = QComboBox()
        named(self.type_combo, "clientTypeCombo")
        self.type_combo.addItem(self.tr("Please choose"), None)
        for ct in ClientType:
            self.type_combo.addItem(client_type_label(ct), ct.value)
        self.completer = ClientCompleter(self)

        client_box = QGroupBox(self.tr("Client"))
        client_form = self._form()
        self._add_row(client_form, self.tr("Mo&bile"), self.mobile_edit, "client_mobile", "client")
        self._add_row(client_form, self.tr("&Name"), self.name_edit, "client_name")
        self._add_row(client_form, self.tr("I&D number"), self.id_number_edit, "client_id_number")
        self._add_row(client_form, self.tr("Client &type"), self.type_combo, "client_type")
        client_box.setLayout(client_form)

        # Referral.
        self.referred_radio = QRadioButton(self.tr("&Referred (met the RM now)"))
        named(self.referred_radio, "statusReferredRadio")
        self.pending_radio = QRadioButton(self.tr("&Pending (RM calls back)"))
        named(self.pending_radio, "statusPendingRadio")
        self.status_group = QButtonGroup(self)
        self.status_group.addButton(self.referred_radio)
        self.status_group.addButton(self.pending_radio)
        radios = QWidget()
        radio_row = QHBoxLayout(radios)
        radio_row.setContentsMargins(0, 0, 0, 0)
        radio_row.setSpacing(12)
        radio_row.addWidget(self.referred_radio)
        radio_row.addWidget(self.pending_radio)
        radio_row.addStretch(1)
        self.contact_edit = OptionalDateTimeEdit(lambda: next_working_day_at_ten(self.ctx.db.today()))
        named(self.contact_edit, "contactTimeEdit")
        self.rm_combo = QComboBox()
        named(self.rm_combo, "rmCombo")
        self.rm_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rm_combo.setMinimumContentsLength(18)
        self.channel_combo = QComboBox()
        named(self.channel_combo, "channelCombo")
        self.channel_combo.addItem(self.tr("Please choose"), None)
        for ch in Channel:
            self.channel_combo.addItem(channel_label(ch), ch.value)

        referral_box = QGroupBox(self.tr("Referral"))
        referral_form = self._form()
        # The radios have their own mnemonics; the row's error is named after the first of them.
        status_error = FieldErrorLabel("statusReferredRadio")
        referral_form.addRow(QLabel(self.tr("Status")), radios)
        status_error.place_in(referral_form)
        self.errors.add(status_error, self.referred_radio, "status")
        self._add_row(referral_form, self.tr("&Contact time"), self.contact_edit, "contact_time")
        self._add_row(referral_form, self.tr("R&M"), self.rm_combo, "rm")
        self._add_row(referral_form, self.tr("C&hannel"), self.channel_combo, "channel")
        referral_box.setLayout(referral_form)

        # Interests and note.
        self.interests_list = QListWidget()
        named(self.interests_list, "interestsList")
        self.interests_list.setFlow(QListView.Flow.LeftToRight)
        self.interests_list.setWrapping(True)
        self.interests_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.interests_list.setSpacing(2)
        self.interests_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.interests_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.interests_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.note_edit = QPlainTextEdit()
        named(self.note_edit, "noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("What the client mentioned; no passwords or PINs"))
        line = self.note_edit.fontMetrics().lineSpacing()
        self.note_edit.setFixedHeight(line * 3 + 14)
        self.note_count_label = QLabel()
        named(self.note_count_label, "noteCountLabel")
        self.note_count_label.setAlignment(Qt.AlignmentFlag.AlignRight)

        more_box = QGroupBox(self.tr("Interests and note"))
        more_form = self._form()
        self._add_row(more_form, self.tr("&Interests"), self.interests_list, "interests")
        self._add_row(more_form, self.tr("N&ote"), self.note_edit, "note", extra=self.note_count_label)
        more_box.setLayout(more_form)

        # Header, warning, actions.
        title = QLabel(self.tr("Refer a client"))
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        title.setFont(title_font)
        hint = QLabel(self.tr("Enter saves · Esc clears · Ctrl+N new referral"))
        hint.setStyleSheet(HINT_STYLE)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(hint)

        self.warning_label = QLabel()
        named(self.warning_label, "duplicateWarningLabel")
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.setWordWrap(True)
        self.warning_label.setVisible(False)

        self.saved_label = QLabel()
        named(self.saved_label, "referralSavedLabel")
        self.saved_label.setStyleSheet(SAVED_STYLE)
        self.clear_button = QPushButton(self.tr("Clear (Esc)"))
        named(self.clear_button, "clearReferralButton")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Esc is the keyboard's way
        self.save_button = QPushButton(self.tr("Save referral (Enter)"))
        named(self.save_button, "saveReferralButton")
        self.save_button.setMinimumWidth(140)
        actions = QHBoxLayout()
        actions.addWidget(self.saved_label, 1)
        actions.addWidget(self.clear_button)
        actions.addWidget(self.save_button)

        columns = QHBoxLayout()
        columns.setSpacing(10)
        columns.addWidget(client_box, 1)
        columns.addWidget(referral_box, 1)

        page = QVBoxLayout(self)
        page.setContentsMargins(12, 10, 12, 10)
        page.setSpacing(8)
        page.addLayout(header)
        page.addWidget(self.warning_label)
        page.addLayout(columns)
        page.addWidget(more_box)
        page.addWidget(self.form_error_label)
        page.addLayout(actions)
        page.addStretch(1)

        chain: list[QWidget] = [
            self.mobile_edit, self.name_edit, self.id_number_edit, self.type_combo, self.referred_radio,
            self.pending_radio, self.contact_edit, self.rm_combo, self.channel_combo, self.interests_list,
            self.note_edit, self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._field_widgets: dict[str, QWidget] = {w.objectName(): w for w in chain}

        self._save_shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self)
        self._save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._new_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        self._new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

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
            return rms, accounts.get_settings(db, actor.branch_id).interests

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

    def _fill_interests(self, interests: tuple[str, ...]) -> None:
        checked = set(self.checked_interests())
        self._interests = interests
        self.interests_list.clear()
        for name in interests:
            item = QListWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
            self.interests_list.addItem(item)
        self._fit_interests()

    def _fit_interests(self) -> None:
        # As many rows of check boxes as the width needs, and no scroll bar.
        lst = self.interests_list
        frame = 2 * lst.frameWidth()
        if lst.count() == 0:
            lst.setFixedHeight(lst.fontMetrics().height() + frame + 8)
            return
        lst.doItemsLayout()
        last = lst.visualItemRect(lst.item(lst.count() - 1))
        bottom = last.bottom() + lst.verticalScrollBar().value()
        lst.setFixedHeight(bottom + lst.spacing() + frame + 2)

    def checked_interests(self) -> list[str]:
        out = []
        for row in range(self.interests_list.count()):
            item = self.interests_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.text())
        return out

    def field_widget(self, object_name: str) -> QWidget:
        """The form field with this objectName (where an error puts the cursor)."""
        return self._field_widgets[object_name]

    # --- status, note -------------------------------------------------------------------

    @Slot(object, bool)
    def on_status_toggled(self, _button: object, _checked: bool) -> None:
        self.contact_edit.setEnabled(self.pending_radio.isChecked())

    @Slot()
    def on_note_changed(self) -> None:
        n = len(self.note_edit.toPlainText())
        self.note_count_label.setText(f"{n}/{NOTE_MAX}")
        self.note_count_label.setStyleSheet("QLabel { color: #b3261e; }" if n > NOTE_MAX else HINT_STYLE)

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_interests()
