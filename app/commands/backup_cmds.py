"""`tonghu backup` and `tonghu restore`: one encrypted, self-checking backup file of a store.

    tonghu backup --store S --out DIR [--keep N]     write a backup into DIR, keep the newest N
    tonghu backup --check FILE                      check a backup file (no password needed)
    tonghu restore --store NEW_PATH BACKUP_FILE     restore beside the current store
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.commands.common import EXIT_WRONG_PASSWORD, CliError, add_json_arg, open_store, password, print_json


def register(sub) -> None:
    p = sub.add_parser("backup", help="备份数据文件（加密，自带校验）")
    p.add_argument("--store", type=Path, help="要备份的数据文件")
    p.add_argument("--user", default=None, help="用户名（默认：唯一的用户）")
    p.add_argument("--out", type=Path, help="备份存放的文件夹（如U盘）")
    p.add_argument("--keep", type=int, default=None, help="只保留最近的几份备份（默认 5）")
    p.add_argument("--check", type=Path, metavar="FILE", help="只检查一个备份文件是否完整")
    add_json_arg(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="从备份文件恢复（恢复成一个新的数据文件，不覆盖现有文件）")
    p.add_argument("--store", required=True, type=Path, help="恢复出的新数据文件路径（不能已存在）")
    p.add_argument("--user", default=None, help="用户名（默认：备份中唯一的用户）")
    p.add_argument("backup_file", type=Path, help="备份文件")
    add_json_arg(p)
    p.set_defaults(handler=cmd_restore)


def cmd_backup(args) -> None:
    from app.data import backup

    if args.check:
        header = backup.check_file(args.check)
        if args.json:
            print_json({"ok": True, "created_at": header.get("created_at"), "village_code": header.get("village_code")})
        else:
            print(f"备份文件完整：{args.check.name}（{header.get('village_code')}，{header.get('created_at')} UTC）")
        return
    if not args.store or not args.out:
        raise CliError("请用 --store 指定数据文件，用 --out 指定备份存放的文件夹")
    keep = backup.DEFAULT_KEEP if args.keep is None else args.keep
    if keep < 1:
        raise CliError("--keep 至少为 1")
    store = open_store(args)
    path = backup.make_backup(store, store.data_key, args.out, keep=keep)
    if args.json:
        print_json({"file": str(path), "size": path.stat().st_size})
    else:
        print(path)
        print(f"已备份到 {path}（保留最近 {keep} 份）", file=sys.stderr)


def cmd_restore(args) -> None:
    from app.data import backup
    from app.data.keys import UnknownUserError, WrongPasswordError

    if not args.backup_file.is_file():
        raise CliError(f"找不到备份文件: {args.backup_file}")
    try:
        path = backup.restore(args.backup_file, args.store, password(), user=args.user)
    except WrongPasswordError:
        raise CliError("密码错误（请输入做备份时的密码）", EXIT_WRONG_PASSWORD) from None
    except UnknownUserError:
        raise CliError("备份中有多个用户，请用 --user 指定用户名", EXIT_WRONG_PASSWORD) from None
    if args.json:
        print_json({"store": str(path)})
    else:
        print(path)
        print(f"已恢复到 {path}。下次同步时会与县级服务器重新核对，备份之后的修改会从县里取回。", file=sys.stderr)
