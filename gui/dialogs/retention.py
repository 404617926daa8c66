"""The retention dialogs (docs/retention.md): flag a premium client closing or moving accounts, record
a retention effort, close a record with its result. The service decides and refuses; each refusal
shows beside its field and what was typed stays."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.widgets.client_completer import ClientCompleter
from gui.widgets.field_error import named
from gui.widgets.labels import tier_label
from gui.widgets.retention_labels import action_label, band_label, move_label, reason_label, result_label
from gui.widgets.tone import HINT, set_tone
from models import AmountBand, RetentionActionKind, RetentionMove, RetentionReason, RetentionResult
from services import retention
from services.clients import ClientMatch, search_clients
from services.db import BRANCH_TZ
from services.errors import Conflict, NotFound
from services.retention import RetentionActionRow, RetentionRow

SEARCH_DELAY_MS = 250


def _choose_first(combo: QComboBox, text: str) -> None:
    """An empty first item: nothing is chosen until the person chooses (the service asks for it)."""
    combo.addItem(text, None)


class FlagRetentionDialog(LaneDialog):
    """Find the client (the client search), tick what is closed or moved, the amount band and the
    client's reason; accepted once the service saved the record.

    Signals:
        flagged(int): the new record's id
    """

    flagged = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "flagRetentionDialog", "flagRetentionGeneralError", parent)
        self.ctx = ctx
        self._client: ClientMatch | None = None
        self.setWindowTitle(self.tr("Flag an account closure"))
        self.setModal(True)

        self.client_edit = named(QLineEdit(), "retentionClientEdit")
        self.client_edit.setPlaceholderText(self.tr("Name, last four digits or full mobile"))
        self.client_edit.setClearButtonEnabled(True)
        self.completer = ClientCompleter(self)
        self.chosen_label = named(QLabel(), "retentionClientChosenLabel")
        set_tone(self.chosen_label, HINT)
        self.chosen_label.setTextFormat(Qt.TextFormat.PlainText)
        self.moves_list = named(QListWidget(), "retentionMovesList")
        for move in RetentionMove:
            item = QListWidgetItem(move_label(move))
            item.setData(Qt.ItemDataRole.UserRole, move.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.moves_list.addItem(item)
        self.moves_list.setFixedHeight(self.moves_list.sizeHintForRow(0) * len(RetentionMove) + 6)
        self.band_combo = named(QComboBox(), "retentionBandCombo")
        _choose_first(self.band_combo, self.tr("— choose —"))
        for band in AmountBand:
            self.band_combo.addItem(band_label(band), band.value)
        self.reason_combo = named(QComboBox(), "retentionReasonCombo")
        _choose_first(self.reason_combo, self.tr("— choose —"))
        for reason in RetentionReason:
            self.reason_combo.addItem(reason_label(reason), reason.value)
        self.reason_edit = named(QPlainTextEdit(), "retentionReasonEdit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(60)
        self.reason_edit.setPlaceholderText(self.tr("Optional: the client's words"))
        self.save_button = named(QPushButton(self.tr("&Flag")), "saveRetentionButton")
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        named(cancel, "cancelRetentionButton")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self.errors.add_row(form, self.tr("&Client"), self.client_edit, "client", extra=self.chosen_label)
        form.setRowVisible(self.chosen_label, False)  # shown once a client is picked
        self.errors.add_row(form, self.tr("Closing or moving"), self.moves_list, "moves")
        self.errors.add_row(form, self.tr("&Amount"), self.band_combo, "amount_band")
        self.errors.add_row(form, self.tr("&Reason"), self.reason_combo, "reason")
        self.errors.add_row(form, self.tr("Client's &words"), self.reason_edit, "reason_text")
        hint = QLabel(self.tr("Only premium clients are flagged. Never type account numbers or exact amounts."))
        set_tone(hint, HINT)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(540, self.sizeHint().height())

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._connect_signals(buttons)
        ctx.register_sensitive(self)  # it names the client

    def _connect_signals(self, buttons: QDialogButtonBox) -> None:
        self._search_timer.timeout.connect(self.on_search_due)
        self.client_edit.textEdited.connect(self.on_client_text_edited)
        self.completer.client_picked.connect(self.on_client_picked)
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)

    @property
    def client(self) -> ClientMatch | None:
        return self._client

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        super().set_busy(busy)

    def set_moves(self, moves: list[str]) -> None:
        """Tick exactly ``moves`` (as a person would, one by one)."""
        for k in range(self.moves_list.count()):
            item = self.moves_list.item(k)
            ticked = item.data(Qt.ItemDataRole.UserRole) in moves
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def moves(self) -> list[str]:
        return [str(self.moves_list.item(k).data(Qt.ItemDataRole.UserRole)) for k in range(self.moves_list.count())
                if self.moves_list.item(k).checkState() == Qt.CheckState.Checked]

    # --- finding the client -------------------------------------------------------------

    @Slot(str)
    def on_client_text_edited(self, _text: str) -> None:
        self._client = None  # typing again un-picks
        self.chosen_label.clear()
        self._form.setRowVisible(self.chosen_label, False)
        self._search_timer.start()

    @Slot()
    def on_search_due(self) -> None:
        db, actor, text = self.ctx.db, self.ctx.actor, self.client_edit.text()
        if not text.strip():
            self.completer.hide_matches()
            return
        self.run(lambda: search_clients(db, actor, text),
                 lambda matches: self.completer.show_matches(self.client_edit, matches), key="search")

    @Slot(object)
    def on_client_picked(self, match: ClientMatch) -> None:
        self.pick(match)

    def pick(self, match: ClientMatch) -> None:
        """Choose ``match`` (the pop-up's pick, or a test's)."""
        self._client = match
        self.client_edit.setText(match.name)
        holder = self.tr("RM {name}").format(name=match.rm_name) if match.rm_name else self.tr("No RM yet")
        self.chosen_label.setText(f"{match.mobile_masked} · {tier_label(match.tier)} · {holder}")
        self._form.setRowVisible(self.chosen_label, True)
        self.errors.clear()

    # --- saving -------------------------------------------------------------------------

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        if self._client is None:
            self.errors.show_field("client", self.tr("Choose a client from the list"))
            return
        db, actor, client_id = self.ctx.db, self.ctx.actor, self._client.id
        moves, band, reason = self.moves(), self.band_combo.currentData(), self.reason_combo.currentData()
        words = self.reason_edit.toPlainText()

        def flag() -> int:
            return retention.flag(db, actor, client_id, moves=moves, amount_band=band, reason=reason,
                                  reason_text=words)

        self.run(flag, self._saved, failed=self._refused, busy=True, change=True)

    def _saved(self, record_id: int) -> None:
        self.flagged.emit(record_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, NotFound) and self.isVisible():
            self.errors.show_field("client", self.tr("This client is no longer in the branch's records."))
            return
        self.show_error(exc)


class _RecordDialog(LaneDialog):
    """A dialog on one open record: its version, and after a concurrent change the version now."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, row: RetentionRow, object_name: str, general_error: str,
                 parent: QWidget | None) -> None:
        super().__init__(ctx.lane, object_name, general_error, parent)
        self.ctx = ctx
        self.row = row
        self._version = row.version
        self.client_label = named(QLabel(), "retentionRecordLabel")
        self.client_label.setTextFormat(Qt.TextFormat.PlainText)
        self.client_label.setWordWrap(True)
        text = QCoreApplication.translate("RetentionRecordDialog",
                                          "{client} · flagged {day} by {who} · {moves} · {band}")
        self.client_label.setText(text.format(
            client=row.client_name, day=row.business_date.isoformat(), who=row.flagged_by,
            moves=" / ".join(move_label(m) for m in row.moves), band=band_label(row.amount_band)))
        ctx.register_sensitive(self)  # it names the client

    def _refused(self, exc: BaseException) -> None:
        """Beside the field or in the general label; after a concurrent change, saving again acts on it."""
        self.show_error(exc)
        if isinstance(exc, Conflict):
            db, actor, record_id = self.ctx.db, self.ctx.actor, self.row.id
            self.run(lambda: retention.get_record(db, actor, record_id).version, self._set_version, busy=True)

    def _set_version(self, version: int) -> None:
        self._version = version

    def _done(self, version: int) -> None:
        self.saved.emit(self.row.id)
        self.accept()


class RetentionActionDialog(_RecordDialog):
    """Record one effort to keep the client: what was done and a note. The supervisor acting on another
    RM's client steps in (the service records it so); earlier efforts are listed above.

    Signals:
        saved(int): the record's id, once the effort is saved
    """

    def __init__(self, ctx: AppContext, row: RetentionRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, "retentionActionDialog", "retentionActionGeneralError", parent)
        self.setWindowTitle(self.tr("Record a retention effort"))
        self.setModal(True)
        self.history_list = named(QListWidget(), "retentionActionsList")
        self.history_list.setFixedHeight(96)
        self.step_in_label = named(QLabel(), "retentionStepInLabel")
        set_tone(self.step_in_label, HINT)
        if retention.steps_in(ctx.actor, row.rm_id):
            self.step_in_label.setText(self.tr("You are stepping in for the client's RM."))
        self.step_in_label.setVisible(bool(self.step_in_label.text()))
        self.kind_combo = named(QComboBox(), "retentionActionKindCombo")
        for kind in RetentionActionKind:
            self.kind_combo.addItem(action_label(kind), kind.value)
        self.note_edit = named(QPlainTextEdit(), "retentionActionNoteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(72)
        self.note_edit.setPlaceholderText(self.tr("What was said or offered"))
        self.save_button = named(QPushButton(self.tr("&Save")), "saveRetentionActionButton")
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        named(buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "cancelRetentionActionButton")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("Done"), self.kind_combo, "action_kind")
        self.errors.add_row(form, self.tr("&Note"), self.note_edit, "action_note")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.client_label)
        layout.addWidget(QLabel(self.tr("Efforts so far")))
        layout.addWidget(self.history_list)
        layout.addWidget(self.step_in_label)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        db, actor, record_id = ctx.db, ctx.actor, row.id
        self.run(lambda: retention.list_actions(db, actor, record_id), self._show_history)

    def _show_history(self, actions: list[RetentionActionRow]) -> None:
        self.history_list.clear()
        for a in actions:
            who = self.tr("{name} (stepping in)").format(name=a.by) if a.stepped_in else a.by
            when = a.at.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M")
            text = f"{when} · {who} · {action_label(a.kind)}"
            self.history_list.addItem(f"{text} · {a.note}" if a.note else text)
        if not actions:
            self.history_list.addItem(self.tr("None yet"))

    def set_busy(self, busy: bool) -> None:
        for w in (self.kind_combo, self.note_edit, self.save_button):
            w.setEnabled(not busy)
        super().set_busy(busy)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        db, actor, record_id, version = self.ctx.db, self.ctx.actor, self.row.id, self._version
        kind, note = self.kind_combo.currentData(), self.note_edit.toPlainText()
        self.run(lambda: retention.record_action(db, actor, record_id, kind=kind, note=note, version=version),
                 self._done, failed=self._refused, busy=True, change=True)


class CloseRetentionDialog(_RecordDialog):
    """Close the record with its result; retained, partly retained and lost need an effort on record
    (the service's rule, refused beside the result).

    Signals:
        saved(int): the record's id, once closed
    """

    def __init__(self, ctx: AppContext, row: RetentionRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, "closeRetentionDialog", "closeRetentionGeneralError", parent)
        self.setWindowTitle(self.tr("Close the retention record"))
        self.setModal(True)
        self.result_combo = named(QComboBox(), "retentionResultCombo")
        _choose_first(self.result_combo, self.tr("— choose —"))
        for result in RetentionResult:
            self.result_combo.addItem(result_label(result), result.value)
        self.save_button = named(QPushButton(self.tr("&Close record")), "saveRetentionResultButton")
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        named(buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "cancelRetentionResultButton")
        efforts = QLabel(self.tr("Efforts on record: {n}").format(n=row.actions))
        set_tone(efforts, HINT)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("&Result"), self.result_combo, "result")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.client_label)
        layout.addWidget(efforts)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)

    def set_busy(self, busy: bool) -> None:
        for w in (self.result_combo, self.save_button):
            w.setEnabled(not busy)
        super().set_busy(busy)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        db, actor, record_id, version = self.ctx.db, self.ctx.actor, self.row.id, self._version
        result = self.result_combo.currentData()
        self.run(lambda: retention.close(db, actor, record_id, result=result, version=version),
                 self._done, failed=self._refused, busy=True, change=True)


__all__ = ["CloseRetentionDialog", "FlagRetentionDialog", "RetentionActionDialog"]
