"""services.client_import: matching, refusals found only against the database, who may import."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from models import Client, FinancialSnapshot, Role
from services.client_import import import_clients
from services.errors import PermissionDenied, ValidationError
from tests.factories import make_id_number

HEADER = ("客户姓名,手机号,证件号,理财经理工号,数据日期,存款,贷款,理财产品,基金,保险,中间业务,他行资产,"
          "家庭,职业,社会地位\n")


def _file(tmp_path, *rows: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "clients.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _counts(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return (s.scalar(select(func.count()).select_from(Client)) or 0,
                s.scalar(select(func.count()).select_from(FinancialSnapshot)) or 0)


def test_a_different_id_number_for_a_known_mobile_is_refused_and_nothing_written(db, f, tmp_path):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    known = f.referral(lobby, rm, mobile="13900000007", client_id_number=make_id_number(dt.date(1980, 5, 1)))
    assert known.client_id
    other_id = make_id_number(dt.date(1981, 6, 2))
    before = _counts(db)
    path = _file(tmp_path,
                 f"新客户,13900000008,,{rm.staff_no},2026-11-01,1000,0,0,0,0,0,0,1,1,1",
                 f"王小明,13900000007,{other_id},{rm.staff_no},2026-11-01,1000,0,0,0,0,0,0,1,1,1")
    with pytest.raises(ValidationError) as err:
        import_clients(db, f.system, path)
    assert [(p.row, p.field) for p in err.value.problems] == [(3, "证件号")]
    assert _counts(db) == before


def test_a_new_clients_birth_date_and_gender_come_from_the_id_number(db, f, tmp_path):
    rm = f.staff(Role.RM)
    id_no = make_id_number(dt.date(1975, 3, 9), seq=124)
    result = import_clients(db, f.system, _file(
        tmp_path, f"陈静,13900000009,{id_no},{rm.staff_no},2026-11-01,0,0,0,0,0,0,0,,,"))
    assert (result.rows, result.new_clients, result.tier_moves) == (1, 1, 0)
    with db.read() as s:
        c = s.scalars(select(Client)).one()
        assert (c.birth_date, c.gender.value, c.rm_id, c.rating_family) == (dt.date(1975, 3, 9), "female", rm.id, None)


@pytest.mark.parametrize("role", [Role.RM, Role.LOBBY_MANAGER, Role.TELLER, Role.ADMIN])
def test_only_the_supervisor_and_the_command_line_import(db, f, tmp_path, role):
    rm = f.staff(Role.RM)
    path = _file(tmp_path, f"陈静,13900000009,,{rm.staff_no},2026-11-01,0,0,0,0,0,0,0,,,")
    with pytest.raises(PermissionDenied):
        import_clients(db, f.actor(f.staff(role)), path)
    assert import_clients(db, f.actor(f.staff(Role.SUPERVISOR)), path).rows == 1
