"""Add or edit a child: every error appears at its field, and nothing is saved until all are valid.

Sex and birth date are shown as read from the ID number (app.domain.idnumber); the store
derives and saves them itself in `save_child`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QDialogButtonBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from app.data import children as data
from app.domain import idnumber, vocab
from app.domain.errors import ValidationError, ValidationErrors
from app.ui.guard import GuardedDialog
from app.ui.messages import user_text
from app.ui.widgets import Field, FieldForm, fmt_date

PHOTO_SIZE = 240


def child_fields() -> list[Field]:
    return [
        Field("name", "姓名"),
        Field("id_number", "身份证号码", placeholder=QT_TRANSLATE_NOOP("", "18位居民身份证号码")),
        Field("sex", "性别", read_only=True, placeholder=QT_TRANSLATE_NOOP("", "由身份证号自动得出")),
        Field("birth_date", "出生日期", read_only=True, placeholder=QT_TRANSLATE_NOOP("", "由身份证号自动得出")),
        Field("ethnicity", "民族", "edit_choice", vocab.ETHNICITIES),
        Field("hukou_type", "户口性质", "choice", vocab.HUKOU_TYPES),
        Field("hukou_place", "户籍地"),
        Field("address", "现住址"),
        Field("group_name", "村民小组", placeholder=QT_TRANSLATE_NOOP("", "如：3组")),
        Field("phone", "联系电话"),
        Field("guardianship_state", "监护状况", "choice", vocab.GUARDIANSHIP_STATES),
        Field("school", "就读学校"),
        Field("school_stage", "就学阶段", "choice", [""] + vocab.SCHOOL_STAGES),
        Field("grade", "年级"),
        Field("health", "健康状况", "edit_choice", vocab.HEALTH_STATES),
        Field("illness", "患病情况"),
        Field("disability_type", "残疾类型", "choice", vocab.DISABILITY_TYPES),
        Field("disability_grade", "残疾等级", "choice", vocab.DISABILITY_GRADES),
        Field("disability_cert_no", "残疾证号"),
        Field("notes", "备注", "multiline"),
    ]


def scaled_photo(path: str) -> bytes | None:
    """Read an image file and shrink it to a small JPEG for the file (None if unreadable)."""
    image = QImage(path)
    if image.isNull():
        return None
    image = image.scaled(PHOTO_SIZE, PHOTO_SIZE, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    raw = QByteArray()
    buf = QBuffer(raw)
    buf.open(QIODevice.WriteOnly)
    image.save(buf, "JPEG", 85)
    return bytes(raw.data())


class ChildDialog(GuardedDialog):
    """New child when `child_id` is None, otherwise edit that child."""

    def __init__(self, ctx, child_id: str | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.child_id = child_id
        self.photo: bytes | None = None
        self.photo_changed = False
        self.setWindowTitle(self.tr("编辑儿童信息") if child_id else self.tr("新增儿童"))
        self.form = FieldForm(child_fields(), columns=2)

        # photo (optional)
        self.photo_label = QLabel(self.tr("无照片"))
        self.photo_label.setFixedSize(96, 120)
        self.photo_label.setAlignment(Qt.AlignCenter)
        self.photo_label.setStyleSheet("border:1px solid #ccc;")
        pick = QPushButton(self.tr("选择照片…"))
        pick.clicked.connect(self.pick_photo)
        clear = QPushButton(self.tr("清除照片"))
        clear.clicked.connect(self.clear_photo)
        photo_box = QVBoxLayout()
        photo_box.addWidget(self.photo_label)
        photo_box.addWidget(pick)
        photo_box.addWidget(clear)
        photo_box.addStretch()

        body = QHBoxLayout()
        body.addWidget(self.form, 1)
        body.addLayout(photo_box)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(body)

        self.category_boxes: dict[str, QCheckBox] = {}
        if child_id is None:
            group = QGroupBox(self.tr("儿童类别（可多选，之后可在“儿童类别”页补充依据）"))
            grid = QGridLayout(group)
            for i, c in enumerate(vocab.CATEGORIES):
                box = QCheckBox(self.tr(c))  # the stored value stays the Chinese word
                self.category_boxes[c] = box
                grid.addWidget(box, i // 3, i % 3)
            content_layout.addWidget(group)
            self.category_error = QLabel()
            self.category_error.setStyleSheet("color:#c5221f;")
            self.category_error.hide()
            content_layout.addWidget(self.category_error)
            # 农村留守儿童 needs a parent recorded as working away (issue 13)
            away = QGroupBox(self.tr("外出务工的父母（农村留守儿童必填，详情之后在“家庭与监护”中补充）"))
            away_grid = QGridLayout(away)
            self.away_boxes: dict[str, tuple[QCheckBox, QLineEdit, QLineEdit]] = {}
            for r, (relation, label) in enumerate((("父亲", self.tr("父亲外出务工")), ("母亲", self.tr("母亲外出务工")))):
                box = QCheckBox(label)
                box.setObjectName(f"away_{relation}")
                name = QLineEdit()
                name.setObjectName(f"awayName_{relation}")
                name.setPlaceholderText(self.tr("姓名"))
                place = QLineEdit()
                place.setObjectName(f"awayPlace_{relation}")
                place.setPlaceholderText(self.tr("务工地，如：浙江杭州"))
                away_grid.addWidget(box, r, 0)
                away_grid.addWidget(name, r, 1)
                away_grid.addWidget(place, r, 2)
                self.away_boxes[relation] = (box, name, place)
            content_layout.addWidget(away)
            self.away_error = QLabel()
            self.away_error.setObjectName("awayError")
            self.away_error.setStyleSheet("color:#c5221f;")
            self.away_error.hide()
            content_layout.addWidget(self.away_error)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.NoFrame)

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(900, 660)

        for b in buttons.buttons():
            b.setAutoDefault(False)
        self.form.inputs["id_number"].textChanged.connect(self._id_changed)
        if child_id:
            self._load()
        self.mark_clean()

    def _load(self) -> None:
        child = self.ctx.store.read(data.get_child, self.child_id)
        values = {name: getattr(child, name, None) for name in self.form.inputs}
        self.photo = child.photo
        self.form.set_values(values)
        self._show_photo()

    def _id_changed(self, text: str) -> None:
        """Show what the ID says (sex, birth date) while typing; the store derives them on save."""
        try:
            info = idnumber.parse(text)
        except ValidationError:
            self.form.set_values({"sex": "", "birth_date": ""})
            return
        self.form.set_values({"sex": info.sex, "birth_date": fmt_date(info.birth_date)})
        warning = self.form.errors["id_number"]
        if not info.region_known:  # a warning only: the checksum and the birth date decide (issue 13)
            warning.setText(self.tr("提示：地区代码 {r} 不在内置代码表中，请核对（可以保存）").format(r=info.region))
            warning.show()
        elif warning.text().startswith(self.tr("提示：")):
            warning.hide()

    def pick_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择照片"), "", self.tr("图片 (*.jpg *.jpeg *.png *.bmp)"))
        if path:
            photo = scaled_photo(path)
            if photo is None:
                self.form.show_errors({"photo": self.tr("无法读取这张图片")})
                return
            self.photo, self.photo_changed = photo, True
            self._show_photo()

    def clear_photo(self) -> None:
        self.photo, self.photo_changed = None, True
        self._show_photo()

    def _show_photo(self) -> None:
        if self.photo:
            pix = QPixmap()
            pix.loadFromData(self.photo)
            self.photo_label.setPixmap(pix.scaled(self.photo_label.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))
        else:
            self.photo_label.clear()
            self.photo_label.setText(self.tr("无照片"))

    def values(self) -> dict:
        values = self.form.values()
        if self.photo_changed:
            values["photo"] = self.photo
        return values

    def selected_categories(self) -> list[str]:
        return [c for c, box in self.category_boxes.items() if box.isChecked()]

    def save(self) -> None:
        """Save in one transaction; on any validation error show it at the field and keep the dialog open."""
        self.form.clear_errors()
        if self.category_boxes:
            self.category_error.hide()
            self.away_error.hide()
        values = self.values()
        if self.child_id is None:
            values["categories"] = self.selected_categories()
            values["away_parents"] = [{"relation": relation, "name": name.text().strip(), "work_place": place.text().strip()}
                                      for relation, (box, name, place) in self.away_boxes.items() if box.isChecked()]
        try:
            child_id = self.ctx.store.run(data.save_child, values, child_id=self.child_id).id
        except ValidationErrors as exc:
            self.show_errors(exc.by_field())
            return
        except ValidationError as exc:
            self.show_errors({exc.field: exc.message})
            return
        self.child_id = child_id
        self.accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        errors = dict(errors)
        category_message = errors.pop("categories", "")
        away_message = errors.pop("away_parents", "")
        if away_message and self.category_boxes:
            self.away_error.setText(user_text(away_message))
            self.away_error.show()
        self.form.show_errors(errors)
        if category_message and self.category_boxes:
            self.category_error.setText(user_text(category_message))
            self.category_error.show()
        elif category_message:
            self.form.show_errors({**errors, "categories": category_message})
