"""`tonghu server migrate` and `tonghu server user add|list|passwd`: the county database's schema and
the console's officer accounts from the command line.

The first county admin is made here (`user add --role county-admin`); after that admins manage
accounts in the browser (/accounts). `user passwd` is the way back in when the only admin forgot the
password, is locked out, or lost the phone with the second factor. Passwords come from
TONGHU_PASSWORD or a prompt (asked twice on a terminal).
"""

from __future__ import annotations

import os
import sys

from app.commands.common import EXIT_FAIL, CliError, closes, password, print_json


def register(ssub, default_db: str) -> None:
    from app.commands import server_cmds

    p = ssub.add_parser("migrate", help="把服务器数据库升级到当前版本（启动服务时也会自动进行）")
    server_cmds.db_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_migrate)

    user = ssub.add_parser("user", help="县级管理平台的账户：新建、列出、重设密码")
    usub = user.add_subparsers(dest="user_command", metavar="COMMAND", required=True)
    p = usub.add_parser("add", help="新建账户（第一个县级管理员在这里建立，之后可在浏览器中管理）")
    server_cmds.db_arg(p)
    p.add_argument("--name", required=True, help="登录名")
    p.add_argument("--role", required=True, choices=["county-admin", "township", "viewer"],
                   help="county-admin 县级管理员；township 乡镇督导员；viewer 统计查看")
    p.add_argument("--scope", default="", help="范围：乡镇督导员填9位乡镇代码；县级账户填6位县代码或不填（全部）")
    p.add_argument("--full-name", default="", help="真实姓名（显示在审计日志中）")
    p.set_defaults(handler=_user_add)
    p = usub.add_parser("list", help="列出账户")
    server_cmds.db_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_user_list)
    p = usub.add_parser("passwd", help="重设账户密码（同时解除锁定、启用账户）")
    server_cmds.db_arg(p)
    p.add_argument("--name", required=True, help="登录名")
    p.add_argument("--no-totp", action="store_true", help="同时关闭该账户的两步验证（手机丢失时）")
    p.set_defaults(handler=_user_passwd)


def console_hint(db, url: str, db_arg: str) -> str:
    """What `tonghu serve` says about the console: where it is, and how to make the first account."""
    from app.server import accounts

    text = f"县级管理平台（浏览器打开）：{url}"
    if accounts.count(db) == 0:
        text += (f"\n还没有管理平台账户。请另开一个窗口运行：tonghu server user add --db {db_arg} "
                 "--name 登录名 --role county-admin")
    return text


def _open_plain(args):
    """The database without migrating on open (migrate reports what it does)."""
    from app.server.db import ServerDB

    try:
        return closes(ServerDB(args.db, create=False))
    except Exception as exc:  # noqa: BLE001 - connection refused, bad URL, …: told to the user
        raise CliError(f"无法打开服务器数据库 {args.db}：{exc}", EXIT_FAIL) from None


def _migrate(args):
    from sqlalchemy.exc import SQLAlchemyError

    from app.server.migrations import ensure_schema

    db = _open_plain(args)
    try:
        done = ensure_schema(db.engine)
    except SQLAlchemyError as exc:
        raise CliError(f"升级服务器数据库失败，未作任何更改：{exc.__class__.__name__}: {str(exc)[:300]}", EXIT_FAIL) from None
    if args.json:
        print_json(done)
        return
    after = ",".join(done["to"])
    if done["created"]:
        print(f"已建立服务器数据库（版本 {after}）", file=sys.stderr)
    elif done["from"] == done["to"]:
        print(f"服务器数据库已是最新版本（{after}），无需升级", file=sys.stderr)
    else:
        before = ",".join(done["from"]) or "迁移功能之前的版本"
        print(f"服务器数据库已升级：{before} → {after}", file=sys.stderr)
    for item in done["copies"]:
        print(f"  桌面表副本新增 {item}", file=sys.stderr)


def _new_password() -> str:
    first = password("新密码: ")
    if sys.stdin.isatty() and "TONGHU_PASSWORD" not in os.environ:
        if password("再输一次: ") != first:
            raise CliError("两次输入的密码不一致")
    return first


def _user_add(args):
    from app.commands import server_cmds
    from app.server import accounts

    db = server_cmds.open_db(args)
    try:
        made = accounts.create(db, name=args.name, role=args.role, scope=args.scope, password=_new_password(),
                               full_name=args.full_name)
    except accounts.AccountError as exc:
        raise CliError(exc.message) from None
    _audit(db, "account_add", made.name, f"{made.role_label} 范围 {made.scope or '全部'}（命令行）")
    print(f"已建立账户 {made.name}（{made.role_label}，范围 {made.scope or '全部'}）", file=sys.stderr)


def _audit(db, action: str, target: str, detail: str) -> None:
    from app.server.web import audit

    audit.record(db, None, action, target, detail)


def _user_list(args):
    from app.commands import server_cmds
    from app.server import accounts

    rows = accounts.list_all(server_cmds.open_db(args))
    if args.json:
        print_json([{"id": a.id, "name": a.name, "full_name": a.full_name, "role": a.role, "scope": a.scope,
                     "disabled": a.disabled, "totp": a.totp,
                     "last_login": a.last_login.isoformat(timespec="seconds") if a.last_login else None} for a in rows])
        return
    if not rows:
        print("还没有账户。用 tonghu server user add --role county-admin 建立第一个县级管理员。", file=sys.stderr)
    for a in rows:
        state = "已停用" if a.disabled else "正常"
        print(f"{a.name:<16} {a.role_label:<6} {a.scope or '全部':<12} 两步验证{'已启用' if a.totp else '未启用'}  {state}")


def _user_passwd(args):
    from sqlalchemy import select

    from app.commands import server_cmds
    from app.server import accounts
    from app.server.web.tables import ConsoleAccount

    db = server_cmds.open_db(args)
    with db.sessions() as s:
        account_id = s.scalar(select(ConsoleAccount.id).where(ConsoleAccount.name == args.name))
    if account_id is None:
        raise CliError(f"没有这个账户：{args.name}")
    try:
        accounts.set_password(db, account_id, _new_password())
    except accounts.AccountError as exc:
        raise CliError(exc.message) from None
    view = accounts.get(db, account_id)
    accounts.update(db, account_id, role=view.role, scope=view.scope, full_name=view.full_name, disabled=False)
    if args.no_totp:
        accounts.disable_totp(db, account_id)
    _audit(db, "account_reset", args.name, "命令行重设密码" + ("，关闭两步验证" if args.no_totp else ""))
    print(f"已重设 {args.name} 的密码" + ("，并关闭了两步验证" if args.no_totp else ""), file=sys.stderr)
