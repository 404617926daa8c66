"""The referral form's widgets, built once: fields in reading order, each with its error label.

``ReferralPage`` (gui/pages/referral_form.py) is the behaviour; this mixin is the layout, as a
Qt Designer ``Ui_`` class would be, so each file has one job. Visible strings are translated
in the ``ReferralFormUi`` context.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
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

from gui.context import AppContext
from gui.widgets.client_completer import ClientCompleter
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.labels import channel_label, client_type_label
from gui.widgets.optional_datetime import OptionalDateTimeEdit, next_working_day_at_ten
from gui.widgets.tone import HINT, SAVED, set_tone
from models import Channel, ClientType


class ReferralFormUi(QWidget):
    """The form's widgets; ``_build()`` makes them (the page calls it from ``__init__``)."""

    ctx: AppContext
    errors: FieldErrors
    form_error_label: FieldErrorLabel
    _interests: tuple[str, ...]

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
        set_tone(hint, HINT)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(hint)

        self.warning_label = QLabel()
        named(self.warning_label, "duplicateWarningLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.setVisible(False)

        self._build_diversion_prompt()

        self.saved_label = QLabel()
        named(self.saved_label, "referralSavedLabel")
        set_tone(self.saved_label, SAVED)
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
        page.addWidget(self.diversion_prompt)
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


    def _build_diversion_prompt(self) -> None:
        """Shown when the client type is 个人普通客户: count a diversion instead (docs/diversion.md)."""
        self.diversion_prompt = QFrame()
        named(self.diversion_prompt, "diversionPrompt")
        text = QLabel(self.tr("Ordinary clients are not referred: guide the client and count a diversion."))
        named(text, "diversionPromptLabel")
        text.setWordWrap(True)
        self.divert_self_button = QPushButton(self.tr("Guided to se&lf-service"))
        named(self.divert_self_button, "divertSelfServiceButton")
        self.divert_counter_button = QPushButton(self.tr("Guided to the co&unter"))
        named(self.divert_counter_button, "divertCounterButton")
        self.diversion_count_label = QLabel()
        named(self.diversion_count_label, "diversionCountLabel")
        row = QHBoxLayout(self.diversion_prompt)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(text, 1)
        row.addWidget(self.divert_self_button)
        row.addWidget(self.divert_counter_button)
        row.addWidget(self.diversion_count_label)
        self.diversion_prompt.setVisible(False)

    # --- interests ---------------------------------------------------------------------

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_interests()
