"""County onboarding commands under `tonghu server`: roster import, the place list it resolves
village names with, the county's visit policy, and the county-wide duplicate files.

    tonghu server import-roster --db … FILE [--map '表头=字段,…'] [--skip-bad-rows] [--overwrite] [--dry-run]
    tonghu server places --db … [--file 区划.csv]
    tonghu server schoolroll-check --db … ROLL.xlsx [--export 汇总.xlsx]
    tonghu server policy set --db … --file policy.toml | policy show --db …
    tonghu server county-duplicates --db … | transfer CHILD_ID --to VILLAGE | not-duplicate KEY

Registered by `server_cmds.register` on its `server` subparsers.
"""

from __future__ import annotations

import sys

from app.commands.common import CliError, print_json
from app.commands.server_cmds import db_arg, open_db


def register(ssub) -> None:
    p = ssub.add_parser("import-roster", help="导入县级儿童名单（xlsx/csv），儿童随同步到各村")
    db_arg(p)
    p.add_argument("file", help="名单文件（.xlsx 或 .csv）")
    p.add_argument("--map", default="", help="列对应：'表头=字段,表头2=字段2'（字段如 name、id_number、village_name；忽略写 -）")
    p.add_argument("--skip-bad-rows", action="store_true", help="跳过有错误的行，导入其余各行")
    p.add_argument("--overwrite", action="store_true", help="村里已改过的内容也按名单覆盖（默认保留并列出）")
    p.add_argument("--dry-run", action="store_true", help="只检查和比对，不写入")
    p.add_argument("--user", default="", help="操作人（记入同步记录）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_import_roster)

    p = ssub.add_parser("schoolroll-check", help="县级学籍库比对：全县在册儿童与学籍库比对，为未在籍的学龄儿童开劝返复学任务")
    db_arg(p)
    p.add_argument("file", help="学籍库导出文件（.xlsx 或 .csv）")
    p.add_argument("--map", default="", help="列对应：'表头=字段,…'（字段如 name、id_number、school）")
    p.add_argument("--skip-bad-rows", action="store_true", help="跳过有错误的行")
    p.add_argument("--export", help="把全县汇总和比对结果另存为 Excel 文件")
    p.add_argument("--user", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_schoolroll_check)

    p = ssub.add_parser("places", help="导入或列出本县区划表（名单导入按村名找区划代码）")
    db_arg(p)
    p.add_argument("--file", help="区划表（xlsx/csv，每行：区划代码, 名称）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_places)

    policy = ssub.add_parser("policy", help="县级走访政策：走访间隔、排查时间、报送期限")
    psub = policy.add_subparsers(dest="policy_command", metavar="COMMAND", required=True)
    p = psub.add_parser("set", help="发布新版政策（随下次同步或U盘数据包到达各村）")
    db_arg(p)
    p.add_argument("--file", required=True, help="政策文件（TOML）")
    p.add_argument("--county", default="", help="县级区划代码（6位；默认从区划表或已登记设备得出）")
    p.add_argument("--user", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_policy_set)
    p = psub.add_parser("show", help="显示当前政策")
    db_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_policy_show)

    p = ssub.add_parser("county-duplicates", help="全县疑似同一儿童的档案（身份证号相同，或姓名+出生日期+监护人相同）")
    db_arg(p)
    p.add_argument("--all", action="store_true", help="包括已标为不同儿童的")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_county_duplicates)
    p = ssub.add_parser("transfer", help="把儿童档案（含全部记录）转到另一个村")
    db_arg(p)
    p.add_argument("child", help="儿童档案编号")
    p.add_argument("--to", required=True, help="接收村的12位区划代码")
    p.add_argument("--reason", default="", help="原因")
    p.add_argument("--user", default="")
    p.set_defaults(handler=_transfer)
    p = ssub.add_parser("not-duplicate", help="把一组疑似重复标为不同儿童（不再提示）")
    db_arg(p)
    p.add_argument("key", help="疑似重复的编号（county-duplicates 列出）")
    p.add_argument("--user", default="")
    p.set_defaults(handler=_not_duplicate)


def _import_roster(args):
    from app.domain.errors import ValidationError
    from app.domain.roster import parse_map_option
    from app.server.roster.importer import RosterRowsError, import_roster

    db = open_db(args)
    try:
        given = parse_map_option(args.map)
        report = import_roster(db, args.file, given, skip_bad=args.skip_bad_rows, overwrite=args.overwrite,
                               dry_run=args.dry_run, actor=args.user)
    except RosterRowsError as exc:
        if args.json:
            print_json({"imported": False, "errors": [e.text() for e in exc.errors]})
        raise CliError(exc.message) from None
    except (ValidationError, OSError) as exc:
        raise CliError(getattr(exc, "message", None) or f"无法读取文件 {args.file}：{exc}") from None
    if args.json:
        print_json(report.to_dict())
        return
    head = "检查完毕（未写入）" if args.dry_run else "导入完毕"
    print(f"{head}：{report.rows} 行，新建 {report.created} 名儿童，更新 {report.updated} 名，未变 {report.unchanged} 名"
          + (f"，跳过错误行 {len(report.skipped)} 行" if report.skipped else ""))
    for code, n in sorted(report.by_village.items()):
        print(f"    {code}  新建 {n} 名")
    if report.overwrites:
        verb = "已按名单覆盖" if report.overwritten else "村里已修改，未覆盖（需要时加 --overwrite）"
        print(f"以下 {len(report.overwrites)} 处{verb}：")
        for o in report.overwrites[:50]:
            print(f"    {o.text()}")
    if report.elsewhere:
        print(f"以下 {len(report.elsewhere)} 名儿童县里的档案在另一个村（未移动，需要时用 tonghu server transfer）：")
        for line in report.elsewhere[:50]:
            print(f"    {line}")
    for e in report.skipped[:50]:
        print(f"    跳过 {e.text()}", file=sys.stderr)
    if not args.dry_run:
        print("各村的电脑下次同步时收到这些儿童。" if report.changes else "没有需要写入的变化。", file=sys.stderr)


def _schoolroll_check(args):
    from app.data.schoolroll_import import RollRowsError
    from app.domain.errors import ValidationError
    from app.server.roster.schoolroll import check_roll, export_xlsx

    given = {}
    for part in (args.map or "").split(","):
        if "=" in part:
            header, name = part.split("=", 1)
            given[header.strip()] = name.strip()
    try:
        result = check_roll(open_db(args), args.file, given, skip_bad=args.skip_bad_rows, actor=args.user)
    except RollRowsError as exc:
        raise CliError(exc.message) from None
    except (ValidationError, OSError) as exc:
        raise CliError(getattr(exc, "message", None) or f"无法读取文件 {args.file}：{exc}") from None
    if args.export:
        export_xlsx(result, args.export)
    if args.json:
        print_json(result.to_dict())
        return
    t = result.totals()
    print(f"学籍库比对（{result.file_name}，{result.rows} 行）：在籍 {t.matched} 名，未在籍 {t.not_attending} 名"
          f"（新开劝返复学任务 {t.tasks} 个），学校不一致 {t.other_school} 名，疑似匹配 {t.uncertain} 名")
    for v in result.villages.values():
        if v.not_attending or v.other_school or v.uncertain:
            print(f"    {v.name or v.code}（{v.code}）  在籍 {v.matched}  未在籍 {v.not_attending}  "
                  f"学校不一致 {v.other_school}  疑似匹配 {v.uncertain}")
    if args.export:
        print(f"汇总已另存为 {args.export}", file=sys.stderr)


def _places(args):
    from app.domain.errors import ValidationError
    from app.server.roster import places

    db = open_db(args)
    if args.file:
        try:
            found = places.read_places(args.file)
        except ValidationError as exc:
            raise CliError(exc.message) from None
        total = places.save_places(db, found)
        print(f"已导入 {len(found)} 个区划，区划表现有 {total} 个", file=sys.stderr)
        return
    held = places.gazetteer(db).names
    if args.json:
        print_json(held)
        return
    for code, name in sorted(held.items()):
        print(f"{code}  {name}")


def _policy_set(args):
    from app.domain.county_policy import CountyPolicyError
    from app.server import policy

    db = open_db(args)
    try:
        text = open(args.file, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"无法读取政策文件 {args.file}：{exc}") from None
    try:
        issued = policy.set_policy(db, text, county=args.county, actor=args.user, source=args.file)
    except CountyPolicyError as exc:
        raise CliError(exc.message) from None
    if args.json:
        print_json(issued)
        return
    print(f"已发布第 {issued['version']} 版走访政策（{issued['county']}）：{issued['summary']}")
    print("各村的电脑下次同步（网络或U盘数据包）时收到并重新计算下次走访日期。", file=sys.stderr)


def _policy_show(args):
    from app.server import policy

    current = policy.current(open_db(args))
    if args.json:
        print_json(current)
        return
    if current is None:
        print("还没有发布县级走访政策（各村使用默认间隔）", file=sys.stderr)
        return
    print(f"第 {current['version']} 版（{current['county']}，{current['issued_at']}）：{current['summary']}")
    print(current["text"])


def _county_duplicates(args):
    from app.server.duplicates import county_flags

    flags = county_flags(open_db(args), include_resolved=args.all)
    if args.json:
        print_json(flags)
        return
    if not flags:
        print("没有发现跨村的疑似同一儿童档案", file=sys.stderr)
        return
    for f in flags:
        state = "（已标为不同儿童）" if f["different"] else ""
        print(f"{f['key']}  {f['reason']}{state}")
        for m in f["members"]:
            print(f"    {m['village_name'] or m['village_code']}（{m['village_code']}）  {m['name']}  "
                  f"{m['id_number'] or '-'}  {m['birth_date'] or '-'}  {m['id']}")
    print(f"共 {len(flags)} 组。转移用 tonghu server transfer 儿童编号 --to 村代码；"
          "不是同一人用 tonghu server not-duplicate 编号", file=sys.stderr)


def _transfer(args):
    from app.server.duplicates import DuplicateError, transfer

    try:
        moved = transfer(open_db(args), args.child, args.to, reason=args.reason, actor=args.user)
    except DuplicateError as exc:
        raise CliError(exc.message) from None
    print(f"已把 {moved['name']} 的档案从 {moved['from']} 转到 {moved['to']}；原村的电脑下次同步后不再保存该儿童。")


def _not_duplicate(args):
    from app.server.duplicates import DuplicateError, mark_different

    try:
        mark_different(open_db(args), args.key, actor=args.user)
    except DuplicateError as exc:
        raise CliError(exc.message) from None
    print(f"已标为不同儿童：{args.key}", file=sys.stderr)
