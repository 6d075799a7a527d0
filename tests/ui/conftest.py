"""Fixtures for the UI tests: a UI context over the real encrypted store, a few synthetic children."""

from __future__ import annotations

import pytest

from app.data import children as data
from app.domain.idnumber import check_digit


def make_id(birth: str = "20150101", serial: str = "123", region: str = "320115") -> str:
    first17 = region + birth + serial
    return first17 + check_digit(first17)


def bad_checksum(number: str) -> str:
    last = "0" if number[-1] != "0" else "1"
    return number[:-1] + last


@pytest.fixture
def ctx(store, qapp):
    from app.ui.context import UiContext

    return UiContext(store)


@pytest.fixture
def kids(store):
    """Four children: 张小明 (留守, 红), 李华 (孤儿, 黄), 王芳 (留守+低保), 赵强 (已转出)."""
    from app.data.models import Child

    specs = [
        ("张小明", make_id("20150101", "123"), ["农村留守儿童"], "红"),
        ("李华", make_id("20120305", "214"), ["散居孤儿"], "黄"),
        ("王芳", make_id("20180720", "326"), ["农村留守儿童", "低保家庭儿童"], ""),
        ("赵强", make_id("20100909", "417"), ["重残儿童"], "绿"),
    ]
    ids = {}
    with store.session() as s:
        for name, number, cats, _ in specs:
            child = data.save_child(s, {"name": name, "id_number": number, "categories": cats})
            ids[name] = child.id
    with store.session() as s:
        for name, _, _, colour in specs:
            s.get(Child, ids[name]).colour = colour
        data.set_status(s, ids["赵强"], "已转出", note="随父母迁走")
    return ids
