"""Issue 13: `tonghu visit amend --set reassess=false` reads as false (values typed as text)."""

import datetime as dt

import pytest

from app.data import children as C
from app.data import visits as V
from app.domain import idnumber, vocab
from app.domain.errors import ValidationErrors


def test_reassess_typed_as_text_is_read_as_a_yes_or_no(store):
    body = "32011520150315123"
    with store.session() as s:
        cid = C.save_child(s, {"name": "张小明", "id_number": body + idnumber.check_digit(body),
                               "categories": [vocab.CATEGORY_LOW_INCOME]}).id
        visit = V.record_visit(s, cid, dt.date(2026, 11, 2), "入户", reassess=True)
        for text, expected in (("false", False), ("true", True), ("否", False), ("0", False), ("是", True)):
            assert V.amend_visit(s, visit.id, "核对", reassess=text).reassess is expected, text
        with pytest.raises(ValidationErrors) as exc:
            V.amend_visit(s, visit.id, "核对", reassess="maybe")
        assert "reassess" in exc.value.by_field()
