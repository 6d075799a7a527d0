"""`tonghu init`, `tonghu passwd`, `tonghu user add|remove|list` and `tonghu recover`: create a store,
change a password, manage the people who sign in on this laptop, and use a county recovery file.

New passwords come from `TONGHU_NEW_PASSWORD` or a prompt (asked twice); the signed-in user's
password from `TONGHU_PASSWORD`, stdin or a prompt, as for every command."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.commands.common import (EXIT_WRONG_PASSWORD, CliError, add_json_arg, add_store_arg, closes, open_store, password,
                                 print_rows)


def register(sub) -> None:
    p = sub.add_parser("init", help="创建加密数据文件")
    p.add_argument("--store", required=True)
    p.add_argument("--village", required=True, help="12位村(社区)区划代码")
    p.add_argument("--village-name", default="")
    p.add_argument("--township-name", default="")
    p.add_argument("--county-name", default="")
    p.add_argument("--user", default="director", help="user name (default: director)")
    p.add_argument("--display-name", default="")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("passwd", help="修改密码")
    add_store_arg(p)
    p.add_argument("--rekey", action="store_true", help="同时用新的钥匙重新加密数据（旧的密钥文件副本从此打不开）")
    p.set_defaults(handler=cmd_passwd)

    user = sub.add_parser("user", help="本机的用户：增加、删除、列出")
    usub = user.add_subparsers(dest="user_command", metavar="COMMAND", required=True)
    p = usub.add_parser("add", help="增加一个用户（例如副主任），用自己的密码登录")
    add_store_arg(p)
    p.add_argument("--name", required=True, help="新用户的登录名")
    p.add_argument("--display-name", default="", help="新用户的姓名")
    p.add_argument("--role", default="儿童主任")
    p.set_defaults(handler=cmd_user_add)
    p = usub.add_parser("remove", help="删除一个用户，并用新的钥匙重新加密数据")
    add_store_arg(p)
    p.add_argument("--name", required=True, help="要删除的登录名")
    p.set_defaults(handler=cmd_user_remove)
    p = usub.add_parser("list", help="列出本机的用户")
    add_store_arg(p)
    add_json_arg(p)
    p.set_defaults(handler=cmd_user_list)

    p = sub.add_parser("recover", help="用县民政局开具的恢复文件重设忘记的密码")
    p.add_argument("--store", required=True, type=Path)
    p.add_argument("--user", default=os.environ.get("TONGHU_USER"), help="要重设密码的用户（默认：唯一的用户）")
    p.add_argument("--file", required=True, type=Path, help="恢复文件（.tonghu-recovery）")
    p.set_defaults(handler=cmd_recover)


def new_password(prompt: str = "新密码: ") -> tuple[str, str | None]:
    """The new password and its repeat (None when it came from TONGHU_NEW_PASSWORD)."""
    value = os.environ.get("TONGHU_NEW_PASSWORD")
    if value is not None:
        return value, None
    import getpass

    return getpass.getpass(prompt), getpass.getpass("再输入一次: ")


def cmd_init(args) -> None:
    from app.data.store import Store, StoreExistsError

    try:
        store = Store.create(
            args.store, user=args.user, password=password("设置密码: "), village_code=args.village,
            village_name=args.village_name, township_name=args.township_name,
            county_name=args.county_name, display_name=args.display_name,
        )
    except StoreExistsError:
        raise CliError(f"数据文件已存在: {args.store}") from None
    closes(store)


def _progress(text: str, done: int, total: int) -> None:
    print(f"[{done}/{total}] {text}", file=sys.stderr, flush=True)


def cmd_passwd(args) -> None:
    from app.data import users

    store = open_store(args)
    new, repeat = new_password()
    users.change_password(store, password(), new, repeat, rekey_data=args.rekey, progress=_progress)


def cmd_user_add(args) -> None:
    from app.data import users
    from app.data.keys import WrongPasswordError

    store = open_store(args)
    new, repeat = new_password(f"{args.name} 的密码: ")
    try:
        users.add_user(store, args.name, new, repeat=repeat, current_password=password(),
                       display_name=args.display_name, role=args.role)
    except WrongPasswordError:
        raise CliError("密码错误", EXIT_WRONG_PASSWORD) from None
    print(f"已增加用户 {args.name}", file=sys.stderr)


def cmd_user_remove(args) -> None:
    from app.data import users
    from app.data.keys import WrongPasswordError

    store = open_store(args)
    try:
        users.remove_user(store, args.name, current_password=password(), progress=_progress)
    except WrongPasswordError:
        raise CliError("密码错误", EXIT_WRONG_PASSWORD) from None
    print(f"已删除用户 {args.name}；数据已用新的钥匙重新加密，旧的密钥文件副本从此打不开。", file=sys.stderr)


def cmd_user_list(args) -> None:
    from app.data import users

    print_rows(args, users.list_users(open_store(args)), ["name", "display_name", "role"])


def cmd_recover(args) -> None:
    from app.data import recovery
    from app.data.keys import KeyFile, RecoveryError, UnknownUserError, key_path_for

    if not args.store.exists():
        raise CliError(f"找不到数据文件: {args.store}")
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise CliError(f"无法读取恢复文件 {args.file}（{exc.strerror or exc}）") from None
    user = args.user
    if user is None:
        names = KeyFile.load(key_path_for(args.store)).users()
        if len(names) != 1:
            raise CliError("这台电脑上有多个用户，请用 --user 指定要重设密码的用户")
        user = names[0]
    new, repeat = new_password()
    try:
        closes(recovery.recover(args.store, data, user, new, repeat))
    except RecoveryError as exc:
        raise CliError(exc.message) from None
    except UnknownUserError:
        raise CliError(f"用户不存在：{user}") from None
    print(f"已为 {user} 设置新密码，旧密码从此不能再用。", file=sys.stderr)
