"""The score section of a client's profile: tier, score, breakdown, ratings, tier history, new snapshot.

``ScorePanel`` is mounted by its host (the profile window, or any ``Page``): it loads through
the host's ``run(job, done, ...)`` — the lane contract of ``gui.lane_ops.LaneOps`` — so the
host's stale-answer check and busy state apply. The host calls ``load(client_id)`` and, on the
idle lock, ``clear_sensitive()``; the panel emits ``changed`` when a snapshot or ratings moved
the score or tier (the host may refresh what it shows of the client). What is shown is
decided by ``services.scoring.score_card`` (docs/scoring.md); amounts are client data, so the
panel only ever shows them to the viewer the service let through.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.itemmodels.score import BreakdownModel, TierHistoryModel
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.labels import tier_label

if TYPE_CHECKING:
    from gui.context import AppContext
    from services.scoring import ScoreCard, ScoreResult

T = TypeVar("T")

RATINGS: tuple[tuple[str, str], ...] = (
    ("family", "ratingFamilyCombo"), ("occupation", "ratingOccupationCombo"), ("social", "ratingSocialCombo"),
)


class LaneHost(Protocol):
    """What hosts the panel: a ``Page``, a ``LaneDialog`` or a window with the same ``run``."""

    def run(self, job: Callable[[], T], done: Callable[[T], None], *,
            failed: Callable[[BaseException], None] | None = ..., busy: bool = ...,
            key: str | None = ..., change: bool = ...) -> None: ...


class ScorePanel(QWidget):
    """``scorePanel``: ``profileTierLabel``, ``profileScoreLabel``, ``profileBreakdownTable``,
    ``profileTierHistoryTable``, the ratings (``ratingFamilyCombo`` …, ``saveRatingsButton``) and
    ``addSnapshotButton``.

    Signals:
        changed(): a snapshot or the ratings moved the client's score or tier
    """

    changed = Signal()

    def __init__(self, ctx: AppContext, host: LaneHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "scorePanel")
        self.ctx = ctx
        self._host = host
        self._client_id: int | None = None
        self._card: ScoreCard | None = None
        self._generation = 0  # bumped by clear_sensitive: answers still on their way go nowhere
        self._build()

    def _build(self) -> None:
        from services.permissions import Action, allowed

        self.tier_label = named(QLabel(), "profileTierLabel")
        self.score_label = named(QLabel(), "profileScoreLabel")
        font = self.tier_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.tier_label.setFont(font)
        self.score_label.setFont(font)
        self.as_of_label = named(QLabel(), "snapshotAsOfLabel")
        self.stale_label = named(QLabel(self.tr("The score settings changed since this client was scored; "
                                                "the branch recompute will update the tier.")), "scoreStaleLabel")
        self.stale_label.setWordWrap(True)
        self.stale_label.setVisible(False)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Tier:")))
        head.addWidget(self.tier_label)
        head.addSpacing(24)
        head.addWidget(QLabel(self.tr("Score:")))
        head.addWidget(self.score_label)
        head.addStretch(1)
        head.addWidget(self.as_of_label)

        self.breakdown_model = BreakdownModel(self)
        self.breakdown_table = self._table("profileBreakdownTable", self.breakdown_model)
        self.history_model = TierHistoryModel(self)
        self.history_table = self._table("profileTierHistoryTable", self.history_model)

        may_edit = allowed(self.ctx.actor.role, Action.SCORE_EDIT)
        ratings_box = QGroupBox(self.tr("RM's ratings (0–5)"))
        form = QFormLayout(ratings_box)
        self.errors = FieldErrors(FieldErrorLabel("scorePanel", wrap=True))
        labels = {"family": self.tr("Family"), "occupation": self.tr("Occupation"),
                  "social": self.tr("Social standing")}
        self.rating_combos: dict[str, QComboBox] = {}
        for factor, name in RATINGS:
            combo = named(QComboBox(), name)
            combo.addItem(self.tr("Not rated"), None)
            for n in range(6):
                combo.addItem(str(n), n)
            combo.setEnabled(may_edit)
            self.rating_combos[factor] = combo
            self.errors.add_row(form, labels[factor], combo, factor)
        self.save_ratings_button = named(QPushButton(self.tr("Save ratings")), "saveRatingsButton")
        self.save_ratings_button.setVisible(may_edit)
        form.addRow(self.save_ratings_button)
        self.add_snapshot_button = named(QPushButton(self.tr("New financial snapshot…")), "addSnapshotButton")
        self.add_snapshot_button.setVisible(may_edit)

        side = QVBoxLayout()
        side.addWidget(ratings_box)
        side.addWidget(self.add_snapshot_button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.breakdown_table, 3)
        middle.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.stale_label)
        layout.addLayout(middle)
        layout.addWidget(self.errors.general)
        layout.addWidget(QLabel(self.tr("Tier history")))
        layout.addWidget(self.history_table)
        self.save_ratings_button.clicked.connect(self.on_save_ratings_clicked)
        self.add_snapshot_button.clicked.connect(self.on_add_snapshot_clicked)
        self._set_loaded(False)

    def _table(self, name: str, model: Any) -> QTableView:
        table = named(QTableView(), name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # --- the host's calls ----------------------------------------------------------------------

    @property
    def client_id(self) -> int | None:
        return self._client_id

    def load(self, client_id: int) -> None:
        """Show this client's score (an entitled viewer's; anyone else sees the service's refusal)."""
        from services.scoring import score_card

        self._client_id = client_id
        db, actor, generation = self.ctx.db, self.ctx.actor, self._generation
        self._host.run(lambda: score_card(db, actor, client_id),
                       lambda card: self._show(card, generation), failed=self._failed, key="scorePanel")

    def clear_sensitive(self) -> None:
        """The idle lock: nothing of the client stays on screen; a later ``load`` shows it again."""
        self._generation += 1
        self._card = None
        self.tier_label.clear()
        self.score_label.clear()
        self.as_of_label.clear()
        self.stale_label.setVisible(False)
        self.breakdown_model.clear()
        self.history_model.clear()
        for combo in self.rating_combos.values():
            combo.setCurrentIndex(0)
        self.errors.clear()
        self._set_loaded(False)

    # --- showing ---------------------------------------------------------------------------------

    def _show(self, card: ScoreCard, generation: int) -> None:
        if generation != self._generation or card.client_id != self._client_id:
            return
        self._card = card
        self.errors.clear()
        self.tier_label.setText(tier_label(card.tier))
        self.score_label.setText(str(card.score))
        self.as_of_label.setText(self.tr("Snapshot as of {date}").format(date=card.snapshot_as_of.isoformat())
                                 if card.snapshot_as_of else self.tr("No financial snapshot yet"))
        self.stale_label.setVisible(card.stale)
        self.breakdown_model.set_lines(list(card.breakdown.lines))
        self.history_model.set_moves(list(card.history))
        for factor, combo in self.rating_combos.items():
            combo.setCurrentIndex(max(0, combo.findData(card.ratings.get(factor))))
        self._set_loaded(True)

    def _failed(self, exc: BaseException) -> None:
        self.errors.show(exc)

    def _set_loaded(self, loaded: bool) -> None:
        self.save_ratings_button.setEnabled(loaded)
        self.add_snapshot_button.setEnabled(loaded)

    # --- changes ---------------------------------------------------------------------------------

    @Slot()
    def on_save_ratings_clicked(self) -> None:
        from services.scoring import set_ratings

        if self._card is None or self._client_id is None:
            return
        self.errors.clear()
        values = {factor: combo.currentData() for factor, combo in self.rating_combos.items()}
        db, actor, client_id, version = self.ctx.db, self.ctx.actor, self._client_id, self._card.version
        self.save_ratings_button.setEnabled(False)
        self._host.run(lambda: set_ratings(db, actor, client_id, version, **values), self._on_saved,
                       failed=self._on_save_failed, change=True)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_ratings_button.setEnabled(True)
        self.errors.show(exc)  # the ratings chosen stay as they are

    @Slot()
    def on_add_snapshot_clicked(self) -> None:
        from gui.dialogs.snapshot import SnapshotDialog

        if self._client_id is None:
            return
        dialog = SnapshotDialog(self.ctx.db, self.ctx.lane, self.ctx.actor, self._client_id, self.window())
        self.ctx.register_sensitive(dialog)  # amounts typed are client data: the idle lock hides them
        dialog.saved.connect(self._on_saved)
        dialog.open()
        self.snapshot_dialog = dialog

    def _on_saved(self, result: ScoreResult) -> None:
        before = self._card
        if self._client_id is not None:
            self.load(self._client_id)
        if before is None or (result.score, result.tier) != (before.score, before.tier):
            self.changed.emit()
