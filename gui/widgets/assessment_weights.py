"""The assessment scheme's weights, for the settings page (docs/assessment.md "Weights"); the lead mounts it."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.lane_ops import LaneOps
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named

EDIT_NAMES = {"marketing": "weightMarketingEdit", "service": "weightServiceEdit", "process": "weightProcessEdit",
              "bonus_cap": "weightBonusCapEdit"}


class AssessmentWeightsSection(QWidget):
    """Marketing + service + process = 100 and the bonus/malus cap; the service validates, versions and audits.

    A refusal shows beside its field (the sum below the three), a concurrent change names who and
    when; what was typed stays.

    Signals:
        loaded(object): the ``WeightsView`` shown
        saved(int): the new version
    """

    loaded = Signal(object)
    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "assessmentWeightsSection")
        self.ctx = ctx
        self.version = 0
        self.ops = LaneOps(self, ctx.lane, on_busy=self._set_busy, on_error=self._failed)
        self.edits = {k: named(QLineEdit(), name) for k, name in EDIT_NAMES.items()}
        self.sum_edit_anchor = named(QWidget(), "weightsSum")  # the sum's error sits under the three weights
        self.save_button = named(QPushButton(self.tr("Save &weights")), "saveAssessmentWeightsButton")
        self.errors = FieldErrors(FieldErrorLabel("assessmentWeightsGeneral", wrap=True))
        box = QGroupBox(self.tr("Assessment weights"))
        form = QFormLayout(box)
        self.errors.add_row(form, self.tr("Marketing (points)"), self.edits["marketing"], "marketing")
        self.errors.add_row(form, self.tr("Service (points)"), self.edits["service"], "service")
        self.errors.add_row(form, self.tr("Process (points)"), self.edits["process"], "process")
        self.errors.add_row(form, "", self.sum_edit_anchor, "weights")
        self.errors.add_row(form, self.tr("Bonus/malus cap (±points)"), self.edits["bonus_cap"], "bonus_cap")
        form.addRow(self.errors.general)
        form.addRow(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self.save_button.clicked.connect(self.on_save_clicked)

    def refresh(self) -> None:
        from services import assessment

        db, actor = self.ctx.db, self.ctx.actor
        self.ops.run(lambda: assessment.weights(db, actor), self._show, key="load")

    def _show(self, view: object) -> None:
        from services.assessment import WeightsView

        assert isinstance(view, WeightsView)
        self.version = view.version
        w = view.weights
        for key, value in (("marketing", w.marketing), ("service", w.service), ("process", w.process),
                           ("bonus_cap", w.bonus_cap)):
            self.edits[key].setText(str(value))
        self.errors.clear()
        self.loaded.emit(view)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self.errors.show(exc)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.ops.busy:
            return
        from services import assessment

        db, actor, version = self.ctx.db, self.ctx.actor, self.version
        data = {k: e.text() for k, e in self.edits.items()}
        self.ops.run(lambda: assessment.set_weights(db, actor, data, version), self._saved, busy=True, change=True)

    def _saved(self, version: int) -> None:
        self.version = version
        self.errors.clear()
        self.saved.emit(version)
