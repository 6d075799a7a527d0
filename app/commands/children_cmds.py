"""`tonghu demo`, `tonghu children` and `tonghu child add|edit|status`: the child register from the shell."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.commands.common import CliError, add_store_arg, closes, open_store, password
from app.core import clock

DEMO_VILLAGE = "320115101201"


def register(sub) -> None:
    p = sub.add_parser("demo", help="生成合成演示数据（不含真实个人信息）")
    add_store_arg(p)
    p.add_argument("--children", type=int, default=120, help="儿童人数")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--village", default=DEMO_VILLAGE, help="新建数据文件时的12位村(社区)区划代码")
    p.add_argument("--village-name", default="东山村")
    p.add_argument("--township-name", default="秣陵街道")
    p.add_argument("--county-name", default="江宁区")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("children", help="列出儿童")
    add_store_arg(p)
    p.add_argument("--json", action="store_true", help="每行输出一个JSON对象")
    p.add_argument("--search", default="", help="姓名、拼音首字母或身份证号码")
    p.add_argument("--status", default="", help="在册 / 已转出 / 已满18岁")
    p.add_argument("--category", default="")
    p.add_argument("--group", default="", help="留守 / 困境")
    p.add_argument("--colour", default="")
    p.set_defaults(handler=cmd_children)

    p = sub.add_parser("child", help="登记或修改儿童")
    child_sub = p.add_subparsers(dest="child_command", metavar="ACTION", required=True)

    a = child_sub.add_parser("add", help="登记儿童，输出新儿童的编号")
    add_store_arg(a)
    a.add_argument("--name", required=True)
    a.add_argument("--id-number", required=True)
    a.add_argument("--category", action="append", default=[], help="儿童类别（可多次）")
    a.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="其他字段")
    a.set_defaults(handler=cmd_child_add)

    e = child_sub.add_parser("edit", help="修改儿童信息")
    add_store_arg(e)
    e.add_argument("child_id")
    e.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", required=True)
    e.set_defaults(handler=cmd_child_edit)

    st = child_sub.add_parser("status", help="标记为已转出 / 已满18岁 / 恢复在册")
    add_store_arg(st)
    st.add_argument("child_id")
    st.add_argument("status", help="在册 / 已转出 / 已满18岁")
    st.add_argument("--date", default="", help="日期（默认今天）")
    st.add_argument("--note", default="")
    st.set_defaults(handler=cmd_child_status)

    sh = child_sub.add_parser("show", help="以JSON输出一名儿童的档案")
    add_store_arg(sh)
    sh.add_argument("child_id")
    sh.set_defaults(handler=cmd_child_show)


def _pairs(items: list[str]) -> dict[str, str]:
    from app.domain import child_rules

    data: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not key:
            raise CliError(f"参数格式应为 字段=值：{item}")
        if key not in child_rules.CHILD_FIELDS or key == "photo":
            raise CliError(f"未知字段：{key}（可用：{'、'.join(f for f in child_rules.CHILD_FIELDS if f != 'photo')}）")
        data[key] = value
    return data


def cmd_demo(args) -> None:
    from app.data import demo
    from app.data.store import Store

    if args.children < 0:
        raise CliError("儿童人数不能为负数")
    path = Path(args.store)
    if path.exists():
        store = open_store(args)
    else:
        store = closes(Store.create(
            path, user=args.user or "director", password=password("设置密码: "), village_code=args.village,
            village_name=args.village_name, township_name=args.township_name, county_name=args.county_name,
        ))
    demo.generate(store, args.children, seed=args.seed)


def cmd_children(args) -> None:
    from app.data import children

    store = open_store(args)
    q = children.ChildQuery(text=args.search, status=args.status, category=args.category,
                            group=args.group, colour=args.colour)
    with store.read_session() as s:
        rows = children.list_children(s, q)
    store.log("list", table_name="child", note=f"命令行列出儿童 {len(rows)} 名")  # audited like the app's screens
    out = sys.stdout
    for row in rows:
        if args.json:
            out.write(json.dumps(row.as_dict(), ensure_ascii=False) + "\n")
        else:
            out.write("\t".join([row.id, row.name, row.sex, str(row.age if row.age is not None else ""),
                                 row.id_number, "、".join(row.categories), row.status]) + "\n")


def cmd_child_add(args) -> None:
    from app.data import children

    data = _pairs(args.set)
    data.update(name=args.name, id_number=args.id_number)
    if args.category:
        data["categories"] = args.category
    store = open_store(args)
    with store.session() as s:
        child = children.save_child(s, data)
        child_id = child.id
    print(child_id)


def _with_child(store, child_id: str, fn):
    from app.data import children

    try:
        with store.session() as s:
            return fn(s)
    except children.NotFoundError:
        raise CliError(f"找不到该儿童：{child_id}") from None


def cmd_child_edit(args) -> None:
    from app.data import children

    data = _pairs(args.set)
    store = open_store(args)
    _with_child(store, args.child_id, lambda s: children.save_child(s, data, args.child_id))


def cmd_child_status(args) -> None:
    from app.data import children

    store = open_store(args)
    _with_child(store, args.child_id, lambda s: children.set_status(
        s, args.child_id, args.status, args.date or clock.today(), args.note))


def cmd_child_show(args) -> None:
    from app.commands.common import print_json
    from app.data import children
    from app.domain import child_rules

    store = open_store(args)
    with store.read_session() as s:
        try:
            child = children.get_child(s, args.child_id)
        except children.NotFoundError:
            raise CliError(f"找不到该儿童：{args.child_id}") from None

        def plain(row, fields):
            return {f: getattr(row, f) for f in ["id", *fields]}

        record = plain(child, [f for f in child_rules.CHILD_FIELDS if f != "photo"]
                       + ["sex", "birth_date", "status", "status_date", "status_note", "colour"])
        record["guardians"] = [plain(g, child_rules.GUARDIAN_FIELDS) for g in children.guardians(s, child.id)]
        record["care"] = [plain(c, child_rules.CARE_FIELDS) for c in children.care_arrangements(s, child.id)]
        record["categories"] = [plain(c, child_rules.CATEGORY_FIELDS) for c in children.child_categories(s, child.id)]
        record["needs"] = [plain(n, child_rules.NEED_FIELDS) for n in children.needs(s, child.id)]
    store.log("view", table_name="child", row_id=child.id, child_id=child.id, note="命令行查看档案")
    print_json(record)
