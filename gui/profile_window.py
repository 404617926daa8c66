"""The client profile (``profileWindow``): a window of its own per client, hidden by the idle lock.

Basic details and contact (masked; ``revealButton`` shows the full mobile and ID number for
``REVEAL_MS`` to an entitled viewer, one audited reveal each time, then masks them again), household
and background, interests and risk tolerance, the assigned RM, the score section, and the timeline
(``profileTimelineTable``, a lazy model). ``editProfileButton`` opens the versioned edit dialog.
Who may open which client is the service's rule (``clients.get_profile``); a refusal is shown, and
no window stays open for it. See docs/profiles.md.

Other windows open a profile with ``open_profile(ctx, client_id, parent)``; a client already open
in this session is brought to the front instead of opening twice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.context import AppContext
from gui.itemmodels.client_timeline import ClientTimelineModel
from gui.lane_ops import LaneOps
from gui.widgets.field_error import named
from gui.widgets.score_panel import ScorePanel
from gui.widgets.tone import ALERT, HINT, Tone, set_tone
from models import RiskTolerance
from services import clients, maintenance
from services.clients import ClientProfile, Revealed

REVEAL_MS = 30_000  # docs/product.md "Privacy and security": full values re-mask after 30 s


def risk_label(value: RiskTolerance | str | None) -> str:
    if value is None:
        return "—"
    labels: dict[str, str] = {
        RiskTolerance.CONSERVATIVE: QCoreApplication.translate("ProfileWindow", "C1 Conservative"),
        RiskTolerance.CAUTIOUS: QCoreApplication.translate("ProfileWindow", "C2 Cautious"),
        RiskTolerance.BALANCED: QCoreApplication.translate("ProfileWindow", "C3 Balanced"),
        RiskTolerance.GROWTH: QCoreApplication.translate("ProfileWindow", "C4 Growth"),
        RiskTolerance.AGGRESSIVE: QCoreApplication.translate("ProfileWindow", "C5 Aggressive"),
    }
    return labels.get(value, str(value))


def gender_label(value: str) -> str:
    labels = {"male": QCoreApplication.translate("ProfileWindow", "Male"),
              "female": QCoreApplication.translate("ProfileWindow", "Female")}
    return labels.get(value, "—")


def _value(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class ProfileWindow(QWidget):
    """One client's profile.

    ``reveal_timer``: the single-shot timer that masks the numbers again (tests inject their own
    and fire it; its interval is set to ``REVEAL_MS``).

    Signals:
        profile_loaded(object): the ``ClientProfile`` shown (after opening and after each edit)
    """

    profile_loaded = Signal(object)

    def __init__(self, ctx: AppContext, client_id: int, parent: QWidget | None = None, *,
                 reveal_timer: QTimer | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        named(self, "profileWindow")
        self.ctx = ctx
        self.client_id = client_id
        self.profile: ClientProfile | None = None
        self.revealed: Revealed | None = None
        self._ops = LaneOps(self, ctx.lane, on_busy=self._set_busy, on_error=self.show_error)
        self.reveal_timer = reveal_timer if reveal_timer is not None else QTimer(self)
        self.reveal_timer.setSingleShot(True)
        self.reveal_timer.setInterval(REVEAL_MS)
        self.timeline_model = ClientTimelineModel(ctx, self)
        self._edit_dialog: QWidget | None = None
        self._build()
        self._connect_signals()
        self.setWindowTitle(self.tr("Client profile"))
        self.resize(900, 780)
        ctx.register_sensitive(self)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.name_label = named(QLabel(), "profileNameLabel")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name_label.setFont(font)
        self.rm_label = named(QLabel(), "profileRmLabel")
        self.edit_button = named(QPushButton(self.tr("&Edit profile…")), "editProfileButton")
        self.edit_button.setEnabled(False)
        # docs/maintenance.md "Recording": offered when the service's rule lets this viewer record.
        self.maintenance_button = named(QPushButton(self.tr("Record &maintenance…")), "recordMaintenanceButton")
        self.maintenance_button.setEnabled(False)
        header = QHBoxLayout()
        header.addWidget(self.name_label)
        header.addSpacing(16)
        header.addWidget(self.rm_label, 1)
        header.addWidget(self.maintenance_button)
        header.addWidget(self.edit_button)

        # Basic details and contact.
        self.gender_label = _value(named(QLabel(), "profileGenderLabel"))
        self.birth_year_label = _value(named(QLabel(), "profileBirthYearLabel"))
        self.mobile_label = _value(named(QLabel(), "profileMobileLabel"))
        self.id_number_label = _value(named(QLabel(), "profileIdNumberLabel"))
        self.district_label = _value(named(QLabel(), "profileDistrictLabel"))
        self.reveal_button = named(QPushButton(self.tr("&Show in full")), "revealButton")
        self.reveal_button.setEnabled(False)
        self.reveal_note = named(QLabel(), "revealNoteLabel")
        set_tone(self.reveal_note, HINT)
        basic = QGroupBox(self.tr("Basic details and contact"))
        form = QFormLayout(basic)
        form.addRow(self.tr("Gender"), self.gender_label)
        form.addRow(self.tr("Year of birth"), self.birth_year_label)
        form.addRow(self.tr("Mobile"), self.mobile_label)
        form.addRow(self.tr("ID number"), self.id_number_label)
        form.addRow(self.tr("District"), self.district_label)
        reveal_row = QHBoxLayout()
        reveal_row.addWidget(self.reveal_button)
        reveal_row.addWidget(self.reveal_note, 1)
        form.addRow(reveal_row)

        # Household and background.
        self.family_label = _value(named(QLabel(), "profileFamilyLabel"))
        self.dependants_label = _value(named(QLabel(), "profileDependantsLabel"))
        self.occupation_label = _value(named(QLabel(), "profileOccupationLabel"))
        self.employer_label = _value(named(QLabel(), "profileEmployerLabel"))
        self.education_label = _value(named(QLabel(), "profileEducationLabel"))
        self.income_label = _value(named(QLabel(), "profileIncomeBandLabel"))
        self.standing_label = _value(named(QLabel(), "profileSocialStandingLabel"))
        background = QGroupBox(self.tr("Household and background"))
        form2 = QFormLayout(background)
        form2.addRow(self.tr("Household"), self.family_label)
        form2.addRow(self.tr("Dependants"), self.dependants_label)
        form2.addRow(self.tr("Occupation"), self.occupation_label)
        form2.addRow(self.tr("Employer"), self.employer_label)
        form2.addRow(self.tr("Education"), self.education_label)
        form2.addRow(self.tr("Income band"), self.income_label)
        form2.addRow(self.tr("Social standing"), self.standing_label)

        # Interests and risk tolerance.
        self.interests_label = _value(named(QLabel(), "profileInterestsLabel"))
        self.risk_label = _value(named(QLabel(), "profileRiskToleranceLabel"))
        leanings = QGroupBox(self.tr("Interests and risk tolerance"))
        form3 = QFormLayout(leanings)
        form3.addRow(self.tr("Interests"), self.interests_label)
        form3.addRow(self.tr("Risk tolerance"), self.risk_label)

        # The score section (docs/scoring.md): tier, score and its breakdown, the tier history,
        # the RM's ratings and the financial snapshots, run on this window's lane.
        self.score_panel = ScorePanel(self.ctx, self._ops)
        self.tier_label = self.score_panel.tier_label
        self.score_label = self.score_panel.score_label
        score_box = named(QGroupBox(self.tr("Score and tier")), "profileScoreBox")
        self.score_slot = QVBoxLayout(score_box)
        self.score_slot.setObjectName("profileScoreSlot")
        self.score_slot.addWidget(self.score_panel)

        # Details in three columns; the score section across the window, so its breakdown shows whole.
        grid = QGridLayout()
        grid.addWidget(basic, 0, 0)
        grid.addWidget(background, 0, 1)
        grid.addWidget(leanings, 0, 2)
        grid.addWidget(score_box, 1, 0, 1, 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        # The timeline.
        self.timeline = named(QTableView(), "profileTimelineTable")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setColumnWidth(0, 130)
        self.timeline.setColumnWidth(1, 80)
        self.timeline.setColumnWidth(2, 180)
        self.timeline.setColumnWidth(3, 80)
        timeline_box = QGroupBox(self.tr("Timeline"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)

        col = QVBoxLayout(self)
        col.addLayout(header)
        col.addLayout(grid)
        col.addWidget(timeline_box, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def _connect_signals(self) -> None:
        self.reveal_button.clicked.connect(self.on_reveal_clicked)
        self.reveal_timer.timeout.connect(self.on_reveal_timer_timeout)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.maintenance_button.clicked.connect(self.on_record_maintenance_clicked)
        self.timeline_model.load_failed.connect(self.show_error)
        self.score_panel.changed.connect(self.load)  # a new snapshot or rating: the profile's version moved

    # --- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the profile (and then the timeline's first window)."""
        db, actor, client_id = self.ctx.db, self.ctx.actor, self.client_id
        self._ops.run(lambda: clients.get_profile(db, actor, client_id), self._show, failed=self._on_load_failed,
                      key="profile")

    def _on_load_failed(self, exc: BaseException) -> None:
        # Not entitled, or the client is gone: say so over the window that asked, and close. A window
        # opened without a parent keeps the message itself (a parentless box would vanish at once)
        # and closes with it.
        if self.parentWidget() is not None:
            messages.show_error(self.parentWidget(), exc)
            self.close()
            return
        box = messages.show_error(self, exc)
        box.finished.connect(self.close)

    def _show(self, p: ClientProfile) -> None:
        first = self.profile is None
        self.profile = p
        self.setWindowTitle(self.tr("Client profile — {name}").format(name=p.name))
        self.name_label.setText(p.name)
        self.rm_label.setText(self.tr("RM: {name}").format(name=p.rm_name) if p.rm_name else self.tr("No RM yet"))
        self.gender_label.setText(gender_label(p.gender))
        self.birth_year_label.setText(str(p.birth_year) if p.birth_year else "—")
        self.district_label.setText(p.district or "—")
        self.family_label.setText(p.family or "—")
        self.dependants_label.setText("—" if p.dependants is None else str(p.dependants))
        self.occupation_label.setText(p.occupation or "—")
        self.employer_label.setText(p.employer or "—")
        self.education_label.setText(p.education or "—")
        self.income_label.setText(p.income_band or "—")
        self.standing_label.setText(p.social_standing or "—")
        self.interests_label.setText(self.tr(", ").join(p.interests) if p.interests else "—")
        self.risk_label.setText(risk_label(p.risk_tolerance))
        self._show_numbers()
        self.reveal_button.setEnabled(self.revealed is None)
        self.edit_button.setEnabled(True)
        self.maintenance_button.setEnabled(maintenance.may_record(self.ctx.actor, p.rm_id))
        if first:
            self.timeline_model.load(p.id)
            self.score_panel.load(p.id)
        self.profile_loaded.emit(p)

    # --- the reveal -------------------------------------------------------------------------------

    def _show_numbers(self) -> None:
        p = self.profile
        if self.revealed is not None:
            self.mobile_label.setText(self.revealed.mobile or "—")
            self.id_number_label.setText(self.revealed.id_number or "—")
            tone: Tone | None = ALERT
        else:
            self.mobile_label.setText((p.mobile_masked if p else "") or "—")
            self.id_number_label.setText((p.id_number_masked if p else "") or "—")
            tone = None
        set_tone(self.mobile_label, tone)
        set_tone(self.id_number_label, tone)

    @Slot()
    def on_reveal_clicked(self) -> None:
        db, actor, client_id = self.ctx.db, self.ctx.actor, self.client_id
        self.reveal_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.reveal_button.setEnabled(self.revealed is None)
            messages.show_error(self, exc)

        self._ops.run(lambda: clients.reveal_contact(db, actor, client_id), self._on_revealed, failed=failed,
                      key="reveal", change=True)

    def _on_revealed(self, shown: Revealed) -> None:
        if not self.isVisible():
            return  # locked or closed meanwhile: the numbers never reach the screen
        self.revealed = shown
        self._show_numbers()
        self.reveal_note.setText(self.tr("Shown in full; masked again after {s} seconds.")
                                 .format(s=self.reveal_timer.interval() // 1000))
        self.reveal_timer.start()

    @Slot()
    def on_reveal_timer_timeout(self) -> None:
        self.mask_again()

    def mask_again(self) -> None:
        """Back to the masked numbers (after 30 s, on hiding, on closing)."""
        self.reveal_timer.stop()
        self.revealed = None
        self.reveal_note.clear()
        self._show_numbers()
        self.reveal_button.setEnabled(self.profile is not None)

    def hideEvent(self, event: QHideEvent) -> None:
        # The idle lock hides the window: full numbers never wait behind the lock screen.
        self.mask_again()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.mask_again()
        self._ops.drop_all()
        self.timeline_model.clear()
        self.score_panel.clear_sensitive()
        super().closeEvent(event)

    # --- editing ---------------------------------------------------------------------------------

    @Slot()
    def on_edit_clicked(self) -> None:
        if self.profile is None:
            return
        from gui.dialogs.edit_profile import EditProfileDialog

        dialog = EditProfileDialog(self.ctx, self.profile, self)
        dialog.saved.connect(self.on_profile_saved)
        self._edit_dialog = dialog
        dialog.open()

    @Slot(int)
    def on_profile_saved(self, _version: int) -> None:
        self.load()

    @Slot()
    def on_record_maintenance_clicked(self) -> None:
        if self.profile is None:
            return
        from gui.dialogs.maintenance import MaintenanceDialog

        dialog = MaintenanceDialog(self.ctx, self.profile.id, self.profile.name, self)
        dialog.saved.connect(lambda _recorded: self.timeline_model.load(self.client_id))
        self._edit_dialog = dialog
        dialog.open()

    def show_error(self, exc: BaseException) -> None:
        messages.show_error(self, exc)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()


def open_profile(ctx: AppContext, client_id: int, parent: QWidget | None = None, *,
                 reveal_timer: QTimer | None = None) -> ProfileWindow:
    """Open (or bring to the front) ``client_id``'s profile window in this session.

    The service decides whether the viewer may see it; a refusal is shown and the window closes.
    """
    for window in ctx.sensitive.windows():
        if isinstance(window, ProfileWindow) and window.client_id == client_id:
            window.show()
            window.raise_()
            window.activateWindow()
            return window
    window = ProfileWindow(ctx, client_id, parent, reveal_timer=reveal_timer)
    window.show()
    window.load()
    return window
