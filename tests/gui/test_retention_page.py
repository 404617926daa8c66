"""The account-closure retention page (docs/retention.md) as a teller, an RM and the supervisor: flag a
client with errors beside the fields, record an effort, close with a result, a concurrent change refused
with the typed note kept; the item model under ``qtmodeltester``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from gui.dialogs.retention import CloseRetentionDialog, FlagRetentionDialog, RetentionActionDialog
from gui.itemmodels.retention import RetentionTableModel
from gui.pages.retention import RetentionPage
from models import Client, RetentionAction, RetentionRecord, Role, Tier
from services import retention
from services.clients import search_clients
from tests.gui.support import Desk, choose, click, type_text

WAIT_MS = 5000
FLAG = {"moves": ["move_deposits"], "amount_band": "500k_1m", "reason": "rate"}


@pytest.fixture(autouse=True)
def chinese_interface(qapp):  # type: ignore[no-untyped-def]
    """The texts these tests read are the Chinese ones the application starts with."""
    from gui.app import install_translators

    install_translators(qapp, "zh_CN")


def premium(desk: Desk, rm, name: str, mobile: str, tier: Tier = Tier.CORE) -> int:  # type: ignore[no-untyped-def]
    filed = desk.f.referral(desk.lobby, rm, name=name, mobile=mobile)
    with desk.db.write() as s:
        s.execute(update(Client).where(Client.id == filed.client_id).values(tier=tier, rm_id=rm.id))
    return filed.client_id


def open_page(qtbot, pages: Callable, desk: Desk, who) -> RetentionPage:  # type: ignore[no-untyped-def]
    page = pages(RetentionPage(desk.ctx(who)))
    qtbot.waitUntil(lambda: page.watcher.ready and not page.model.loading, timeout=WAIT_MS)
    return page


def cell(page: RetentionPage, record_id: int, column: str) -> str:
    k = page.model.row_of(record_id)
    assert k >= 0, f"record {record_id} not shown"
    return str(page.model.index(k, page.model.columns().index(column)).data())


def dialog_of(qtbot, page: RetentionPage, kind: type, name: str):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.findChild(kind, name) is not None, timeout=WAIT_MS)
    dialog = page.findChild(kind, name)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_model_passes_the_model_tester(qtbot, qtmodeltester, desk):
    sup = desk.f.staff(Role.SUPERVISOR)
    teller = desk.f.actor(desk.teller)
    for k in range(3):
        retention.flag(desk.db, teller, premium(desk, desk.rm, f"客户{'甲乙丙'[k]}", f"1390000100{k}"), **FLAG,
                       reason_text="利率" if k == 0 else None)
    model = RetentionTableModel(desk.ctx(sup))
    model.start()
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.loading, timeout=WAIT_MS)
    qtmodeltester.check(model)
    model.reload()
    qtbot.waitUntil(lambda: not model.loading, timeout=WAIT_MS)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) == desk.db.today().isoformat()


def test_a_teller_flags_a_client_with_each_problem_beside_its_field(qtbot, desk, pages):
    cid = premium(desk, desk.rm, "钱多多", "13900002222")
    other = premium(desk, desk.rm, "孙普通", "13900003333", tier=Tier.POTENTIAL)
    page = open_page(qtbot, pages, desk, desk.teller)
    assert page.new_button.isVisible() and not page.action_button.isVisible() and not page.close_button.isVisible()
    click(qtbot, page.new_button)
    dialog = dialog_of(qtbot, page, FlagRetentionDialog, "flagRetentionDialog")

    click(qtbot, dialog.save_button)  # nothing chosen yet
    assert dialog.errors["retentionClientEdit"].text() == "请从列表中选择客户"
    type_text(qtbot, dialog.client_edit, "孙普通")
    qtbot.waitUntil(lambda: dialog.completer.model().rowCount() == 1, timeout=WAIT_MS)
    dialog.pick(search_clients(desk.db, desk.f.actor(desk.teller), "13900003333")[0])
    type_text(qtbot, dialog.reason_edit, "他说要去买房")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.errors["retentionMovesList"].isVisible(), timeout=WAIT_MS)
    assert dialog.errors["retentionMovesList"].text() == "请至少选择一项"
    assert dialog.errors["retentionBandCombo"].text() == "必填"
    assert dialog.errors["retentionReasonCombo"].text() == "必填"
    assert "优质客户" in dialog.errors["retentionClientEdit"].text()  # every problem at once
    assert dialog.reason_edit.toPlainText() == "他说要去买房"  # what was typed stays

    dialog.set_moves(["close_account", "move_wealth"])
    choose(qtbot, dialog.band_combo, "1m_5m")
    choose(qtbot, dialog.reason_combo, "funds_needed")
    click(qtbot, dialog.save_button)  # a potential client: not premium
    qtbot.waitUntil(lambda: dialog.errors["retentionClientEdit"].isVisible(), timeout=WAIT_MS)
    assert dialog.errors["retentionClientEdit"].text() == "只有优质客户（核心优质、普通优质）需要登记异动销户"
    assert not any(dialog.errors[name].isVisible()
                   for name in ("retentionMovesList", "retentionBandCombo", "retentionReasonCombo"))

    dialog.client_edit.clear()
    dialog.pick(search_clients(desk.db, desk.f.actor(desk.teller), "13900002222")[0])
    with qtbot.waitSignal(dialog.flagged, timeout=WAIT_MS) as saved:
        click(qtbot, dialog.save_button)
    record_id = saved.args[0]
    qtbot.waitUntil(lambda: page.model.row_of(record_id) >= 0, timeout=WAIT_MS)
    assert cell(page, record_id, "client") == "钱*多"  # the lobby roles see masked names
    assert cell(page, record_id, "moves") == "销户 / 理财、基金、保险赎回转出"
    assert cell(page, record_id, "result") == "未结束"
    with desk.db.read() as s:
        rec = s.get(RetentionRecord, record_id)
        assert rec is not None and rec.client_id == cid and rec.reason_text_id is not None
    assert other != cid


def test_the_rm_records_an_effort_and_closes_with_a_result(qtbot, desk, pages):
    rid = retention.flag(desk.db, desk.f.actor(desk.teller), premium(desk, desk.rm, "钱多多", "13900002222"), **FLAG)
    theirs = retention.flag(desk.db, desk.f.actor(desk.rm), premium(desk, desk.rm2, "赵别人", "13900004444"), **FLAG)
    page = open_page(qtbot, pages, desk, desk.rm)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    assert cell(page, rid, "client") == "钱多多" and cell(page, theirs, "client") == "赵*人"
    page.select_record(theirs)
    assert not page.action_button.isEnabled() and not page.close_button.isEnabled()  # another RM's client
    page.select_record(rid)
    assert page.action_button.isEnabled() and page.close_button.isEnabled()

    click(qtbot, page.close_button)
    closing = dialog_of(qtbot, page, CloseRetentionDialog, "closeRetentionDialog")
    choose(qtbot, closing.result_combo, "retained")
    click(qtbot, closing.save_button)  # no effort on record yet
    qtbot.waitUntil(lambda: closing.errors["retentionResultCombo"].isVisible(), timeout=WAIT_MS)
    assert closing.errors["retentionResultCombo"].text() == "请先记录挽留措施"
    closing.reject()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)

    click(qtbot, page.action_button)
    acting = dialog_of(qtbot, page, RetentionActionDialog, "retentionActionDialog")
    assert not acting.step_in_label.isVisible()
    choose(qtbot, acting.kind_combo, "offer")
    type_text(qtbot, acting.note_edit, "给了一年期优惠利率")
    with qtbot.waitSignal(acting.saved, timeout=WAIT_MS):
        click(qtbot, acting.save_button)
    qtbot.waitUntil(lambda: cell(page, rid, "actions") == "1", timeout=WAIT_MS)

    page.select_record(rid)
    click(qtbot, page.close_button)
    closing = dialog_of(qtbot, page, CloseRetentionDialog, "closeRetentionDialog")
    choose(qtbot, closing.result_combo, "retained")
    with qtbot.waitSignal(closing.saved, timeout=WAIT_MS):
        click(qtbot, closing.save_button)
    qtbot.waitUntil(lambda: cell(page, rid, "result").startswith("挽留成功"), timeout=WAIT_MS)
    assert page.model.row_at(0).id == theirs  # type: ignore[union-attr]  # open records first
    page.select_record(rid)
    assert not page.action_button.isEnabled()


def test_the_supervisor_steps_in_and_a_concurrent_effort_is_refused_with_the_note_kept(qtbot, desk, pages):
    sup = desk.f.staff(Role.SUPERVISOR, name="王主管")
    rid = retention.flag(desk.db, desk.f.actor(desk.lobby), premium(desk, desk.rm, "钱多多", "13900002222"), **FLAG)
    page = open_page(qtbot, pages, desk, sup)
    qtbot.waitUntil(lambda: page.model.row_of(rid) >= 0, timeout=WAIT_MS)
    assert cell(page, rid, "client") == "钱多多"
    page.select_record(rid)
    click(qtbot, page.action_button)
    acting = dialog_of(qtbot, page, RetentionActionDialog, "retentionActionDialog")
    assert acting.step_in_label.isVisible()
    qtbot.waitUntil(lambda: acting.history_list.count() == 1, timeout=WAIT_MS)  # "none yet"

    # Meanwhile the RM records an effort on the same record.
    retention.record_action(desk.db, desk.f.actor(desk.rm), rid, kind="call", version=acting.row.version)
    type_text(qtbot, acting.note_edit, "主管亲自致电")
    click(qtbot, acting.save_button)
    general = acting.errors.general
    assert general.objectName() == "retentionActionGeneralError"
    qtbot.waitUntil(general.isVisible, timeout=WAIT_MS)
    assert desk.rm.name in general.text() and acting.isVisible()
    assert acting.note_edit.toPlainText() == "主管亲自致电"
    qtbot.waitUntil(lambda: not acting.busy, timeout=WAIT_MS)  # the version now is read again
    with qtbot.waitSignal(acting.saved, timeout=WAIT_MS):
        click(qtbot, acting.save_button)
    with desk.db.read() as s:
        rows = s.execute(select(RetentionAction.actor_id, RetentionAction.stepped_in)
                         .where(RetentionAction.record_id == rid).order_by(RetentionAction.id)).all()
    assert [tuple(r) for r in rows] == [(desk.rm.id, False), (sup.id, True)]
    qtbot.waitUntil(lambda: cell(page, rid, "actions") == "2", timeout=WAIT_MS)


def test_the_idle_lock_empties_the_page_and_closes_its_dialog(qtbot, desk, pages):
    retention.flag(desk.db, desk.f.actor(desk.teller), premium(desk, desk.rm, "钱多多", "13900002222"), **FLAG)
    page = open_page(qtbot, pages, desk, desk.rm)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    page.select_record(page.model.row_at(0).id)  # type: ignore[union-attr]
    click(qtbot, page.action_button)
    acting = dialog_of(qtbot, page, RetentionActionDialog, "retentionActionDialog")
    page.clear_sensitive()
    assert page.model.rowCount() == 0 and not acting.isVisible()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
