"""The month's assessment submitted to the head office (docs/assessment.md "Submitting to the head
office", docs/head-office.md "The monthly assessment figures"), on both engines."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Delete, select
from sqlalchemy.orm import Session

from models import AssessmentResult, AuditEvent, Branch, BranchSettings, Role, Staff
from services import accounts, assessment, headoffice
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.saving import when

NOV = dt.date(2026, 11, 1)  # the clock's month (2026-11-20)
OCT = dt.date(2026, 10, 1)


@pytest.fixture
def crew(f):  # type: ignore[no-untyped-def]
    return f.staff(Role.RM, name="李理财"), f.staff(Role.RM, name="赵理财"), f.staff(Role.SUPERVISOR, name="孙主管")


@pytest.fixture
def branch_b(db, f):  # type: ignore[no-untyped-def]
    """A second branch with an RM and a supervisor of its own."""
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10, score_weights={},
                             interests=[]))
    rm, _ = accounts.add_staff(db, f.system, staff_no="B0001", name="钱理财", role=Role.RM,
                               password="Passw0rd!", must_change_password=False, branch_code="0002")
    sup, _ = accounts.add_staff(db, f.system, staff_no="B0002", name="冯主管", role=Role.SUPERVISOR,
                                password="Passw0rd!", must_change_password=False, branch_code="0002")
    return rm, sup


def _stored(db) -> list[tuple[int, Decimal, int]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(AssessmentResult.rm_id, AssessmentResult.total,
                                                   AssessmentResult.version).order_by(AssessmentResult.rm_id))]


def test_the_supervisor_submits_the_sheets_figures_audited(db, f, crew, clock):
    rm, other, sup = crew
    boss = f.actor(sup)
    assessment.set_rating(db, boss, rm.id, NOV, 8, 0)
    assessment.add_item(db, boss, other.id, NOV, -3, "other", "迟到")
    assert assessment.submission(db, boss, NOV) is None
    done = assessment.submit(db, boss, dt.date(2026, 11, 17), 0)  # any day of the month names the month
    sheet = assessment.sheet(db, boss, NOV)
    assert done.version == 1 and done.month == NOV
    assert (done.submitted_by_no, done.submitted_by, done.submitted_at) == (sup.staff_no, "孙主管", clock.now)
    # Each RM's points are the sheet's, part by part: no figure is computed twice.
    assert [(r.rm_id, r.marketing, r.service, r.process, r.bonus, r.total, r.rating) for r in done.rows] == [
        (a.rm_id, a.marketing, a.service, a.process, a.bonus, a.total, a.rating) for a in sheet.rows]
    assert {r.rm_id: r.rating for r in done.rows} == {rm.id: 8, other.id: None}
    assert next(r for r in done.rows if r.rm_id == other.id).bonus == Decimal(-3)
    assert assessment.submission(db, boss, NOV) == done
    assert not done.differs_from(assessment.assess(db, boss, NOV))
    with db.read() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "submit")).one()
    assert (event.entity, event.detail, event.actor_id) == ("assessment_result", "month=2026-11 rows=2 version=1",
                                                           sup.id)


def test_a_resubmission_replaces_the_months_rows_and_a_stale_one_is_refused(db, f, crew, clock):
    rm, other, sup = crew
    sup2 = f.staff(Role.SUPERVISOR, name="周主管")
    first = assessment.submit(db, f.actor(sup), OCT, 0)
    assessment.set_rating(db, f.actor(sup), rm.id, OCT, 10, 0)
    assert first.differs_from(assessment.assess(db, f.actor(sup), OCT))  # the page says: changed since
    clock.advance(hours=1)
    second = assessment.submit(db, f.actor(sup2), OCT, first.version)
    assert second.version == 2 and second.submitted_by_no == sup2.staff_no
    assert [r.rm_id for r in second.rows] == [r.rm_id for r in first.rows]
    rated = next(r for r in second.rows if r.rm_id == rm.id)
    assert rated.rating == 10 and rated.total > next(r for r in first.rows if r.rm_id == rm.id).total
    assert [v for _rm, _t, v in _stored(db)] == [2, 2]  # replaced, not added to
    # The first supervisor's page still shows version 1: refused, naming who submitted and when.
    with pytest.raises(Conflict) as err:
        assessment.submit(db, f.actor(sup), OCT, first.version)
    assert err.value.by == sup2.staff_no and err.value.at == clock.now
    assert "周主管" in str(err.value) and when(clock.now) in str(err.value)
    with pytest.raises(Conflict):  # a page that never saw the submission
        assessment.submit(db, f.actor(sup), OCT, 0)
    assert [v for _rm, _t, v in _stored(db)] == [2, 2]
    # An RM who left since is no longer in the month's rows once it is submitted again.
    with db.write() as s:
        s.get(Staff, other.id).active = False  # type: ignore[union-attr]
    third = assessment.submit(db, f.actor(sup), OCT, second.version)
    assert [r.rm_id for r in third.rows] == [rm.id] and [(r, v) for r, _t, v in _stored(db)] == [(rm.id, 3)]
    with db.read() as s:
        events = list(s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "submit")
                                .order_by(AuditEvent.id)))
    assert events == ["month=2026-10 rows=2 version=1", "month=2026-10 rows=2 version=2",
                      "month=2026-10 rows=1 version=3"]


def test_a_month_not_begun_or_without_rms_is_refused_and_nothing_is_written(db, f, crew, branch_b):
    _rm, _other, sup = crew
    with pytest.raises(ValidationError) as err:
        assessment.submit(db, f.actor(sup), dt.date(2026, 12, 1), 0)
    assert err.value.problems[0].field == "month"
    _rm_b, sup_b = branch_b
    with db.write() as s:  # branch B's only RM leaves: nobody to assess
        s.get(Staff, _rm_b.id).active = False  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as err:
        assessment.submit(db, f.actor(sup_b), NOV, 0)
    assert err.value.problems[0].field == "month"
    assert _stored(db) == []
    with db.read() as s:
        assert s.scalar(select(AuditEvent.id).where(AuditEvent.action == "submit")) is None


def test_only_the_supervisor_submits_and_only_their_own_branch(db, f, crew, branch_b):
    rm, _other, sup = crew
    rm_b, sup_b = branch_b
    for role in (Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.MARKETING, Role.ADMIN, Role.HEAD_OFFICE):
        who = f.actor(rm) if role == Role.RM else f.actor(f.staff(role))
        with pytest.raises(PermissionDenied):
            assessment.submit(db, who, NOV, 0)
        with pytest.raises(PermissionDenied):
            assessment.submission(db, who, NOV)
    with pytest.raises(PermissionDenied):  # another branch's RM
        assessment.submit(db, f.actor(rm_b), NOV, 0)
    assessment.submit(db, f.actor(sup), NOV, 0)
    # Branch B's supervisor sees and submits branch B's month only; branch A's rows stay as they were.
    assert assessment.submission(db, f.actor(sup_b), NOV) is None
    before = _stored(db)
    done = assessment.submit(db, f.actor(sup_b), NOV, 0)
    assert [r.rm_id for r in done.rows] == [rm_b.id] and done.version == 1
    with db.read() as s:
        by_branch = dict(s.execute(select(AssessmentResult.rm_id, AssessmentResult.branch_id)).all())
    assert by_branch[rm_b.id] != by_branch[rm.id]
    assert [row for row in _stored(db) if row[0] != rm_b.id] == before


def test_the_head_office_sees_every_branch_a_missing_one_as_not_submitted(db, f, crew, branch_b, clock):
    rm, other, sup = crew
    ho = f.actor(f.staff(Role.HEAD_OFFICE, name="分行汇总"))
    assessment.set_rating(db, f.actor(sup), rm.id, NOV, 7, 0)
    assessment.add_item(db, f.actor(sup), other.id, NOV, 5, "retention", "挽留成功")
    done = assessment.submit(db, f.actor(sup), NOV, 0)
    lines = headoffice.assessment_by_branch(db, ho, dt.date(2026, 11, 30))
    assert [(b.branch.code, b.submitted) for b in lines] == [("0001", True), ("0002", False)]
    a, b = lines
    totals = [r.total for r in done.rows]
    assert a.rms == 2 and a.submitted_at == clock.now and (a.submitted_by_no, a.submitted_by) == (sup.staff_no,
                                                                                                  "孙主管")
    assert a.average == (sum(totals) / 2).quantize(Decimal("0.1"))
    assert (a.highest, a.lowest) == (max(totals), min(totals))
    assert a.marketing == (sum(r.marketing for r in done.rows) / 2).quantize(Decimal("0.1"))
    assert a.bonus == Decimal("2.5") and a.process == (sum(r.process for r in done.rows) / 2).quantize(Decimal("0.1"))
    # Not submitted: listed, no figures at all (never zeros as if assessed).
    assert (b.rms, b.submitted_at, b.submitted_by, b.average, b.highest, b.lowest, b.marketing) == (
        0, None, None, None, None, None, None)
    assert headoffice.assessment_of_branch(db, ho, a.branch.id, NOV) == done
    assert headoffice.assessment_of_branch(db, ho, b.branch.id, NOV) is None
    assert [x.submitted for x in headoffice.assessment_by_branch(db, ho, OCT)] == [False, False]
    with pytest.raises(NotFound):
        headoffice.assessment_of_branch(db, ho, 999_999, NOV)
    for who in (sup, rm, f.staff(Role.ADMIN)):
        with pytest.raises(PermissionDenied):
            headoffice.assessment_by_branch(db, f.actor(who), NOV)
        with pytest.raises(PermissionDenied):
            headoffice.assessment_of_branch(db, f.actor(who), a.branch.id, NOV)


@pytest.mark.postgresql
@pytest.mark.parametrize("first", [True, False], ids=["first", "resubmission"])
def test_two_supervisors_submitting_at_once(db, f, crew, monkeypatch, first):
    """Both start from the same submission and write together: one is kept, the other is refused
    naming the winner; the month holds one submission's rows."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    _rm, _other, sup = crew
    sup2 = f.staff(Role.SUPERVISOR, name="周主管")
    version = 0 if first else assessment.submit(db, f.actor(sup), NOV, 0).version
    real_flush, real_execute = Session.flush, Session.execute
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def meet() -> None:
        if getattr(racing, "on", False):
            racing.on = False
            barrier.wait()

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if any(isinstance(o, AssessmentResult) for o in self.new):
            meet()
        real_flush(self, objects)

    def execute_at_the_barrier(self: Session, statement: Any, *args: Any, **kw: Any) -> Any:
        if isinstance(statement, Delete) and statement.table.name == "assessment_result":
            meet()
        return real_execute(self, statement, *args, **kw)

    # Both have read the month's submission before either deletes (or, the first time, inserts).
    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    monkeypatch.setattr(Session, "execute", execute_at_the_barrier)
    outcomes: dict[str, BaseException | None] = {}

    def run(actor: Any) -> None:
        racing.on = True
        try:
            assessment.submit(db, actor, NOV, version)
            outcomes[actor.staff_no] = None
        except BaseException as failure:  # the test reports whatever escaped
            outcomes[actor.staff_no] = failure

    threads = [threading.Thread(target=run, args=(f.actor(a),)) for a in (sup, sup2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [who for who, exc in outcomes.items() if exc is None]
    losers = [exc for exc in outcomes.values() if exc is not None]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], Conflict) and losers[0].by == winners[0]
    stored = _stored(db)
    assert len(stored) == 2 and {v for _rm, _t, v in stored} == {version + 1}
    kept = assessment.submission(db, f.actor(sup), NOV)
    assert kept is not None and kept.submitted_by_no == winners[0]


def test_the_head_office_exports_every_branch_as_pdf_and_xlsx(db, f, crew, branch_b, tmp_path):
    from openpyxl import load_workbook

    from tests.reports.conftest import pdf_text
    from tests.reports.test_pdf import _fonts

    rm, _other, sup = crew
    ho = f.actor(f.staff(Role.HEAD_OFFICE, name="分行汇总"))
    assessment.set_rating(db, f.actor(sup), rm.id, NOV, 10, 0)
    done = assessment.submit(db, f.actor(sup), NOV, 0)
    line = headoffice.assessment_by_branch(db, ho, NOV)[0]
    pdf = headoffice.export_assessment(db, ho, NOV, tmp_path / "考核汇总.pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "各网点月度考核汇总" in text and "2 个网点中 1 个已报送" in text
    assert (f"0001 测试支行 2026-11-20 10:00 孙主管（{sup.staff_no}） 2 {line.average:.1f} {line.highest:.1f} "
            f"{line.lowest:.1f} {line.marketing:.1f} {line.service:.1f} {line.process:.1f} {line.bonus:.1f}") in text
    assert "0002 第二支行 未报送 — — — — — — — — — 注" in text  # listed, nine empty figures
    from pypdf import PdfReader

    for font in _fonts(PdfReader(str(pdf))):
        if font.get("/Subtype") != "/Type0":
            descriptor = font.get("/FontDescriptor").get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
    xlsx = headoffice.export_assessment(db, ho, NOV, tmp_path / "考核汇总.xlsx")
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[1][:5] == ("0001", "测试支行", "2026-11-20 10:00", f"孙主管（{sup.staff_no}）", 2)
    assert Decimal(str(rows[1][5])) == line.average and Decimal(str(rows[1][6])) == max(r.total for r in done.rows)
    assert rows[2][:3] == ("0002", "第二支行", "未报送") and set(rows[2][3:]) == {"—"}
    with db.read() as s:
        details = list(s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "export")))
    assert details == ["month=2026-11 format=pdf rows=2", "month=2026-11 format=xlsx rows=2"]
    with pytest.raises(ValidationError):
        headoffice.export_assessment(db, ho, NOV, tmp_path / "x.csv")
    with pytest.raises(PermissionDenied):
        headoffice.export_assessment(db, f.actor(sup), NOV, tmp_path / "y.pdf")
    assert not (tmp_path / "y.pdf").exists()
