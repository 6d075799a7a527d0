"""`tonghu server duplicates [--json] --db URL`: the county's list of 疑似重复档案 — ID numbers held
by more than one child file on the county server, with village, names and record ids, so the
county can tell the villages which files to merge (the merge itself is done in the app).

Adds its subcommand to the `server` parser of `server_cmds` (listed after it in COMMAND_MODULES).
"""

from __future__ import annotations

import sys

from app.commands.common import EXIT_FAIL, CliError, closes, print_json, subcommands_of

try:
    from app.commands.server_cmds import DEFAULT_DB
except ImportError:  # pragma: no cover - the server feature is absent
    DEFAULT_DB = "county.db"


def register(sub) -> None:
    server = sub.choices.get("server") or sub.add_parser("server", help="县服务器管理")
    p = subcommands_of(server).add_parser("duplicates", help="列出全县身份证号码重复的儿童档案（疑似重复档案）")
    p.add_argument("--db", default=DEFAULT_DB, help="服务器数据库：SQLite 文件路径或 postgresql://… (默认 ./county.db)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_duplicates)


def _duplicates(args):
    from app.server.db import ServerDB
    from app.server.duplicates import duplicate_groups

    try:
        db = ServerDB(args.db)
    except Exception as exc:  # noqa: BLE001 - connection refused, bad URL: told to the user
        raise CliError(f"无法打开服务器数据库 {args.db}：{exc}", EXIT_FAIL) from None
    closes(db)
    groups = duplicate_groups(db)
    if args.json:
        print_json(groups)
        return
    if not groups:
        print("没有发现身份证号码重复的儿童档案", file=sys.stderr)
        return
    for g in groups:
        print(f"{g['id_number']}  {len(g['members'])} 份档案")
        for m in g["members"]:
            village = f"{m['village_name']}（{m['village_code']}）" if m["village_name"] else m["village_code"]
            print(f"    {village}  {m['name']}  {m['status']}  {m['id']}")
    print(f"共 {len(groups)} 个身份证号码有重复档案；请通知相关村在童护中合并（工作台 → 疑似重复档案）。", file=sys.stderr)
