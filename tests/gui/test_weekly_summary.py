"""The weekly summary page: an RM types findings and submits; a refused submit keeps the text beside its
message; a supervisor sees the branch's week, reads each RM's findings and exports the roll-up."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPlainTextEdit, QPushButton, QTableView, QWidget

from gui.context import AppContext
from gui.itemmodels.weekly import WeeklyBranchModel, WeeklyFiguresModel, state_colour
from gui.pages.weekly_summary import WeeklySummaryPage
from services import weekly
from services.db import Database
from services.i18n import msg
from services.permissions import Actor
from services.weekly import SummaryState
from tests.gui.support import child, click, type_text
from tests.reports.conftest import pdf_text
from tests.weekly_support import FRIDAY_DUE, MONDAY, R01_WEEK, R02_WEEK, seed_week

WAIT_MS = 30_000
UTC = dt.timezone.utc


@pytest.fixture(autouse=True)
def chinese(qapp):  # type: ignore[no-untyped-def]
    """The interface in 简体中文, as a signed-in window has it (the page is built here without one)."""
    from gui.app import install_translators

    install_translators(qapp, "zh_CN")


@pytest.fixture
def week(db, f, clock):  # type: ignore[no-untyped-def]
    return seed_week(db, f, clock)


@pytest.fixture
def open_page(qtbot, db: Database) -> Iterator[Callable[[Actor], WeeklySummaryPage]]:  # type: ignore[no-untyped-def]
    contexts: list[AppContext] = []

    def make(actor: Actor) -> WeeklySummaryPage:
        ctx = AppContext(db, actor)
        contexts.append(ctx)
        page = WeeklySummaryPage(ctx)
        qtbot.addWidget(page)
        page.resize(1100, 720)
        with qtbot.waitSignal(page.week_loaded, timeout=WAIT_MS):
            page.show()
            page.refresh()
        return page

    yield make
    for ctx in contexts:
        ctx.close()  # stops the page's change watcher
        ctx.lane.wait()


def _figures(page: WeeklySummaryPage) -> WeeklyFiguresModel:
    model = child(page, QTableView, "weeklyFiguresTable").model()
    assert isinstance(model, WeeklyFiguresModel)
    return model


def _grab(page: QWidget, name: str) -> None:
    """Screenshots for a person to look at, when asked for (LOBBYDESK_SHOTS=dir)."""
    where = os.environ.get("LOBBYDESK_SHOTS")
    if where:
        QApplication.processEvents()
        page.grab().save(str(Path(where) / f"{name}.png"))


def test_an_rm_types_findings_and_submits_on_time(qtbot, db, f, week, open_page, clock):
    page = open_page(f.actor(week.rm1))
    figures = _figures(page)
    assert figures.value("contacts") == "4" and figures.value("deal_amount") == "12,345.60"
    assert figures.value("overdue") == "1" and figures.value("appointments_held") == "1"
    state = child(page, QLabel, "weeklyStateLabel")
    assert state.text() == "未提交"
    edit = child(page, QPlainTextEdit, "weeklyFindingsEdit")
    button = child(page, QPushButton, "submitWeeklySummaryButton")
    assert button.isEnabled() and not edit.isReadOnly()
    type_text(qtbot, edit, "客户甲想买稳健理财；建议周六加开沙龙。")
    _grab(page, "weekly-rm-zh")
    with qtbot.waitSignal(page.summary_submitted, timeout=WAIT_MS) as signal:
        click(qtbot, button)
    view = signal.args[0]
    assert view.state is SummaryState.ON_TIME and view.figures == R01_WEEK
    assert state.text().startswith("已按时提交") and "2026-11-20 10:00" in state.text()
    assert edit.isReadOnly() and edit.toPlainText() == "客户甲想买稳健理财；建议周六加开沙龙。"
    assert not button.isEnabled()
    stored = weekly.summary(db, f.actor(week.sup), week.rm1.id, MONDAY).findings
    assert stored == "客户甲想买稳健理财；建议周六加开沙龙。"


def test_empty_findings_are_refused_beside_the_field_and_nothing_is_written(qtbot, db, f, week, open_page):
    page = open_page(f.actor(week.rm1))
    type_text(qtbot, child(page, QPlainTextEdit, "weeklyFindingsEdit"), "   ")
    click(qtbot, child(page, QPushButton, "submitWeeklySummaryButton"))
    error = child(page, QLabel, "weeklyFindingsEditError")
    qtbot.waitUntil(lambda: error.isVisible(), timeout=WAIT_MS)
    assert error.text() == msg("required")
    assert weekly.summary(db, f.actor(week.rm1), week.rm1.id, MONDAY).state is SummaryState.NOT_SUBMITTED


def test_submitted_elsewhere_first_is_refused_and_the_typed_text_stays(qtbot, db, f, week, open_page, clock):
    """Another workstation of the same RM submitted the week after this page loaded: told beside the field."""
    page = open_page(f.actor(week.rm1))
    clock.now = (FRIDAY_DUE + dt.timedelta(minutes=1)).astimezone(UTC)
    weekly.submit(db, f.actor(week.rm1), MONDAY, "在另一台电脑上提交的")
    edit = child(page, QPlainTextEdit, "weeklyFindingsEdit")
    type_text(qtbot, edit, "这里写的也要留着")
    click(qtbot, child(page, QPushButton, "submitWeeklySummaryButton"))
    error = child(page, QLabel, "weeklyFindingsEditError")
    qtbot.waitUntil(lambda: error.isVisible(), timeout=WAIT_MS)
    assert error.text() == msg("weekly_already_submitted", at="2026-11-20 17:31")
    assert edit.toPlainText() == "这里写的也要留着"


def test_late_after_friday_1730(qtbot, db, f, week, open_page, clock):
    clock.now = (FRIDAY_DUE + dt.timedelta(minutes=1)).astimezone(UTC)  # Friday 17:31
    page = open_page(f.actor(week.rm1))
    assert child(page, QLabel, "weeklyStateLabel").text() == "未交（已过期限）"
    type_text(qtbot, child(page, QPlainTextEdit, "weeklyFindingsEdit"), "迟了一分钟")
    with qtbot.waitSignal(page.summary_submitted, timeout=WAIT_MS):
        click(qtbot, child(page, QPushButton, "submitWeeklySummaryButton"))
    assert child(page, QLabel, "weeklyStateLabel").text().startswith("迟交")


def test_a_supervisor_sees_the_branchs_week_reads_findings_and_exports(qtbot, db, f, week, open_page, clock,
                                                                       tmp_path, monkeypatch):
    weekly.submit(db, f.actor(week.rm1), MONDAY, "王理财：客户需求稳健。")
    clock.now = (FRIDAY_DUE + dt.timedelta(hours=1)).astimezone(UTC)
    weekly.submit(db, f.actor(week.rm2), MONDAY, "刘理财：联系较少。")
    page = open_page(f.actor(week.sup))
    table = child(page, QTableView, "weeklyBranchTable")
    model = table.model()
    assert isinstance(model, WeeklyBranchModel)
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == ["已按时提交", "迟交", "未交（已过期限）"]
    assert child(page, QLabel, "weeklyStateLabel").text() == "1 人按时 · 1 人迟交 · 1 人未交 · 0 人未到期"
    edit = child(page, QPlainTextEdit, "weeklyFindingsEdit")
    assert edit.isReadOnly() and edit.toPlainText() == "王理财：客户需求稳健。"
    assert not child(page, QPushButton, "submitWeeklySummaryButton").isVisible()
    table.selectRow(1)
    assert edit.toPlainText() == "刘理财：联系较少。" and _figures(page).value("contacts") == str(R02_WEEK.contacts)
    _grab(page, "weekly-supervisor-zh")

    out = tmp_path / "roll-up.pdf"

    def answer(*_args: object, **_kw: object) -> tuple[str, str]:
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    with qtbot.waitSignal(page.rollup_exported, timeout=WAIT_MS) as signal:
        click(qtbot, child(page, QPushButton, "exportWeeklyPdfButton"))
    assert signal.args == [str(out)]
    text = " ".join(pdf_text(out).split())
    assert "R01 王理财 按时" in text and "刘理财：联系较少。" in text
    xlsx = tmp_path / "roll-up.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(xlsx), "")))
    with qtbot.waitSignal(page.rollup_exported, timeout=WAIT_MS):
        click(qtbot, child(page, QPushButton, "exportWeeklyXlsxButton"))
    assert xlsx.read_bytes().startswith(b"PK")


def test_a_summary_submitted_elsewhere_appears_on_the_supervisors_page(qtbot, db, f, week, open_page):
    page = open_page(f.actor(week.sup))
    model = child(page, QTableView, "weeklyBranchTable").model()
    assert model.index(0, 2).data() == "未提交"
    weekly.submit(db, f.actor(week.rm1), MONDAY, "另一台电脑提交")  # as another workstation would
    qtbot.waitUntil(lambda: model.index(0, 2).data() == "已按时提交", timeout=WAIT_MS)
    assert child(page, QPlainTextEdit, "weeklyFindingsEdit").toPlainText() == "另一台电脑提交"


def test_the_idle_lock_clears_the_findings(qtbot, db, f, week, open_page):
    weekly.submit(db, f.actor(week.rm1), MONDAY, "不该留在锁屏后")
    page = open_page(f.actor(week.sup))
    page.clear_sensitive()
    assert child(page, QPlainTextEdit, "weeklyFindingsEdit").toPlainText() == ""
    assert _figures(page).rowCount() == 0 and child(page, QTableView, "weeklyBranchTable").model().rowCount() == 0


def test_every_summary_state_has_a_colour_of_its_own() -> None:
    # The colours are keyed by the states' values, so the page need not import the service at start-up.
    colours = {state: state_colour(state).name() for state in SummaryState}
    assert len(set(colours.values())) == len(SummaryState)


def test_the_item_models_pass_the_model_tester(qtbot, qtmodeltester, db, f, week):
    figures = WeeklyFiguresModel()
    figures.set_figures(R01_WEEK)
    qtmodeltester.check(figures)
    branch = WeeklyBranchModel()
    branch.set_rows(weekly.branch_week(db, f.actor(week.sup), MONDAY).rows)
    qtmodeltester.check(branch)
    branch.clear()
    qtmodeltester.check(branch)


def test_an_rm_signs_in_and_finds_the_weekly_page(qtbot, f, week, launch_window):
    window = launch_window(week.rm1.staff_no)
    window.show_page("weeklySummaryPage")  # type: ignore[attr-defined]
    page = window.findChild(WeeklySummaryPage, "weeklySummaryPage")
    assert page is not None
    qtbot.waitUntil(lambda: _figures(page).value("contacts") == "4", timeout=WAIT_MS)
