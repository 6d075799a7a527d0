"""Excel exports of the county console (a small streaming writer, `xlsx.py`, for speed): 儿童花名册, 月度走访统计,
四色分布, 排查进度, 应保未保名单, 强制报告登记. Each workbook has a 汇总 (summary) sheet and one
sheet per village, Chinese headers and a frozen header row. Text that starts with = + - @ is
written as text, never as a formula. The statistics (走访, 四色, 排查) name no child; the lists
do, and the pages offer them only to roles that may see people."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import String, case, cast, distinct, func, or_, select
from sqlalchemy.orm import Session

from app.data.models import Child, ChildCategory, Guardian
from app.data.models.visits import ScreeningRecord, ScreeningRound, Visit
from app.domain import schedule, vocab
from app.domain.child_rules import age
from app.server.console import reports as inbox
from app.server.console.children import group_order
from app.server.console import units
from app.server.console.overview import COLOURS, ROUND_OPEN
from app.server.console.unpaid import unpaid
from app.server.console.xlsx import Sheet, Workbook



@dataclass(frozen=True)
class Export:
    key: str
    title: str
    people: bool  # names children: not for a viewer
    description: str


EXPORTS = {e.key: e for e in (
    Export("roster", "儿童花名册", True, "在册儿童名单：身份证号、类别、风险等级、走访、监护人，每村一页。"),
    Export("visits", "月度走访统计", False, "所选月份各村、各村民小组的走访人数、次数和完成率（一月一访）。"),
    Export("colours", "四色分布", False, "各村、各村民小组红、黄、蓝、绿和未评估儿童人数。"),
    Export("screening", "排查进度", False, "各村当前排查轮次（一年两排）已排查、未排查人数。"),
    Export("unpaid", "应保未保名单", True, "看起来符合条件但没有相应保障待遇的儿童及原因。"),
    Export("reports", "强制报告登记", True, "强制报告登记簿：情形、紧急程度、向公安报告、县级签收和处置。"),
)}


class Book:
    """An export workbook: sheets with a frozen header row (see `app.server.console.xlsx`)."""

    def __init__(self):
        self.wb = Workbook()

    def sheet(self, title: str, headers: list[str], widths: list[int] | None = None) -> Sheet:
        return self.wb.add_sheet(title, headers, widths)

    @staticmethod
    def row(ws: Sheet, values: list) -> None:
        ws.append(values)

    def bytes(self) -> bytes:
        return self.wb.close()


def _villages(s: Session, prefix: str) -> tuple[list[str], dict[str, str]]:
    known = units.names(s, prefix)
    codes = {c for c in known if len(c) == 12 and c.startswith(prefix)}
    codes |= set(s.scalars(select(Child.village_code).where(Child.deleted.is_(False),
                                                            Child.village_code.startswith(prefix)).distinct()))
    return sorted(codes), known


def _vtitle(known: dict, code: str) -> str:
    name = units.name_of(known, code)
    return name if name != code else code


def _active(prefix: str):
    return (Child.deleted.is_(False), Child.status == vocab.STATUS_ACTIVE, Child.village_code.startswith(prefix))


def _rate(done: int, total: int) -> str:
    return f"{done * 100 / total:.1f}%" if total else "—"


# -- 儿童花名册 ---------------------------------------------------------------------------
ROSTER_HEADERS = ["序号", "姓名", "性别", "身份证号", "出生日期", "年龄", "村民小组", "现住址", "儿童类别", "风险等级",
                  "上次走访", "下次走访", "监护人", "监护人电话", "就读学校", "联系电话"]
ROSTER_WIDTHS = [6, 10, 5, 21, 12, 5, 9, 22, 24, 8, 12, 12, 10, 14, 18, 14]


def _day(text) -> dt.date | None:
    """A date read as ISO text (`_iso`): parsed in C, far faster than the driver's date type."""
    return dt.date.fromisoformat(text[:10]) if text else None


def _iso(column):
    return cast(column, String)


def roster(s: Session, prefix: str, today: dt.date, **_) -> bytes:
    villages, known = _villages(s, prefix)
    conn = s.connection()  # plain rows: 30,000 children without the ORM's per-row work
    cats: dict[str, list[str]] = {}
    for cid, cat in conn.execute(select(ChildCategory.child_id, ChildCategory.category).join(
            Child, Child.id == ChildCategory.child_id).where(
            *_active(prefix), ChildCategory.deleted.is_(False),
            or_(ChildCategory.ended.is_(None), ChildCategory.ended > today)).order_by(ChildCategory.since)).all():
        cats.setdefault(cid, []).append(cat)
    guardians: dict[str, tuple[str, str]] = {}
    for cid, rel, name, phone in conn.execute(select(Guardian.child_id, Guardian.relation, Guardian.name, Guardian.phone)
                                              .join(Child, Child.id == Guardian.child_id).where(
            *_active(prefix), Guardian.deleted.is_(False), Guardian.is_guardian.is_(True))).all():
        if cid not in guardians:
            guardians[cid] = (f"{name}（{rel}）" if name else rel, phone)
    by_village: dict[str, list] = {}
    for row in conn.execute(select(Child.id, Child.village_code, Child.name, Child.sex, Child.id_number,
                                   _iso(Child.birth_date), Child.group_name, Child.address, Child.colour,
                                   _iso(Child.last_visit_date), _iso(Child.next_visit_due), Child.school, Child.phone)
                            .where(*_active(prefix))
                            .order_by(Child.village_code, group_order(), Child.group_name, Child.pinyin_key, Child.name)).all():
        by_village.setdefault(row[1], []).append(row)
    book = Book()
    summary = book.sheet("汇总", ["乡镇（街道）", "村（社区）", "区划代码", "在册儿童"], [16, 16, 16, 10])
    for v in villages:
        book.row(summary, [units.name_of(known, v[:9]), _vtitle(known, v), v, len(by_village.get(v, []))])
    book.row(summary, ["合计", "", "", sum(len(x) for x in by_village.values())])
    no_guardian = ("", "")
    for v in villages:
        ws = book.sheet(_vtitle(known, v), ROSTER_HEADERS, ROSTER_WIDTHS)
        for i, r in enumerate(by_village.get(v, []), 1):
            g = guardians.get(r[0], no_guardian)
            birth = _day(r[5])
            ws.append([i, r[2], r[3], r[4], birth, age(birth, today) if birth else None, r[6], r[7],
                       "、".join(cats.get(r[0], ())), r[8] or "未评估", _day(r[9]), _day(r[10]), g[0], g[1], r[11], r[12]])
    return book.bytes()


# -- 月度走访统计 --------------------------------------------------------------------------
VISIT_HEADERS = ["在册儿童", "本月已走访人数", "完成率", "走访次数", "入户", "电话", "学校", "其他", "走访逾期（截至今日）"]


def month_of(text: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The month `YYYY-MM` asked for (this month when empty or malformed)."""
    try:
        first = dt.date.fromisoformat(f"{text}-01") if text else today.replace(day=1)
    except ValueError:
        first = today.replace(day=1)
    return schedule.month_bounds(first)


def _visit_numbers(s: Session, prefix: str, first: dt.date, last: dt.date, today: dt.date, by_group: bool) -> dict:
    keys = [Child.village_code] + ([Child.group_name] if by_group else [])
    out: dict[tuple, list[int]] = {}
    q = select(*keys, func.count(), func.sum(case((Child.next_visit_due < today, 1), else_=0))).where(
        *_active(prefix)).group_by(*keys)
    for *key, total, late in s.execute(q):
        out[tuple(key)] = [total, 0, 0, 0, 0, 0, 0, int(late or 0)]
    kinds = ["入户", "电话", "学校"]
    vq = select(*keys, func.count(distinct(Visit.child_id)), func.count(),
                *[func.sum(case((Visit.kind == k, 1), else_=0)) for k in kinds]).join(
        Child, Child.id == Visit.child_id).where(*_active(prefix), Visit.deleted.is_(False), Visit.amends_id.is_(None),
                                                Visit.visit_date >= first, Visit.visit_date <= last).group_by(*keys)
    for *key, children, visits, home, phone, school in s.execute(vq):
        slot = out.setdefault(tuple(key), [0] * 8)
        other = visits - int(home or 0) - int(phone or 0) - int(school or 0)
        slot[1:7] = [children, visits, int(home or 0), int(phone or 0), int(school or 0), other]
    return out


def _visit_line(n: list[int]) -> list:
    return [n[0], n[1], _rate(n[1], n[0]), n[2], n[3], n[4], n[5], n[6], n[7]]


def visits(s: Session, prefix: str, today: dt.date, month: str | None = None, **_) -> bytes:
    first, last = month_of(month, today)
    villages, known = _villages(s, prefix)
    per_village = _visit_numbers(s, prefix, first, last, today, False)
    per_group = _visit_numbers(s, prefix, first, last, today, True)
    book = Book()
    label = f"{first:%Y年%m月}"
    summary = book.sheet("汇总", ["乡镇（街道）", "村（社区）", "区划代码", "月份"] + VISIT_HEADERS)
    total = [0] * 8
    for v in villages:
        n = per_village.get((v,), [0] * 8)
        total = [a + b for a, b in zip(total, n, strict=True)]
        book.row(summary, [units.name_of(known, v[:9]), _vtitle(known, v), v, label] + _visit_line(n))
    book.row(summary, ["合计", "", "", label] + _visit_line(total))
    for v in villages:
        ws = book.sheet(_vtitle(known, v), ["村民小组"] + VISIT_HEADERS)
        for (code, group), n in sorted(per_group.items()):
            if code == v:
                book.row(ws, [group or "（未填小组）"] + _visit_line(n))
    return book.bytes()


# -- 四色分布 ---------------------------------------------------------------------------------
COLOUR_HEADERS = ["在册儿童", "红", "黄", "蓝", "绿", "未评估"]


def _colour_numbers(s: Session, prefix: str, by_group: bool) -> dict:
    keys = [Child.village_code] + ([Child.group_name] if by_group else [])
    out: dict[tuple, dict[str, int]] = {}
    for *key, colour, count in s.execute(select(*keys, Child.colour, func.count()).where(*_active(prefix))
                                         .group_by(*keys, Child.colour)):
        slot = out.setdefault(tuple(key), {})
        c = colour if colour in COLOURS else ""
        slot[c] = slot.get(c, 0) + count
    return out


def _colour_line(n: dict[str, int]) -> list:
    return [sum(n.values())] + [n.get(c, 0) for c in COLOURS]


def colours(s: Session, prefix: str, today: dt.date, **_) -> bytes:
    villages, known = _villages(s, prefix)
    per_village = _colour_numbers(s, prefix, False)
    per_group = _colour_numbers(s, prefix, True)
    book = Book()
    summary = book.sheet("汇总", ["乡镇（街道）", "村（社区）", "区划代码"] + COLOUR_HEADERS)
    total: dict[str, int] = {}
    for v in villages:
        n = per_village.get((v,), {})
        for c, k in n.items():
            total[c] = total.get(c, 0) + k
        book.row(summary, [units.name_of(known, v[:9]), _vtitle(known, v), v] + _colour_line(n))
    book.row(summary, ["合计", "", ""] + _colour_line(total))
    for v in villages:
        ws = book.sheet(_vtitle(known, v), ["村民小组"] + COLOUR_HEADERS)
        for (code, group), n in sorted(per_group.items()):
            if code == v:
                book.row(ws, [group or "（未填小组）"] + _colour_line(n))
    return book.bytes()


# -- 排查进度 ---------------------------------------------------------------------------------
def _screen_numbers(s: Session, prefix: str, by_group: bool) -> dict:
    keys = [Child.village_code] + ([Child.group_name] if by_group else [])
    open_rounds = select(ScreeningRound.id).where(ScreeningRound.deleted.is_(False), ScreeningRound.status == ROUND_OPEN,
                                                  ScreeningRound.village_code.startswith(prefix))
    screened = select(ScreeningRecord.child_id).where(ScreeningRecord.round_id.in_(open_rounds),
                                                      ScreeningRecord.deleted.is_(False),
                                                      ScreeningRecord.screened_on.is_not(None))
    out: dict[tuple, list[int]] = {}
    for *key, total, done in s.execute(select(*keys, func.count(), func.sum(case((Child.id.in_(screened), 1), else_=0)))
                                       .where(*_active(prefix)).group_by(*keys)):
        out[tuple(key)] = [total, int(done or 0)]
    return out


def screening(s: Session, prefix: str, today: dt.date, **_) -> bytes:
    villages, known = _villages(s, prefix)
    rounds: dict[str, tuple] = {}
    for v, name, start, end in s.execute(select(ScreeningRound.village_code, ScreeningRound.name,
                                                ScreeningRound.window_start, ScreeningRound.window_end).where(
            ScreeningRound.deleted.is_(False), ScreeningRound.status == ROUND_OPEN,
            ScreeningRound.village_code.startswith(prefix)).order_by(ScreeningRound.window_start)):
        rounds[v] = (name, f"{start} 至 {end}")
    per_village = _screen_numbers(s, prefix, False)
    per_group = _screen_numbers(s, prefix, True)
    book = Book()
    heads = ["在册儿童", "已排查", "未排查", "进度"]
    summary = book.sheet("汇总", ["乡镇（街道）", "村（社区）", "区划代码", "排查轮次", "时间"] + heads,
                         [16, 16, 16, 20, 26, 10, 10, 10, 10])
    t_total = t_done = 0
    for v in villages:
        total, done = per_village.get((v,), [0, 0])
        name, window = rounds.get(v, ("（没有进行中的排查）", ""))
        if v not in rounds:
            done = 0
        t_total, t_done = t_total + total, t_done + done
        book.row(summary, [units.name_of(known, v[:9]), _vtitle(known, v), v, name, window,
                           total, done, total - done, _rate(done, total)])
    book.row(summary, ["合计", "", "", "", "", t_total, t_done, t_total - t_done, _rate(t_done, t_total)])
    for v in villages:
        ws = book.sheet(_vtitle(known, v), ["村民小组"] + heads)
        for (code, group), (total, done) in sorted(per_group.items()):
            if code == v:
                done = done if v in rounds else 0
                book.row(ws, [group or "（未填小组）", total, done, total - done, _rate(done, total)])
    return book.bytes()


# -- 应保未保名单 ------------------------------------------------------------------------------
def unpaid_list(s: Session, prefix: str, today: dt.date, **_) -> bytes:
    villages, known = _villages(s, prefix)
    lines = unpaid(s, prefix, today)
    book = Book()
    summary = book.sheet("汇总", ["乡镇（街道）", "村（社区）", "区划代码", "应保未保人数"], [16, 16, 16, 14])
    for v in villages:
        book.row(summary, [units.name_of(known, v[:9]), _vtitle(known, v), v,
                           sum(1 for u in lines if u.village_code == v)])
    book.row(summary, ["合计", "", "", len(lines)])
    for v in villages:
        ws = book.sheet(_vtitle(known, v), ["序号", "姓名", "身份证号", "出生日期", "村民小组", "应享未享待遇", "原因"],
                        [6, 10, 21, 12, 9, 26, 48])
        for i, u in enumerate((u for u in lines if u.village_code == v), 1):
            book.row(ws, [i, u.name, u.id_number, u.birth_date, u.group_name, "、".join(u.kinds) or "—", u.reason])
    return book.bytes()


# -- 强制报告登记 ------------------------------------------------------------------------------
REPORT_HEADERS = ["序号", "登记时间", "发现时间", "儿童姓名", "情形", "紧急程度", "发现地点", "发现人", "发现的情况",
                  "向公安报告", "状态", "县级签收", "负责人", "县级处置记录"]
REPORT_WIDTHS = [6, 17, 17, 10, 14, 8, 14, 10, 40, 17, 16, 22, 12, 48]


def report_register(s: Session, prefix: str, today: dt.date, **_) -> bytes:
    villages, known = _villages(s, prefix)
    items = sorted(inbox.inbox(s, prefix, status="all", limit=10**9), key=lambda r: r.recorded_at)
    book = Book()
    summary = book.sheet("汇总", ["乡镇（街道）", "村（社区）", "区划代码", "报告总数", "未结", "超时未向公安报告"],
                         [16, 16, 16, 10, 10, 18])
    for v in villages:
        mine = [r for r in items if r.village_code == v]
        book.row(summary, [units.name_of(known, v[:9]), _vtitle(known, v), v, len(mine),
                           sum(not r.closed for r in mine), sum(r.police_overdue for r in mine)])
    book.row(summary, ["合计", "", "", len(items), sum(not r.closed for r in items), sum(r.police_overdue for r in items)])
    for v in villages:
        ws = book.sheet(_vtitle(known, v), REPORT_HEADERS, REPORT_WIDTHS)
        for i, r in enumerate((r for r in items if r.village_code == v), 1):
            police = next((at for body, at, _ in r.notifications if body == "公安"), None)
            ack = r.acknowledged
            book.row(ws, [i, r.recorded_at, r.found_at, r.child_name, r.situation, r.urgency, r.place, r.found_by,
                          r.description, police if police else "未报告", r.state,
                          f"{ack.officer} {ack.acted_at:%Y-%m-%d %H:%M}" if ack else "未签收", r.assignee,
                          "；".join(f"{a.acted_at:%m-%d} {a.note}" for a in r.county_follow_ups)])
    return book.bytes()


BUILDERS: dict[str, Callable[..., bytes]] = {
    "roster": roster, "visits": visits, "colours": colours, "screening": screening, "unpaid": unpaid_list,
    "reports": report_register,
}


def build(kind: str, s: Session, prefix: str, today: dt.date, month: str | None = None) -> bytes:
    return BUILDERS[kind](s, prefix, today, month=month)


def filename(kind: str, unit_name: str, today: dt.date, month: str | None = None) -> str:
    when = month_of(month, today)[0].strftime("%Y-%m") if kind == "visits" else today.isoformat()
    return f"{EXPORTS[kind].title}-{unit_name}-{when}.xlsx"
