"""The two start-up measures that reach into libraries: PySide6's import check answered from bytes,
and no garbage collection during a start-up (docs/architecture.md "Start-up")."""

from __future__ import annotations

import gc
import importlib
import json
import sys
from pathlib import Path

import pytest
import sqlalchemy
from PySide6.QtCore import QObject

import gui.app
import services.db
from gui import collector, import_check


def test_pyside6s_import_check_is_ours_with_the_installed_pyside6() -> None:
    # If a PySide6 release moves its check, this fails and the start-up figure should be measured again.
    assert import_check.install()
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is import_check.uses_pyside


@pytest.mark.parametrize("module", [gui.app, services.db, sqlalchemy, json, sys, gc, QObject.__module__])
def test_the_check_gives_pyside6s_own_answer(module: object) -> None:
    module = sys.modules[module] if isinstance(module, str) else module
    original = import_check._original
    assert original is not None
    assert import_check.uses_pyside(module) == original(module)  # type: ignore[arg-type]


def test_a_module_is_judged_by_its_source_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mentions_it.py").write_text("# 界面: PySide6 is named only in this comment\nX = 1\n",
                                             encoding="gb18030")
    (tmp_path / "plain_module.py").write_text("Y = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    mentions, plain = importlib.import_module("mentions_it"), importlib.import_module("plain_module")
    assert import_check.uses_pyside(mentions) and not import_check.uses_pyside(plain)
    (tmp_path / "plain_module.py").unlink()
    assert not import_check.uses_pyside(plain)  # unreadable: False, as PySide6's OSError gives
    for name in ("mentions_it", "plain_module"):
        sys.modules.pop(name, None)


def test_a_held_start_up_is_not_collected_and_its_release_freezes_it(qapp) -> None:  # type: ignore[no-untyped-def]
    installed = collector.install(qapp)
    frozen_before = gc.get_freeze_count()
    try:
        collector.hold()
        assert installed.holding
        survivors = [[i] for i in range(5000)]  # objects a start-up builds and keeps
        before = gc.get_count()
        assert before[0] > gc.get_threshold()[0]  # enough to collect, were it not held
        installed.on_timer_timeout()
        assert gc.get_count() == before  # held: the timer collected nothing
        collector.release()
        assert not installed.holding
        assert gc.get_freeze_count() >= frozen_before + len(survivors)
        for _ in range(2000):  # after the release, garbage (here: cycles) is collected again
            cycle: list[object] = []
            cycle.append(cycle)
        assert gc.get_count()[0] > gc.get_threshold()[0]
        installed.on_timer_timeout()
        assert gc.get_count()[0] < gc.get_threshold()[0]
        collector.release()  # a second release changes nothing
    finally:
        collector.thaw()
    assert gc.get_freeze_count() == 0


def test_a_hold_that_is_never_released_expires(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    installed = collector.install(qapp)
    collector.hold()
    now = collector.time.monotonic()
    monkeypatch.setattr(collector.time, "monotonic", lambda: now + collector.HOLD_LIMIT_S + 1)
    assert not installed.holding
    collector.release()
    collector.thaw()
