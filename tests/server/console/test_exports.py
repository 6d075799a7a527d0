"""Excel exports read back with openpyxl equal the database's counts; text that looks like a
formula (= + - @) stays text; each workbook has a summary and one sheet per village with a frozen
header row."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

import openpyxl
from sqlalchemy import select, update

from app.data.models import Child
from app.data.models.visits import Visit
from app.domain import schedule
from app.domain.vocab import STATUS_ACTIVE
from app.server.console import exports
from app.server.console.unpaid import unpaid

COUNTY = "320115"


def _book(db, kind: str, prefix: str = COUNTY, **kw) -> openpyxl.Workbook:
    with db.sessions() as s:
        data = exports.build(kind, s, prefix, schedule.today_local(), **kw)
    return openpyxl.load_workbook(io.BytesIO(data))


def _active(db):
    with db.sessions() as s:
        return s.execute(select(Child.id, Child.village_code, Child.colour, Child.name, Child.id_number).where(
            Child.deleted.is_(False), Child.status == STATUS_ACTIVE)).all()


def test_roster_and_colours_equal_database_counts(county):
    kids = _active(county.db)
    per_village = Counter(k.village_code for k in kids)
    wb = _book(county.db, "roster")
    assert wb.sheetnames[0] == "汇总" and len(wb.sheetnames) == 1 + len(per_village)
    summary = list(wb["汇总"].iter_rows(min_row=2, values_only=True))
    assert {r[2]: r[3] for r in summary if r[2]} == dict(per_village)
    assert summary[-1][0] == "合计" and summary[-1][3] == len(kids)
    names = {k.id_number: k.name for k in kids}
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2"
        assert [c.value for c in ws[1]][:4] == ["序号", "姓名", "性别", "身份证号"]
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        assert all(names[r[3]] == r[1] for r in rows)
    assert sum(ws.max_row - 1 for ws in wb.worksheets[1:]) == len(kids)

    colours = _book(county.db, "colours")
    want = Counter((k.village_code, k.colour or "") for k in kids)
    for code, *_rest in per_village.items():
        row = next(r for r in colours["汇总"].iter_rows(min_row=2, values_only=True) if r[2] == code)
        assert list(row[3:9]) == [per_village[code]] + [want[(code, c)] for c in ["红", "黄", "蓝", "绿", ""]]


def test_visit_statistics_equal_database_counts(county):
    today = schedule.today_local()
    first, last = schedule.month_bounds(today)
    with county.db.sessions() as s:
        rows = s.execute(select(Visit.child_id, Visit.visit_date, Child.village_code).join(
            Child, Child.id == Visit.child_id).where(Visit.amends_id.is_(None), Child.status == STATUS_ACTIVE)).all()
    month = [r for r in rows if first <= r.visit_date <= last]
    wb = _book(county.db, "visits", month=f"{today:%Y-%m}")
    total = [r for r in wb["汇总"].iter_rows(min_row=2, values_only=True) if r[0] == "合计"][0]
    assert total[5] == len({r.child_id for r in month}) and total[7] == len(month)


def test_unpaid_and_reports_lists(county):
    today = schedule.today_local()
    with county.db.sessions() as s:
        lines = unpaid(s, COUNTY, today)
    wb = _book(county.db, "unpaid")
    listed = [r for ws in wb.worksheets[1:] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(r[2] for r in listed) == sorted(u.id_number for u in lines) and lines
    reports = _book(county.db, "reports")
    assert reports["汇总"].cell(row=reports["汇总"].max_row, column=1).value == "合计"


def test_formula_text_stays_text(county):
    kids = _active(county.db)
    victim = kids[0]
    evil = {"name": "=HYPERLINK(\"http://evil.example\",\"点我\")", "group_name": "+1+1", "address": "-2+3",
            "school": "@SUM(A1:A9)"}
    with county.db.sessions() as s, s.begin():
        before = s.execute(select(Child.name, Child.group_name, Child.address, Child.school).where(
            Child.id == victim.id)).one()._asdict()
        s.execute(update(Child).where(Child.id == victim.id).values(**evil))
    try:
        with county.db.sessions() as s:
            data = exports.build("roster", s, victim.village_code, schedule.today_local())
    finally:
        with county.db.sessions() as s, s.begin():
            s.execute(update(Child).where(Child.id == victim.id).values(**before))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml and "<f " not in xml
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[1]
    row = next(r for r in ws.iter_rows(min_row=2) if r[3].value == victim.id_number)
    cells = {ws.cell(row=1, column=c.column).value: c for c in row}
    for header, field in (("姓名", "name"), ("村民小组", "group_name"), ("现住址", "address"), ("就读学校", "school")):
        assert cells[header].data_type == "s" and cells[header].value == evil[field]


def test_township_export_holds_only_its_villages(county):
    wb = _book(county.db, "roster", prefix="320115101")
    codes = [r[2] for r in wb["汇总"].iter_rows(min_row=2, values_only=True) if r[2]]
    assert codes and all(c.startswith("320115101") for c in codes)
