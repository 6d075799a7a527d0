"""The date rules on the days calendars go wrong: month ends (31 Jan → Feb, 30 Nov → 1 Dec,
30 Jun → 1 Jul), leap days (a 2028-02-29 birthday, ages on 2029-02-28 and 03-01), New Year
(31 Dec → 1 Jan) and a laptop clock set back. Each test reads as what a child director checks:
is the child still under 18, when does the allowance stop, when is the next visit due, which
screening round is it, how long is the login locked.

Where a rule takes no date it reads "today" from the app's clock, which these tests freeze.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.core import clock
from app.domain import benefits as B
from app.domain import child_rules, idnumber, lockout, schedule, vocab
from app.domain.errors import ValidationError, ValidationErrors
from app.domain.policy import default_policy

D = dt.date
P = default_policy()
LEFT_BEHIND = vocab.CATEGORY_LEFT_BEHIND  # 农村留守儿童: until 16
ORPHAN = "散居孤儿"  # until 18


def make_id(birth: dt.date, seq: str = "123") -> str:
    first17 = f"320115{birth:%Y%m%d}{seq}"
    return first17 + idnumber.check_digit(first17)


def errors_of(fn, *args, **kw) -> dict[str, str]:
    with pytest.raises((ValidationError, ValidationErrors)) as exc:
        fn(*args, **kw)
    err = exc.value
    return err.by_field() if isinstance(err, ValidationErrors) else {err.field: err.message}


# -- age: 未满18岁 / 已满18岁 ------------------------------------------------------

@pytest.mark.parametrize("born, day_before, birthday", [
    (D(2010, 2, 28), D(2028, 2, 27), D(2028, 2, 28)),    # 18th birthday in a leap year, not on the 29th
    (D(2008, 2, 29), D(2026, 2, 28), D(2026, 3, 1)),     # leap-day child, common year: 1 March
    (D(2008, 11, 30), D(2026, 11, 29), D(2026, 11, 30)),
    (D(2008, 12, 1), D(2026, 11, 30), D(2026, 12, 1)),   # Nov 30 → Dec 1
    (D(2008, 6, 30), D(2026, 6, 29), D(2026, 6, 30)),
    (D(2008, 7, 1), D(2026, 6, 30), D(2026, 7, 1)),      # Jun 30 → Jul 1
    (D(2008, 12, 31), D(2026, 12, 30), D(2026, 12, 31)),
    (D(2009, 1, 1), D(2026, 12, 31), D(2027, 1, 1)),     # New Year
    (D(2009, 1, 31), D(2027, 1, 30), D(2027, 1, 31)),
])
def test_still_under_18_the_day_before_the_birthday_and_18_on_it(frozen_clock, born, day_before, birthday):
    assert child_rules.adult_on(born) == birthday
    frozen_clock.move_to(day_before)
    assert child_rules.age(born) == 17  # 未满18岁
    frozen_clock.move_to(birthday)
    assert child_rules.age(born) == 18  # 已满18岁


def test_a_leap_day_baby_turns_one_on_1_march_of_a_common_year(frozen_clock):
    born = D(2028, 2, 29)
    frozen_clock.move_to(D(2029, 2, 28))
    assert child_rules.age(born) == 0
    frozen_clock.move_to(D(2029, 3, 1))
    assert child_rules.age(born) == 1
    assert child_rules.age(born, D(2032, 2, 28)) == 3 and child_rules.age(born, D(2032, 2, 29)) == 4
    assert child_rules.adult_on(born) == D(2046, 3, 1)


def test_a_child_born_today_on_a_leap_day_can_be_registered_but_not_the_day_before(frozen_clock):
    number = make_id(D(2028, 2, 29))
    frozen_clock.move_to(D(2028, 2, 28))
    assert "晚于今天" in errors_of(idnumber.parse, number)["id_number"]
    frozen_clock.move_to(D(2028, 2, 29))
    assert idnumber.parse(number).birth_date == D(2028, 2, 29)


def test_new_child_refused_from_the_18th_birthday_across_new_year(frozen_clock):
    data = {"name": "周小北", "id_number": make_id(D(2009, 1, 1)), "village_code": "320115101201"}
    frozen_clock.move_to(D(2026, 12, 31))
    assert child_rules.clean_child(data)["birth_date"] == D(2009, 1, 1)
    frozen_clock.move_to(D(2027, 1, 1))
    assert errors_of(child_rules.clean_child, data)["id_number"] == "按身份证号码该儿童已年满18周岁，不能登记"


def test_status_aged_out_only_from_the_18th_birthday():
    born = D(2008, 7, 1)
    assert errors_of(child_rules.check_status, vocab.STATUS_AGED_OUT, D(2026, 6, 30), born, D(2026, 7, 1)) == {
        "status": "该儿童到2026-06-30尚未年满18周岁（2026-07-01满18周岁）"}
    assert child_rules.check_status(vocab.STATUS_AGED_OUT, D(2026, 7, 1), born, D(2026, 7, 1)) == (
        vocab.STATUS_AGED_OUT, D(2026, 7, 1))


# -- categories end by age: 留守 at 16, the others at 18 ----------------------------

@pytest.mark.parametrize("born, left_behind_ends, others_end", [
    (D(2012, 2, 29), D(2028, 2, 29), D(2030, 3, 1)),   # 16th birthday in a leap year, 18th in a common one
    (D(2010, 2, 28), D(2026, 2, 28), D(2028, 2, 28)),
    (D(2010, 12, 31), D(2026, 12, 31), D(2028, 12, 31)),
    (D(2011, 1, 1), D(2027, 1, 1), D(2029, 1, 1)),
])
def test_category_age_limits(born, left_behind_ends, others_end):
    assert child_rules.category_ends_on(LEFT_BEHIND, born) == left_behind_ends
    assert child_rules.category_ends_on(ORPHAN, born) == others_end


def test_left_behind_only_under_16_across_month_end(frozen_clock):
    born = D(2010, 12, 1)
    frozen_clock.move_to(D(2026, 11, 30))
    assert child_rules.clean_category({"category": LEFT_BEHIND}, birth_date=born)["category"] == LEFT_BEHIND
    frozen_clock.move_to(D(2026, 12, 1))
    assert errors_of(child_rules.clean_category, {"category": LEFT_BEHIND}, birth_date=born) == {
        "category": "“农村留守儿童”限未满16周岁的儿童"}
    assert child_rules.clean_category({"category": ORPHAN}, birth_date=born)["since"] == D(2026, 12, 1)


def test_left_behind_leap_day_child_is_16_on_29_february_of_a_leap_year():
    born = D(2012, 2, 29)
    assert child_rules.clean_category({"category": LEFT_BEHIND}, D(2028, 2, 28), born)["category"] == LEFT_BEHIND
    assert "category" in errors_of(child_rules.clean_category, {"category": LEFT_BEHIND}, D(2028, 2, 29), born)


# -- benefits: paid through the month of the 18th birthday --------------------------

@pytest.mark.parametrize("born, last_paid_day", [
    (D(2010, 2, 28), D(2028, 2, 29)),   # turns 18 on 2028-02-28: paid through leap February
    (D(2008, 2, 29), D(2026, 3, 31)),   # turns 18 on 1 March 2026: paid through March
    (D(2009, 1, 31), D(2027, 1, 31)),
    (D(2009, 2, 1), D(2027, 2, 28)),    # Jan 31 → Feb
    (D(2008, 11, 30), D(2026, 11, 30)),
    (D(2008, 12, 1), D(2026, 12, 31)),  # Nov 30 → Dec 1
    (D(2008, 6, 30), D(2026, 6, 30)),
    (D(2008, 7, 1), D(2026, 7, 31)),    # Jun 30 → Jul 1
    (D(2008, 12, 31), D(2026, 12, 31)),
    (D(2009, 1, 1), D(2027, 1, 31)),    # New Year
])
def test_allowance_stops_after_the_month_of_the_18th_birthday(born, last_paid_day):
    ent = B.EntitlementFacts("e1", B.SCATTERED_ORPHAN, D(2020, 1, 1))
    due = B.due_end(ent, born, [B.CategoryFacts(ORPHAN, D(2020, 1, 1))])
    assert due.end_date == last_paid_day
    assert due.reason == f"年满18周岁（{B.adult_on(born).isoformat()}）"
    months = B.paid_months(ent.start_date, due.end_date, D(2030, 1, 1))
    assert months[-1] == f"{last_paid_day:%Y-%m}"
    next_month = last_paid_day + dt.timedelta(days=1)
    assert B.month_key(next_month) not in months


def test_eligible_until_the_day_before_the_18th_birthday():
    cats = [B.CategoryFacts(ORPHAN, D(2020, 1, 1))]
    born = D(2008, 12, 1)
    assert B.eligible_kinds(cats, born, D(2026, 11, 30)) == [B.SCATTERED_ORPHAN]
    assert B.eligible_kinds(cats, born, D(2026, 12, 1)) == []
    born = D(2009, 1, 1)
    assert B.eligible_kinds(cats, born, D(2026, 12, 31)) == [B.SCATTERED_ORPHAN]
    assert B.eligible_kinds(cats, born, D(2027, 1, 1)) == []


@pytest.mark.parametrize("ended, last_paid_day", [
    (D(2027, 2, 15), D(2027, 2, 28)),
    (D(2028, 2, 15), D(2028, 2, 29)),
    (D(2026, 12, 31), D(2026, 12, 31)),
    (D(2027, 1, 1), D(2027, 1, 31)),
    (D(2026, 6, 30), D(2026, 6, 30)),
])
def test_category_ended_mid_month_is_paid_to_that_months_end(ended, last_paid_day):
    ent = B.EntitlementFacts("e1", B.SCATTERED_ORPHAN, D(2020, 1, 1))
    due = B.due_end(ent, D(2015, 5, 5), [B.CategoryFacts(ORPHAN, D(2020, 1, 1), ended)])
    assert (due.end_date, due.reason) == (last_paid_day, f"类别已终止（{ended.isoformat()}）")


def test_paid_months_across_new_year_and_february():
    assert B.months_between(D(2026, 12, 31), D(2027, 1, 1)) == ["2026-12", "2027-01"]
    assert B.paid_months(D(2026, 11, 30), None, D(2027, 3, 1)) == ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]
    assert B.month_end(D(2028, 2, 1)) == D(2028, 2, 29) and B.month_end(D(2027, 2, 1)) == D(2027, 2, 28)


# -- visits: next due, overdue --------------------------------------------------------

@pytest.mark.parametrize("colour, last, due", [
    ("红", D(2026, 12, 28), D(2027, 1, 4)),
    ("黄", D(2026, 12, 20), D(2027, 1, 4)),
    ("红", D(2026, 6, 30), D(2026, 7, 7)),
    ("黄", D(2026, 11, 30), D(2026, 12, 15)),
    ("黄", D(2028, 2, 20), D(2028, 3, 6)),       # through 29 February
    ("黄", D(2027, 2, 20), D(2027, 3, 7)),
    ("蓝", D(2026, 12, 15), D(2027, 1, 14)),
    ("绿", D(2026, 11, 30), D(2026, 12, 30)),
    ("", D(2026, 6, 30), D(2026, 7, 30)),        # not yet assessed: 一月一访
    # 一月一访 is 30 days (docs/visit-policy.md): a visit on 31 January falls due in March,
    # so no visit is due in February (2 March, or 1 March in a leap year).
    ("绿", D(2027, 1, 31), D(2027, 3, 2)),
    ("绿", D(2028, 1, 31), D(2028, 3, 1)),
])
def test_next_visit_due_across_month_ends_and_new_year(colour, last, due):
    assert schedule.next_due(P, colour, last) == due


def test_raised_to_red_on_new_years_day_is_due_no_earlier_than_that_day():
    # 绿, visited 15 Dec; raised to 红 on 1 Jan: last visit + 7 = 22 Dec has passed, so due 1 Jan
    state = schedule.colour_state([(D(2026, 11, 1), "绿"), (D(2027, 1, 1), "红")])
    assert schedule.next_due_for(P, state, D(2026, 12, 15)) == D(2027, 1, 1)


@pytest.mark.parametrize("due, today, late", [
    (D(2026, 12, 31), D(2026, 12, 31), 0),   # due today: not late yet
    (D(2026, 12, 31), D(2027, 1, 1), 1),
    (D(2027, 1, 31), D(2027, 2, 1), 1),
    (D(2026, 11, 30), D(2026, 12, 1), 1),
    (D(2026, 6, 30), D(2026, 7, 1), 1),
    (D(2028, 2, 28), D(2028, 3, 1), 2),      # leap year: 29 February counts
    (D(2027, 2, 28), D(2027, 3, 1), 1),
    (D(2026, 12, 1), D(2027, 1, 1), 31),
    (D(2027, 1, 4), D(2026, 12, 31), 0),
])
def test_days_overdue(due, today, late):
    assert schedule.overdue_days(due, today) == late


def test_week_and_month_across_new_year_and_february():
    # Thursday 31 Dec 2026 and Friday 1 Jan 2027 share the week Monday 28 Dec – Sunday 3 Jan
    assert schedule.week_bounds(D(2026, 12, 31)) == schedule.week_bounds(D(2027, 1, 1)) == (D(2026, 12, 28), D(2027, 1, 3))
    assert schedule.month_bounds(D(2026, 12, 31)) == (D(2026, 12, 1), D(2026, 12, 31))
    assert schedule.month_bounds(D(2027, 1, 1)) == (D(2027, 1, 1), D(2027, 1, 31))
    assert schedule.month_bounds(D(2028, 2, 29)) == (D(2028, 2, 1), D(2028, 2, 29))
    assert schedule.month_bounds(D(2027, 2, 1)) == (D(2027, 2, 1), D(2027, 2, 28))


def test_new_year_arrives_at_midnight_in_shanghai_not_in_utc():
    utc = dt.timezone.utc
    with clock.frozen(dt.datetime(2026, 12, 31, 15, 59, 59, tzinfo=utc)) as frozen:
        assert schedule.today_local() == D(2026, 12, 31)
        frozen.advance(seconds=1)  # 00:00 on 1 January in Shanghai
        assert schedule.today_local() == D(2027, 1, 1)
        assert schedule.week_bounds(schedule.today_local())[0] == D(2026, 12, 28)


# -- screening rounds (一年两排) ----------------------------------------------------------

@pytest.mark.parametrize("day, name, start, end", [
    (D(2026, 1, 1), "2026年上半年排查", D(2026, 1, 1), D(2026, 6, 30)),
    (D(2026, 6, 30), "2026年上半年排查", D(2026, 1, 1), D(2026, 6, 30)),
    (D(2026, 7, 1), "2026年下半年排查", D(2026, 7, 1), D(2026, 12, 31)),
    (D(2026, 12, 31), "2026年下半年排查", D(2026, 7, 1), D(2026, 12, 31)),
    (D(2027, 1, 1), "2027年上半年排查", D(2027, 1, 1), D(2027, 6, 30)),
    (D(2028, 2, 29), "2028年上半年排查", D(2028, 1, 1), D(2028, 6, 30)),
])
def test_screening_round_holding_the_day(day, name, start, end):
    assert schedule.screening_round(day) == (name, start, end)


def test_screening_rounds_cover_every_day_once_and_follow_each_other():
    day, previous = D(2026, 1, 1), None
    while day <= D(2028, 12, 31):
        name, start, end = schedule.screening_round(day)
        assert start <= day <= end
        if previous and previous[0] != name:
            assert start == previous[2] + dt.timedelta(days=1)  # no gap, no overlap
        previous = (name, start, end)
        day += dt.timedelta(days=1)


# -- login lock-out -----------------------------------------------------------------------

def _at(*args) -> float:
    return dt.datetime(*args, tzinfo=dt.timezone.utc).timestamp()


def test_lockout_counts_seconds_straight_through_midnight_on_new_years_eve():
    failed = _at(2026, 12, 31, 23, 59, 50)
    delay = lockout.delay_after(lockout.FREE_ATTEMPTS)  # 30 s after the third wrong password
    assert lockout.seconds_left(lockout.FREE_ATTEMPTS, failed, failed) == delay
    assert lockout.seconds_left(lockout.FREE_ATTEMPTS, failed, _at(2027, 1, 1, 0, 0, 10)) == delay - 20
    assert lockout.seconds_left(lockout.FREE_ATTEMPTS, failed, _at(2027, 1, 1, 0, 0, 20)) == 0
    hour = lockout.delay_after(20)  # the longest delay: an hour, across the end of February
    failed = _at(2028, 2, 29, 23, 30)
    assert lockout.seconds_left(20, failed, _at(2028, 3, 1, 0, 0)) == hour - 1800
    assert lockout.seconds_left(20, failed, _at(2028, 3, 1, 0, 30)) == 0


def test_lockout_is_never_longer_than_its_delay_when_the_clock_is_set_back():
    failed = _at(2026, 12, 31, 23, 59, 50)
    delay = lockout.delay_after(5)
    # set back a little (less than the delay): wait the delay, no more
    assert lockout.seconds_left(5, failed, failed - 10) == delay
    # set back a year (a flat CMOS battery): not locked until 2027
    assert lockout.seconds_left(5, failed, _at(2025, 12, 31, 23, 59, 50)) == 0
