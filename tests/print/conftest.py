"""Fixtures of the printing tests: one demo village (built once per module) with assessments,
visits this month, a screening round, a mandatory report and a child with absurdly long fields,
all on one fixed day (the app's clock is frozen at PRINTED_AT for the module); and helpers that read
PDFs back with poppler's pdftotext / pdffonts / pdfinfo."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from stdnum.cn import ric

from app.core import clock
from app.data import visits as visits_data
from app.data.models import CareArrangement, Child, ChildCategory, Guardian
from app.data.store import Store
from app.domain.visit_checklist import CHECKLIST_KEYS
from tests.conftest import PASSWORD, VILLAGE

# The day the print tests run on (a Wednesday in mid-month): the forms are dated it, the ledger
# counts its month, overdue days are reckoned from it.
PRINTED_AT = dt.datetime(2026, 11, 18, 10, 0)

LONG_NAME = "欧阳" + "长名字测试" * 11            # 57 characters
LONG_ADDRESS = "江苏省南京市江宁区秣陵街道东山村" + "幸福路一百二十三号院内东侧第三排" * 60
LONG_NOTES = "".join(f"第{i}条备注：孩子近况良好，祖母身体尚可，需继续关注学习和心理状态。" for i in range(1, 120))
LONG_FINDINGS = "".join(f"发现{i}：屋顶漏雨，电线老化，需要尽快维修。" for i in range(1, 60))


SURNAMES = "王李张刘陈杨黄赵吴周徐孙"
GIVEN = ["小明", "欣怡", "浩宇", "梓涵", "子轩", "诗雨", "俊杰", "佳琪"]
CATEGORIES = ["农村留守儿童", "农村留守儿童", "事实无人抚养儿童", "困境儿童(家庭经济困难)"]


def id_number(birth: dt.date, n: int, male: bool) -> str:
    seq = f"{n % 100:02d}{(n * 2 + (1 if male else 0)) % 10}"
    first17 = f"320115{birth:%Y%m%d}{seq}"
    return first17 + ric.calc_check_digit(first17 + "0")


def add_children(store, count: int, today: dt.date) -> None:
    """Synthetic children (made here, not by the demo generator, so these tests stand alone)."""
    with store.session() as s:
        for i in range(count):
            male = i % 2 == 0
            birth = dt.date(today.year - 3 - i % 13, 1 + i % 12, 1 + i % 27)
            name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 5) % len(GIVEN)] + ("" if i < 12 else "二")
            group = f"{1 + i % 5}组"
            child = Child(village_code=VILLAGE, name=name, id_number=id_number(birth, i, male), sex="男" if male else "女",
                          birth_date=birth, address=f"东山村{group}{10 + i}号", group_name=group,
                          school="秣陵中心小学", school_stage="小学", grade=f"{1 + i % 6}年级",
                          hukou_place="江苏省南京市江宁区秣陵街道东山村", guardianship_state="隔代照料")
            s.add(child)
            s.flush()
            s.add_all([
                Guardian(child_id=child.id, relation="父亲", name=SURNAMES[i % 12] + "建国", phone="13800000000",
                         works_away=True, work_place="浙江杭州", away_since=dt.date(2020, 3, 1), contact_frequency="每周"),
                Guardian(child_id=child.id, relation="母亲", name="赵秀英", phone="13900000000", works_away=True,
                         work_place="浙江杭州", contact_frequency="每月"),
                CareArrangement(child_id=child.id, carer_name="钱桂兰", relation="祖母", carer_age=66,
                                phone="13700000000", ability="一般", since=dt.date(2020, 3, 1), agreement_signed=True,
                                agreement_date=dt.date(2020, 3, 1)),
                ChildCategory(child_id=child.id, category=CATEGORIES[i % 4], since=dt.date(2024, 1, 1),
                              evidence="村委会核实"),
            ])


@pytest.fixture(scope="module")
def printed_on():
    """Freeze the app's clock at PRINTED_AT for the whole module."""
    with clock.frozen(PRINTED_AT) as frozen:
        yield frozen


@pytest.fixture(scope="module")
def village(printed_on, tmp_path_factory):
    """(store, facts) — facts name the ids and counts the tests check against."""
    path = tmp_path_factory.mktemp("print") / "village.store"
    store = Store.create(path, user="lin", password=PASSWORD, village_code=VILLAGE, village_name="东山村",
                         township_name="秣陵街道", county_name="江宁区", display_name="林主任")
    today = clock.today()
    add_children(store, 24, today)
    facts: dict = {}
    with store.session() as s:
        ids = [c.id for c in s.query(Child).filter(Child.deleted.is_(False)).order_by(Child.name)]
        colours = ["红", "黄", "蓝", "绿"]
        for i, cid in enumerate(ids[:8]):
            visits_data.record_assessment(s, cid, {}, colour=colours[i % 4] if i % 4 else "红",
                                          override_reason="测试：人工评定", on=today - dt.timedelta(days=40))
        first = today.replace(day=1)
        v = visits_data.record_visit(
            s, ids[0], first, "入户", present="祖母、孩子", lives_where="家中", lives_with="祖母",
            checklist={k: {"answer": "正常"} for k in CHECKLIST_KEYS} | {"housing": {"answer": "有问题", "note": "屋顶漏雨"}},
            findings="屋顶漏雨，需要维修", needs="住房修缮", help_given="联系村委会安排维修",
            follow_ups=[{"action": "联系维修队", "due": (first + dt.timedelta(days=7)).isoformat(), "owner": "林主任"}],
        )
        facts["visit"] = v.id
        visits_data.record_visit(s, ids[1], first, "电话", findings="一切正常")
        long_child = Child(village_code=VILLAGE, name=LONG_NAME, id_number="320115201501010011", sex="男",
                           birth_date=dt.date(2015, 1, 1), address=LONG_ADDRESS, notes=LONG_NOTES, group_name="九组")
        s.add(long_child)
        s.flush()
        visits_data.record_visit(s, long_child.id, first, "入户", findings=LONG_FINDINGS, present="祖父" * 80)
        facts["long_child"] = long_child.id
        long_visit = visits_data.visit_history(s, long_child.id)[0].original.id
        facts["long_visit"] = long_visit
        rnd = visits_data.open_round(s, f"{today.year}年排查测试", first, first + dt.timedelta(days=60))
        for cid in ids[:5]:
            visits_data.screen_child(s, rnd.id, cid, on=first)
        visits_data.set_skip_reason(s, rnd.id, ids[5], "已随父母外出")
        facts["round"] = rnd.id
        facts["round_name"] = rnd.name
        from app.data import protection

        now = clock.local_now().replace(microsecond=0)
        report = protection.add_report(
            s, ids[2], found_at=now - dt.timedelta(hours=3), description="邻居反映孩子身上有多处淤青",
            situation="疑似受到侵害", urgency="紧急", place="孩子家中", found_by="林主任",
            notifications=[{"body": "公安", "notified_at": now - dt.timedelta(hours=2), "method": "电话",
                            "receiver": "张警官", "reference_no": "JJ2026-001"}], now=now)
        protection.add_follow_up(s, report.id, on_date=now.date(), action="派出所民警上门核实", actor="秣陵派出所")
        facts["report"] = report.id
        facts["report_child"] = ids[2]
        from app.data.models.protection import Case, CaseNote, CaseParty, CaseStep

        case = Case(child_id=ids[2], title="疑似受侵害跟进", problem="孩子身上有多处淤青，需核实并保护",
                    owner="林主任", opened_on=today, report_id=report.id)
        s.add(case)
        s.flush()
        s.add_all([
            CaseParty(case_id=case.id, child_id=ids[2], role="社工", name="周社工", phone="13600000000"),
            CaseParty(case_id=case.id, child_id=ids[2], role="派出所", name="张警官"),
            CaseStep(case_id=case.id, child_id=ids[2], seq=1, title="联系派出所上门核实", responsible="林主任",
                     due_date=today),
            CaseStep(case_id=case.id, child_id=ids[2], seq=2, title="安排心理疏导", responsible="周社工",
                     due_date=today + dt.timedelta(days=7)),
            CaseNote(case_id=case.id, child_id=ids[2], written_at=now, author="林主任", text="已与派出所联系"),
        ])
        facts["case"] = case.id
    facts["ids"] = ids
    yield store, facts
    store.close()


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def pdf_text(path, raw: bool = True) -> str:
    return run("pdftotext", *(["-raw"] if raw else []), str(path), "-")


def squash(text: str) -> str:
    """Text without any white space (lines wrapped anywhere compare equal)."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(path))).group(1))


def pdf_page_size(path) -> tuple[float, float]:
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", run("pdfinfo", str(path)))
    return float(m.group(1)), float(m.group(2))
