"""Demo data for the visits feature: assessments, a realistic visit history and a screening round.

Registered in `app.data.demo.DEMO_EXTENSIONS`; runs once the demo children exist. Most children
are 蓝 or 绿, some 黄, a few 红 (some raised from a milder colour, a few overridden with a
written reason); most are visited on schedule, some are overdue, some have never been visited,
a few visits carry an amendment. Rows go through `capture.bulk_create` (outbox and audit as a
real store), then each child's derived schedule columns are computed with the domain rules.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from sqlalchemy import select

from app.data import capture
from app.data.base import table_of
from app.data.models import Child
from app.data.models.visits import Assessment, ScreeningRecord, ScreeningRound, Visit
from app.domain import colour as colour_rule
from app.domain import schedule
from app.domain.policy import FACTOR_NUMBER, default_policy
from app.domain.visit_checklist import ANSWER_OK, ANSWER_PROBLEM, CHECKLIST, VISIT_KINDS
from app.domain.vocab import STATUS_ACTIVE

HISTORY_DAYS = 150
BATCH = 2000

FINDINGS = {
    ANSWER_OK: ["孩子精神状态良好，按时上学", "祖辈照料尚可，家中整洁", "孩子与父母每周视频通话",
                "学习成绩中等，作业能按时完成", "饮食正常，衣着干净合季节"],
    ANSWER_PROBLEM: ["祖母腿脚不便，做饭有困难", "孩子近两周情绪低落，话少", "家中电线老化，存在安全隐患",
                     "近一个月未与父母联系", "班主任反映上课注意力不集中", "孩子感冒未及时就医"],
}
HELP = ["讲解防溺水和用电安全知识", "联系班主任共同关注", "协助申请临时救助", "联系村医上门",
        "送去冬衣和学习用品", "提醒外出父母每周与孩子通话", ""]
OVERRIDE_REASONS = ["照护人近期住院，临时加强走访", "学校反映孩子近期情绪变化明显，提高关注等级",
                    "父母近期离异，监护安排尚不稳定"]


def _answers_for(colour: str, policy, rng: random.Random) -> dict:
    flags = {sev: [f.key for f in policy.factors if f.kind != FACTOR_NUMBER and f.severity == sev]
             for sev in policy.severities}
    if colour == "红":
        if rng.random() < 0.3:
            return {"parents_not_seen_months": rng.randint(13, 30)}
        return {rng.choice(flags["高"]): True, rng.choice(flags["低"]): True}
    if colour == "黄":
        if rng.random() < 0.3:
            return {"parents_not_seen_months": rng.randint(6, 12)}
        return {rng.choice(flags["中"]): True}
    if colour == "蓝":
        return dict.fromkeys(rng.sample(flags["低"], rng.randint(1, 2)), True)
    return {}


def _assessment_row(child_id: str, on: dt.date, answers: dict, policy, rng, assessor: str,
                    override: str | None = None) -> dict:
    suggestion = colour_rule.suggest(policy, answers)
    colour, reason = suggestion.colour, ""
    if override and override != suggestion.colour:
        colour, reason = override, rng.choice(OVERRIDE_REASONS)
    return dict(child_id=child_id, assessed_on=on, assessor=assessor,
                answers=json.dumps(answers, ensure_ascii=False),
                reasons=json.dumps([r.as_dict() for r in suggestion.reasons], ensure_ascii=False),
                suggested_colour=suggestion.colour, colour=colour, override_reason=reason,
                policy_version=policy.version, source="", notes="")


def _visit_row(child_id: str, day: dt.date, group: str, rng: random.Random, visitor: str) -> dict:
    problem = rng.random() < 0.18
    checklist = {item.key: {"answer": ANSWER_OK, "note": ""} for item in CHECKLIST}
    if problem:
        key = rng.choice(CHECKLIST).key
        checklist[key] = {"answer": ANSWER_PROBLEM, "note": ""}
    state = ANSWER_PROBLEM if problem else ANSWER_OK
    follow = []
    if problem:
        follow = [{"action": rng.choice(["再次入户查看", "联系学校了解情况", "协调村医上门"]),
                   "due": (day + dt.timedelta(days=rng.randint(3, 14))).isoformat(), "owner": visitor, "done": False}]
    kind = rng.choices(VISIT_KINDS, weights=[70, 20, 8, 2])[0]
    return dict(child_id=child_id, visit_date=day, kind=kind, visitor=visitor,
                present="儿童本人、" + rng.choice(["祖母", "祖父", "外祖母", "母亲", "班主任"]),
                lives_where=f"本村{group or ''}家中", lives_with=rng.choice(["祖父母", "祖母", "外祖父母", "母亲"]),
                checklist=json.dumps(checklist, ensure_ascii=False), findings=rng.choice(FINDINGS[state]),
                needs="" if not problem else rng.choice(["需要心理疏导", "需要改善住房安全", "需要学业辅导"]),
                help_given=rng.choice(HELP), follow_ups=json.dumps(follow, ensure_ascii=False),
                reassess=False, amends_id=None, amend_reason="")


def add_demo_visits(store, rng: random.Random, today: dt.date) -> None:
    """Give the demo children assessments, visit histories and an open screening round."""
    policy = default_policy()
    visitor = store.user
    with store.read_session() as s:
        kids = list(s.execute(select(Child.id, Child.group_name).where(
            Child.status == STATUS_ACTIVE, Child.deleted.is_(False)).order_by(Child.id)))
    derived = []
    for start in range(0, len(kids), BATCH):
        assessments, visits, amendments = [], [], []
        for cid, group in kids[start:start + BATCH]:
            roll = rng.random()
            if roll < 0.05:  # newly registered: neither assessed nor visited yet
                derived.append({"cid": cid, "colour": "", "last": None, "due": None})
                continue
            colour = rng.choices(["红", "黄", "蓝", "绿"], weights=[5, 17, 48, 30])[0]
            first = today - dt.timedelta(days=rng.randint(40, HISTORY_DAYS))
            profile = rng.random()
            if profile < 0.06:  # assessed lately, not visited yet (some of them already late)
                first = today - dt.timedelta(days=rng.randint(3, 35))
            history = []
            if colour in ("红", "黄") and profile >= 0.06 and rng.random() < 0.4:  # raised from a milder colour
                earlier = "蓝" if colour == "红" else "绿"
                history.append(_assessment_row(cid, first, _answers_for(earlier, policy, rng), policy, rng, visitor))
                later = first + dt.timedelta(days=rng.randint(10, (today - first).days - 5))
                history.append(_assessment_row(cid, later, _answers_for(colour, policy, rng), policy, rng, visitor))
            elif rng.random() < 0.03:  # overridden with a written reason
                history.append(_assessment_row(cid, first, _answers_for("蓝", policy, rng), policy, rng, visitor,
                                               override="黄"))
            else:
                history.append(_assessment_row(cid, first, _answers_for(colour, policy, rng), policy, rng, visitor))
            assessments.extend(history)
            state = schedule.colour_state([(a["assessed_on"], a["colour"]) for a in history])

            # visits: on schedule with jitter; some stop early (overdue), some never happen
            stop = today
            if profile < 0.06:
                stop = first  # assessed but never visited
            elif profile < 0.20:
                stop = today - dt.timedelta(days=rng.randint(policy.interval(state.colour) + 2,
                                                             policy.interval(state.colour) + 40))
            day = first + dt.timedelta(days=rng.randint(0, 5))
            days = []
            while day < stop and day <= today:
                days.append(day)
                current = [a["colour"] for a in history if a["assessed_on"] <= day][-1:] or [history[0]["colour"]]
                current = current[0]
                day += dt.timedelta(days=max(3, policy.interval(current) - rng.randint(0, 5)))
            rows = [_visit_row(cid, d, group, rng, visitor) for d in days]
            visits.extend(rows)
            last = days[-1] if days else None
            if rows and rng.random() < 0.04:  # a corrected visit
                fixed = dict(rows[-1])
                fixed["findings"] = fixed["findings"] + "；补充：已与外出父母电话沟通"
                fixed["amend_reason"] = "补记当天与父母通话情况"
                amendments.append((len(visits) - 1, fixed))
            derived.append({"cid": cid, "colour": state.colour, "last": last,
                            "due": schedule.next_due_for(policy, state, last)})
        with store.session() as s:
            capture.bulk_create(s, Assessment, assessments)
            ids = capture.bulk_create(s, Visit, visits)
            fixes = []
            for index, row in amendments:
                row["amends_id"] = ids[index]
                fixes.append(row)
            capture.bulk_create(s, Visit, fixes)
    with store.session() as s:  # derived columns: a plain UPDATE, never captured
        table = table_of(Child)
        s.connection().execute(
            table.update().where(table.c.id == _bind("cid")).values(
                colour=_bind("colour"), last_visit_date=_bind("last"), next_visit_due=_bind("due")),
            derived)
    _demo_round(store, rng, today, [cid for cid, _ in kids])


def _bind(name: str):
    from sqlalchemy import bindparam

    return bindparam(name)


def _demo_round(store, rng: random.Random, today: dt.date, child_ids: list[str]) -> None:
    """An open round for the current half-year, about two thirds done, a few with reasons."""
    name, start, end = schedule.screening_round(today)
    with store.session() as s:
        rnd = ScreeningRound(village_code=store.village_code, name=name, window_start=start, window_end=end,
                             status="进行中", opened_by=store.user)
        s.add(rnd)
        s.flush()
        rows = []
        for cid in child_ids:
            roll = rng.random()
            if roll < 0.65:
                rows.append(dict(round_id=rnd.id, child_id=cid, screener=store.user, in_scope=rng.random() > 0.03,
                                 category_ok=rng.random() > 0.05, reassessed=rng.random() < 0.3,
                                 screened_on=start + dt.timedelta(days=rng.randint(0, max(0, (today - start).days))),
                                 newly_found=False, skip_reason="", notes=""))
            elif roll < 0.70:
                rows.append(dict(round_id=rnd.id, child_id=cid, screener="", in_scope=None, category_ok=None,
                                 reassessed=False, screened_on=None, newly_found=False,
                                 skip_reason=rng.choice(["随父母在外地生活，待电话核实", "住院治疗中，出院后补排查"]),
                                 notes=""))
        capture.bulk_create(s, ScreeningRecord, rows)
