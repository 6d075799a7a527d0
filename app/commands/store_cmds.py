"""`tonghu init` and `tonghu passwd`: create a store, change a password."""

from __future__ import annotations

from app.commands.common import CliError, add_store_arg, closes, open_store, password


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
    p.set_defaults(handler=cmd_passwd)


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


def cmd_passwd(args) -> None:
    import os

    new = os.environ.get("TONGHU_NEW_PASSWORD")
    store = open_store(args)
    if new is None:
        import getpass

        new = getpass.getpass("新密码: ")
        if getpass.getpass("再输入一次: ") != new:
            raise CliError("两次输入的密码不一致")
    store.change_password(password(), new)
