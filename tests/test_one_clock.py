"""One clock (issue 14): app code reads "now" and "today" only through `app.core.clock`.

A direct read of the wall clock (`date.today()`, `datetime.now()`, `time.time()`,
`QDate.currentDate()`, …) anywhere else is a place a test cannot freeze, so the suite passes on
some days and fails on others (it did on 1 December and 1 July). The scan below lists them.
`time.monotonic()` / `perf_counter()` measure durations and are fine.
"""

from __future__ import annotations

import datetime as dt
import io
import tokenize
from pathlib import Path

from app.core import clock
from app.domain import child_rules, schedule

ROOT = Path(__file__).resolve().parents[1]
CLOCK_MODULE = "app/core/clock.py"
# Folders the lead converts himself (issue 14); empty this once they read app.core.clock too.
NOT_YET_CONVERTED: tuple[str, ...] = ()

# `owner.attribute` pairs that read the wall clock (called or passed as a function).
WALL_CLOCK_READS = {
    ("date", "today"), ("datetime", "today"), ("datetime", "now"), ("datetime", "utcnow"),
    ("time", "time"), ("time", "time_ns"),
    ("QDate", "currentDate"), ("QTime", "currentTime"), ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"), ("QDateTime", "currentMSecsSinceEpoch"),
    ("QDateTime", "currentSecsSinceEpoch"),
}
# These read the clock only when called without a time argument.
READS_WHEN_CALLED_EMPTY = {("time", "localtime"), ("time", "gmtime"), ("time", "ctime")}


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, text) of every direct wall-clock read in Python source; strings and comments don't count."""
    skip = (tokenize.COMMENT, tokenize.STRING, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type not in skip]
    lines = source.splitlines()
    found = []
    for i in range(len(tokens) - 2):
        owner, dot, attr = tokens[i], tokens[i + 1], tokens[i + 2]
        if dot.string != "." or owner.type != tokenize.NAME or attr.type != tokenize.NAME:
            continue
        pair = (owner.string, attr.string)
        called_empty = [t.string for t in tokens[i + 3:i + 5]] == ["(", ")"]
        if pair in WALL_CLOCK_READS or (pair in READS_WHEN_CALLED_EMPTY and called_empty):
            found.append((owner.start[0], lines[owner.start[0] - 1].strip()))
    return found


def test_the_scan_finds_reads_in_code_but_not_in_text():
    source = '''"""Never call dt.date.today() here."""
import datetime as dt, time
from PySide6.QtCore import QDate

def f(today=None):
    # time.time() in a comment is harmless
    start = time.monotonic()
    a = today or dt.date.today()
    b = dt.datetime.now(dt.timezone.utc)
    c = QDate.currentDate()
    d = time.localtime()
    e = time.localtime(12345)
    return "datetime.now()", clock.today(), schedule.today_local(), a, b, c, d, e, start

class Row:
    at = Column(default=dt.datetime.utcnow)
'''
    assert [line for line, _ in wall_clock_reads(source)] == [8, 9, 10, 11, 16]


def test_app_reads_the_wall_clock_only_through_app_core_clock():
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == CLOCK_MODULE or rel.startswith(NOT_YET_CONVERTED):
            continue
        for line, text in wall_clock_reads(path.read_text(encoding="utf-8")):
            offenders.append(f"{rel}:{line}: {text}")
    assert not offenders, "read the time through app.core.clock (now/utcnow/local_now/today/timestamp):\n" + \
        "\n".join(offenders)


def test_not_yet_converted_folders_still_exist():
    """An allow-list entry for a folder that is gone (or converted and moved) must go too."""
    for folder in NOT_YET_CONVERTED:
        assert (ROOT / folder).is_dir(), f"NOT_YET_CONVERTED lists {folder}, which no longer exists"


def test_the_app_follows_a_frozen_clock_and_gets_the_real_one_back():
    with clock.frozen(dt.date(2029, 3, 1)) as frozen:
        assert clock.today() == dt.date(2029, 3, 1)
        assert schedule.today_local() == dt.date(2029, 3, 1)  # local noon: the same day in Shanghai
        assert child_rules.age(dt.date(2028, 2, 29)) == 1  # a leap-day baby turns 1 on 1 March
        frozen.move_to(dt.date(2029, 2, 28))
        assert child_rules.age(dt.date(2028, 2, 29)) == 0
        frozen.advance(days=1)
        assert clock.today() == dt.date(2029, 3, 1)
    # back on the system clock (the one place a test compares with it)
    assert abs(clock.now() - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(seconds=5)
