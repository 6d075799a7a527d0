"""`tonghu report / schoolroll / benefits / case` commands against a real store, and the demo extension."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.cli import main
from app.core import clock
from app.data.models import Child
from tests.conftest import PASSWORD
from tests.protection_fixtures import add_category, add_child


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """The commands run in this process, so they read the frozen clock (FROZEN_AT)."""
    return frozen_clock


def _run(capsys, monkeypatch, *argv):
    monkeypatch.setenv("TONGHU_PASSWORD", PASSWORD)
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_report_add_by_id_number_turns_red_and_alarms(store, store_path, capsys, monkeypatch):
    with store.session() as s:
        child = add_child(s, "郑小北", dt.date(2013, 3, 3))
    store.close()
    code, out, err = _run(capsys, monkeypatch, "report", "add", "--store", store_path, "--child", child.id_number,
                          "--found-at", (clock.local_now() - dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
                          "--description", "被锁在家中两天无人照料", "--situation", "面临其他危险")
    assert code == 0, err
    report_id = json.loads(out)["report_id"]
    code, out, err = _run(capsys, monkeypatch, "report", "alarms", "--store", store_path, "--json")
    alarms = json.loads(out)
    assert [a["report_id"] for a in alarms] == [report_id] and not alarms[0]["police_notified"]
    code, out, err = _run(capsys, monkeypatch, "report", "notify", "--store", store_path, report_id, "--notify", "公安",
                          "--receiver", "派出所")
    assert code == 0, err
    code, out, err = _run(capsys, monkeypatch, "report", "add", "--store", store_path, "--child", "110101201001011234",
                          "--found-at", "2026-01-01 10:00", "--description", "x")
    assert code == 2 and "找不到儿童" in err
    from app.data.store import Store

    with Store.open(store_path, PASSWORD) as st, st.read_session() as s:
        assert s.get(Child, child.id).colour == "红"


def test_schoolroll_import_messages_and_benefits_due(store, store_path, tmp_path, capsys, monkeypatch):
    with store.session() as s:
        orphan = add_child(s, "冯小西", dt.date(2012, 2, 2))
        add_category(s, orphan, "散居孤儿")
    store.close()
    roll = tmp_path / "roll.csv"
    roll.write_text("姓名,学生证件,学校\n冯小西,%s,东山小学\n" % orphan.id_number, encoding="utf-8")
    code, out, err = _run(capsys, monkeypatch, "schoolroll", "import", "--store", store_path, roll)
    assert code == 2 and "缺少必需的列：身份证号" in err
    code, out, err = _run(capsys, monkeypatch, "schoolroll", "import", "--store", store_path, roll, "--map", "学生证件=身份证号")
    assert code == 0, err
    assert json.loads(out)["counts"]["在籍"] == 1
    code, out, err = _run(capsys, monkeypatch, "benefits", "due", "--store", store_path, "--json")
    due = json.loads(out)
    assert [u["child"] for u in due["looks_eligible_unpaid"]] == ["冯小西"]
    code, out, err = _run(capsys, monkeypatch, "schoolroll", "sample", tmp_path / "s.xlsx", "--rows", "200")
    assert code == 0 and json.loads(out)["rows"] == 200


def test_demo_extension_adds_protection_records(store):
    from sqlalchemy import func, select

    from app.data import demo
    from app.data.models.protection import BenefitEntitlement, Case, MandatoryReport, SchoolRollImport

    demo.generate(store, 40, seed=5)
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(MandatoryReport)) == 2
        assert s.scalar(select(func.count()).select_from(Case)) == 2
        assert s.scalar(select(func.count()).select_from(SchoolRollImport)) == 1
        assert s.scalar(select(func.count()).select_from(BenefitEntitlement)) >= 1
