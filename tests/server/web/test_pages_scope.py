"""The console's content pages through a live server: a township supervisor gets 404 for another
township's village, child, report and export, whatever the URL; a viewer never receives a child's
name or ID number (every page and statistics export a viewer can open is searched); a report
action without the CSRF token, or with an empty note, changes nothing; views and exports are audited."""

from __future__ import annotations

import io
import re
import zipfile

from sqlalchemy import func, select

from app.data.models import Child, Guardian
from app.data.models.county import CountyReportAction
from app.data.models.protection import MandatoryReport
from app.server.web import audit
from tests.server.console.conftest import county  # noqa: F401  (the fixture)
from tests.server.console.helpers import TOWN_A, TOWN_B, csrf, login


def _ids(db, town: str):
    with db.sessions() as s:
        child = s.scalar(select(Child.id).where(Child.village_code.startswith(town)).limit(1))
        report = s.scalar(select(MandatoryReport.id).join(Child, Child.id == MandatoryReport.child_id).where(
            Child.village_code.startswith(town)).limit(1))
    return child, report


def test_township_sees_only_its_township(county):  # noqa: F811
    mine, _ = _ids(county.db, TOWN_A)
    other, other_report = _ids(county.db, TOWN_B)
    c = login(county.url, "town")
    assert c.get(f"/children/{mine}").status_code == 200
    assert c.get(f"/villages/{TOWN_A}201").status_code == 200
    assert c.get(f"/exports/roster.xlsx?unit={TOWN_A}").status_code == 200
    for path in (f"/children/{other}", f"/villages/{TOWN_B}201", f"/exports/roster.xlsx?unit={TOWN_B}",
                 f"/exports/colours.xlsx?unit={TOWN_B}201", "/exports/roster.xlsx?unit=320115",
                 f"/?unit={TOWN_B}", f"/villages?unit={TOWN_B}", f"/reports?unit={TOWN_B}",
                 "/children/not-a-child", "/exports/nothing.xlsx", "/villages/../../etc"):
        answer = c.get(path)
        assert answer.status_code == 404, path
        assert "页面不存在" in answer.text
    if other_report:
        assert c.get(f"/reports/{other_report}").status_code == 404
        page = c.get("/reports")
        answer = c.post(f"/reports/{other_report}/followup", data={"note": "越权", "csrf_token": csrf(page.text)})
        assert answer.status_code == 404
    # the township's own overview rows are its villages only
    overview = c.get("/").text
    assert f"{TOWN_A}201" in overview and TOWN_B not in overview


def test_viewer_never_receives_a_name_or_id_number(county):  # noqa: F811
    with county.db.sessions() as s:
        people = [n for n, in s.execute(select(Child.name))] + [n for n, in s.execute(select(Child.id_number))]
        people += [n for n, in s.execute(select(Guardian.name)) if n]
    c = login(county.url, "view")
    seen = []
    for path in ("/", f"/?unit={TOWN_A}", f"/?unit={TOWN_B}", f"/?unit={TOWN_A}201", "/exports"):
        answer = c.get(path)
        assert answer.status_code == 200, path
        seen.append(answer.text)
    for kind in ("visits", "colours", "screening"):
        answer = c.get(f"/exports/{kind}.xlsx")
        assert answer.status_code == 200
        with zipfile.ZipFile(io.BytesIO(answer.content)) as z:
            seen.append("".join(z.read(n).decode() for n in z.namelist()))
    for path in ("/reports", "/villages", f"/villages/{TOWN_A}201", "/exports/roster.xlsx", "/exports/unpaid.xlsx",
                 "/exports/reports.xlsx", f"/children/{_ids(county.db, TOWN_A)[0]}"):
        assert c.get(path).status_code == 404, path
    text = "\n".join(seen)
    leaked = [p for p in people if len(p) >= 2 and p in text]
    assert not leaked, leaked[:5]
    assert not re.search(r"\d{17}[\dX]", text)
    assert "/children/" not in text and "/villages/" not in text


def test_report_actions_need_csrf_and_a_note(county):  # noqa: F811
    _, report = _ids(county.db, TOWN_A)
    c = login(county.url, "admin")
    with county.db.sessions() as s:
        before = s.scalar(select(func.count()).select_from(CountyReportAction))
    page = c.get(f"/reports/{report}")
    assert page.status_code == 200
    assert c.post(f"/reports/{report}/followup", data={"note": "没有令牌"}).status_code in (400, 403)
    answer = c.post(f"/reports/{report}/followup", data={"note": "  ", "csrf_token": csrf(page.text)})
    assert answer.status_code == 400 and "请填写处置情况" in answer.text
    answer = c.post(f"/reports/{report}/assign", data={"assignee": "", "csrf_token": csrf(page.text)})
    assert answer.status_code == 400 and "请填写负责人" in answer.text
    with county.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CountyReportAction)) == before


def test_child_views_and_exports_are_audited(county):  # noqa: F811
    child, _ = _ids(county.db, TOWN_A)
    c = login(county.url, "admin")
    assert c.get(f"/children/{child}").status_code == 200
    assert c.get(f"/exports/unpaid.xlsx?unit={TOWN_A}").status_code == 200
    rows, _ = audit.search(county.db, user="admin")
    actions = {(r.action, r.target) for r in rows}
    assert ("child_view", f"儿童档案 {child}") in actions
    assert any(a == "export" and t == f"应保未保名单 {TOWN_A}" for a, t in actions)
