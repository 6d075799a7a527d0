"""Helpers shared by the subcommands: opening a store, passwords, JSON output, error mapping."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

from app.data.keys import UnknownUserError, WrongPasswordError
from app.domain.errors import ValidationError, ValidationErrors

EXIT_OK, EXIT_FAIL, EXIT_BAD_INPUT, EXIT_WRONG_PASSWORD = 0, 1, 2, 3


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


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
    try:
        result = handler(args)
    except CliError as exc:
        print(f"tonghu: {exc}", file=sys.stderr)
        return exc.code
    except ValidationErrors as exc:
        print("tonghu: " + "；".join(e.message for e in exc.errors), file=sys.stderr)
        return EXIT_BAD_INPUT
    except ValidationError as exc:
        print(f"tonghu: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK if result is None else int(result)
