"""The supervisor's score settings: factor weights, amount bands, tier thresholds (docs/scoring.md "Settings").

Loaded and saved through ``services.scoring`` with the row's version: a concurrent change is
refused naming who and when, and what was typed stays. Every problem shows beside its field.
After a save the dialog reports whether the person asked for the branch recompute.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.base import LaneDialog
from gui.itemmodels.score import factor_label
from gui.widgets.field_error import named

if TYPE_CHECKING:
    from gui.worker import DbLane
    from services.db import Database
    from services.permissions import Actor
    from services.scoring import SettingsView

WEIGHT_NAMES: dict[str, str] = {
    "deposits": "weightDepositsSpin", "wealth": "weightWealthSpin", "loans": "weightLoansSpin",
    "family": "weightFamilySpin", "occupation": "weightOccupationSpin", "social": "weightSocialSpin",
}
BAND_NAMES: dict[str, str] = {"deposits": "bandsDepositsEdit", "wealth": "bandsWealthEdit", "loans": "bandsLoansEdit"}


def _form_label(factor: str) -> str:
    return factor_label(factor).replace("&", "&&")  # a form label's "&" would be read as a shortcut


class ScoreSettingsDialog(LaneDialog):
    """``scoreSettingsDialog`` with ``saveScoreSettingsButton``.

    Signals:
        saved(bool): the settings were saved; True when the branch recompute should run now
    """

    saved = Signal(bool)

    def __init__(self, db: Database, lane: DbLane, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(lane, "scoreSettingsDialog", "scoreSettingsDialogError", parent)
        self._db, self._actor = db, actor
        self._version: int | None = None
        self.setWindowTitle(self.tr("Score settings"))
        self.setMinimumWidth(900)

        weights_box = QGroupBox(self.tr("Weights (whole numbers adding up to 100)"))
        weights_form = QFormLayout(weights_box)
        self.weight_spins: dict[str, QSpinBox] = {}
        for factor, name in WEIGHT_NAMES.items():
            spin = named(QSpinBox(), name)
            spin.setRange(0, 100)
            spin.valueChanged.connect(self.on_weight_changed)
            self.weight_spins[factor] = spin
            self.errors.add_row(weights_form, _form_label(factor), spin, f"weight_{factor}")
        self.weights_sum_label = named(QLabel(), "weightsSumLabel")
        self.errors.add_row(weights_form, self.tr("Total"), self.weights_sum_label, "weights")

        bands_box = QGroupBox(self.tr("Amount bands: from yuan:points, separated by “;”"))
        bands_form = QFormLayout(bands_box)
        self.band_edits: dict[str, QLineEdit] = {}
        for factor, name in BAND_NAMES.items():
            edit = named(QLineEdit(), name)
            edit.setMaxLength(400)
            edit.setMinimumWidth(380)
            self.band_edits[factor] = edit
            self.errors.add_row(bands_form, _form_label(factor), edit, f"bands_{factor}")

        tiers_box = QGroupBox(self.tr("Tier thresholds"))
        tiers_form = QFormLayout(tiers_box)
        self.core_spin = self._threshold("corePremiumMinSpin")
        self.ordinary_spin = self._threshold("ordinaryPremiumMinSpin")
        self.potential_spin = self._threshold("potentialMinSpin")
        self.elsewhere_edit = named(QLineEdit(), "toWinElsewhereEdit")
        self.elsewhere_edit.setMaxLength(24)
        self.errors.add_row(tiers_form, self.tr("Core premium: score from"), self.core_spin, "core_premium_min")
        self.errors.add_row(tiers_form, self.tr("Ordinary premium: score from"), self.ordinary_spin,
                            "ordinary_premium_min")
        self.errors.add_row(tiers_form, self.tr("To win: assets at other banks from (yuan)"),
                            self.elsewhere_edit, "to_win_elsewhere_min")
        self.errors.add_row(tiers_form, self.tr("Potential: score from"), self.potential_spin, "potential_min")

        self.recompute_check = named(QCheckBox(self.tr("Recompute the branch's scores after saving")),
                                     "recomputeAfterSaveCheck")
        self.recompute_check.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = named(self.buttons.button(QDialogButtonBox.StandardButton.Save), "saveScoreSettingsButton")
        self.save_button.setText(self.tr("Save"))
        self.save_button.setEnabled(False)  # until the settings are loaded
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(weights_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(tiers_box)
        right.addStretch(1)
        columns.addLayout(left)
        columns.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(bands_box)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.recompute_check)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self._load()

    def _threshold(self, name: str) -> QSpinBox:
        spin = named(QSpinBox(), name)
        spin.setRange(0, 100)
        return spin

    def _load(self) -> None:
        from services.scoring import score_settings

        db, actor = self._db, self._actor
        self.run(lambda: score_settings(db, actor), self._show, busy=True)

    def _show(self, view: SettingsView) -> None:
        from services.scoring import bands_text

        rules = view.rules
        self._version = view.version
        for factor, spin in self.weight_spins.items():
            spin.setValue(rules.weights[factor])
        for factor, edit in self.band_edits.items():
            edit.setText(bands_text(rules.bands[factor]))
        self.core_spin.setValue(rules.core_premium_min)
        self.ordinary_spin.setValue(rules.ordinary_premium_min)
        self.potential_spin.setValue(rules.potential_min)
        self.elsewhere_edit.setText(format(rules.to_win_elsewhere_min, "f"))
        self.save_button.setEnabled(True)

    @Slot()
    def on_weight_changed(self) -> None:
        total = sum(spin.value() for spin in self.weight_spins.values())
        self.weights_sum_label.setText(self.tr("{total} of 100").format(total=total))

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy and self._version is not None)
        super().set_busy(busy)

    @Slot()
    def on_save_clicked(self) -> None:
        from services.scoring import SettingsInput, update_score_settings

        if self.busy or self._version is None:
            return
        self.errors.clear()
        data = SettingsInput(
            weights={factor: spin.value() for factor, spin in self.weight_spins.items()},
            bands={factor: edit.text() for factor, edit in self.band_edits.items()},
            core_premium_min=self.core_spin.value(), ordinary_premium_min=self.ordinary_spin.value(),
            potential_min=self.potential_spin.value(), to_win_elsewhere_min=self.elsewhere_edit.text(),
        )
        db, actor, version = self._db, self._actor, self._version
        self.run(lambda: update_score_settings(db, actor, data, version), self._on_saved, busy=True, change=True)

    def _on_saved(self, version: int) -> None:
        self._version = version
        self.saved.emit(self.recompute_check.isChecked())
        self.accept()
