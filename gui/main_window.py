"""The main window: sign-in flow, the role's pages behind a navigation list, the idle lock."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from gui import collector
from gui.dialogs.sign_in import SignInDialog
from gui.lane_ops import LaneOps
from gui.menus import build_menus, build_status_bar, fit_to_screen, show_about, show_language
from gui.sensitive import close_dialogs
from gui.widgets.first_paint import after_next_paint
from gui.worker import DbLane

if TYPE_CHECKING:
    from gui.complaint_badge import ComplaintBadge
    from gui.context import AppContext
    from gui.notifier import ReferralNotifier
    from gui.pages.base import Page
    from services.accounts import BranchInfo, Settings, SignIn
    from services.db import Database
    from services.permissions import Actor

log = logging.getLogger("lobbydesk.gui.shell")

DEFAULT_IDLE_MINUTES = 10


class MainWindow(QMainWindow):
    """The application window. Hidden until someone has signed in (and changed a forced password).

    Before a session the sign-in dialog (``sign_in_dialog``, a child of this window)
    is what shows; a session builds the signed-in role's pages; signing out deletes
    them and shows the sign-in dialog again.

    Signals:
        session_started(object): the signed-in ``Actor``; the pages exist and the window shows
        session_ended(): the person signed out; the pages are gone
        locked(): the idle lock covered the window
        unlocked(): the same person's password opened it again
        sign_in_cancelled(): the sign-in dialog was closed without signing in
        closed(): the window was closed (the application ends)
    """

    session_started = Signal(object)
    session_ended = Signal()
    locked = Signal()
    unlocked = Signal()
    sign_in_cancelled = Signal()
    closed = Signal()

    def __init__(self, db: Database | None, *, lang: str = "zh_CN", parent: QWidget | None = None) -> None:
        """``db`` is ``None`` while it is still being opened: ``run_gui`` shows the sign-in window
        first and hands the database over with ``set_database`` (docs/product.md "Budgets"). The window owns its
        database: ``shutdown`` disposes of it."""
        super().__init__(parent)
        self._db = db
        self.lang = lang
        self.lane = DbLane()
        # The window's own reads (the branch's settings); a session's end drops their answers.
        self._ops = LaneOps(self, self.lane, on_busy=lambda _busy: None,
                            on_error=lambda exc: log.warning("branch settings not loaded: %s", exc))
        self.ctx: AppContext | None = None
        self._locked = False
        self._idle_override_ms: int | None = None
        self._shut_down = False
        self.sign_in_dialog: SignInDialog | None = None
        self.notifier: ReferralNotifier | None = None  # "told at once", for an RM's session (docs/received.md)
        self.complaint_badge: ComplaintBadge | None = None  # the overdue count in the title (docs/complaints.md)

        self.setObjectName("mainWindow")
        self.setAccessibleName("mainWindow")
        self.setWindowTitle(self.tr("Lobby Referral Desk"))
        self._ui_built = False  # the contents come with the first session: start-up shows only the sign-in

    # --- construction -----------------------------------------------------------------

    def _build_ui(self) -> None:
        """The navigation, page stack, lock screen, status bar and menus (once, at the first session)."""
        if self._ui_built:
            return
        self._ui_built = True
        from gui.dialogs.lock import IdleWatcher, LockScreen
        from gui.navigation import PageNavigator
        from gui.pages_menu import PagesMenu

        self.workspace = PageNavigator()
        self.nav, self.page_stack = self.workspace.nav, self.workspace.page_stack

        self.lock_screen = LockScreen(self.db, self.lane)
        self.root_stack = QStackedWidget()
        self.root_stack.setObjectName("rootStack")
        self.root_stack.addWidget(self.workspace)
        self.root_stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.root_stack)

        self.user_label, self.database_label = build_status_bar(self)
        self.idle = IdleWatcher(self)
        self.idle.set_timeout_ms(self._idle_override_ms or DEFAULT_IDLE_MINUTES * 60_000)
        menus = build_menus(self)
        self.change_password_action, self.lock_action = menus.change_password, menus.lock
        self.sign_out_action, self.quit_action = menus.sign_out, menus.quit
        self.language_action, self.about_action = menus.language, menus.about
        self.pages_menu = PagesMenu(self, menus.pages, self.workspace, lambda: self._locked)
        from gui.score_menu import ScoreMenu

        self.score_menu = ScoreMenu(self, menus.scoring)
        fit_to_screen(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.change_password_action.triggered.connect(self.on_change_password_triggered)
        self.lock_action.triggered.connect(self.on_lock_requested)
        self.sign_out_action.triggered.connect(self.on_sign_out_triggered)
        self.quit_action.triggered.connect(self.close)
        self.language_action.triggered.connect(lambda: show_language(self, self.lang))
        self.about_action.triggered.connect(lambda: show_about(self, self._database_text()))
        self.idle.idled.connect(self.on_lock_requested)
        self.lock_screen.unlocked.connect(self.on_lock_screen_unlocked)
        self.lock_screen.sign_out_requested.connect(self.on_sign_out_triggered)

    def set_database(self, db: Database) -> None:
        """The database is open: say which one, and let the sign-in go ahead."""
        self._db = db
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.set_database(self._database_text())

    @property
    def db(self) -> Database:
        """The window's database; nothing asks for it before ``set_database`` (the sign-in waits)."""
        assert self._db is not None, "the database is still being opened"
        return self._db

    def _database_text(self) -> str | None:
        """What the window says about the database in use; ``None`` while it is being opened."""
        if self._db is None:
            return None
        from services.db import describe

        return describe(self._db.engine)

    # --- signing in -----------------------------------------------------------------------

    def show_sign_in(self, user: str = "", password: str = "") -> SignInDialog:
        """Show the sign-in dialog (non-blocking); the session starts when it succeeds."""
        if self.sign_in_dialog is None:
            self.sign_in_dialog = SignInDialog(lambda: self.db, self.lane, self._database_text(), self)
            self.sign_in_dialog.signed_in.connect(self.on_sign_in_succeeded)
            self.sign_in_dialog.candidate.connect(self.prepare_pages)
            self.sign_in_dialog.check_failed.connect(self.discard_prepared)
            self.sign_in_dialog.rejected.connect(self.on_sign_in_rejected)
        self.sign_in_dialog.prefill(user, password)
        if not password:
            self.sign_in_dialog.reset()
        self.sign_in_dialog.show()
        self.sign_in_dialog.activateWindow()
        return self.sign_in_dialog

    def sign_in(self, user: str, password: str) -> None:
        """Sign in directly (``launch`` with credentials); raises the service's ``AuthError``."""
        from services.accounts import authenticate

        try:
            result = authenticate(self.db, user, password, meanwhile=self.prepare_pages)
        except BaseException:
            self.discard_prepared()
            raise
        self._begin(result)

    @Slot(object)
    def prepare_pages(self, actor: Actor) -> None:
        """While argon2 checks ``actor``'s password: build the role's pages, loading nothing.

        Nothing shows and nothing is read until the password is right and the session starts
        (``_start_session`` then only starts the first page's load); a wrong password
        discards them (docs/architecture.md "Start-up").
        """
        if self.ctx is not None or self._shut_down:
            return
        from gui.context import AppContext

        collector.hold()  # a start-up: the pages' objects live as long as the session
        self._build_ui()
        self.workspace.prepare(AppContext(self.db, actor, self.lang, self.lane, live=False))

    @Slot()
    def discard_prepared(self) -> None:
        if self._ui_built:
            self.workspace.discard_prepared()

    @Slot(object)
    def on_sign_in_succeeded(self, result: SignIn) -> None:
        self._begin(result)

    @Slot()
    def on_sign_in_rejected(self) -> None:
        self.discard_prepared()
        if self.ctx is None:
            self.sign_in_cancelled.emit()

    def _begin(self, result: SignIn) -> None:
        if result.must_change_password:
            self.discard_prepared()
            from gui.dialogs.password import PasswordChangeDialog

            # The pages are built only after the change: nothing of the branch shows before it.
            dialog = PasswordChangeDialog(self.db, self.lane, result.actor, forced=True, parent=self)
            dialog.password_changed.connect(lambda: self._start_session(result.actor))
            dialog.rejected.connect(self.on_forced_change_rejected)
            dialog.finished.connect(self.on_password_dialog_finished)
            dialog.show()
            return
        self._start_session(result.actor)

    @Slot()
    def on_forced_change_rejected(self) -> None:
        self.show_sign_in()

    def _start_session(self, actor: Actor) -> None:
        from gui.context import AppContext
        from gui.widgets.labels import role_label
        from services.scope import bind_actor

        bind_actor(self.db, actor)  # every unit of work from now on is the person's branch's (PostgreSQL's RLS)
        collector.hold()
        self._build_ui()
        prepared = self.workspace.take_prepared(actor)
        self.ctx = prepared.ctx if prepared is not None else AppContext(self.db, actor, self.lang, self.lane)
        self.ctx.go_live()
        self._set_locked(False)
        self.root_stack.setCurrentWidget(self.workspace)
        if prepared is not None:
            self.pages_menu.fill(prepared.entries)
            self.workspace.show_row(0)  # the first page starts loading before the rest of the session's work
        else:
            self.pages_menu.fill(self.workspace.build(self.ctx))
        settings_page = self.workspace.page("settingsPage")
        if settings_page is not None:  # a saved idle time and branch name apply at once (docs/settings.md)
            settings_page.settings_saved.connect(lambda _view: self._load_branch_settings(actor))  # type: ignore[attr-defined]
        from gui.notifier import attach_notifier

        self.notifier = attach_notifier(self, self.ctx)
        from gui.complaint_badge import attach_complaint_badge

        self.complaint_badge = attach_complaint_badge(self, self.ctx)
        self.score_menu.start(self.ctx)
        self.user_label.setText(self.tr("Signed in: {name} ({staff_no}), {role}").format(
            name=actor.name, staff_no=actor.staff_no, role=role_label(actor.role)))
        self.database_label.setText(self.tr("Database: {db}").format(db=self._database_text()))
        self._set_session_actions(True)
        if self.nav.count():
            self.nav.setCurrentRow(0)
        self._load_branch_settings(actor)
        self.idle.start(after_paint_of=self)
        self.show()
        self.activateWindow()
        after_next_paint(self, collector.release)
        self.session_started.emit(actor)

    def _load_branch_settings(self, actor: Actor) -> None:
        db = self.db

        def load() -> tuple[BranchInfo | None, Settings]:
            from services.accounts import Settings, branch_of, get_settings

            if actor.branch_id is None:  # the head office: no branch, the default idle lock
                return None, Settings()
            return branch_of(db, actor.branch_id), get_settings(db, actor.branch_id)

        def done(result: tuple[BranchInfo | None, Settings]) -> None:
            branch, settings = result
            where = branch.name if branch is not None else self.tr("Head office")
            self.setWindowTitle(self.tr("Lobby Referral Desk — {branch}").format(branch=where))
            if self._idle_override_ms is None:
                self.idle.set_timeout_ms(max(1, settings.idle_lock_minutes) * 60_000)

        self._ops.run(load, done)

    # --- pages ------------------------------------------------------------------------------

    @property
    def actor(self) -> Actor | None:
        return self.ctx.actor if self.ctx is not None else None

    @property
    def page_names(self) -> list[str]:
        return self.workspace.page_names if self._ui_built else []

    def page(self, name: str) -> Page | None:
        return self.workspace.page(name) if self._ui_built else None

    def current_page(self) -> Page | None:
        return self.workspace.current_page() if self._ui_built else None

    def show_page(self, name: str) -> None:
        self.workspace.show_page(name)

    def _set_locked(self, locked: bool) -> None:
        self._locked = locked
        if self._ui_built:
            self.workspace.paused = locked  # a page shown under the lock loads nothing

    def _set_session_actions(self, enabled: bool) -> None:
        for action in (self.change_password_action, self.lock_action, *self.pages_menu.actions):
            action.setEnabled(enabled)
        self.score_menu.set_enabled(enabled)
        self.nav.setEnabled(enabled)

    # --- the idle lock ----------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def idle_timeout_ms(self) -> int:
        if not self._ui_built:
            return self._idle_override_ms or DEFAULT_IDLE_MINUTES * 60_000
        return self.idle.timeout_ms

    def set_idle_timeout_ms(self, ms: int) -> None:
        """Override the branch's idle minutes (tests, or a kiosk); kept for this window's life."""
        self._idle_override_ms = ms
        if self._ui_built:
            self.idle.set_timeout_ms(ms)

    @Slot()
    def on_lock_requested(self) -> None:  # the idle timer or the menu
        self.lock_now()

    def lock_now(self) -> None:
        """Cover the window: pages hidden and emptied, open dialogs closed, password asked."""
        if self.ctx is None or self._locked:
            return
        self._set_locked(True)
        self.idle.stop()
        self._close_open_dialogs()
        self.ctx.sensitive.hide_all()  # windows of their own that show a client (docs/product.md)
        self.workspace.clear_all()
        self.lock_screen.engage(self.ctx.actor)  # its text first, so the card is laid out for it
        self.root_stack.setCurrentWidget(self.lock_screen)
        self._set_session_actions(False)
        self.lock_screen.password_edit.setFocus()
        self.locked.emit()

    @Slot()
    def on_lock_screen_unlocked(self) -> None:
        if not self._locked:
            return
        self._set_locked(False)
        self.root_stack.setCurrentWidget(self.workspace)
        self._set_session_actions(True)
        self.workspace.refresh_all()
        if self.ctx is not None:
            self.ctx.sensitive.show_again()
        self.idle.start()
        (self.page_stack.currentWidget() or self.nav).setFocus()
        self.unlocked.emit()

    def _close_open_dialogs(self) -> None:
        # A page's dialog (a contact record, a message box) may show client data too. Windows
        # registered as sensitive are hidden and come back instead.
        keep: list[QWidget] = [w for w in (self.sign_in_dialog,) if w is not None]
        close_dialogs(self, keep + (self.ctx.sensitive.windows() if self.ctx is not None else []))

    # --- account actions --------------------------------------------------------------------

    @Slot()
    def on_change_password_triggered(self) -> None:
        if self.ctx is None or self._locked:
            return
        from gui.dialogs.password import PasswordChangeDialog

        dialog = PasswordChangeDialog(self.db, self.lane, self.ctx.actor, forced=False, parent=self)
        dialog.password_changed.connect(
            lambda: self.statusBar().showMessage(self.tr("The password was changed."), 8000))
        dialog.finished.connect(self.on_password_dialog_finished)
        dialog.open()

    @Slot()
    def on_password_dialog_finished(self) -> None:
        dialog = self.sender()
        if dialog is not None:
            dialog.deleteLater()

    @Slot()
    def on_sign_out_triggered(self) -> None:
        self.sign_out()

    def sign_out(self) -> None:
        """End the session: the pages go, the window hides, the sign-in dialog shows."""
        if self.ctx is None:
            return
        self._end_session()
        self.hide()
        self.show_sign_in()
        self.session_ended.emit()

    def _end_session(self) -> None:
        self.idle.stop()
        self._close_open_dialogs()
        # Jobs in flight call back into the pages: let them land before the pages go.
        self.lane.wait(10_000)
        self._ops.drop_all()  # the branch's settings of a signed-out session go nowhere
        if self.notifier is not None:
            self.notifier.close()
            self.notifier = None
        if self.complaint_badge is not None:
            self.complaint_badge.close()
            self.complaint_badge = None
        self.workspace.remove_all()
        self.pages_menu.clear()
        self.score_menu.stop()
        if self.ctx is not None:
            self.ctx.close()
        self.ctx = None
        self.db.bind_scope(None)  # signed out: no branch's rows until the next sign-in
        collector.thaw()  # the session's pages may be garbage now
        self._set_locked(False)
        self.root_stack.setCurrentWidget(self.workspace)
        self.user_label.clear()
        self.setWindowTitle(self.tr("Lobby Referral Desk"))

    # --- the end ----------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop watching input, let queued work finish, and close the database if it is ours."""
        if self._shut_down:
            return
        self._shut_down = True
        collector.thaw()  # the window's objects may be garbage now
        if self._ui_built:
            self.idle.stop()
        if self.ctx is not None:
            self.ctx.close()
        self.lane.wait(30_000)
        if self._db is not None:
            self._db.dispose()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx is not None:
            self._end_session()
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()
