"""`tonghu serve` and `tonghu server enrol|devices|revoke|alerts`: run and administer the county server.

Every command takes `--db` (default `./county.db`, an embedded SQLite file; `postgresql://…` for
PostgreSQL).
"""

from __future__ import annotations

import os
import sys

from app.commands.common import EXIT_FAIL, CliError, closes, print_json

DEFAULT_DB = os.environ.get("TONGHU_SERVER_DB", "county.db")


def db_arg(parser) -> None:
    """`--db` and `--keys`: every `tonghu server` command that opens the county database takes both."""
    parser.add_argument("--db", default=DEFAULT_DB, help="服务器数据库：SQLite 文件路径或 postgresql://… (默认 ./county.db)")
    parser.add_argument("--keys", default=None,
                        help="服务器密钥文件（默认：SQLite 数据库旁的 .keys 文件，或环境变量 TONGHU_SERVER_KEYS）")


def open_db(args):
    """The county database named by `--db` / `--keys`, closed when the command ends."""
    from app.server.db import ServerDB

    try:
        return closes(ServerDB(args.db, keys_path=getattr(args, "keys", None)))
    except Exception as exc:  # noqa: BLE001 - connection refused, bad URL, …: told to the user
        raise CliError(f"无法打开服务器数据库 {args.db}：{exc}", EXIT_FAIL) from None


def register(sub) -> None:
    p = sub.add_parser("serve", help="运行县级同步服务器")
    db_arg(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="监听地址（默认 127.0.0.1；局域网内用 0.0.0.0，须同时用 --tls-cert/--tls-key 启用 HTTPS）")
    p.add_argument("--port", type=int, default=8765, help="端口（默认 8765）")
    p.add_argument("--tls-cert", help="TLS 证书文件（PEM），与 --tls-key 一起启用 HTTPS")
    p.add_argument("--tls-key", help="TLS 私钥文件（PEM）")
    p.add_argument("--insecure", action="store_true",
                   help="允许在非本机地址上不加密（HTTP）运行。不安全：仅限临时测试")
    p.set_defaults(handler=_serve)

    server = sub.add_parser("server", help="管理县级同步服务器：登记码、设备、强制报告提醒")
    ssub = server.add_subparsers(dest="server_command", metavar="COMMAND", required=True)
    p = ssub.add_parser("enrol", help="生成一次性登记码")
    db_arg(p)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--village", help="村/社区的12位区划代码")
    group.add_argument("--township", help="乡镇/街道的9位区划代码（督导员设备）")
    p.add_argument("--days", type=int, default=7, help="有效天数（默认 7）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_enrol)
    p = ssub.add_parser("devices", help="列出已登记的设备")
    db_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_devices)
    p = ssub.add_parser("revoke", help="停用一台设备")
    db_arg(p)
    p.add_argument("device", help="设备编号")
    p.set_defaults(handler=_revoke)
    p = ssub.add_parser("alerts", help="列出未处理的强制报告提醒")
    db_arg(p)
    p.add_argument("--all", action="store_true", help="包括已处理的")
    p.add_argument("--ack", type=int, help="把这条提醒标为已处理")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_alerts)
    from app.commands import recovery_cmds

    recovery_cmds.register(ssub, db_arg, open_db)  # recovery-key, recovery-file
    from app.commands import roster_cmds  # issue 16: roster import, places, policy, county duplicates
    roster_cmds.register(ssub)
    from app.commands import server_console_cmds  # issue 12: server migrate, server user add|list|passwd
    server_console_cmds.register(ssub, DEFAULT_DB)


def _serve(args):
    import uvicorn

    from app.server.api import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        raise CliError("--tls-cert 和 --tls-key 必须同时给出")
    warning = listen_check(args.host, tls=bool(args.tls_cert), insecure=args.insecure)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    db = open_db(args)
    scheme = "https" if args.tls_cert else "http"
    print(f"童护县级同步服务器：{scheme}://{args.host}:{args.port}  数据库：{args.db}", file=sys.stderr, flush=True)
    from app.commands.server_console_cmds import console_hint  # issue 12: where the console is, first account
    print(console_hint(db, f"{scheme}://{args.host}:{args.port}/", args.db), file=sys.stderr, flush=True)
    uvicorn.run(create_app(db), host=args.host, port=args.port, log_level="info",
                ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost: only this machine can connect."""
    import ipaddress

    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


MSG_NEEDS_TLS = ("拒绝启动：监听地址 {host} 可以从其他电脑访问，但没有启用 HTTPS 加密，儿童信息会以明文在网络上传输。"
                 "请用 --tls-cert 证书文件 --tls-key 私钥文件 启用 HTTPS；只在本机测试请用 --host 127.0.0.1。"
                 "如确需临时不加密运行，请加 --insecure（不安全）。")
MSG_INSECURE = ("警告：服务器正在 {host} 上以不加密的 HTTP 运行（--insecure）。同一网络中的任何人都可能看到或篡改同步数据"
                "（设备会核对县里的签名，被篡改的答复会被拒绝，但内容不保密）。请尽快配置 --tls-cert/--tls-key。")


def listen_check(host: str, *, tls: bool, insecure: bool) -> str | None:
    """Refuse plain HTTP on an address other machines can reach unless `--insecure` (then the
    warning to print); None when nothing needs saying."""
    if tls or is_loopback(host):
        return None
    if not insecure:
        raise CliError(MSG_NEEDS_TLS.format(host=host), EXIT_FAIL)
    return MSG_INSECURE.format(host=host)


def _enrol(args):
    from app.server import service

    scope = args.village or args.township
    if args.village and len(args.village) != 12:
        raise CliError("村/社区区划代码应为12位数字")
    if args.township and len(args.township) != 9:
        raise CliError("乡镇/街道区划代码应为9位数字")
    db = open_db(args)
    try:
        code = service.create_enrol_code(db, scope, days=args.days)
    except service.ServiceError as exc:
        raise CliError(exc.message) from None
    if args.json:
        print_json({"code": code, "scope": scope, "days": args.days})
    else:
        print(code)
        print(f"登记码（{scope}，{args.days}天内有效，只能使用一次）", file=sys.stderr)


def _devices(args):
    from app.server import service

    devices = service.list_devices(open_db(args))
    if args.json:
        print_json(devices)
        return
    if not devices:
        print("还没有登记的设备", file=sys.stderr)
    for d in devices:
        state = "已停用" if d["revoked"] else "正常"
        print(f"{d['id']}  {d['scope']:<12}  {d['name'] or '-':<10}  上次同步 {d['last_sync'] or '从未'}  "
              f"版本 {d['version'] or '-'}  {state}")


def _revoke(args):
    from app.server import service

    try:
        service.revoke(open_db(args), args.device)
    except service.ServiceError as exc:
        raise CliError(exc.message) from None
    print(f"已停用设备 {args.device}", file=sys.stderr)


def _alerts(args):
    from app.server import service

    db = open_db(args)
    if args.ack is not None:
        try:
            service.acknowledge_alert(db, args.ack)
        except service.ServiceError as exc:
            raise CliError(exc.message) from None
        return
    alerts = service.list_alerts(db, only_open=not args.all)
    if args.json:
        print_json(alerts)
        return
    for a in alerts:
        print(f"{a['id']}  {a['received_at']}  {a['table']}  村 {a['village'] or '-'}  儿童 {a['child_id'] or '-'}")
