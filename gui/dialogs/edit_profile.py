"""Editing a client's profile details (``editProfileDialog``), with the version check.

Every field goes to ``clients.update_profile`` as typed; the service checks them all and the
problems show beside their fields. A concurrent change is refused naming who saved it and when
(docs/saving.md "Versioned save"): the message shows in the dialog's general label and everything
typed stays, so the person can compare, close and reopen. Tier and score are not edited here: the
scoring service computes them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.profile_window import risk_label
from gui.widgets.field_error import named
from models import RiskTolerance
from services import clients
from services.clients import ClientProfile

# Suggestions only: the bands and levels the branch's sheets use; anything else may be typed.
INCOME_BANDS = ("10万以下", "10-20万", "20-50万", "50-100万", "100万以上")
EDUCATIONS = ("初中及以下", "高中", "大专", "本科", "硕士", "博士")


def _editable_combo(name: str, items: tuple[str, ...], current: str | None) -> QComboBox:
    combo = named(QComboBox(), name)
    combo.setEditable(True)
    combo.addItems(list(items))
    combo.setCurrentText(current or "")
    line = combo.lineEdit()
    if line is not None:
        line.setObjectName(f"{name}Line")
    return combo


class EditProfileDialog(LaneDialog):
    """The profile's details as fields; Save runs the versioned update.

    Signals:
        saved(int): the update went through; the row's new version
    """

    saved = Signal(int)

    def __init__(self, ctx: AppContext, profile: ClientProfile, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "editProfileDialog", "editProfileError", parent)
        self.ctx = ctx
        self.profile = profile
        self.version = profile.version
        self.setWindowTitle(self.tr("Edit profile — {name}").format(name=profile.name))
        self._build(profile)
        self._connect_signals()
        ctx.register_sensitive(self)

    def _build(self, p: ClientProfile) -> None:
        def line(name: str, value: str | None, max_len: int) -> QLineEdit:
            edit = named(QLineEdit(value or ""), name)
            edit.setMaxLength(max_len * 2)  # room to show "too long" rather than cut silently
            return edit

        limits = clients.PROFILE_TEXT_FIELDS
        self.occupation_edit = line("editOccupationEdit", p.occupation, limits["occupation"])
        self.employer_edit = line("editEmployerEdit", p.employer, limits["employer"])
        self.district_edit = line("editDistrictEdit", p.district, limits["district"])
        self.family_edit = line("editFamilyEdit", p.family, limits["family"])
        self.family_edit.setPlaceholderText(self.tr("e.g. married, one son at university"))
        self.dependants_edit = line("editDependantsEdit", None if p.dependants is None else str(p.dependants), 10)
        self.income_combo = _editable_combo("editIncomeBandCombo", INCOME_BANDS, p.income_band)
        self.education_combo = _editable_combo("editEducationCombo", EDUCATIONS, p.education)
        self.standing_edit = line("editSocialStandingEdit", p.social_standing, limits["social_standing"])
        self.interests_edit = named(QLineEdit("、".join(p.interests)), "editInterestsEdit")
        self.interests_edit.setPlaceholderText(self.tr("Separated by 、 or commas"))
        self.risk_combo = named(QComboBox(), "editRiskToleranceCombo")
        self.risk_combo.addItem(self.tr("Not assessed"), "")
        for level in RiskTolerance:
            self.risk_combo.addItem(risk_label(level), level.value)
        self.risk_combo.setCurrentIndex(max(0, self.risk_combo.findData(p.risk_tolerance.value
                                                                         if p.risk_tolerance else "")))
        form = QFormLayout()
        add = self.errors.add_row
        add(form, self.tr("Occupation"), self.occupation_edit, "occupation")
        add(form, self.tr("Employer"), self.employer_edit, "employer")
        add(form, self.tr("District"), self.district_edit, "district")
        add(form, self.tr("Household"), self.family_edit, "family")
        add(form, self.tr("Dependants"), self.dependants_edit, "dependants")
        add(form, self.tr("Education"), self.education_combo, "education")
        add(form, self.tr("Income band"), self.income_combo, "income_band")
        add(form, self.tr("Social standing"), self.standing_edit, "social_standing")
        add(form, self.tr("Interests"), self.interests_edit, "interests")
        add(form, self.tr("Risk tolerance"), self.risk_combo, "risk_tolerance")
        self.save_button = named(QPushButton(self.tr("&Save")), "saveProfileButton")
        self.save_button.setDefault(True)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        col = QVBoxLayout(self)
        col.addLayout(form)
        col.addWidget(self.errors.general)
        col.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.on_save_clicked)
        if self.cancel_button is not None:
            self.cancel_button.clicked.connect(self.reject)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.save_button.setEnabled(not busy)

    @Slot()
    def on_save_clicked(self) -> None:
        self.errors.clear()
        fields = {
            "occupation": self.occupation_edit.text(), "employer": self.employer_edit.text(),
            "district": self.district_edit.text(), "family": self.family_edit.text(),
            "dependants": self.dependants_edit.text(), "income_band": self.income_combo.currentText(),
            "education": self.education_combo.currentText(), "social_standing": self.standing_edit.text(),
            "risk_tolerance": str(self.risk_combo.currentData() or ""),
        }
        interests = [t for t in re.split(r"[、,，;；]", self.interests_edit.text()) if t.strip()]
        db, actor, client_id, version = self.ctx.db, self.ctx.actor, self.profile.id, self.version

        def job() -> int:
            return clients.update_profile(db, actor, client_id, version, interests=interests, **fields)

        self.run(job, self._on_saved, busy=True, change=True)

    def _on_saved(self, version: int) -> None:
        self.version = version
        self.saved.emit(version)
        self.accept()
