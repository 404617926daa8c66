"""The settings page (``settingsPage``): a list of sections, each shown to the roles it belongs to.

``SECTIONS`` is the page: one row per section (its title, a factory ``(ctx, parent) -> QWidget``
and the roles that see it). A section widget may define ``refresh()`` (the page was shown or
unlocked) and ``clear_sensitive()`` (the idle lock); the page calls them when present. The
administrator's branch settings and the supervisor's score-settings button are here; other
sections (holidays, maintenance plans, assessment weights) are rows added beside them.
The rules: docs/settings.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.context import AppContext
from gui.lane_ops import LaneOps
from gui.pages.base import Page
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.tone import HINT, SAVED, set_tone
from models import Role
from services.errors import Conflict, ValidationError
from services.settings import BranchSettingsView, SettingsInput

CONFIRMATION_MS = 6000


@dataclass(frozen=True)
class SettingsSection:
    """One section of the settings page: who sees it, and how it is built."""

    title: Callable[[], str]
    factory: Callable[[AppContext, QWidget | None], QWidget]
    roles: frozenset[str]


class BranchSettingsSection(QWidget):
    """The administrator's branch settings: name, idle-lock minutes, abandonment N, the interests list.

    Signals:
        saved(object): the settings were saved (the ``BranchSettingsView`` now in force)
    """

    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "branchSettingsSection")
        self.ctx = ctx
        self._ops = LaneOps(self, ctx.lane, on_busy=self.set_busy, on_error=self.show_error)
        self._version = 0
        self.general_error = FieldErrorLabel("branchSettingsSection", wrap=True)
        self.errors = FieldErrors(self.general_error)

        self.name_edit = named(QLineEdit(), "branchNameEdit")
        self.name_edit.setMaxLength(80)
        # Wide ranges on purpose: the service says what is allowed, beside the field.
        self.idle_spin = named(QSpinBox(), "idleLockMinutesSpin")
        self.idle_spin.setRange(0, 999)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.abandon_spin = named(QSpinBox(), "abandonAfterSpin")
        self.abandon_spin.setRange(0, 99)
        for spin in (self.idle_spin, self.abandon_spin):
            spin.setMaximumWidth(140)
        self.interests_list = named(QListWidget(), "interestsSettingsList")
        self.interests_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.interests_list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                            | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.interests_list.setMaximumHeight(220)
        self.new_interest_edit = named(QLineEdit(), "newInterestEdit")
        self.new_interest_edit.setPlaceholderText(self.tr("A new interest"))
        self.add_button = named(QPushButton(self.tr("A&dd")), "addInterestButton")
        self.rename_button = named(QPushButton(self.tr("Re&name")), "renameInterestButton")
        self.remove_button = named(QPushButton(self.tr("Re&move")), "removeInterestButton")
        self.up_button = named(QPushButton(self.tr("&Up")), "moveInterestUpButton")
        self.down_button = named(QPushButton(self.tr("Do&wn")), "moveInterestDownButton")
        self.save_button = named(QPushButton(self.tr("Sa&ve settings")), "saveSettingsButton")
        self.saved_label = named(QLabel(), "settingsSavedLabel")
        set_tone(self.saved_label, SAVED)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(CONFIRMATION_MS)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def label(text: str, buddy: QWidget) -> QLabel:
            lbl = QLabel(text)
            lbl.setBuddy(buddy)
            return lbl

        self.errors.add_row(form, label(self.tr("&Branch name"), self.name_edit), self.name_edit, "branch_name")
        self.errors.add_row(form, label(self.tr("&Idle lock after"), self.idle_spin), self.idle_spin,
                            "idle_lock_minutes")
        hint = QLabel(self.tr("1–60 minutes without input lock the window"))
        set_tone(hint, HINT)
        form.addRow("", hint)
        self.errors.add_row(form, label(self.tr("Propose abandoning a&fter"), self.abandon_spin),
                            self.abandon_spin, "abandon_after_attempts")
        hint2 = QLabel(self.tr("1–20 unanswered contact attempts in a row"))
        set_tone(hint2, HINT)
        form.addRow("", hint2)

        interests = named(QWidget(), "interestsSettings")  # its error label: interestsSettingsError
        box = QVBoxLayout(interests)
        box.setContentsMargins(0, 0, 0, 0)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_interest_edit, 1)
        add_row.addWidget(self.add_button)
        box.addLayout(add_row)
        list_row = QHBoxLayout()
        list_row.addWidget(self.interests_list, 1)
        buttons = QVBoxLayout()
        for b in (self.rename_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        list_row.addLayout(buttons)
        box.addLayout(list_row)
        note = QLabel(self.tr("Referrals already filed keep the interests they were filed with."))
        set_tone(note, HINT)
        note.setWordWrap(True)
        box.addWidget(note)
        self.errors.add_row(form, label(self.tr("In&terests"), self.new_interest_edit), interests, "interests")

        actions = QHBoxLayout()
        actions.addWidget(self.saved_label, 1)
        actions.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(actions)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.on_add)
        self.new_interest_edit.returnPressed.connect(self.on_add)
        self.rename_button.clicked.connect(self.on_rename)
        self.remove_button.clicked.connect(self.on_remove)
        self.up_button.clicked.connect(lambda: self.on_move(-1))
        self.down_button.clicked.connect(lambda: self.on_move(1))
        self.save_button.clicked.connect(self.on_save)
        self._saved_timer.timeout.connect(self.saved_label.clear)

    # --- the section contract -------------------------------------------------------------

    def refresh(self) -> None:
        from services import settings

        db, actor = self.ctx.db, self.ctx.actor
        self._ops.run(lambda: settings.read(db, actor), self.show_settings, key="load")

    def clear_sensitive(self) -> None:
        self._ops.drop_all()  # no client data here; an answer in flight is simply not needed

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError | Conflict):
            self.errors.show(exc)  # each problem beside its field; a concurrent save in the general label
        else:
            messages.show_error(self, exc)

    # --- showing --------------------------------------------------------------------------

    def show_settings(self, view: BranchSettingsView) -> None:
        self._version = view.version
        self.name_edit.setText(view.branch_name)
        self.idle_spin.setValue(view.idle_lock_minutes)
        self.abandon_spin.setValue(view.abandon_after_attempts)
        self.interests_list.clear()
        for name in view.interests:
            self._add_item(name)

    def _add_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.interests_list.addItem(item)
        return item

    def interests(self) -> list[str]:
        """The list as shown, in order, exactly as typed (the service checks it)."""
        return [self.interests_list.item(i).text() for i in range(self.interests_list.count())]

    # --- editing the list -------------------------------------------------------------------

    @Slot()
    def on_add(self) -> None:
        item = self._add_item(self.new_interest_edit.text())
        self.interests_list.setCurrentItem(item)
        self.new_interest_edit.clear()
        self.new_interest_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_rename(self) -> None:
        item = self.interests_list.currentItem()
        if item is not None:
            self.interests_list.editItem(item)

    @Slot()
    def on_remove(self) -> None:
        row = self.interests_list.currentRow()
        if row >= 0:
            self.interests_list.takeItem(row)

    def on_move(self, step: int) -> None:
        row = self.interests_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.interests_list.count():
            return
        item = self.interests_list.takeItem(row)
        self.interests_list.insertItem(target, item)
        self.interests_list.setCurrentRow(target)

    # --- saving ----------------------------------------------------------------------------

    def gather(self) -> SettingsInput:
        return SettingsInput(branch_name=self.name_edit.text(), idle_lock_minutes=self.idle_spin.value(),
                             abandon_after_attempts=self.abandon_spin.value(), interests=self.interests())

    @Slot()
    def on_save(self) -> None:
        from services import settings

        if self._ops.busy:
            return
        self.errors.clear()
        data, version = self.gather(), self._version
        db, actor = self.ctx.db, self.ctx.actor
        self._ops.run(lambda: settings.update(db, actor, data, version), self._on_saved, busy=True, change=True)

    def _on_saved(self, view: BranchSettingsView) -> None:
        self.show_settings(view)
        self.saved_label.setText(self.tr("Settings saved."))
        self._saved_timer.start()
        self.saved.emit(view)


class ScoreSettingsSection(QWidget):
    """The supervisor's way into the score weights and thresholds (the scoring dialog, docs/scoring.md)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "scoreSettingsSection")
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self.open_button = named(QPushButton(self.tr("Score &weights and thresholds…")), "openScoreSettingsButton")
        text = QLabel(self.tr("How clients are scored and tiered; saving offers to rescore the branch."))
        text.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(text, 1)
        row.addWidget(self.open_button)
        self.open_button.clicked.connect(self.on_open)

    @Slot()
    def on_open(self) -> None:
        # The window's Scoring menu action, so a save's branch recompute runs as it does from there.
        action = self.window().findChild(QAction, "scoreSettingsAction")
        if action is not None and action.isEnabled():
            action.trigger()
            return
        from gui.dialogs.score_settings import ScoreSettingsDialog

        dialog = ScoreSettingsDialog(self.ctx.db, self.ctx.lane, self.ctx.actor, self)
        dialog.open()
        self.dialog = dialog


def _holidays(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from gui.widgets.holidays_section import HolidaysSection  # docs/complaints.md "Working days"

    return HolidaysSection(ctx, parent)


def _maintenance_plans(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from gui.widgets.maintenance_plans import MaintenancePlansSection  # docs/maintenance.md "Plans"

    section = MaintenancePlansSection(ctx, parent)
    if not section.objectName():
        section.setObjectName("maintenancePlansSection")
    return section


def _assessment_weights(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from gui.widgets.assessment_weights import AssessmentWeightsSection  # docs/assessment.md "Weights"

    section = AssessmentWeightsSection(ctx, parent)
    section.setObjectName("assessmentWeightsSection")
    return section


SECTIONS: tuple[SettingsSection, ...] = (
    SettingsSection(lambda: QCoreApplication.translate("SettingsPage", "Branch"), BranchSettingsSection,
                    frozenset({Role.ADMIN})),
    SettingsSection(lambda: QCoreApplication.translate("SettingsPage", "Holidays and make-up working days"),
                    _holidays, frozenset({Role.ADMIN, Role.SUPERVISOR})),
    SettingsSection(lambda: QCoreApplication.translate("SettingsPage", "Client scoring"), ScoreSettingsSection,
                    frozenset({Role.SUPERVISOR})),
    SettingsSection(lambda: QCoreApplication.translate("SettingsPage", "Maintenance plans"), _maintenance_plans,
                    frozenset({Role.SUPERVISOR})),
    SettingsSection(lambda: QCoreApplication.translate("SettingsPage", "Assessment weights"), _assessment_weights,
                    frozenset({Role.SUPERVISOR})),
)


class SettingsPage(Page):
    """``settingsPage``: the sections of ``SECTIONS`` the signed-in role sees, one group box each.

    Signals:
        settings_saved(object): the branch settings were saved (the window applies the idle minutes)
    """

    settings_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "settingsPage", parent)
        self.sections: dict[str, QWidget] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 10, 12, 10)
        title = QLabel(self.tr("Settings"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        column.addWidget(title)
        for section in SECTIONS:
            if ctx.actor.role not in section.roles:
                continue
            box = QGroupBox(section.title())
            inner = QVBoxLayout(box)
            widget = section.factory(ctx, box)
            inner.addWidget(widget)
            column.addWidget(box)
            self.sections[widget.objectName()] = widget
            if isinstance(widget, BranchSettingsSection):
                widget.saved.connect(self.settings_saved)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def refresh(self) -> None:
        super().refresh()
        for widget in self.sections.values():
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh()

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        for widget in self.sections.values():
            clear = getattr(widget, "clear_sensitive", None)
            if callable(clear):
                clear()
