"""Find a client in a keystroke (``clientPage``): masked results as you type; open a profile or file a referral.

Every role but admin (and head office) may search (``client.lookup``). What a role finds and sees is
the service's rule (docs/permissions.md "Search"): the page checks the text with
``clients.check_search_text`` on each keystroke (no query for control characters or an overlong
text, a message beside the field instead), then asks ``search_clients`` on the lane with a key, so
a slower answer to an earlier keystroke never replaces a newer one. Enter or double-click on a
result opens the profile window when the row says the viewer may (``ClientMatch.can_open``);
otherwise it offers to file a referral for that client on the referral form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.context import AppContext
from gui.itemmodels.client_search import PAGE, ClientSearchModel
from gui.pages.base import Page
from gui.widgets.field_error import FieldErrorLabel, named
from gui.widgets.tone import HINT, set_tone
from services import clients
from services.clients import ClientMatch
from services.errors import ValidationError
from services.permissions import Action, allowed

if TYPE_CHECKING:
    from gui.navigation import PageNavigator
    from gui.pages.referral_form import ReferralPage

DEBOUNCE_MS = 150  # one query per pause in typing, not per key


class ClientSearchPage(Page):
    """The search field over its results."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "clientPage", parent)
        self.entitled = allowed(ctx.actor.role, Action.CLIENT_PROFILE)
        self.may_refer = allowed(ctx.actor.role, Action.REFERRAL_FILE)
        self.model = ClientSearchModel(ctx, with_tier=self.entitled, parent=self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.search_edit = named(QLineEdit(), "clientSearchEdit")
        self.search_edit.setPlaceholderText(
            self.tr("Mobile, last four digits, name or its start, or ID number") if not self.entitled else
            self.tr("Mobile or its start, last four digits, name or its start, or ID number"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_error = FieldErrorLabel("clientSearchEdit", wrap=True)
        self.summary_label = named(QLabel(), "clientSearchSummaryLabel")
        set_tone(self.summary_label, HINT)
        self.table = named(QTableView(), "clientSearchResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.open_button = named(QPushButton(self.tr("&Open profile")), "openProfileButton")
        self.refer_button = named(QPushButton(self.tr("&File a referral for this client")), "referClientButton")
        self.open_button.setVisible(self.entitled)
        self.refer_button.setVisible(self.may_refer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.refer_button)
        hint = QLabel(self.tr("Enter or double-click opens the profile of a client you look after.")
                      if self.entitled else
                      self.tr("Enter or double-click files a referral for the client."))
        set_tone(hint, HINT)
        col = QVBoxLayout(self)
        col.addWidget(QLabel(self.tr("Find a client")))
        col.addWidget(self.search_edit)
        col.addWidget(self.search_error)
        col.addWidget(self.table, 1)
        col.addLayout(buttons)
        col.addWidget(hint)
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.search_edit.textEdited.connect(self.on_search_edited)
        self.search_edit.returnPressed.connect(self.on_search_return)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.table.activated.connect(self.on_result_activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.load_failed.connect(self.show_error)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.refer_button.clicked.connect(self.on_refer_clicked)

    # --- the page contract ---------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_sensitive(self) -> None:
        """The idle lock: the typed text (a name or a number) and the results go."""
        super().clear_sensitive()
        self._timer.stop()
        self.search_edit.clear()
        self.search_error.clear_error()
        self.summary_label.clear()
        self.model.clear()

    # --- searching -------------------------------------------------------------------------

    @Slot(str)
    def on_search_edited(self, _text: str) -> None:
        self._timer.start()

    @Slot()
    def on_timer_timeout(self) -> None:
        self.search(self.search_edit.text())

    def search(self, raw: str) -> None:
        """Check ``raw``; a refused text gets its message beside the field and no query."""
        try:
            text = clients.check_search_text(raw)
        except ValidationError as exc:
            self.drop_answers("search")
            self.model.clear()
            self.summary_label.clear()
            self.search_error.show_error(exc.fields.get("search", str(exc)))
            return
        self.search_error.clear_error()
        if not text:
            self.drop_answers("search")
            self.model.clear()
            self.summary_label.clear()
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.run(lambda: clients.search_clients(db, actor, text, limit=PAGE),
                 lambda rows: self._show(text, rows), failed=self._on_search_failed, key="search")

    def _show(self, text: str, rows: list[ClientMatch]) -> None:
        self.model.set_results(text, rows)
        if not rows:
            self.summary_label.setText(self.tr("No client found."))
        elif len(rows) < PAGE:
            self.summary_label.setText(self.tr("Clients found: {n}").format(n=len(rows)))
        else:
            self.summary_label.setText(self.tr("More than {n} clients found; type more to narrow.").format(n=len(rows)))
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _on_search_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.search_error.show_error(exc.fields.get("search", str(exc)))
            return
        self.show_error(exc)

    # --- acting on a result -----------------------------------------------------------------

    def selected_match(self) -> ClientMatch | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.match_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        m = self.selected_match()
        self.open_button.setEnabled(m is not None and m.can_open)
        self.refer_button.setEnabled(m is not None and self._referral_form() is not None)

    @Slot()
    def on_search_return(self) -> None:
        if self._timer.isActive():  # Enter right after typing: search now, then act on the first result
            self._timer.stop()
            self.search(self.search_edit.text())
            return
        m = self.selected_match() or self.model.match_at(0)
        if m is not None:
            self.act_on(m)

    @Slot(QModelIndex)
    def on_result_activated(self, index: QModelIndex) -> None:
        m = self.model.match_at(index.row())
        if m is not None:
            self.act_on(m)

    def act_on(self, m: ClientMatch) -> None:
        """Enter or double-click: the profile for an entitled viewer, otherwise the offer to refer."""
        if m.can_open:
            self.open_profile(m)
        elif self.may_refer and self._referral_form() is not None:
            self.offer_referral(m)

    @Slot()
    def on_open_clicked(self) -> None:
        m = self.selected_match()
        if m is not None and m.can_open:
            self.open_profile(m)

    @Slot()
    def on_refer_clicked(self) -> None:
        m = self.selected_match()
        if m is not None:
            self.file_referral_for(m)

    def open_profile(self, m: ClientMatch) -> None:
        from gui.profile_window import open_profile

        open_profile(self.ctx, m.id, self.window())

    def offer_referral(self, m: ClientMatch) -> None:
        messages.confirm(self, self.tr("File a referral"),
                         self.tr("File a referral for {name} ({mobile})?").format(name=m.name, mobile=m.mobile_masked),
                         lambda: self.file_referral_for(m), name="referClientConfirm",
                         yes_text=self.tr("File a referral"), no_text=self.tr("Cancel"))

    def file_referral_for(self, m: ClientMatch) -> None:
        """Switch to the referral form with ``m`` filled in, as if picked from the form's own look-up."""
        found = self._referral_form()
        if found is None:
            return
        workspace, form = found
        workspace.show_page("referralPage")
        form.new_referral()
        form.on_completer_client_picked(m)

    def _referral_form(self) -> tuple[PageNavigator, ReferralPage] | None:
        """The main window's workspace and its referral form, when this role has one."""
        from gui.navigation import PageNavigator
        from gui.pages.referral_form import ReferralPage

        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, PageNavigator):
            widget = widget.parentWidget()
        if widget is None:
            return None
        form = widget.page("referralPage")
        return (widget, form) if isinstance(form, ReferralPage) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Down from the field goes into the results, as in any search box.
        if event.key() == Qt.Key.Key_Down and self.search_edit.hasFocus() and self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)
