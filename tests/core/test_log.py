"""The log: rotating file in the overridable folder, child data filtered out of every line."""

import logging

from app.core import log
from app.core.errors import NotFoundError, TonghuError
from app.domain.errors import ValidationError


def test_scrub_hides_personal_data():
    text = ("name=张小明 {'notes': '父亲在外打工，家里困难'} 身份证号：32011520100101123X 电话 13812345678 "
            "座机 025-84561234 [parameters: ('王芳', '备注')]")
    clean = log.scrub(text)
    for secret in ("张小明", "父亲在外打工", "32011520100101123X", "13812345678", "84561234", "王芳"):
        assert secret not in clean
    assert clean.count(log.REDACTED) >= 6


def test_scrub_keeps_ids_and_counts():
    text = "child 0190f7a2-aaaa-7bbb-8ccc-123456789012 saved; 12 rows; filename=roll.xlsx"
    assert log.scrub(text) == text


def test_setup_writes_filtered_records_to_the_overridden_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(log.ENV_DIR, str(tmp_path))
    path = log.setup("unit")
    try:
        logger = logging.getLogger("app.test")
        logger.warning("saved child name=%s id_number=%s", "李四", "320115201001011234")
        try:
            raise ValueError("bad value for 姓名：赵六")
        except ValueError:
            logger.exception("failed")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
    finally:
        logging.getLogger().removeHandler(log._installed.pop(f"unit:{path}"))
    assert path.parent == tmp_path and path.name == "tonghu-unit.log"
    assert "saved child" in text and "Traceback" in text and "ValueError" in text
    for secret in ("李四", "320115201001011234", "赵六"):
        assert secret not in text


def test_error_tree():
    assert issubclass(NotFoundError, TonghuError) and issubclass(NotFoundError, LookupError)
    exc = ValidationError("name", "请填写姓名")
    assert isinstance(exc, TonghuError) and exc.user_message() == "请填写姓名" and exc.code == "invalid"
    assert NotFoundError().user_message()
