"""The one error tree of the program.

Every error Tonghu raises on purpose derives from `TonghuError`: `message` is the text fit to show
a user (Chinese), `code` is a short stable name for logs and exit codes (never child data). Callers
catch `TonghuError` to show the message calmly; anything else that escapes is a bug, and goes to the
log and the crash dialog (`app/core/log.py`, `app/ui/errors.py`).
"""

from __future__ import annotations

__all__ = ["TonghuError", "NotFoundError"]


class TonghuError(Exception):
    """An expected failure with a message for the user and a code for the log."""

    code = "error"
    default_message = "操作未能完成"

    def __init__(self, message: str = "", *, code: str | None = None):
        super().__init__(message)
        self.message = message or self.default_message
        if code is not None:
            self.code = code

    def user_message(self) -> str:
        """What the user reads (never a traceback)."""
        return self.message


class NotFoundError(TonghuError, LookupError):
    """The row asked for does not exist, or has been deleted (a tombstone)."""

    code = "not_found"
    default_message = "找不到该记录，可能已被删除"
