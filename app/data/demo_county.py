"""A synthetic county on the county server: townships, villages, children with categories,
parents, entitlements, assessments, visits, screening rounds, mandatory reports and laptops —
written straight into the server's tables with bulk inserts (no sync), for the console's tests,
benchmark and screenshots. Every name and ID number is made up (demo.py's name parts).

The children's derived schedule columns are computed here with the domain rules, as a server
catch-up would. `generate(engine, ...)` returns counts of what it wrote.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert

from app.core import hlc
from app.data.demo import BOY_CHARS, GIRL_CHARS, GROUPS, SURNAMES, ADULT_FEMALE_CHARS, ADULT_MALE_CHARS
from app.data.ids import new_id
from app.data.models import Child, ChildCategory, Guardian, Need, Place
from app.data.models.protection import (BenefitEntitlement, MandatoryReport, ReportFollowUp, ReportNotification)
from app.data.models.visits import Assessment, ScreeningRecord, ScreeningRound, Visit
from app.domain import idnumber, schedule, vocab
from app.domain.policy import default_policy

COUNTY = "320115"
COUNTY_NAME = "示范县"
TOWN_WORDS = "东山 西岭 南湖 北河 青龙 白马 金桥 银杏 桃源 柳溪 松林 梅园 竹岗 兰亭 石门 清水 红星 长乐 永安 太平 " \
             "新河 古城 上塘 下庄 双桥 三元 四方 五里 六合 七星".split()
VILLAGE_WORDS = "前进 联合 光明 和平 民主 友谊 胜利 团结 幸福 丰收 星火 红旗 新华 建设 向阳 朝阳 东风 跃进 长青 " \
                "永红 花园 杨庄 李家 王桥 张湾 刘营 陈圩 赵集 孙庄 周塘".split()
CATEGORY_WEIGHTS = [(vocab.CATEGORY_LEFT_BEHIND, 60), (vocab.CATEGORY_HARDSHIP_POVERTY, 12),
                    (vocab.CATEGORY_LOW_INCOME, 8), (vocab.CATEGORY_SCATTERED_ORPHAN, 3),
                    (vocab.CATEGORY_UNSUPPORTED, 5), (vocab.CATEGORY_SERIOUS_ILLNESS, 4),
                    (vocab.CATEGORY_SEVERE_DISABILITY, 4), (vocab.CATEGORY_HARDSHIP_GUARDIANSHIP, 4)]
COLOUR_WEIGHTS = [("红", 4), ("黄", 12), ("蓝", 30), ("绿", 44), ("", 10)]
BATCH = 5000


def _stamp(day: dt.date) -> str:
    return hlc.encode(int(dt.datetime.combine(day, dt.time(8)).replace(tzinfo=dt.timezone.utc).timestamp() * 1000), 0)


def _sync(origin: str, day: dt.date) -> dict:
    return {"id": new_id(), "hlc": _stamp(day), "origin": origin, "deleted": False, "versions": "{}"}


class _Writer:
    def __init__(self, conn):
        self.conn = conn
        self.rows: dict = {}
        self.counts: dict[str, int] = {}

    def add(self, model, row: dict) -> None:
        bucket = self.rows.setdefault(model, [])
        bucket.append(row)
        if len(bucket) >= BATCH:
            self.flush(model)

    def flush(self, model=None) -> None:
        for m in ([model] if model else list(self.rows)):
            rows = self.rows.get(m) or []
            if rows:
                self.conn.execute(insert(m.__table__), rows)
                self.counts[m.__tablename__] = self.counts.get(m.__tablename__, 0) + len(rows)
                self.rows[m] = []


def generate(engine, *, townships: int = 30, villages_per: int = 10, children_per: int = 100,
             visits: int = 500_000, seed: int = 1, today: dt.date = dt.date(2026, 11, 23),
             device_table=None, report_share: float = 0.003) -> dict[str, int]:
    """Write a county of `townships` × `villages_per` villages with `children_per` children each
    and about `visits` visits in all; a share `report_share` of the children has a mandatory report.
    `device_table` (the server's srv_device) gets one laptop per village when given."""
    rng = random.Random(seed)
    policy = default_policy()
    n_children = townships * villages_per * children_per
    per_child = visits / max(1, n_children)
    with engine.begin() as conn:
        w = _Writer(conn)
        w.add(Place, {**_sync("county", today), "code": COUNTY, "name": COUNTY_NAME, "level": "county"})
        villages = []
        for t in range(townships):
            tcode = f"{COUNTY}{101 + t:03d}"
            w.add(Place, {**_sync("county", today), "code": tcode, "name": TOWN_WORDS[t % len(TOWN_WORDS)] +
                          ("镇" if t % 4 else "街道") + (str(t // len(TOWN_WORDS) + 1) if t >= len(TOWN_WORDS) else ""),
                          "level": "township"})
            for v in range(villages_per):
                vcode = f"{tcode}{201 + v:03d}"
                vname = VILLAGE_WORDS[(t * 7 + v) % len(VILLAGE_WORDS)] + ("村" if v % 5 else "社区")
                w.add(Place, {**_sync("county", today), "code": vcode, "name": vname, "level": "village"})
                villages.append(vcode)
        for vcode in villages:
            _village(w, rng, policy, vcode, children_per, per_child, today, report_share)
            if device_table is not None:
                synced = None if rng.random() < 0.04 else dt.datetime.combine(
                    today - dt.timedelta(days=rng.choice([0, 0, 1, 2, 3, 5, 8, 20])), dt.time(9, rng.randrange(60)))
                conn.execute(insert(device_table), [{
                    "id": new_id(), "name": f"{vcode}-笔记本", "scope": vcode, "token_hash": new_id().replace("-", ""),
                    "revoked": False, "enrolled_at": dt.datetime(2026, 1, 5), "last_seen": synced, "last_sync": synced,
                    "client_version": "1.0", "protocol": 2, "cursor": 0, "state": "", "echo_pending": False,
                    "restores": 0}])
        w.flush()
    return w.counts


def _pick(rng, weighted):
    return rng.choices([k for k, _ in weighted], weights=[w for _, w in weighted])[0]


def _village(w: _Writer, rng, policy, vcode: str, children: int, per_child: float, today: dt.date,  # noqa: C901
             report_share: float) -> None:
    origin = f"dev-{vcode}"
    round_id = new_id()
    half, start, end = schedule.screening_round(today)
    w.add(ScreeningRound, {**_sync(origin, start), "id": round_id, "village_code": vcode, "name": half,
                           "window_start": start, "window_end": end, "status": "进行中", "opened_by": "儿童主任"})
    screen_share = rng.uniform(0.3, 0.95)
    for _ in range(children):
        sex = rng.choice(["男", "女"])
        age_days = rng.randrange(365, 17 * 365)
        birth = today - dt.timedelta(days=age_days)
        body = f"{vcode[:6]}{birth:%Y%m%d}{rng.randrange(1000):03d}"
        surname = rng.choice(SURNAMES)
        chars = BOY_CHARS if sex == "男" else GIRL_CHARS
        name = surname + "".join(rng.choice(chars) for _ in range(rng.choice([1, 2, 2])))
        cid = new_id()
        category = _pick(rng, CATEGORY_WEIGHTS)
        colour = _pick(rng, COLOUR_WEIGHTS)
        history = []
        if colour:
            first = today - dt.timedelta(days=rng.randrange(60, 700))
            n_ass = rng.choice([1, 1, 2, 3])
            days = sorted(first + dt.timedelta(days=rng.randrange(0, (today - first).days + 1)) for _ in range(n_ass))
            colours = [_pick(rng, COLOUR_WEIGHTS[:4]) for _ in range(n_ass - 1)] + [colour]
            history = list(zip(days, colours, strict=True))
            for day, c in history:
                w.add(Assessment, {**_sync(origin, day), "child_id": cid, "assessed_on": day, "assessor": "儿童主任",
                                   "colour": c, "suggested_colour": c})
        n_vis = int(per_child) + (1 if rng.random() < per_child - int(per_child) else 0)
        last = None
        if n_vis:
            interval = policy.interval(colour) if colour else 90
            day = today - dt.timedelta(days=rng.randrange(0, int(interval * 1.2) + 1))
            for _ in range(n_vis):
                w.add(Visit, {**_sync(origin, day), "child_id": cid, "visit_date": day, "visitor": "儿童主任",
                              "kind": rng.choice(["入户", "入户", "电话", "学校"])})
                last = day if last is None or day > last else last
                day = day - dt.timedelta(days=rng.randrange(15, 60))
        state = schedule.colour_state(history)
        due = schedule.next_due_for(policy, state, last)
        w.add(Child, {**_sync(origin, today), "id": cid, "village_code": vcode, "name": name,
                      "id_number": body + idnumber.check_digit(body), "sex": sex, "birth_date": birth,
                      "group_name": rng.choice(GROUPS), "address": f"{rng.choice(GROUPS)}{rng.randrange(1, 80)}号",
                      "status": vocab.STATUS_ACTIVE if rng.random() < 0.97 else vocab.STATUS_TRANSFERRED,
                      "colour": state.colour, "last_visit_date": last, "next_visit_due": due})
        w.add(ChildCategory, {**_sync(origin, today), "child_id": cid, "category": category,
                              "since": today - dt.timedelta(days=rng.randrange(30, 900))})
        away = category == vocab.CATEGORY_LEFT_BEHIND
        for relation, chars in (("父亲", ADULT_MALE_CHARS), ("母亲", ADULT_FEMALE_CHARS)):
            circ = "外出务工" if away and (relation == "父亲" or rng.random() < 0.5) else "无"
            if category == vocab.CATEGORY_UNSUPPORTED:
                circ = rng.choice(["服刑在押", "重残", "重病"])
            family = surname if relation == "父亲" else rng.choice(SURNAMES)
            w.add(Guardian, {**_sync(origin, today), "child_id": cid, "relation": relation,
                             "name": family + rng.choice(chars) + rng.choice(chars),
                             "circumstance": circ, "works_away": circ == "外出务工",
                             "circumstance_since": today - dt.timedelta(days=400) if circ != "无" else None})
        kind = {vocab.CATEGORY_SCATTERED_ORPHAN: "散居孤儿", vocab.CATEGORY_UNSUPPORTED: "事实无人抚养儿童",
                vocab.CATEGORY_SERIOUS_ILLNESS: "重病重残儿童", vocab.CATEGORY_SEVERE_DISABILITY: "重病重残儿童",
                vocab.CATEGORY_LOW_INCOME: "低保家庭儿童"}.get(category)
        if kind and rng.random() < 0.8:
            w.add(BenefitEntitlement, {**_sync(origin, today), "child_id": cid, "kind": kind, "monthly_amount": 1200,
                                       "start_date": today - dt.timedelta(days=rng.randrange(30, 700))})
        if rng.random() < 0.005:
            w.add(Need, {**_sync(origin, today), "child_id": cid, "description": "助学金", "coverage": "应保未保",
                         "noted_on": today - dt.timedelta(days=20)})
        if rng.random() < screen_share:
            w.add(ScreeningRecord, {**_sync(origin, today), "round_id": round_id, "child_id": cid,
                                    "screened_on": start + dt.timedelta(days=rng.randrange(0, (today - start).days + 1)),
                                    "screener": "儿童主任", "in_scope": True, "category_ok": True})
        if rng.random() < report_share:
            _report(w, rng, origin, cid, today)


def _report(w: _Writer, rng, origin: str, cid: str, today: dt.date) -> None:
    at = dt.datetime.combine(today, dt.time(10)) - dt.timedelta(hours=rng.randrange(1, 24 * 40))
    rid = new_id()
    w.add(MandatoryReport, {**_sync(origin, at.date()), "id": rid, "child_id": cid, "found_at": at, "recorded_at": at,
                            "place": "家中", "found_by": "儿童主任",
                            "situation": rng.choice(["受到侵害", "疑似受到侵害", "面临其他危险"]),
                            "urgency": rng.choice(["紧急", "较急", "一般"]),
                            "description": "入户走访时发现儿童身上有伤痕，照护人说法前后不一。",
                            "recorded_by": "儿童主任"})
    if rng.random() < 0.6:
        w.add(ReportNotification, {**_sync(origin, at.date()), "report_id": rid, "child_id": cid, "body": "公安",
                                   "notified_at": at + dt.timedelta(minutes=30), "method": "电话", "receiver": "派出所值班民警"})
    if rng.random() < 0.35:
        w.add(ReportFollowUp, {**_sync(origin, at.date()), "report_id": rid, "child_id": cid,
                               "on_date": at.date() + dt.timedelta(days=3), "actor": "派出所", "action": "民警上门核实",
                               "outcome": "已妥善安置", "closes": True})
