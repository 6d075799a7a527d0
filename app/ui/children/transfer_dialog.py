"""The 转出 dialog: the child moves to another village of the county (choose the receiving village,
give the reason — the file and its history go there with the next sync, and this laptop keeps
nothing afterwards), or leaves the county (marked 已转出, the file stays here)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout,
)

from app.core import clock
from app.data import children as data
from app.data import transfer
from app.domain import vocab
from app.domain.errors import ValidationError, ValidationErrors
from app.ui.messages import user_text
from app.ui.widgets import OptionalDateEdit


class TransferDialog(QDialog):
    """Shown by the child's file for 转出…; `moved_to` holds the receiving village after a transfer."""

    def __init__(self, ctx, child_id: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id = child_id
        self.moved_to: str | None = None
        self.setWindowTitle(self.tr("转出"))
        self.setObjectName("transferDialog")
        current = ctx.store.village_code
        self.within = QRadioButton(self.tr("转到本县其他村（社区）"))
        self.away = QRadioButton(self.tr("迁出本县（标记为已转出，档案留在本村）"))
        self.within.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.within)
        group.addButton(self.away)
        self.village = QComboBox()
        self.village.setEditable(True)
        self.village.setObjectName("receivingVillage")
        self.village.lineEdit().setPlaceholderText(self.tr("选择村，或输入12位区划代码"))
        for code, name in ctx.store.read(transfer.known_villages):
            if code != current:
                self.village.addItem(f"{name}（{code}）", code)
        self.village.setCurrentIndex(-1)
        self.reason = QLineEdit()
        self.reason.setObjectName("transferReason")
        self.reason.setPlaceholderText(self.tr("如：随祖父母迁居"))
        self.date = OptionalDateEdit()
        self.date.set_value(clock.today())
        self.hint = QLabel(self.tr("转出后，儿童的档案和全部记录在下次同步时转到接收村；"
                                   "本机同步后不再保存该儿童的信息。"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#555;")
        self.error = QLabel()
        self.error.setObjectName("transferError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#c5221f;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("接收村（社区）"), self.village)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.tr("日期"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("转出"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.within)
        layout.addWidget(self.away)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.within.toggled.connect(self._mode)
        self.setMinimumWidth(460)

    def _mode(self, within: bool) -> None:
        self.village.setEnabled(within)
        self.hint.setVisible(within)

    def receiving_code(self) -> str:
        text = self.village.currentText().strip()
        index = self.village.findText(text)
        if index >= 0:
            return self.village.itemData(index)
        return text.rsplit("（", 1)[-1].rstrip("）") if text.endswith("）") else text

    def save(self) -> None:
        on = self.date.value() or clock.today()
        try:
            if self.within.isChecked():
                code = self.receiving_code()
                self.ctx.store.run(transfer.transfer_child, self.child_id, code, self.reason.text(), on)
                self.moved_to = code
            else:
                if not self.reason.text().strip():
                    raise ValidationError("reason", "请填写转出原因，如：随父母迁往常州市武进区")
                self.ctx.store.run(data.set_status, self.child_id, vocab.STATUS_TRANSFERRED, on,
                                   self.reason.text().strip())
        except (ValidationErrors, ValidationError) as exc:
            errors = exc.by_field() if isinstance(exc, ValidationErrors) else {exc.field: exc.message}
            self.error.setText("；".join(user_text(m) for m in errors.values()))
            self.error.show()
            return
        self.accept()
