"""Demo data of the protection feature (synthetic): mandatory reports (one overdue for 公安),
benefits with payments and insurance (some eligible children left unpaid, one entitlement about
to end at 18), a school-roll comparison (two children off the roll → 劝返复学), disability
referrals, and open cases. Registered in app/data/demo.py's DEMO_EXTENSIONS."""

from __future__ import annotations

import csv
import datetime as dt
import io

from sqlalchemy import select

from app.data import benefits, capture, cases, protection, schoolroll_import
from app.data.ids import new_id
from app.data.models import Child, ChildCategory
from app.data.models.protection import BenefitEntitlement, BenefitPayment, Insurance
from app.domain import benefits as rules
from app.domain import idnumber
from app.domain import schoolroll as roll_rules
from app.domain.vocab import STATUS_ACTIVE


def add_demo_protection(store, rng, today: dt.date) -> None:
    with store.read_session() as s:
        children = list(s.scalars(select(Child).where(Child.deleted.is_(False), Child.status == STATUS_ACTIVE)
                                  .order_by(Child.id_number)))
        cats: dict[str, list] = {}
        for c in s.scalars(select(ChildCategory).where(ChildCategory.deleted.is_(False), ChildCategory.ended.is_(None))):
            cats.setdefault(c.child_id, []).append(c.category)
    if not children:
        return
    now = dt.datetime.combine(today, dt.time(9, 0))
    _reports(store, rng, children, now)
    _benefits(store, rng, children, cats, today)
    _school_roll(store, rng, children, today)
    _cases_and_services(store, rng, children, today)


def _reports(store, rng, children, now) -> None:
    older = [c for c in children if c.birth_date and idnumber.age_on(c.birth_date, now.date()) >= 6] or children
    picks = rng.sample(older, min(2, len(older)))
    with store.session() as s:
        r = protection.add_report(
            s, picks[0].id, found_at=now - dt.timedelta(hours=6), situation="疑似受到侵害", urgency="紧急",
            description="走访时发现孩子背部有多处淤伤，孩子称被同住亲属打伤", place="孩子家中", found_by="儿童主任",
            notifications=[dict(body="民政", notified_at=now - dt.timedelta(hours=5, minutes=40), method="电话",
                                receiver="区民政局未保科")],
            now=now - dt.timedelta(hours=5, minutes=30))
        if len(picks) > 1:
            r2 = protection.add_report(
                s, picks[1].id, found_at=now - dt.timedelta(days=20), situation="面临其他危险", urgency="较急",
                description="孩子多次独自到水塘边玩耍，照护人年迈无力看护", place="村东水塘", found_by="村民",
                notifications=[dict(body="公安", notified_at=now - dt.timedelta(days=20), method="当面",
                                    receiver="派出所值班民警", reference_no="JN-2026-0317")],
                now=now - dt.timedelta(days=20))
            protection.add_follow_up(s, r2.id, on_date=(now - dt.timedelta(days=18)).date(), actor="派出所",
                                     action="民警上门核实，对照护人进行安全教育")
        del r


def _benefits(store, rng, children, cats, today) -> None:  # noqa: C901 - baseline (issue 14), split when next changed
    kinds_by_child = {}
    for c in children:
        kinds = rules.eligible_kinds([rules.CategoryFacts(k) for k in cats.get(c.id, [])], c.birth_date, today)
        kinds = [k for k in kinds if k != rules.LOW_INCOME]
        if kinds:
            kinds_by_child[c.id] = kinds
    paid = []
    village = store.village_code
    policy = rules.default_policy()
    ents, payments, insurance = [], [], []
    for i, (child_id, kinds) in enumerate(sorted(kinds_by_child.items())):
        if i % 3 == 2:
            continue  # left unpaid: shows in 应保未保
        kind = kinds[-1] if rules.ILL_DISABLED in kinds and len(kinds) > 1 else kinds[0]
        start = dt.date(today.year - 1, rng.randrange(1, 13), 1)
        ent = dict(id=new_id(), child_id=child_id, kind=kind, start_date=start,
                   monthly_amount=int(policy.monthly(kind, start, village) or 0),
                   approval_no=f"宁民儿〔{start.year}〕{rng.randrange(10, 99)}号")
        ents.append(ent)
        paid.append((child_id, kind))
        for back in range(3):
            month = rules.month_key(dt.date(today.year, today.month, 1) - dt.timedelta(days=28 * back + 1))
            if month >= rules.month_key(start):
                amount = policy.monthly(kind, dt.date.fromisoformat(month + "-01"), village) or ent["monthly_amount"]
                payments.append(dict(entitlement_id=ent["id"], child_id=child_id, month=month, amount=int(amount),
                                     paid_on=dt.date.fromisoformat(month + "-25")))
        if kind in rules.BASIC_LIVING:
            insurance.append(dict(child_id=child_id, kind="意外伤害", start_date=dt.date(today.year, 1, 1),
                                  end_date=dt.date(today.year, 12, 31), insurer="中国人寿", paid_by="区民政局"))
    with store.session() as s:  # in bulk (a county of 100,000 children builds in minutes, issue 17)
        capture.bulk_create(s, BenefitEntitlement, ents)
        capture.bulk_create(s, BenefitPayment, payments)
        capture.bulk_create(s, Insurance, insurance)
        # one child whose category ended mid-month last month (e.g. a parent released from prison)
        ended = next(((cid, k) for cid, k in paid if k == rules.UNSUPPORTED), paid[0] if paid else None)
        if ended is not None:
            first = today.replace(day=1)
            mid_last_month = (first - dt.timedelta(days=1)).replace(day=15)
            for row in s.scalars(select(ChildCategory).where(ChildCategory.child_id == ended[0], ChildCategory.ended.is_(None))):
                if rules.CATEGORY_TO_KIND.get(row.category) and rules.covers(rules.CATEGORY_TO_KIND[row.category], ended[1]):
                    row.ended = mid_last_month
        # one 17-year-old about to turn 18 with an orphan allowance
        older = sorted((c for c in children if c.birth_date and idnumber.age_on(c.birth_date, today) == 17),
                       key=lambda c: rules.adult_on(c.birth_date))
        if older:
            c = older[0]
            if not any(k in (rules.SCATTERED_ORPHAN, rules.UNSUPPORTED) for k in kinds_by_child.get(c.id, [])):
                s.add(ChildCategory(child_id=c.id, category="散居孤儿", since=dt.date(today.year - 3, 5, 1),
                                    evidence="父母死亡证明（演示）"))
                benefits.add_entitlement(s, c.id, kind=rules.SCATTERED_ORPHAN, start_date=dt.date(today.year - 3, 6, 1))


def _school_roll(store, rng, children, today) -> None:
    """A small roll built in memory (no temp file): every school-age child but two, plus two pupils
    unknown to the village, one at another school."""
    school_age = [c for c in children if roll_rules.is_school_age(c.birth_date, today)]
    if len(school_age) < 4 or len(school_age) + 2 > schoolroll_import.MAX_ROWS:
        return  # a county-sized demo: one roll file cannot hold it (a county imports by township)
    missing = set(c.id for c in rng.sample(school_age, 2))
    moved = next(c for c in school_age if c.id not in missing)
    village = store.place_name(store.village_code)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["学生姓名", "身份证件号", "出生日期", "学校名称", "年级", "家庭住址"])
    for c in school_age:
        if c.id in missing:
            continue
        school = "县实验学校" if c is moved else (c.school or "中心小学")
        w.writerow([c.name, c.id_number, c.birth_date.isoformat(), school, c.grade, village])
    w.writerow(["沈一鸣", "", "2016-05-06", "中心小学", "四年级", f"{village}三组"])
    w.writerow(["韩若兰", "", "2015-09-12", "中心小学", "五年级", f"{village}五组"])
    data = buf.getvalue().encode("utf-8-sig")
    prepared = schoolroll_import.preview("演示学籍名册.csv", today=today, data=data)
    with store.session() as s:
        schoolroll_import.import_roll(s, "演示学籍名册.csv", today=today, prepared=prepared, skip_bad=True)


def _cases_and_services(store, rng, children, today) -> None:
    older = [c for c in children if c.birth_date and idnumber.age_on(c.birth_date, today) >= 7] or children
    picks = rng.sample(older, min(2, len(older)))
    with store.session() as s:
        case = cases.open_case(s, picks[0].id, title="监护缺失儿童临时照护安排", problem="祖母住院，孩子无人照料",
                               opened_on=today - dt.timedelta(days=21))
        cases.add_step(s, case.id, title="联系姑姑商议临时照护", due_date=today - dt.timedelta(days=14), responsible="村(居)委会")
        cases.add_step(s, case.id, title="社工入户评估", due_date=today - dt.timedelta(days=3), responsible="社工")
        cases.add_step(s, case.id, title="签订委托照护协议", due_date=today + dt.timedelta(days=7), responsible="村(居)委会")
        cases.add_party(s, case.id, role="社工", name="刘社工（区未保站）")
        cases.add_note(s, case.id, "已电话联系孩子父亲，同意由姑姑临时照护")
        if len(picks) > 1:
            c2 = cases.open_case(s, picks[1].id, title="学习困难与厌学干预", problem="连续缺课，成绩下降",
                                 opened_on=today - dt.timedelta(days=10))
            cases.add_step(s, c2.id, title="与班主任沟通", due_date=today + dt.timedelta(days=3), responsible="学校")
            cases.add_party(s, c2.id, role="学校", name="中心小学 王老师")
        disabled = [c for c in children if c.disability_type not in ("", "无")][:2]
        for c in disabled:
            svc = protection.add_disability_service(s, c.id, kind=rng.choice(protection.DISABILITY_SERVICE_KINDS),
                                                    referred_on=today - dt.timedelta(days=40), provider="区残联康复中心")
            protection.set_disability_service_state(s, svc.id, "服务中", today - dt.timedelta(days=20))
