"""Told at once: a referral naming the signed-in RM, filed on any workstation, is announced within 2 s
(a desktop notification, or an in-window banner where no system tray exists) — docs/received.md."""

from __future__ import annotations

import logging
import time
from collections import deque

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSystemTrayIcon,
    QToolBar,
    QWidget,
)

from gui.context import AppContext
from gui.lane_ops import LaneOps
from gui.widgets.field_error import named
from models import ReferralStatus
from services import received
from services.received import Arrival

log = logging.getLogger("lobbydesk.gui.notify")

# Ids are handed out before commit: a referral filed a moment earlier may commit after a later one.
# Ids seen within this window are read again (and recognised), so a slow commit is not missed.
HOLD_S = 30.0


class NewReferralBanner(QFrame):
    """The in-window notice: stays until dismissed or opened.

    Signals:
        open_requested(): the person wants to see the new referral(s)
    """

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "newReferralBanner")
        self.text_label = named(QLabel(), "newReferralText")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.text_label.font()
        font.setBold(True)
        self.text_label.setFont(font)
        self.open_button = named(QPushButton(self.tr("Open")), "newReferralOpenButton")
        self.dismiss_button = named(QPushButton(self.tr("Dismiss")), "newReferralDismissButton")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 6, 4)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.dismiss_button.clicked.connect(self.on_dismiss_clicked)

    @Slot()
    def on_open_clicked(self) -> None:
        self.open_requested.emit()

    @Slot()
    def on_dismiss_clicked(self) -> None:
        self.dismissed()

    def dismissed(self) -> None:
        self.text_label.clear()
        bar = self.parentWidget()
        (bar if isinstance(bar, QToolBar) else self).setVisible(False)


class ReferralNotifier(QObject):
    """Polls ``services.received.arrived_since`` on the change watcher's signal and announces arrivals.

    Nothing shows while the window is locked; what arrived meanwhile is announced after unlock.
    A desktop notification never names the client in full (it may show on a locked screen):
    the masked name at most.

    Signals:
        arrived(list): ids of referrals just announced
        open_requested(int): the person asked to see a referral (the newest announced)
    """

    arrived = Signal(list)
    open_requested = Signal(int)

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self._ops = LaneOps(self, ctx.lane, on_busy=lambda _busy: None,
                            on_error=lambda exc: log.warning("new referrals not read: %s", exc))
        self._floor: int | None = None  # ids at or below are settled; None until the start is known
        self._seen: set[int] = set()
        self._marks: deque[tuple[float, int]] = deque()  # (when, highest id seen then)
        self._locked = False
        self._missed = False  # something changed under the lock
        self._polling = False
        self._again = False
        self._latest: int | None = None
        self._unseen = 0  # announced and not yet opened or dismissed
        self.bar = QToolBar(window)
        named(self.bar, "newReferralBar")
        self.bar.setMovable(False)
        self.bar.setFloatable(False)
        self.banner = NewReferralBanner(self.bar)
        self.bar.addWidget(self.banner)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.setVisible(False)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.tray.show()
        self._watcher = ctx.changes()
        self._connect_signals()
        db, actor = ctx.db, ctx.actor
        self._ops.run(lambda: received.latest_referral_id(db, actor), self._on_start_known)

    def _connect_signals(self) -> None:
        self._watcher.changed.connect(self.on_changes_changed)
        self.banner.open_requested.connect(self.on_banner_open_requested)
        if self.tray is not None:
            self.tray.messageClicked.connect(self.on_banner_open_requested)
        locked = getattr(self.window, "locked", None)
        unlocked = getattr(self.window, "unlocked", None)
        if locked is not None and unlocked is not None:
            locked.connect(self.on_window_locked)
            unlocked.connect(self.on_window_unlocked)

    @property
    def banner_shown(self) -> bool:
        return self.bar.isVisible()

    # --- listening -----------------------------------------------------------------------

    def _on_start_known(self, latest: int) -> None:
        self._floor = latest
        if self._again:
            self._poll()

    @Slot()
    def on_changes_changed(self) -> None:
        if self._locked:
            self._missed = True
            return
        self._poll()

    def _poll(self) -> None:
        if self._floor is None or self._polling:
            self._again = True
            return
        self._polling, self._again = True, False
        db, actor, floor = self.ctx.db, self.ctx.actor, self._floor

        def failed(exc: BaseException) -> None:
            self._polling = False
            log.warning("new referrals not read: %s", exc)

        self._ops.run(lambda: received.arrived_since(db, actor, floor, 50), self._on_polled, failed=failed)

    def _on_polled(self, arrivals: list[Arrival]) -> None:
        self._polling = False
        fresh = [a for a in arrivals if a.id not in self._seen]
        self._seen.update(a.id for a in fresh)
        self._settle(max((a.id for a in arrivals), default=None))
        if fresh and not self._locked:
            self._announce(fresh)
        elif fresh:
            self._missed = True
        if self._again:
            self._poll()

    def _settle(self, highest: int | None) -> None:
        """Move the floor up to what was seen more than ``HOLD_S`` ago; forget ids below it."""
        now = time.monotonic()
        if highest is not None:
            self._marks.append((now, highest))
        while self._marks and now - self._marks[0][0] > HOLD_S:
            _when, settled = self._marks.popleft()
            if self._floor is not None and settled > self._floor:
                self._floor = settled
                self._seen = {i for i in self._seen if i > settled}

    # --- telling -----------------------------------------------------------------------

    def _announce(self, fresh: list[Arrival]) -> None:
        self._unseen += len(fresh)
        newest = fresh[-1]
        self._latest = newest.id
        if self._unseen > 1:
            text = self.tr("{n} new referrals for you; the newest: {client}").format(
                n=self._unseen, client=newest.client_name)
        elif newest.status == ReferralStatus.REFERRED:
            text = self.tr("Client waiting in the lobby: {client}").format(client=newest.client_name)
        else:
            text = self.tr("New pending referral to follow up: {client}").format(client=newest.client_name)
        referred = any(a.status == ReferralStatus.REFERRED for a in fresh)
        if self.tray is not None:
            icon = QSystemTrayIcon.MessageIcon.Information if referred else QSystemTrayIcon.MessageIcon.NoIcon
            self.tray.showMessage(self.tr("Lobby Referral Desk"), text, icon, 10_000 if referred else 5_000)
        else:
            self.banner.text_label.setText(text)
            self.bar.setVisible(True)
            if referred:
                QApplication.alert(self.window)  # the taskbar entry flashes; a pending one stays quiet
        from gui.pages.received_referrals import ReceivedReferralsPanel

        panel = self.window.findChild(ReceivedReferralsPanel)
        if panel is not None:
            panel.note_arrivals([a.id for a in fresh])  # highlighted even if the panel loads only later
        self.arrived.emit([a.id for a in fresh])

    @Slot()
    def on_banner_open_requested(self) -> None:
        """Show the page holding the received referrals and select the newest announced one."""
        from gui.pages.received_referrals import ReceivedReferralsPanel

        latest = self._latest
        self._unseen = 0
        self.banner.dismissed()
        panel = self.window.findChild(ReceivedReferralsPanel)
        name = panel.page.objectName() if panel is not None else "followUpPage"
        if name in getattr(self.window, "page_names", []):
            self.window.show_page(name)  # type: ignore[attr-defined]
        if latest is not None:
            if panel is not None:
                panel.select_referral(latest)
            self.open_requested.emit(latest)

    @Slot()
    def on_window_locked(self) -> None:
        self._locked = True
        self._ops.drop_all()
        self._polling = False
        if self.bar.isVisible():
            self._missed = True  # shown again after unlock
            self.bar.setVisible(False)

    @Slot()
    def on_window_unlocked(self) -> None:
        self._locked = False
        if self._unseen and self.tray is None:
            self.bar.setVisible(True)
        if self._missed:
            self._missed = False
            self._poll()

    def close(self) -> None:
        """The session ended: stop listening, take the banner and the tray icon away."""
        self._ops.drop_all()
        if shiboken6.isValid(self._watcher):
            try:
                self._watcher.changed.disconnect(self.on_changes_changed)
            except (RuntimeError, TypeError):  # already gone with the session's watcher
                log.debug("change watcher already disconnected")
        if self.tray is not None:
            self.tray.hide()
        if shiboken6.isValid(self.bar):
            self.window.removeToolBar(self.bar)
            self.bar.deleteLater()
        self.deleteLater()


def attach_notifier(window: QMainWindow, ctx: AppContext) -> ReferralNotifier | None:
    """The session's notifier, for a person referrals can name as RM; None for everyone else."""
    if not received.listens_for_arrivals(ctx.actor):
        return None
    return ReferralNotifier(window, ctx)
