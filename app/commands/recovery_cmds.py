"""`tonghu server recovery-key` and `tonghu server recovery-file`: the county's half of password
recovery (app/server/recovery.py). Registered under `tonghu server` by `server_cmds.register`."""

from __future__ import annotations

import sys

from app.commands.common import CliError, print_json


def register(ssub, db_arg, open_db) -> None:
    p = ssub.add_parser("recovery-key", help="创建或查看县级密码恢复密钥（私钥单独存放在只有本人可读的文件中）")
    db_arg(p)
    p.add_argument("--key-file", help="恢复私钥文件的位置（默认在数据库旁：county.db.recovery-key）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=lambda args: _key(args, open_db))

    p = ssub.add_parser("recovery-file", help="为一台设备开具一次性的密码恢复文件")
    db_arg(p)
    p.add_argument("--device", required=True, help="设备编号（见 tonghu server devices）")
    p.add_argument("--out", required=True, help="恢复文件的保存位置（.tonghu-recovery）")
    p.add_argument("--hours", type=int, default=72, help="有效小时数（默认 72）")
    p.add_argument("--key-file", help="恢复私钥文件（默认：创建时记下的位置）")
    p.add_argument("--by", default="", help="开具人（记入日志）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=lambda args: _file(args, open_db))


def _key(args, open_db) -> None:
    from app.server import recovery

    db = open_db(args)
    try:
        path, public = recovery.create_key(db, args.key_file)
    except recovery.RecoveryIssueError as exc:
        raise CliError(exc.message) from None
    if args.json:
        print_json({"key_file": str(path), "public": public})
        return
    print(public)
    print(f"县级恢复密钥已就绪。私钥文件：{path}（只有本人可读；可移到U盘离线保管，开具恢复文件时用 --key-file 指定）。"
          "请把它和服务器备份分开保管：丢失后已登记电脑的县级恢复不再可用。", file=sys.stderr)


def _file(args, open_db) -> None:
    from app.server import recovery

    db = open_db(args)
    try:
        done = recovery.issue(db, args.device, args.out, key_file=args.key_file, hours=args.hours, issued_by=args.by)
    except recovery.RecoveryIssueError as exc:
        raise CliError(exc.message) from None
    if args.json:
        print_json(done)
        return
    print(done["path"])
    print(f"恢复文件已开具（编号 {done['file_id']}，设备 {done['device_id']}，{done['expires_at']} UTC 前有效，只能用一次）。"
          "请核实儿童主任身份后交给本人，在登录窗口点“忘记密码”打开它。", file=sys.stderr)
