"""The signed-in role's pages behind a navigation list, built from the page registry."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from gui.context import AppContext
from gui.pages.base import Page
from gui.pages.registry import pages_for
from services.permissions import Actor

log = logging.getLogger("lobbydesk.gui.shell")


@dataclass(frozen=True)
class NavEntry:
    """One page in the navigation: what the window's Pages menu offers for it."""

    object_name: str
    label: str
    shortcut: QKeySequence | None
    row: int


@dataclass(frozen=True)
class Prepared:
    """Pages built for ``ctx.actor`` while their password was being checked, loading nothing yet."""

    ctx: AppContext
    entries: list[NavEntry]


class PageNavigator(QWidget):
    """The navigation list (``navList``) beside the page stack (``pageStack``).

    Showing a page calls its ``refresh()`` unless the navigator is ``paused`` (the idle lock).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.paused = False
        self._pages: dict[str, Page] = {}
        self._prepared: Prepared | None = None
        self.nav = QListWidget()
        self.nav.setObjectName("navList")
        self.nav.setAccessibleName("navList")
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.nav.setFixedWidth(180)
        self.page_stack = QStackedWidget()
        self.page_stack.setObjectName("pageStack")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.page_stack, 1)
        self.nav.currentRowChanged.connect(self.on_nav_row_changed)

    def build(self, ctx: AppContext, *, show_first: bool = True) -> list[NavEntry]:
        """The pages the permission table grants ``ctx.actor``'s role, in registry order; the first is
        shown (and starts loading) unless ``show_first`` is false."""
        entries = []
        for index, spec in enumerate(pages_for(ctx.actor.role)):
            page = spec.page_class()(ctx, self.page_stack)
            self._pages[spec.object_name] = page
            self.page_stack.addWidget(page)
            label = spec.label(ctx.actor.role)
            item = QListWidgetItem(label)
            shortcut = QKeySequence(f"Ctrl+{index + 1}") if index < 9 else None
            if shortcut is not None:
                item.setToolTip(shortcut.toString(QKeySequence.SequenceFormat.NativeText))
            self.nav.addItem(item)
            if index == 0 and show_first:
                # The first page starts loading (on the lane) while the others are built.
                self.nav.setCurrentRow(0)
            entries.append(NavEntry(spec.object_name, label, shortcut, index))
        return entries

    def prepare(self, ctx: AppContext) -> None:
        """Build ``ctx.actor``'s pages ahead of their session, beside the password check
        (docs/architecture.md "Start-up"): nothing is shown or loaded until ``take_prepared``."""
        self.discard_prepared()
        try:
            self._prepared = Prepared(ctx, self.build(ctx, show_first=False))
        except BaseException:
            self.remove_all()
            ctx.close()
            raise

    def take_prepared(self, actor: Actor) -> Prepared | None:
        """The pages prepared for ``actor``, handed to their session; any others are discarded."""
        if self._prepared is not None and self._prepared.ctx.actor == actor:
            prepared, self._prepared = self._prepared, None
            return prepared
        self.discard_prepared()
        return None

    def discard_prepared(self) -> None:
        """A refused sign-in: the pages prepared for it go, unseen."""
        prepared, self._prepared = self._prepared, None
        if prepared is not None:
            self.remove_all()
            prepared.ctx.close()

    # --- the pages --------------------------------------------------------------------------

    @property
    def page_names(self) -> list[str]:
        return list(self._pages)

    def page(self, name: str) -> Page | None:
        return self._pages.get(name)

    def current_page(self) -> Page | None:
        current = self.page_stack.currentWidget()
        return next((page for page in self._pages.values() if page is current), None)

    def show_row(self, row: int) -> None:
        self.nav.setCurrentRow(row)

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(self.page_stack.indexOf(self._pages[name]))  # the list's rows are the stack's

    def refresh_all(self) -> None:
        for page in self._pages.values():
            _call(page, page.refresh)

    def clear_all(self) -> None:
        for page in self._pages.values():
            _call(page, page.clear_sensitive)

    def remove_all(self) -> None:
        """Signing out: every page emptied and deleted."""
        for page in self._pages.values():
            _call(page, page.clear_sensitive)
            self.page_stack.removeWidget(page)
            page.hide()
            page.deleteLater()
        self._pages.clear()
        self.nav.clear()

    @Slot(int)
    def on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.page_stack.setCurrentIndex(row)
        page = self.current_page()
        if page is not None and not self.paused:
            _call(page, page.refresh)


def _call(page: Page, method: Callable[[], None]) -> None:
    # One faulty page must not stop the lock from clearing the others.
    try:
        method()
    except Exception:
        log.exception("%s.%s failed", page.objectName(), method.__name__)
