"""The shipped translations: complete, current with the code, loadable, and used by the windows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from gui import translations
from models import Role

I18N = translations.I18N_DIR
ZH_TS = I18N / "lobbydesk_zh_CN.ts"


def _show(keys: object) -> str:
    return "\n".join(f"  {ctx} | {src!r}" for ctx, src, _comment in sorted(keys))  # type: ignore[attr-defined]


def test_every_chinese_translation_is_finished_and_not_empty() -> None:
    entries = translations.read_ts(ZH_TS)
    assert entries, "lobbydesk_zh_CN.ts holds no strings"
    unfinished = [key for key, entry in entries.items() if not entry.finished]
    assert not unfinished, "untranslated (add them to resources/i18n/zh_CN/<module>.tsv, then run " \
                           "`python -m gui.translations`):\n" + _show(unfinished)


def test_the_committed_translations_hold_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    translations.run_lupdate(fresh, "zh_CN")
    in_code = set(translations.read_ts(fresh))
    committed = set(translations.read_ts(ZH_TS))
    new = in_code - committed
    assert not new, "tr() strings not in lobbydesk_zh_CN.ts (run `python -m gui.translations`):\n" + _show(new)


def test_the_tsv_files_are_well_formed() -> None:
    _table, problems = translations.load_tsv()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, sample", [("zh_CN", "登录"), ("en", "Sign in")])
def test_the_qm_files_exist_and_load(qapp, lang: str, sample: str) -> None:
    qm = I18N / f"lobbydesk_{lang}.qm"
    assert qm.is_file() and qm.stat().st_size > 0
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("SignInDialog", "Sign in") == sample


def test_a_window_in_english_speaks_english(qtbot, f, launch_window) -> None:
    window = launch_window(lang="en")
    dialog = window.sign_in_dialog
    assert window.findChild(QPushButton, "loginButton").text() == "Sign in"
    assert dialog.windowTitle() == "Sign in — Lobby Referral Desk"
    assert window.findChild(QLabel, "signInTitleLabel").text() == "Lobby Referral Desk"
    manager = f.staff(Role.LOBBY_MANAGER, name="王芳")
    signed = launch_window(manager.staff_no, lang="en")
    assert "Lobby manager" in signed.findChild(QLabel, "statusUserLabel").text()
    assert signed.nav.item(2).text() == "Day close"
    signed.lane.wait()


def test_a_window_in_chinese_speaks_chinese_down_to_qts_own_buttons(qtbot, f, launch_window) -> None:
    window = launch_window(lang="zh_CN")
    assert window.findChild(QPushButton, "loginButton").text() == "登录"
    assert window.findChild(QLabel, "signInTitleLabel").text() == "厅堂推介与客户跟进"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    manager = f.staff(Role.LOBBY_MANAGER)
    signed = launch_window(manager.staff_no, lang="zh_CN")
    assert "大堂经理" in signed.findChild(QLabel, "statusUserLabel").text()
    assert [signed.nav.item(i).text() for i in range(signed.nav.count())] == \
        ["推介登记", "推介记录", "日终核对", "推介统计", "查找客户", "异动销户", "客户投诉"]
    assert QCoreApplication.translate("messages", "Lobby Referral Desk") == "厅堂推介与客户跟进"
    signed.lane.wait()
