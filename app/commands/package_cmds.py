"""`tonghu self-check` (also `tonghu --self-check`): check an installed copy works end to end."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("self-check", help="自检：临时加密数据文件读写、PDF 打印、界面组件")
    p.add_argument("--no-gui", action="store_true", help="skip the Qt check (no display available)")
    p.set_defaults(handler=cmd_self_check)


def cmd_self_check(args) -> int:
    from app import selfcheck

    return selfcheck.run(gui=not args.no_gui)
