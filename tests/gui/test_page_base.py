"""The Page base: typed answers, stale answers dropped, the busy state, errors shown one way."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.pages.base import Page
from services.errors import ValidationError

WAIT_MS = 5000


class _Probe(Page):
    """A page that records what reached it."""

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, "probePage")
        self.answers: list[object] = []
        self.busy_changes: list[bool] = []
        self.failures: list[BaseException] = []

    def refresh(self) -> None:
        super().refresh()

    def set_busy(self, busy: bool) -> None:
        self.busy_changes.append(busy)


@pytest.fixture
def probe(qtbot, desk):  # type: ignore[no-untyped-def]
    page = _Probe(desk.ctx(desk.lobby))
    qtbot.addWidget(page)
    yield page
    page.ctx.lane.wait()


def _gated() -> tuple[threading.Event, object]:
    gate = threading.Event()

    def job() -> str:
        assert gate.wait(WAIT_MS / 1000)
        return "slow"

    return gate, job


def test_only_the_newest_answer_for_a_key_arrives(qtbot, probe) -> None:
    gate, slow = _gated()
    probe.run(slow, probe.answers.append, key="search")  # an earlier keystroke, still running
    probe.run(lambda: "fast", probe.answers.append, key="search")
    probe.run(lambda: "other key", probe.answers.append, key="choices")
    gate.set()
    probe.ctx.lane.wait()
    qtbot.waitUntil(lambda: "fast" in probe.answers, timeout=WAIT_MS)
    qtbot.wait(50)
    assert probe.answers == ["fast", "other key"]


def test_clear_sensitive_drops_every_answer_in_flight_until_refresh(qtbot, probe) -> None:
    gate, slow = _gated()
    probe.run(slow, probe.answers.append)
    probe.clear_sensitive()
    assert probe.cleared
    gate.set()
    probe.ctx.lane.wait()
    qtbot.wait(50)
    assert probe.answers == []
    probe.refresh()
    assert not probe.cleared
    probe.run(lambda: "after unlock", probe.answers.append)
    qtbot.waitUntil(lambda: probe.answers == ["after unlock"], timeout=WAIT_MS)


def test_busy_is_true_while_a_busy_job_runs_and_set_busy_hears_both_edges(qtbot, probe) -> None:
    gate, slow = _gated()
    probe.run(slow, probe.answers.append, busy=True)
    assert probe.busy and probe.busy_changes == [True]
    gate.set()
    qtbot.waitUntil(lambda: probe.answers == ["slow"], timeout=WAIT_MS)
    assert not probe.busy and probe.busy_changes == [True, False]


def test_a_failure_goes_to_failed_or_to_an_error_box(qtbot, probe) -> None:
    def refuse() -> None:
        raise ValidationError("note", "太长")

    probe.run(refuse, probe.answers.append, failed=probe.failures.append)
    qtbot.waitUntil(lambda: len(probe.failures) == 1, timeout=WAIT_MS)
    assert isinstance(probe.failures[0], ValidationError)

    probe.run(refuse, probe.answers.append)
    qtbot.waitUntil(lambda: probe.findChild(QMessageBox, "errorMessageBox") is not None, timeout=WAIT_MS)
    assert "太长" in probe.findChild(QMessageBox, "errorMessageBox").text()
    assert probe.answers == []


def test_a_refused_change_is_reported_even_after_the_page_was_cleared(qtbot, probe) -> None:
    gate = threading.Event()

    def refused_change() -> None:
        assert gate.wait(WAIT_MS / 1000)
        raise ValidationError("void_reason", "已作废")

    probe.run(refused_change, probe.answers.append, failed=probe.failures.append, change=True)
    probe.clear_sensitive()
    gate.set()
    qtbot.waitUntil(lambda: probe.findChild(QMessageBox, "errorMessageBox") is not None, timeout=WAIT_MS)
    assert probe.failures == [], "the page's own handler is for a current answer only"
