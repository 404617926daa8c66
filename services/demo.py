"""A realistic, deterministic demo branch: staff of every role, clients and 30 days of referral work."""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import (
    DEFAULT_INTERESTS,
    Appointment,
    AppointmentStatus,
    Branch,
    BranchSettings,
    Channel,
    Client,
    ClientType,
    ContactAttempt,
    ContactChannel,
    ContactResult,
    DayClose,
    Diversion,
    DiversionWhere,
    FinancialSnapshot,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    MaintenanceKind,
    MaintenanceRecord,
    Referral,
    ReferralStatus,
    Role,
    Staff,
    Tier,
)
from services import audit, reasons, scoring, states
from services.accounts import actor_of, check_password_rules, hash_passwords
from services.db import BRANCH_TZ, Database, local_date
from services.errors import FieldProblem, ValidationError
from services.fakes import FakePeople, Person
from services.i18n import msg
from services.permissions import Actor
from services.referrals import VOIDED_FOLLOW_UP_REASON, ReferralInput, file_in_session
from services.validation import Problems

log = logging.getLogger("lobbydesk.demo")

DEMO_BRANCH_CODE = "0001"
DEMO_BRANCH_NAME = "城东支行理财中心"
DAYS = 30
EXISTING_CLIENTS = 160  # on the books before the 30 days; about 140 more arrive through referrals

# (工号, 姓名, 岗位): every role of docs/product.md "Roles"; both counters have their tellers.
STAFF_PLAN: tuple[tuple[str, str, Role], ...] = (
    ("T01", "陈晓燕", Role.TELLER),  # cash counter
    ("T02", "刘婷", Role.TELLER),  # non-cash counter
    ("T03", "周子豪", Role.TELLER),  # cash counter
    ("L01", "王丽华", Role.LOBBY_MANAGER),
    ("R01", "张伟", Role.RM),
    ("R02", "李娜", Role.RM),
    ("R03", "欧阳明轩", Role.RM),
    ("R04", "赵敏", Role.RM),
    ("M01", "孙浩然", Role.MARKETING),
    ("M02", "马晓东", Role.MARKETING),
    ("S01", "吴建国", Role.SUPERVISOR),
    ("A01", "郑凯", Role.ADMIN),
)
CASH_TELLERS = ("T01", "T03")
NON_CASH_TELLERS = ("T02",)

DISTRICTS = ("瑶海区", "庐阳区", "蜀山区", "包河区", "高新区", "经开区", "新站区", "滨湖新区", "肥东县", "肥西县")
OCCUPATIONS: tuple[tuple[str, str | None], ...] = (
    ("教师", "合肥市第一中学"), ("医生", "安徽医科大学第一附属医院"), ("公务员", "区人民政府"),
    ("企业职员", "科大讯飞股份有限公司"), ("工程师", "京东方科技集团"), ("个体工商户", None),
    ("私营企业主", "合肥恒信贸易有限公司"), ("退休人员", None), ("律师", "安徽天禾律师事务所"),
    ("会计", "容诚会计师事务所"), ("高校教师", "中国科学技术大学"), ("自由职业", None),
    ("销售经理", "合肥长安汽车 4S 店"), ("外企高管", "联合利华（合肥）有限公司"), ("护士", "省立医院"),
)
FAMILIES = ("已婚，一子", "已婚，一女", "已婚，二孩", "未婚", "已婚，子女已工作", "离异，一子")
INCOME_BANDS = ("10万以下", "10-20万", "20-50万", "50-100万", "100万以上")
EDUCATIONS = ("高中", "大专", "本科", "硕士", "博士")

CHANNEL_WEIGHTS: tuple[tuple[Channel, int], ...] = (
    (Channel.LOBBY, 40), (Channel.CASH_COUNTER, 14), (Channel.NON_CASH_COUNTER, 14),
    (Channel.PHONE_BANKING, 5), (Channel.CLIENT_INTRODUCTION, 11), (Channel.FIELD_VISIT, 9), (Channel.SEMINAR, 7),
)
REFERRAL_NOTES = (
    "客户有一笔定期存款下周到期", "咨询孩子出国留学的教育金规划", "对黄金积存感兴趣", "想了解养老规划",
    "客户刚卖房，约 200 万资金待配置", "在他行的理财即将到期", "咨询基金定投", "办理大额转账时问到理财",
    "客户嫌排队时间长，留下理财经理名片", "陪同父母来办理业务，对保险有兴趣", "老客户介绍的朋友",
    "客户说：“下午三点后方便接电话”",
)
VOID_REASONS = ("重复录入", "客户信息录入错误，已重新提交", "客户表示不需要推介")
PRODUCTS = ("稳享理财 90 天", "大额存单 3 年期", "基金定投", "年金保险", "积存金", "信用卡", "个人消费贷款")
OWN_NOTES = ("定期存款下月到期，提前沟通续作", "客户生日，顺便介绍新发理财", "上次面谈后答应再联系", "客户有购车计划")
PLACES = ("网点二楼贵宾室", "理财室 3", "客户单位", "客户家中", "网点理财沙龙室")
REACHED_NOTES = (
    "客户表示考虑一下，下周再联系", "已介绍稳享系列产品，客户比较感兴趣", "客户出差，回来后再约", "已发送产品说明",
)
NO_ANSWER_NOTES = ("无人接听", "关机", "占线，稍后再打", None)


@dataclass(frozen=True)
class DemoAccount:
    staff_no: str
    name: str
    role: Role
    password: str


@dataclass(frozen=True)
class DemoResult:
    branch_code: str
    branch_name: str
    clients: int
    referrals: int
    follow_ups: int
    accounts: list[DemoAccount]


class _SimClock:
    """The services stamp rows with ``db.now()``; the demo replays the past by moving it."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@dataclass
class _Filed:
    referral: Referral
    follow_up: FollowUp | None
    day: dt.date


def _money(rng: random.Random, low: int, high: int, step: int = 1000) -> Decimal:
    """A multiple of ``step`` yuan between ``low`` and ``high``, as Decimal with two places (never float)."""
    return Decimal(rng.randrange(low // step, high // step + 1) * step).quantize(Decimal("0.01"))


def demo_password(staff_no: str, seed: int) -> str:
    return f"{staff_no.lower()}-demo-{seed % 10000:04d}"


@dataclass
class _Builder:
    """Writes the demo in one session, step by step in the order the month happened."""

    s: Session
    db: Database
    rng: random.Random
    branch: Branch
    now: dt.datetime
    today: dt.date
    sim: _SimClock = field(init=False)
    sim_db: Database = field(init=False)
    staff: dict[str, Staff] = field(default_factory=dict)
    rms: list[Staff] = field(default_factory=list)
    existing: list[Client] = field(default_factory=list)
    people: FakePeople = field(init=False)
    filed: list[_Filed] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sim = _SimClock(self.now)
        self.sim_db = Database(self.db.engine, self.sim)
        self.people = FakePeople(self.rng)

    # --- time ------------------------------------------------------------------

    def at(self, day: dt.date, minutes: int) -> dt.datetime:
        """``minutes`` after the branch's local midnight of ``day``, as aware UTC."""
        local = dt.datetime.combine(day, dt.time(0), BRANCH_TZ) + dt.timedelta(minutes=minutes)
        return local.astimezone(dt.timezone.utc)

    def audit(self, when: dt.datetime, actor: Actor | None, action: str, entity: str, entity_id: int | None,
              detail: str | None = None, *, reason_id: int | None = None) -> None:
        self.sim.at = when
        audit.record(self.s, self.sim_db, actor, action, entity, entity_id, detail, branch_id=self.branch.id,
                     reason_id=reason_id)

    # --- people ----------------------------------------------------------------

    def person(self) -> Person:
        return self.people.person()

    def profile(self, c: Client) -> None:
        """The details an RM fills in over time; most clients have some."""
        rng = self.rng
        if rng.random() < 0.85:
            c.occupation, c.employer = rng.choice(OCCUPATIONS)
            c.district = rng.choice(DISTRICTS)
        if rng.random() < 0.6:
            c.family = rng.choice(FAMILIES)
            c.income_band = rng.choice(INCOME_BANDS)
            c.education = rng.choice(EDUCATIONS)
        if not c.interests:
            c.interests = rng.sample(DEFAULT_INTERESTS[:-1], rng.randint(1, 3))

    def snapshot(self, c: Client, as_of: dt.date, by: Staff, low: int, high: int) -> None:
        """Holdings on one date; AUM is the sum of what the client keeps with the bank (loans apart)."""
        rng = self.rng
        cents = Decimal("0.01")
        total = _money(rng, low, high)
        deposits, wealth, funds, insurance = (
            (total * rng.randint(a, b) / 100).quantize(cents) for a, b in ((20, 60), (10, 40), (0, 15), (0, 10))
        )
        intermediary = max(total - deposits - wealth - funds - insurance, Decimal(0))
        loans = _money(rng, 0, 800_000, 10_000) if rng.random() < 0.3 else Decimal("0.00")
        # Some bank mainly elsewhere: the to-win clients of docs/scoring.md.
        elsewhere = _money(rng, 500_000, 3_000_000, 10_000) if rng.random() < 0.25 else Decimal("0.00")
        self.s.add(FinancialSnapshot(
            client_id=c.id, as_of=as_of, deposits=deposits, loans=loans, wealth_products=wealth, funds=funds,
            insurance=insurance, intermediary=intermediary, aum=deposits + wealth + funds + insurance + intermediary,
            assets_elsewhere=elsewhere,
            recorded_by_id=by.id, created_at=self.at(as_of, 17 * 60),
        ))

    # --- steps -----------------------------------------------------------------

    def create_staff(self, seed: int) -> list[DemoAccount]:
        joined = self.now - dt.timedelta(days=400)
        passwords = [demo_password(no, seed) for no, _, _ in STAFF_PLAN]
        for pw in passwords:
            check_password_rules("password", pw)
        hashes = hash_passwords(passwords)
        for (no, name, role), h in zip(STAFF_PLAN, hashes, strict=True):
            st = Staff(branch_id=self.branch.id, staff_no=no, name=name, role=role, active=True, password_hash=h,
                       failed_logins=0, must_change_password=False, created_at=joined)
            self.s.add(st)
            self.staff[no] = st
        self.s.flush()
        system = Actor.system(self.branch.id)
        for st in self.staff.values():
            self.audit(joined, system, "create", "staff", st.id, f"role={st.role.value}")
        self.rms = [st for st in self.staff.values() if st.role == Role.RM]
        return [DemoAccount(no, name, role, pw) for (no, name, role), pw in zip(STAFF_PLAN, passwords, strict=True)]

    def create_existing_clients(self) -> None:
        rng = self.rng
        start = self.today - dt.timedelta(days=DAYS)
        for _ in range(EXISTING_CLIENTS):
            p = self.person()
            roll = rng.random()
            if roll < 0.15:
                tier, score = Tier.CORE, rng.randint(80, 98)
            elif roll < 0.40:
                tier, score = Tier.ORDINARY_PREMIUM, rng.randint(60, 79)
            elif roll < 0.75:
                tier, score = Tier.POTENTIAL, rng.randint(35, 59)
            else:
                tier, score = Tier.NONE, rng.randint(5, 34)
            rm = rng.choice(self.rms) if tier != Tier.NONE and (tier != Tier.POTENTIAL or rng.random() < 0.7) else None
            since = start - dt.timedelta(days=rng.randint(30, 2000))
            c = Client(
                branch_id=self.branch.id, name=p.name, gender=p.gender, birth_date=p.birth if p.id_number else None,
                mobile=p.mobile, id_number=p.id_number, interests=[], rm_id=rm.id if rm else None, tier=tier,
                score=score, created_at=self.at(since, 10 * 60),
                updated_at=self.at(start - dt.timedelta(days=rng.randint(1, 90)), 16 * 60),
            )
            self.profile(c)
            self.s.add(c)
            self.existing.append(c)
        self.s.flush()
        for c in self.existing:
            rm = self.staff_by_id(c.rm_id)
            if rm is None:
                continue
            ranges = {Tier.CORE: (1_000_000, 8_000_000), Tier.ORDINARY_PREMIUM: (300_000, 999_000),
                      Tier.POTENTIAL: (50_000, 299_000)}
            low, high = ranges.get(c.tier, (10_000, 49_000))
            month_end = self.today.replace(day=1) - dt.timedelta(days=1)
            self.snapshot(c, month_end, rm, low, high)
            if rng.random() < 0.5:
                quarter_back = (month_end.replace(day=1) - dt.timedelta(days=62)).replace(day=1) - dt.timedelta(days=1)
                self.snapshot(c, quarter_back, rm, low, high)

    def staff_by_id(self, staff_id: int | None) -> Staff | None:
        if staff_id is None:
            return None
        return next((st for st in self.staff.values() if st.id == staff_id), None)

    def referrer_for(self, channel: Channel) -> Staff:
        rng, st = self.rng, self.staff
        if channel == Channel.LOBBY:
            return st["L01"] if rng.random() < 0.9 else st["S01"]
        if channel == Channel.CASH_COUNTER:
            return st[rng.choice(CASH_TELLERS)]
        if channel == Channel.NON_CASH_COUNTER:
            return st[rng.choice(NON_CASH_TELLERS)]
        if channel == Channel.PHONE_BANKING:
            return st["L01"] if rng.random() < 0.6 else rng.choice(self.rms)
        if channel == Channel.CLIENT_INTRODUCTION:
            return rng.choice([*self.rms, st["M01"], st["M02"]])
        return rng.choice([st["M01"], st["M02"], st["S01"]])

    def file_referrals(self) -> None:
        rng = self.rng
        new_people: list[Client] = []
        first_day = self.today - dt.timedelta(days=DAYS - 1)
        for offset in range(DAYS):
            day = first_day + dt.timedelta(days=offset)
            weekend = day.weekday() >= 5
            count = rng.randint(3, 6) if weekend else rng.randint(8, 13)
            minutes = sorted(rng.randint(8 * 60 + 45, 17 * 60 + 15) for _ in range(count))
            for minute in minutes:
                moment = self.at(day, minute)
                if moment > self.now:
                    break  # the rest of today has not happened yet
                self.file_one(day, moment, new_people)

    def file_one(self, day: dt.date, moment: dt.datetime, new_people: list[Client]) -> None:
        rng = self.rng
        channel = rng.choices([c for c, _ in CHANNEL_WEIGHTS], [w for _, w in CHANNEL_WEIGHTS])[0]
        referrer = self.referrer_for(channel)
        roll = rng.random()
        client: Client | None = None
        person: Person | None = None
        if roll < 0.33:
            client = rng.choice(self.existing)
        elif roll < 0.38 and new_people:
            client = rng.choice(new_people)  # came back within the month: the form warns
        else:
            person = self.person()
        if client is not None:
            client_type = {
                Tier.CORE: ClientType.EXISTING_PREMIUM, Tier.ORDINARY_PREMIUM: ClientType.EXISTING_PREMIUM,
                Tier.POTENTIAL: ClientType.EXISTING_POTENTIAL,
            }.get(client.tier, rng.choice((ClientType.EXISTING_POTENTIAL, ClientType.ORDINARY, ClientType.TO_WIN)))
        else:
            client_type = rng.choices(
                (ClientType.TO_WIN, ClientType.EXISTING_POTENTIAL, ClientType.ORDINARY, ClientType.EXISTING_PREMIUM),
                (55, 25, 10, 10))[0]
        if client_type == ClientType.ORDINARY:  # guided to self-service or the counter (docs/diversion.md)
            self.divert(referrer, day, moment)
            return
        status = ReferralStatus.PENDING if rng.random() < 0.45 else ReferralStatus.REFERRED
        rm = self.staff_by_id(client.rm_id) if client is not None else None
        if rm is None:
            rm = referrer if referrer.role == Role.RM and rng.random() < 0.7 else rng.choice(self.rms)
        contact_at = None
        if status == ReferralStatus.PENDING:
            ahead = rng.choices((0, 1, 2, 3), (15, 45, 25, 15))[0]
            contact_minute = rng.choice((10 * 60, 14 * 60, 16 * 60 + 30, 19 * 60))
            contact_at = self.at(day + dt.timedelta(days=ahead), contact_minute)
            if contact_at <= moment:
                contact_at = self.at(day + dt.timedelta(days=1), contact_minute)
        data = ReferralInput(
            client_type=client_type, status=status, rm_id=rm.id, channel=channel,
            client_id=client.id if client is not None else None,
            client_name=person.name if person else None, client_mobile=person.mobile if person else None,
            client_id_number=person.id_number if person else None,
            interests=rng.sample(DEFAULT_INTERESTS, rng.randint(1, 3)),
            preferred_contact_at=contact_at,
            note=rng.choice(REFERRAL_NOTES) if rng.random() < 0.4 else None,
            business_date=day, created_at=moment,
        )
        self.sim.at = moment
        problems = Problems()
        filed = file_in_session(self.s, self.sim_db, actor_of(referrer), referrer, data, problems)
        if filed is None:  # pragma: no cover - the demo's own data is valid by construction: a bug
            raise RuntimeError(f"demo referral refused on {sorted({p.field for p in problems.items})}")
        referral = self.s.get(Referral, filed.id)
        follow_up = self.s.get(FollowUp, filed.follow_up_id) if filed.follow_up_id else None
        assert referral is not None
        if person is not None:
            new_client = self.s.get(Client, filed.client_id)
            assert new_client is not None
            new_client.gender = person.gender  # the lobby saw the client even without an ID card
            self.profile(new_client)
            new_people.append(new_client)
        self.filed.append(_Filed(referral, follow_up, day))

    def divert(self, by: Staff, day: dt.date, moment: dt.datetime) -> None:
        """An ordinary client the lobby guided elsewhere, counted as diversion.record counts it."""
        where = self.rng.choices((DiversionWhere.SELF_SERVICE, DiversionWhere.COUNTER), (60, 40))[0]
        row = Diversion(branch_id=self.branch.id, at=moment, business_date=day, staff_id=by.id, guided_to=where)
        self.s.add(row)
        self.s.flush()
        self.audit(moment, actor_of(by), "create", "diversion", row.id, f"to={where.value}")

    def void_some(self) -> None:
        """A few referrals voided minutes later, with the reason, as void_referral does."""
        rng = self.rng
        lobby = self.staff["L01"]
        for f in self.filed:
            if rng.random() >= 0.04:
                continue
            r = f.referral
            when = min(r.created_at + dt.timedelta(minutes=rng.randint(5, 40)), self.now)
            by = self.staff_by_id(r.referrer_id) if rng.random() < 0.6 else lobby
            assert by is not None
            self.sim.at = when
            reason_id = reasons.keep(self.s, self.sim_db, actor_of(by), rng.choice(VOID_REASONS))
            r.voided_at, r.voided_by_id, r.void_reason_id = when, by.id, reason_id
            r.updated_at, r.updated_by_id = when, by.id
            if f.follow_up is not None:
                fu = f.follow_up
                states.close_follow_up(fu, FollowUpState.ABANDONED, by=by.id, at=when, reason=VOIDED_FOLLOW_UP_REASON)
                fu.updated_at, fu.updated_by_id = when, by.id
            self.audit(when, actor_of(by), "void", "referral", r.id, reason_id=reason_id)

    def record_outcomes(self, unclosed_day: dt.date) -> None:
        """营销成果: every referred client of a day to be closed; most of yesterday's, some of today's."""
        rng = self.rng
        lobby = self.staff["L01"]
        yesterday = self.today - dt.timedelta(days=1)
        skipped_unclosed = False
        for f in self.filed:
            r = f.referral
            if r.status != ReferralStatus.REFERRED or r.voided_at is not None:
                continue
            if f.day == self.today and rng.random() < 0.7:
                continue
            if f.day == yesterday and rng.random() < 0.2:
                continue
            if f.day == unclosed_day and not skipped_unclosed:
                skipped_unclosed = True  # why that day could not be closed
                continue
            # At the end of the day, and never before the client was referred.
            when = max(self.at(f.day, rng.randint(17 * 60, 17 * 60 + 45)), r.created_at + dt.timedelta(minutes=15))
            if when > self.now:
                when = min(r.created_at + dt.timedelta(minutes=30), self.now)
            rm = self.staff_by_id(r.rm_id) or lobby
            by = rm if rng.random() < 0.8 else lobby
            met = rng.random() < 0.95
            deal = met and rng.random() < 0.35
            r.met, r.deal = met, deal
            if deal:
                r.outcome_products = "、".join(rng.sample(PRODUCTS, rng.randint(1, 2)))
                r.outcome_amount = None if r.outcome_products in ("信用卡",) else _money(rng, 10_000, 1_000_000, 5_000)
            r.confirmed_by_id, r.confirmed_at, r.updated_at, r.updated_by_id = by.id, when, when, by.id
            self.audit(when, actor_of(by), "confirm", "referral", r.id, f"met={met} deal={deal}")

    def own_follow_ups(self) -> list[FollowUp]:
        """RMs' own follow-ups of clients they already look after (not from a referral)."""
        rng = self.rng
        out: list[FollowUp] = []
        candidates = [c for c in self.existing
                      if c.rm_id is not None and c.tier in (Tier.POTENTIAL, Tier.ORDINARY_PREMIUM)]
        for c in rng.sample(candidates, min(14, len(candidates))):
            opened_day = self.today - dt.timedelta(days=rng.randint(0, DAYS - 1))
            opened = self.at(opened_day, rng.randint(9 * 60, 17 * 60))
            opened = min(opened, self.now)
            assert c.rm_id is not None
            fu = FollowUp(branch_id=self.branch.id, client_id=c.id, rm_id=c.rm_id, origin=FollowUpOrigin.OWN,
                          state=FollowUpState.OPEN, next_contact_date=opened_day + dt.timedelta(days=rng.randint(1, 4)),
                          attempts=0, outcome_reason=rng.choice(OWN_NOTES), opened_at=opened)
            self.s.add(fu)
            self.s.flush()
            rm = self.staff_by_id(c.rm_id)
            self.audit(opened, actor_of(rm) if rm else None, "create", "follow_up", fu.id, "origin=own")
            out.append(fu)
        return out

    def work_follow_up(self, fu: FollowUp) -> None:
        """Replay an RM's contacts with one client, day by day, up to now (docs/product.md "Workflow")."""
        rng = self.rng
        rm = self.staff_by_id(fu.rm_id)
        client = self.s.get(Client, fu.client_id)
        assert rm is not None and client is not None
        actor = actor_of(rm)
        fate = rng.choices(("converted", "not_premium", "abandoned", "ongoing"), (30, 16, 14, 40))[0]
        failures = 0
        while fu.state.is_open and fu.next_contact_date is not None:
            day = fu.next_contact_date
            if day > self.today or rng.random() < 0.1:
                return  # not due yet, or the RM fell behind: an overdue follow-up
            # A contact comes after the referral (or the last contact), even on the same day.
            when = max(self.at(day, rng.randint(9 * 60, 18 * 60)),
                       (fu.updated_at or fu.opened_at) + dt.timedelta(minutes=10))
            if when > self.now:
                return
            if fu.state == FollowUpState.APPOINTED:
                self.meet(fu, client, rm, fate)
                if fu.state == FollowUpState.APPOINTED:
                    return  # the meeting is still to come
                continue
            channel = rng.choices(list(ContactChannel), (70, 12, 5, 3, 10))[0]
            if fate == "abandoned":
                result = ContactResult.WRONG_NUMBER if rng.random() < 0.2 else ContactResult.NO_ANSWER
            elif fate == "not_premium":
                result = rng.choice((ContactResult.REACHED, ContactResult.DECLINED)) if fu.attempts else \
                    rng.choice((ContactResult.NO_ANSWER, ContactResult.REACHED))
            elif fate == "converted":
                missed = fu.attempts == 0 and rng.random() < 0.3
                result = ContactResult.NO_ANSWER if missed else ContactResult.APPOINTMENT
            else:
                result = ContactResult.NO_ANSWER if rng.random() < 0.3 else ContactResult.REACHED
            self.contact(fu, actor, channel, when, result)
            if result in (ContactResult.NO_ANSWER, ContactResult.WRONG_NUMBER):
                failures += 1
            if fate == "abandoned" and (failures >= 3 or (result == ContactResult.WRONG_NUMBER and failures >= 2)):
                reason = "号码错误，无法联系" if result == ContactResult.WRONG_NUMBER else "连续 3 次联系未果"
                self.close(fu, client, rm, when + dt.timedelta(minutes=10), FollowUpState.ABANDONED, reason)
            elif result == ContactResult.DECLINED or (fate == "not_premium" and result == ContactResult.REACHED
                                                      and fu.attempts >= 2):
                reached = result == ContactResult.REACHED
                why = "客户资产规模有限，暂以基础服务为主" if reached else "客户明确表示暂无需求"
                self.close(fu, client, rm, when + dt.timedelta(minutes=10), FollowUpState.NOT_PREMIUM, why)
            elif fate == "ongoing" and fu.attempts >= 3:
                return

    def contact(self, fu: FollowUp, actor: Actor, channel: ContactChannel, when: dt.datetime,
                result: ContactResult) -> None:
        """One 联络记录 with the same bookkeeping as followups.record_contact."""
        rng = self.rng
        day = local_date(when)
        next_day: dt.date | None = None
        note: str | None
        if result == ContactResult.APPOINTMENT:
            appointment_day = day + dt.timedelta(days=rng.randint(1, 4))
            meet_at = self.at(appointment_day, rng.choice((10 * 60, 14 * 60 + 30, 15 * 60 + 30)))
            note = "约客户来网点面谈"
            self.s.add(Appointment(follow_up_id=fu.id, client_id=fu.client_id, rm_id=fu.rm_id, at=meet_at,
                                   place=rng.choice(PLACES), note=note, status=AppointmentStatus.SCHEDULED,
                                   created_at=when))
            states.move(fu, FollowUpState.APPOINTED)
            fu.next_contact_date = appointment_day
        elif result in (ContactResult.REACHED, ContactResult.NO_ANSWER):
            wait = rng.randint(1, 2) if result == ContactResult.NO_ANSWER else rng.randint(3, 7)
            next_day = day + dt.timedelta(days=wait)
            note = rng.choice(REACHED_NOTES if result == ContactResult.REACHED else NO_ANSWER_NOTES)
            fu.next_contact_date = next_day
        else:
            note = "号码为空号" if result == ContactResult.WRONG_NUMBER else "客户表示暂无需求"
            fu.next_contact_date = day  # record_contact keeps an open follow-up dated
        self.s.add(ContactAttempt(follow_up_id=fu.id, staff_id=fu.rm_id, channel=channel, at=when, result=result,
                                  note=note, next_contact_date=next_day))
        fu.attempts += 1
        fu.failed_attempts = fu.failed_attempts + 1 if result.failed else 0
        fu.last_result = result
        fu.updated_at, fu.updated_by_id = when, actor.staff_id
        self.audit(when, actor, "contact", "follow_up", fu.id, f"result={result.value}")

    def meet(self, fu: FollowUp, client: Client, rm: Staff, fate: str) -> None:
        """The appointment day, once it has passed: the client came (and is judged) or cancelled."""
        appointment = self.s.scalars(
            select(Appointment)
            .where(Appointment.follow_up_id == fu.id, Appointment.status == AppointmentStatus.SCHEDULED)
            .order_by(Appointment.at.desc()).limit(1)
        ).first()
        assert appointment is not None
        done = appointment.at + dt.timedelta(hours=1)
        if done > self.now:
            return  # still to come, or under way: stays appointed
        if self.rng.random() < 0.12:
            appointment.status = AppointmentStatus.CANCELLED
            states.move(fu, FollowUpState.OPEN)
            fu.next_contact_date = local_date(appointment.at) + dt.timedelta(days=2)
            fu.updated_at, fu.updated_by_id = appointment.at, fu.rm_id
            return
        appointment.status = AppointmentStatus.HELD
        if fate == "converted":
            self.close(fu, client, rm, done, FollowUpState.CONVERTED, "面谈后开立理财账户，已纳入优质客户管理")
        else:
            self.close(fu, client, rm, done, FollowUpState.NOT_PREMIUM, "面谈后评估，暂不符合优质客户标准")

    def close(self, fu: FollowUp, client: Client, rm: Staff, when: dt.datetime, state: FollowUpState,
              reason: str) -> None:
        """Close as followups.close_follow_up does; the client's profile follows."""
        when = min(when, self.now)
        self.sim.at = when
        reason_id = reasons.keep(self.s, self.sim_db, actor_of(rm), reason)  # typed by the RM: kept apart
        states.close_follow_up(fu, state, by=rm.id, at=when, reason_id=reason_id)
        fu.updated_at, fu.updated_by_id = when, rm.id
        if state == FollowUpState.CONVERTED:
            client.score = max(client.score, self.rng.randint(60, 95))
            client.tier = Tier.CORE if client.score >= 80 else Tier.ORDINARY_PREMIUM
            client.rm_id = fu.rm_id
            client.updated_at, client.updated_by_id = when, rm.id
            self.snapshot(client, local_date(when), rm, 300_000, 3_000_000)
        elif state == FollowUpState.NOT_PREMIUM:
            client.judged_ordinary_by_id = rm.id
            client.judged_ordinary_at = when
            client.updated_at, client.updated_by_id = when, rm.id
        self.audit(when, actor_of(rm), "close", "follow_up", fu.id, f"state={state.value}", reason_id=reason_id)

    def maintenance(self) -> None:
        """A sprinkling over the last two months, mostly calls, some visits (docs/maintenance.md), so the
        maintenance-due list shows clients both kept up and overdue.

        The builder's generator is drawn exactly as before kinds and channels were added (how many
        records, the slot of four, the day, the time), so nothing built after this moves; the kind,
        the channel and the to-win and potential clients' records come from a generator of their own.
        """
        rng = self.rng
        own = random.Random(rng.getstate()[1][0])  # seeded from the builder's state without drawing from it
        notes = {MaintenanceKind.GREETING: "节日问候", MaintenanceKind.PORTFOLIO_REVIEW: "资产配置回顾",
                 MaintenanceKind.CROSS_SELL: "介绍新发理财产品", MaintenanceKind.INFORMATION: "提示理财产品到期",
                 MaintenanceKind.EVENT_INVITATION: "邀请参加理财沙龙", MaintenanceKind.SURVEY: "客户满意度回访"}
        channels = [ContactChannel.PHONE] * 6 + [ContactChannel.VISIT] * 2 + [ContactChannel.SMS]
        for c in self.existing:
            if c.rm_id is None or c.tier not in (Tier.CORE, Tier.ORDINARY_PREMIUM, Tier.TO_WIN, Tier.POTENTIAL):
                continue
            premium = c.tier in (Tier.CORE, Tier.ORDINARY_PREMIUM)
            draw = rng if premium else own
            for _ in range(draw.randint(0, 3)):
                if premium:
                    rng.choice(range(4))  # the slot the four old kinds were drawn from
                kind = own.choice(list(MaintenanceKind))
                when = self.at(self.today - dt.timedelta(days=draw.randint(1, 60)), draw.randint(9 * 60, 17 * 60))
                self.s.add(MaintenanceRecord(client_id=c.id, branch_id=c.branch_id, rm_id=c.rm_id, at=when,
                                             kind=kind, channel=own.choice(channels), note=notes[kind]))

    def score_clients(self) -> None:
        """The RM's ratings for the clients they keep, then every score and tier as the scoring rules
        give them (docs/scoring.md), so a demo profile explains its tier like any other."""
        rng = self.rng
        rules = scoring.rules_for(self.s, self.branch.id)
        spans = {Tier.CORE: (4, 5), Tier.ORDINARY_PREMIUM: (3, 5), Tier.POTENTIAL: (2, 4), Tier.TO_WIN: (2, 4)}
        clients = self.s.scalars(select(Client).where(Client.branch_id == self.branch.id).order_by(Client.id))
        for c in clients:
            span = spans.get(c.tier)
            if span is not None and c.rm_id is not None:
                c.rating_family, c.rating_occupation, c.rating_social = (rng.randint(*span) for _ in range(3))
            c.score, c.tier = scoring.score_and_tier(scoring.inputs_of(c, scoring.latest_snapshot(self.s, c.id)),
                                                     rules)

    def close_days(self, unclosed_day: dt.date) -> None:
        """日终核对 for the past days; today and yesterday are still open."""
        lobby = self.staff["L01"]
        first_day = self.today - dt.timedelta(days=DAYS - 1)
        for offset in range(DAYS - 2):
            day = first_day + dt.timedelta(days=offset)
            if day == unclosed_day:
                continue
            when = self.at(day, self.rng.randint(18 * 60, 18 * 60 + 40))
            dc = DayClose(branch_id=self.branch.id, business_date=day, closed=True, closed_by_id=lobby.id,
                          closed_at=when)
            self.s.add(dc)
            self.s.flush()
            self.audit(when, actor_of(lobby), "close", "day_close", dc.id, f"date={day.isoformat()}")


def _branch(s: Session, db: Database) -> Branch:
    """The branch the demo fills: the one ``init`` made, else a new demo branch."""
    branch = s.scalars(select(Branch).order_by(Branch.id).limit(1)).first()
    if branch is None:
        branch = Branch(code=DEMO_BRANCH_CODE, name=DEMO_BRANCH_NAME)
        s.add(branch)
        s.flush()
        audit.record(s, db, None, "create", "branch", branch.id, f"code={branch.code}", branch_id=branch.id,
                     staff_no="system")
    if s.scalar(select(BranchSettings.id).where(BranchSettings.branch_id == branch.id)) is None:
        s.add(BranchSettings(branch_id=branch.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=list(DEFAULT_INTERESTS)))
    return branch


def build_demo(db: Database, seed: int = 2026) -> DemoResult:
    """Fill an empty database with a demo branch; the same seed gives the same data for a given day.

    Referrals go through ``referrals.file_in_session`` with the clock set back
    to each form's moment, so clients, follow-ups and audit rows are exactly
    what the form would have written; the later work (outcomes, contacts,
    closes) is written directly with the same bookkeeping as the services,
    which would take minutes one unit of work at a time.
    """
    rng = random.Random(seed)
    now = db.now()
    with db.write() as s:
        if (s.scalar(select(func.count()).select_from(Staff)) or 0) > 0:
            raise ValidationError([FieldProblem("database", msg("not_empty"))])
        branch = _branch(s, db)
        b = _Builder(s, db, rng, branch, now, db.today())
        accounts = b.create_staff(seed)
        b.create_existing_clients()
        b.file_referrals()
        b.void_some()
        unclosed_day = b.today - dt.timedelta(days=rng.randint(6, 12))
        b.record_outcomes(unclosed_day)
        follow_ups = [f.follow_up for f in b.filed if f.follow_up is not None and f.referral.voided_at is None]
        follow_ups += b.own_follow_ups()
        for fu in follow_ups:
            b.work_follow_up(fu)
        b.maintenance()
        b.close_days(unclosed_day)
        b.score_clients()
        s.flush()
        n_clients = s.scalar(select(func.count()).select_from(Client).where(Client.branch_id == branch.id)) or 0
        n_referrals = s.scalar(select(func.count()).select_from(Referral).where(Referral.branch_id == branch.id)) or 0
        n_follow_ups = s.scalar(select(func.count()).select_from(FollowUp).where(FollowUp.branch_id == branch.id)) or 0
        result = DemoResult(branch.code, branch.name, n_clients, n_referrals, n_follow_ups, accounts)
    log.info("demo branch built: %d clients, %d referrals, %d follow-ups", result.clients, result.referrals,
             result.follow_ups)
    return result
