"""Free-text reasons: kept apart from the audit log, read only by their author and the branch's supervisor.

docs/audit.md "Reasons"; docs/product.md "Privacy and security".
"""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from models import AuditEvent, Branch, ReasonText, Referral, Role
from services import accounts, dayclose, reasons, referrals
from services.errors import PermissionDenied
from services.permissions import Actor

TYPED = "客户说手机号13812345678打错了，身份证340104199001011234"
# Who tries to read the void reason a lobby manager typed: (name, may read?)
READERS = [
    ("author_lobby_manager", True),
    ("supervisor", True),
    ("other_lobby_manager", False),
    ("teller", False),
    ("rm_of_the_referral", False),
    ("marketing", False),
    ("admin", False),
    ("supervisor_of_another_branch", False),
    ("head_office", False),
    ("command_line", False),
]


@pytest.fixture
def people(db, f):  # type: ignore[no-untyped-def]
    with db.write() as s:
        s.add(Branch(code="0002", name="城西支行"))
    lobby = f.staff(Role.LOBBY_MANAGER)
    rm = f.staff(Role.RM)
    staff = {
        "author_lobby_manager": f.actor(lobby),
        "supervisor": f.actor(f.staff(Role.SUPERVISOR)),
        "other_lobby_manager": f.actor(f.staff(Role.LOBBY_MANAGER)),
        "teller": f.actor(f.staff(Role.TELLER)),
        "rm_of_the_referral": f.actor(rm),
        "marketing": f.actor(f.staff(Role.MARKETING)),
        "admin": f.actor(f.staff(Role.ADMIN)),
        "command_line": f.system,
    }
    other, _ = accounts.add_staff(db, f.system, staff_no="B2SUP", name="冯主管", role=Role.SUPERVISOR,
                                  password="Passw0rd!", must_change_password=False, branch_code="0002")
    staff["supervisor_of_another_branch"] = f.actor(other)
    # The head-office role arrives with the multi-branch issue; its rule is already written down.
    staff["head_office"] = Actor(other.id + 1000, "HO01", "总行", "head_office", f.branch.id)
    filed = f.referral(lobby, rm)
    referrals.void_referral(db, staff["author_lobby_manager"], filed.id, TYPED)
    with db.read() as s:
        reason_id = s.scalar(select(Referral.void_reason_id).where(Referral.id == filed.id))
    return staff, filed.id, reason_id


@pytest.mark.parametrize(("who", "may"), READERS, ids=[r[0] for r in READERS])
def test_every_role_trying_to_read_a_reason(db, people, who, may):
    staff, _, reason_id = people
    actor: Actor = staff[who]
    if may:
        assert reasons.read(db, actor, reason_id) == TYPED
    else:
        with pytest.raises(PermissionDenied):
            reasons.read(db, actor, reason_id)
    with db.read() as s:
        assert reasons.text_for(s, actor, reason_id) == (TYPED if may else None)


def test_the_audit_event_points_to_the_reason_and_never_holds_it(db, people):
    _, referral_id, reason_id = people
    with db.read() as s:
        [void] = s.scalars(select(AuditEvent).where(AuditEvent.action == "void")).all()
        every_text = " ".join(f"{e.detail} {e.actor_staff_no}" for e in s.scalars(select(AuditEvent)))
    assert void.entity_id == referral_id and void.reason_id == reason_id
    assert "13812345678" not in every_text and "340104" not in every_text and "打错" not in every_text


def test_lists_show_the_void_reason_only_to_whom_may_read_it(db, people):
    staff, referral_id, _ = people
    [own] = referrals.list_referrals(db, staff["author_lobby_manager"], None, "own")
    assert own.voided and own.void_reason == TYPED
    sup_rows = referrals.list_referrals(db, staff["supervisor"], None, "branch")
    assert [r.void_reason for r in sup_rows if r.id == referral_id] == [TYPED]
    other_rows = referrals.list_referrals(db, staff["other_lobby_manager"], None, "branch")
    assert [(r.voided, r.void_reason) for r in other_rows if r.id == referral_id] == [(True, None)]
    day = own.business_date
    for who, shown in (("author_lobby_manager", TYPED), ("supervisor", TYPED), ("other_lobby_manager", None)):
        rec = dayclose.reconciliation(db, staff[who], day)
        assert [ln.void_reason for ln in rec.lines if ln.referral_id == referral_id] == [shown], who


def test_a_forced_close_reason_reaches_the_banner_of_whom_may_read_it(db, f, people, clock):
    staff, _, _ = people
    day = db.today()
    f.referral(f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM))  # a referred client left unconfirmed
    state = dayclose.close_day(db, staff["supervisor"], day, force_reason="理财经理外出 13812345678")
    assert state.close_reason == "理财经理外出 13812345678"
    assert dayclose.day_state(db, staff["supervisor"], day).close_reason == "理财经理外出 13812345678"
    seen_by_lobby = dayclose.day_state(db, staff["author_lobby_manager"], day)
    assert seen_by_lobby.closed and seen_by_lobby.close_reason is None
    with db.read() as s:
        [close] = s.scalars(select(AuditEvent).where(AuditEvent.action == "close")).all()
    assert "13812345678" not in (close.detail or "") and close.reason_id is not None


def test_a_kept_reason_cannot_be_changed_or_removed_by_the_application(db, people):
    _, _, reason_id = people
    for statement in ("UPDATE reason_text SET text = 'x' WHERE id = :id", "DELETE FROM reason_text WHERE id = :id"):
        with pytest.raises(DBAPIError), db.write() as s:
            s.execute(text(statement), {"id": reason_id})
    with db.read() as s:
        assert s.get(ReasonText, reason_id).text == TYPED
