"""A county policy file whose screening rounds or deadlines are not an array of tables is refused with
the problem named, like any other mistake in the file (it crashed with a TypeError before)."""

from __future__ import annotations

import pytest

from app.domain import county_policy
from app.domain.county_policy import CountyPolicyError
from app.domain.policy import default_policy

HEAD = '[policy]\nversion = 1\n'


@pytest.mark.parametrize("text, problem", [
    ("screening = 5\n", "第 1 个 [[screening]] 缺少名称 name"),
    ("deadline = true\n", "第 1 个 [[deadline]] 缺少名称 name"),
    ('[screening]\nname = "春季排查"\nstart = 2027-03-01\nend = 2027-03-31\n', "第 1 个 [[screening]] 缺少名称 name"),
    ('screening = ["春季排查"]\n', "第 1 个 [[screening]] 缺少名称 name"),
])
def test_rounds_and_deadlines_must_be_arrays_of_tables(text, problem):
    with pytest.raises(CountyPolicyError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        county_policy.parse(text + HEAD if not text.startswith("[") else HEAD + text, default_policy())


def test_arrays_of_tables_still_read():
    text = HEAD + ('[[screening]]\nname = "春季排查"\nstart = 2027-03-01\nend = 2027-03-31\n'
                   '[[deadline]]\nname = "年报"\ndate = 2027-12-31\n')
    found = county_policy.parse(text, default_policy())
    assert [(r.name, str(r.start), str(r.end)) for r in found.screening] == [("春季排查", "2027-03-01", "2027-03-31")]
    assert [(d.name, str(d.date)) for d in found.deadlines] == [("年报", "2027-12-31")]
