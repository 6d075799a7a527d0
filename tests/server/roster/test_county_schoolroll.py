"""学籍库比对 at the county (issue 16): one roll for all villages; a school-age child missing from it
gets a 劝返复学 task in its village's file (reaching the village laptop by sync), a pupil under
another ID number is 疑似匹配, the summary is exported to Excel, and the same roll twice opens no
task twice."""

from __future__ import annotations

import datetime as dt
import json

from openpyxl import load_workbook
from sqlalchemy import select

from app.cli import main
from app.core import clock
from app.domain.schoolroll import is_school_age
from app.data.models.protection import ReturnToSchoolTask
from app.server.roster.importer import import_roster
from app.sync import client
from tests.server.roster import rosters
from tests.server.roster.conftest import SAMPLES, load_places
from tests.sync.stores import make_store



def test_county_roll_check_opens_tasks_in_villages(live, tmp_path, capsys):
    db = live.db
    load_places(db)
    import_roster(db, SAMPLES / "national_export_120.xlsx")
    kids = rosters.national_rows(120)
    today = clock.today()
    school_age = [k for k in kids if is_school_age(dt.date.fromisoformat(k[4]), today)]
    missing = school_age[:3]
    village = missing[0][5]
    uncertain = next(k for k in school_age[5:] if k not in missing)
    roll = []
    for k in kids:
        if k in missing:
            continue
        number = k[3]
        if k is uncertain:  # the roll holds this pupil under a mistyped number
            number = ""
        roll.append([k[1], number, k[4], "示例小学", "三年级"])
    roll.append(["外县学生", "320115201301010030", "2013-01-01", "示例小学", "五年级"])
    path = rosters.write_csv(tmp_path / "学籍库.csv", ["姓名", "身份证号", "出生日期", "学校", "年级"], roll)
    lap = make_store(tmp_path, "lap", village)
    client.enrol(lap, live.url, live.code(village))
    client.sync(lap)

    capsys.readouterr()
    out = tmp_path / "汇总.xlsx"
    assert main(["server", "schoolroll-check", "--db", db.url, str(path), "--export", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"]["not_attending"] == 3 and result["total"]["tasks"] == 3
    assert result["total"]["uncertain"] == 1
    assert {f["name"] for f in result["findings"] if f["kind"] == "未在籍"} == {k[1] for k in missing}
    sheet = load_workbook(out)["各村汇总"]
    last = [c.value for c in list(sheet.iter_rows())[-1]]
    assert last[1] == "合计" and last[3] == 3 and last[6] == 3

    client.sync(lap)
    with lap.read_session() as s:
        tasks = s.scalars(select(ReturnToSchoolTask)).all()
    assert len(tasks) == sum(1 for k in missing if k[5] == village)
    assert tasks[0].status == "劝返中" and "县级学籍库比对" in tasks[0].notes

    assert main(["server", "schoolroll-check", "--db", db.url, str(path), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["already_imported"] and again["total"]["tasks"] == 0 and again["total"]["not_attending"] == 3
    lap.close()
