"""Small factories for test data, built through the services where it matters."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from models import Role
from services import accounts
from services.accounts import StaffInfo
from services.db import BRANCH_TZ, Database
from services.permissions import Actor
from services.referrals import FiledReferral, ReferralInput, file_referral
from services.validation import id_check_char

PASSWORD = "Passw0rd!"


def make_id_number(birth: dt.date, seq: int = 123, region: str = "340104") -> str:
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + id_check_char(body)


class Factories:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._seq = itertools.count(1)
        self._rng = random.Random(7)
        self.branch, _ = accounts.ensure_branch(db, "0001", "测试支行")
        self.system = Actor.system(self.branch.id)

    def staff(self, role: Role | str = Role.TELLER, *, name: str | None = None, staff_no: str | None = None,
              password: str = PASSWORD, must_change: bool = False) -> StaffInfo:
        n = next(self._seq)
        info, _ = accounts.add_staff(
            self.db, self.system, staff_no=staff_no or f"T{n:04d}",
            name=name or f"员工{'甲乙丙丁戊己庚辛壬癸'[n % 10]}",
            role=role, password=password, must_change_password=must_change,
        )
        return info

    def actor(self, info: StaffInfo) -> Actor:
        return Actor(info.id, info.staff_no, info.name, info.role.value, info.branch_id)

    def mobile(self) -> str:
        return f"139{next(self._seq):08d}"

    def referral(self, referrer: StaffInfo, rm: StaffInfo, *, status: str = "referred", client_type: str = "to_win",
                 mobile: str | None = None, name: str = "王小明", client_id: int | None = None,
                 channel: str = "lobby", contact_at: dt.datetime | None = None, **kw: object) -> FiledReferral:
        if status == "pending" and contact_at is None:
            contact_at = self.db.now().astimezone(BRANCH_TZ) + dt.timedelta(days=1)
        data = ReferralInput(
            client_type=client_type, status=status, rm_id=rm.id, channel=channel,
            client_id=client_id, client_name=None if client_id else name,
            client_mobile=None if client_id else (mobile or self.mobile()),
            preferred_contact_at=contact_at, **kw,  # type: ignore[arg-type]
        )
        return file_referral(self.db, self.actor(referrer), data)

    def old_ordinary_referral(self, referrer: StaffInfo, rm: StaffInfo, **kw: object) -> FiledReferral:
        """A referral of an ordinary client filed before such clients were diverted instead (docs/diversion.md):
        filed as another type, then marked ordinary as the old data holds it."""
        from sqlalchemy import update

        from models import ClientType, Referral

        filed = self.referral(referrer, rm, client_type="to_win", **kw)  # type: ignore[arg-type]
        with self.db.write() as s:
            s.execute(update(Referral).where(Referral.id == filed.id).values(client_type=ClientType.ORDINARY))
        return filed
