"""The console's 名单与政策 page (issue 16), over a real server socket on SQLite and PostgreSQL: a
county administrator uploads a roster, sees the check (nothing written), confirms the import,
publishes a policy and resolves a duplicate; a bad row imports nothing; a township officer gets 404."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.data.models.child import Child
from app.server import accounts, policy
from app.server.duplicates import county_flags
from tests.server.console.helpers import PASSWORDS, csrf, login
from tests.server.roster.conftest import SAMPLES, load_places

NATIONAL = SAMPLES / "national_export_120.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _children(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Child).where(Child.deleted.is_(False)))


def test_upload_check_import_policy_and_duplicates(live):
    db = live.db
    load_places(db)
    accounts.create(db, name="admin", role="county-admin", password=PASSWORDS["admin"], scope="320115")
    accounts.create(db, name="town", role="township", password=PASSWORDS["town"], scope="320115101")
    client = login(live.url, "admin")
    page = client.get("/roster")
    assert page.status_code == 200 and "导入名单" in page.text and "还没有发布" in page.text

    # a bad row: listed, nothing written
    text = (SAMPLES / "county_ledger_120.csv").read_text(encoding="gb18030").splitlines()
    number = text[3].split(",")[4]
    text[3] = text[3].replace(number, number[:17] + ("1" if number[17] != "1" else "2"))
    bad = "\n".join(text).encode("gb18030")
    answer = client.post("/roster/check", data={"csrf_token": csrf(page.text)},
                         files={"file": ("台账.csv", bad, "text/csv")})
    assert answer.status_code == 400 and "第4行：身份证号码校验位错误" in answer.text
    assert _children(db) == 0

    answer = client.post("/roster/check", data={"csrf_token": csrf(page.text)},
                         files={"file": ("名单.xlsx", NATIONAL.read_bytes(), XLSX)})
    assert answer.status_code == 200 and "将新建 <strong>120</strong> 名儿童" in answer.text
    assert _children(db) == 0  # the check writes nothing
    upload = re.search(r'name="upload" value="([0-9a-f]{64})"', answer.text).group(1)
    done = client.post("/roster/import", data={"csrf_token": csrf(answer.text), "upload": upload})
    assert done.status_code == 200 and "新建 120 名儿童" in done.text
    assert _children(db) == 120

    done = client.post("/roster/policy", data={"csrf_token": csrf(done.text), "text": '[intervals]\n"红" = 5\n'})
    assert "已发布第 1 版走访政策" in done.text and policy.current(db)["version"] == 1
    broken = client.post("/roster/policy", data={"csrf_token": csrf(done.text), "text": '[intervals]\n"红" = 45\n'})
    assert broken.status_code == 400 and "不在 1 到 30 天之间" in broken.text and policy.current(db)["version"] == 1
    prefilled = re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', client.get("/roster").text, re.S).group(1)
    assert "version" not in prefilled and "&#34;红&#34; = 5" in prefilled  # edit it for the next version
    again = client.post("/roster/policy", data={"csrf_token": csrf(broken.text), "text": '[intervals]\n"红" = 4\n'})
    assert "已发布第 2 版走访政策" in again.text

    # a second file of one child in another village: flagged, then transferred
    with db.sessions() as s:
        kid = s.scalars(select(Child).where(Child.village_code == "320115101201")).first()
    from app.server.county_writes import county_changes
    from app.data.ids import new_id

    with county_changes(db) as w:
        w.create("child", new_id(), {"village_code": "320115101202", "name": kid.name, "id_number": kid.id_number,
                                     "birth_date": kid.birth_date}, child_id=None, scope="320115101202")
    page = client.get("/roster")
    assert "跨村疑似同一儿童（1 组）" in page.text
    done = client.post("/roster/duplicates/transfer", data={"csrf_token": csrf(page.text), "child": kid.id,
                                                            "to": "320115101202", "reason": "实际住在李湾"})
    assert "的档案转到 320115101202" in done.text and county_flags(db) == []

    # 学籍库比对 for the whole county: three school-age children missing from the roll
    import datetime as dt

    from app.core import clock
    from app.domain.schoolroll import is_school_age
    from tests.server.roster import rosters

    kids = rosters.national_rows(120)
    missing = [k for k in kids if is_school_age(dt.date.fromisoformat(k[4]), clock.today())][:3]
    roll = "姓名,身份证号,学校\n" + "".join(f"{k[1]},{k[3]},示例小学\n" for k in kids if k not in missing)
    page = client.get("/roster")
    answer = client.post("/roster/schoolroll", data={"csrf_token": csrf(page.text)},
                         files={"file": ("学籍库.csv", roll.encode("utf-8"), "text/csv")})
    assert answer.status_code == 200 and "未在籍 <strong>3</strong> 名（新开劝返复学任务 3 个）" in answer.text
    link = re.search(r'href="(/roster/schoolroll/[0-9a-f]{64}\.xlsx)"', answer.text).group(1)
    sheet = client.get(link)
    assert sheet.status_code == 200 and sheet.content[:2] == b"PK"
    assert client.get("/roster/schoolroll/" + "0" * 64 + ".xlsx").status_code == 404

    town = login(live.url, "town")
    assert town.get("/roster").status_code == 404
    assert town.post("/roster/policy", data={"csrf_token": csrf(town.get("/").text), "text": "x"}).status_code == 404
