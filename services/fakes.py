"""Made-up people for the demo branch and the benchmark's seeder: names, mobiles, ID numbers that pass the checks.

One generator for both (``services.demo`` and ``bench/seed.py``), so the demo
and the benchmark's millions of clients look alike and pass the same
validators. Mobiles never repeat within one generator: the unique index on a
branch's mobiles (docs/saving.md "Look-up-or-insert") would refuse a repeat.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from models import Gender
from services.validation import id_check_char

# Surnames weighted roughly by how common they are (the commonest hundred).
SURNAMES = (
    "王" * 72 + "李" * 71 + "张" * 68 + "刘" * 54 + "陈" * 46 + "杨" * 32 + "黄" * 25 + "赵" * 22 + "吴" * 21
    + "周" * 21 + "徐" * 15 + "孙" * 15 + "马" * 13 + "朱" * 13 + "胡" * 12 + "郭" * 12 + "何" * 11 + "高" * 10
    + "林" * 10 + "罗" * 10 + "郑" * 9 + "梁" * 9 + "谢" * 7 + "宋" * 7 + "唐" * 7 + "许" * 6 + "韩" * 6
    + "冯" * 6 + "邓" * 6 + "曹" * 6 + "彭" * 5 + "曾" * 5 + "肖" * 5 + "田" * 5 + "董" * 5 + "袁" * 5
    + "潘" * 4 + "于" * 4 + "蒋" * 4 + "蔡" * 4 + "余" * 4 + "杜" * 4 + "叶" * 4 + "程" * 4 + "苏" * 3
    + "魏" * 3 + "吕" * 3 + "丁" * 3 + "任" * 3 + "沈" * 3 + "姚" * 3 + "卢" * 3 + "姜" * 3 + "崔" * 3
    + "钟" * 2 + "谭" * 2 + "陆" * 2 + "汪" * 2 + "范" * 2 + "金" * 2 + "石" * 2 + "廖" * 2 + "贾" * 2
    + "夏" * 2 + "韦" * 2 + "付" * 2 + "方" * 2 + "白" * 2 + "邹" * 2 + "孟" * 2 + "熊" * 2 + "秦" * 2
    + "邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "慕容")
MALE_GIVEN = (
    "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "斌", "鹏", "辉", "刚", "建华", "志强", "国庆",
    "海涛", "文博", "子轩", "浩然", "宇航", "俊杰", "德明", "振华", "永平", "立新", "家豪", "思远", "晓东",
    "一鸣", "天宇", "建国", "晓峰", "志伟", "瑞明", "永刚", "建平", "德华",
)
FEMALE_GIVEN = (
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "颖", "佳怡", "雨桐",
    "欣怡", "思琪", "秀英", "桂兰", "淑珍", "丽华", "晓燕", "美玲", "文静", "梦瑶", "海燕", "春梅", "子涵",
    "诗雨", "嘉怡", "雅琴", "红霞", "丽娟", "凤英", "金凤", "桂芳", "玉兰",
)
# Names of the Uyghur and Hui communities keep the “·” the name check allows.
DOTTED_NAMES = ((Gender.FEMALE, "阿依古丽·买买提"), (Gender.MALE, "艾力·托合提"), (Gender.MALE, "穆罕默德·马"))
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
    "156", "157", "158", "159", "166", "173", "176", "177", "178", "180", "181", "182", "183", "185", "186",
    "187", "188", "189", "191", "198", "199",
)
# Real GB/T 2260 county codes: mostly around 合肥, some from where people move from.
REGIONS = (
    "340102", "340103", "340104", "340111", "340121", "340123", "340202", "340811", "341302",
    "310101", "310104", "310115", "110105", "110108", "320102", "330106", "420106", "440106", "510104",
)
_BODY = 10 ** 8
_STEP = 48_271 * 64 + 3  # odd and not a multiple of 5: stepping by it visits every 8-digit body once


@dataclass(frozen=True)
class Person:
    name: str
    gender: Gender
    birth: dt.date
    mobile: str
    id_number: str | None


class FakePeople:
    """Deterministic made-up people from one seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._mobiles = 0
        self._offset = rng.randrange(_BODY)
        self._id_numbers: set[str] = set()

    def gender(self) -> Gender:
        return Gender.MALE if self.rng.random() < 0.5 else Gender.FEMALE

    def name(self, gender: Gender | None = None) -> str:
        """A name the name check accepts; now and then a compound surname or a dotted name."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.005:
            return rng.choice(DOTTED_NAMES)[1]
        gender = gender or self.gender()
        surname = rng.choice(COMPOUND_SURNAMES) if roll < 0.02 else rng.choice(SURNAMES)
        return surname + rng.choice(MALE_GIVEN if gender == Gender.MALE else FEMALE_GIVEN)

    def mobile(self) -> str:
        """An 11-digit mobile this generator has not handed out before."""
        k = self._mobiles
        self._mobiles += 1
        prefix = MOBILE_PREFIXES[k % len(MOBILE_PREFIXES)]
        body = (self._offset + (k // len(MOBILE_PREFIXES)) * _STEP) % _BODY
        return f"{prefix}{body:08d}"

    def birth(self) -> dt.date:
        return dt.date(1950, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 365 * 51))

    def id_number(self, birth: dt.date, gender: Gender, *, unique: bool = True) -> str:
        """An 18-character ID number with a valid region, birth date, sex digit and check digit (GB 11643)."""
        rng = self.rng
        while True:
            parity = (1, 3, 5, 7, 9) if gender == Gender.MALE else (0, 2, 4, 6, 8)  # 17th digit: odd for men
            seq = rng.randrange(0, 100) * 10 + rng.choice(parity)
            body = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{seq:03d}"
            number = body + id_check_char(body)
            if not unique:
                return number
            if number not in self._id_numbers:
                self._id_numbers.add(number)
                return number

    def person(self, *, with_id_share: float = 0.8) -> Person:
        """A whole person: most carry an ID number, all a fresh mobile."""
        gender = self.gender()
        name = self.name(gender)
        if "·" in name:
            gender = next(g for g, n in DOTTED_NAMES if n == name)
        birth = self.birth()
        id_number = self.id_number(birth, gender) if self.rng.random() < with_id_share else None
        return Person(name, gender, birth, self.mobile(), id_number)
