"""The referral form offers a diversion for an ordinary client (docs/diversion.md), keyboard first."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from gui.pages.referral_form import ReferralPage
from models import Diversion, DiversionWhere, Referral
from tests.gui.support import Desk, choose, type_text
from tests.gui.window_support import WAIT_MS


@pytest.fixture
def form(qtbot, desk: Desk, pages: Callable) -> ReferralPage:
    page = pages(ReferralPage(desk.ctx(desk.lobby)))
    qtbot.waitUntil(lambda: page.rm_combo.count() == 3 and page.interests_list.count() > 0, timeout=WAIT_MS)
    return page


def _diversions(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return [d.guided_to.value for d in s.scalars(select(Diversion).order_by(Diversion.id))]


def test_choosing_ordinary_offers_the_diversion_and_enter_counts_it(qtbot, desk, form):
    type_text(qtbot, form.name_edit, "路过客")
    assert not form.diversion_prompt.isVisible()
    choose(qtbot, form.type_combo, "ordinary")
    assert form.diversion_prompt.isVisible()
    assert form.focusWidget() is form.divert_self_button  # the keyboard is on the offer
    qtbot.keyClick(form.divert_self_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _diversions(desk.db) == ["self_service"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "1" in form.saved_label.text(), timeout=WAIT_MS)
    assert form.name_edit.text() == "" and not form.diversion_prompt.isVisible()  # a clean form again
    assert form.focusWidget() is form.mobile_edit

    choose(qtbot, form.type_combo, "ordinary")
    qtbot.mouseClick(form.divert_counter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _diversions(desk.db) == ["self_service", "counter"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "2" in form.findChild(QLabel, "diversionCountLabel").text(), timeout=WAIT_MS)
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 0


def test_saving_an_ordinary_client_as_a_referral_is_refused_beside_the_type(qtbot, desk, form):
    type_text(qtbot, form.mobile_edit, "13912345678")
    type_text(qtbot, form.name_edit, "王小明")
    choose(qtbot, form.type_combo, "ordinary")
    qtbot.mouseClick(form.referred_radio, Qt.MouseButton.LeftButton)
    choose(qtbot, form.rm_combo, desk.rm.id)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = form.findChild(QLabel, "clientTypeComboError")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert "分流" in error.text()
    assert form.name_edit.text() == "王小明"  # kept as typed
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 0
    assert DiversionWhere.SELF_SERVICE.value not in _diversions(desk.db)
