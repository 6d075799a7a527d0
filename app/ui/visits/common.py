"""Small helpers shared by the visits screens: colour badges, dates, error display, the policy."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.domain.policy import Policy, PolicyError, default_policy
from app.ui.look import RISK_MEANING, set_risk


def tr(text: str) -> str:
    return QCoreApplication.translate("Visits", text)


def badge(colour: str, text: str | None = None) -> QLabel:
    """A label in the risk colour (grey '未评估' when there is none)."""
    label = QLabel(text if text is not None else (tr(colour) if colour else tr("未评估")))
    set_risk(label, colour)
    return label


def set_badge(label: QLabel, colour: str, text: str | None = None) -> None:
    label.setText(text if text is not None else (tr(colour) if colour else tr("未评估")))
    set_risk(label, colour)


def meaning(colour: str) -> str:
    return RISK_MEANING.get(colour, "")


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def load_policy_or_warn(parent: QWidget | None) -> Policy | None:
    """The assessment policy; a broken policy file is shown as a message, not a crash."""
    try:
        return default_policy()
    except PolicyError as exc:
        QMessageBox.critical(parent, tr("评估标准文件有误"), str(exc))
        return None
