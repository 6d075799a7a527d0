"""The synthetic demo village: valid IDs, plausible households, a realistic category mix, captured."""

import datetime as dt
from collections import Counter

from sqlalchemy import func, select

from app.data import demo
from app.data.models import AuditEntry, CareArrangement, Child, ChildCategory, Guardian, Need, OutboxChange
from app.domain import idnumber, vocab

TODAY = dt.date(2026, 11, 23)


def test_demo_village(store):
    calls = []
    demo.DEMO_EXTENSIONS.append(lambda st, rng, today: calls.append((st, today)))
    try:
        demo.generate(store, 300, seed=5, today=TODAY)
    finally:
        demo.DEMO_EXTENSIONS.pop()
    assert calls == [(store, TODAY)]
    with store.read_session() as s:
        kids = s.scalars(select(Child)).all()
        assert len(kids) == 300
        numbers = [k.id_number for k in kids]
        assert len(set(numbers)) == 300
        for k in kids:
            info = idnumber.parse(k.id_number, TODAY)  # valid checksum and date
            assert info.birth_date == k.birth_date and info.sex == k.sex
            assert info.region.startswith("32")
            if k.status == vocab.STATUS_ACTIVE:
                assert 0 <= idnumber.age_on(k.birth_date, TODAY) <= 17
            assert k.pinyin_key and k.group_name.endswith("组")
        cats = Counter(s.scalars(select(ChildCategory.category)))
        assert cats[vocab.CATEGORY_LEFT_BEHIND] > 150
        assert sum(v for c, v in cats.items() if c != vocab.CATEGORY_LEFT_BEHIND) > 30
        carers = s.scalars(select(CareArrangement)).all()
        assert carers and all(60 <= c.carer_age <= 80 for c in carers)
        assert any(c.agreement_signed for c in carers)
        away = s.scalars(select(Guardian.work_place).where(Guardian.works_away.is_(True))).all()
        assert any("广东" in p or "浙江" in p or "上海" in p for p in away)
        # Every synced row went through change capture: one outbox change and one audit entry each.
        mine = [Child, Guardian, CareArrangement, ChildCategory, Need]
        rows = sum(s.scalar(select(func.count()).select_from(m)) for m in mine)
        created = s.scalar(select(func.count()).select_from(OutboxChange).where(
            OutboxChange.table_name.in_([m.__tablename__ for m in mine]), OutboxChange.field == "*"))
        assert created == rows  # (other features' demo data may then update some of these rows)
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.child_id.is_not(None))) >= 300
    assert store.setting("demo") == "1"


def test_demo_is_repeatable_and_adds(store):
    demo.generate(store, 20, seed=9, today=TODAY, with_extensions=False)
    demo.generate(store, 20, seed=9, today=TODAY, with_extensions=False)  # same seed again: IDs stay unique
    with store.read_session() as s:
        numbers = s.scalars(select(Child.id_number)).all()
    assert len(numbers) == 40 and len(set(numbers)) == 40
