"""The RM's progress against this month's targets, compact, for the RM's desk (docs/assessment.md "Targets")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.itemmodels.targets import figure_label, progress_text
from gui.lane_ops import LaneOps
from gui.widgets.bar_chart import Bar, BarChart
from gui.widgets.field_error import named

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.targets import RmProgress


def progress_bars(p: RmProgress) -> list[Bar]:
    """One bar per figure: actual over target (the service's ratio), the figures at its end."""
    from services.targets import FIGURES

    return [Bar(figure_label(f), float(r) if (r := p.ratio(f)) is not None else None, progress_text(p, f))
            for f in FIGURES]


class TargetProgress(QWidget):
    """This month's progress of the signed-in RM (``targetProgress``); ``refresh()`` loads it on the lane.

    Signals:
        loaded(object): the ``RmProgress`` shown (None: no RM to show)
    """

    loaded = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, load_on_show: bool = True) -> None:
        super().__init__(parent)
        named(self, "targetProgress")
        self.ctx = ctx
        self._load_on_show = load_on_show
        self.ops = LaneOps(self, ctx.lane, on_busy=lambda _b: None, on_error=self._failed)
        self.title = named(QLabel(), "targetProgressTitle")
        self.chart = named(BarChart(label_width=110), "targetProgressChart")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.chart)

    def showEvent(self, event: QShowEvent) -> None:
        """Mounted on a page, it loads itself each time it comes into view, unless its page loads it."""
        super().showEvent(event)
        if self._load_on_show:
            self.refresh()

    def refresh(self) -> None:
        from services import targets

        db, actor = self.ctx.db, self.ctx.actor
        self.ops.run(lambda: targets.progress(db, actor, db.today(), actor.staff_id), self._show, key="load")

    def clear_sensitive(self) -> None:
        self.ops.drop_all()
        self.chart.clear()
        self.title.clear()

    def _show(self, rows: list[RmProgress]) -> None:
        p = rows[0] if rows else None
        if p is None:
            self.clear_sensitive()
        else:
            note = "" if p.target is not None else self.tr(" (no targets set)")
            self.title.setText(self.tr("Targets for {month}{note}").format(month=f"{p.month:%Y-%m}", note=note))
            self.chart.set_bars(progress_bars(p))
        self.loaded.emit(p)

    def _failed(self, exc: BaseException) -> None:
        from services.errors import ServiceError

        self.title.setText(str(exc) if isinstance(exc, ServiceError) else self.tr("Progress could not be loaded."))
