"""The score panel (hosted in a small test window), the snapshot and score settings dialogs, the Scoring menu."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from gui.context import AppContext
from gui.itemmodels.score import BreakdownModel, TierHistoryModel
from gui.lane_ops import LaneOps
from gui.widgets.score_panel import ScorePanel
from models import Client, Role, ScoreSettings, Tier, TierCause
from services import scoring
from services.scoring import DEFAULT_RULES, Inputs, SettingsInput, SnapshotInput, TierMove, breakdown
from tests.gui.support import child, click, type_text
from tests.gui.window_support import WAIT_MS

T = TypeVar("T")


class PanelHost(QWidget):
    """The smallest host with the ``run(job, done)`` shape of a Page or the profile window."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.errors: list[BaseException] = []
        self._ops = LaneOps(self, ctx.lane, on_busy=lambda _b: None, on_error=self.errors.append)
        self.panel = ScorePanel(ctx, self)
        QVBoxLayout(self).addWidget(self.panel)

    def run(self, job: Callable[[], T], done: Callable[[T], None], *,
            failed: Callable[[BaseException], None] | None = None, busy: bool = False,
            key: str | None = None, change: bool = False) -> None:
        self._ops.run(job, done, failed=failed, busy=busy, key=key, change=change)


@pytest.fixture
def crew(f):  # type: ignore[no-untyped-def]
    return f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM, name="张理财"), f.staff(Role.RM), \
        f.staff(Role.SUPERVISOR, name="周主管")


@pytest.fixture
def hosts(qtbot, english_interface):  # type: ignore[no-untyped-def]
    made: list[PanelHost] = []

    def make(ctx: AppContext) -> PanelHost:
        host = PanelHost(ctx)
        host.resize(900, 600)
        host.show()
        qtbot.waitExposed(host)
        made.append(host)
        return host

    yield make
    for host in made:
        host.ctx.lane.wait()
        host.close()
        shiboken6.delete(host)


def _scored_client(db, f, crew) -> int:  # type: ignore[no-untyped-def]
    lobby, rm, _other, _sup = crew
    cid = int(f.referral(lobby, rm).client_id)
    scoring.add_snapshot(db, f.actor(rm), cid, SnapshotInput(db.today(), deposits="1000000", funds="1000000",
                                                             loans="2000000"))
    return cid


def test_the_models_pass_the_model_tester(qtmodeltester):
    lines = breakdown(Inputs(Decimal(200_000), Decimal(50_000), Decimal(0), Decimal(0), 3, None, 2), DEFAULT_RULES)
    model = BreakdownModel()
    qtmodeltester.check(model, force_py=True)
    model.set_lines(list(lines.lines))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 6 and model.columnCount() == 3
    assert sum(int(model.index(r, 2).data()) for r in range(6)) == lines.score
    history = TierHistoryModel()
    at = dt.datetime(2026, 11, 20, 2, tzinfo=dt.timezone.utc)
    history.set_moves([TierMove(at, Tier.NONE, Tier.CORE, 10, 85, TierCause.SNAPSHOT, "张理财"),
                       TierMove(at, Tier.CORE, Tier.TO_WIN, 85, 30, TierCause.IMPORT, None)])
    qtmodeltester.check(history, force_py=True)
    assert history.index(0, 1).data().endswith("(10)") and history.index(1, 2).data().endswith("(30)")


def test_the_panel_shows_the_breakdown_and_saves_ratings_and_snapshots(qtbot, db, f, crew, hosts, clock):
    _lobby, rm, _other, _sup = crew
    cid = _scored_client(db, f, crew)
    host = hosts(AppContext(db, f.actor(rm)))
    panel = host.panel
    panel.load(cid)
    score_label = child(panel, QLabel, "profileScoreLabel")
    qtbot.waitUntil(lambda: score_label.text() == "60", timeout=WAIT_MS)
    table = child(panel, QTableView, "profileBreakdownTable")
    model = table.model()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Points"  # the last column 得分/Points
    assert sum(int(model.index(r, 2).data()) for r in range(model.rowCount())) == 60
    history = child(panel, QTableView, "profileTierHistoryTable")
    assert history.model().rowCount() == 1

    changed: list[bool] = []
    panel.changed.connect(lambda: changed.append(True))
    for name in ("ratingFamilyCombo", "ratingOccupationCombo", "ratingSocialCombo"):
        combo = child(panel, QComboBox, name)
        combo.setCurrentIndex(combo.findData(5))
    click(qtbot, child(panel, QPushButton, "saveRatingsButton"))
    qtbot.waitUntil(lambda: score_label.text() == "100", timeout=WAIT_MS)
    assert changed and history.model().rowCount() == 2
    assert child(panel, QLabel, "profileTierLabel").text() == "Core premium"

    click(qtbot, child(panel, QPushButton, "addSnapshotButton"))
    dialog = panel.snapshot_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    deposits = child(dialog, QLineEdit, "snapshotDepositsEdit")
    type_text(qtbot, deposits, "-5")
    type_text(qtbot, child(dialog, QLineEdit, "snapshotLoansEdit"), "12.345")
    click(qtbot, child(dialog, QPushButton, "saveSnapshotButton"))
    error = child(dialog, QLabel, "snapshotDepositsEditError")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert child(dialog, QLabel, "snapshotLoansEditError").isVisible()
    assert deposits.text() == "-5"  # what was typed stays
    deposits.clear()
    child(dialog, QLineEdit, "snapshotLoansEdit").clear()
    type_text(qtbot, child(dialog, QLineEdit, "snapshotAssetsElsewhereEdit"), "900000")
    click(qtbot, child(dialog, QPushButton, "saveSnapshotButton"))
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: score_label.text() == "40", timeout=WAIT_MS)
    assert child(panel, QLabel, "profileTierLabel").text() == "Premium client to win"

    panel.clear_sensitive()
    assert score_label.text() == "" and model.rowCount() == 0 and history.model().rowCount() == 0
    assert not child(panel, QPushButton, "addSnapshotButton").isEnabled()


def test_a_stale_rating_save_names_who_and_keeps_the_choice(qtbot, db, f, crew, hosts):
    _lobby, rm, _other, sup = crew
    cid = _scored_client(db, f, crew)
    host = hosts(AppContext(db, f.actor(rm)))
    panel = host.panel
    panel.load(cid)
    qtbot.waitUntil(lambda: child(panel, QLabel, "profileScoreLabel").text() == "60", timeout=WAIT_MS)
    with db.read() as s:
        version = s.get_one(Client, cid).version
    scoring.set_ratings(db, f.actor(sup), cid, version, family=1, occupation=1, social=1)
    combo = child(panel, QComboBox, "ratingOccupationCombo")
    combo.setCurrentIndex(combo.findData(4))
    click(qtbot, child(panel, QPushButton, "saveRatingsButton"))
    general = child(panel, QLabel, "scorePanelError")
    qtbot.waitUntil(general.isVisible, timeout=WAIT_MS)
    assert "周主管" in general.text()
    assert combo.currentData() == 4


def test_an_rm_sees_no_score_of_another_rms_client(qtbot, db, f, crew, hosts):
    _lobby, _rm, other, _sup = crew
    cid = _scored_client(db, f, crew)
    panel = hosts(AppContext(db, f.actor(other))).panel
    panel.load(cid)
    general = child(panel, QLabel, "scorePanelError")
    qtbot.waitUntil(general.isVisible, timeout=WAIT_MS)
    assert child(panel, QLabel, "profileScoreLabel").text() == ""
    assert child(panel, QTableView, "profileBreakdownTable").model().rowCount() == 0
    assert not child(panel, QPushButton, "addSnapshotButton").isEnabled()


def _open_settings(qtbot, window):  # type: ignore[no-untyped-def]
    menu = window.score_menu
    assert menu.menu.menuAction().isVisible()
    menu.settings_action.trigger()
    dialog = menu.settings_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and child(dialog, QPushButton, "saveScoreSettingsButton").isEnabled(),
                    timeout=WAIT_MS)
    return dialog


def test_the_settings_dialog_refuses_beside_each_field_and_saves(qtbot, db, f, crew, launch_window):
    _lobby, _rm, _other, sup = crew
    window = launch_window(sup.staff_no)
    dialog = _open_settings(qtbot, window)
    child(dialog, QWidget, "recomputeAfterSaveCheck").setChecked(False)
    deposits = child(dialog, QSpinBox, "weightDepositsSpin")
    assert deposits.value() == 25
    deposits.setValue(30)
    assert child(dialog, QLabel, "weightsSumLabel").text() == "105 / 100"
    bands = child(dialog, QLineEdit, "bandsLoansEdit")
    bands.setText("0:0; 50000:20; 40000:40")
    child(dialog, QSpinBox, "potentialMinSpin").setValue(70)
    save = child(dialog, QPushButton, "saveScoreSettingsButton")
    click(qtbot, save)
    sum_error = child(dialog, QLabel, "weightsSumLabelError")
    qtbot.waitUntil(sum_error.isVisible, timeout=WAIT_MS)
    assert "100" in sum_error.text()
    assert child(dialog, QLabel, "bandsLoansEditError").isVisible()
    assert child(dialog, QLabel, "potentialMinSpinError").isVisible()
    assert bands.text() == "0:0; 50000:20; 40000:40"
    with db.read() as s:
        assert s.scalars(select(ScoreSettings)).first() is None

    deposits.setValue(25)
    bands.setText("0:0; 50000:20; 400000:40")
    child(dialog, QSpinBox, "potentialMinSpin").setValue(45)
    click(qtbot, save)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    view = scoring.score_settings(db, f.actor(sup))
    assert view.version == 1 and view.rules.potential_min == 45
    assert view.rules.bands["loans"][-1] == (Decimal(400000), 40)


def test_a_stale_settings_save_names_who_and_keeps_what_was_typed(qtbot, db, f, crew, launch_window):
    _lobby, _rm, _other, sup = crew
    other_sup = f.staff(Role.SUPERVISOR, name="吴主管")
    window = launch_window(sup.staff_no)
    dialog = _open_settings(qtbot, window)
    scoring.update_score_settings(db, f.actor(other_sup), SettingsInput.of(DEFAULT_RULES), 0)
    child(dialog, QSpinBox, "corePremiumMinSpin").setValue(85)
    click(qtbot, child(dialog, QPushButton, "saveScoreSettingsButton"))
    general = child(dialog, QLabel, "scoreSettingsDialogError")
    qtbot.waitUntil(general.isVisible, timeout=WAIT_MS)
    assert "吴主管" in general.text()
    assert child(dialog, QSpinBox, "corePremiumMinSpin").value() == 85 and dialog.isVisible()


def test_the_branch_recompute_runs_with_a_progress_bar_off_the_window_lane(qtbot, db, f, crew, launch_window):
    _lobby, _rm, _other, sup = crew
    ids = [_scored_client(db, f, crew) for _ in range(3)]
    with db.write() as s:
        for cid in ids:
            s.get_one(Client, cid).score = 3  # scored under other rules
    window = launch_window(sup.staff_no)
    menu = window.score_menu
    menu.recompute_action.trigger()
    assert menu.progress_dialog is not None and menu.progress_dialog.objectName() == "recomputeProgressDialog"
    assert not menu.recompute_action.isEnabled()
    qtbot.waitUntil(lambda: not menu.running, timeout=WAIT_MS)
    box = window.findChild(QMessageBox, "recomputeDoneMessageBox")
    assert box is not None and "3" in box.text()
    with db.read() as s:
        assert set(s.scalars(select(Client.score).where(Client.id.in_(ids)))) == {60}
    assert menu.recompute_action.isEnabled()


@pytest.mark.parametrize("role", [Role.RM, Role.LOBBY_MANAGER, Role.ADMIN])
def test_only_a_supervisor_has_the_scoring_menu(qtbot, f, launch_window, role):
    who = f.staff(role)
    window = launch_window(who.staff_no)
    assert not window.score_menu.menu.menuAction().isVisible()
    assert not window.score_menu.settings_action.isEnabled()
