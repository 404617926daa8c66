"""The contact, close and pre-contact plan dialogs on a real follow-up: typed, saved, checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDialog, QLabel, QPlainTextEdit
from sqlalchemy import select

from gui.dialogs.close_follow_up import CloseFollowUpDialog
from gui.dialogs.contact import ContactDialog
from gui.dialogs.contact_plan import ContactPlanDialog
from gui.widgets.dates import qdate
from models import Appointment, ContactAttempt, FollowUp, FollowUpState, Role
from services import followups
from services.db import BRANCH_TZ
from services.followups import QueueRow
from services.referrals import duplicate_warnings
from tests.gui.support import Desk, child, choose, click, type_text

ACCEPTED = QDialog.DialogCode.Accepted


def _row(desk: Desk, fu_id: int) -> QueueRow:
    (row,) = [r for r in followups.queue(desk.db, desk.f.actor(desk.rm)) if r.id == fu_id]
    return row


def _pending(desk: Desk, **kw: object) -> int:
    filed = desk.f.referral(desk.lobby, desk.rm, status="pending", **kw)  # type: ignore[arg-type]
    assert filed.follow_up_id is not None
    return filed.follow_up_id


def _open(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _follow_up(desk: Desk, fu_id: int) -> FollowUp:
    with desk.db.read() as s:
        fu = s.get(FollowUp, fu_id)
        assert fu is not None
        s.expunge(fu)
        return fu


def _attempts(desk: Desk) -> list[ContactAttempt]:
    with desk.db.read() as s:
        rows = list(s.scalars(select(ContactAttempt).order_by(ContactAttempt.id)))
        s.expunge_all()
        return rows


def test_a_reached_contact_is_saved_with_its_note_and_next_date(qtbot, desk):
    fu_id = _pending(desk)
    dlg = _open(qtbot, ContactDialog(desk.ctx(desk.rm), _row(desk, fu_id)))
    choose(qtbot, child(dlg, QComboBox, "contactChannelCombo"), "sms")
    choose(qtbot, child(dlg, QComboBox, "contactResultCombo"), "reached")
    type_text(qtbot, child(dlg, QPlainTextEdit, "contactNoteEdit"), "客户下周有空")
    in_four = desk.db.today() + dt.timedelta(days=4)
    dlg.next_date_edit.setDate(qdate(in_four))
    assert not dlg.appointment_at_edit.isVisible()
    click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: dlg.result() == ACCEPTED)
    (attempt,) = _attempts(desk)
    assert (attempt.channel.value, attempt.result.value, attempt.note) == ("sms", "reached", "客户下周有空")
    fu = _follow_up(desk, fu_id)
    assert fu.next_contact_date == in_four and fu.version == dlg.saved_version


def test_an_appointment_goes_in_the_diary(qtbot, desk):
    fu_id = _pending(desk)
    dlg = _open(qtbot, ContactDialog(desk.ctx(desk.rm), _row(desk, fu_id)))
    choose(qtbot, child(dlg, QComboBox, "contactResultCombo"), "appointment")
    assert not child(dlg, QDateTimeEdit, "nextContactDateEdit").isVisible()  # the appointment's day is next
    at_edit = child(dlg, QDateTimeEdit, "appointmentAtEdit")
    assert at_edit.isVisible()
    day = desk.db.today() + dt.timedelta(days=2)
    at_edit.setDateTime(QDateTime(qdate(day), QTime(15, 30)))
    type_text(qtbot, dlg.place_edit, "二楼理财室")
    type_text(qtbot, dlg.purpose_edit, "介绍基金定投")
    click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: dlg.result() == ACCEPTED)
    with desk.db.read() as s:
        (appt,) = s.scalars(select(Appointment)).all()
        assert (appt.place, appt.purpose, appt.rm_id) == ("二楼理财室", "介绍基金定投", desk.rm.id)
        assert appt.at == dt.datetime.combine(day, dt.time(15, 30), BRANCH_TZ)
    fu = _follow_up(desk, fu_id)
    assert fu.state == FollowUpState.APPOINTED and fu.next_contact_date == day


def test_a_past_appointment_and_a_long_place_are_refused_beside_their_fields(qtbot, desk):
    fu_id = _pending(desk)
    dlg = _open(qtbot, ContactDialog(desk.ctx(desk.rm), _row(desk, fu_id)))
    choose(qtbot, dlg.result_combo, "appointment")
    yesterday = desk.db.today() - dt.timedelta(days=1)
    dlg.appointment_at_edit.setDateTime(QDateTime(qdate(yesterday), QTime(9, 0)))
    type_text(qtbot, dlg.place_edit, "x" * 101)
    click(qtbot, dlg.save_button)
    at_error = child(dlg, QLabel, "appointmentAtEditError")
    qtbot.waitUntil(lambda: at_error.isVisible())
    assert at_error.text()
    assert child(dlg, QLabel, "appointmentPlaceEditError").isVisible()
    assert dlg.isVisible() and dlg.place_edit.text() == "x" * 101
    assert _attempts(desk) == [] and _follow_up(desk, fu_id).state == FollowUpState.OPEN


def test_a_stale_version_is_refused_naming_who_and_keeps_what_was_typed(qtbot, desk):
    supervisor = desk.f.staff(Role.SUPERVISOR, name="赵主管")
    fu_id = _pending(desk)
    dlg = _open(qtbot, ContactDialog(desk.ctx(desk.rm), _row(desk, fu_id)))
    # Meanwhile the supervisor records a contact on the same follow-up, in a session of their own.
    followups.record_contact(desk.db, desk.f.actor(supervisor), fu_id, channel="phone", result="no_answer",
                             next_contact_date=desk.db.today() + dt.timedelta(days=1))
    choose(qtbot, dlg.result_combo, "reached")
    type_text(qtbot, dlg.note_edit, "我刚打完电话")
    click(qtbot, dlg.save_button)
    general = child(dlg, QLabel, "contactDialogError")
    qtbot.waitUntil(lambda: general.isVisible())
    assert "赵主管" in general.text() and supervisor.staff_no in general.text()
    assert dlg.isVisible() and dlg.note_edit.toPlainText() == "我刚打完电话"
    assert dlg.result_combo.currentData() == "reached"
    assert len(_attempts(desk)) == 1  # only the supervisor's
    # Told who changed it, the RM saves again: the contact is recorded after theirs.
    qtbot.waitUntil(lambda: not dlg.busy)
    click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: dlg.result() == ACCEPTED)
    assert [a.note for a in _attempts(desk)] == [None, "我刚打完电话"]


def test_a_contact_on_a_closed_follow_up_is_refused(qtbot, desk):
    fu_id = _pending(desk)
    row = _row(desk, fu_id)
    followups.close_follow_up(desk.db, desk.f.actor(desk.rm), fu_id, state="converted")
    dlg = _open(qtbot, ContactDialog(desk.ctx(desk.rm), row))
    click(qtbot, dlg.save_button)
    general = child(dlg, QLabel, "contactDialogError")
    qtbot.waitUntil(lambda: general.isVisible())
    assert dlg.isVisible() and _attempts(desk) == []


def test_not_premium_needs_a_reason_and_then_the_lobby_is_warned(qtbot, desk):
    mobile = desk.f.mobile()
    fu_id = _pending(desk, mobile=mobile)
    dlg = _open(qtbot, CloseFollowUpDialog(desk.ctx(desk.rm), _row(desk, fu_id)))
    choose(qtbot, child(dlg, QComboBox, "closeOutcomeCombo"), "not_premium")
    click(qtbot, dlg.save_button)
    reason_error = child(dlg, QLabel, "closeReasonEditError")
    qtbot.waitUntil(lambda: reason_error.isVisible())
    assert _follow_up(desk, fu_id).state == FollowUpState.OPEN
    type_text(qtbot, child(dlg, QPlainTextEdit, "closeReasonEdit"), "资产不足五十万")
    qtbot.waitUntil(lambda: not dlg.busy)
    click(qtbot, child(dlg, type(dlg.save_button), "saveCloseButton"))
    qtbot.waitUntil(lambda: dlg.result() == ACCEPTED)
    fu = _follow_up(desk, fu_id)
    assert fu.state == FollowUpState.NOT_PREMIUM and fu.outcome_reason_id is not None
    kinds = {w.kind for w in duplicate_warnings(desk.db, desk.f.actor(desk.lobby), mobile=mobile)}
    assert "judged_ordinary" in kinds


def test_converted_closes_without_a_reason(qtbot, desk):
    fu_id = _pending(desk)
    dlg = _open(qtbot, CloseFollowUpDialog(desk.ctx(desk.rm), _row(desk, fu_id)))
    choose(qtbot, dlg.outcome_combo, "converted")
    click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: dlg.result() == ACCEPTED)
    assert _follow_up(desk, fu_id).state == FollowUpState.CONVERTED
    assert followups.queue(desk.db, desk.f.actor(desk.rm)) == []


def test_the_abandon_dialog_is_fixed_to_abandoned_and_says_it_was_proposed(qtbot, desk):
    fu_id = _pending(desk)
    later = desk.db.today() + dt.timedelta(days=1)
    for _ in range(3):
        followups.record_contact(desk.db, desk.f.actor(desk.rm), fu_id, channel="phone", result="no_answer",
                                 next_contact_date=later)
    row = _row(desk, fu_id)
    assert row.propose_abandon
    dlg = _open(qtbot, CloseFollowUpDialog(desk.ctx(desk.rm), row, abandon=True))
    assert dlg.outcome_combo.currentData() == "abandoned" and not dlg.outcome_combo.isEnabled()
    assert child(dlg, QLabel, "closeProposalLabel").isVisible()
    type_text(qtbot, dlg.reason_edit, "三次未接通")
    click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: dlg.result() == ACCEPTED)
    assert _follow_up(desk, fu_id).state == FollowUpState.ABANDONED
    assert not dlg.outcome_combo.isEnabled()  # still fixed after the busy state ended


def test_the_plan_is_read_edited_and_saved(qtbot, desk):
    from services import contacts

    fu_id = _pending(desk)
    contacts.set_plan(desk.db, desk.f.actor(desk.rm), fu_id, strengths="本地企业主", personality=None,
                      needs=None, goal=None)
    dlg = _open(qtbot, ContactPlanDialog(desk.ctx(desk.rm), _row(desk, fu_id)))
    strengths = child(dlg, QPlainTextEdit, "planStrengthsEdit")
    qtbot.waitUntil(lambda: strengths.toPlainText() == "本地企业主" and dlg.save_button.isEnabled())
    type_text(qtbot, child(dlg, QPlainTextEdit, "planGoalEdit"), "约到网点面谈")
    type_text(qtbot, child(dlg, QPlainTextEdit, "planPersonalityEdit"), "a")
    dlg.personality_edit.setPlainText("谨慎\x07")  # a control character pasted in
    click(qtbot, dlg.save_button)
    error = child(dlg, QLabel, "planPersonalityEditError")
    qtbot.waitUntil(lambda: error.isVisible())
    dlg.personality_edit.setPlainText("谨慎")
    qtbot.waitUntil(lambda: not dlg.busy)
    click(qtbot, dlg.save_button)
    qtbot.waitUntil(lambda: dlg.result() == ACCEPTED)
    plan = contacts.get_plan(desk.db, desk.f.actor(desk.rm), fu_id)
    assert (plan.strengths, plan.personality, plan.goal) == ("本地企业主", "谨慎", "约到网点面谈")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_dialogs_render_in_both_languages(qapp, qtbot, desk, lang, tmp_path):
    from gui.app import install_translators  # the language the application would start in

    install_translators(qapp, lang)
    try:
        fu_id = _pending(desk)
        row = _row(desk, fu_id)
        ctx = desk.ctx(desk.rm)
        dlg = _open(qtbot, ContactDialog(ctx, row))
        choose(qtbot, dlg.result_combo, "appointment")
        expected = "预约" if lang == "zh_CN" else "Appointment"
        assert any(expected in dlg.result_combo.itemText(i) for i in range(dlg.result_combo.count()))
        assert dlg.grab().save(str(tmp_path / f"contact-{lang}.png"))
        close = _open(qtbot, CloseFollowUpDialog(ctx, row))
        assert close.grab().save(str(tmp_path / f"close-{lang}.png"))
        plan = _open(qtbot, ContactPlanDialog(ctx, row))
        qtbot.waitUntil(lambda: plan.save_button.isEnabled())
        assert plan.grab().save(str(tmp_path / f"plan-{lang}.png"))
    finally:
        install_translators(qapp, "zh_CN")
