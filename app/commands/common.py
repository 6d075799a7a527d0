"""Helpers shared by the subcommands: opening a store, passwords, JSON output, error mapping."""

from __future__ import annotations

import getpass
import json
import logging
import os
import sys
from pathlib import Path

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


def open_store(args):
    from app.data.store import LoginLockedError, Store

    if not Path(args.store).exists():
        raise CliError(f"找不到数据文件: {args.store}")
    try:
        return Store.open(args.store, password(), user=args.user)
    except WrongPasswordError:
        raise CliError("密码错误", EXIT_WRONG_PASSWORD) from None
    except UnknownUserError:
        raise CliError("用户不存在，请用 --user 指定用户名", EXIT_WRONG_PASSWORD) from None
    except LoginLockedError as exc:
        raise CliError(f"密码错误次数过多，请在{exc.seconds}秒后再试", EXIT_WRONG_PASSWORD) from None


def print_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def run_handler(handler, args) -> int:
    """Run one command: expected errors become a message and an exit code, a closed pipe ends
    quietly, anything else is logged with its traceback and reported in one line."""
    try:
        result = handler(args)
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
