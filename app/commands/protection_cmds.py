"""`tonghu report …`, `tonghu schoolroll …`, `tonghu benefits …`, `tonghu case …`: mandatory reports,
the school-roll comparison, benefit lists and cases from the command line (JSON output)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from app.commands.common import CliError, add_json_arg, add_store_arg, open_store, print_json, print_rows
from app.core import clock


def register(sub) -> None:
    rp = sub.add_parser("report", help="强制报告").add_subparsers(dest="report_command", metavar="ACTION")
    p = rp.add_parser("add", help="登记强制报告（儿童自动标为红色）")
    add_store_arg(p)
    p.add_argument("--child", required=True, help="儿童身份证号或记录编号")
    p.add_argument("--found-at", required=True, help="发现时间，如 2026-11-02 14:30")
    p.add_argument("--description", required=True, help="发现的情况")
    p.add_argument("--situation", default="疑似受到侵害", help="受到侵害 / 疑似受到侵害 / 面临其他危险")
    p.add_argument("--urgency", default="紧急", help="紧急 / 较急 / 一般")
    p.add_argument("--place", default="")
    p.add_argument("--found-by", default="")
    _notify_args(p, required=False)
    p.set_defaults(handler=cmd_report_add)
    p = rp.add_parser("notify", help="登记已向某部门报告")
    add_store_arg(p)
    p.add_argument("report_id")
    _notify_args(p, required=True)
    p.set_defaults(handler=cmd_report_notify)
    p = rp.add_parser("follow-up", help="添加跟进（--close 结束报告）")
    add_store_arg(p)
    p.add_argument("report_id")
    p.add_argument("--action", required=True)
    p.add_argument("--actor", default="")
    p.add_argument("--outcome", default="")
    p.add_argument("--date", default=None)
    p.add_argument("--close", action="store_true")
    p.set_defaults(handler=cmd_report_follow_up)
    p = rp.add_parser("alarms", help="未结束的报告及超时未向公安报告的提醒")
    add_store_arg(p)
    add_json_arg(p)
    p.set_defaults(handler=cmd_report_alarms)

    sp = sub.add_parser("schoolroll", help="学籍库比对").add_subparsers(dest="schoolroll_command", metavar="ACTION")
    p = sp.add_parser("import", help="导入学籍名册（.xlsx / .csv）并与本村儿童比对")
    add_store_arg(p)
    p.add_argument("file", type=Path)
    p.add_argument("--map", action="append", default=[], metavar="列名=字段",
                   help="指定列的对应，如 --map 学生证件=身份证号 或 --map 证件号=id_number；字段为“忽略”时不读该列")
    p.add_argument("--skip-bad", action="store_true", help="跳过有错误的行，只导入正确的行")
    p.add_argument("--check", action="store_true", help="只检查文件，不导入")
    p.add_argument("--date", default=None, help="比对基准日期（默认今天）")
    p.set_defaults(handler=cmd_schoolroll_import)
    p = sp.add_parser("sample", help="生成合成的学籍名册样例（非真实数据）")
    p.add_argument("out", type=Path, help="输出文件 .xlsx 或 .csv")
    p.add_argument("--rows", type=int, default=5000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--store", type=Path, default=None, help="按此数据文件中的儿童生成（否则用合成的村）")
    p.add_argument("--user", default=None)
    p.set_defaults(handler=cmd_schoolroll_sample)
    p = sp.add_parser("tasks", help="进行中的劝返复学任务")
    add_store_arg(p)
    add_json_arg(p)
    p.set_defaults(handler=cmd_schoolroll_tasks)

    bp = sub.add_parser("benefits", help="保障").add_subparsers(dest="benefits_command", metavar="ACTION")
    p = bp.add_parser("due", help="应保未保的儿童和需要终止的保障")
    add_store_arg(p)
    add_json_arg(p)
    p.add_argument("--date", default=None)
    p.add_argument("--days", type=int, default=None, help="提前提醒天数（默认按政策）")
    p.set_defaults(handler=cmd_benefits_due)
    p = bp.add_parser("add", help="新增保障待遇")
    add_store_arg(p)
    p.add_argument("--child", required=True)
    p.add_argument("--kind", required=True)
    p.add_argument("--start", required=True)
    p.add_argument("--amount", type=int, default=None, help="每月金额（默认按政策标准）")
    p.set_defaults(handler=cmd_benefits_add)
    p = bp.add_parser("pay", help="登记某月发放")
    add_store_arg(p)
    p.add_argument("entitlement_id")
    p.add_argument("--month", required=True)
    p.add_argument("--paid-on", default=None)
    p.add_argument("--amount", type=int, default=None)
    p.set_defaults(handler=cmd_benefits_pay)

    cp = sub.add_parser("case", help="个案").add_subparsers(dest="case_command", metavar="ACTION")
    p = cp.add_parser("list", help="进行中的个案")
    add_store_arg(p)
    add_json_arg(p)
    p.set_defaults(handler=cmd_case_list)


def _notify_args(p, required: bool) -> None:
    p.add_argument("--notify", dest="body", required=required, help="报告至：公安 / 民政 / 教育 / 卫生健康 / 检察")
    p.add_argument("--notified-at", default=None, help="报告时间（默认现在）")
    p.add_argument("--method", default="电话")
    p.add_argument("--receiver", default="")
    p.add_argument("--ref", default="", help="接报编号")


def _datetime(text: str | None, label: str) -> dt.datetime:
    if not text:
        return clock.local_now().replace(microsecond=0)
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    raise CliError(f"{label}“{text}”格式不对，应为 2026-11-02 14:30")


def _date(text: str | None, label: str = "日期") -> dt.date:
    if not text:
        return clock.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{label}“{text}”格式不对，应为 2026-11-02") from None


def _child_id(session, ref: str) -> str:
    from sqlalchemy import select

    from app.data.models import Child

    child = session.get(Child, ref) or session.scalar(select(Child).where(Child.id_number == ref.strip().upper(),
                                                                         Child.deleted.is_(False)))
    if child is None:
        raise CliError(f"找不到儿童：{ref}")
    return child.id


def _notification(args) -> dict | None:
    if not args.body:
        return None
    return dict(body=args.body, notified_at=_datetime(args.notified_at, "报告时间"), method=args.method,
                receiver=args.receiver, reference_no=args.ref)


def cmd_report_add(args) -> None:
    from app.data import protection

    store = open_store(args)
    with store.session() as s:
        n = _notification(args)
        report = protection.add_report(
            s, _child_id(s, args.child), found_at=_datetime(args.found_at, "发现时间"), description=args.description,
            situation=args.situation, urgency=args.urgency, place=args.place, found_by=args.found_by,
            notifications=[n] if n else [])
        print_json({"report_id": report.id, "child_id": report.child_id, "colour": "红"})


def cmd_report_notify(args) -> None:
    from app.data import protection

    store = open_store(args)
    with store.session() as s:
        row = protection.add_notification(s, args.report_id, **_notification(args))
        print_json({"notification_id": row.id})


def cmd_report_follow_up(args) -> None:
    from app.data import protection

    store = open_store(args)
    with store.session() as s:
        row = protection.add_follow_up(s, args.report_id, on_date=_date(args.date), action=args.action,
                                       actor=args.actor, outcome=args.outcome, closes=args.close)
        print_json({"follow_up_id": row.id, "closed": args.close})


def cmd_report_alarms(args) -> None:
    from app.data import protection

    store = open_store(args)
    with store.read_session() as s:
        rows = [{"report_id": a.view.report.id, "child": a.view.child_name, "child_id": a.view.report.child_id,
                 "recorded_at": a.view.report.recorded_at, "urgency": a.view.report.urgency,
                 "police_notified": a.view.police_notified, "overdue": a.overdue, "text": a.text}
                for a in protection.report_alarms(s)]
    print_rows(args, rows, ["report_id", "child", "recorded_at", "text"])


def _overrides(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        header, sep, field = pair.partition("=")
        if not sep or not header.strip():
            raise CliError(f"--map “{pair}” 格式不对，应为 列名=字段，如 学生证件=身份证号")
        out[header.strip()] = field.strip()
    return out


def cmd_schoolroll_import(args) -> int | None:
    from app.data import schoolroll_import as imp

    if not args.file.is_file():
        raise CliError(f"找不到文件：{args.file}")
    today = _date(args.date, "比对基准日期")
    prepared = imp.preview(args.file, _overrides(args.map), today)
    if args.check:
        print_json({"rows": prepared.row_count, "errors": [e.text() for e in prepared.errors],
                    "mapping": {k: prepared.headers[i] for k, i in prepared.mapping.items()}})
        return 2 if prepared.errors else None
    store = open_store(args)
    with store.session() as s:
        result = imp.import_roll(s, args.file, today=today, skip_bad=args.skip_bad, prepared=prepared)
        print_json({"import_id": result.import_row.id, "already_imported": result.already_imported,
                    "counts": result.counts, "tasks_opened": result.tasks_opened, "tasks_closed": result.tasks_closed,
                    "skipped": [e.text() for e in result.skipped]})
    return None


def cmd_schoolroll_sample(args) -> None:
    from app.data import schoolroll_sample as sample

    if args.store is not None:
        store = open_store(args)
        from sqlalchemy import select

        from app.data.models import Child

        with store.read_session() as s:
            kids = [sample.SampleChild(c.name, c.id_number, c.birth_date, c.sex, c.school, c.school_stage)
                    for c in s.scalars(select(Child).where(Child.deleted.is_(False))) if c.birth_date]
        village = store.place_name(store.village_code)
    else:
        kids, village = sample.village_children(80, seed=args.seed), "东山村"
    header, rows, expected = sample.make_roll(kids, total=args.rows, seed=args.seed, village=village)
    if args.out.suffix.lower() == ".csv":
        sample.write_csv(args.out, header, rows)
    else:
        sample.write_xlsx(args.out, header, rows, title="学籍名册（合成样例，非真实数据）")
    print_json({"file": str(args.out), "rows": len(rows), "expected": json.loads(json.dumps(expected.__dict__, default=str))})


def cmd_schoolroll_tasks(args) -> None:
    from app.data import schoolroll_import as imp

    store = open_store(args)
    with store.read_session() as s:
        rows = [{"task_id": t.id, "child": c.name, "child_id": c.id, "opened_on": t.opened_on, "status": t.status}
                for t, c in imp.open_tasks(s)]
    print_rows(args, rows, ["task_id", "child", "opened_on", "status"])


def cmd_benefits_due(args) -> None:
    from app.data import benefits

    today = _date(args.date)
    store = open_store(args)
    with store.read_session() as s:
        due = {
            "looks_eligible_unpaid": [{"child": u.child.name, "child_id": u.child.id, "kinds": u.kinds, "reason": u.reason}
                                      for u in benefits.looks_eligible_unpaid(s, today)],
            "to_end": [{"child": t.child.name, "child_id": t.child.id, "entitlement_id": t.entitlement.id,
                        "kind": t.entitlement.kind, "end_date": t.end_date, "reason": t.reason}
                       for t in benefits.entitlements_to_end(s, today, args.days)],
        }
    if args.json:
        print_json(due)
        return
    for u in due["looks_eligible_unpaid"]:
        print(f"应保未保\t{u['child']}\t{'、'.join(u['kinds'])}\t{u['reason']}")
    for t in due["to_end"]:
        print(f"应终止\t{t['child']}\t{t['kind']}\t{t['end_date']}\t{t['reason']}")


def cmd_benefits_add(args) -> None:
    from app.data import benefits

    store = open_store(args)
    with store.session() as s:
        row = benefits.add_entitlement(s, _child_id(s, args.child), kind=args.kind, start_date=_date(args.start, "开始日期"),
                                       monthly_amount=args.amount)
        print_json({"entitlement_id": row.id, "monthly_amount": row.monthly_amount})


def cmd_benefits_pay(args) -> None:
    from app.data import benefits

    store = open_store(args)
    with store.session() as s:
        row = benefits.record_payment(s, args.entitlement_id, month=args.month, paid_on=_date(args.paid_on, "发放日期"),
                                      amount=args.amount)
        print_json({"payment_id": row.id, "amount": row.amount})


def cmd_case_list(args) -> None:
    from app.data import cases

    store = open_store(args)
    with store.read_session() as s:
        rows = [{"case_id": line.case.id, "child": line.child_name, "title": line.case.title, "status": line.case.status,
                 "owner": line.case.owner, "next_due": line.next_due, "overdue_steps": line.overdue}
                for line in cases.open_cases(s)]
    print_rows(args, rows, ["case_id", "child", "title", "status", "next_due"])
