"""The head office's window, signed in as head_office: its three pages, the sortable ranking, the
monthly figures, the consolidated exports read back; no client's data on any of them."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QTableView
from sqlalchemy import select

from gui.itemmodels.branch_figures import BranchMonthModel, BranchRankingModel
from models import Branch, BranchSettings, Client, Role
from services import accounts, headoffice
from tests.factories import PASSWORD
from tests.gui.support import child, type_text
from tests.gui.window_support import WAIT_MS, wait_idle


@pytest.fixture
def two_branches(db, f):  # type: ignore[no-untyped-def]
    """Branch 0001 (three referrals) and 0002 (one), and a head-office account."""
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=[]))
    lobby, rm = f.staff(Role.LOBBY_MANAGER, name="赵大堂"), f.staff(Role.RM, name="李理财")
    f.referral(lobby, rm, name="周一一")
    f.referral(lobby, rm, name="吴二二", status="pending")
    f.referral(lobby, rm, name="郑三三")
    teller_b, _ = accounts.add_staff(db, f.system, staff_no="X01", name="钱柜员", role="teller",
                                     password=PASSWORD, must_change_password=False, branch_code="0002")
    rm_b, _ = accounts.add_staff(db, f.system, staff_no="Y01", name="冯理财", role="rm",
                                 password=PASSWORD, must_change_password=False, branch_code="0002")
    f.referral(teller_b, rm_b, name="王四四")
    return f.staff(Role.HEAD_OFFICE, name="分行汇总", staff_no="H0001")


def _client_texts(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        rows = s.execute(select(Client.name, Client.mobile)).all()
    return [v for row in rows for v in row if v] + [m[-4:] for _, m in rows if m]


def _model_texts(model: QAbstractItemModel) -> str:
    return "\n".join(str(model.index(r, c).data() or "") for r in range(model.rowCount())
                     for c in range(model.columnCount()))


def _open(qtbot, launch_window, who) -> QMainWindow:  # type: ignore[no-untyped-def]
    window = launch_window(who.staff_no)
    wait_idle(qtbot, window)
    return window


def test_the_head_office_window_shows_every_branch_and_no_client(qtbot, db, two_branches, launch_window, tmp_path):
    window = _open(qtbot, launch_window, two_branches)
    assert window.actor.branch_id is None  # type: ignore[attr-defined]
    assert window.page_names == ["headOfficeReportsPage", "branchRankingPage", "branchMonthPage",  # type: ignore[attr-defined]
                                 "headOfficeAssessmentPage", "branchesPage"]
    assert "分行管理" in child(window, QLabel, "statusUserLabel").text()

    window.show_page("branchRankingPage")  # type: ignore[attr-defined]
    wait_idle(qtbot, window)
    ranking = child(window, QTableView, "branchRankingTable")
    model = ranking.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=WAIT_MS)
    # sorted by referrals, most first: 0001 (3) above 0002 (1)
    assert [model.index(r, 0).data() for r in range(2)] == ["0001", "0002"]
    ranking.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(2)] == ["0002", "0001"]
    assert [model.index(r, 2).data() for r in range(2)] == ["1", "3"]

    window.show_page("branchMonthPage")  # type: ignore[attr-defined]
    wait_idle(qtbot, window)
    month = child(window, QTableView, "branchMonthTable").model()
    qtbot.waitUntil(lambda: month.rowCount() == 2, timeout=WAIT_MS)
    assert month.index(0, 2).data() == "3 / 0"  # this month / the month before

    window.show_page("headOfficeReportsPage")  # type: ignore[attr-defined]
    page = window.page("headOfficeReportsPage")  # type: ignore[attr-defined]
    for suffix in (".pdf", ".xlsx"):
        out = tmp_path / f"all{suffix}"
        with qtbot.waitSignal(page.report_exported, timeout=WAIT_MS):
            page.export_to(out)
        page._close_done_box()
        assert out.exists()
    pdf = "".join(p.extract_text() for p in PdfReader(tmp_path / "all.pdf").pages)
    assert "分网点汇总" in pdf and "第二支行" in pdf
    wb = openpyxl.load_workbook(tmp_path / "all.xlsx")
    cells = "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    assert "分网点推介" in wb.sheetnames and "第二支行" in cells

    # Nothing the head office saw names a client.
    seen = "\n".join([pdf, cells, _model_texts(model), _model_texts(month),
                      *(w.text() for w in window.findChildren(QLabel))])
    for text in _client_texts(db):
        assert text not in seen
    wait_idle(qtbot, window)


def test_screenshots_of_the_head_office_pages(qtbot, db, two_branches, launch_window, tmp_path):
    """Rendered offscreen, in Chinese and English; HEADOFFICE_SHOTS=DIR also keeps them there, to look at."""
    out = Path(os.environ.get("HEADOFFICE_SHOTS") or tmp_path)
    for lang in ("zh_CN", "en"):
        window = launch_window(two_branches.staff_no, lang=lang)
        wait_idle(qtbot, window)
        window.resize(1100, 560)
        for name in ("branchRankingPage", "branchMonthPage", "headOfficeReportsPage"):
            window.show_page(name)  # type: ignore[attr-defined]
            wait_idle(qtbot, window)
            qtbot.wait(50)  # let the layouts settle
            image = window.grab()
            assert image.width() == 1100
            assert image.save(str(out / f"headoffice-{lang}-{name}.png"))


def test_the_branch_models_pass_the_model_tester(qtmodeltester, db, f, two_branches):
    ho = f.actor(two_branches)
    ranking = BranchRankingModel()
    ranking.set_rows(headoffice.branch_ranking(db, ho, db.today() - dt.timedelta(days=30), db.today()))
    qtmodeltester.check(ranking)
    ranking.sort(4, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(ranking)
    month = BranchMonthModel()
    month.set_rows(headoffice.branch_month_figures(db, ho, db.today()))
    qtmodeltester.check(month)
    assert month.rowCount() == 2 and month.columnCount() == 9


def test_the_head_office_window_locks_and_unlocks_like_any_other(qtbot, db, two_branches, launch_window):
    window = _open(qtbot, launch_window, two_branches)
    window.show_page("branchRankingPage")  # type: ignore[attr-defined]
    model = child(window, QTableView, "branchRankingTable").model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=WAIT_MS)
    assert window.windowTitle().endswith("分行管理")  # no branch: the window says whose it is
    window.lock_now()  # type: ignore[attr-defined]
    assert window.is_locked  # type: ignore[attr-defined]
    lock_edit = child(window, QLineEdit, "lockPasswordEdit")
    type_text(qtbot, lock_edit, PASSWORD)
    qtbot.keyClick(lock_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=WAIT_MS)  # type: ignore[attr-defined]
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=WAIT_MS)  # shown again after unlock
