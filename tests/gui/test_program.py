"""The real program (run_gui, main.py): first run to main window, a database that cannot work, the benchmark switch."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QWidget,
)

from services import accounts
from services.db import Database, make_engine, schema_looks_current
from tests.gui.window_support import ROOT, Driver, run_to_the_startup_error, shown

# --- the program -----------------------------------------------------------------------------------

def test_the_program_migrates_a_new_file_and_leads_from_first_run_to_the_main_window(qtbot, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    engine = make_engine(url)
    assert not schema_looks_current(engine)  # a new file: the program must migrate it
    engine.dispose()
    typed: dict[str, str] = {}

    def fill_first_run() -> bool:
        button = shown(QPushButton, "setUpBranchButton")
        if button is None:
            return False
        assert shown(QWidget, "signInDialog") is None  # an empty database starts with the first run
        button.click()
        for name, text in (("branchCodeEdit", "0105"), ("branchNameEdit", "蜀山支行"), ("adminIdEdit", "A0001"),
                           ("adminNameEdit", "郑凯"), ("adminPasswordEdit", "Admin2026"),
                           ("adminConfirmEdit", "Admin2026")):
            shown(QLineEdit, name).setText(text)
        shown(QPushButton, "createBranchButton").click()
        return True

    def sign_in() -> bool:
        user = shown(QLineEdit, "loginUserEdit")
        if user is None or not shown(QPushButton, "loginButton").isEnabled():
            return False
        typed["user"] = user.text()
        shown(QLineEdit, "loginPasswordEdit").setText("Admin2026")
        shown(QPushButton, "loginButton").click()
        return True

    def main_window_up() -> bool:
        window = shown(QMainWindow, "mainWindow")
        if window is None:
            return False
        typed["pages"] = ",".join(window.page_names)
        typed["status"] = window.findChild(QLabel, "statusUserLabel").text()
        window.close()  # the program ends with its window
        return True

    driver = Driver([fill_first_run, sign_in, main_window_up])
    code = driver.run(url)
    assert not driver.errors, driver.errors
    assert code == 0
    assert typed == {"user": "A0001", "pages": "staffPage,settingsPage,auditPage,branchesPage",
                     "status": "当前登录：郑凯（A0001），系统管理员"}
    database = Database(make_engine(url))
    try:
        assert schema_looks_current(database.engine) and not accounts.is_empty(database)
    finally:
        database.dispose()


def test_a_database_url_that_cannot_work_is_explained_and_ends_with_status_2(qtbot) -> None:
    code, seen = run_to_the_startup_error("mysql://nobody@localhost/nothing")
    assert code == 2
    assert seen and "不支持的数据库" in seen[0]


def test_the_benchmark_switch_ends_the_program_once_the_first_window_shows(db_url: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOBBYDESK_BENCH_QUIT_ON_SHOWN="1")
    env.pop("LOBBYDESK_DB_URL", None)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db_url], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


_SIGN_IN_ONLY = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
import gui.app
from gui.dialogs.sign_in import SignInDialog
from gui.worker import DbLane
dialog = SignInDialog(lambda: None, DbLane(), None)
dialog.show()
app.processEvents()
print(sorted(name for name in ("sqlalchemy", "alembic", "services.db") if name in sys.modules))
"""


def test_the_sign_in_window_is_built_before_the_database_layer_is_loaded() -> None:
    # docs/product.md "Budgets": the first window comes from Qt alone; the database layer loads after it.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", _SIGN_IN_ONLY], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
