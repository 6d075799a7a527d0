"""USB sync on the command line.

`tonghu bundle export --store PATH --out DIR` / `tonghu bundle import --store PATH FILE` on the
village laptop; `tonghu server import-bundle FILE --out DIR`, `tonghu server export-bundle DEVICE
--out DIR` and `tonghu server enrol --village CODE --out FILE` at the county (all with `--db`);
`tonghu enrol --store PATH --file FILE` enrols a laptop from an enrolment file without a network.

The `server` and `enrol` commands belong to the sync feature (`server_cmds`, `sync_cmds`); this
module adds its subcommands and the `--out` / `--file` options to their parsers (so it must be
listed after them in COMMAND_MODULES), or creates the parsers if they are absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.common import CliError, EXIT_FAIL, add_store_arg, open_store, print_json, subcommands_of

try:
    from app.commands.server_cmds import DEFAULT_DB
except ImportError:  # pragma: no cover - the server feature is absent
    DEFAULT_DB = "county.db"


def _has_option(parser: argparse.ArgumentParser, option: str) -> bool:
    return option in parser._option_string_actions


def _add_db(parser: argparse.ArgumentParser) -> None:
    if not _has_option(parser, "--db"):
        parser.add_argument("--db", default=DEFAULT_DB, help="县服务器数据库（SQLite 文件或 postgresql://…）")


def register(sub) -> None:
    p = sub.add_parser("bundle", help="U盘同步：导出/导入同步文件")
    bsub = p.add_subparsers(dest="bundle_command", metavar="COMMAND")
    e = bsub.add_parser("export", help="把尚未被县里确认的修改写入同步文件")
    add_store_arg(e)
    e.add_argument("--out", required=True, type=Path, help="保存同步文件的文件夹（例如U盘）")
    e.add_argument("--json", action="store_true")
    e.set_defaults(handler=cmd_export)
    i = bsub.add_parser("import", help="导入县里发回的同步文件")
    add_store_arg(i)
    i.add_argument("file", type=Path)
    i.add_argument("--json", action="store_true")
    i.set_defaults(handler=cmd_import)

    server = sub.choices.get("server") or sub.add_parser("server", help="县服务器管理")
    ssub = subcommands_of(server)
    si = ssub.add_parser("import-bundle", help="导入村里设备的同步文件并写出回执文件")
    si.add_argument("file", type=Path)
    si.add_argument("--out", required=True, type=Path, help="保存回执文件的文件夹")
    si.add_argument("--json", action="store_true")
    _add_db(si)
    si.set_defaults(handler=cmd_server_import)
    se = ssub.add_parser("export-bundle", help="为某台设备写出回执文件")
    se.add_argument("device", help="设备编号")
    se.add_argument("--out", required=True, type=Path, help="保存回执文件的文件夹")
    se.add_argument("--json", action="store_true")
    _add_db(se)
    se.set_defaults(handler=cmd_server_export)

    enrol = ssub.choices.get("enrol")
    if enrol is None:
        enrol = ssub.add_parser("enrol", help="登记设备")
        enrol.add_argument("--village")
        enrol.add_argument("--township")
        _add_db(enrol)
    if not _has_option(enrol, "--out"):
        enrol.add_argument("--out", type=Path, help="写出离线登记文件（没有网络时用U盘带到村里）")
    _wrap(enrol, "out", cmd_server_enrol_file)

    denrol = sub.choices.get("enrol") or sub.add_parser("enrol", help="登记本机")
    if not _has_option(denrol, "--store"):
        add_store_arg(denrol)
    if _has_option(denrol, "--server"):  # with --file no server is needed
        denrol._option_string_actions["--server"].required = False
    else:
        denrol.add_argument("--server")
    if not _has_option(denrol, "--code"):
        denrol.add_argument("--code", help="县民政局给的一次性登记码")
    if not _has_option(denrol, "--file"):
        denrol.add_argument("--file", type=Path, help="县民政局发的离线登记文件（没有网络时用）")
    _wrap(denrol, "file", cmd_enrol_file, required="server")


def _wrap(parser: argparse.ArgumentParser, option: str, ours, required: str | None = None) -> None:
    """Route to `ours` when `--option` is given, else to the handler the parser already had (which
    needs `--required`, if named)."""
    theirs = parser.get_default("handler")

    def handler(args):
        if getattr(args, option, None) is not None:
            return ours(args)
        if theirs is None or (required and getattr(args, required, None) is None):
            names = f"--{required} 或 --{option}" if required else f"--{option}"
            raise CliError(f"请指定 {names}")
        return theirs(args)

    parser.set_defaults(handler=handler)


# -- village laptop ---------------------------------------------------------------------------
def _bundle_error(exc) -> CliError:
    return CliError(exc.message, EXIT_FAIL if getattr(exc, "kind", "") == "replay" else 2)


def cmd_export(args):
    from app.sync import bundle_io
    from app.sync.bundle import BundleError

    store = open_store(args)
    try:
        result = bundle_io.export_bundle(store, args.out)
    except BundleError as exc:
        raise _bundle_error(exc) from None
    if args.json:
        print_json({"path": str(result.path), "changes": result.count})
    else:
        print(f"已导出 {result.count} 条修改：{result.path}")


def cmd_import(args):
    from app.sync import bundle_io
    from app.sync.bundle import BundleError

    store = open_store(args)
    try:
        result = bundle_io.import_bundle(store, args.file)
    except BundleError as exc:
        raise _bundle_error(exc) from None
    if args.json:
        print_json({"acked": result.acked, "received": result.received, "conflicts": result.conflicts,
                    "cursor": result.cursor, "county_restored": result.county_restored})
    else:
        print(f"导入完成：县里确认了 {result.acked} 条本机修改，收到 {result.received} 条新数据，冲突 {result.conflicts} 处。")
        if result.county_restored:
            print("县里的数据库已从备份恢复。下次导出的同步文件会带上本机的全部数据，请尽快导出并送到县里。")


def cmd_enrol_file(args):
    from app.sync import bundle_io
    from app.sync.bundle import BundleError

    store = open_store(args)
    try:
        if not args.code:
            raise CliError("请用 --code 输入县民政局告知的登记码")
        result = bundle_io.enrol_from_file(store, args.file, args.code)
    except BundleError as exc:
        raise _bundle_error(exc) from None
    print(f"本机已登记：设备 {result.device_id}，范围 {result.scope}")


# -- county server ----------------------------------------------------------------------------
def cmd_server_import(args):
    from app.server import bundles
    from app.sync.bundle import BundleError

    try:
        result = bundles.import_file(args.db, args.file, args.out)
    except BundleError as exc:
        raise _bundle_error(exc) from None
    if args.json:
        print_json({"device": result.device_id, "accepted": result.accepted, "answer": str(result.answer),
                    "sent": result.sent, "replay": result.replay})
        return None
    if result.replay:
        print(f"此同步文件已经导入过，未重复导入；已重新写出回执文件：{result.answer}")
    else:
        print(f"已导入设备 {result.device_id} 的 {result.accepted} 条修改；"
              f"回执文件（含 {result.sent} 条新数据）：{result.answer}")
    return None


def cmd_server_export(args):
    from app.server import bundles
    from app.sync.bundle import BundleError

    try:
        result = bundles.export_file(args.db, args.device, args.out)
    except BundleError as exc:
        raise _bundle_error(exc) from None
    if args.json:
        print_json({"device": result.device_id, "answer": str(result.answer), "sent": result.sent})
    else:
        print(f"回执文件（含 {result.sent} 条新数据）：{result.answer}")


def cmd_server_enrol_file(args):
    from app.server import bundles
    from app.sync.bundle import BundleError

    try:
        result = bundles.enrolment_file(args.db, args.out, village=getattr(args, "village", None),
                                        township=getattr(args, "township", None))
    except BundleError as exc:
        raise _bundle_error(exc) from None
    if getattr(args, "json", False):
        print_json({"file": str(result.path), "code": result.code, "scope": result.scope,
                    "device": result.device_id})
        return
    print(result.code)
    print(f"离线登记文件已写出：{result.path}（范围 {result.scope}）。请把文件带到村里在童护中打开，"
          "登记码请另行告知儿童主任（电话或纸条），不要和文件放在一起。", file=sys.stderr)
