"""`tonghu enrol` and `tonghu sync`: register this store with the county server, then sync it."""

from __future__ import annotations

import sys

from app.commands.common import EXIT_FAIL, CliError, add_store_arg, open_store, print_json


def register(sub) -> None:
    p = sub.add_parser("enrol", help="用登记码把本机登记到县级服务器")
    add_store_arg(p)
    p.add_argument("--server", required=True, help="县级服务器地址，例如 http://10.1.2.3:8765")
    p.add_argument("--code", required=True, help="县民政局给的一次性登记码")
    p.set_defaults(handler=_enrol)
    p = sub.add_parser("sync", help="与县级服务器同步")
    add_store_arg(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--quiet", action="store_true", help="不显示进度")
    p.set_defaults(handler=_sync)


def _enrol(args):
    from app.sync import client

    store = open_store(args)
    try:
        answer = client.enrol(store, args.server, args.code)
    except client.SyncError as exc:
        raise CliError(exc.message, EXIT_FAIL) from None
    print(f"登记成功：本设备 {answer['device_id']}，负责范围 {answer['scope']}", file=sys.stderr)


def _sync(args):
    from app.sync import client

    store = open_store(args)
    names = {"push": "上传", "pull": "下载"}

    def progress(phase, done, total):
        if not args.quiet:
            print(f"\r{names.get(phase, phase)} {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        report = client.sync(store, progress=progress)
    except client.SyncError as exc:
        if not args.quiet:
            print(file=sys.stderr)
        raise CliError(exc.message, EXIT_FAIL) from None
    if not args.quiet:
        print(file=sys.stderr)
    if args.json:
        print_json(report.__dict__)
    else:
        print(f"同步完成：上传 {report.pushed} 条，下载 {report.pulled} 条，冲突 {report.conflicts} 条，"
              f"用时 {report.seconds:.1f} 秒", file=sys.stderr)
    from app.data.county_policy import take_notice  # a newer county policy was applied (issue 16)

    notice = take_notice(store)
    if notice:
        print(notice, file=sys.stderr)
