"""`tonghu server audit-gaps` and `tonghu server backup`: what the county's officer checks and keeps.

    tonghu server audit-gaps --db URL [--all] [--ack ID] [--json]   breaks found in devices' audit chains
    tonghu server backup --db county.db --out FILE                  a consistent copy (SQLite backup API)

For PostgreSQL, `server backup` prints the `pg_dump` command to use instead. The key file
(app/server/keys.py) is not in the database: back it up separately, and keep it as safe as the
database itself.

Adds its subcommands to the `server` parser of `server_cmds` (listed after it in COMMAND_MODULES).
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.commands.common import EXIT_FAIL, CliError, closes, print_json, subcommands_of

try:
    from app.commands.server_cmds import DEFAULT_DB
except ImportError:  # pragma: no cover - the server feature is absent
    DEFAULT_DB = "county.db"

PG_DUMP_HINT = ("PostgreSQL 数据库请用 PostgreSQL 自带的工具备份，例如：\n"
                "  pg_dump --format=custom --file={out} \"{url}\"\n"
                "恢复时用 pg_restore --clean --dbname=… {out}。\n"
                "另外请备份服务器密钥文件（{keys}），它不在数据库里。")


def register(sub) -> None:
    server = sub.choices.get("server") or sub.add_parser("server", help="县服务器管理")
    ssub = subcommands_of(server)
    p = ssub.add_parser("audit-gaps", help="列出设备操作记录中的缺失或改写（审计链断开）")
    p.add_argument("--db", default=DEFAULT_DB, help="服务器数据库：SQLite 文件路径或 postgresql://…")
    p.add_argument("--keys", default=None, help="服务器密钥文件")
    p.add_argument("--all", action="store_true", help="包括已处理的")
    p.add_argument("--ack", type=int, help="把这条记录标为已处理")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_audit_gaps)
    p = ssub.add_parser("backup", help="备份县级服务器数据库（SQLite：一致的副本；PostgreSQL：给出 pg_dump 用法）")
    p.add_argument("--db", default=DEFAULT_DB, help="服务器数据库：SQLite 文件路径或 postgresql://…")
    p.add_argument("--keys", default=None, help="服务器密钥文件")
    p.add_argument("--out", required=True, type=Path, help="备份文件（不能已存在）")
    p.set_defaults(handler=_backup)


def _open(args):
    from app.server.db import ServerDB

    try:
        return closes(ServerDB(args.db, keys_path=args.keys))
    except Exception as exc:  # noqa: BLE001 - connection refused, bad URL, …: told to the user
        raise CliError(f"无法打开服务器数据库 {args.db}：{type(exc).__name__}", EXIT_FAIL) from None


def _audit_gaps(args):
    from app.server import audit
    from app.server.service import ServiceError

    db = _open(args)
    if args.ack is not None:
        try:
            audit.acknowledge_gap(db, args.ack)
        except ServiceError as exc:
            raise CliError(exc.message) from None
        return
    gaps = audit.list_gaps(db, only_open=not args.all)
    if args.json:
        print_json(gaps)
        return
    if not gaps:
        print("没有发现操作记录缺失或改写", file=sys.stderr)
    for g in gaps:
        where = f"第{g['from_n']}条" if g["from_n"] == g["to_n"] else f"第{g['from_n']}–{g['to_n']}条"
        print(f"{g['id']}  {g['detected_at']}  设备 {g['device_name'] or g['device_id']}（{g['scope']}）  {where}  {g['label']}")


def _backup(args):
    from app.server import backup as server_backup
    from app.server.db import normalise_url

    url = normalise_url(args.db)
    if not url.startswith("sqlite"):
        from app.server import keys

        print(PG_DUMP_HINT.format(out=args.out, url=args.db, keys=keys.default_path(url)), file=sys.stderr)
        return EXIT_FAIL
    if args.out.exists():
        raise CliError(f"备份文件已存在：{args.out}。请另选一个文件名。")
    out = server_backup.copy_sqlite(_open(args), args.out)
    print(out)
    print(f"已备份县级服务器数据库到 {out}（权限仅限本人读写）。服务器密钥文件不在其中，请另外妥善备份。",
          file=sys.stderr)
