"""The targets and assessment pages as the supervisor and as an RM; the weights section on its own
(docs/assessment.md). The figures shown come from the services; the tests check what a person sees."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from gui.context import AppContext
from gui.dialogs.assessment_item import AssessmentItemDialog
from gui.itemmodels.assessment import AssessmentModel, FiguresModel, SourcesModel
from gui.itemmodels.targets import TargetsModel
from gui.pages.assessment import AssessmentPage
from gui.pages.registry import pages_for
from gui.pages.targets import TargetsPage
from gui.widgets.assessment_weights import AssessmentWeightsSection
from gui.widgets.bar_chart import BarChart
from gui.widgets.target_progress import TargetProgress
from models import Role
from services import assessment, targets
from services.db import Database
from services.permissions import Actor
from tests.gui.support import child, click, type_text
from tests.reports.conftest import pdf_text
from tests.services.test_targets_assessment import GOOD, NOV, _record_work

WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def chinese(qapp):  # type: ignore[no-untyped-def]
    from gui.app import install_translators

    install_translators(qapp, "zh_CN")


@pytest.fixture
def crew(db, f):  # type: ignore[no-untyped-def]
    rm = f.staff(Role.RM, name="李理财", staff_no="R01")
    other = f.staff(Role.RM, name="赵理财", staff_no="R02")
    sup = f.staff(Role.SUPERVISOR, staff_no="S01")
    ids = _record_work(db, sup.branch_id, rm.id)
    return rm, other, sup, ids


@pytest.fixture
def contexts(db: Database) -> Iterator[Callable[[Actor], AppContext]]:
    made: list[AppContext] = []

    def make(actor: Actor) -> AppContext:
        ctx = AppContext(db, actor)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()
        ctx.lane.wait()


def _open(qtbot, page: Any, signal: str) -> Any:  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1100, 760)
    with qtbot.waitSignal(getattr(page, signal), timeout=WAIT_MS):
        page.show()
        page.refresh()
    return page


def _grab(widget: QWidget, name: str) -> None:
    """Screenshots for a person to look at, when asked for (LOBBYDESK_SHOTS=dir)."""
    where = os.environ.get("LOBBYDESK_SHOTS")
    if where:
        QApplication.processEvents()
        widget.grab().save(str(Path(where) / f"{name}.png"))


def test_the_pages_are_for_the_supervisor_and_rms_only():
    for role in (Role.RM, Role.SUPERVISOR):
        names = {p.object_name for p in pages_for(role)}
        assert {"targetsPage", "assessmentPage"} <= names
    for role in (Role.TELLER, Role.LOBBY_MANAGER, Role.MARKETING, Role.ADMIN):
        names = {p.object_name for p in pages_for(role)}
        assert not names & {"targetsPage", "assessmentPage"}


def test_the_supervisor_sets_targets_and_sees_progress_as_bars(qtbot, db, f, crew, contexts):
    rm, _other, sup, _ids = crew
    page = _open(qtbot, TargetsPage(contexts(f.actor(sup))), "progress_loaded")
    model = child(page, QTableView, "targetsTable").model()
    assert isinstance(model, TargetsModel)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["R01", "R02"]
    assert model.index(0, 4).data() == "3 / —"  # contacts, no target yet
    edits = {name: child(page, QLineEdit, name) for name in ("targetNewPremiumEdit", "targetConvertedEdit",
                                                             "targetContactsEdit", "targetMaintenanceEdit",
                                                             "targetAumEdit")}
    for name, text in zip(edits, ("2", "4", "-1", "4", "1000000.50"), strict=True):
        edits[name].clear()
        type_text(qtbot, edits[name], text)
    click(qtbot, child(page, QPushButton, "saveTargetsButton"))
    error = child(page, QLabel, "targetContactsEditError")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=WAIT_MS)
    assert edits["targetAumEdit"].text() == "1000000.50"  # what was typed stays
    assert targets.get_targets(db, f.actor(sup), rm.id, NOV).target is None  # nothing written
    edits["targetContactsEdit"].clear()
    type_text(qtbot, edits["targetContactsEdit"], "10")
    with qtbot.waitSignal(page.progress_loaded, timeout=WAIT_MS):
        click(qtbot, child(page, QPushButton, "saveTargetsButton"))
    assert not error.isVisible()
    assert model.index(0, 4).data() == "3 / 10" and model.index(0, 6).data() == "300,000.25 / 1,000,000.50"
    chart = child(page, BarChart, "targetsChart")
    assert [round(b.ratio or 0, 2) for b in chart.bars()] == [0.5, 0.25, 0.3, 0.25, 0.3]
    _grab(page, "targets-supervisor-zh")
    child(page, QTableView, "targetsTable").selectRow(1)
    assert [b.ratio for b in chart.bars()] == [None] * 5 and edits["targetContactsEdit"].text() == ""


def test_an_rm_sees_only_their_own_progress_and_cannot_set_targets(qtbot, db, f, crew, contexts):
    rm, _other, sup, _ids = crew
    targets.set_targets(db, f.actor(sup), rm.id, NOV, GOOD, 0)
    page = _open(qtbot, TargetsPage(contexts(f.actor(rm))), "progress_loaded")
    model = child(page, QTableView, "targetsTable").model()
    assert model.rowCount() == 1 and model.index(0, 0).data() == "R01"
    assert not child(page, QPushButton, "saveTargetsButton").isVisible()
    desk = TargetProgress(contexts(f.actor(rm)))
    qtbot.addWidget(desk)
    with qtbot.waitSignal(desk.loaded, timeout=WAIT_MS) as signal:
        desk.refresh()
    assert signal.args[0].actual.contacts == 3
    assert [b.text for b in child(desk, BarChart, "targetProgressChart").bars()][2] == "3 / 10"
    desk.clear_sensitive()
    assert child(desk, BarChart, "targetProgressChart").bars() == ()


def test_the_assessment_traces_a_figure_to_its_records_and_takes_rating_and_items(
        qtbot, db, f, crew, contexts, tmp_path, monkeypatch):
    rm, _other, sup, ids = crew
    targets.set_targets(db, f.actor(sup), rm.id, NOV, GOOD, 0)
    ctx = contexts(f.actor(sup))
    page = _open(qtbot, AssessmentPage(ctx), "assessment_loaded")
    model = child(page, QTableView, "assessmentTable").model()
    assert isinstance(model, AssessmentModel)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["R01", "R02"]
    assert model.index(0, 2).data() == "12.8"  # marketing, as the service computed it
    figures_table = child(page, QTableView, "assessmentFiguresTable")
    figures = figures_table.model()
    assert isinstance(figures, FiguresModel)
    row = next(r for r in range(figures.rowCount()) if figures.row_at(r).key == "process_follow_ups")
    with qtbot.waitSignal(page.sources_opened, timeout=WAIT_MS) as opened:
        figures_table.doubleClicked.emit(figures.index(row, 1))
    dialog = opened.args[0]
    sources = child(dialog, QTableView, "assessmentSourcesTable").model()
    assert isinstance(sources, SourcesModel)
    assert [sources.index(r, 1).data() for r in range(sources.rowCount())] == [str(ids["late"])]
    assert sources.index(0, 3).data() == "欧**娜"  # masked
    _grab(dialog, "assessment-sources-zh")
    dialog.close()

    rating = child(page, QLineEdit, "ratingEdit")
    type_text(qtbot, rating, "11")
    click(qtbot, child(page, QPushButton, "saveRatingButton"))
    error = child(page, QLabel, "ratingEditError")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=WAIT_MS)
    assert rating.text() == "11"
    rating.clear()
    type_text(qtbot, rating, "7")
    with qtbot.waitSignal(page.assessment_loaded, timeout=WAIT_MS):
        click(qtbot, child(page, QPushButton, "saveRatingButton"))
    assert page.selected().rating == 7 and page.selected().figure("process_rating").points == Decimal("5.6")

    dialog = AssessmentItemDialog(ctx, rm.id, rm.name, NOV, page)
    qtbot.addWidget(dialog)
    dialog.open()
    type_text(qtbot, child(dialog, QLineEdit, "itemPointsEdit"), "25")
    click(qtbot, child(dialog, QPushButton, "saveItemButton"))
    points_error = child(dialog, QLabel, "itemPointsEditError")
    reason_error = child(dialog, QLabel, "itemReasonEditError")
    qtbot.waitUntil(lambda: points_error.isVisible() and reason_error.isVisible(), timeout=WAIT_MS)
    assert dialog.isVisible()
    child(dialog, QLineEdit, "itemPointsEdit").clear()
    type_text(qtbot, child(dialog, QLineEdit, "itemPointsEdit"), "5")
    type_text(qtbot, child(dialog, QLineEdit, "itemReasonEdit"), "挽留客户成功")
    dialog.item_added.connect(lambda _i: page.refresh())
    with qtbot.waitSignal(page.assessment_loaded, timeout=WAIT_MS):
        click(qtbot, child(dialog, QPushButton, "saveItemButton"))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert model.index(0, 5).data() == "5.0"
    _grab(page, "assessment-supervisor-zh")

    out = tmp_path / "考核.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(out), "")))
    with qtbot.waitSignal(page.sheet_exported, timeout=WAIT_MS):
        click(qtbot, child(page, QPushButton, "exportAssessmentButton"))
    text = " ".join(pdf_text(out).split())
    assert f"R01 李理财 12.8 {page.selected().service:.1f} {page.selected().process:.1f} 5.0" in text
    xlsx = tmp_path / "考核"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(xlsx), page.tr("Excel workbook (*.xlsx)"))))
    with qtbot.waitSignal(page.sheet_exported, timeout=WAIT_MS) as done:
        click(qtbot, child(page, QPushButton, "exportAssessmentButton"))
    assert done.args[0].endswith("考核.xlsx") and Path(done.args[0]).is_file()


def test_an_rm_sees_their_own_assessment_without_the_supervisors_controls(qtbot, db, f, crew, contexts):
    rm, _other, _sup, _ids = crew
    page = _open(qtbot, AssessmentPage(contexts(f.actor(rm))), "assessment_loaded")
    model = child(page, QTableView, "assessmentTable").model()
    assert model.rowCount() == 1 and model.index(0, 0).data() == "R01"
    assert not child(page, QPushButton, "saveRatingButton").isVisible()
    assert not child(page, QPushButton, "addAssessmentItemButton").isVisible()
    assert child(page, QPushButton, "exportAssessmentButton").isVisible()


def test_the_weights_section_refuses_a_bad_sum_and_saves_a_good_one(qtbot, db, f, crew, contexts):
    _rm, _other, sup, _ids = crew
    section = AssessmentWeightsSection(contexts(f.actor(sup)))
    qtbot.addWidget(section)
    section.show()
    with qtbot.waitSignal(section.loaded, timeout=WAIT_MS):
        section.refresh()
    marketing = child(section, QLineEdit, "weightMarketingEdit")
    assert marketing.text() == "40"
    marketing.clear()
    type_text(qtbot, marketing, "50")
    click(qtbot, child(section, QPushButton, "saveAssessmentWeightsButton"))
    error = child(section, QLabel, "weightsSumError")
    qtbot.waitUntil(lambda: error.isVisible() and "100" in error.text(), timeout=WAIT_MS)
    assert assessment.weights(db, f.actor(sup)).version == 0
    service = child(section, QLineEdit, "weightServiceEdit")
    service.clear()
    type_text(qtbot, service, "10")
    with qtbot.waitSignal(section.saved, timeout=WAIT_MS):
        click(qtbot, child(section, QPushButton, "saveAssessmentWeightsButton"))
    assert assessment.weights(db, f.actor(sup)).weights == assessment.Weights(50, 10, 40, 20)
    assert not error.isVisible()
    _grab(section, "assessment-weights-zh")


def test_the_item_models_pass_the_model_tester(qtmodeltester, db, f, crew):
    rm, _other, sup, _ids = crew
    targets.set_targets(db, f.actor(sup), rm.id, NOV, GOOD, 0)
    progress = TargetsModel()
    progress.set_rows(targets.progress(db, f.actor(sup), NOV))
    qtmodeltester.check(progress)
    sheets = assessment.assess(db, f.actor(sup), NOV)
    rms = AssessmentModel()
    rms.set_rows(sheets)
    qtmodeltester.check(rms)
    figures = FiguresModel()
    figures.set_rows(sheets[0].figures)
    qtmodeltester.check(figures)
    sources = SourcesModel()
    sources.set_rows(sheets[0].figure("contacts").sources)
    qtmodeltester.check(sources)
