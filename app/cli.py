"""The `tonghu` command line (also `python -m app.cli`).

Each feature registers its subcommands from a module in `app/commands/`; this file only builds
the parser and maps errors to exit codes: 0 ok, 1 failure, 2 bad input, 3 wrong password.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from app import __version__
from app.commands.common import EXIT_BAD_INPUT

# Feature modules, each with `register(subparsers)`; add yours here.
COMMAND_MODULES = [
    "app.commands.store_cmds",
    "app.commands.children_cmds",
    "app.commands.ui_cmds",
    "app.commands.visits_cmds",
    "app.commands.print_cmds",
    "app.commands.package_cmds",
    "app.commands.sync_cmds",
    "app.commands.server_cmds",
    "app.commands.bundle_cmds",  # after sync_cmds/server_cmds: extends their parsers
    "app.commands.protection_cmds",
    "app.commands.duplicates_cmds",  # after server_cmds: adds `server duplicates`
    "app.commands.backup_cmds",
    "app.commands.server_guard_cmds",  # after server_cmds: adds `server audit-gaps`, `server backup`
]

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tonghu", description="童护 — 农村留守儿童和困境儿童关爱服务")
    parser.add_argument("--version", action="version", version=f"tonghu {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--self-check"]:  # top-level flag of the installed program
        argv[0] = "self-check"
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    from app.commands.common import run_handler
    from app.core import log

    log.setup("cli")
    return run_handler(handler, args)


if __name__ == "__main__":
    sys.exit(main())
