"""`tonghu visits due`, `tonghu assess`, `tonghu visit add|amend|list`, `tonghu screening …`:
the visits feature on the command line, for scripting and tests.
"""

from __future__ import annotations

import json

from app.commands.common import CliError, add_json_arg, add_store_arg, open_store, print_json, print_rows


def register(sub) -> None:
    p = sub.add_parser("visits", help="走访计划")
    vs = p.add_subparsers(dest="visits_command", metavar="SUBCOMMAND")
    q = vs.add_parser("due", help="逾期和即将到期的走访")
    add_store_arg(q)
    q.add_argument("--within", type=int, default=None, metavar="DAYS", help="N 天内到期（默认：本周内）")
    q.add_argument("--today", default=None, help=argparse_hidden())
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_due)

    p = sub.add_parser("assess", help="分级分色评估")
    add_store_arg(p)
    p.add_argument("child_id")
    p.add_argument("--factor", action="append", default=[], metavar="KEY[=VALUE]",
                   help="发现的风险因素（数值型写作 KEY=数值），可多次")
    p.add_argument("--colour", default=None, help="选择与建议不同的颜色（需 --reason）")
    p.add_argument("--reason", default="", help="改色理由")
    p.add_argument("--date", default=None, help="评估日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--source", default="")
    p.add_argument("--list-factors", action="store_true", help="列出评估标准中的风险因素")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_assess)

    p = sub.add_parser("visit", help="走访记录")
    vs = p.add_subparsers(dest="visit_command", metavar="SUBCOMMAND")
    a = vs.add_parser("add", help="记录一次走访")
    add_store_arg(a)
    a.add_argument("child_id")
    a.add_argument("--date", required=True)
    a.add_argument("--kind", required=True, help="走访方式：入户 / 电话 / 学校 / 其他")
    a.add_argument("--present", required=True, help="在场人员（见到了谁）")
    a.add_argument("--lives-where", default="")
    a.add_argument("--lives-with", default="")
    a.add_argument("--check", action="append", default=[], metavar="ITEM=ANSWER",
                   help="检查项，如 food=正常；每项都要作答（或用 --all-normal）")
    a.add_argument("--all-normal", action="store_true", help="未单独填写的检查项都记为“正常”（同界面的“全部正常”）")
    a.add_argument("--findings", default="")
    a.add_argument("--needs", default="")
    a.add_argument("--help-given", default="")
    a.add_argument("--follow-up", action="append", default=[], metavar="ACTION[@YYYY-MM-DD]")
    a.add_argument("--reassess", action="store_true")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_visit_add)
    m = vs.add_parser("amend", help="更正一次走访（原记录保留）")
    add_store_arg(m)
    m.add_argument("visit_id")
    m.add_argument("--reason", required=True)
    m.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    m.set_defaults(handler=cmd_visit_amend)
    ls = vs.add_parser("list", help="某儿童的走访记录")
    add_store_arg(ls)
    ls.add_argument("child_id")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_visit_list)

    p = sub.add_parser("screening", help="一年两排 排查")
    ss = p.add_subparsers(dest="screening_command", metavar="SUBCOMMAND")
    o = ss.add_parser("open", help="开始一轮排查")
    add_store_arg(o)
    o.add_argument("--name", required=True)
    o.add_argument("--from", dest="start", required=True)
    o.add_argument("--to", dest="end", required=True)
    o.set_defaults(handler=cmd_round_open)
    s = ss.add_parser("screen", help="登记已排查")
    add_store_arg(s)
    s.add_argument("round_id")
    s.add_argument("child_id")
    s.add_argument("--out-of-scope", action="store_true")
    s.add_argument("--category-wrong", action="store_true")
    s.add_argument("--reassessed", action="store_true")
    s.add_argument("--skip-reason", default="", help="未能排查：原因")
    s.set_defaults(handler=cmd_round_screen)
    ls = ss.add_parser("list", help="排查轮次（编号、名称、时间、进度）")
    add_store_arg(ls)
    add_json_arg(ls)
    ls.set_defaults(handler=cmd_round_list)
    st = ss.add_parser("status", help="排查进度")
    add_store_arg(st)
    st.add_argument("round_id")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_round_status)
    c = ss.add_parser("close", help="结束排查")
    add_store_arg(c)
    c.add_argument("round_id")
    c.add_argument("--note", default="")
    c.set_defaults(handler=cmd_round_close)


def _policy():
    from app.domain.policy import PolicyError, default_policy

    try:
        return default_policy()
    except PolicyError as exc:
        raise CliError(str(exc), 1) from None


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS


def _parse_answers(pairs: list[str], policy) -> dict:
    from app.domain.policy import FACTOR_NUMBER

    answers = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not policy.has_factor(key):
            raise CliError(f"未知的风险因素：{key}（用 --list-factors 查看）")
        if policy.factor(key).kind == FACTOR_NUMBER:
            if not sep:
                raise CliError(f"{key} 是数值型因素，请写作 {key}=数值")
            try:
                answers[key] = float(value)
            except ValueError:
                raise CliError(f"{key} 的值应为数字：{value}") from None
        else:
            answers[key] = True
    return answers


def cmd_due(args) -> None:
    import datetime as dt

    from app.data.dashboard import due_list

    store = open_store(args)
    today = dt.date.fromisoformat(args.today) if args.today else None
    with store.read_session() as s:
        items = due_list(s, args.within, today=today)
    rows = [{"child_id": i.child_id, "name": i.name, "colour": i.colour,
             "last_visit": i.last_visit.isoformat() if i.last_visit else None,
             "due": i.due.isoformat() if i.due else None, "days_overdue": i.days_overdue} for i in items]
    if args.json:
        for row in rows:
            print_json(row)
    else:
        for row in rows:
            late = f"逾期{row['days_overdue']}天" if row["days_overdue"] else ""
            print(f"{row['due']}\t{row['colour'] or '未评估'}\t{row['name']}\t{late}")


def cmd_assess(args) -> None:
    from app.data.visits import record_assessment

    policy = _policy()
    if args.list_factors:
        for f in policy.factors:
            extra = f.severity or "/".join(f"{lv.describe(f.unit)}→{lv.severity}" for lv in f.levels)
            print(f"{f.key}\t{f.group}\t{f.dimension}\t{extra}\t{f.label}")
        return
    answers = _parse_answers(args.factor, policy)
    store = open_store(args)
    with store.session() as s:
        row = record_assessment(s, args.child_id, answers, colour=args.colour, override_reason=args.reason,
                                on=args.date, source=args.source, policy=policy)
        child = row.child_id
        out = {"id": row.id, "child_id": child, "colour": row.colour, "suggested": row.suggested_colour,
               "reasons": [r["label"] for r in json.loads(row.reasons)]}
        from app.data.models import Child

        c = s.get(Child, child)
        out["next_visit_due"] = c.next_visit_due.isoformat() if c.next_visit_due else None
    if args.json:
        print_json(out)
    else:
        print(out["id"])


def _checks(pairs: list[str], all_normal: bool = False) -> dict:
    from app.domain.visit_checklist import ANSWER_OK, CHECKLIST

    out = {item.key: ANSWER_OK for item in CHECKLIST} if all_normal else {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise CliError(f"检查项应写作 ITEM=答案：{pair}")
        out[key.strip()] = value.strip()
    return out


def _follow_ups(items: list[str]) -> list[dict]:
    out = []
    for item in items:
        action, _, due = item.partition("@")
        out.append({"action": action, "due": due or None})
    return out


def cmd_visit_add(args) -> None:
    from app.data.models import Child
    from app.data.visits import record_visit

    _policy()
    store = open_store(args)
    with store.session() as s:
        # complete=True: the same rule as the visit form (way of contact, who was seen, every item answered)
        row = record_visit(s, args.child_id, args.date, args.kind, present=args.present,
                           lives_where=args.lives_where, lives_with=args.lives_with,
                           checklist=_checks(args.check, args.all_normal), findings=args.findings, needs=args.needs,
                           help_given=args.help_given, follow_ups=_follow_ups(args.follow_up),
                           reassess=args.reassess, complete=True)
        c = s.get(Child, args.child_id)
        out = {"id": row.id, "child_id": c.id,
               "next_visit_due": c.next_visit_due.isoformat() if c.next_visit_due else None}
    if args.json:
        print_json(out)
    else:
        print(out["id"])


def cmd_visit_amend(args) -> None:
    from app.data.visits import amend_visit

    _policy()
    changes = {}
    for pair in args.set:
        key, sep, value = pair.partition("=")
        if not sep:
            raise CliError(f"应写作 FIELD=VALUE：{pair}")
        changes[key.strip().replace("-", "_")] = value
    store = open_store(args)
    with store.session() as s:
        row = amend_visit(s, args.visit_id, args.reason, **changes)
        print(row.id)


def cmd_visit_list(args) -> None:
    from app.data.visits import visit_history

    store = open_store(args)
    with store.read_session() as s:
        entries = visit_history(s, args.child_id)
        rows = [{"id": e.original.id, "date": e.current.visit_date.isoformat(), "kind": e.current.kind,
                 "findings": e.current.findings, "amendments": [a.id for a in e.amendments]} for e in entries]
    if args.json:
        for row in rows:
            print_json(row)
    else:
        for row in rows:
            print(f"{row['date']}\t{row['kind']}\t{row['findings']}" + ("\t(已更正)" if row["amendments"] else ""))


def cmd_round_open(args) -> None:
    from app.data.visits import open_round

    store = open_store(args)
    with store.session() as s:
        print(open_round(s, args.name, args.start, args.end).id)


def cmd_round_screen(args) -> None:
    from app.data.visits import screen_child, set_skip_reason

    store = open_store(args)
    with store.session() as s:
        if args.skip_reason:
            set_skip_reason(s, args.round_id, args.child_id, args.skip_reason)
        else:
            screen_child(s, args.round_id, args.child_id, in_scope=not args.out_of_scope,
                         category_ok=not args.category_wrong, reassessed=args.reassessed)


def cmd_round_list(args) -> None:
    from app.data.visits import round_progress, rounds

    store = open_store(args)
    with store.read_session() as s:
        rows = []
        for r in rounds(s):
            p = round_progress(s, r.id)
            rows.append({"id": r.id, "name": r.name, "window_start": r.window_start, "window_end": r.window_end,
                         "status": r.status, "screened": p.screened, "total": p.total})
    print_rows(args, rows, ["id", "name", "window_start", "window_end", "status", "screened", "total"])


def cmd_round_status(args) -> None:
    from app.data.visits import round_progress

    store = open_store(args)
    with store.read_session() as s:
        p = round_progress(s, args.round_id)
        out = {"id": p.round.id, "name": p.round.name, "status": p.round.status, "total": p.total,
               "screened": p.screened,
               "remaining": [{"child_id": ln.child_id, "name": ln.name, "skip_reason": ln.skip_reason}
                             for ln in p.remaining]}
    if args.json:
        print_json(out)
    else:
        print(f"{out['name']}（{out['status']}）：已排查 {out['screened']}/{out['total']}")


def cmd_round_close(args) -> None:
    from app.data.visits import close_round

    store = open_store(args)
    with store.session() as s:
        close_round(s, args.round_id, note=args.note)
