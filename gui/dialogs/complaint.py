"""Complaint dialogs: record one, reply, close, and the supervisor's extension (docs/complaints.md).

Each runs its one service call on the lane and is accepted once the service saved; a
refusal shows beside its field (``FieldErrors``) and what was typed stays. After a
concurrent change the dialog learns the new version, so saving again acts on it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.itemmodels.complaints import channel_label, kind_label
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import named
from models import ComplaintChannel, ComplaintKind
from services import complaints
from services.complaints import ComplaintInput, ComplaintRow
from services.errors import Conflict


def _text_edit(name: str, height: int = 96) -> QPlainTextEdit:
    edit = named(QPlainTextEdit(), name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class _ComplaintDialog(LaneDialog):
    """The shared frame: a form, the general error label, Cancel and the save button.

    Signals:
        saved(int): the service saved (the complaint's id)
    """

    saved = Signal(int)

    def __init__(self, ctx: AppContext, name: str, title: str, save_text: str, save_name: str,
                 parent: QWidget | None) -> None:
        super().__init__(ctx.lane, name, f"{name}Error", parent)
        self._ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.save_button = named(QPushButton(save_text), save_name)
        self.save_button.setDefault(True)
        cancel = QCoreApplication.translate("ComplaintDialogs", "Cancel")
        self.cancel_button = named(QPushButton(cancel), f"{save_name.removeprefix('save')}CancelButton")
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        ctx.register_sensitive(self)  # it shows or takes what a client said

    def _finish_layout(self, *top: QWidget) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        for widget in top:
            layout.addWidget(widget)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)

    def job(self) -> Callable[[], int]:
        """The service call to run, built from the fields on the GUI thread."""
        raise NotImplementedError

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        self.run(self.job(), self.on_saved, failed=self.on_refused, busy=True, change=True)

    def on_saved(self, key: int) -> None:
        self.saved.emit(key)
        self.accept()

    def on_refused(self, exc: BaseException) -> None:
        self.show_error(exc)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.save_button.setEnabled(not busy)


class NewComplaintDialog(_ComplaintDialog):
    """Record a complaint (any staff member): the day it came in, channel, kind, client, what was said."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "newComplaintDialog", self.tr("Record a complaint"), self.tr("Record"),
                         "saveComplaintButton", parent)
        today = ctx.db.today()
        self.received_edit = named(QDateEdit(qdate(today)), "complaintReceivedEdit")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDisplayFormat("yyyy-MM-dd")
        self.channel_combo = named(QComboBox(), "complaintChannelCombo")
        for channel in ComplaintChannel:
            self.channel_combo.addItem(channel_label(channel), channel.value)
        self.kind_combo = named(QComboBox(), "complaintKindCombo")
        for kind in ComplaintKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.client_edit = named(QLineEdit(), "complaintClientEdit")
        self.client_edit.setPlaceholderText(self.tr("Optional"))
        self.content_edit = _text_edit("complaintContentEdit", 120)
        self.content_edit.setPlaceholderText(self.tr("What the client complained about, in their words"))
        self.errors.add_row(self.form, self.tr("Received on"), self.received_edit, "complaint_received_on")
        self.errors.add_row(self.form, self.tr("Channel"), self.channel_combo, "complaint_channel")
        self.errors.add_row(self.form, self.tr("Kind"), self.kind_combo, "complaint_kind")
        self.errors.add_row(self.form, self.tr("Client name"), self.client_edit, "complaint_client_name")
        self.errors.add_row(self.form, self.tr("What the client said"), self.content_edit, "complaint_content")
        hint = QLabel(self.tr("Due 3 working days after it came in; the lobby manager handles it."))
        hint.setWordWrap(True)
        self._finish_layout(hint)

    def job(self) -> Callable[[], int]:
        db, actor = self._ctx.db, self._ctx.actor
        data = ComplaintInput(received_on=pydate(self.received_edit.date()), channel=self.channel_combo.currentData(),
                              kind=self.kind_combo.currentData(), content=self.content_edit.toPlainText(),
                              client_name=self.client_edit.text())
        return lambda: complaints.record_complaint(db, actor, data)


class _StepDialog(_ComplaintDialog):
    """A step on one complaint: knows its row and the version the person saw."""

    def __init__(self, ctx: AppContext, row: ComplaintRow, name: str, title: str, save_text: str,
                 save_name: str, parent: QWidget | None) -> None:
        super().__init__(ctx, name, title, save_text, save_name, parent)
        self.row = row
        self.version = row.version
        self.summary_label = named(QLabel(), f"{name}Summary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        said = row.content if row.content is not None else ""
        self.summary_label.setText(QCoreApplication.translate(
            "ComplaintDialogs", "{kind}, received {received}, due {due}\n{said}").format(
            kind=kind_label(row.kind), received=row.received_on.isoformat(), due=row.due_on.isoformat(),
            said=said[:300]))

    def on_saved(self, key: int) -> None:
        self.saved.emit(self.row.id)
        self.accept()

    def on_refused(self, exc: BaseException) -> None:
        self.show_error(exc)
        if isinstance(exc, Conflict):
            db, actor, key = self._ctx.db, self._ctx.actor, self.row.id
            self.run(lambda: complaints.get_complaint(db, actor, key), self._set_row, busy=True)

    def _set_row(self, row: ComplaintRow) -> None:
        self.version = row.version


class ReplyComplaintDialog(_StepDialog):
    """The client was answered: what the branch replied."""

    def __init__(self, ctx: AppContext, row: ComplaintRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, "replyComplaintDialog", self.tr("Reply to a complaint"), self.tr("Save reply"),
                         "saveReplyButton", parent)
        self.reply_edit = _text_edit("complaintReplyEdit", 120)
        self.errors.add_row(self.form, self.tr("Reply given"), self.reply_edit, "complaint_reply")
        self._finish_layout(self.summary_label)

    def job(self) -> Callable[[], int]:
        db, actor, key, version, text = (self._ctx.db, self._ctx.actor, self.row.id, self.version,
                                         self.reply_edit.toPlainText())
        return lambda: complaints.reply(db, actor, key, text=text, version=version)


class CloseComplaintDialog(_StepDialog):
    """Close a replied complaint, saying whether it was justified (属实)."""

    def __init__(self, ctx: AppContext, row: ComplaintRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, "closeComplaintDialog", self.tr("Close a complaint"), self.tr("Close"),
                         "saveCloseComplaintButton", parent)
        self.justified_combo = named(QComboBox(), "complaintJustifiedCombo")
        self.justified_combo.addItem(self.tr("— choose —"), None)
        self.justified_combo.addItem(self.tr("Justified"), True)
        self.justified_combo.addItem(self.tr("Not justified"), False)
        self.errors.add_row(self.form, self.tr("Justified"), self.justified_combo, "complaint_justified")
        self._finish_layout(self.summary_label)

    def job(self) -> Callable[[], int]:
        db, actor, key, version = self._ctx.db, self._ctx.actor, self.row.id, self.version
        justified = self.justified_combo.currentData()
        return lambda: complaints.close(db, actor, key, justified=justified, version=version)


class ExtendComplaintDialog(_StepDialog):
    """The supervisor's one extension: a new deadline (at most 7 working days after receipt) and the reason."""

    def __init__(self, ctx: AppContext, row: ComplaintRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, "extendComplaintDialog", self.tr("Extend a complaint's deadline"),
                         self.tr("Approve extension"), "saveExtensionButton", parent)
        last = row.last_extension_day or row.due_on
        self.due_edit = named(QDateEdit(qdate(last)), "complaintNewDueEdit")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.limit_label = named(QLabel(self.tr("At the latest {last} (the 7th working day after receipt).")
                                        .format(last=last.isoformat())), "complaintExtensionLimitLabel")
        self.reason_edit = _text_edit("complaintExtensionReasonEdit", 72)
        self.errors.add_row(self.form, self.tr("New deadline"), self.due_edit, "complaint_new_due")
        self.errors.add_row(self.form, self.tr("Reason"), self.reason_edit, "complaint_extension_reason")
        self._finish_layout(self.summary_label, self.limit_label)

    def job(self) -> Callable[[], int]:
        db, actor, key, version = self._ctx.db, self._ctx.actor, self.row.id, self.version
        day, reason = pydate(self.due_edit.date()), self.reason_edit.toPlainText()
        return lambda: complaints.extend(db, actor, key, new_due=day, reason=reason, version=version)


__all__ = ["CloseComplaintDialog", "ExtendComplaintDialog", "NewComplaintDialog", "ReplyComplaintDialog"]
