"""The program's log: one rotating file in the user's log folder, with child data filtered out.

`setup("app")` (the desktop) or `setup("cli")` (the command line) sends every `logging` record of
the process to `<log dir>/tonghu-<kind>.log` (1 MB, five old files kept). The log folder is
platformdirs' `user_log_dir("tonghu")`; `TONGHU_LOG_DIR` overrides it (tests, portable installs).

Children's records must never reach disk unencrypted (DESIGN §5), and a log is disk. Every line
goes through `scrub()` before it is written: 18-digit ID numbers, phone numbers, SQL parameters,
and the values of name / note / address-like fields (`name=…`, `'notes': '…'`, `姓名：…`) become
`[已隐去]`. Code logs ids (UUIDs), counts and error codes, never names; the filter is the net under
that rule, not a licence to break it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

__all__ = ["setup", "log_dir", "log_file", "scrub", "ScrubFilter", "REDACTED"]

REDACTED = "[已隐去]"
ENV_DIR = "TONGHU_LOG_DIR"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# Field names whose values are personal data or free text written by a person.
_SENSITIVE_KEYS = (
    "name|display_name|child_name|guardian_name|caregiver|caregiver_name|reporter|reporter_name|"
    "notes?|findings|remarks?|comment|problem|description|address|household_address|phone|mobile|"
    "id_number|id_no|bank_account|work_place|reason|end_reason|summary|"
    "姓名|名字|监护人|照护人|备注|情况|地址|电话|手机|身份证号?|公民身份号码|说明|原因"
)
_QUOTED = re.compile(
    r"""(?P<key>['"]?(?:%s)['"]?\s*[:=：]\s*)(?P<q>['"])(?:\\.|(?!(?P=q)).)*(?P=q)""" % _SENSITIVE_KEYS,
    re.IGNORECASE,
)
_BARE = re.compile(r"""(?P<key>(?<![A-Za-z_])(?:%s)\s*[:=：]\s*)(?![\['"])[^,;，；、\s)}\]]+""" % _SENSITIVE_KEYS,
                   re.IGNORECASE)
_SQL_PARAMS = re.compile(r"\[parameters: .*?\](?=\s*(?:\n|\(Background|$))", re.DOTALL)
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")


def scrub(text: str) -> str:
    """`text` with ID numbers, phone numbers, SQL parameters and personal field values hidden."""
    if not text:
        return text
    text = _SQL_PARAMS.sub("[parameters: " + REDACTED + "]", text)
    text = _QUOTED.sub(lambda m: m.group("key") + REDACTED, text)
    text = _BARE.sub(lambda m: m.group("key") + REDACTED, text)
    text = _ID_NUMBER.sub(REDACTED, text)
    text = _MOBILE.sub(REDACTED, text)
    return _LANDLINE.sub(REDACTED, text)


class ScrubFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) through `scrub` before any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


def log_dir() -> Path:
    """The folder the log files live in (created on first use)."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    from platformdirs import user_log_dir

    return Path(user_log_dir("tonghu", appauthor=False))


def log_file(kind: str = "app") -> Path:
    return log_dir() / f"tonghu-{kind}.log"


_installed: dict[str, logging.Handler] = {}


def setup(kind: str = "app", level: int = logging.INFO) -> Path:
    """Send this process's log records to the rotating file for `kind`; returns the file's path.

    Idempotent per (kind, folder). If the folder cannot be written (read-only profile), records go
    to stderr instead: the program must still start.
    """
    path = log_file(kind)
    key = f"{kind}:{path}"
    root = logging.getLogger()
    if key in _installed:
        return path
    for old in list(_installed):
        if old.startswith(f"{kind}:"):
            root.removeHandler(_installed.pop(old))
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(ScrubFilter())
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _installed[key] = handler
    return path
