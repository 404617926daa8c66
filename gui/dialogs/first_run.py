"""The first-run dialog on an empty database: set up this branch, or open the demo branch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.dialogs.base import LaneDialog
from gui.widgets.field_error import named
from gui.widgets.labels import role_label
from services.db import Database, describe

if TYPE_CHECKING:
    from gui.worker import DbLane
    from services.accounts import BranchInfo, StaffInfo
    from services.demo import DemoAccount, DemoResult


class FirstRunDialog(LaneDialog):
    """Offers the two ways to start on an empty database; accepted once one of them is done.

    After ``accept()``, ``prefill_user`` and ``prefill_password`` hold what the sign-in
    dialog should show: the new administrator's staff id, or the chosen demo account.
    """

    CHOICE, SETUP, DEMO = range(3)

    def __init__(self, db: Database, lane: DbLane, parent: QWidget | None = None) -> None:
        super().__init__(lane, "firstRunDialog", "firstRunSetupError", parent)
        self._db = db
        self._demo_accounts: list[DemoAccount] = []
        self._branches_asked = False
        self.prefill_user = ""
        self.prefill_password = ""
        self.setWindowTitle(self.tr("First start — Lobby Referral Desk"))
        self.setMinimumWidth(560)

        self.stack = named(QStackedWidget(), "firstRunStack")
        self.stack.addWidget(self._build_choice(describe(db.engine)))
        self.stack.addWidget(self._build_setup())
        self.stack.addWidget(self._build_demo())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(self.stack)
        self._connect_signals()

    # --- pages ------------------------------------------------------------------

    def _build_choice(self, database_text: str) -> QWidget:
        page = QWidget()
        title = named(QLabel(self.tr("Welcome to Lobby Referral Desk")), "firstRunTitleLabel")
        intro = QLabel(self.tr("This database is new. Set up your branch and its first administrator, "
                               "or open a demo branch with sample staff and clients to try the program."))
        intro.setWordWrap(True)
        where = named(QLabel(self.tr("Database: {db}").format(db=database_text)), "firstRunDatabaseLabel")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setup_choice_button = named(QPushButton(self.tr("Set up this branch…")), "setUpBranchButton")
        self.demo_choice_button = named(QPushButton(self.tr("Open the demo branch")), "openDemoButton")
        for b in (self.setup_choice_button, self.demo_choice_button):
            b.setAutoDefault(False)
            b.setMinimumHeight(40)
        setup_note = QLabel(self.tr("For real work: your branch code and name, and the administrator "
                                    "who will add the staff accounts."))
        setup_note.setWordWrap(True)
        demo_note = QLabel(self.tr("For training: a made-up branch with 30 days of referrals. "
                                   "Do not enter real clients there."))
        demo_note.setWordWrap(True)
        col = QVBoxLayout(page)
        col.setSpacing(10)
        col.addWidget(title)
        col.addWidget(intro)
        col.addSpacing(6)
        col.addWidget(self.setup_choice_button)
        col.addWidget(setup_note)
        col.addSpacing(6)
        col.addWidget(self.demo_choice_button)
        col.addWidget(demo_note)
        col.addStretch(1)
        col.addWidget(where)
        return page

    def _build_setup(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Set up this branch"))
        title.setObjectName("firstRunSetupTitleLabel")
        self.branch_code_edit = self._edit("branchCodeEdit", 32)
        self.branch_code_edit.setPlaceholderText(self.tr("e.g. 0105"))
        self.branch_name_edit = self._edit("branchNameEdit", 64)
        self.branch_name_edit.setPlaceholderText(self.tr("e.g. Hefei Shushan Sub-branch"))
        self.admin_id_edit = self._edit("adminIdEdit", 32)
        self.admin_name_edit = self._edit("adminNameEdit", 30)
        self.admin_password_edit = self._edit("adminPasswordEdit", 128)
        self.admin_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_confirm_edit = self._edit("adminConfirmEdit", 128)
        self.admin_confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("Branch code"), self.branch_code_edit, "branch_code")
        self.errors.add_row(form, self.tr("Branch name"), self.branch_name_edit, "branch_name")
        self.errors.add_row(form, self.tr("Administrator's staff ID"), self.admin_id_edit, "staff_id")
        self.errors.add_row(form, self.tr("Administrator's name"), self.admin_name_edit, "name")
        self.errors.add_row(form, self.tr("Password"), self.admin_password_edit, "password")
        self.errors.add_row(form, self.tr("Password again"), self.admin_confirm_edit, "confirm")
        rules = QLabel(self.tr("A password has at least 8 characters, with both letters and digits. "
                               "The administrator adds the other staff accounts after signing in."))
        rules.setObjectName("firstRunRulesLabel")
        rules.setWordWrap(True)

        self.setup_back_button = named(QPushButton(self.tr("Back")), "setupBackButton")
        self.create_button = named(QPushButton(self.tr("Set up and sign in")), "createBranchButton")
        for b in (self.setup_back_button, self.create_button):
            b.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.setup_back_button)
        row.addStretch(1)
        row.addWidget(self.create_button)

        col = QVBoxLayout(page)
        col.setSpacing(10)
        col.addWidget(title)
        col.addLayout(form)
        col.addWidget(rules)
        col.addWidget(self.errors.general)
        col.addStretch(1)
        col.addLayout(row)
        return page

    def _build_demo(self) -> QWidget:
        page = QWidget()
        self.demo_status = named(QLabel(self.tr("Building the demo branch: staff, clients and 30 days of "
                                                "referrals. This takes a moment…")), "demoStatusLabel")
        self.demo_status.setWordWrap(True)
        self.demo_progress = named(QProgressBar(), "demoProgressBar")
        self.demo_progress.setRange(0, 0)  # busy: the build reports no steps
        self.demo_progress.setTextVisible(False)
        self.demo_table = named(QTableWidget(0, 4), "demoAccountsTable")
        self.demo_table.setHorizontalHeaderLabels(
            [self.tr("Staff ID"), self.tr("Name"), self.tr("Role"), self.tr("Password")])
        self.demo_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.demo_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.demo_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.demo_table.verticalHeader().hide()
        self.demo_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.demo_table.hide()
        self.demo_hint = QLabel(self.tr("Pick an account and sign in with it. The demo passwords are "
                                        "shown here only; note the ones you need."))
        self.demo_hint.setObjectName("demoHintLabel")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.hide()
        self.demo_continue_button = named(QPushButton(self.tr("Sign in with this account")), "continueButton")
        self.demo_continue_button.setAutoDefault(False)
        self.demo_continue_button.setEnabled(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.demo_continue_button)
        col = QVBoxLayout(page)
        col.setSpacing(10)
        col.addWidget(self.demo_status)
        col.addWidget(self.demo_progress)
        col.addWidget(self.demo_table, 1)
        col.addWidget(self.demo_hint)
        col.addLayout(row)
        return page

    def _edit(self, name: str, max_length: int) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setMaxLength(max_length)
        return edit

    def _connect_signals(self) -> None:
        self.setup_choice_button.clicked.connect(self.on_setup_choice_clicked)
        self.demo_choice_button.clicked.connect(self.on_demo_choice_clicked)
        self.setup_back_button.clicked.connect(self.on_back_clicked)
        self.create_button.clicked.connect(self.on_create_clicked)
        self.admin_confirm_edit.returnPressed.connect(self.on_create_clicked)
        self.demo_continue_button.clicked.connect(self.on_continue_clicked)
        self.demo_table.itemSelectionChanged.connect(self.on_demo_selection_changed)
        self.demo_table.itemDoubleClicked.connect(lambda _item: self.on_continue_clicked())

    # --- set up this branch ---------------------------------------------------------

    def _load_branches(self) -> None:
        db = self._db

        def branches() -> list[BranchInfo]:
            from services.accounts import list_branches

            return list_branches(db)

        self.run(branches, self.on_branches_loaded, failed=lambda exc: None)  # the form works without

    def on_branches_loaded(self, branches: list[BranchInfo]) -> None:
        # ``init`` may have made the branch already; the administrator joins it as it is.
        if branches:
            self.branch_code_edit.setText(branches[0].code)
            self.branch_name_edit.setText(branches[0].name)
            for edit in (self.branch_code_edit, self.branch_name_edit):
                edit.setReadOnly(True)

    @Slot()
    def on_setup_choice_clicked(self) -> None:
        if not self._branches_asked:
            self._branches_asked = True
            self._load_branches()
        self.stack.setCurrentIndex(self.SETUP)
        (self.admin_id_edit if self.branch_code_edit.isReadOnly() else self.branch_code_edit).setFocus()

    @Slot()
    def on_back_clicked(self) -> None:
        self.errors.clear()
        self.stack.setCurrentIndex(self.CHOICE)

    @Slot()
    def on_create_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        db = self._db
        values = dict(
            branch_code=self.branch_code_edit.text(), branch_name=self.branch_name_edit.text(),
            staff_no=self.admin_id_edit.text().strip(), name=self.admin_name_edit.text(),
            password=self.admin_password_edit.text(), confirm=self.admin_confirm_edit.text(),
        )

        def set_up() -> tuple[BranchInfo, StaffInfo]:
            from services.accounts import set_up_branch

            return set_up_branch(db, **values)

        self.run(set_up, self.on_created, busy=True, change=True)  # refused: beside the fields

    def on_created(self, result: tuple[BranchInfo, StaffInfo]) -> None:
        _branch, admin = result
        self.prefill_user = admin.staff_no
        self.prefill_password = ""
        self.admin_password_edit.clear()
        self.admin_confirm_edit.clear()
        self.accept()

    # --- the demo branch ------------------------------------------------------------

    @Slot()
    def on_demo_choice_clicked(self) -> None:
        if self.busy:
            return
        self.stack.setCurrentIndex(self.DEMO)
        db = self._db

        def build() -> DemoResult:
            from services.demo import build_demo

            return build_demo(db)

        self.run(build, self.on_demo_built, failed=self.on_demo_failed, busy=True, change=True)

    def on_demo_built(self, result: DemoResult) -> None:
        self.demo_progress.hide()
        self._demo_accounts = list(result.accounts)
        self.demo_status.setText(self.tr("The demo branch {code} {name} is ready.").format(
            code=result.branch_code, name=result.branch_name))
        self.demo_table.setRowCount(len(self._demo_accounts))
        for row, acc in enumerate(self._demo_accounts):
            for col, text in enumerate((acc.staff_no, acc.name, role_label(acc.role), acc.password)):
                item = QTableWidgetItem(str(text))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.demo_table.setItem(row, col, item)
        self.demo_table.show()
        self.demo_hint.show()
        if self._demo_accounts:
            self.demo_table.selectRow(0)
            self.demo_table.setFocus()

    def on_demo_failed(self, exc: BaseException) -> None:
        self.demo_progress.hide()
        self.stack.setCurrentIndex(self.CHOICE)
        messages.show_error(self, exc)

    @Slot()
    def on_demo_selection_changed(self) -> None:
        self.demo_continue_button.setEnabled(bool(self.demo_table.selectionModel().selectedRows()))

    @Slot()
    def on_continue_clicked(self) -> None:
        rows = self.demo_table.selectionModel().selectedRows()
        if not rows:
            return
        acc = self._demo_accounts[rows[0].row()]
        # Demo passwords are no secret (they are shown above); filling both saves typing.
        self.prefill_user, self.prefill_password = acc.staff_no, acc.password
        self.accept()

    def reject(self) -> None:
        if not self.busy:  # a half-built branch would be left behind
            super().reject()

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for w in (self.setup_choice_button, self.demo_choice_button, self.create_button, self.setup_back_button):
            w.setEnabled(not busy)
