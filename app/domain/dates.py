"""A date given as a date, a datetime or ISO text (2027-03-01): how a stored value, a form's value
or a policy file's value becomes a `datetime.date`. Callers turn the ValueError into their own
message (a form field's, a policy file's)."""

from __future__ import annotations

import datetime as dt


def iso_date(value: object) -> dt.date:
    """`value` as a date: a datetime's date, a date as it is, anything else read as ISO text.
    Raises ValueError when the text is not an ISO date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
