"""Shared GUI fixtures: windows launched through gui.app.launch on the test's database and clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from tests.factories import PASSWORD
from tests.gui.support import Desk, open_desk, show_pages

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot propagate size hints, raise windows or grab
    # the keyboard for pop-ups; none of that is about our code.
    for item in items:
        if _HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(r"This plugin does not support", extend=True))


_tests_since_full_collection = 0


@pytest.fixture(autouse=True)
def collect_on_gui_thread(qapp):  # type: ignore[no-untyped-def]
    """As the application does (gui.collector): no automatic collection while the lane's worker
    may run, and whatever a test left behind is collected here, on the GUI thread.

    With collection off, everything the test allocated is still in the youngest generations,
    so collecting those finds its garbage without walking the whole heap (a full collection
    after every test grew with the heap, to seconds a test late in the run); a full one runs
    every 25 tests for what older objects hold."""
    import gc

    global _tests_since_full_collection
    gc.disable()
    yield
    gc.unfreeze()  # a session the test left signed in froze its pages (gui.collector)
    _tests_since_full_collection += 1
    if _tests_since_full_collection >= 25:
        _tests_since_full_collection = 0
        gc.collect()
    else:
        gc.collect(1)
    gc.enable()


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    """A staffed branch on the wall clock (the pages' today), for pages built without a window."""
    yield from open_desk(db_url)


@pytest.fixture
def pages(qtbot) -> Iterator[Callable]:  # type: ignore[no-untyped-def]
    """``pages(page)`` shows a page; at the end its feed stops and it is deleted on the GUI thread."""
    yield from show_pages(qtbot)


LaunchWindow = Callable[..., QMainWindow]


@pytest.fixture
def launch_window(qtbot, db_url: str, clock) -> Iterator[LaunchWindow]:  # type: ignore[no-untyped-def]
    """``launch_window(user=None, password=PASSWORD, *, lang=None, idle_seconds=None)``: gui.app.launch on this
    test's database.

    The window's database uses the test's FakeClock, like the ``f`` factories, so
    "today" agrees on both sides. Without ``user`` the sign-in dialog shows. Each
    window is closed at the end and its lane drained; the service language is
    put back to 简体中文.
    """
    from gui.app import launch
    from services.i18n import set_language

    windows: list[QMainWindow] = []

    def open_window(user: str | None = None, password: str | None = PASSWORD, *,
                    lang: str | None = None, idle_seconds: int | None = None) -> QMainWindow:
        window = launch(db_url, user, password if user is not None else None, idle_seconds=idle_seconds,
                        clock=clock, lang=lang)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.close()
        window.shutdown()  # type: ignore[attr-defined]
        window.deleteLater()
    set_language("zh_CN")


@pytest.fixture
def english_interface(qapp):  # type: ignore[no-untyped-def]
    """The interface's English texts for a test that reads them, whatever an earlier test installed;
    the default 简体中文 again afterwards."""
    from gui.app import install_translators

    install_translators(qapp, "en")
    yield
    install_translators(qapp, "zh_CN")
