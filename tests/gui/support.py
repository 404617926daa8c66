"""What the GUI tests share: a staffed branch on the real clock, and typing and clicking as a person does."""

from __future__ import annotations

import datetime as dt
import gc
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy import func, select

from gui.context import AppContext
from models import Referral, Role
from services.accounts import StaffInfo
from services.db import Database, make_engine, utc_now
from tests.factories import Factories

ROOT = Path(__file__).resolve().parents[2]

@dataclass
class Desk:
    """One branch: a lobby manager, a teller, two RMs, on the wall clock (the GUI's today)."""

    db: Database
    f: Factories
    lobby: StaffInfo
    teller: StaffInfo
    rm: StaffInfo
    rm2: StaffInfo
    contexts: list[AppContext] = field(default_factory=list)

    def ctx(self, who: StaffInfo) -> AppContext:
        context = AppContext(self.db, self.f.actor(who))
        self.contexts.append(context)
        return context


def open_desk(db_url: str) -> Iterator[Desk]:
    """The body of each test module's ``desk`` fixture."""
    database = Database(make_engine(db_url), utc_now)
    f = Factories(database)
    d = Desk(database, f, f.staff(Role.LOBBY_MANAGER, name="周大堂"), f.staff(Role.TELLER, name="吴柜员"),
             f.staff(Role.RM, name="张理财"), f.staff(Role.RM, name="李晓梅"))
    yield d
    for context in d.contexts:
        context.lane.wait()
    d.contexts.clear()
    gc.collect()
    database.dispose()


def show_pages(qtbot) -> Iterator[Callable[[QWidget], QWidget]]:  # type: ignore[no-untyped-def]
    """The body of each test module's ``pages`` fixture: show a page; at the end stop its
    live feed, let its lane finish and delete it, here on the GUI thread."""
    shown: list[QWidget] = []

    def show(page: QWidget) -> QWidget:
        page.resize(1000, 680)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        page.refresh()  # as the main window does whenever it shows a page
        shown.append(page)
        return page

    yield show
    for page in shown:
        watcher = getattr(page, "watcher", None)
        if watcher is not None:
            watcher.close()
        page.ctx.lane.wait()  # type: ignore[attr-defined]
        page.close()
        shiboken6.delete(page)  # now, on the GUI thread (see collect_on_gui_thread)
    shown.clear()
    gc.collect()


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as a person: keys for ASCII, the input method's commit for Chinese and emoji."""
    widget.setFocus()
    run = ""
    for ch in text:
        if " " <= ch <= "~":
            run += ch
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QCoreApplication.sendEvent(widget, event)
    if run:
        qtbot.keyClicks(widget, run)


def paste_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Paste from the clipboard (how control characters get into a field)."""
    widget.setFocus()
    QGuiApplication.clipboard().setText(text)
    qtbot.keySequence(widget, QKeySequence(QKeySequence.StandardKey.Paste))


def choose(qtbot, combo: QComboBox, data: object) -> None:  # type: ignore[no-untyped-def]
    """Pick the item holding ``data`` with the keyboard, as a person tabbing through would."""
    target = combo.findData(data)
    assert target >= 0, f"{data!r} not in {combo.objectName()}"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(target):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == target


def referral_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Referral)) or 0)


def file_in_other_process(db_url: str, referrer_id: int, rm_id: int, name: str, mobile: str,
                          at: dt.datetime | None = None) -> None:
    """Another workstation files a referral through the services on the same database.

    ``at`` stops that workstation's clock (when the window under test runs on a FakeClock).
    """
    script = textwrap.dedent("""
        import datetime as dt, sys
        from services.db import Database, make_engine, utc_now
        from services.permissions import Actor
        from services.referrals import ReferralInput, file_referral
        from models import Staff
        url, referrer_id, rm_id, name, mobile, at = sys.argv[1:7]
        moment = dt.datetime.fromisoformat(at) if at else None
        db = Database(make_engine(url), (lambda: moment) if moment else utc_now)
        with db.read() as s:
            st = s.get(Staff, int(referrer_id))
            actor = Actor(st.id, st.staff_no, st.name, st.role.value, st.branch_id)
        file_referral(db, actor, ReferralInput(client_type="to_win", status="referred", rm_id=int(rm_id),
                                               channel="lobby", client_name=name, client_mobile=mobile))
        db.dispose()
    """)
    subprocess.run([sys.executable, "-c", script, db_url, str(referrer_id), str(rm_id), name, mobile,
                    at.isoformat() if at else ""], cwd=ROOT, check=True, timeout=60)


def days_ago(db_url: str, days: int) -> Database:
    """A second workstation whose clock stands ``days`` earlier (to file referrals in the past)."""
    moment = utc_now() - dt.timedelta(days=days)
    return Database(make_engine(db_url), lambda: moment)


def child(parent: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    """The widget docs/product.md "Automation contract" names ``name``; fails the test when it is missing."""
    widget = parent.findChild(kind, name)
    assert widget is not None, name
    return widget


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
