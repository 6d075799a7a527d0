"""Helpers shared by the subcommands: opening a store, passwords, JSON output, error mapping.

Cleanup has one place: `run_handler` runs each command inside an `ExitStack`, and `open_store`
(or `closes(x)` for anything else a command opens: a new store, the county database) puts the
resource on it, so it is closed when the command ends, however it ends. Commands never write
their own try/finally to close."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TypeVar

from app.core import log
from app.core.errors import TonghuError
from app.data.keys import UnknownUserError, WrongPasswordError
from app.domain.errors import ValidationError, ValidationErrors

EXIT_OK, EXIT_FAIL, EXIT_BAD_INPUT, EXIT_WRONG_PASSWORD = 0, 1, 2, 3

logger = logging.getLogger(__name__)


class CliError(TonghuError):
    """A command failed in a way the user can fix; `exit_code` is the process's exit status."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message, code=f"cli_{code}")
        self.exit_code = code


def add_store_arg(parser) -> None:
    parser.add_argument("--store", required=True, type=Path, help="store file (.store)")
    parser.add_argument("--user", default=os.environ.get("TONGHU_USER"), help="user name (default: the only user)")


def password(prompt: str = "密码: ") -> str:
    value = os.environ.get("TONGHU_PASSWORD")
    if value is not None:
        return value
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if line:
            return line.rstrip("\n")
    return getpass.getpass(prompt)


_T = TypeVar("_T")
_cleanup: list[ExitStack] = []  # the running command's stack (innermost last)


def closes(resource: _T) -> _T:
    """Close `resource` (anything with `.close()`) when the running command ends; returns it."""
    if _cleanup:
        _cleanup[-1].callback(resource.close)  # type: ignore[attr-defined]
    return resource


def open_store(args):
    """The store named by `--store`, signed in; closed when the command ends (`closes`)."""
    from app.data.store import LoginLockedError, Store

    if not Path(args.store).exists():
        raise CliError(f"找不到数据文件: {args.store}")
    try:
        return closes(Store.open(args.store, password(), user=args.user))
    except WrongPasswordError:
        raise CliError("密码错误", EXIT_WRONG_PASSWORD) from None
    except UnknownUserError:
        raise CliError("用户不存在，请用 --user 指定用户名", EXIT_WRONG_PASSWORD) from None
    except LoginLockedError as exc:
        raise CliError(f"密码错误次数过多，请在{exc.seconds}秒后再试", EXIT_WRONG_PASSWORD) from None


def print_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def subcommands_of(parser: argparse.ArgumentParser):
    """The parser's subcommands (what `add_subparsers` returned), made when it has none yet: how a
    command module adds its commands under `server` whichever module made that parser."""
    for action in parser._actions:  # argparse keeps no public accessor for this
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="server_command", metavar="COMMAND")


def add_json_arg(parser) -> None:
    parser.add_argument("--json", action="store_true", help="输出JSON（供脚本使用）")


def print_rows(args, rows: list[dict], columns: list[str]) -> None:
    """A listing: with `--json` a JSON array of `rows`, else one tab-separated line of `columns` per row."""
    if getattr(args, "json", False):
        print_json(rows)
        return
    for row in rows:
        print("\t".join("" if row.get(c) is None else str(row.get(c)) for c in columns))


def run_handler(handler, args) -> int:
    """Run one command: expected errors become a message and an exit code, a closed pipe ends
    quietly, anything else is logged with its traceback and reported in one line."""
    try:
        with ExitStack() as stack:
            _cleanup.append(stack)
            try:
                result = handler(args)
            finally:
                _cleanup.pop()
        sys.stdout.flush()
    except BrokenPipeError:
        return closed_pipe()
    except CliError as exc:
        print(f"tonghu: {exc}", file=sys.stderr)
        return exc.exit_code
    except ValidationErrors as exc:
        print("tonghu: " + "；".join(e.message for e in exc.errors), file=sys.stderr)
        return EXIT_BAD_INPUT
    except ValidationError as exc:
        print(f"tonghu: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except TonghuError as exc:
        logger.info("command refused: %s", exc.code)
        print(f"tonghu: {exc.user_message()}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("tonghu: 已中断", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug: keep the traceback in the log, say one calm line
        logger.error("unexpected error in command %s", getattr(args, "command", "?"), exc_info=True)
        print(f"tonghu: 出现意外错误（{type(exc).__name__}），详情已写入日志 {log.log_file('cli')}", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_OK if result is None else int(result)


EXIT_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader went away


def closed_pipe() -> int:
    """The reader of our output went away (`tonghu children --json | head -1`): stop quietly.

    Later writes (and the interpreter's final flush) go to devnull, so no traceback is printed."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (tests capture it)
        pass
    return EXIT_PIPE
