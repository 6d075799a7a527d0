"""Roster import at the county (issue 16), on SQLite and PostgreSQL: the two layouts (a national
export with a title row and village codes, a county 台账 in GBK with township and village names)
are recognised without a mapping; children land in their villages as synced rows that a laptop
enrolled before gets on its next sync and one enrolled after on its first; importing again changes
nothing; a bad row imports nothing unless skipped; a later roster reports what villages edited."""

from __future__ import annotations

import json
import shutil

from sqlalchemy import func, select

from app.cli import main
from app.data.models.child import CareArrangement, Child, ChildCategory, Guardian
from app.server.db import LogEntry
from app.server.roster.importer import import_roster
from app.sync import client
from tests.server.roster import rosters
from tests.server.roster.conftest import SAMPLES, load_places
from tests.sync.stores import edit, make_store

V1 = "320115101201"  # 张庄社区, 东湖街道
NATIONAL = SAMPLES / "national_export_120.xlsx"
LEDGER = SAMPLES / "county_ledger_120.csv"


def _log_count(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(LogEntry)) or 0


def _held(store) -> dict[str, Child]:
    with store.read_session() as s:
        return {c.id_number: c for c in s.scalars(select(Child).where(Child.deleted.is_(False)))}


def _import(db, path, *extra) -> dict:
    assert main(["server", "import-roster", "--db", db.url, str(path), "--json", *extra]) == 0


def test_two_layouts_sync_to_their_villages(live, tmp_path, capsys):
    db = live.db
    load_places(db)
    before = make_store(tmp_path, "before", V1)
    client.enrol(before, live.url, live.code(V1))
    client.sync(before)
    capsys.readouterr()

    _import(db, NATIONAL)
    report = json.loads(capsys.readouterr().out)
    assert report["created"] == 120 and report["changes"] > 0 and report["skipped"] == []
    expected = {r[3] for r in rosters.national_rows(120) if r[5] == V1}
    assert len(expected) == 2

    client.sync(before)  # enrolled before the import: gets them on its next sync
    held = _held(before)
    assert set(held) == expected
    kid = held[sorted(expected)[0]]
    row = next(r for r in rosters.national_rows(120) if r[3] == kid.id_number)
    assert (kid.name, kid.village_code, kid.sex, kid.birth_date.isoformat()) == (row[1], V1, row[2], row[4])
    assert kid.pinyin_key and kid.next_visit_due is None
    with before.read_session() as s:
        assert s.scalar(select(Guardian.name).where(Guardian.child_id == kid.id)) == row[8]
        assert s.scalar(select(Guardian.relation).where(Guardian.child_id == kid.id)) == row[9]
        assert [c for c in s.scalars(select(ChildCategory.category).where(ChildCategory.child_id == kid.id))] == [
            rosters.CATEGORIES_NATIONAL[0] if row[7] == "农村留守儿童" else row[7].replace("（", "(").replace("）", ")")]

    # the county 台账 of the same children: names resolve to codes, carers are added, nobody twice
    _import(db, LEDGER)
    report = json.loads(capsys.readouterr().out)
    assert report["created"] == 0 and report["overwrites"] == [] and report["elsewhere"] == []
    assert report["updated"] == sum(1 for r in rosters.county_rows(120) if r[8])  # the carers
    logged = _log_count(db)
    for path in (NATIONAL, LEDGER):  # again: nothing changes
        _import(db, path)
        again = json.loads(capsys.readouterr().out)
        assert again["changes"] == 0 and again["created"] == 0 and again["updated"] == 0
    assert _log_count(db) == logged

    after = make_store(tmp_path, "after", V1)  # enrolled after the import: its first pull
    client.enrol(after, live.url, live.code(V1))
    client.sync(after)
    client.sync(before)
    assert set(_held(after)) == set(_held(before)) == expected
    with after.read_session() as s:
        carers = s.scalar(select(func.count()).select_from(CareArrangement))
    assert carers == sum(1 for r in rosters.county_rows(120) if r[8] and r[4] in expected)
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Child)) == 120
    before.close()
    after.close()


def test_one_bad_row_imports_nothing_unless_skipped(live, tmp_path, capsys):
    db = live.db
    load_places(db)
    text = LEDGER.read_text(encoding="gb18030").splitlines()
    good = text[5].split(",")[4]
    bad_number = good[:17] + ("0" if good[17] != "0" else "1")
    text[5] = text[5].replace(good, bad_number)
    text[9] = text[9].replace("张庄社区", "不存在村").replace("李湾社区", "不存在村").replace("王营村", "不存在村") \
        if "不存在村" not in text[9] else text[9]
    bad = tmp_path / "台账-有错.csv"
    bad.write_text("\n".join(text) + "\n", encoding="gb18030")
    capsys.readouterr()
    logged = _log_count(db)  # the place list the county loaded
    assert main(["server", "import-roster", "--db", db.url, str(bad)]) != 0
    err = capsys.readouterr().err
    assert "未导入任何数据" in err and "第6行：身份证号码校验位错误" in err
    assert _log_count(db) == logged
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Child)) == 0
    _import(db, bad, "--skip-bad-rows")
    report = json.loads(capsys.readouterr().out)
    assert report["created"] == 120 - len(report["skipped"]) and report["skipped"][0].startswith("第6行：")


def test_later_roster_keeps_village_edits_and_reports_them(live, tmp_path, capsys):
    db = live.db
    load_places(db)
    capsys.readouterr()
    _import(db, NATIONAL)
    capsys.readouterr()
    lap = make_store(tmp_path, "lap", V1)
    client.enrol(lap, live.url, live.code(V1))
    client.sync(lap)
    edited, untouched = sorted(_held(lap).values(), key=lambda c: c.id_number)
    edit(lap, Child, edited.id, name="村里改的名")
    client.sync(lap)

    rows = rosters.national_rows(120)
    for r in rows:
        if r[3] in (edited.id_number, untouched.id_number):
            r[1] = r[1] + "新"
    later = tmp_path / "later.xlsx"
    rosters.write_xlsx(later, rosters.NATIONAL_HEADER, rows)
    _import(db, later)
    report = json.loads(capsys.readouterr().out)
    assert report["updated"] == 1 and len(report["overwrites"]) == 1
    assert "姓名 村里为“村里改的名”" in report["overwrites"][0]
    client.sync(lap)
    held = _held(lap)
    assert held[edited.id_number].name == "村里改的名"  # the village's edit stays
    assert held[untouched.id_number].name == untouched.name + "新"  # the county's own value follows the roster
    _import(db, later, "--overwrite")
    assert json.loads(capsys.readouterr().out)["updated"] == 1
    client.sync(lap)
    assert _held(lap)[edited.id_number].name.endswith("新")
    lap.close()


def test_mapping_step_and_it_is_remembered(tmp_path, capsys):
    db = str(tmp_path / "county.db")
    assert main(["server", "places", "--db", db, "--file", str(SAMPLES / "places.csv")]) == 0
    header = ["孩子名字", "证件编号", "村别", "所在乡镇", "备注"]
    rows = [[r[3], r[4], r[2], r[1], ""] for r in rosters.county_rows(10)]
    odd = rosters.write_csv(tmp_path / "odd.csv", header, rows)
    capsys.readouterr()
    assert main(["server", "import-roster", "--db", db, str(odd)]) != 0
    assert "找不到这些列：姓名、身份证号" in capsys.readouterr().err
    assert main(["server", "import-roster", "--db", db, str(odd), "--dry-run",
                 "--map", "孩子名字=name,证件编号=身份证号,村别=village_name"]) == 0
    assert "检查完毕（未写入）：10 行，新建 10 名儿童" in capsys.readouterr().out
    odd2 = tmp_path / "odd2.csv"
    shutil.copy(odd, odd2)
    assert main(["server", "import-roster", "--db", db, str(odd2), "--json"]) == 0  # remembered
    assert json.loads(capsys.readouterr().out)["created"] == 10
    assert main(["server", "import-roster", "--db", db, str(odd), "--map", "孩子名字=年龄"]) != 0
    assert "不认识" in capsys.readouterr().err


def test_thirty_thousand_rows_both_layouts(live, tmp_path, big_rosters):
    db = live.db
    load_places(db)
    report = import_roster(db, big_rosters["county"])
    assert report.created == 30000 and not report.skipped
    lap = make_store(tmp_path, "lap", V1)
    client.enrol(lap, live.url, live.code(V1))
    client.sync(lap)
    expected = {r[4] for r in rosters.county_rows(30000) if r[2] == "张庄社区"}
    assert len(expected) == 500 and set(_held(lap)) == expected

    report = import_roster(db, big_rosters["national"])  # the national export adds addresses
    assert report.created == 0 and report.updated == 30000 and not report.overwrites and not report.elsewhere
    logged = _log_count(db)
    assert import_roster(db, big_rosters["national"]).changes == 0  # the same file again: nothing
    assert _log_count(db) == logged
    client.sync(lap)
    held = _held(lap)
    assert set(held) == expected and all(c.address.startswith("张庄社区") for c in held.values())
    lap.close()
