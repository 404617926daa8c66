"""Starting the window: the bundled font, translations and style, the database, first run, sign-in.

Start-up time counts (docs/product.md "Budgets": ≤ 0.5 s to the sign-in window), so this module
imports Qt and little else at the top; the database layer, Alembic and the
pages are imported when they are needed.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

import resources
from gui import collector, messages
from gui.main_window import MainWindow
from gui.widgets.tone import INK, with_text_colour

if TYPE_CHECKING:
    from services.db import Clock, Database

log = logging.getLogger("lobbydesk.gui")

FONT_POINT_SIZE = 10
BENCH_ENV = "LOBBYDESK_BENCH_QUIT_ON_SHOWN"

_translators: list[QTranslator] = []
_translators_lang: str | None = None


def normalise_lang(lang: str | None) -> str:
    return "en" if (lang or "").lower().startswith("en") else "zh_CN"


# --- what every window needs from the application ------------------------------------------

def install_font(app: QApplication) -> None:
    """The bundled CJK font as the application font, so Chinese never shows as boxes."""
    if app.property("lobbydesk_font"):
        return
    font_id = QFontDatabase.addApplicationFont(str(resources.font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else resources.FONT_FAMILY
    if font_id < 0:
        log.warning("bundled font %s not loaded; using the system's", resources.font_path())
    app.setFont(QFont(family, FONT_POINT_SIZE))
    app.setProperty("lobbydesk_font", family)


def install_translators(app: QApplication, lang: str) -> None:
    """Our .qm for ``lang`` and, for Chinese, Qt's own (standard buttons say 确定/取消)."""
    global _translators_lang
    lang = normalise_lang(lang)
    if _translators_lang == lang and _translators:
        return
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    wanted = [(f"lobbydesk_{lang}", str(resources.i18n_dir()))]
    if lang == "zh_CN":
        wanted.append(("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, directory in wanted:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _translators.append(translator)
        else:  # Qt's own is optional (a trimmed Qt may lack it); ours is not
            (log.info if name.startswith("qtbase") else log.warning)("translation %s not found in %s", name, directory)
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Chinese,
                               QLocale.Country.UnitedStates if lang == "en" else QLocale.Country.China))
    _translators_lang = lang


def install_style(app: QApplication) -> None:
    if app.property("lobbydesk_style"):
        return
    app.setPalette(with_text_colour(app.palette(), INK))
    try:
        sheet = resources.path("style.qss").read_text(encoding="utf-8")
        app.setStyleSheet(sheet.replace("@ICONS@", resources.path("icons").as_posix()))
    except OSError as exc:
        log.warning("style sheet not loaded: %s", exc)
    app.setProperty("lobbydesk_style", True)


# The GUI thread and the database lane share one interpreter. Python hands it from a thread that
# runs to one that waits every 5 ms by default; the GUI thread, calling into Python for every
# model cell and event filter while the lane reads, waited that long again and again. Half a
# millisecond keeps painting and reading interleaved (docs/architecture.md "Start-up").
SWITCH_INTERVAL_S = 0.0005


def install_resources(app: QApplication, lang: str) -> None:
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    collector.install(app)
    install_font(app)
    install_translators(app, lang)
    install_style(app)


# --- the automation contract (docs/product.md "Automation contract") --------------------------------------------------

def _open_database(url: str, clock: Clock | None = None) -> Database:
    """The engine for ``url`` with its schema brought up to date (Alembic only when a migration is due)."""
    from services.db import Database, make_engine, schema_looks_current, utc_now
    from services.storage import ensure_healthy

    ensure_healthy(url, startup=True)  # a damaged file: DamagedDatabase names the newest backup, nothing written
    engine = make_engine(url)
    try:
        if not schema_looks_current(engine):
            from services.db import migrate  # Alembic's machinery is slow to import

            migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, clock or utc_now)


def launch(db_url: str, user: str | None = None, password: str | None = None, *,
           idle_seconds: int | None = None, clock: Clock | None = None, lang: str | None = None) -> QMainWindow:
    """Build the application window for ``db_url`` without entering the event loop.

    A ``QApplication`` must exist; the bundled font, the translations for ``lang``
    (default: the services' language, 简体中文 unless set) and the style sheet are
    installed into it. The schema is migrated when it is not current. ``idle_seconds``
    overrides the branch's idle-lock minutes for this window (tests lock it in seconds).
    ``clock`` replaces the real clock of the window's database (tests).

    Returns the ``MainWindow`` (objectName ``mainWindow``) at once:

    - with ``user`` and ``password``: signed in directly; the service's ``AuthError``
      is raised when they are wrong. The window is shown with the role's pages —
      unless the account must change its password: then the window stays hidden
      and its child ``passwordDialog`` (``newPasswordEdit``, ``confirmPasswordEdit``,
      ``changePasswordButton``) shows; the pages are built after a valid change.
    - without them: the window stays hidden and its child ``signInDialog``
      (``loginUserEdit``, ``loginPasswordEdit``, ``loginButton``; also
      ``window.sign_in_dialog``) shows, non-modal, with ``user`` filled in when given.
      A successful sign-in (checked on the database lane) leads to the same steps.

    The window owns its database: closing the window (or ``window.shutdown()``)
    waits for queued work and disposes of the engine.
    """
    from services import i18n

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("gui.app.launch needs a QApplication to exist first")
    lang = normalise_lang(lang or i18n.language())
    i18n.set_language(lang)
    install_resources(app, lang)
    db = _open_database(db_url, clock)
    window = MainWindow(db, lang=lang)
    if idle_seconds is not None:
        window.set_idle_timeout_ms(max(1, idle_seconds) * 1000)
    if user is not None and password is not None:
        try:
            window.sign_in(user, password)
        except BaseException:
            window.shutdown()
            window.deleteLater()
            raise
    else:
        window.show_sign_in(user or "")
    return window


# --- the program -----------------------------------------------------------------------------

class _FirstPaint(QObject):
    """Calls ``then`` once, right after the first window of the program has painted."""

    def __init__(self, app: QApplication, then: Callable[[], None]) -> None:
        super().__init__(app)
        self._app = app
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.isWindow():
            self._app.removeEventFilter(self)  # once: every later event skips this filter
            collector.release()
            QTimer.singleShot(0, self._then)
        return False


@dataclass(frozen=True)
class _Opened:
    database: Database
    first_run: bool


def _open_for_program(db_url: str | None) -> _Opened:
    """On the lane: the URL, the engine, the schema (migrated if due), and whether this is the first run."""
    from services.accounts import is_empty
    from services.db import resolve_url

    database = _open_database(resolve_url(db_url))
    try:
        return _Opened(database, is_empty(database))
    except BaseException:
        database.dispose()
        raise


class _Program(QObject):
    """The program's course: sign-in window first, the database opened meanwhile, first run if empty."""

    def __init__(self, app: QApplication, db_url: str | None, lang: str) -> None:
        super().__init__(app)
        self.app = app
        self.db_url = db_url
        self.window = MainWindow(None, lang=lang)  # the database follows, opened on the lane
        self.window.closed.connect(app.quit)
        self.window.sign_in_cancelled.connect(app.quit)

    def start(self) -> None:
        self.window.show_sign_in()

    def open_database(self) -> None:
        self.window.lane.submit(lambda: _open_for_program(self.db_url), self.on_opened, self.on_open_failed)

    def on_opened(self, opened: _Opened) -> None:
        self.window.set_database(opened.database)
        if opened.first_run:
            from gui.dialogs.first_run import FirstRunDialog

            dialog = self.window.sign_in_dialog
            first = FirstRunDialog(opened.database, self.window.lane, self.window)
            first.accepted.connect(lambda: self.window.show_sign_in(first.prefill_user, first.prefill_password))
            first.rejected.connect(self.app.quit)
            first.show()
            if dialog is not None:
                dialog.hide()  # after the first-run dialog shows: never a moment without a window

    def on_open_failed(self, exc: BaseException) -> None:
        from services.db import StorageError

        if isinstance(exc, StorageError):
            _fatal(QCoreApplication.translate("app", "The database cannot be used"), str(exc))
            self.app.exit(2)
            return
        log.error("opening the database failed", exc_info=(type(exc), exc, exc.__traceback__))
        _fatal(QCoreApplication.translate("app", "The database cannot be opened"),
               QCoreApplication.translate(
                   "app", "The database could not be opened. Check its address and that the server is running.")
               + f"\n\n{type(exc).__name__}: {exc}")
        self.app.exit(1)

    def finish(self) -> None:
        self.window.shutdown()  # disposes of the database once it was handed over
        self.window.deleteLater()


def _fatal(title: str, text: str) -> None:
    messages.fatal(title, text, name="startupErrorBox")


def run_gui(db_url: str | None, lang: str) -> int:
    """The program with no command: sign-in (or first run), then the main window, until it closes.

    Start-up time counts (docs/product.md "Budgets"): the sign-in window is built from Qt alone and
    shown first; right after it has painted, the database lane resolves the URL,
    builds the engine, checks the schema cheaply (Alembic only when a migration is
    due) and asks whether any account exists. Signing in waits for that (a few
    tenths of a second); an empty database replaces the sign-in window by the
    first-run dialog; a database that cannot be used ends the program with status 2
    after saying why (1 for other failures). With ``LOBBYDESK_BENCH_QUIT_ON_SHOWN=1``
    the program ends, status 0, as soon as that first window has painted.
    """
    lang = normalise_lang(lang)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("LobbyDesk")
    app.setOrganizationName("LobbyDesk")
    app.setQuitOnLastWindowClosed(False)  # between two windows none shows for a moment
    install_resources(app, lang)

    program = _Program(app, db_url, lang)
    quit_when_shown = os.environ.get(BENCH_ENV) == "1"
    app.installEventFilter(_FirstPaint(app, (lambda: app.exit(0)) if quit_when_shown else program.open_database))
    program.start()
    code = app.exec()
    program.finish()
    program.deleteLater()
    return code
