"""The main window's menus, status bar and size, and the two boxes its Help menu opens.

Strings keep the ``MainWindow`` translation context they had when they lived there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from gui import messages


@dataclass(frozen=True)
class WindowMenus:
    change_password: QAction
    lock: QAction
    sign_out: QAction
    quit: QAction
    language: QAction
    about: QAction
    pages: QMenu  # the signed-in role's pages, filled at each session
    scoring: QMenu  # the supervisor's score settings and branch recompute (gui/score_menu.py)


def window_action(window: QMainWindow, name: str, text: str, shortcut: QKeySequence | None = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(action)  # shortcuts work even while the menu bar is hidden or disabled
    return action


def build_menus(window: QMainWindow) -> WindowMenus:
    bar = window.menuBar()
    account = bar.addMenu(QCoreApplication.translate("MainWindow", "&Account"))
    account.setObjectName("accountMenu")
    menus = WindowMenus(
        change_password=window_action(window, "changePasswordAction",
                                      QCoreApplication.translate("MainWindow", "Change password…")),
        lock=window_action(window, "lockAction", QCoreApplication.translate("MainWindow", "Lock the screen"),
                           QKeySequence("Ctrl+L")),
        sign_out=window_action(window, "signOutAction", QCoreApplication.translate("MainWindow", "Sign out")),
        quit=window_action(window, "quitAction", QCoreApplication.translate("MainWindow", "Quit"),
                           QKeySequence("Ctrl+Q")),
        language=window_action(window, "languageAction",
                               QCoreApplication.translate("MainWindow", "Interface language…")),
        about=window_action(window, "aboutAction",
                            QCoreApplication.translate("MainWindow", "About Lobby Referral Desk")),
        pages=bar.addMenu(QCoreApplication.translate("MainWindow", "&Pages")),
        scoring=bar.addMenu(QCoreApplication.translate("MainWindow", "&Scoring")),
    )
    account.addAction(menus.change_password)
    account.addAction(menus.lock)
    account.addSeparator()
    account.addAction(menus.sign_out)
    account.addAction(menus.quit)
    menus.pages.setObjectName("pagesMenu")
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.setObjectName("helpMenu")
    help_menu.addAction(menus.language)
    help_menu.addAction(menus.about)
    return menus


def build_status_bar(window: QMainWindow) -> tuple[QLabel, QLabel]:
    """Who is signed in (left) and which database is in use (right)."""
    user_label = QLabel()
    user_label.setObjectName("statusUserLabel")
    user_label.setAccessibleName("statusUserLabel")
    database_label = QLabel()
    database_label.setObjectName("statusDatabaseLabel")
    database_label.setAccessibleName("statusDatabaseLabel")
    database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.statusBar().setObjectName("statusBar")
    window.statusBar().addWidget(user_label, 1)
    window.statusBar().addPermanentWidget(database_label)
    return user_label, database_label


def fit_to_screen(window: QMainWindow) -> None:
    window.setMinimumSize(960, 600)
    screen = window.screen()
    avail = screen.availableGeometry() if screen is not None else None
    if avail is None or avail.width() < 400:
        window.resize(1280, 800)
        return
    # 1366×768 screens leave about 1366×728: fill most of it; larger screens get a calm 1440×900.
    window.resize(min(1440, int(avail.width() * 0.94)), min(900, int(avail.height() * 0.94)))


def show_language(parent: QWidget, lang: str) -> None:
    current = "English" if lang == "en" else "简体中文"
    messages.info(parent, QCoreApplication.translate("MainWindow", "Interface language"),
                  QCoreApplication.translate(
                      "MainWindow", "The interface language is {language}. It is chosen when the program starts: "
                      "lobbydesk --lang zh_CN for 简体中文, lobbydesk --lang en for English.")
                  .format(language=current), name="languageMessageBox")


def show_about(parent: QWidget, database: str | None) -> None:
    messages.info(parent, QCoreApplication.translate("MainWindow", "About Lobby Referral Desk"),
                  QCoreApplication.translate(
                      "MainWindow", "Lobby Referral Desk: premium-client referrals, follow-up and the daily "
                      "statistics sheet for a bank branch.\n\nDatabase: {db}").format(db=database),
                  name="aboutMessageBox")
