"""The month's assessment submitted to the head office, in the GUI: the supervisor submits from the
assessment page (confirmation, the label saying when and whether the figures changed since, a stale
submission refused naming who); the head office sees every branch (one not submitted as such) and a
branch's RMs (docs/head-office.md "The monthly assessment figures")."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTableView, QWidget
from sqlalchemy import select

from gui.context import AppContext
from gui.itemmodels.head_office_assessment import BranchAssessmentModel, SubmittedRowsModel
from gui.pages.assessment import AssessmentPage
from gui.pages.head_office_assessment import HeadOfficeAssessmentPage
from gui.pages.registry import pages_for
from models import Branch, BranchSettings, Client, Role
from services import accounts, assessment, headoffice
from services.db import Database
from services.permissions import Actor
from tests.factories import PASSWORD
from tests.gui.support import child, click

WAIT_MS = 30_000


@pytest.fixture
def world(db, f):  # type: ignore[no-untyped-def]
    """Branch 0001 with two RMs and a supervisor, branch 0002 (one RM), and a head-office account."""
    rm = f.staff(Role.RM, name="李理财", staff_no="R01")
    f.staff(Role.RM, name="赵理财", staff_no="R02")
    sup = f.staff(Role.SUPERVISOR, name="孙主管", staff_no="S01")
    lobby = f.staff(Role.LOBBY_MANAGER, name="赵大堂")
    f.referral(lobby, rm, name="周一一")  # a client in the database, to look for on the head office's screen
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10, score_weights={},
                             interests=[]))
    accounts.add_staff(db, f.system, staff_no="Y01", name="冯理财", role="rm", password=PASSWORD,
                       must_change_password=False, branch_code="0002")
    ho = f.staff(Role.HEAD_OFFICE, name="分行汇总", staff_no="H0001")
    return rm, sup, ho


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


@pytest.fixture
def language(qapp):  # type: ignore[no-untyped-def]
    from gui.app import install_translators

    def use(lang: str) -> None:
        install_translators(qapp, lang)

    yield use
    install_translators(qapp, "zh_CN")


def _open(qtbot, page, signal: str):  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitSignal(getattr(page, signal), timeout=WAIT_MS):
        page.show()
        page.refresh()
    return page


def _box(qtbot, page: QWidget, name: str) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: (b := page.findChild(QMessageBox, name)) is not None and b.isVisible(), timeout=WAIT_MS)
    box = page.findChild(QMessageBox, name)
    assert box is not None
    return box


def _shot(widget: QWidget, name: str) -> None:
    where = os.environ.get("HOASSESS_SHOTS")
    if where:
        widget.grab().save(str(Path(where) / f"{name}.png"))


def test_the_head_office_page_is_the_head_offices_only():
    assert "headOfficeAssessmentPage" in {p.object_name for p in pages_for(Role.HEAD_OFFICE)}
    for role in (Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.MARKETING, Role.SUPERVISOR, Role.ADMIN):
        assert "headOfficeAssessmentPage" not in {p.object_name for p in pages_for(role)}


def test_the_supervisor_submits_and_the_label_follows_the_figures(qtbot, db, f, world, contexts, language):
    language("zh_CN")
    rm, sup, _ho = world
    page = _open(qtbot, AssessmentPage(contexts(f.actor(sup))), "assessment_loaded")
    button = child(page, QPushButton, "submitAssessmentButton")
    label = child(page, QLabel, "assessmentSubmissionLabel")
    assert button.isVisible() and button.text().startswith("报送总行")
    assert "尚未报送" in label.text()

    click(qtbot, button)  # a confirmation first; "No" writes nothing
    click(qtbot, _box(qtbot, page, "confirmSubmitAssessmentBox").button(QMessageBox.StandardButton.No))
    qtbot.wait(50)
    assert assessment.submission(db, f.actor(sup), db.today()) is None

    click(qtbot, button)
    box = _box(qtbot, page, "confirmSubmitAssessmentBox")
    with qtbot.waitSignal(page.assessment_submitted, timeout=WAIT_MS) as sent, \
            qtbot.waitSignal(page.assessment_loaded, timeout=WAIT_MS):
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    sub = sent.args[0]
    assert sub.version == 1 and [r.staff_no for r in sub.rows] == ["R01", "R02"]
    assert "孙主管" in label.text() and "未变" in label.text()
    _shot(page, "hoassess-assessment-zh")

    # The rating changes a figure: the label says the submitted figures are out of date.
    assessment.set_rating(db, f.actor(sup), rm.id, db.today(), 9, 0)
    with qtbot.waitSignal(page.assessment_loaded, timeout=WAIT_MS):
        page.refresh()
    assert "已变" in label.text()

    # Another supervisor submits meanwhile: this page's submission is refused naming them; nothing replaced.
    other = f.staff(Role.SUPERVISOR, name="周主管")
    assessment.submit(db, f.actor(other), db.today(), 1)
    general = child(page, QLabel, "assessmentGeneralError")
    page.submit(page.month)
    qtbot.waitUntil(lambda: general.isVisible() and "周主管" in general.text(), timeout=WAIT_MS)
    kept = assessment.submission(db, f.actor(sup), db.today())
    assert kept is not None and kept.version == 2 and kept.submitted_by == "周主管"


def test_an_rm_has_no_submit_button(qtbot, db, f, world, contexts):
    rm, _sup, _ho = world
    page = _open(qtbot, AssessmentPage(contexts(f.actor(rm))), "assessment_loaded")
    assert not child(page, QPushButton, "submitAssessmentButton").isVisible()
    assert not child(page, QLabel, "assessmentSubmissionLabel").isVisible()


def test_the_head_office_sees_each_branch_and_a_branchs_rms_and_no_client(qtbot, db, f, world, contexts):
    _rm, sup, ho = world
    sent = assessment.submit(db, f.actor(sup), db.today(), 0)
    page = _open(qtbot, HeadOfficeAssessmentPage(contexts(f.actor(ho))), "branches_loaded")
    table = child(page, QTableView, "headOfficeAssessmentTable")
    model = table.model()
    assert isinstance(model, BranchAssessmentModel)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    average = f"{(sum(r.total for r in sent.rows) / 2).quantize(Decimal('0.1'), ROUND_HALF_UP):.1f}"
    assert rows[0][0] == "0001"
    assert rows[0][3] == "孙主管（S01）" and rows[0][4] == "2" and rows[0][5] == average
    assert rows[1][0] == "0002" and rows[1][2] == "未报送" and set(rows[1][3:]) == {"—"}  # never zeros
    assert "2" in child(page, QLabel, "headOfficeAssessmentCountLabel").text()
    rms = child(page, QTableView, "headOfficeAssessmentRmTable").model()
    assert isinstance(rms, SubmittedRowsModel)
    qtbot.waitUntil(lambda: rms.rowCount() == 2, timeout=WAIT_MS)
    assert [rms.index(r, 1).data() for r in range(2)] == ["李理财", "赵理财"]
    assert rms.index(0, 6).data() == f"{sent.rows[0].total:.1f}"
    with qtbot.waitSignal(page.branch_loaded, timeout=WAIT_MS) as second:
        table.selectRow(1)
    assert second.args[0] is None and rms.rowCount() == 0
    assert "未报送" in child(page, QLabel, "headOfficeAssessmentBranchLabel").text()
    with db.read() as s:
        names = list(s.scalars(select(Client.name)))
    seen = "\n".join(str(model.index(r, c).data()) for r in range(model.rowCount())
                     for c in range(model.columnCount())) + "\n".join(w.text() for w in page.findChildren(QLabel))
    assert names and not [n for n in names if n in seen]


def test_the_head_office_exports_the_table_as_pdf_and_xlsx(qtbot, db, f, world, contexts, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from tests.reports.conftest import pdf_text

    _rm, sup, ho = world
    assessment.submit(db, f.actor(sup), db.today(), 0)
    page = _open(qtbot, HeadOfficeAssessmentPage(contexts(f.actor(ho))), "branches_loaded")
    out = tmp_path / "汇总.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(out), "")))
    with qtbot.waitSignal(page.table_exported, timeout=WAIT_MS):
        click(qtbot, child(page, QPushButton, "exportHeadOfficeAssessmentButton"))
    text = " ".join(pdf_text(out).split())
    assert "孙主管（S01）" in text and "0002 第二支行 未报送" in text
    assert "汇总.pdf" in child(page, QLabel, "headOfficeAssessmentExportLabel").text()
    xlsx = tmp_path / "汇总"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(xlsx), page.tr("Excel workbook (*.xlsx)"))))
    with qtbot.waitSignal(page.table_exported, timeout=WAIT_MS) as done:
        click(qtbot, child(page, QPushButton, "exportHeadOfficeAssessmentButton"))
    assert done.args[0].endswith("汇总.xlsx")
    rows = list(load_workbook(done.args[0]).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:3]] == ["0001", "0002"] and rows[2][2] == "未报送"
    with db.read() as s:
        names = list(s.scalars(select(Client.name)))
    cells = "\n".join(str(v) for r in rows for v in r if v is not None)
    assert names and not [n for n in names if n in text or n in cells]


def test_the_pages_in_chinese_and_english(qtbot, db, f, world, contexts, language, tmp_path):
    """Rendered offscreen in both languages; HOASSESS_SHOTS=DIR keeps the PNGs, to look at."""
    _rm, sup, ho = world
    assessment.submit(db, f.actor(sup), db.today(), 0)
    for lang in ("zh_CN", "en"):
        language(lang)
        page = _open(qtbot, HeadOfficeAssessmentPage(contexts(f.actor(ho))), "branches_loaded")
        qtbot.waitUntil(lambda p=page: p.rms.rowCount() == 2, timeout=WAIT_MS)
        header = page.model.headerData(2, Qt.Orientation.Horizontal)
        assert header == ("报送时间" if lang == "zh_CN" else "Submitted")
        _shot(page, f"hoassess-headoffice-{lang}")
        boss = _open(qtbot, AssessmentPage(contexts(f.actor(sup))), "assessment_loaded")
        assert child(boss, QLabel, "assessmentSubmissionLabel").text()
        _shot(boss, f"hoassess-assessment-{lang}")
        page.close()
        boss.close()


def test_the_models_pass_the_model_tester(qtmodeltester, db, f, world):
    _rm, sup, ho = world
    assessment.submit(db, f.actor(sup), db.today(), 0)
    lines = BranchAssessmentModel()
    got = headoffice.assessment_by_branch(db, f.actor(ho), db.today())
    lines.set_rows(got)
    qtmodeltester.check(lines)
    assert lines.rowCount() == 2 and lines.columnCount() == 12
    rms = SubmittedRowsModel()
    sub = headoffice.assessment_of_branch(db, f.actor(ho), got[0].branch.id, db.today())
    assert sub is not None
    rms.set_rows(sub.rows)
    qtmodeltester.check(rms)
    assert rms.rowCount() == 2
