"""The branch's per-tier maintenance plans, as a section the supervisor edits (docs/maintenance.md "Plans").

``MaintenancePlansSection(ctx, parent)`` stands on its own (a settings page mounts it for the
supervisor): for each planned tier, a call every N days and a visit every N days
(``plan<Tier><Call|Visit>Edit``, empty for none), ``saveMaintenancePlansButton``,
``resetMaintenancePlansButton`` (back to the documented defaults, not saved until Save).
``services.maintenance.set_plans`` checks the numbers (whole days 1–366) and the version: a
refusal shows beside its field, or, for a concurrent save, names who saved and when in
``maintenancePlansSectionError``, keeping what was typed; saving again then overwrites theirs.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.lane_ops import LaneOps
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.labels import tier_label
from gui.widgets.tone import HINT, set_tone
from models import Tier
from services import maintenance
from services.errors import Conflict
from services.maintenance import DEFAULT_PLANS, PLANNED_TIERS, Due, Plans, PlansView, plan_field

_TIER_NAMES = {Tier.CORE: "Core", Tier.ORDINARY_PREMIUM: "OrdinaryPremium", Tier.TO_WIN: "ToWin",
               Tier.POTENTIAL: "Potential"}


def edit_name(tier: Tier, what: Due) -> str:
    """``planCoreCallEdit``, ``planToWinVisitEdit``…"""
    return f"plan{_TIER_NAMES[tier]}{what.value.capitalize()}Edit"


class MaintenancePlansSection(QWidget):
    """Edit the branch's maintenance plans (supervisor; others see them read-only).

    Signals:
        saved(int): the plans' new version
    """

    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "maintenancePlansSection")
        self.ctx = ctx
        self.version: int | None = None
        from services.permissions import Action, allowed

        self.may_edit = allowed(ctx.actor.role, Action.MAINTENANCE_PLANS)
        self._ops = LaneOps(self, ctx.lane, on_busy=self.set_busy, on_error=self.show_error)
        self.errors = FieldErrors(named(FieldErrorLabel("maintenancePlansSection", wrap=True),
                                        "maintenancePlansSectionError"))
        self.edits: dict[tuple[Tier, Due], QLineEdit] = {}
        box = QGroupBox(self.tr("Maintenance plans"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        labels = {Due.CALL: self.tr("{tier}: a call every (days)"), Due.VISIT: self.tr("{tier}: a visit every (days)")}
        for tier in PLANNED_TIERS:
            for what in Due:
                edit = named(QLineEdit(), edit_name(tier, what))
                edit.setMaxLength(4)
                edit.setFixedWidth(80)
                edit.setPlaceholderText(self.tr("none"))
                edit.setValidator(QIntValidator(-9999, 9999, edit))  # digits only; the service checks the range
                edit.setReadOnly(not self.may_edit)
                self.edits[(tier, what)] = edit
                self.errors.add_row(form, labels[what].format(tier=tier_label(tier)), edit, plan_field(tier, what))
        self.status_label = named(QLabel(), "maintenancePlansStatusLabel")
        set_tone(self.status_label, HINT)
        hint = QLabel(self.tr("Whole days from 1 to 366; leave empty for none. A call is kept by any contact, "
                              "a visit by a visit."))
        set_tone(hint, HINT)
        hint.setWordWrap(True)
        self.save_button = named(QPushButton(self.tr("Save plans")), "saveMaintenancePlansButton")
        self.reset_button = named(QPushButton(self.tr("Defaults")), "resetMaintenancePlansButton")
        for button in (self.save_button, self.reset_button):
            button.setVisible(self.may_edit)
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(hint)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.reset_button.clicked.connect(lambda: self._fill(DEFAULT_PLANS))

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the branch's plans (and their version)."""
        db, actor = self.ctx.db, self.ctx.actor
        self._ops.run(lambda: maintenance.plans(db, actor), self._on_loaded, key="load", busy=True)

    def clear_sensitive(self) -> None:
        self._ops.drop_all()  # the plans hold no client data; a late answer is simply not needed

    def _on_loaded(self, view: PlansView) -> None:
        self.version = view.version
        self.errors.clear()
        self._fill(view.plans)
        self.status_label.setText(self.tr("The documented defaults (never saved).") if view.version == 0 else "")
        self._update_buttons()

    def _fill(self, plans: Plans) -> None:
        for (tier, what), edit in self.edits.items():
            days = plans[tier][what]
            edit.setText("" if days is None else str(days))

    def typed(self) -> dict[str, dict[str, str]]:
        return {tier.value: {what.value: self.edits[(tier, what)].text() for what in Due} for tier in PLANNED_TIERS}

    # --- saving -----------------------------------------------------------------------------

    @Slot()
    def on_save_clicked(self) -> None:
        if self._ops.busy or self.version is None:
            return
        self.errors.clear()
        self.status_label.clear()
        db, actor, typed, version = self.ctx.db, self.ctx.actor, self.typed(), self.version
        self._ops.run(lambda: maintenance.set_plans(db, actor, typed, version), self._on_saved,
                      failed=self._on_refused, busy=True, change=True)

    def _on_saved(self, version: int) -> None:
        self.version = version
        self.status_label.setText(self.tr("Saved."))
        self.saved.emit(version)

    def _on_refused(self, exc: BaseException) -> None:
        self.errors.show(exc)
        if isinstance(exc, Conflict):  # keep what was typed; the next save goes on the current version
            db, actor = self.ctx.db, self.ctx.actor
            self._ops.run(lambda: maintenance.plans(db, actor), self._take_version, key="version")

    def _take_version(self, view: PlansView) -> None:
        self.version = view.version

    def show_error(self, exc: BaseException) -> None:
        self.errors.show(exc)

    def set_busy(self, busy: bool) -> None:
        self._update_buttons(busy)

    def _update_buttons(self, busy: bool | None = None) -> None:
        busy = self._ops.busy if busy is None else busy
        for button in (self.save_button, self.reset_button):
            button.setEnabled(self.may_edit and not busy and self.version is not None)


__all__ = ["MaintenancePlansSection", "edit_name"]
