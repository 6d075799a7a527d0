"""学籍库比对 import over real encrypted stores: 5,000 rows with bad rows, header variants and a
duplicate ID; all-or-nothing; idempotent; 劝返复学 tasks opened and closed; file errors."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.data import schoolroll_import as imp
from app.data import schoolroll_sample as sample
from app.data.models import AuditEntry, Child, OutboxChange
from app.data.models.protection import ReturnToSchoolTask, SchoolRollFinding, SchoolRollImport
from app.domain import schoolroll as rules
from app.domain.errors import ValidationError

TODAY = dt.date(2026, 11, 2)


def _load_village(store, kids):
    with store.session() as s:
        for k in kids:
            s.add(Child(village_code="320115101201", name=k.name, id_number=k.id_number, sex=k.sex,
                        birth_date=k.birth_date, school=k.school, school_stage=k.school_stage))


@pytest.fixture(scope="module")
def roll_5000(tmp_path_factory):
    kids = sample.village_children(80, seed=7, today=TODAY)
    header, rows, expected = sample.make_roll(kids, today=TODAY, total=5000)
    path = tmp_path_factory.mktemp("roll") / "学籍名册.xlsx"
    sample.write_xlsx(path, header, rows, title="2026年秋季学期 秣陵街道 学籍名册")
    return kids, path, expected


def test_5000_rows_refused_whole_when_rows_are_bad(store, roll_5000):
    kids, path, expected = roll_5000
    _load_village(store, kids)
    with pytest.raises(imp.RollRowsError) as err:
        with store.session() as s:
            imp.import_roll(s, path, today=TODAY)
    rows = [e.row_no for e in err.value.errors]
    # +1: the title line above the header shifts every row down by one
    assert rows == sorted([r + 1 for r in expected.bad_rows] + [expected.duplicate_row + 1])
    assert "第" in err.value.message and "行" in err.value.message and "未导入任何数据" in err.value.message
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(SchoolRollImport)) == 0
        assert s.scalar(select(func.count()).select_from(SchoolRollFinding)) == 0
        assert s.scalar(select(func.count()).select_from(ReturnToSchoolTask)) == 0


def test_5000_rows_exact_results_when_skipping_bad_rows(store, roll_5000):
    kids, path, expected = roll_5000
    _load_village(store, kids)
    with store.session() as s:
        result = imp.import_roll(s, path, today=TODAY, skip_bad=True)
    assert result.counts[rules.DROPOUT_RISK] == 6
    assert result.counts[rules.OTHER_SCHOOL] == 4
    assert result.counts[rules.UNCERTAIN] == 3
    assert result.counts[rules.UNKNOWN_TO_VILLAGE] == 6
    assert result.counts["错误行"] == 9
    assert result.counts["行数"] == 5000
    assert result.counts["在籍"] == expected.on_roll
    messages = {e.row_no: e.message for e in result.skipped}
    dup = expected.duplicate_row + 1
    assert "重复" in messages[dup]
    by_kind = [m for m in messages.values()]
    assert any("校验位" in m for m in by_kind) and any("18位" in m for m in by_kind)
    assert any("姓名为空" in m for m in by_kind) and any("学校为空" in m for m in by_kind)
    assert any("不存在" in m for m in by_kind) and any("无法识别" in m for m in by_kind)
    assert any("不一致" in m for m in by_kind) and any("都为空" in m for m in by_kind)
    school_age = [k for k in kids if rules.is_school_age(k.birth_date, TODAY)]
    with store.read_session() as s:
        ids = dict(s.execute(select(Child.id_number, Child.id)).all())
        tasks = s.scalars(select(ReturnToSchoolTask)).all()
        assert sorted(t.child_id for t in tasks) == sorted(ids[k.id_number] for k in school_age[:6])
        assert all(t.status == "劝返中" for t in tasks)
        uncertain = s.scalars(select(SchoolRollFinding).where(SchoolRollFinding.kind == rules.UNCERTAIN)).all()
        assert sorted(f.child_id for f in uncertain) == sorted(ids[k.id_number] for k in school_age[10:13])
        assert not any(f.certain for f in uncertain)
        other = s.scalars(select(SchoolRollFinding).where(SchoolRollFinding.kind == rules.OTHER_SCHOOL)).all()
        assert {f.child_id for f in other} == {ids[k.id_number] for k in school_age[6:10]}
        # the task shows in the child's audit trail and is queued for sync
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.table_name == "return_to_school_task", AuditEntry.child_id == tasks[0].child_id)) == 1
        assert s.scalar(select(func.count()).select_from(OutboxChange).where(
            OutboxChange.table_name == "school_roll_import")) == 1
    # importing the same file again changes nothing
    with store.session() as s:
        again = imp.import_roll(s, path, today=TODAY, skip_bad=True)
    assert again.already_imported
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(SchoolRollImport)) == 1
        assert s.scalar(select(func.count()).select_from(ReturnToSchoolTask)) == 6


def test_csv_gbk_variant_headers_and_back_to_school(store, tmp_path):
    kids = sample.village_children(40, seed=3, today=TODAY)
    _load_village(store, kids)
    header, rows, expected = sample.make_roll(kids, today=TODAY, total=300, seed=5)
    good = [r for r in rows if r[0] - 1 + 2 not in expected.bad_rows and r[0] + 1 != expected.duplicate_row]
    h2, rows2 = sample.as_csv_variant(header, good)
    path = tmp_path / "roll.csv"
    sample.write_csv(path, h2, rows2, encoding="gb18030")
    with store.session() as s:
        result = imp.import_roll(s, path, today=TODAY)
    assert result.counts[rules.DROPOUT_RISK] == 6 and result.counts["错误行"] == 0
    # a later roll lists the first absent child: its task closes as 已复学
    school_age = [k for k in kids if rules.is_school_age(k.birth_date, TODAY)]
    back = school_age[0]
    rows3 = rows2 + [[back.name, back.id_number, back.birth_date, back.school, "三年级", "东山村", "在读"]]
    path3 = tmp_path / "roll2.csv"
    sample.write_csv(path3, h2, rows3)
    with store.session() as s:
        result = imp.import_roll(s, path3, today=TODAY + dt.timedelta(days=30))
    assert result.tasks_closed == 1 and result.tasks_opened == 0
    with store.read_session() as s:
        child_id = s.scalar(select(Child.id).where(Child.id_number == back.id_number))
        task = s.scalar(select(ReturnToSchoolTask).where(ReturnToSchoolTask.child_id == child_id))
        assert task.status == "已复学" and task.closed_on == TODAY + dt.timedelta(days=30)
        assert len(imp.open_tasks(s)) == 5


def test_missing_column_and_mapping_step(store, tmp_path):
    path = tmp_path / "roll.csv"
    path.write_text("学生姓名,学生证件,学校名称\n张三,320115201405067050,东山小学\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        with store.session() as s:
            imp.import_roll(s, path, today=TODAY)
    assert "缺少必需的列：身份证号" in err.value.message and "学生证件" in err.value.message
    # the mapping step names the column: now the row itself is checked and named
    with pytest.raises(imp.RollRowsError) as err:
        with store.session() as s:
            imp.import_roll(s, path, {"学生证件": "身份证号"}, today=TODAY)
    assert err.value.errors[0].row_no == 2 and "校验位" in err.value.errors[0].message


@pytest.mark.parametrize("name,content,words", [
    ("roll.xlsx", b"this is not a zip file at all", "不是有效的 Excel"),
    ("roll.xlsx", b"PK\x03\x04broken", "不是有效的 Excel"),
    ("roll.xls", b"\xd0\xcf\x11\xe0old", "另存为"),
    ("roll.pdf", b"%PDF-1.4", "不支持的文件类型"),
    ("roll.csv", b"", "是空的"),
    ("roll.csv", "姓名,身份证号,学校\n".encode(), "没有学生数据"),
])
def test_malformed_files_get_clear_messages(store, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as err:
        with store.session() as s:
            imp.import_roll(s, path, today=TODAY)
    assert words in err.value.message
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(SchoolRollImport)) == 0


def test_committed_sample_file_is_the_generators_output():
    from pathlib import Path

    from openpyxl import load_workbook

    path = Path(__file__).parent / "fixtures" / "school_roll_sample.xlsx"
    header, rows, _ = sample.make_roll(sample.village_children(80, seed=7, today=TODAY), today=TODAY, total=400)
    wb = load_workbook(path, read_only=True)
    got = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    wb.close()
    assert got[1] == header
    norm = lambda v: v.date() if isinstance(v, dt.datetime) else ("" if v is None else v)  # noqa: E731
    assert [[norm(v) for v in r] for r in got[2:]] == [[norm(v) for v in r] for r in rows]
