"""The reports page: kind and date give the period; PDF and .xlsx are exported on the lane, then offered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from gui.context import AppContext
from gui.pages.reports import ReportsPage
from models import Branch, Role
from services.db import Database
from services.permissions import Actor
from tests.gui.support import child

WAIT_MS = 30_000


@pytest.fixture
def open_page(qtbot, db: Database) -> Iterator[Callable[[Actor], ReportsPage]]:  # type: ignore[no-untyped-def]
    contexts: list[AppContext] = []

    def make(actor: Actor) -> ReportsPage:
        ctx = AppContext(db, actor)
        contexts.append(ctx)
        page = ReportsPage(ctx)
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        ctx.lane.wait()
        QApplication.processEvents()  # deliver the lane's posted result (the branch count)
        return page

    yield make
    for ctx in contexts:
        ctx.lane.wait()


@pytest.fixture
def branch_day(f):  # type: ignore[no-untyped-def]
    lobby, teller, rm = f.staff(Role.LOBBY_MANAGER, name="赵大堂"), f.staff(Role.TELLER, name="孙柜员"), \
        f.staff(Role.RM, name="李理财")
    f.referral(lobby, rm, name="周一一")
    f.referral(lobby, rm, name="吴二二", status="pending")
    f.referral(teller, rm, name="郑三三")
    return f.actor(lobby)


def test_a_daily_pdf_is_exported_on_the_lane_with_a_busy_bar_then_offered(qtbot, db, branch_day, open_page,
                                                                           tmp_path, monkeypatch):
    page = open_page(branch_day)
    out = tmp_path / "daily.pdf"
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    with qtbot.waitSignal(page.report_exported, timeout=WAIT_MS) as signal:
        page.export_to(out)
        # The GUI thread is free while the lane works: busy bar on, controls off.
        assert child(page, QProgressBar, "reportProgressBar").isVisible()
        assert not child(page, QPushButton, "exportPdfButton").isEnabled()
        assert not child(page, QPushButton, "exportXlsxButton").isEnabled()
    assert signal.args == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "赵大堂" in text and "2026-11-20" in text
    assert not child(page, QProgressBar, "reportProgressBar").isVisible()
    assert child(page, QPushButton, "exportPdfButton").isEnabled()

    box = child(page, QMessageBox, "reportExportedBox")
    assert box.isVisible() and not box.isModal()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Open), Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(out))]


def test_an_xlsx_is_exported_from_the_button_with_the_chosen_path(qtbot, db, branch_day, open_page, tmp_path,
                                                                 monkeypatch):
    page = open_page(branch_day)
    asked: list[str] = []

    def ask(suffix: str) -> Path:
        asked.append(page.default_file_name(suffix))
        return tmp_path / "weekly.xlsx"

    monkeypatch.setattr(page, "_ask_path", ask)
    combo = child(page, QComboBox, "reportKindCombo")
    combo.setCurrentIndex(combo.findData("weekly"))
    assert "2026-11-16" in child(page, QLabel, "reportPeriodLabel").text()
    assert "2026-11-22" in child(page, QLabel, "reportPeriodLabel").text()
    with qtbot.waitSignal(page.report_exported, timeout=WAIT_MS):
        qtbot.mouseClick(child(page, QPushButton, "exportXlsxButton"), Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith("_2026-11-16_2026-11-22.xlsx")
    book = openpyxl.load_workbook(tmp_path / "weekly.xlsx", read_only=True)
    cells = {str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c}
    book.close()
    assert "赵大堂" in cells and "孙柜员" in cells


def test_monthly_uses_the_month_of_the_date_and_names_the_file_by_it(qtbot, db, branch_day, open_page, tmp_path):
    page = open_page(branch_day)
    combo = child(page, QComboBox, "reportKindCombo")
    combo.setCurrentIndex(combo.findData("monthly"))
    page.findChild(QWidget, "reportDateEdit").setDate(QDate(2026, 10, 17))
    assert child(page, QLabel, "reportPeriodLabel").text().count("2026-10-") == 2
    assert "2026-10-31" in child(page, QLabel, "reportPeriodLabel").text()
    assert page.default_file_name(".pdf").endswith("_2026-10.pdf")
    with qtbot.waitSignal(page.report_exported, timeout=WAIT_MS):
        page.export_to(tmp_path / "monthly.pdf")
    assert "2026-10" in "".join(p.extract_text() for p in PdfReader(tmp_path / "monthly.pdf").pages)


def test_a_failed_export_says_why_and_writes_nothing(qtbot, db, branch_day, open_page, tmp_path):
    page = open_page(branch_day)
    out = tmp_path / "no such folder" / "daily.pdf"
    with qtbot.waitSignal(page.export_failed, timeout=WAIT_MS):
        page.export_to(out)
    assert not out.exists()
    qtbot.waitUntil(lambda: child(page, QMessageBox, "errorMessageBox").isVisible(), timeout=WAIT_MS)
    assert child(page, QPushButton, "exportPdfButton").isEnabled()
    with qtbot.waitSignal(page.export_failed, timeout=WAIT_MS):
        page.export_to(tmp_path / "daily.docx")
    assert not list(tmp_path.glob("daily.*"))


def test_all_branches_is_offered_to_the_supervisor_only_when_there_are_several(qtbot, db, f, open_page, tmp_path):
    sup, lobby = f.actor(f.staff(Role.SUPERVISOR)), f.actor(f.staff(Role.LOBBY_MANAGER))
    assert not child(open_page(sup), QCheckBox, "allBranchesCheck").isVisible()
    with db.write() as s:
        s.add(Branch(code="0002", name="第二支行"))
    assert not child(open_page(lobby), QCheckBox, "allBranchesCheck").isVisible()
    page = open_page(sup)
    check = child(page, QCheckBox, "allBranchesCheck")
    assert check.isVisible()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))  # on the box itself
    assert check.isChecked()
    with qtbot.waitSignal(page.report_exported, timeout=WAIT_MS):
        page.export_to(tmp_path / "all.pdf")
    header = PdfReader(tmp_path / "all.pdf").pages[0].extract_text().splitlines()[:3]
    assert any("全部网点" in line for line in header) and not any("测试支行" in line for line in header)


def test_the_date_never_goes_past_today(qtbot, db, branch_day, open_page):
    page = open_page(branch_day)
    date_edit = page.findChild(QWidget, "reportDateEdit")
    assert date_edit.calendarPopup() and date_edit.maximumDate() == QDate(2026, 11, 20)
    assert page.day == dt.date(2026, 11, 20)
