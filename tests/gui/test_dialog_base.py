"""The dialog base: the Page's lane operation in a dialog — stale answers dropped once it closes,
the busy state, errors beside the fields or, once the dialog is gone, in a box."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from gui.dialogs.base import LaneDialog
from gui.worker import DbLane
from services.errors import AuthError, ValidationError

WAIT_MS = 5000


class _Probe(LaneDialog):
    """A dialog with one field that records what reached it."""

    def __init__(self, lane: DbLane, parent: QWidget) -> None:
        super().__init__(lane, "probeDialog", "probeDialogError", parent)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        form = QFormLayout()
        self.errors.add_row(form, "Note", self.note_edit, "note")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        self.answers: list[object] = []
        self.busy_changes: list[bool] = []

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.busy_changes.append(busy)


@pytest.fixture
def probe(qtbot) -> Iterator[_Probe]:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    lane = DbLane()
    dialog = _Probe(lane, parent)
    dialog.show()
    yield dialog
    lane.wait()


def _gated(result: Callable[[], str]) -> tuple[threading.Event, Callable[[], str]]:
    gate = threading.Event()

    def job() -> str:
        assert gate.wait(WAIT_MS / 1000)
        return result()

    return gate, job


def test_the_dialog_shows_the_busy_cursor_while_a_busy_job_runs(qtbot, probe) -> None:
    gate, job = _gated(lambda: "saved")
    probe.run(job, probe.answers.append, busy=True)
    assert (probe.busy, probe.cursor().shape(), probe.busy_changes) == (True, Qt.CursorShape.BusyCursor, [True])
    gate.set()
    qtbot.waitUntil(lambda: probe.answers == ["saved"], timeout=WAIT_MS)
    assert (probe.busy, probe.cursor().shape()) == (False, Qt.CursorShape.ArrowCursor)
    assert probe.busy_changes == [True, False]


def test_an_answer_for_a_dialog_that_closed_meanwhile_is_dropped(qtbot, probe) -> None:
    gate, job = _gated(lambda: "late")
    probe.run(job, probe.answers.append, busy=True)
    probe.reject()  # the person closed it, or the idle lock did
    gate.set()
    qtbot.waitUntil(lambda: not probe.busy, timeout=WAIT_MS)
    qtbot.wait(50)
    assert probe.answers == []
    probe.show()  # opened again: its new work is answered
    probe.run(lambda: "again", probe.answers.append)
    qtbot.waitUntil(lambda: probe.answers == ["again"], timeout=WAIT_MS)


def test_a_refused_input_shows_beside_its_field_and_anything_else_in_the_general_label(qtbot, probe) -> None:
    def refuse_note() -> str:
        raise ValidationError("note", "太长")

    probe.run(refuse_note, probe.answers.append)
    note_error = probe.findChild(QLabel, "noteEditError")
    qtbot.waitUntil(note_error.isVisible, timeout=WAIT_MS)
    assert note_error.text() == "太长"
    general = probe.findChild(QLabel, "probeDialogError")
    assert not general.isVisible()

    def refuse_sign_in() -> str:
        raise AuthError("工号或密码不正确")

    probe.run(refuse_sign_in, probe.answers.append)
    qtbot.waitUntil(general.isVisible, timeout=WAIT_MS)
    assert general.text() == "工号或密码不正确" and not note_error.isVisible()
    assert probe.answers == [] and probe.findChild(QMessageBox) is None


def test_a_refused_change_is_reported_in_a_box_when_the_dialog_is_gone(qtbot, probe) -> None:
    gate = threading.Event()

    def refused_change() -> str:
        assert gate.wait(WAIT_MS / 1000)
        raise ValidationError("note", "已作废")

    parent = probe.parentWidget()
    probe.run(refused_change, probe.answers.append, busy=True, change=True)
    probe.reject()
    gate.set()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "errorMessageBox") is not None, timeout=WAIT_MS)
    assert "已作废" in parent.findChild(QMessageBox, "errorMessageBox").text()
    assert probe.answers == []
