"""Record a maintenance contact (``recordMaintenanceDialog``): kind, channel, time, note.

``services.maintenance.record`` checks everything (who may, a client of a planned tier, a time
not in the future, the note's length); a refusal shows beside its field and keeps what was typed.
See docs/maintenance.md "Recording".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
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
from gui.dialogs.contact import contact_channel_label
from gui.widgets.dates import qdate
from gui.widgets.field_error import named
from models import ContactChannel, MaintenanceKind
from services.db import BRANCH_TZ


def maintenance_kind_label(value: MaintenanceKind | str) -> str:
    labels: dict[str, str] = {
        MaintenanceKind.GREETING: QCoreApplication.translate("MaintenanceLabels", "Greeting"),
        MaintenanceKind.PORTFOLIO_REVIEW: QCoreApplication.translate("MaintenanceLabels", "Portfolio review"),
        MaintenanceKind.CROSS_SELL: QCoreApplication.translate("MaintenanceLabels", "Cross-selling"),
        MaintenanceKind.INFORMATION: QCoreApplication.translate("MaintenanceLabels", "Information"),
        MaintenanceKind.EVENT_INVITATION: QCoreApplication.translate("MaintenanceLabels", "Event invitation"),
        MaintenanceKind.SURVEY: QCoreApplication.translate("MaintenanceLabels", "Client survey"),
    }
    return labels.get(value, str(value))


class MaintenanceDialog(LaneDialog):
    """``recordMaintenanceDialog`` for one client: ``maintenanceKindCombo``, ``maintenanceChannelCombo``,
    ``maintenanceAtEdit`` (a ``QDateTimeEdit``, now by default), ``maintenanceNoteEdit``,
    ``saveMaintenanceButton``; general errors in ``recordMaintenanceDialogError``.

    Signals:
        saved(object): the ``services.maintenance.Recorded`` (the dialog then closes)
    """

    saved = Signal(object)

    def __init__(self, ctx: AppContext, client_id: int, client_name: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "recordMaintenanceDialog", "recordMaintenanceDialogError", parent)
        self._ctx = ctx
        self._client_id = client_id
        self.setWindowTitle(self.tr("Record maintenance"))
        self.setMinimumWidth(460)
        self.client_label = named(QLabel(self.tr("Client: {name}").format(name=client_name)),
                                  "maintenanceClientLabel")
        self.client_label.setTextFormat(Qt.TextFormat.PlainText)
        self.kind_combo = named(QComboBox(), "maintenanceKindCombo")
        for kind in MaintenanceKind:
            self.kind_combo.addItem(maintenance_kind_label(kind), kind.value)
        self.channel_combo = named(QComboBox(), "maintenanceChannelCombo")
        for ch in ContactChannel:
            self.channel_combo.addItem(contact_channel_label(ch), ch.value)
        self.at_edit = named(QDateTimeEdit(), "maintenanceAtEdit")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        now = ctx.db.now().astimezone(BRANCH_TZ)
        self.at_edit.setDateTime(QDateTime(qdate(now.date()), QTime(now.hour, now.minute)))
        self.note_edit = named(QPlainTextEdit(), "maintenanceNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("What was said or offered (optional)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(80)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("Kind"), self.kind_combo, "kind")
        self.errors.add_row(form, self.tr("Channel"), self.channel_combo, "channel")
        self.errors.add_row(form, self.tr("When"), self.at_edit, "at")
        self.errors.add_row(form, self.tr("Note"), self.note_edit, "note")

        self.save_button = named(QPushButton(self.tr("Save")), "saveMaintenanceButton")
        self.save_button.setDefault(True)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelMaintenanceButton")
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
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        ctx.register_sensitive(self)  # it names the client

    def at(self) -> dt.datetime:
        d, t = self.at_edit.date(), self.at_edit.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=BRANCH_TZ)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        from services import maintenance

        self.errors.clear()
        db, actor, client_id = self._ctx.db, self._ctx.actor, self._client_id
        kind, channel = str(self.kind_combo.currentData()), str(self.channel_combo.currentData())
        at, note = self.at(), self.note_edit.toPlainText()
        self.run(lambda: maintenance.record(db, actor, client_id, kind, channel, at, note), self._on_saved,
                 busy=True, change=True)

    def _on_saved(self, recorded: object) -> None:
        self.saved.emit(recorded)
        self.accept()

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for w in (self.kind_combo, self.channel_combo, self.at_edit, self.note_edit, self.save_button):
            w.setEnabled(not busy)


__all__ = ["MaintenanceDialog", "maintenance_kind_label"]
