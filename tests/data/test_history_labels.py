"""Issue 13: the change history (变更记录) never shows internal table or column names such as
`screening_record` or `visit_date`."""

import datetime as dt
import re

from app.data import children as C
from app.data import visits as V
from app.domain import idnumber, vocab


def test_history_speaks_chinese_for_every_record_kind(store):
    body = "32011520150315123"
    with store.session() as s:
        cid = C.save_child(s, {"name": "张小明", "id_number": body + idnumber.check_digit(body),
                               "categories": [vocab.CATEGORY_LOW_INCOME]}).id
        V.record_assessment(s, cid, {}, colour="黄", override_reason="测试")
        v = V.record_visit(s, cid, dt.date(2026, 11, 2), "入户", findings="初记")
        V.amend_visit(s, v.id, "补充", findings="补记")
        rnd = V.open_round(s, "2026年下半年排查", dt.date(2026, 11, 1), dt.date(2026, 12, 31))
        V.screen_child(s, rnd.id, cid, on=dt.date(2026, 11, 3))
    with store.read_session() as s:
        lines = [C.describe_audit(e) for e in C.audit_trail(s, cid)]
    assert lines
    text = "\n".join(lines)
    assert "走访记录" in text and "排查记录" in text and "分级分色评估" in text
    assert not re.search(r"[a-z]+_[a-z_]+", text), text     # no screening_record, visit_date …
