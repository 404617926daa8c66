"""The pre-contact plan (接触前准备) of a follow-up: strengths, personality, needs, goal (docs/contacts.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.widgets.field_error import named
from services import contacts
from services.contacts import ContactPlan
from services.errors import Conflict
from services.followups import QueueRow


class ContactPlanDialog(LaneDialog):
    """Reads the plan when shown and saves it with the follow-up's version; accepted once saved.

    A save refused for a concurrent change names who and when and keeps what was typed;
    saving again then replaces their plan with this one (docs/contacts.md "Two people at once").
    """

    def __init__(self, ctx: AppContext, row: QueueRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "contactPlanDialog", "contactPlanDialogError", parent)
        self._ctx = ctx
        self._row = row
        self._version: int | None = None
        self.saved_version: int | None = None
        self.setWindowTitle(self.tr("Pre-contact plan"))
        self.setMinimumWidth(480)

        self.client_label = named(QLabel(self.tr("Client: {name}").format(name=row.client_name)),
                                  "planClientLabel")
        self.client_label.setTextFormat(Qt.TextFormat.PlainText)
        self.strengths_edit = self._text_edit("planStrengthsEdit", self.tr("What speaks for the client"))
        self.personality_edit = self._text_edit("planPersonalityEdit", self.tr("How to talk to them"))
        self.needs_edit = self._text_edit("planNeedsEdit", self.tr("What they may need"))
        self.goal_edit = self._text_edit("planGoalEdit", self.tr("What the next contact should achieve"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("Strengths"), self.strengths_edit, "plan_strengths")
        self.errors.add_row(form, self.tr("Personality"), self.personality_edit, "plan_personality")
        self.errors.add_row(form, self.tr("Likely needs"), self.needs_edit, "plan_needs")
        self.errors.add_row(form, self.tr("Goal"), self.goal_edit, "plan_goal")

        self.save_button = named(QPushButton(self.tr("Save")), "savePlanButton")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)  # until the plan is read
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelPlanButton")
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.client_label)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self._connect_signals()
        ctx.register_sensitive(self)  # it names the client and what the RM thinks of them
        db, actor, fu_id = ctx.db, ctx.actor, row.id
        self.run(lambda: contacts.get_plan(db, actor, fu_id), self.on_plan_loaded, busy=True)

    def _text_edit(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = named(QPlainTextEdit(), name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(56)
        return edit

    def _edits(self) -> tuple[QPlainTextEdit, ...]:
        return (self.strengths_edit, self.personality_edit, self.needs_edit, self.goal_edit)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def on_plan_loaded(self, plan: ContactPlan) -> None:
        self._version = plan.version
        for edit, text in zip(self._edits(), (plan.strengths, plan.personality, plan.needs, plan.goal),
                              strict=True):
            edit.setPlainText(text or "")
        self.save_button.setEnabled(True)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy or self._version is None:
            return
        self.errors.clear()
        db, actor, fu_id, version = self._ctx.db, self._ctx.actor, self._row.id, self._version
        strengths, personality, needs, goal = (e.toPlainText() for e in self._edits())

        def save() -> int:
            return contacts.set_plan(db, actor, fu_id, strengths=strengths, personality=personality, needs=needs,
                                     goal=goal, version=version)

        self.run(save, self.on_saved, failed=self.on_refused, busy=True, change=True)

    def on_saved(self, version: int) -> None:
        self.saved_version = version
        self.accept()

    def on_refused(self, exc: BaseException) -> None:
        self.show_error(exc)
        if isinstance(exc, Conflict):
            db, actor, fu_id = self._ctx.db, self._ctx.actor, self._row.id
            self.run(lambda: contacts.current_version(db, actor, fu_id), self._set_version, busy=True)

    def _set_version(self, version: int) -> None:
        self._version = version

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for w in self._edits():
            w.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self._version is not None)


__all__ = ["ContactPlanDialog"]
